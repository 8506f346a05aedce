package org.mujun.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.ObjectMapper;

/** Rosters (rule-based and manual membership, yearly history) and commitments (evaluation, 失信, clawback). */
@MujunIntegrationTest
@AutoConfigureMockMvc
class RostersCommitmentsIntegrationTest {

    static final String SRDI = TestFixture.withCheck("91331082LTD000001");
    static final String PLAIN = TestFixture.withCheck("91331082LTD000002");
    static final String TAXED = TestFixture.withCheck("91331082LTD000003");
    static final String PROMISER = TestFixture.withCheck("91331082LTD000004");

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired CommitmentCheckCommand command;
    @Autowired TrackedCommitments tracked;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void data() {
        enterprise(SRDI, "临海专精特新测试", "{专精特新}", "BELOW");
        enterprise(PLAIN, "临海普通测试", "{}", "BELOW");
        enterprise(TAXED, "临海纳税测试", "{}", "ABOVE");
        enterprise(PROMISER, "临海承诺测试", "{}", "ABOVE");
        // 10 亩 each (6,666.70 m²); 2025 tax: TAXED 300 → 30 万元/亩, PROMISER 240 → 24 万元/亩
        for (String u : List.of(TAXED, PROMISER)) {
            jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2) values (:c, :u, :r, 6666.70) on conflict do nothing")
                    .param("c", "LTD-" + u).param("u", u).param("r", TestFixture.TOWN_2).update();
        }
        jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, 2025, 300) on conflict do nothing").param("u", TAXED).update();
        jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, 2025, 240) on conflict do nothing").param("u", PROMISER).update();
    }

    void enterprise(String uscc, String name, String flags, String size) {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class, flags) values (:u, :n, :r, 'C34', :s, cast(:f as text[])) on conflict do nothing")
                .param("u", uscc).param("n", name).param("r", TestFixture.TOWN_2).param("s", size).param("f", flags).update();
    }

    ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, String user, Object body) throws Exception {
        return mvc.perform(req.with(fx.as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    long shipped(String code) {
        return jdbc.sql("select id from roster where code = :c and region_code = '33'").param("c", code).query(Long.class).single();
    }

    List<String> history(long roster, String uscc) {
        return jdbc.sql("select year || ' ' || action || ' ' || source from roster_change where roster_id = :r and uscc = :u order by id")
                .param("r", roster).param("u", uscc).query(String.class).list();
    }

    boolean member(long roster, String uscc) {
        return jdbc.sql("select count(*) from roster_member where roster_id = :r and uscc = :u").param("r", roster).param("u", uscc)
                .query(Integer.class).single() > 0;
    }

    @Test
    void ruleBasedAndManualMembershipWithYearlyHistory() throws Exception {
        long srdi = shipped("SRDI_PIPELINE");   // rule: flag contains 专精特新
        send(post("/api/v1/rosters/" + srdi + "/refresh"), "fx-county", Map.of("year", 2025)).andExpect(status().isOk());
        assertThat(member(srdi, SRDI)).isTrue();
        assertThat(member(srdi, PLAIN)).isFalse();
        send(post("/api/v1/rosters/" + srdi + "/refresh"), "fx-county", Map.of("year", 2025)).andExpect(status().isOk());
        assertThat(history(srdi, SRDI)).containsExactly("2025 JOIN RULE");
        // the flag goes: the next year's refresh takes it off, with the reason
        jdbc.sql("update enterprise set flags = '{}' where uscc = :u").param("u", SRDI).update();
        send(post("/api/v1/rosters/" + srdi + "/refresh"), "fx-county", Map.of("year", 2026))
                .andExpect(jsonPath("$.left", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        assertThat(member(srdi, SRDI)).isFalse();
        assertThat(history(srdi, SRDI)).containsExactly("2025 JOIN RULE", "2026 LEAVE RULE");
        assertThat(jdbc.sql("select reason from roster_change where roster_id = :r and uscc = :u and action = 'LEAVE'").param("r", srdi).param("u", SRDI)
                .query(String.class).single()).contains("不再符合").contains("专精特新");

        // manual: a reason is required; a rule refresh never removes a manual member
        send(post("/api/v1/rosters/" + srdi + "/members"), "fx-county", Map.of("uscc", PLAIN, "year", 2026)).andExpect(status().isBadRequest());
        send(post("/api/v1/rosters/" + srdi + "/members"), "fx-county", Map.of("uscc", PLAIN, "year", 2026, "reason", "省级名单推荐 / recommended"))
                .andExpect(status().isCreated());
        send(post("/api/v1/rosters/" + srdi + "/members"), "fx-county", Map.of("uscc", PLAIN, "year", 2026, "reason", "again"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("已在名单中")));
        send(post("/api/v1/rosters/" + srdi + "/refresh"), "fx-county", Map.of("year", 2026)).andExpect(status().isOk());
        assertThat(member(srdi, PLAIN)).isTrue();
        send(delete("/api/v1/rosters/" + srdi + "/members/" + PLAIN), "fx-county", Map.of("year", 2027, "reason", "已上市 / listed"))
                .andExpect(status().isOk());
        assertThat(history(srdi, PLAIN)).containsExactly("2026 JOIN MANUAL", "2027 LEAVE MANUAL");

        // the shipped province roster's rules belong to the province; the county makes its own roster with its own rules
        send(put("/api/v1/rosters/" + srdi + "/rules"), "fx-county", Map.of("version", 0, "rules", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("只能由该区域的管理员")));
        String created = send(post("/api/v1/rosters"), "fx-county", Map.of("code", "LTD_RETAIN", "name", "LTD 留驻测试"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long mine = ((Number) json.readValue(created, Map.class).get("id")).longValue();
        send(put("/api/v1/rosters/" + mine + "/rules"), "fx-county", Map.of("version", 0, "rules", List.of(
                Map.of("kind", "TAX_PER_MU_AT_LEAST", "number", 30), Map.of("kind", "SIZE_CLASS", "text", "ABOVE"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rules.length()").value(2));
        send(put("/api/v1/rosters/" + mine + "/rules"), "fx-county", Map.of("version", 0, "rules", List.of())).andExpect(status().isConflict());
        send(put("/api/v1/rosters/" + mine + "/rules"), "fx-county", Map.of("version", 1, "rules", List.of(Map.of("kind", "SIZE_CLASS", "text", "HUGE"))))
                .andExpect(status().isBadRequest());
        send(post("/api/v1/rosters/" + mine + "/refresh"), "fx-county", Map.of("year", 2025)).andExpect(status().isOk());
        assertThat(member(mine, TAXED)).isTrue();      // 300 ÷ 10 亩 = 30 ≥ 30, 规上
        assertThat(member(mine, PROMISER)).isFalse();  // 24 < 30

        // jurisdiction and roles
        mvc.perform(get("/api/v1/rosters/" + mine).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/rosters/" + srdi + "/members").param("size", "1000").with(fx.as("fx-other-county")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString(PLAIN))));
        mvc.perform(get("/rosters").with(fx.as("fx-enterprise"))).andExpect(status().isForbidden());
        mvc.perform(get("/rosters/" + mine).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(TAXED))));
        mvc.perform(get("/rosters/" + mine).with(fx.as("fx-county"))).andExpect(status().isOk()).andExpect(content().string(containsString(TAXED)));
        mvc.perform(get("/rosters/" + srdi + "/export").param("what", "history").with(fx.as("fx-auditor"))).andExpect(status().isOk());
        mvc.perform(post("/rosters/" + srdi + "/refresh").with(fx.as("fx-county")).with(csrf()).param("year", "2026"))
                .andExpect(flash().attribute("ok", containsString("2026")));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ROSTER_REFRESH' and target = :t").param("t", "roster:" + mine)
                .query(Integer.class).single()).isEqualTo(1);
    }

    long commitment(Map<String, Object> body) throws Exception {
        String b = send(post("/api/v1/commitments"), "fx-county", body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) ((Map<?, ?>) json.readValue(b, Map.class).get("commitment")).get("id")).longValue();
    }

    @Test
    void breachPutsTheEnterpriseOnTheListWithTheClawback() throws Exception {
        // subsidy: 亩均税收 ≥ 30 by 2025-12-31; received 100 万 on 2024-01-10 and 50 万 on 2024-07-01
        long id = commitment(Map.of("uscc", PROMISER, "sourceKind", "SUBSIDY", "reference", "临经信〔2024〕1号",
                "conditions", List.of(Map.of("indicator", "TAX_PER_MU", "name", "亩均税收", "direction", "AT_LEAST", "threshold", 30,
                        "deadline", "2025-12-31")),
                "benefits", List.of(Map.of("amountWan", 100, "receivedOn", "2024-01-10", "description", "技改补助"),
                        Map.of("amountWan", 50, "receivedOn", "2024-07-01", "description", "技改补助二期"))));
        send(post("/api/v1/commitments/" + id + "/evaluations"), "fx-county", Map.of("asOf", "2025-12-30"))
                .andExpect(jsonPath("$.status").value("PENDING"));
        // due: 2025 data gives 240 ÷ 10 = 24 (20 % short) → share 20 %; principal 30; interest 20 × 3 % × 811/360 + 10 × 3 % × 638/360
        // = 1.3517 + 0.5317 → clawback 31.8834 万元 (the CommitmentsUnitTest example)
        send(post("/api/v1/commitments/" + id + "/evaluations"), "fx-county", Map.of("asOf", "2026-03-31"))
                .andExpect(jsonPath("$.status").value("BREACHED")).andExpect(jsonPath("$.clawbackWan").value(31.8834));
        send(post("/api/v1/commitments/" + id + "/evaluations"), "fx-county", Map.of("asOf", "2026-04-30"))
                .andExpect(jsonPath("$.status").value("BREACHED"));
        Map<String, Object> entry = jdbc.sql("select kind, clawback_wan, reason from credit_entry where source_kind = 'COMMITMENT' and source_id = :id")
                .param("id", id).query().singleRow();
        assertThat(entry.get("kind")).isEqualTo("BROKEN");
        assertThat((BigDecimal) entry.get("clawback_wan")).isEqualByComparingTo("31.8834");
        assertThat((String) entry.get("reason")).contains("亩均税收").contains("实际 24");
        mvc.perform(get("/api/v1/commitments/" + id).with(fx.as("fx-county"))).andExpect(jsonPath("$.evaluations.length()").value(3));

        // the 失信 list, one table for both sources, inside the jurisdiction
        mvc.perform(get("/api/v1/credit").param("q", PROMISER).with(fx.as("fx-county")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].sourceKind").value("COMMITMENT"));
        mvc.perform(get("/api/v1/credit").param("q", PROMISER).with(fx.as("fx-other-county"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/credit").param("q", PROMISER).with(fx.as("fx-town"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/credit").with(fx.as("fx-county"))).andExpect(status().isOk()).andExpect(content().string(containsString("31.8834")));
        mvc.perform(get("/credit/export").with(fx.as("fx-auditor"))).andExpect(status().isOk());
        mvc.perform(get("/commitments/" + id).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("追回 31.8834 万元")));
        mvc.perform(get("/api/v1/commitments/" + id).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/commitments/" + id).with(fx.as("fx-enterprise"))).andExpect(status().isNotFound());
    }

    @Test
    void theTownOfficerSeesTheBreachWithoutTaxFigures() throws Exception {
        String town1 = TestFixture.withCheck("91331082LTD000005");
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '古城承诺测试', :r, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", town1).param("r", TestFixture.TOWN_1).update();
        jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2) values ('LTD-T1', :u, :r, 6666.70) on conflict do nothing")
                .param("u", town1).param("r", TestFixture.TOWN_1).update();
        jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, 2025, 240) on conflict do nothing").param("u", town1).update();
        long id = commitment(Map.of("uscc", town1, "sourceKind", "SUBSIDY", "reference", "LTD-MASK",
                "conditions", List.of(Map.of("indicator", "TAX_PER_MU", "name", "亩均税收", "direction", "AT_LEAST", "threshold", 30, "deadline", "2025-12-31"))));
        send(post("/api/v1/commitments/" + id + "/evaluations"), "fx-county", Map.of("asOf", "2026-03-31")).andExpect(jsonPath("$.status").value("BREACHED"));
        mvc.perform(get("/api/v1/commitments/" + id).with(fx.as("fx-county"))).andExpect(content().string(containsString("24.0000")));
        mvc.perform(get("/api/v1/commitments/" + id).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("24.0000"))));
        mvc.perform(get("/commitments/" + id).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("24.0000"))));
        mvc.perform(get("/api/v1/credit").param("q", town1).with(fx.as("fx-town"))).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].reason", containsString("***")));
        mvc.perform(get("/api/v1/credit").param("q", town1).with(fx.as("fx-county"))).andExpect(jsonPath("$.items[0].reason", containsString("实际 24")));
    }

    @Test
    void reportedFiguresOptimisticLockingAndTheDailyRun() throws Exception {
        long id = commitment(Map.of("uscc", TAXED, "sourceKind", "OTHER", "reference", "投资协议",
                "conditions", List.of(Map.of("indicator", "INVESTMENT", "direction", "AT_LEAST", "threshold", 1000, "deadline", "2026-01-01"))));
        long cond = jdbc.sql("select id from commitment_condition where commitment_id = :id").param("id", id).query(Long.class).single();
        send(put("/api/v1/commitments/" + id + "/conditions/" + cond + "/actual"), "fx-county", Map.of("version", 0, "value", 1200))
                .andExpect(status().isBadRequest());
        send(put("/api/v1/commitments/" + id + "/conditions/" + cond + "/actual"), "fx-county", Map.of("version", 0, "value", 1200, "reason", "审计报告"))
                .andExpect(status().isOk());
        send(put("/api/v1/commitments/" + id + "/conditions/" + cond + "/actual"), "fx-county", Map.of("version", 0, "value", 900, "reason", "x"))
                .andExpect(status().isConflict());
        send(post("/api/v1/commitments/" + id + "/benefits"), "fx-county", Map.of("version", 1, "amountWan", 20, "receivedOn", "2025-05-01"))
                .andExpect(status().isCreated());
        // a STANDARD_LAND commitment cannot be created by hand
        send(post("/api/v1/commitments"), "fx-county", Map.of("uscc", TAXED, "sourceKind", "STANDARD_LAND",
                "conditions", List.of(Map.of("indicator", "TAX", "direction", "AT_LEAST", "threshold", 1, "deadline", "2026-01-01"))))
                .andExpect(status().isBadRequest());

        // the daily run (here through the API and the CLI) evaluates open commitments and records only changes
        send(post("/api/v1/commitments/evaluations"), "fx-county", Map.of("asOf", "2026-01-02")).andExpect(status().isOk());
        assertThat(jdbc.sql("select status from commitment where id = :id").param("id", id).query(String.class).single()).isEqualTo("MET");
        long open = commitment(Map.of("uscc", TAXED, "sourceKind", "SUBSIDY", "reference", "LTD-CLI",
                "conditions", List.of(Map.of("indicator", "TAX", "direction", "AT_LEAST", "threshold", 500, "deadline", "2025-12-31"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.run(List.of("--as-of", "2026-02-01", "--region", TestFixture.TOWN_2), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("as of 2026-02-01");
        // 2025 tax 300 < 500: breached, no benefits → clawback 0, still on the 失信 list
        assertThat(jdbc.sql("select status from commitment where id = :id").param("id", open).query(String.class).single()).isEqualTo("BREACHED");
        assertThat(jdbc.sql("select count(*) from credit_entry where source_kind = 'COMMITMENT' and source_id = :id").param("id", open)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(command.run(List.of("--region", "abc"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);
        // the scheduled run (every region, as of today) evaluates what is still open
        long daily = commitment(Map.of("uscc", TAXED, "sourceKind", "SUBSIDY", "reference", "LTD-DAILY",
                "conditions", List.of(Map.of("indicator", "TAX", "direction", "AT_LEAST", "threshold", 100, "deadline", "2025-12-31"))));
        tracked.daily();
        assertThat(jdbc.sql("select status from commitment where id = :id").param("id", daily).query(String.class).single()).isEqualTo("MET");
        // pages
        mvc.perform(get("/commitments").param("q", "LTD-CLI").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("LTD-CLI")));
        mvc.perform(get("/commitments/new").with(fx.as("fx-county"))).andExpect(status().isOk());
        mvc.perform(get("/commitments/new").with(fx.as("fx-auditor"))).andExpect(status().isForbidden());
        mvc.perform(post("/commitments").with(fx.as("fx-county")).with(csrf()).param("uscc", TAXED).param("sourceKind", "SUBSIDY")
                        .param("indicator_0", "REVENUE").param("threshold_0", "10000").param("deadline_0", "2027-12-31").param("amount_0", "5")
                        .param("receivedOn_0", "2026-01-01"))
                .andExpect(status().is3xxRedirection());
    }
}
