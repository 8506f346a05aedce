package org.mujun.project;

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

import java.util.HashMap;
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

/** Projects (guarded lifecycle, progress, statistics), 两高 admission and the 零增地技改 calculators through the API and pages. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class ProjectsIntegrationTest {

    static final String USCC = TestFixture.withCheck("91331082LTC000001");
    static final String USCC_OTHER = TestFixture.withCheck("91331003LTC000002");
    // towns of 临海市 no other test uses: 东塍镇, 汇溪镇
    static final String TOWN_A = "331082101";
    static final String TOWN_B = "331082103";

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void data() {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '临海项目测试有限公司', :r, 'C26', 'ABOVE') on conflict do nothing")
                .param("u", USCC).param("r", TestFixture.TOWN_1).update();
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '黄岩项目测试有限公司', :r, 'C26', 'ABOVE') on conflict do nothing")
                .param("u", USCC_OTHER).param("r", TestFixture.OTHER_TOWN).update();
    }

    ResultActions postJson(String url, String user, Object body) throws Exception {
        return mvc.perform(post(url).with(fx.as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    long project(String region, String name, int planned, String since) throws Exception {
        String body = postJson("/api/v1/projects", "fx-county", Map.of("regionCode", region, "investorName", "投资方 " + name, "name", name,
                "plannedWan", planned, "since", since)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) ((Map<?, ?>) json.readValue(body, Map.class).get("project")).get("id")).longValue();
    }

    ResultActions move(long id, String to, String date, int version) throws Exception {
        return postJson("/api/v1/projects/" + id + "/moves", "fx-county", Map.of("to", to, "date", date, "version", version));
    }

    @Test
    void lifecycleIsGuardedProgressIsReportedAndStatisticsAreHandWorked() throws Exception {
        long p1 = project(TOWN_A, "LTC 一号项目", 20000, "2026-01-05");
        long p2 = project(TOWN_A, "LTC 二号项目", 120000, "2026-01-05");
        project(TOWN_A, "LTC 三号项目", 5000, "2026-01-05");
        long p4 = project(TOWN_A, "LTC 四号项目", 8000, "2026-01-05");
        long p5 = project(TOWN_B, "LTC 五号项目", 50000, "2026-01-05");

        // skipping a stage is refused with the reason; so is a date before the previous stage
        move(p1, "STARTED", "2026-02-01", 0).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("下一阶段应为「签约」")));
        move(p1, "SIGNED", "2026-01-01", 0).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("早于")));
        move(p1, "SIGNED", "2026-02-01", 0).andExpect(status().isOk()).andExpect(jsonPath("$.project.stage").value("SIGNED"));
        move(p1, "LANDED", "2026-03-01", 0).andExpect(status().isConflict());
        move(p1, "LANDED", "2026-03-01", 1).andExpect(status().isOk());
        move(p2, "SIGNED", "2026-02-10", 0).andExpect(status().isOk());
        move(p4, "SIGNED", "2026-02-01", 0).andExpect(status().isOk());
        move(p4, "LANDED", "2026-03-01", 1).andExpect(status().isOk());
        move(p4, "STARTED", "2026-04-01", 2).andExpect(status().isOk());
        move(p5, "SIGNED", "2026-02-01", 0).andExpect(status().isOk());

        // completed investment: the county admin, or the town for projects in its town (here: not its town → 404)
        postJson("/api/v1/projects/" + p1 + "/investment", "fx-county", Map.of("date", "2026-06-30", "completedWan", 5000, "version", 2))
                .andExpect(status().isOk()).andExpect(jsonPath("$.project.completedWan").value(5000));
        postJson("/api/v1/projects/" + p4 + "/investment", "fx-county", Map.of("date", "2026-06-30", "completedWan", 8000, "version", 3))
                .andExpect(status().isOk());
        postJson("/api/v1/projects/" + p1 + "/investment", "fx-town", Map.of("date", "2026-07-31", "completedWan", 6000, "version", 3))
                .andExpect(status().isNotFound());
        postJson("/api/v1/projects/" + p1 + "/moves", "fx-town", Map.of("to", "STARTED", "date", "2026-07-01", "version", 3))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/projects/" + p1).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/projects/" + p1).with(fx.as("fx-enterprise"))).andExpect(status().isNotFound());

        // town A: 4 projects; population (签约 or later) P1, P2, P4; 亿元 P1 (20,000) and P2 (120,000); 10亿元 P2;
        // 落地率 = landed (P1, P4) ÷ signed (P1, P2, P4) = 2/3 = 66.67 %; completion = (5,000 + 0 + 8,000) ÷ 148,000 = 8.78 %
        mvc.perform(get("/api/v1/projects/statistics").param("region", TOWN_A).with(fx.as("fx-county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.projects").value(4))
                .andExpect(jsonPath("$.total.population").value(3))
                .andExpect(jsonPath("$.total.yiYuanProjects").value(2))
                .andExpect(jsonPath("$.total.tenYiYuanProjects").value(1))
                .andExpect(jsonPath("$.total.landingRatePercent").value(66.67))
                .andExpect(jsonPath("$.total.completionRatePercent").value(8.78));
        // by town within the county, named
        String county = mvc.perform(get("/api/v1/projects/statistics").param("region", TestFixture.COUNTY).with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(county).contains("东塍镇").contains("汇溪镇");
        // the page: chart data for the JS (no inline script), the table, the export
        mvc.perform(get("/projects").param("region", TOWN_A).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-chart=")))
                .andExpect(content().string(containsString("/js/projects.js")))
                .andExpect(content().string(containsString("LTC 一号项目")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>"))));
        mvc.perform(get("/projects/export").param("region", TOWN_A).with(fx.as("fx-auditor"))).andExpect(status().isOk());
        mvc.perform(get("/projects/" + p1).param("lang", "en").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Move to “Started 开工”")));
        // audit: who moved what, when
        assertThat(jdbc.sql("select count(*) from audit_log where target = :t and action = 'PROJECT_MOVE'").param("t", "project:" + p4)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void townOfficerReportsProgressInItsTown() throws Exception {
        long p = project(TestFixture.TOWN_1, "LTC 古城项目", 3000, "2026-01-05");
        postJson("/api/v1/projects/" + p + "/investment", "fx-town", Map.of("date", "2026-07-31", "completedWan", 1200, "version", 0, "note", "月报"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reports.length()").value(1));
        mvc.perform(post("/projects/" + p + "/investment").with(fx.as("fx-town")).with(csrf())
                        .param("date", "2026-08-31").param("completedWan", "1500").param("version", "1"))
                .andExpect(flash().attribute("ok", org.hamcrest.Matchers.notNullValue()));
        mvc.perform(post("/projects/" + p + "/move").with(fx.as("fx-town")).with(csrf()).param("to", "SIGNED").param("date", "2026-09-01").param("version", "2"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/projects/" + p + "/move").with(fx.as("fx-county")).with(csrf()).param("to", "LANDED").param("date", "2026-09-01").param("version", "2"))
                .andExpect(flash().attribute("error", containsString("下一阶段应为「签约」")));
    }

    @Test
    void lianggaoAdmissionDecidesWithEveryReasonAndKeepsTheList() throws Exception {
        // C2614 in the 两高 set (C26): 520 tce ÷ 1,000 万元 = 0.52 → admitted; 520.01 → above the 0.52 standard
        postJson("/api/v1/projects/admission", "fx-county", Map.of("uscc", USCC, "projectName", "LTC 有机化工扩建", "industryCode", "C2614",
                "annualEnergyTce", 520, "annualOutputWan", 1000))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.verdict").value("ADMIT")).andExpect(jsonPath("$.lianggao").value(true))
                .andExpect(jsonPath("$.intensity").value(0.52)).andExpect(jsonPath("$.regionCode").value(TestFixture.TOWN_1));
        postJson("/api/v1/projects/admission", "fx-county", Map.of("uscc", USCC, "projectName", "LTC 有机化工二期", "industryCode", "C2614",
                "annualEnergyTce", 520.01, "annualOutputWan", 1000))
                .andExpect(jsonPath("$.verdict").value("REJECT")).andExpect(jsonPath("$.reasons[0]", containsString("高于准入标准 0.52")));
        // cement clinker (C3011) needs 1.5:1 replacement: 14 < 15 is refused, 15 passes; a prospective enterprise by name and region
        Map<String, Object> cement = new HashMap<>(Map.of("applicantName", "拟设 LTC 水泥有限公司", "regionCode", TOWN_A, "projectName", "LTC 熟料线",
                "industryCode", "C3011", "annualEnergyTce", 100, "annualOutputWan", 1000, "newCapacity", 10, "replacedCapacity", 14, "capacityUnit", "万吨/年"));
        String rejected = postJson("/api/v1/projects/admission", "fx-county", cement).andExpect(jsonPath("$.verdict").value("REJECT"))
                .andExpect(jsonPath("$.requiredReplaced").value(15.0)).andReturn().getResponse().getContentAsString();
        long rejectedId = ((Number) json.readValue(rejected, Map.class).get("id")).longValue();
        cement.put("replacedCapacity", 15);
        postJson("/api/v1/projects/admission", "fx-county", cement).andExpect(jsonPath("$.verdict").value("ADMIT"));
        // both bad inputs refused
        postJson("/api/v1/projects/admission", "fx-county", Map.of("projectName", "x", "industryCode", "C26", "annualEnergyTce", 1, "annualOutputWan", 1))
                .andExpect(status().isBadRequest());
        postJson("/api/v1/projects/admission", "fx-county", Map.of("applicantName", "y", "regionCode", TestFixture.OTHER_TOWN, "projectName", "x",
                "industryCode", "C26", "annualEnergyTce", 1, "annualOutputWan", 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不在管辖范围")));

        // the 两高 list, jurisdiction, roles
        mvc.perform(get("/api/v1/projects/admission").param("lianggao", "true").param("q", "LTC").param("size", "1000").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(4));
        mvc.perform(get("/api/v1/projects/admission/" + rejectedId).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/projects/admission/" + rejectedId).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/projects/admission/" + rejectedId).with(fx.as("fx-auditor"))).andExpect(status().isOk());
        mvc.perform(get("/projects/admission").with(fx.as("fx-enterprise"))).andExpect(status().isForbidden());
        mvc.perform(get("/projects/admission/" + rejectedId).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("少于 1.5 × 新增产能 10")));
        mvc.perform(get("/projects/admission/export").param("lianggao", "true").with(fx.as("fx-county"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LIANGGAO_DECIDE' and detail like '%LTC%'").query(Integer.class).single())
                .isEqualTo(4);

        // the other county sets a stricter standard for C26 (data, versioned); this county keeps the default
        mvc.perform(put("/api/v1/projects/admission/settings").with(fx.as("fx-other-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("rules", Map.of("defaultMaxIntensity", 0.52, "maxIntensityByIndustry", Map.of("C26", 0.4),
                                "replacementRatioByIndustry", Map.of("C3011", 1.5)), "note", "黄岩标准"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("331003 v1"));
        postJson("/api/v1/projects/admission", "fx-other-county", Map.of("uscc", USCC_OTHER, "projectName", "LTC 黄岩化工", "industryCode", "C2614",
                "annualEnergyTce", 450, "annualOutputWan", 1000))
                .andExpect(jsonPath("$.verdict").value("REJECT")).andExpect(jsonPath("$.maxIntensity").value(0.4))
                .andExpect(jsonPath("$.standardPrefix").value("C26")).andExpect(jsonPath("$.rulesVersion").value(1));
        mvc.perform(get("/api/v1/projects/admission/settings").with(fx.as("fx-county"))).andExpect(jsonPath("$.source").value("默认 / defaults"))
                .andExpect(jsonPath("$.lianggaoIndustries", org.hamcrest.Matchers.hasItem("C3011")));
        // the page form
        mvc.perform(post("/projects/admission/settings").with(fx.as("fx-other-county")).with(csrf()).param("defaultMaxIntensity", "0.5")
                        .param("intensityLines", "C26 0.4\nC31 = oops"))
                .andExpect(flash().attribute("error", containsString("第 2 行")));
    }

    @Test
    void zeroLandCalculatorAndRegister() throws Exception {
        // Linhai 2022: 1,000 / 500 万元 → 10 % × 500 = 50; class A 10,000 m² × 60 元 = 60 万 vs 5 floors × 40 元 = 40 万 → the higher, 60; total 110
        postJson("/api/v1/projects/zero-land/calculate", "fx-county", Map.of("uscc", USCC, "projectInvestmentWan", 1000, "equipmentWan", 500,
                "newFloorAreaM2", 10000, "floors", 5, "enterpriseClass", "A", "parcelsAfterSplitMu", List.of(12, 8), "transfereeClass", "C"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.equipment.amount.value").value(50.0))
                .andExpect(jsonPath("$.floorReward.amount.value").value(60.0))
                .andExpect(jsonPath("$.floorReward.basis").value("CLASS"))
                .andExpect(jsonPath("$.totalWan").value(110.0))
                .andExpect(jsonPath("$.classSource").value("OFFICIAL"))
                .andExpect(jsonPath("$.transferProblems[*].code", org.hamcrest.Matchers.containsInAnyOrder("PARCEL_TOO_SMALL", "TRANSFEREE_CLASS")));
        // the enterprise may use the calculator for itself only
        postJson("/api/v1/projects/zero-land/calculate", "fx-enterprise", Map.of("projectInvestmentWan", 300, "equipmentWan", 200, "newFloorAreaM2", 0,
                "floors", 1)).andExpect(status().isOk()).andExpect(jsonPath("$.equipment.amount.value").value(10.0));
        postJson("/api/v1/projects/zero-land/calculate", "fx-enterprise", Map.of("uscc", USCC, "projectInvestmentWan", 300, "equipmentWan", 200,
                "newFloorAreaM2", 0, "floors", 1)).andExpect(status().isBadRequest());
        // register stores the computed amounts
        String body = postJson("/api/v1/projects/zero-land", "fx-county", Map.of("uscc", USCC, "name", "LTC 零增地技改", "projectInvestmentWan", 3000,
                "equipmentWan", 3000.01, "newFloorAreaM2", 0, "floors", 1)).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("超过项目总投资");
        body = postJson("/api/v1/projects/zero-land", "fx-county", Map.of("uscc", USCC, "name", "LTC 零增地技改", "projectInvestmentWan", 4000,
                "equipmentWan", 3000.01, "newFloorAreaM2", 20000, "floors", 6, "enterpriseClass", "B"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.equipmentSubsidyWan").value(300.0))
                .andExpect(jsonPath("$.floorRewardWan").value(100.0)).andExpect(jsonPath("$.totalWan").value(400.0))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) json.readValue(body, Map.class).get("id")).longValue();
        mvc.perform(get("/projects/zero-land/" + id).with(fx.as("fx-town"))).andExpect(status().isOk()).andExpect(content().string(containsString("300.0000")));
        mvc.perform(get("/api/v1/projects/zero-land/" + id).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        // the page calculator
        mvc.perform(post("/projects/zero-land/calculate").with(fx.as("fx-county")).with(csrf()).param("projectInvestmentWan", "1000")
                        .param("equipmentWan", "500").param("newFloorAreaM2", "10000").param("floors", "5").param("enterpriseClass", "A"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"total\">110.0000 万元")));
        // the other county pays both bases (SUM): 60 + 40 = 100
        Map<String, Object> rules = new HashMap<>(Map.of("equipmentTiers", List.of(Map.of("minProjectInvestment", 1000, "minEquipment", 500,
                "ratePercent", 10, "cap", 300)), "classRates", Map.of("A", 60, "B", 50), "classRewardCap", 100,
                "floorTiers", List.of(Map.of("minFloors", 4, "yuanPerM2", 30), Map.of("minFloors", 5, "yuanPerM2", 40)), "floorRewardCap", 100,
                "combination", "SUM", "maxParcels", 3, "minParcelMu", 10, "barredClasses", List.of("C", "D")));
        mvc.perform(put("/api/v1/projects/zero-land/settings").with(fx.as("fx-other-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("rules", rules)))).andExpect(status().isOk());
        postJson("/api/v1/projects/zero-land/calculate", "fx-other-county", Map.of("uscc", USCC_OTHER, "projectInvestmentWan", 1000, "equipmentWan", 500,
                "newFloorAreaM2", 10000, "floors", 5, "enterpriseClass", "A"))
                .andExpect(jsonPath("$.floorReward.amount.value").value(100.0)).andExpect(jsonPath("$.floorReward.basis").value("BOTH"));
    }
}
