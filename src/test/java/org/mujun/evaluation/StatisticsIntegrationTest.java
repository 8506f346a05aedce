package org.mujun.evaluation;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.mujun.evaluation.WorkflowTestData.TOWN_A;
import static org.mujun.evaluation.WorkflowTestData.TOWN_B;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Region statistics from the published runs of 2037 and 2038 of both workflow towns, hand-worked
 * ({@link WorkflowTestData}; 2038 has every tax × 1.2; tce = kWh × 0.1229 / 1000):
 * <pre>
 *                 亩均税收            亩均增加值         全员劳动生产率      单位能耗增加值
 *  小芝 2037      510 / 50 = 10.2     1150 / 50 = 23     1150 / 260         1150 / 380.99
 *  小芝 2038      612 / 50 = 12.24 (+20 %)
 *  河头 2038      216 / 30 = 7.2      400 / 30           400 / 50 = 8       400 / 73.74
 *  临海 2038      828 / 80 = 10.35    1550 / 80 = 19.375 1550 / 310 = 5     1550 / 454.73
 * </pre>
 * Classes 2038: 小芝 A1 B2 C1 D1, 河头 A1 C1 D1 (3 members: one each) → together 2 of each of 8, 25 %.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class StatisticsIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired PasswordEncoder encoder;
    @Autowired EvaluationSchemes schemes;
    @Autowired EvaluationRuns runs;
    @Autowired Publications publications;

    @BeforeEach
    void data() {
        WorkflowTestData.install(jdbc, users, encoder);
        for (int year = 2037; year <= 2038; year++) {
            for (String town : new String[] {TOWN_A, TOWN_B}) {
                boolean published = jdbc.sql("select exists (select 1 from evaluation_run where region_code = :r and year = :y and status in ('PUBLICIZING', 'FINAL'))")
                        .param("r", town).param("y", year).query(Boolean.class).single();
                if (!published) {
                    Run run = WorkflowTestData.officialRun(schemes, runs, fx, town, year);
                    WorkflowTestData.as(fx.user("fx-county"), () -> publications.publicize(run.id(), publications.today().plusDays(7), "fx-county"));
                }
            }
        }
        // a computed (unpublished) run of 2038 does not count
        WorkflowTestData.officialRun(schemes, runs, fx, TOWN_B, 2038);
    }

    @Test
    void aggregatesByTownAndCountyYearOnYear() throws Exception {
        mvc.perform(get("/api/v1/evaluation/statistics?year=2038&level=TOWN&region=331082").with(fx.as("fx-county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.taxMasked").value(false))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].region").value(TOWN_A))
                .andExpect(jsonPath("$.rows[0].name").value("小芝镇"))
                .andExpect(jsonPath("$.rows[0].current.aboveCount").value(5))
                .andExpect(jsonPath("$.rows[0].current.taxPerMu", closeTo(12.24, 1e-9)))
                .andExpect(jsonPath("$.rows[0].previous.taxPerMu", closeTo(10.2, 1e-9)))
                .andExpect(jsonPath("$.rows[0].taxPerMuChange", closeTo(20.0, 1e-9)))
                .andExpect(jsonPath("$.rows[0].current.valueAddedPerMu", closeTo(23.0, 1e-9)))
                .andExpect(jsonPath("$.rows[0].valueAddedPerMuChange", closeTo(0.0, 1e-9)))
                .andExpect(jsonPath("$.rows[0].current.labourProductivity", closeTo(1150.0 / 260, 1e-9)))
                .andExpect(jsonPath("$.rows[0].current.valueAddedPerTce", closeTo(1150 / 380.99, 1e-9)))
                .andExpect(jsonPath("$.rows[0].current.classCounts.B").value(2))
                .andExpect(jsonPath("$.rows[1].region").value(TOWN_B))
                .andExpect(jsonPath("$.rows[1].current.taxPerMu", closeTo(7.2, 1e-9)))
                .andExpect(jsonPath("$.rows[1].current.labourProductivity", closeTo(8.0, 1e-9)))
                .andExpect(jsonPath("$.rows[1].current.valueAddedPerTce", closeTo(400 / 73.74, 1e-9)))
                .andExpect(jsonPath("$.rows[1].current.classCounts.B").value(0))
                .andExpect(jsonPath("$.rows[1].current.graded").value(3))
                .andExpect(jsonPath("$.total.current.taxPerMu", closeTo(10.35, 1e-9)))
                .andExpect(jsonPath("$.total.current.valueAddedPerMu", closeTo(19.375, 1e-9)))
                .andExpect(jsonPath("$.total.current.labourProductivity", closeTo(5.0, 1e-9)))
                .andExpect(jsonPath("$.total.current.valueAddedPerTce", closeTo(1550 / 454.73, 1e-9)))
                .andExpect(jsonPath("$.total.current.classShares.A", closeTo(25.0, 1e-9)))
                .andExpect(jsonPath("$.total.current.classShares.D", closeTo(25.0, 1e-9)));
        // county level: one row, the same as the total
        mvc.perform(get("/api/v1/evaluation/statistics?year=2038&level=COUNTY&region=331082").with(fx.as("fx-city")))
                .andExpect(jsonPath("$.rows.length()").value(1)).andExpect(jsonPath("$.rows[0].region").value("331082"))
                .andExpect(jsonPath("$.rows[0].current.taxPerMu", closeTo(10.35, 1e-9)));
        // the line over years of one town
        mvc.perform(get("/api/v1/evaluation/statistics/trend?region=" + TOWN_A).with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.points[?(@.year == 2037)].figures.taxPerMu").value(org.hamcrest.Matchers.contains(closeTo(10.2, 1e-9))))
                .andExpect(jsonPath("$.points[?(@.year == 2038)].figures.taxPerMu").value(org.hamcrest.Matchers.contains(closeTo(12.24, 1e-9))));
        // a town officer of another town: nothing, and tax masked; another county: not found; enterprises: forbidden
        mvc.perform(get("/api/v1/evaluation/statistics?year=2038").with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.taxMasked").value(true)).andExpect(jsonPath("$.rows.length()").value(0));
        mvc.perform(get("/api/v1/evaluation/statistics?year=2038&region=331082").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluation/statistics?year=2038").with(fx.as("fx-enterprise"))).andExpect(status().isForbidden());
        // the page with its charts' data URLs (no inline script) and the Excel of the chart data
        mvc.perform(get("/evaluation/statistics?year=2038&level=TOWN&region=331082").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("小芝镇")))
                .andExpect(content().string(containsString("data-url=\"/api/v1/evaluation/statistics?year=2038&amp;level=TOWN&amp;region=331082\"")))
                .andExpect(content().string(containsString("/js/evaluation-statistics.js")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>"))));
        byte[] xlsx = mvc.perform(get("/evaluation/statistics/export?year=2038&level=TOWN&region=331082").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var rows = MeasuresIntegrationTest.read(xlsx);
        org.assertj.core.api.Assertions.assertThat(rows).hasSize(4); // header, two towns, total
        org.assertj.core.api.Assertions.assertThat(Double.parseDouble(rows.get(1).get(3))).isCloseTo(12.24, org.assertj.core.api.Assertions.within(1e-9));
        mvc.perform(get("/evaluation/statistics/trend/export?region=331082").with(fx.as("fx-county"))).andExpect(status().isOk());
    }
}
