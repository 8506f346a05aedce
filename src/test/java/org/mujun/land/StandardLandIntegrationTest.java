package org.mujun.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
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
import tools.jackson.databind.ObjectMapper;

/**
 * The 标准地 register end to end: register, guarded moves (illegal ones refused with the engine's
 * message), optimistic locking, 达产复核 filled from data rows inserted here, the credit entry and
 * the contract's commitment, jurisdiction (404 across counties) and the pages.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class StandardLandIntegrationTest {

    // Own enterprise and parcel (never the fixture's rows).
    static final String USCC = TestFixture.withCheck("91331082LTA000001");
    static final String USCC_OTHER = TestFixture.withCheck("91331003LTA000002");

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void data() {
        enterprise(USCC, "临海标准地测试甲有限公司", TestFixture.TOWN_1);
        enterprise(USCC_OTHER, "黄岩标准地测试乙有限公司", TestFixture.OTHER_TOWN);
        // 2025 data of USCC: tax 480, value added 2,400, revenue 10,000, R&D 300, 1,000,000 kWh (122.9 tce at 0.1229 kgce/kWh)
        jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, 2025, 480) on conflict do nothing").param("u", USCC).update();
        jdbc.sql("insert into stats_record (uscc, year, revenue, value_added, rnd_expense) values (:u, 2025, 10000, 2400, 300) on conflict do nothing")
                .param("u", USCC).update();
        jdbc.sql("insert into electricity_record (uscc, year, month, kwh) values (:u, 2025, 0, 1000000) on conflict do nothing").param("u", USCC).update();
    }

    void enterprise(String uscc, String name, String region) {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, :n, :r, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", uscc).param("n", name).param("r", region).update();
    }

    /** A fresh 标准地 parcel of 20 亩 (13,333.40 m² = 20 × 666.67) for 1,000 万元. */
    long parcel(String cert, String owner, String region) {
        return jdbc.sql("""
                        insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use, standard_land, transfer_date, transfer_price_wan)
                        values (:c, :o, :r, 13333.40, '工业用地', true, date '2023-01-10', 1000) returning id""")
                .param("c", cert).param("o", owner).param("r", region).query(Long.class).single();
    }

    Map<String, Object> terms(String no, long parcelId, String uscc) {
        return Map.ofEntries(Map.entry("contractNo", no), Map.entry("parcelId", parcelId), Map.entry("uscc", uscc),
                Map.entry("transferredOn", "2023-01-10"), Map.entry("agreedDelivery", "2023-02-01"), Map.entry("agreedStart", "2023-06-01"),
                Map.entry("agreedCompletion", "2024-12-31"), Map.entry("agreedProduction", "2025-06-30"), Map.entry("agreedReview", "2026-10-15"),
                Map.entry("commitments", Map.of("INVESTMENT_INTENSITY", 300, "FLOOR_AREA_RATIO", 1.2, "TAX_PER_MU", 30,
                        "VALUE_ADDED_PER_MU", 100, "ENERGY_PER_VALUE_ADDED", 0.52, "RD_SHARE", 3)),
                Map.entry("capPercent", 20), Map.entry("reclaimShortfallPercent", 50));
    }

    long register(String user, Map<String, Object> terms) throws Exception {
        String body = mvc.perform(post("/api/v1/land/standard-contracts").with(fx.as(user)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(terms)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) ((Map<?, ?>) json.readValue(body, Map.class).get("summary")).get("id")).longValue();
    }

    String move(long id, String move, String date, int version, int expected) throws Exception {
        return mvc.perform(post("/api/v1/land/standard-contracts/" + id + "/moves").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("move", move, "date", date, "version", version, "reason", "现场核实 / verified on site"))))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    int version(long id) {
        return jdbc.sql("select version from standard_land_contract where id = :id").param("id", id).query(Integer.class).single();
    }

    @Test
    void lifecycleWithGuardsReviewFromDataCreditAndCommitment() throws Exception {
        long parcel = parcel("LSA-T-0001", USCC, TestFixture.TOWN_1);
        long id = register("fx-county", terms("LSA-2023-001", parcel, USCC));
        assertThat(jdbc.sql("select stage from standard_land_contract where id = :id").param("id", id).query(String.class).single()).isEqualTo("TRANSFERRED");

        // an illegal move is refused with the engine's bilingual message, nothing changes
        String refused = move(id, "PRODUCE", "2023-05-20", 0, 400);
        assertThat(refused).contains("当前为「出让」，不能标记投产").contains("cannot mark in production");
        assertThat(version(id)).isZero();
        // a stale version is a conflict
        move(id, "START", "2023-05-20", 7, 409);
        move(id, "START", "2023-05-20", 0, 200);
        // a date before the current stage's date is refused
        assertThat(move(id, "COMPLETE", "2023-01-01", 1, 400)).contains("早于当前阶段");
        move(id, "COMPLETE", "2024-12-01", 1, 200);
        move(id, "PRODUCE", "2025-03-01", 2, 200);

        // preview: actuals from the 2025 data; investment and 容积率 entered; one figure replaced with a reason
        Map<String, Object> review = Map.of("version", 3, "reviewedOn", "2026-10-15", "investmentWan", 5400, "floorAreaRatio", 1.3,
                "overrides", Map.of("RD_SHARE", Map.of("value", 2.5, "reason", "审计调减研发费用 / R&D reduced by the audit")));
        String preview = mvc.perform(post("/api/v1/land/standard-contracts/" + id + "/review/preview").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(review)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<?, ?> p = json.readValue(preview, Map.class);
        assertThat(p.get("dataYear")).isEqualTo(2025);
        Map<String, Map<?, ?>> lines = byIndicator((List<?>) p.get("lines"));
        // 480 万元 ÷ 20 亩 = 24; 2,400 ÷ 20 = 120; 122.9 tce ÷ 2,400 = 0.0512; 300 ÷ 10,000 × 100 = 3; 5,400 ÷ 20 = 270
        assertThat(decimal(lines.get("TAX_PER_MU").get("dataValue"))).isEqualByComparingTo("24");
        assertThat(lines.get("TAX_PER_MU").get("source")).isEqualTo("DATA");
        assertThat(decimal(lines.get("VALUE_ADDED_PER_MU").get("actual"))).isEqualByComparingTo("120");
        assertThat(decimal(lines.get("ENERGY_PER_VALUE_ADDED").get("actual"))).isEqualByComparingTo("0.0512");
        assertThat(decimal(lines.get("RD_SHARE").get("dataValue"))).isEqualByComparingTo("3");
        assertThat(decimal(lines.get("RD_SHARE").get("actual"))).isEqualByComparingTo("2.5");
        assertThat(lines.get("RD_SHARE").get("source")).isEqualTo("OVERRIDDEN");
        assertThat(decimal(lines.get("INVESTMENT_INTENSITY").get("actual"))).isEqualByComparingTo("270");
        assertThat(lines.get("INVESTMENT_INTENSITY").get("source")).isEqualTo("ENTERED");
        // preview changes nothing
        assertThat(version(id)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from standard_land_review where contract_id = :id").param("id", id).query(Integer.class).single()).isZero();

        // replacing a figure needs a reason
        mvc.perform(post("/api/v1/land/standard-contracts/" + id + "/review/preview").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("version", 3, "reviewedOn", "2026-10-15",
                                "overrides", Map.of("TAX_PER_MU", Map.of("value", 31))))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("须写明原因")));

        // record without the override: investment 10 % short (100 万元), tax 20 % short (200 万元) → 300, capped at 20 % of 1,000 = 200
        Map<String, Object> record = Map.of("version", 3, "reviewedOn", "2026-10-15", "investmentWan", 5400, "floorAreaRatio", 1.3);
        mvc.perform(post("/api/v1/land/standard-contracts/" + id + "/review").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.result.passed").value(false))
                .andExpect(jsonPath("$.result.consequence.penaltyBeforeCap.value").value(300.0))
                .andExpect(jsonPath("$.result.consequence.penalty.value").value(200.0))
                .andExpect(jsonPath("$.result.consequence.rectificationDeadline").value("2027-10-15"))
                .andExpect(jsonPath("$.result.consequence.reclaim").value(false));
        assertThat(jdbc.sql("select stage from standard_land_contract where id = :id").param("id", id).query(String.class).single()).isEqualTo("REVIEW_FAILED");
        // recording the same round again is refused (stale version), and so is a second review of a failed contract
        mvc.perform(post("/api/v1/land/standard-contracts/" + id + "/review").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(record)))
                .andExpect(status().isConflict());

        // the credit record: one 失信 entry with the 违约金
        Map<String, Object> credit = jdbc.sql("select kind, penalty_wan, source_ref from credit_entry where source_kind = 'STANDARD_LAND_REVIEW' and source_id = :id")
                .param("id", id).query().singleRow();
        assertThat(credit.get("kind")).isEqualTo("BROKEN");
        assertThat((BigDecimal) credit.get("penalty_wan")).isEqualByComparingTo("200");
        // the contract's commitment was created with the contract and evaluated with the review's figures on its due date
        Map<String, Object> commitment = jdbc.sql("select id, status, source_kind from commitment where contract_id = :id").param("id", id).query().singleRow();
        assertThat(commitment.get("source_kind")).isEqualTo("STANDARD_LAND");
        assertThat(commitment.get("status")).isEqualTo("BREACHED");
        assertThat(jdbc.sql("select count(*) from credit_entry where source_kind = 'COMMITMENT' and source_id = :c")
                .param("c", commitment.get("id")).query(Integer.class).single()).as("no second 失信 entry for the same failure").isZero();
        BigDecimal reported = jdbc.sql("select reported_actual from commitment_condition where commitment_id = :c and indicator = 'TAX_PER_MU'")
                .param("c", commitment.get("id")).query(BigDecimal.class).single();
        assertThat(reported).isEqualByComparingTo("24");

        // every change audited with who and why
        List<String> actions = jdbc.sql("select action from audit_log where target = :t order by id").param("t", "standard_land_contract:" + id)
                .query(String.class).list();
        assertThat(actions).containsExactly("STANDARD_LAND_REGISTER", "STANDARD_LAND_START", "STANDARD_LAND_COMPLETE", "STANDARD_LAND_PRODUCE",
                "STANDARD_LAND_REVIEW");
        assertThat(jdbc.sql("select actor from audit_log where target = :t and action = 'STANDARD_LAND_START'").param("t", "standard_land_contract:" + id)
                .query(String.class).single()).isEqualTo("fx-county");
        assertThat(jdbc.sql("select detail from audit_log where target = :t and action = 'STANDARD_LAND_START'").param("t", "standard_land_contract:" + id)
                .query(String.class).single()).contains("现场核实");

        // rectify, then the failed re-review reclaims (reclaimAfterFailedReReviews = 1)
        move(id, "RECTIFY", "2026-11-01", 4, 200);
        mvc.perform(post("/api/v1/land/standard-contracts/" + id + "/review").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("version", 5, "reviewedOn", "2027-10-20",
                                "dataYear", 2025, "investmentWan", 5400, "floorAreaRatio", 1.3))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.result.round").value(2))
                .andExpect(jsonPath("$.result.consequence.reclaim").value(true));
        assertThat(move(id, "RECTIFY", "2027-10-21", 6, 400)).contains("收回");
        move(id, "RECLAIM", "2027-10-21", 6, 200);
        mvc.perform(get("/api/v1/land/standard-contracts/" + id).with(fx.as("fx-auditor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.summary.stage").value("RECLAIMED"))
                .andExpect(jsonPath("$.reviews.length()").value(2));
    }

    @Test
    void amendingIsOptimisticallyLockedAndOnlyBeforeAReview() throws Exception {
        long parcel = parcel("LSA-T-0002", USCC, TestFixture.TOWN_1);
        long id = register("fx-county", terms("LSA-2023-002", parcel, USCC));
        Map<String, Object> changed = new java.util.HashMap<>(terms("LSA-2023-002", parcel, USCC));
        changed.put("commitments", Map.of("TAX_PER_MU", 25));
        mvc.perform(put("/api/v1/land/standard-contracts/" + id).with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("version", 0, "terms", changed))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.commitments.length()").value(1));
        // the same edit from a stale page: 409
        mvc.perform(put("/api/v1/land/standard-contracts/" + id).with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("version", 0, "terms", changed))))
                .andExpect(status().isConflict());
        // the commitment follows the amended terms
        assertThat(jdbc.sql("select count(*) from commitment_condition k join commitment c on c.id = k.commitment_id where c.contract_id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
        // a second contract on the same live parcel is refused; a non-标准地 parcel too
        mvc.perform(post("/api/v1/land/standard-contracts").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(terms("LSA-2023-003", parcel, USCC))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("已有未收回")));
        long plain = jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2) values ('LSA-T-0003', :o, :r, 1000) returning id")
                .param("o", USCC).param("r", TestFixture.TOWN_1).query(Long.class).single();
        mvc.perform(post("/api/v1/land/standard-contracts").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(terms("LSA-2023-004", plain, USCC))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("不是标准地")));
    }

    @Test
    void otherCountysContractIsNotFoundAndRolesAreEnforced() throws Exception {
        long mine = register("fx-county", terms("LSA-2023-010", parcel("LSA-T-0010", USCC, TestFixture.TOWN_1), USCC));
        long theirs = register("fx-other-county", terms("LSA-2023-011", parcel("LSA-T-0011", USCC_OTHER, TestFixture.OTHER_TOWN), USCC_OTHER));
        mvc.perform(get("/api/v1/land/standard-contracts/" + theirs).with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/land/standard/" + theirs).with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/land/standard-contracts/" + theirs + "/moves").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("move", "START", "date", "2023-05-01", "version", 0))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/land/standard-contracts/" + mine).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        // the county admin cannot register in another county (parcel or enterprise outside the jurisdiction)
        mvc.perform(post("/api/v1/land/standard-contracts").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(terms("LSA-2023-012", parcel("LSA-T-0012", USCC_OTHER, TestFixture.OTHER_TOWN), USCC_OTHER))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("不在管辖范围")));
        // the town sees its town read-only; the enterprise of the contract sees nothing of another enterprise
        mvc.perform(get("/api/v1/land/standard-contracts/" + mine).with(fx.as("fx-town"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/land/standard-contracts/" + mine + "/moves").with(fx.as("fx-town")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("move", "START", "date", "2023-05-01", "version", 0))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/land/standard-contracts/" + mine).with(fx.as("fx-enterprise"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/land/standard-contracts/" + mine).with(fx.as("fx-auditor"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/land/standard-contracts").with(fx.as("fx-provider"))).andExpect(status().isForbidden());
        String list = mvc.perform(get("/api/v1/land/standard-contracts").param("size", "1000").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("LSA-2023-010").doesNotContain("LSA-2023-011");
    }

    @Test
    void pagesShowTheEnginesMessageAndThePreview() throws Exception {
        long parcel = parcel("LSA-T-0020", USCC, TestFixture.TOWN_1);
        // register through the form (defaults prefilled on the new page)
        mvc.perform(get("/land/standard/new").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("LSA-T-0020")))
                .andExpect(content().string(containsString("name=\"capPercent\" value=\"20\"")));
        String location = mvc.perform(post("/land/standard").with(fx.as("fx-county")).with(csrf())
                        .param("contractNo", "LSA-2023-020").param("parcelId", Long.toString(parcel)).param("uscc", USCC)
                        .param("agreedDelivery", "2023-02-01").param("agreedStart", "2023-06-01").param("agreedCompletion", "2024-12-31")
                        .param("agreedProduction", "2025-06-30").param("agreedReview", "2026-10-15").param("commit_TAX_PER_MU", "30")
                        .param("penaltyBasis", "SHARE_OF_LAND_PRICE").param("penaltyRate", "1").param("capPercent", "20").param("rectificationMonths", "12")
                        .param("reclaimShortfallPercent", "50").param("reclaimAfterFailedReReviews", "1").param("tolerancePercent", "0"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // the transfer date and price came from the parcel
        assertThat(jdbc.sql("select land_price_wan from standard_land_contract where id = :id").param("id", id).query(BigDecimal.class).single())
                .isEqualByComparingTo("1000");
        // an illegal move from the page: redirected back with the engine's message
        mvc.perform(post("/land/standard/" + id + "/move").with(fx.as("fx-county")).with(csrf())
                        .param("move", "COMPLETE").param("date", "2023-05-01").param("version", "0"))
                .andExpect(redirectedUrl("/land/standard/" + id))
                .andExpect(flash().attribute("error", containsString("不能标记竣工")));
        mvc.perform(get("/land/standard/" + id).with(fx.as("fx-county")).flashAttr("error", "当前为「出让」，不能标记竣工"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不能标记竣工")));
        for (String[] m : new String[][]{{"START", "2023-05-20", "0"}, {"COMPLETE", "2024-12-01", "1"}, {"PRODUCE", "2025-03-01", "2"}}) {
            mvc.perform(post("/land/standard/" + id + "/move").with(fx.as("fx-county")).with(csrf())
                    .param("move", m[0]).param("date", m[1]).param("version", m[2])).andExpect(flash().attributeCount(1))
                    .andExpect(flash().attribute("ok", org.hamcrest.Matchers.notNullValue()));
        }
        mvc.perform(post("/land/standard/" + id + "/review/preview").with(fx.as("fx-county")).with(csrf())
                        .param("version", "3").param("reviewedOn", "2026-10-15"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview\"")))
                .andExpect(content().string(containsString("24.0000")))
                .andExpect(content().string(containsString("record-review")));
        mvc.perform(get("/land/standard/" + id).param("lang", "en").with(fx.as("fx-town")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tax per mu 亩均税收")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"moves\""))));
        mvc.perform(get("/land/standard").param("q", "LSA-2023-020").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("LSA-2023-020")));
        mvc.perform(get("/land/standard/export").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Disposition", containsString("standard-land.xlsx")));
    }

    private static Map<String, Map<?, ?>> byIndicator(List<?> lines) {
        Map<String, Map<?, ?>> m = new java.util.HashMap<>();
        for (Object o : lines) {
            Map<?, ?> l = (Map<?, ?>) o;
            m.put((String) l.get("indicator"), l);
        }
        return m;
    }

    private static BigDecimal decimal(Object o) {
        return new BigDecimal(o.toString());
    }
}
