package org.mujun.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

@MujunIntegrationTest
@AutoConfigureMockMvc
class EnergyIntegrationTest {

    // Years far from real data so other modules' test rows on the fixture enterprises cannot collide.
    static final int Y = 2092;
    static final int PREV = 2091;

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired EnergyCoefficients coefficients;
    @Autowired AuditLog audit;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void data() {
        // USCC_1 (town 1): 100 t coal + 1,000,000 kWh (month 0) in Y; in PREV 50 t coal and 12 × 10,000 kWh monthly
        energy(TestFixture.USCC_1, Y, "RAW_COAL", "100", "t");
        energy(TestFixture.USCC_1, PREV, "RAW_COAL", "50", "t");
        jdbc.sql("insert into electricity_record (uscc, year, month, kwh) values (:u, :y, 0, 1000000) on conflict do nothing")
                .param("u", TestFixture.USCC_1).param("y", Y).update();
        for (int m = 1; m <= 12; m++) {
            jdbc.sql("insert into electricity_record (uscc, year, month, kwh) values (:u, :y, :m, 10000) on conflict do nothing")
                    .param("u", TestFixture.USCC_1).param("y", PREV).param("m", m).update();
        }
        jdbc.sql("insert into stats_record (uscc, year, revenue, value_added) values (:u, :y, 5000, 1000) on conflict do nothing")
                .param("u", TestFixture.USCC_1).param("y", Y).update();
        // USCC_2 (town 2): 1 万m³ natural gas; USCC_3 (other county): 10 t diesel
        energy(TestFixture.USCC_2, Y, "NATURAL_GAS", "1", "万m3");
        energy(TestFixture.USCC_3, Y, "DIESEL", "10", "t");
    }

    void energy(String uscc, int year, String type, String qty, String unit) {
        jdbc.sql("insert into energy_record (uscc, year, energy_type, quantity, unit) values (:u, :y, :t, cast(:q as numeric), :n) on conflict do nothing")
                .param("u", uscc).param("y", year).param("t", type).param("q", qty).param("n", unit).update();
    }

    @Test
    void townOfficerSeesOnlyItsTownAndHandWorkedTotals() throws Exception {
        mvc.perform(get("/api/v1/energy/accounts").param("year", "" + Y).with(fx.as("fx-town")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].uscc").value(TestFixture.USCC_1))
                // 71.43 + 122.9 tce; 190.03 + 536.6 t CO₂ (SPEC §4 defaults, unless the coal/electricity factors were edited: they are not)
                .andExpect(jsonPath("$.items[0].tce").value(194.33))
                .andExpect(jsonPath("$.items[0].co2Tonnes").value(726.63));
        String body = mvc.perform(get("/api/v1/energy/accounts").param("year", "" + Y).with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains(TestFixture.USCC_2).doesNotContain(TestFixture.USCC_3);
        mvc.perform(get("/api/v1/energy/accounts").param("year", "" + Y).with(fx.as("fx-enterprise")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/energy/accounts").param("year", "" + Y).param("region", TestFixture.TOWN_2).with(fx.as("fx-county")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].uscc").value(TestFixture.USCC_2));
    }

    @Test
    void enterpriseAccountByIdAnswers404OutsideScope() throws Exception {
        long e1 = fx.enterpriseId(TestFixture.USCC_1);
        long e2 = fx.enterpriseId(TestFixture.USCC_2);
        long e3 = fx.enterpriseId(TestFixture.USCC_3);
        String body = mvc.perform(get("/api/v1/energy/enterprises/" + e1).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<?, ?> account = json.readValue(body, Map.class);
        List<?> years = (List<?>) account.get("years");
        Map<?, ?> y = years.stream().map(o -> (Map<?, ?>) o).filter(m -> ((Number) m.get("year")).intValue() == Y).findFirst().orElseThrow();
        Map<?, ?> prev = years.stream().map(o -> (Map<?, ?>) o).filter(m -> ((Number) m.get("year")).intValue() == PREV).findFirst().orElseThrow();
        // PREV: electricity from months 1-12 = 120,000 kWh × 0.1229 = 14.748 tce; 50 t coal 35.715 → 50.463 tce
        assertThat(prev.get("electricityFromMonths")).isEqualTo(true);
        assertThat(new BigDecimal(((Map<?, ?>) prev.get("result")).get("totalTce").toString())).isEqualByComparingTo("50.463");
        // Y: 194.33 tce; year on year (194.33 − 50.463) / 50.463 = 285.09 %; 726.63 t / 1000 万元 = 0.7266
        assertThat(new BigDecimal(y.get("tceChangePercent").toString())).isEqualByComparingTo("285.09");
        assertThat(new BigDecimal(y.get("co2PerValueAdded").toString())).isEqualByComparingTo("0.7266");
        assertThat(new BigDecimal(y.get("co2PerRevenue").toString())).isEqualByComparingTo("0.1453");
        mvc.perform(get("/api/v1/energy/enterprises/" + e2).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/energy/enterprises/" + e3).with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/energy/enterprises/" + e3).with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/energy/enterprises/" + e1).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("194.33")));
    }

    @Test
    void rolesWithoutBusinessDataAreForbidden() throws Exception {
        for (String user : List.of("fx-provider", "fx-security")) {
            mvc.perform(get("/api/v1/energy/accounts").with(fx.as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/energy").with(fx.as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/energy/coefficients").with(fx.as(user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/energy/accounts")).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyProvinceAdminEditsCoefficients() throws Exception {
        mvc.perform(get("/api/v1/energy/coefficients").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.factors.length()").value(EnergyType.values().length));
        mvc.perform(get("/energy/coefficients").with(fx.as("fx-city"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/energy/coefficients").with(fx.as("fx-town"))).andExpect(status().isForbidden());
        for (String user : List.of("fx-city", "fx-county", "fx-town", "fx-auditor", "fx-enterprise")) {
            mvc.perform(post("/api/v1/energy/coefficients/versions").with(fx.as(user)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/energy/coefficients/versions/1/activate").with(fx.as(user)).with(csrf())).andExpect(status().isForbidden());
        }
    }

    @Test
    void versioningKeepsActivatedVersionsImmutableAndNewOnesApply() throws Exception {
        var before = coefficients.active();
        BigDecimal gasTceBefore = gasTce();
        long auditBefore = audit.verify().entries();

        String created = mvc.perform(post("/api/v1/energy/coefficients/versions").with(fx.as("fx-province")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"test\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        int draft = ((Number) json.readValue(created, Map.class).get("version")).intValue();
        // a second draft while one exists is refused
        mvc.perform(post("/api/v1/energy/coefficients/versions").with(fx.as("fx-province")).with(csrf())).andExpect(status().isConflict());

        // invalid: diesel 0 and coke missing → 400 naming both
        List<Map<String, Object>> factors = new ArrayList<>();
        for (var c : before.coefficients()) {
            if (c.type() == EnergyType.COKE) continue;
            BigDecimal k = c.type() == EnergyType.DIESEL ? BigDecimal.ZERO : c.kgcePerUnit();
            factors.add(Map.of("type", c.type().name(), "kgcePerUnit", k, "co2KgPerUnit", c.co2KgPerUnit()));
        }
        mvc.perform(put("/api/v1/energy/coefficients/versions/" + draft + "/factors").with(fx.as("fx-province")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("factors", factors))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("焦炭")))
                .andExpect(content().string(containsString("柴油")));

        // valid: natural gas +0.1 kgce/m³
        factors.clear();
        for (var c : before.coefficients()) {
            BigDecimal k = c.type() == EnergyType.NATURAL_GAS ? c.kgcePerUnit().add(new BigDecimal("0.1")) : c.kgcePerUnit();
            factors.add(Map.of("type", c.type().name(), "kgcePerUnit", k, "co2KgPerUnit", c.co2KgPerUnit()));
        }
        mvc.perform(put("/api/v1/energy/coefficients/versions/" + draft + "/factors").with(fx.as("fx-province")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("factors", factors, "note", "gas"))))
                .andExpect(status().isOk());
        // not used before activation
        assertThat(gasTce()).isEqualByComparingTo(gasTceBefore);
        mvc.perform(post("/api/v1/energy/coefficients/versions/" + draft + "/activate").with(fx.as("fx-province")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        // 10,000 m³ × 0.1 kgce/m³ = 1,000 kgce = 1 tce more under the new version
        assertThat(gasTce().subtract(gasTceBefore)).isEqualByComparingTo("1");

        // the activated version never changes, by API or by SQL
        mvc.perform(put("/api/v1/energy/coefficients/versions/" + draft + "/factors").with(fx.as("fx-province")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("factors", factors))))
                .andExpect(status().isConflict());
        int old = before.version().version();
        assertThatThrownBy(() -> jdbc.sql("update energy_coefficient set kgce_per_unit = 9 where version = :v").param("v", old).update())
                .hasMessageContaining("not a draft");
        // the old version is kept with its values
        mvc.perform(get("/api/v1/energy/coefficients").param("version", "" + old).with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version.status").value("SUPERSEDED"));
        assertThat(coefficients.find(old).orElseThrow().coefficients()).isEqualTo(before.coefficients());
        mvc.perform(get("/api/v1/energy/coefficients/versions").with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(draft));
        mvc.perform(get("/api/v1/energy/coefficients").param("version", "999").with(fx.as("fx-county"))).andExpect(status().isNotFound());
        assertThat(audit.verify().entries()).isGreaterThanOrEqualTo(auditBefore + 3);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void pagesRenderAndExportStreamsXlsx() throws Exception {
        mvc.perform(get("/energy").param("year", "" + Y).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("临海测试甲机械有限公司")))
                .andExpect(content().string(containsString("194.33")));
        mvc.perform(get("/energy").param("year", "" + Y).param("lang", "en").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Energy and carbon accounts")));
        mvc.perform(get("/energy/coefficients").with(fx.as("fx-province"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("0.7143")));
        mvc.perform(get("/energy/coefficients/1").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("0.7143")))
                .andExpect(content().string(containsString("1.9003")));
        byte[] xlsx = mvc.perform(get("/energy/export").param("year", "" + Y).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(xlsx[0]).isEqualTo((byte) 'P');
        assertThat(xlsx[1]).isEqualTo((byte) 'K');
    }

    @Test
    void provinceAdminEditsADraftThroughThePages() throws Exception {
        String location = mvc.perform(post("/energy/coefficients/drafts").param("note", "page edit").with(fx.as("fx-province")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        int draft = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
        try {
            mvc.perform(get(location).with(fx.as("fx-province"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("name=\"kgce_RAW_COAL\"")));
            var form = post(location).with(fx.as("fx-province")).with(csrf()).param("note", "page edit");
            for (var c : coefficients.find(draft).orElseThrow().coefficients()) {
                form = form.param("kgce_" + c.type(), c.type() == EnergyType.LPG ? "abc" : c.kgcePerUnit().toPlainString())
                        .param("co2_" + c.type(), c.co2KgPerUnit().toPlainString());
            }
            mvc.perform(form).andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error", containsString("液化石油气")));
            // a county admin may view the draft but gets no edit form, and may not post
            mvc.perform(get(location).with(fx.as("fx-county"))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"kgce_RAW_COAL\""))))
                    .andExpect(content().string(containsString("0.7143")));
            mvc.perform(post(location).with(fx.as("fx-county")).with(csrf())).andExpect(status().isForbidden());
        } finally {
            mvc.perform(post(location + "/activate").with(fx.as("fx-province")).with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(coefficients.active().version().version()).isEqualTo(draft);
    }

    @Test
    void theRoleIsCheckedBeforeTheInput() throws Exception {
        // refused roles get 403 on empty writes (before: 400, the missing parameter or body was answered first)
        for (String user : List.of("fx-city", "fx-county", "fx-town", "fx-auditor", "fx-provider", "fx-security")) {
            mvc.perform(post("/energy/equivalent-factors").with(fx.as(user)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/energy/settings/method").with(fx.as(user)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(put("/api/v1/energy/coefficients/versions/1/factors").with(fx.as(user)).with(csrf())).andExpect(status().isForbidden());
        }
        // the province admin gets its bad input answered, and nothing changes
        long factors = jdbc.sql("select count(*) from electricity_equivalent_factor").query(Long.class).single();
        var method = coefficients.electricityMethod();
        mvc.perform(post("/energy/equivalent-factors").with(fx.as("fx-province")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error", containsString("年份")));
        mvc.perform(post("/energy/equivalent-factors").param("year", "20x5").param("kgcePerKwh", "0.3").with(fx.as("fx-province")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error", containsString("whole number")));
        assertThat(jdbc.sql("select count(*) from electricity_equivalent_factor").query(Long.class).single()).isEqualTo(factors);
        mvc.perform(post("/energy/settings/method").with(fx.as("fx-province")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/energy/settings/method").param("method", "BOGUS").with(fx.as("fx-province")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("CALORIFIC")));
        assertThat(coefficients.electricityMethod()).isEqualTo(method);
        mvc.perform(put("/api/v1/energy/coefficients/versions/1/factors").with(fx.as("fx-province")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("factors")));
    }

    @Test
    void equivalentFactorAndMethodAreProvinceSettings() throws Exception {
        mvc.perform(post("/energy/equivalent-factors").param("year", "2093").param("kgcePerKwh", "0.3").with(fx.as("fx-province")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(coefficients.equivalentFactor(2093)).contains(new BigDecimal("0.300000"));
        mvc.perform(post("/energy/equivalent-factors").param("year", "2093").param("kgcePerKwh", "0.4").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> coefficients.setEquivalentFactor(2093, new BigDecimal("-1"), null, "t"))
                .hasMessageContaining("positive");
        // calorific by default: no override
        assertThat(coefficients.electricityOverride(2093)).isNull();
    }

    @Autowired java.util.List<org.mujun.common.HomeCard.Provider> providers;
    @Autowired EnergyExportCommand command;

    @Test
    void homeCardAndCliGiveTheScopeTotal() throws Exception {
        // the home card's figure is the rounded tce of the latest year in scope (Y is the latest for town 1)
        var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(fx.user("fx-town"), null,
                fx.user("fx-town").getAuthorities());
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            var cards = providers.stream().filter(p -> p instanceof EnergyHomeCard).flatMap(p -> p.cards().stream()).toList();
            assertThat(cards).hasSize(1);
            assertThat(cards.get(0).value()).isEqualTo(194L);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        var buf = new java.io.ByteArrayOutputStream();
        int code = command.run(List.of("--year", "" + Y, "--region", TestFixture.TOWN_1), new java.io.PrintStream(buf, true, "UTF-8"));
        assertThat(code).isZero();
        assertThat(buf.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("1 enterprises").contains("194.33");
        assertThat(command.run(List.of(), new java.io.PrintStream(new java.io.ByteArrayOutputStream()))).isEqualTo(2);
    }

    private BigDecimal gasTce() {
        return accountsTce(TestFixture.USCC_2);
    }

    @Autowired CarbonAccounts accounts;

    private BigDecimal accountsTce(String uscc) {
        return accounts.list(Y, TestFixture.TOWN_2, null, org.mujun.security.Scope.system("33")).rows().stream()
                .filter(r -> r.uscc().equals(uscc)).findFirst().orElseThrow().tce();
    }
}
