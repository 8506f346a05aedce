package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mujun.evaluation.EvaluationTestData.TOWN;
import static org.mujun.evaluation.EvaluationTestData.YEAR;
import static org.mujun.evaluation.EvaluationTestData.uscc;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.security.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The evaluation's pages and REST API: scheme editing and versioning, files, runs, results, explanations, jurisdiction. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class EvaluationWebIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationSchemes schemes;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void data() {
        EvaluationTestData.install(jdbc);
    }

    JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The published hand-worked scheme (shared with EvaluationRunsIntegrationTest; created once). */
    long publishedHandWorked() {
        return EvaluationTestData.as(fx, "fx-county", () -> schemes.latestPublished(TOWN, YEAR, Scope.system(TOWN)).orElseGet(() -> {
            SchemeVersion d = schemes.draft(TOWN, YEAR, Scope.system(TOWN)).orElseGet(() -> schemes.createDraft(EvaluationTestData.scheme(), "fx-county"));
            return schemes.publish(d.id(), d.lockVersion(), "fx-county");
        })).id();
    }

    @Test
    void schemeEditorValidatesFieldByFieldAndVersionsOnPublish() throws Exception {
        // open the default scheme of a town and year nobody else uses
        MvcResult opened = mvc.perform(post("/evaluation/schemes/default").param("region", "331082109").param("year", "2033")
                .with(fx.as("fx-county")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String editor = opened.getResponse().getRedirectedUrl();
        long id = Long.parseLong(editor.substring(editor.lastIndexOf('/') + 1));
        SchemeVersion draft = EvaluationTestData.as(fx, "fx-county", () -> schemes.get(id));
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.scheme()).isEqualTo(Scheme.defaultScheme("331082109", 2033));
        mvc.perform(get(editor).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"p0.i0.weight\"")))
                .andExpect(content().string(containsString("id=\"save-scheme\"")));
        // the auditor reads it, without a save button
        mvc.perform(get(editor).with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"save-scheme\""))));

        Map<String, String> form = SchemeForm.values(draft.scheme());
        // 规上 亩均税收 30 → 35: the weights sum to 105; and a weight that is not a number
        form.put("p0.i0.weight", "35");
        String page = postForm(id, form, draft.lockVersion()).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("权重合计须为100，现为105").contains("weights must sum to 100, they sum to 105");
        form.put("p1.i7.weight", "fifty");
        page = postForm(id, form, draft.lockVersion()).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the message sits right after the field it is about
        int field = page.indexOf("name=\"p1.i7.weight\"");
        assertThat(field).isPositive();
        assertThat(page.substring(field, field + 400)).contains("“fifty”不是数字");
        // a valid change is saved (lock version + 1); a stale lock version is refused with 409
        form.put("p0.i0.weight", "30");
        form.put("p1.i7.weight", "50");
        form.put("p0.i0.cap", "1.5");
        postForm(id, form, draft.lockVersion()).andExpect(status().is3xxRedirection());
        SchemeVersion saved = EvaluationTestData.as(fx, "fx-county", () -> schemes.get(id));
        assertThat(saved.lockVersion()).isEqualTo(draft.lockVersion() + 1);
        assertThat(saved.scheme().population(PopulationKind.ABOVE).indicators().get(0).cap()).isEqualTo(1.5);
        postForm(id, form, draft.lockVersion()).andExpect(status().isConflict());

        // publish: the version is frozen; editing means a new version
        mvc.perform(post("/evaluation/schemes/" + id + "/publish").param("lockVersion", "" + saved.lockVersion())
                .with(fx.as("fx-county")).with(csrf())).andExpect(status().is3xxRedirection());
        SchemeVersion pub = EvaluationTestData.as(fx, "fx-county", () -> schemes.get(id));
        assertThat(pub.draft()).isFalse();
        postForm(id, form, pub.lockVersion()).andExpect(status().isBadRequest());
        MvcResult nv = mvc.perform(post("/evaluation/schemes/" + id + "/new-version").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String v2url = nv.getResponse().getRedirectedUrl();
        SchemeVersion v2 = EvaluationTestData.as(fx, "fx-county", () -> schemes.get(Long.parseLong(v2url.substring(v2url.lastIndexOf('/') + 1))));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.draft()).isTrue();
        assertThat(v2.basedOn()).isEqualTo(id);
        assertThat(v2.scheme()).isEqualTo(pub.scheme());
        // only the region's admins edit
        mvc.perform(post("/evaluation/schemes/" + v2.id()).param("lockVersion", "0").with(fx.as("fx-auditor")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/evaluation/schemes/" + v2.id()).param("lockVersion", "0").with(fx.as("fx-other-county")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'EVALUATION_SCHEME_PUBLISH' and target = :t")
                .param("t", "evaluation-scheme:" + id).query(Long.class).single()).isEqualTo(1);
    }

    private org.springframework.test.web.servlet.ResultActions postForm(long id, Map<String, String> form, int lock) throws Exception {
        var req = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/evaluation/schemes/" + id)
                .param("lockVersion", "" + lock).with(fx.as("fx-county")).with(csrf());
        for (var e : form.entrySet()) {
            req = req.param(e.getKey(), e.getValue());
        }
        return mvc.perform(req);
    }

    @Test
    void schemesRoundTripThroughFilesAndTheApi() throws Exception {
        JsonNode created = body(mvc.perform(post("/api/v1/evaluation/schemes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"region\":\"331082110\",\"year\":2034}").with(fx.as("fx-city")).with(csrf()))
                .andExpect(status().isCreated()).andReturn());
        long id = created.get("id").asLong();
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("scheme").get("populations").size()).isEqualTo(2);
        // export as YAML and import into the draft: the same scheme comes back
        String yaml = mvc.perform(get("/api/v1/evaluation/schemes/" + id + "/export").param("format", "yaml").with(fx.as("fx-auditor")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString("scheme-331082110-2034-v1.yaml")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String changed = yaml.replace("name: ", "name: 导入 ");
        JsonNode imported = body(mvc.perform(multipart("/api/v1/evaluation/schemes/import")
                .file(new MockMultipartFile("file", "s.yaml", "application/yaml", changed.getBytes(StandardCharsets.UTF_8)))
                .param("id", "" + id).param("lockVersion", created.get("lockVersion").asString()).with(fx.as("fx-city")).with(csrf()))
                .andExpect(status().isCreated()).andReturn());
        assertThat(imported.get("name").asString()).startsWith("导入 ");
        Scheme back = SchemeFiles.fromJson(json.writeValueAsString(imported.get("scheme")));
        assertThat(back.withName(SchemeFiles.fromYaml(yaml).name())).isEqualTo(SchemeFiles.fromYaml(yaml));
        // a malformed file: 400 naming the field and the line
        String broken = yaml.replaceFirst("weight: 30.0", "weight: thirty");
        JsonNode problem = body(mvc.perform(multipart("/api/v1/evaluation/schemes/import")
                .file(new MockMultipartFile("file", "s.yaml", "application/yaml", broken.getBytes(StandardCharsets.UTF_8)))
                .param("id", "" + id).param("lockVersion", imported.get("lockVersion").asString()).with(fx.as("fx-city")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(problem.get("path").asString()).isEqualTo("populations[0].indicators[0].weight");
        assertThat(problem.get("line").asInt()).isPositive();
        // validation reports every problem with its path; an invalid save is refused with them
        String invalid = SchemeFiles.toJson(Scheme.defaultScheme("331082110", 2034)).replaceFirst("\"weight\" : 30.0", "\"weight\" : 31.0");
        mvc.perform(post("/api/v1/evaluation/schemes/validate").contentType(MediaType.APPLICATION_JSON).content(invalid)
                        .with(fx.as("fx-auditor")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problems[0].path").value("populations[0].indicators"));
        mvc.perform(put("/api/v1/evaluation/schemes/" + id).param("lockVersion", imported.get("lockVersion").asString())
                        .contentType(MediaType.APPLICATION_JSON).content(invalid).with(fx.as("fx-city")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].path").value("populations[0].indicators"));
        mvc.perform(post("/api/v1/evaluation/schemes/" + id + "/publish").param("lockVersion", imported.get("lockVersion").asString())
                .with(fx.as("fx-city")).with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        // a published version cannot be saved again
        mvc.perform(put("/api/v1/evaluation/schemes/" + id).param("lockVersion", "99").contentType(MediaType.APPLICATION_JSON)
                        .content(SchemeFiles.toJson(back)).with(fx.as("fx-city")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("is published and cannot change")));
    }

    @Test
    void runResultsAndExplanationThroughTheApiAndPages() throws Exception {
        long schemeId = publishedHandWorked();
        JsonNode run = body(mvc.perform(post("/api/v1/evaluation/runs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schemeId\":" + schemeId + "}").with(fx.as("fx-county")).with(csrf())).andExpect(status().isCreated()).andReturn());
        long runId = run.get("header").get("id").asLong();
        assertThat(run.get("header").get("kind").asString()).isEqualTo("OFFICIAL");
        assertThat(run.get("populations").get(0).get("size").asInt()).isEqualTo(10);
        // results: filter by class, sort by 亩均税收
        JsonNode d = body(mvc.perform(get("/api/v1/evaluation/runs/" + runId + "/results").param("class", "D").with(fx.as("fx-auditor")))
                .andExpect(status().isOk()).andReturn());
        assertThat(d.get("total").asInt()).isEqualTo(1);
        assertThat(d.get("items").get(0).get("uscc").asString()).isEqualTo(uscc(10));
        JsonNode byTax = body(mvc.perform(get("/api/v1/evaluation/runs/" + runId + "/results").param("sort", "TAX_PER_MU").param("size", "3")
                .with(fx.as("fx-county"))).andReturn());
        assertThat(byTax.get("items").get(0).get("uscc").asString()).isEqualTo(uscc(1)); // 20 万元/亩
        assertThat(byTax.get("total").asInt()).isEqualTo(13);
        JsonNode named = body(mvc.perform(get("/api/v1/evaluation/runs/" + runId + "/results").param("q", "括苍测试05").with(fx.as("fx-county")))
                .andReturn());
        assertThat(named.get("total").asInt()).isEqualTo(1);
        // explanation of E05 (ExplanationUnitTest): 103.625, B; the last A is E02 with 140; +72.75 万元 tax (in doubles a hair
        // more: 72.76 rounded up to 0.01) or −3.05 亩 land
        JsonNode x = body(mvc.perform(get("/api/v1/evaluation/runs/" + runId + "/results/" + uscc(5) + "/explanation").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn());
        JsonNode ex = x.get("explanation");
        assertThat(ex.get("total").asDouble()).isEqualTo(103.625);
        assertThat(ex.get("next").get("target").asString()).isEqualTo("A");
        assertThat(ex.get("next").get("boundaryUscc").asString()).isEqualTo(uscc(2));
        assertThat(ex.get("next").get("tax").get("exact").asDouble()).isCloseTo(72.75, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ex.get("next").get("tax").get("rounded").asDouble()).isEqualTo(72.76);
        assertThat(ex.get("next").get("land").get("rounded").asDouble()).isEqualTo(3.05);
        assertThat(ex.get("contributions").get(0).get("industryPercentile").asDouble()).isEqualTo(20.0); // C26: 10 ≤ {10,12,13,16,20} → 1 of 5
        assertThat(x.get("input").get("input").get("landMu").asDouble()).isEqualTo(10.0);

        // pages
        mvc.perform(get("/evaluation/runs/" + runId).param("class", "A").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("括苍测试01号企业"))).andExpect(content().string(containsString("10.0000 万元/亩")))
                .andExpect(content().string(not(containsString("括苍测试05号企业"))));
        mvc.perform(get("/evaluation/runs/" + runId + "/enterprises/" + uscc(5)).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("72.76"))).andExpect(content().string(containsString("3.05")))
                .andExpect(content().string(containsString(Evaluation.TIE_BREAK_ZH)));
        mvc.perform(get("/evaluation/runs/" + runId + "/enterprises/" + uscc(5)).param("lang", "en").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tax per mu")));
        mvc.perform(get("/evaluation/runs/" + runId + "/export").with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")));
        mvc.perform(get("/evaluation/runs").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/evaluation/runs/" + runId + "\"")));

        // jurisdiction: the test town is in no fixture officer's town; enterprises never see a COMPUTED run
        mvc.perform(get("/api/v1/evaluation/runs/" + runId + "/results/" + uscc(5) + "/explanation").with(fx.as("fx-town")))
                .andExpect(status().isNotFound());
        // (a run of another town does not exist for a town officer at all)
        mvc.perform(get("/api/v1/evaluation/runs/" + runId + "/results").with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/evaluation/runs/" + runId).with(fx.as("fx-enterprise"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluation/runs/" + runId).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluation/runs").with(fx.as("fx-enterprise"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void townOfficerSeesItsTownAndTaxIsMaskedForIt() throws Exception {
        // a county-wide what-if of the default scheme in 2031: the fixture enterprises of towns 1 and 2 are in it (no 2031 figures)
        long id = EvaluationTestData.as(fx, "fx-county", () -> schemes.draft("331082", YEAR, Scope.system("331082"))
                .orElseGet(() -> schemes.openDefault("331082", YEAR, "fx-county"))).id();
        JsonNode run = body(mvc.perform(post("/api/v1/evaluation/runs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schemeId\":" + id + "}").with(fx.as("fx-county")).with(csrf())).andExpect(status().isCreated()).andReturn());
        long runId = run.get("header").get("id").asLong();
        assertThat(run.get("header").get("kind").asString()).isEqualTo("WHAT_IF");
        // a town officer sees official runs only
        mvc.perform(get("/api/v1/evaluation/runs/" + runId).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        // an official run needs a published version
        mvc.perform(post("/api/v1/evaluation/runs").contentType(MediaType.APPLICATION_JSON).content("{\"schemeId\":" + id + ",\"kind\":\"OFFICIAL\"}")
                        .with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("an official run needs a published scheme")));
        SchemeVersion d = EvaluationTestData.as(fx, "fx-county", () -> schemes.get(id));
        EvaluationTestData.as(fx, "fx-county", () -> schemes.publish(id, d.lockVersion(), "fx-county"));
        JsonNode official = body(mvc.perform(post("/api/v1/evaluation/runs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schemeId\":" + id + "}").with(fx.as("fx-county")).with(csrf())).andExpect(status().isCreated()).andReturn());
        long officialId = official.get("header").get("id").asLong();
        JsonNode townRows = body(mvc.perform(get("/api/v1/evaluation/runs/" + officialId + "/results").param("size", "1000")
                .with(fx.as("fx-town"))).andExpect(status().isOk()).andReturn());
        assertThat(townRows.get("total").asInt()).isPositive();
        for (JsonNode r : townRows.get("items")) {
            assertThat(r.get("regionCode").asString()).startsWith(TestFixture.TOWN_1);
            assertThat(r.get("taxPerMu").isNull()).isTrue();
        }
        mvc.perform(get("/api/v1/evaluation/runs/" + officialId + "/results/" + TestFixture.USCC_1 + "/explanation").with(fx.as("fx-town")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.input.input.taxWan").doesNotExist());
        mvc.perform(get("/api/v1/evaluation/runs/" + officialId + "/results/" + TestFixture.USCC_2 + "/explanation").with(fx.as("fx-town")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/evaluation/runs/" + officialId + "/enterprises/" + uscc(1)).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        JsonNode all = body(mvc.perform(get("/api/v1/evaluation/runs/" + officialId + "/results").param("region", TestFixture.TOWN_2)
                .with(fx.as("fx-county"))).andReturn());
        assertThat(all.get("total").asInt()).isPositive();
        // the enterprise page's panel shows the official result with a link to its explanation
        mvc.perform(get("/enterprises/" + fx.enterpriseId(TestFixture.USCC_1)).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/evaluation/runs/" + officialId + "/enterprises/" + TestFixture.USCC_1)));
    }

    @Test
    void aYearWithoutDataIsA400WithAMessage() throws Exception {
        long id = EvaluationTestData.as(fx, "fx-county", () -> schemes.draft("331082111", 2038, Scope.system("331082111"))
                .orElseGet(() -> schemes.openDefault("331082111", 2038, "fx-county"))).id();
        mvc.perform(post("/api/v1/evaluation/runs").contentType(MediaType.APPLICATION_JSON).content("{\"schemeId\":" + id + "}")
                        .with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("no data for 2038 in 331082111")));
    }

    @Test
    void exemptionApplicationsAreRecordedAuditedAndExemptTheEnterprise() throws Exception {
        mvc.perform(post("/evaluation/exemptions").param("uscc", uscc(6)).param("year", "2035").param("reason", "政策性搬迁")
                .param("approvedBy", "临经信〔2035〕12号").with(fx.as("fx-county")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/evaluation/exemptions").param("year", "2035").with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("临经信〔2035〕12号")));
        // outside the admin's region: refused
        mvc.perform(post("/evaluation/exemptions").param("uscc", TestFixture.USCC_3).param("year", "2035").param("reason", "x")
                .param("approvedBy", "y").with(fx.as("fx-county")).with(csrf())).andExpect(status().isBadRequest());
        EvaluationInputs.Loaded in = inputs.load(EvaluationTestData.scheme().withRegionAndYear(TOWN, 2035));
        EnterpriseInput e6 = in.rows().stream().map(EvaluationInputs.Row::input).filter(r -> r.uscc().equals(uscc(6))).findFirst().orElseThrow();
        assertThat(e6.exemptionApplied()).isEqualTo("政策性搬迁");
        long appId = jdbc.sql("select id from exemption_application where uscc = :u and year = 2035").param("u", uscc(6)).query(Long.class).single();
        mvc.perform(post("/evaluation/exemptions/" + appId + "/delete").with(fx.as("fx-auditor")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/evaluation/exemptions/" + appId + "/delete").with(fx.as("fx-county")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from audit_log where action like 'EXEMPTION_APPLICATION_%' and target = :t")
                .param("t", "exemption-application:" + appId).query(Long.class).single()).isEqualTo(2);
    }

    @Autowired EvaluationInputs inputs;

    @Test
    void buildPeriodInvestmentFromStatisticsGivesTheIncentive() throws Exception {
        // STATS template carries the new column
        mvc.perform(get("/api/v1/datasets/STATS/template.csv").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("固定资产投资(万元)")));
        String town = "331082112";
        String a = TestFixture.withCheck("91331082112000001");
        String b = TestFixture.withCheck("91331082112000002");
        if (jdbc.sql("select count(*) from enterprise where uscc = :u").param("u", a).query(Integer.class).single() == 0) {
            for (String u : List.of(a, b)) {
                jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class, registered_on) values (:u, :n, :r, 'C34', 'ABOVE', date '2010-01-01')")
                        .param("u", u).param("n", "投资测试" + u.substring(15)).param("r", town).update();
                jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2) values (:c, :u, :r, 6666.70)")
                        .param("c", "EVAL-INV-OLD-" + u).param("u", u).param("r", town).update();
                jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, 2037, :t)").param("u", u).param("t", u.equals(a) ? 10 : 100).update();
            }
            // A bought a new parcel on 2035-06-01: its build period (3 years) runs in 2037; investment 2035 + 2036 = 11,000 万元
            jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2, transfer_date) values ('EVAL-INV-NEW', :u, :r, 1000, date '2035-06-01')")
                    .param("u", a).param("r", town).update();
            jdbc.sql("insert into stats_record (uscc, year, fixed_asset_investment) values (:u, 2034, 9000), (:u, 2035, 6000), (:u, 2036, 5000)")
                    .param("u", a).update();
        }
        Scheme s = Scheme.defaultScheme(town, 2037);
        EnterpriseInput ea = inputs.load(s).rows().stream().map(EvaluationInputs.Row::input).filter(r -> r.uscc().equals(a)).findFirst().orElseThrow();
        assertThat(ea.fixedAssetInvestmentWan()).isEqualTo(11_000.0); // 2034 is before the transfer year
        assertThat(ea.landTransferredOn()).isNull();                  // it also holds land without a transfer date: not in a build period
        EvaluationResult r = Evaluation.run(s, inputs.load(s).enterprises());
        EvaluationResult.EnterpriseResult ra = r.enterprise(a).orElseThrow();
        // two 规上 members: A share 20 % of 2 = 0.4 → no A place; A is last by score (D place: 5 % of 2 → 0; so B), the incentive lifts it to A
        assertThat(ra.scoreClass()).isEqualTo(EvaluationClass.B);
        assertThat(ra.finalClass()).isEqualTo(EvaluationClass.A);
        assertThat(ra.overrides()).singleElement().satisfies(o -> assertThat(o.reasonZh()).contains("11000万元"));
    }
}
