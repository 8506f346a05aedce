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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * The daily 闲置土地 check on hand-made parcels whose dates sit on the 1-year and 2-year boundaries
 * (闲置土地处置办法: "超过…满一年" is idle from the day after the anniversary; stopped "满一年" from the
 * anniversary itself), history only when a finding changes, the settings as versioned data, the CLI.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class IdleLandIntegrationTest {

    static final String USCC = TestFixture.withCheck("91331082LTB000001");
    static final String USCC_OTHER = TestFixture.withCheck("91331003LTB000002");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired IdleLandCommand command;
    @Autowired IdleLandCheck check;
    final ObjectMapper json = new ObjectMapper();

    long parcel(String cert, String uscc, String region, String m2) {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, :n, :r, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", uscc).param("n", "闲置测试 " + uscc).param("r", region).update();
        return jdbc.sql("""
                        insert into parcel (certificate_no, owner_uscc, region_code, area_m2, transfer_date, transfer_price_wan)
                        values (:c, :o, :r, cast(:a as numeric), date '2023-01-01', 500) returning id""")
                .param("c", cert).param("o", uscc).param("r", region).param("a", m2).query(Long.class).single();
    }

    void development(long parcel, String agreed, String actual, String developed, String invested, String total, String stopped, boolean gov) {
        jdbc.sql("""
                        insert into land_development (parcel_id, agreed_start, actual_start, developed_area_m2, invested_wan, total_investment_wan,
                          stopped_on, government_caused, updated_by)
                        values (:p, cast(:a as date), cast(:s as date), cast(:d as numeric), cast(:i as numeric), cast(:t as numeric), cast(:st as date), :g, 'test')""")
                .param("p", parcel).param("a", agreed).param("s", actual).param("d", developed).param("i", invested).param("t", total)
                .param("st", stopped).param("g", gov).update();
    }

    Map<String, Object> finding(long parcel) {
        return jdbc.sql("select status, basis, idle_from, reclaim_from, fee_wan, since from idle_land_status where parcel_id = :p").param("p", parcel)
                .query().singleRow();
    }

    int findings(long parcel) {
        return jdbc.sql("select count(*) from idle_land_finding where parcel_id = :p").param("p", parcel).query(Integer.class).single();
    }

    Map<?, ?> run(String user, LocalDate asOf) throws Exception {
        String body = mvc.perform(post("/api/v1/land/idle/runs").with(fx.as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("asOf", asOf.toString()))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readValue(body, Map.class);
    }

    @Test
    void boundariesOfOneAndTwoYearsStallingHistoryAndJurisdiction() throws Exception {
        String town = TestFixture.TOWN_2;
        // not started; agreed start relative to 2026-11-23
        long a = parcel("LTB-A", USCC, town, "3000");
        development(a, "2025-11-23", null, null, null, null, null, false);   // exactly 1 year: not yet idle
        long b = parcel("LTB-B", USCC, town, "3000");
        development(b, "2025-11-22", null, null, null, null, null, false);   // 1 year + 1 day: idle
        long c = parcel("LTB-C", USCC, town, "3000");
        development(c, "2024-11-23", null, null, null, null, null, false);   // exactly 2 years: idle, not yet reclaim
        long d = parcel("LTB-D", USCC, town, "3000");
        development(d, "2024-11-22", null, null, null, null, null, false);   // 2 years + 1 day: reclaim candidate
        // started, then stopped on 2025-11-23 (满一年 on 2026-11-23)
        long e = parcel("LTB-E", USCC, town, "3000");
        development(e, "2023-06-01", "2024-03-01", "1000", "20", "100", "2025-11-23", false);   // 1/3 developed (not below) but 20 % < 25 % invested
        long g = parcel("LTB-G", USCC, town, "3000");
        development(g, "2023-06-01", "2024-03-01", "1000", "25", "100", "2025-11-23", false);   // exactly 1/3 and exactly 25 %: not idle
        long f = parcel("LTB-F", USCC, town, "3000");
        development(f, "2023-06-01", "2024-03-01", null, null, null, "2025-01-01", false);      // stopped, shares unknown
        long h = parcel("LTB-H", USCC, town, "3000");
        development(h, "2024-11-22", null, null, null, null, null, true);    // caused by the government (Art. 8)

        Map<?, ?> first = run("fx-county", AS_OF);
        assertThat(((Number) first.get("parcels")).intValue()).isGreaterThanOrEqualTo(8);

        assertThat(finding(a).get("status")).isEqualTo("NOT_IDLE");
        assertThat(finding(a).get("idle_from").toString()).isEqualTo("2026-11-24");
        assertThat(finding(b).get("status")).isEqualTo("IDLE");
        assertThat(finding(b).get("basis")).isEqualTo("NOT_STARTED");
        assertThat((BigDecimal) finding(b).get("fee_wan")).isEqualByComparingTo("100");     // 20 % of 500 万元
        assertThat(finding(c).get("status")).isEqualTo("IDLE");
        assertThat(finding(c).get("reclaim_from").toString()).isEqualTo("2026-11-24");
        assertThat(finding(d).get("status")).isEqualTo("RECLAIM_CANDIDATE");
        assertThat(finding(e).get("status")).isEqualTo("IDLE");
        assertThat(finding(e).get("basis")).isEqualTo("STALLED");
        assertThat(finding(g).get("status")).isEqualTo("NOT_IDLE");
        assertThat(finding(f).get("status")).isEqualTo("INCOMPLETE");
        assertThat(finding(h).get("status")).isEqualTo("IDLE");
        assertThat((BigDecimal) finding(h).get("fee_wan")).isEqualByComparingTo("0");

        // history: a row when first flagged, none for a parcel first seen not idle
        assertThat(findings(a)).isZero();
        assertThat(findings(b)).isEqualTo(1);
        // the same day again changes nothing
        run("fx-county", AS_OF);
        assertThat(findings(b)).isEqualTo(1);
        assertThat(findings(a)).isZero();
        // one day later: A becomes idle, C a reclaim candidate; B unchanged
        run("fx-county", AS_OF.plusDays(1));
        assertThat(finding(a).get("status")).isEqualTo("IDLE");
        assertThat(finding(a).get("since").toString()).isEqualTo("2026-11-24");
        assertThat(finding(c).get("status")).isEqualTo("RECLAIM_CANDIDATE");
        assertThat(findings(a)).isEqualTo(1);
        assertThat(findings(c)).isEqualTo(2);
        assertThat(findings(b)).isEqualTo(1);
        assertThat(jdbc.sql("select previous_status from idle_land_finding where parcel_id = :p order by id desc limit 1").param("p", c)
                .query(String.class).single()).isEqualTo("IDLE");

        // the list: filter by region and status; the town of another region and the other county see none of these
        mvc.perform(get("/api/v1/land/idle").param("region", town).param("status", "RECLAIM_CANDIDATE").param("size", "1000").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("LTB-D")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("LTB-B"))));
        String townView = mvc.perform(get("/api/v1/land/idle").param("status", "ALL").param("size", "1000").with(fx.as("fx-town")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(townView).doesNotContain("LTB-");
        mvc.perform(get("/api/v1/land/idle/parcels/" + d).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/land/idle/parcels/" + d).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/land/idle/parcels/" + d).with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("LTB-D")));
        mvc.perform(get("/land/idle").param("region", town).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("LTB-B")));
        mvc.perform(get("/land/idle/export").param("region", town).with(fx.as("fx-county"))).andExpect(status().isOk());
    }

    @Test
    void aContractsAgreedStartIsCheckedAndStartingClearsTheFinding() throws Exception {
        long p = jdbc.sql("""
                        insert into parcel (certificate_no, owner_uscc, region_code, area_m2, standard_land, transfer_date, transfer_price_wan)
                        values ('LTB-K', :o, :r, 6666.70, true, date '2025-01-01', 800) returning id""")
                .param("o", USCC).param("r", TestFixture.TOWN_2).query(Long.class).single();
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, 'x', :r, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", USCC).param("r", TestFixture.TOWN_2).update();
        Map<String, Object> terms = Map.of("contractNo", "LTB-2025-001", "parcelId", p, "uscc", USCC, "agreedDelivery", "2025-02-01",
                "agreedStart", "2025-11-22", "agreedCompletion", "2026-12-31", "agreedProduction", "2027-06-30", "agreedReview", "2028-06-30",
                "commitments", Map.of("TAX_PER_MU", 20));
        String body = mvc.perform(post("/api/v1/land/standard-contracts").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(terms))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) ((Map<?, ?>) json.readValue(body, Map.class).get("summary")).get("id")).longValue();
        run("fx-county", AS_OF);
        assertThat(finding(p).get("status")).isEqualTo("IDLE");
        assertThat((BigDecimal) finding(p).get("fee_wan")).isEqualByComparingTo("160");   // 20 % of the contract's 800 万元
        mvc.perform(post("/api/v1/land/standard-contracts/" + id + "/moves").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("move", "START", "date", "2026-11-20", "version", 0)))).andExpect(status().isOk());
        run("fx-county", AS_OF.plusDays(1));
        assertThat(finding(p).get("status")).isEqualTo("NOT_IDLE");
        assertThat(findings(p)).isEqualTo(2);
    }

    @Test
    void developmentRecordFromThePageIsLockedAndTheButtonRunsTheCheck() throws Exception {
        long p = parcel("LTB-P", USCC, TestFixture.TOWN_2, "2000");
        mvc.perform(post("/land/idle/parcels/" + p + "/development").with(fx.as("fx-county")).with(csrf())
                        .param("version", "0").param("agreedStart", "2024-01-01").param("note", "补录 / entered late"))
                .andExpect(flash().attribute("ok", org.hamcrest.Matchers.notNullValue()));
        mvc.perform(post("/land/idle/parcels/" + p + "/development").with(fx.as("fx-county")).with(csrf())
                        .param("version", "0").param("agreedStart", "2024-02-01"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/land/idle/parcels/" + p + "/development").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("version", 1, "agreedStart", "2024-03-01"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.development.agreedStart").value("2024-03-01"));
        mvc.perform(post("/land/idle/parcels/" + p + "/development").with(fx.as("fx-town")).with(csrf()).param("version", "2"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/land/idle/run").with(fx.as("fx-county")).with(csrf()).param("asOf", "2026-11-23"))
                .andExpect(flash().attribute("ok", containsString("2026-11-23")));
        assertThat(finding(p).get("status")).isEqualTo("RECLAIM_CANDIDATE");   // agreed 2024-03-01, more than 2 years
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LAND_DEVELOPMENT_SAVE' and target = :t").param("t", "parcel:" + p)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void rulesAreVersionedDataPerRegion() throws Exception {
        long p = parcel("LTB-O", USCC_OTHER, TestFixture.OTHER_TOWN, "2000");
        development(p, "2026-05-22", null, null, null, null, null, false);
        run("fx-other-county", AS_OF);
        assertThat(finding(p).get("status")).isEqualTo("NOT_IDLE");
        // the other county decides "more than 6 months" and a 10 % fee
        Map<String, Object> rules = new java.util.HashMap<>(Map.of("notStartedIdleMonths", 6, "notStartedIdleInclusive", false,
                "notStartedReclaimMonths", 24, "notStartedReclaimInclusive", false, "idleFeePercent", 10, "minDevelopedNumerator", 1,
                "minDevelopedDenominator", 3, "minInvestmentNumerator", 25, "minInvestmentDenominator", 100, "stalledIdleMonths", 12));
        rules.put("stalledIdleInclusive", true);
        mvc.perform(put("/api/v1/land/idle/settings").with(fx.as("fx-other-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("rules", rules, "note", "县政府常务会议决定 / county decision"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("331003 v1"));
        run("fx-other-county", AS_OF);
        assertThat(finding(p).get("status")).isEqualTo("IDLE");
        assertThat((BigDecimal) finding(p).get("fee_wan")).isEqualByComparingTo("50");
        // other regions keep the defaults; invalid rules are refused; the auditor reads, the town may not
        mvc.perform(get("/api/v1/land/idle/settings").with(fx.as("fx-county"))).andExpect(jsonPath("$.source").value("默认 / defaults"));
        rules.put("notStartedReclaimMonths", 3);
        mvc.perform(put("/api/v1/land/idle/settings").with(fx.as("fx-other-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("rules", rules))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("无偿收回期限不能短于闲置期限")));
        mvc.perform(get("/land/idle/settings").with(fx.as("fx-auditor"))).andExpect(status().isOk());
        mvc.perform(get("/land/idle/settings").with(fx.as("fx-town"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LAND_SETTING_SAVE' and detail like '%county decision%'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theScheduledRunChecksEveryRegionAsOfToday() {
        long p = parcel("LTB-DAILY", USCC, TestFixture.TOWN_2, "2000");
        development(p, "2020-01-01", null, null, null, null, null, false);
        check.daily();
        Map<String, Object> run = jdbc.sql("select trigger, scope_prefix, as_of from idle_land_run order by id desc limit 1").query().singleRow();
        assertThat(run.get("trigger")).isEqualTo("SCHEDULED");
        assertThat(run.get("scope_prefix")).isEqualTo("");
        assertThat(run.get("as_of").toString()).isEqualTo(LocalDate.now(IdleLandCheck.ZONE).toString());
        assertThat(finding(p).get("status")).isEqualTo("RECLAIM_CANDIDATE");
    }

    @Test
    void commandLineRunsTheCheck() throws Exception {
        long p = parcel("LTB-CLI", USCC, TestFixture.TOWN_2, "2000");
        development(p, "2024-06-01", null, null, null, null, null, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = command.run(List.of("--as-of", "2026-11-23", "--region", TestFixture.TOWN_2), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("as of 2026-11-23").contains("region 331082002");
        assertThat(finding(p).get("status")).isEqualTo("RECLAIM_CANDIDATE");
        assertThat(jdbc.sql("select trigger from idle_land_run order by id desc limit 1").query(String.class).single()).isEqualTo("CLI");
        assertThat(command.run(List.of("--as-of", "23/11/2026"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);
    }
}
