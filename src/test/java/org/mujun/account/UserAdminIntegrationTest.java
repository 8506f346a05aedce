package org.mujun.account;

import org.mujun.security.Users;
import org.mujun.security.PasswordPolicy;
import org.mujun.security.ApiTokens;
import org.mujun.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 用户管理 (SPEC §1, §11): the security admin creates accounts with one-time passwords, edits them
 * under optimistic locking, resets, unlocks, disables and enables them; every action is audited.
 * Each test makes its own accounts; the fixture accounts are only used to act.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class UserAdminIntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired AuditLog audit;
    @Autowired Users users;
    @Autowired ApiTokens tokens;
    @Autowired ResetPasswordCommand resetPasswordCommand;
    final ObjectMapper json = new ObjectMapper();

    static String uniqueName(String tag) {
        return "t-" + tag + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    JsonNode createViaApi(String body) throws Exception {
        String answer = mvc.perform(post("/api/v1/users").with(fx.as("fx-security")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(answer);
    }

    JsonNode createTownOfficer(String username) throws Exception {
        return createViaApi("""
                {"username":"%s","displayName":"古城街道 王五","role":"TOWN_OFFICER","regionCode":"%s"}"""
                .formatted(username, TestFixture.TOWN_1));
    }

    MvcResult signIn(String username, String password) throws Exception {
        return mvc.perform(formLogin().user(username).password(password)).andReturn();
    }

    /** Signs in with the one-time password and sets a password of one's own; the session is then fully usable. */
    MockHttpSession signInAndChangePassword(String username, String oneTime) throws Exception {
        MockHttpSession session = (MockHttpSession) signIn(username, oneTime).getRequest().getSession(false);
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", oneTime).param("password", "Own-Passw0rd-2026").param("confirm", "Own-Passw0rd-2026"))
                .andExpect(redirectedUrl("/"));
        return session;
    }

    List<AuditLog.Entry> auditOf(long userId) {
        return audit.search(new AuditLog.Filter(null, null, "user:" + userId, null, null), null, null, 100).stream()
                .filter(e -> ("user:" + userId).equals(e.target())).toList();
    }

    @Test
    void aNewAccountGetsAOneTimePasswordThatMustBeChangedAtFirstSignIn() throws Exception {
        String name = uniqueName("town");
        JsonNode created = createTownOfficer(name);
        String password = created.get("password").asString();
        long id = created.get("user").get("id").asLong();
        assertThat(password).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
        assertThat(PasswordPolicy.problems(name, password)).isEmpty();
        assertThat(created.get("user").get("mustChangePassword").asBoolean()).isTrue();
        assertThat(created.get("user").get("regionCode").asString()).isEqualTo(TestFixture.TOWN_1);
        assertThat(created.get("user").has("passwordHash")).as("no hash in the answer").isFalse();

        // The password is not kept anywhere readable: a second read shows no password.
        mvc.perform(get("/api/v1/users/" + id).with(fx.as("fx-security"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(name)).andExpect(content().string(not(containsString(password))));

        MvcResult login = signIn(name, password);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/energy").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/api/v1/tokens").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"sneaky\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("首次登录或密码被重置后")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", password).param("password", "Town-Officer-2026").param("confirm", "Town-Officer-2026"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(users.findById(id).orElseThrow().mustChangePassword()).isFalse();

        List<String> actions = auditOf(id).stream().map(AuditLog.Entry::action).toList();
        assertThat(actions).contains("USER_CREATED", "LOGIN", "PASSWORD_CHANGED");
        AuditLog.Entry createdEntry = auditOf(id).stream().filter(e -> e.action().equals("USER_CREATED")).findFirst().orElseThrow();
        assertThat(createdEntry.actor()).isEqualTo("fx-security");
        assertThat(createdEntry.detail()).contains(name, "TOWN_OFFICER", TestFixture.TOWN_1).doesNotContain(password);
        assertThat(audit.search(AuditLog.Filter.NONE, null, null, 200)).noneMatch(e -> e.detail() != null && e.detail().contains(password));
        assertThat(users.account(id).orElseThrow().lastLoginAt()).isNotNull();
    }

    @Test
    void roleAndRegionAreCheckedWithClearMessages() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"role\":\"PROVINCE_ADMIN\",\"regionCode\":\"3310\"}", "a PROVINCE_ADMIN needs a 2-digit province code",
                "{\"role\":\"CITY_ADMIN\",\"regionCode\":\"33\"}", "a CITY_ADMIN needs a 4-digit city code",
                "{\"role\":\"COUNTY_ADMIN\",\"regionCode\":\"339999\"}", "region code 339999 does not exist",
                "{\"role\":\"TOWN_OFFICER\",\"regionCode\":\"331082\"}", "a TOWN_OFFICER needs a 9-digit town code",
                "{\"role\":\"ENTERPRISE\",\"uscc\":\"" + TestFixture.withCheck("91331082MA2QQQQQ7") + "\"}", "no enterprise has the USCC",
                "{\"role\":\"DATA_PROVIDER\",\"regionCode\":\"331082\"}", "a DATA_PROVIDER needs at least one data set",
                "{\"role\":\"SECURITY_ADMIN\",\"regionCode\":\"33\"}", "a SECURITY_ADMIN has no region",
                "{\"role\":\"AUDITOR\"}", "an AUDITOR needs a region code");
        for (var c : cases.entrySet()) {
            String body = c.getKey().replace("{", "{\"username\":\"" + uniqueName("bad") + "\",\"displayName\":\"x\",");
            mvc.perform(post("/api/v1/users").with(fx.as("fx-security")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString(c.getValue())));
        }
        // User names are unique regardless of case.
        mvc.perform(post("/api/v1/users").with(fx.as("fx-security")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"FX-County\",\"displayName\":\"x\",\"role\":\"COUNTY_ADMIN\",\"regionCode\":\"331082\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("the user name FX-County is taken")));

        // Accepted: an enterprise account lands in its enterprise's town; a provider keeps its data sets; an auditor any level.
        JsonNode ent = createViaApi("{\"username\":\"%s\",\"displayName\":\"甲机械\",\"role\":\"ENTERPRISE\",\"uscc\":\"%s\"}"
                .formatted(uniqueName("ent"), TestFixture.USCC_1.toLowerCase()));
        assertThat(ent.get("user").get("regionCode").asString()).isEqualTo(TestFixture.TOWN_1);
        assertThat(ent.get("user").get("uscc").asString()).isEqualTo(TestFixture.USCC_1);
        JsonNode provider = createViaApi("{\"username\":\"%s\",\"displayName\":\"临海税务\",\"role\":\"DATA_PROVIDER\",\"regionCode\":\"331082\",\"datasets\":[\"tax\",\"STATS\"]}"
                .formatted(uniqueName("prov")));
        assertThat(provider.get("user").get("datasets").toString()).isEqualTo("[\"STATS\",\"TAX\"]");
        JsonNode auditor = createViaApi("{\"username\":\"%s\",\"displayName\":\"台州审计\",\"role\":\"AUDITOR\",\"regionCode\":\"3310\"}"
                .formatted(uniqueName("aud")));
        assertThat(auditor.get("user").get("role").asString()).isEqualTo("AUDITOR");
        JsonNode sec = createViaApi("{\"username\":\"%s\",\"displayName\":\"安全员\",\"role\":\"SECURITY_ADMIN\"}".formatted(uniqueName("sec")));
        assertThat(sec.get("user").get("regionCode").isNull()).isTrue();
    }

    @Test
    void theCreateFormShowsProblemsAndThenTheOneTimePassword() throws Exception {
        mvc.perform(get("/admin/users/new").with(fx.as("fx-security"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"regionCode\"")));
        mvc.perform(post("/admin/users").with(fx.as("fx-security")).with(csrf())
                        .param("username", uniqueName("form")).param("displayName", "王五").param("role", "TOWN_OFFICER").param("regionCode", "3310"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("a TOWN_OFFICER needs a 9-digit town code")))
                .andExpect(content().string(containsString("value=\"3310\"")));
        String name = uniqueName("form");
        String page = mvc.perform(post("/admin/users").with(fx.as("fx-security")).with(csrf())
                        .param("username", name).param("displayName", "王五").param("role", "TOWN_OFFICER").param("regionCode", TestFixture.TOWN_2))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"one-time-password\"")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String password = page.replaceAll("(?s).*id=\"one-time-password\">([^<]+)<.*", "$1");
        assertThat(PasswordPolicy.problems(name, password)).isEmpty();
        assertThat(signIn(name, password).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void lockedAfterFiveFailuresUntilUnlocked() throws Exception {
        String name = uniqueName("lock");
        JsonNode created = createTownOfficer(name);
        long id = created.get("user").get("id").asLong();
        String password = created.get("password").asString();
        for (int i = 0; i < Users.MAX_FAILURES; i++) {
            assertThat(signIn(name, "Wrong-Passw0rd-" + i).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(users.account(id).orElseThrow().locked()).isTrue();
        assertThat(signIn(name, password).getResponse().getRedirectedUrl()).as("right password, locked").isEqualTo("/login?error");
        mvc.perform(get("/api/v1/users?locked=true&size=1000").with(fx.as("fx-security")))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].failedAttempts").value(Users.MAX_FAILURES + 1))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].locked").value(true));
        mvc.perform(get("/admin/users/" + id).with(fx.as("fx-security"))).andExpect(content().string(containsString("id=\"unlock\"")));
        List<String> actions = auditOf(id).stream().map(AuditLog.Entry::action).toList();
        assertThat(audit.search(new AuditLog.Filter(null, "ACCOUNT_LOCKED", "user:" + name, null, null), null, null, 10)).hasSize(1);
        assertThat(audit.search(new AuditLog.Filter(name, "LOGIN_FAILED", null, null, null), null, null, 10)).hasSize(Users.MAX_FAILURES + 1);

        mvc.perform(post("/api/v1/users/" + id + "/unlock").with(fx.as("fx-security")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.failedAttempts").value(0));
        assertThat(signIn(name, password).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(auditOf(id)).extracting(AuditLog.Entry::action).contains("USER_UNLOCKED");
        assertThat(actions).contains("USER_CREATED");
    }

    @Test
    void aDisabledAccountCannotSignInItsTokensAndSessionsStopWorking() throws Exception {
        String name = uniqueName("prov");
        JsonNode created = createViaApi("{\"username\":\"%s\",\"displayName\":\"临海统计\",\"role\":\"DATA_PROVIDER\",\"regionCode\":\"331082\",\"datasets\":[\"STATS\"]}"
                .formatted(name));
        long id = created.get("user").get("id").asLong();
        String password = created.get("password").asString();
        String token = tokens.issue(id, "统计直报", Set.of("STATS"), Instant.now().plusSeconds(3600)).token();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        MockHttpSession session = (MockHttpSession) signIn(name, password).getRequest().getSession(false);
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());

        mvc.perform(post("/api/v1/users/" + id + "/disable").with(fx.as("fx-security")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        assertThat(signIn(name, password).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(auditOf(id)).extracting(AuditLog.Entry::action).contains("USER_DISABLED", "SESSION_ENDED");

        mvc.perform(post("/admin/users/" + id + "/enable").with(fx.as("fx-security")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + id));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(signIn(name, password).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(auditOf(id)).extracting(AuditLog.Entry::action).contains("USER_ENABLED");
    }

    @Test
    void aStaleEditIsAConflictAndARoleChangeRevokesTokensAndTakesEffectAtOnce() throws Exception {
        String name = uniqueName("edit");
        JsonNode created = createTownOfficer(name);
        long id = created.get("user").get("id").asLong();
        long tokenId = tokens.issue(id, "old", Set.of(), null).id();
        MockHttpSession session = signInAndChangePassword(name, created.get("password").asString());
        int version = users.account(id).orElseThrow().version();

        String toCounty = "{\"version\":%d,\"displayName\":\"临海 王五\",\"role\":\"COUNTY_ADMIN\",\"regionCode\":\"331082\"}";
        mvc.perform(put("/api/v1/users/" + id).with(fx.as("fx-security")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(toCounty.formatted(version)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("COUNTY_ADMIN"))
                .andExpect(jsonPath("$.version").value(version + 1));
        // Someone else's form still holds the old version.
        mvc.perform(put("/api/v1/users/" + id).with(fx.as("fx-security")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(toCounty.formatted(version)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("reload and try again")));
        mvc.perform(post("/admin/users/" + id).with(fx.as("fx-security")).with(csrf())
                        .param("version", Integer.toString(version)).param("displayName", "x").param("role", "TOWN_OFFICER")
                        .param("regionCode", TestFixture.TOWN_1))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/users/" + id).with(fx.as("fx-security")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"x\",\"role\":\"COUNTY_ADMIN\",\"regionCode\":\"331082\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("version is required")));

        assertThat(tokens.forUser(id)).filteredOn(t -> t.id() == tokenId).singleElement().matches(ApiTokens.TokenInfo::revoked);
        // The open session already acts with the new role: the county admin may open the energy list.
        assertThat(users.findById(id).orElseThrow().role()).isEqualTo(Role.COUNTY_ADMIN);
        mvc.perform(get("/api/v1/me").session(session)).andExpect(jsonPath("$.role").value("COUNTY_ADMIN"))
                .andExpect(jsonPath("$.regionCode").value("331082"));
        AuditLog.Entry updated = auditOf(id).stream().filter(e -> e.action().equals("USER_UPDATED")).findFirst().orElseThrow();
        assertThat(updated.detail()).contains("role: TOWN_OFFICER → COUNTY_ADMIN", "region: 331082001 → 331082");
        assertThat(auditOf(id)).extracting(AuditLog.Entry::action).contains("TOKENS_REVOKED");
    }

    @Test
    void aSecurityAdminCannotDisableOrDemoteThemself() throws Exception {
        String name = uniqueName("sec");
        JsonNode created = createViaApi("{\"username\":\"%s\",\"displayName\":\"安全员\",\"role\":\"SECURITY_ADMIN\"}".formatted(name));
        long id = created.get("user").get("id").asLong();
        MockHttpSession asMe = signInAndChangePassword(name, created.get("password").asString());
        int version = users.account(id).orElseThrow().version();
        mvc.perform(post("/api/v1/users/" + id + "/disable").session(asMe).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("you cannot disable your own account")));
        mvc.perform(put("/api/v1/users/" + id).session(asMe).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":%d,\"displayName\":\"x\",\"role\":\"AUDITOR\",\"regionCode\":\"33\"}".formatted(version)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("you cannot change your own role")));
        mvc.perform(post("/api/v1/users/" + id + "/reset-password").session(asMe).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/users/" + id + "/disable").session(asMe).with(csrf())).andExpect(redirectedUrl("/admin/users/" + id))
                .andExpect(flash().attribute("error", containsString("you cannot disable your own account")));
        assertThat(users.findById(id).orElseThrow().isEnabled()).isTrue();
        assertThat(users.findById(id).orElseThrow().role()).isEqualTo(Role.SECURITY_ADMIN);
        // Their display name they may change.
        mvc.perform(put("/api/v1/users/" + id).session(asMe).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":%d,\"displayName\":\"安全员 甲\",\"role\":\"SECURITY_ADMIN\"}".formatted(version)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.displayName").value("安全员 甲"));
    }

    @Test
    void aResetPasswordIsShownOnceMustBeChangedAndEndsOpenSessions() throws Exception {
        String name = uniqueName("reset");
        JsonNode created = createTownOfficer(name);
        long id = created.get("user").get("id").asLong();
        MockHttpSession session = (MockHttpSession) signIn(name, created.get("password").asString()).getRequest().getSession(false);
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());

        String page = mvc.perform(post("/admin/users/" + id + "/reset-password").with(fx.as("fx-security")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String password = page.replaceAll("(?s).*id=\"one-time-password\">([^<]+)<.*", "$1");
        assertThat(password).isNotEqualTo(created.get("password").asString());
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(signIn(name, created.get("password").asString()).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        MockHttpSession fresh = (MockHttpSession) signIn(name, password).getRequest().getSession(false);
        mvc.perform(get("/").session(fresh)).andExpect(redirectedUrl("/account/password"));
        AuditLog.Entry reset = auditOf(id).stream().filter(e -> e.action().equals("USER_PASSWORD_RESET")).findFirst().orElseThrow();
        assertThat(reset.actor()).isEqualTo("fx-security");
        assertThat(reset.detail()).doesNotContain(password);
    }

    @Test
    void theCommandLineResetsALostPassword() throws Exception {
        String name = uniqueName("cli");
        JsonNode created = createTownOfficer(name);
        long id = created.get("user").get("id").asLong();
        for (int i = 0; i < Users.MAX_FAILURES; i++) {
            signIn(name, "Wrong-Passw0rd-" + i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = resetPasswordCommand.run(List.of("--user", name), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        String password = out.replaceAll("(?s).*One-time password for " + name + " \\(TOWN_OFFICER\\): (\\S+).*", "$1");
        assertThat(PasswordPolicy.problems(name, password)).isEmpty();
        MvcResult login = signIn(name, password);
        assertThat(login.getResponse().getRedirectedUrl()).as("unlocked by the reset").isEqualTo("/");
        mvc.perform(get("/").session((MockHttpSession) login.getRequest().getSession(false))).andExpect(redirectedUrl("/account/password"));
        AuditLog.Entry reset = auditOf(id).stream().filter(e -> e.action().equals("USER_PASSWORD_RESET")).findFirst().orElseThrow();
        assertThat(reset.actor()).isEqualTo("cli");

        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        assertThat(resetPasswordCommand.run(List.of(), new PrintStream(ignored))).isEqualTo(2);
        assertThat(resetPasswordCommand.run(List.of("--user", "nobody-" + RUN), new PrintStream(ignored))).isEqualTo(1);
    }

    @Test
    void theListFiltersAndOnlyTheSecurityAdminGetsIn() throws Exception {
        String name = uniqueName("list");
        JsonNode created = createTownOfficer(name);
        long id = created.get("user").get("id").asLong();
        mvc.perform(get("/api/v1/users").param("q", name).with(fx.as("fx-security")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(get("/api/v1/users").param("q", name).param("role", "TOWN_OFFICER").param("region", "331082")
                        .param("locked", "false").param("disabled", "false").with(fx.as("fx-security")))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/users").param("q", name).param("role", "COUNTY_ADMIN").with(fx.as("fx-security")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/users").param("q", name).param("region", "331003").with(fx.as("fx-security")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/users").param("q", name).param("disabled", "true").with(fx.as("fx-security")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/users").param("role", "KING").with(fx.as("fx-security"))).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/users").param("role", "SECURITY_ADMIN").with(fx.as("fx-security"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("fx-security")))
                .andExpect(content().string(not(containsString(">fx-county<"))));
        mvc.perform(get("/admin/users/" + id).with(fx.as("fx-security"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(name))).andExpect(content().string(containsString("name=\"version\"")));
        for (String other : List.of("fx-province", "fx-county", "fx-auditor", "fx-town")) {
            mvc.perform(get("/admin/users").with(fx.as(other))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/users").with(fx.as(other))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/users").with(fx.as("fx-security"))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void signInPasswordChangeTokensAndSignOutAreAudited() throws Exception {
        String name = uniqueName("out");
        JsonNode created = createViaApi("{\"username\":\"%s\",\"displayName\":\"临海电力\",\"role\":\"DATA_PROVIDER\",\"regionCode\":\"331082\",\"datasets\":[\"ELECTRICITY\"]}"
                .formatted(name));
        long id = created.get("user").get("id").asLong();
        MockHttpSession session = signInAndChangePassword(name, created.get("password").asString());
        String issued = mvc.perform(post("/api/v1/tokens").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"供电直报\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long tokenId = json.readTree(issued).get("id").asLong();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/tokens/" + tokenId)
                .session(session).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(auditOf(id)).extracting(AuditLog.Entry::action).contains("USER_CREATED", "LOGIN", "PASSWORD_CHANGED", "LOGOUT");
        assertThat(audit.search(new AuditLog.Filter(name, null, "token:" + tokenId, null, null), null, null, 10))
                .extracting(AuditLog.Entry::action).containsExactly("TOKEN_REVOKED", "TOKEN_ISSUED");
        assertThat(audit.verify().intact()).isTrue();
    }
}
