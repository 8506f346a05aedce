package org.mujun.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Dashboards: the user's own level by default, drill-down inside the jurisdiction only, widgets from the modules, downloads. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class DashboardIntegrationTest {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1; // the default year: last year

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void targets() {
        for (String[] t : new String[][]{{TestFixture.COUNTY, "450"}, {TestFixture.TOWN_1, "=SUM(1)"}}) {
            jdbc.sql("""
                            insert into target (region_code, indicator, year, value, note, set_by) values (:r, 'LAND_FREED_MU', :y, :v, :n, 'test')
                            on conflict do nothing""")
                    .param("r", t[0]).param("y", YEAR).param("v", t[0].equals(TestFixture.COUNTY) ? 450 : 40).param("n", t[1]).update();
        }
    }

    @Test
    void eachUserStartsAtItsOwnLevelAndDrillsDownInsideItsJurisdiction() throws Exception {
        mvc.perform(get("/dashboard").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("监测驾驶舱")))
                .andExpect(content().string(containsString("widget-target-progress")))
                .andExpect(content().string(containsString("widget-class-distribution")))
                .andExpect(content().string(containsString("古城街道"))); // drill-down link to a town
        mvc.perform(get("/api/v1/dashboard").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value(TestFixture.COUNTY))
                .andExpect(jsonPath("$.widgets[*].key", hasItem("target-progress")))
                .andExpect(jsonPath("$.widgets[*].key", hasItem("trends")))
                .andExpect(jsonPath("$.widgets[?(@.key == 'target-figures')].rows[0][0]").value("腾出用地"));
        // the town sees its own town only
        mvc.perform(get("/api/v1/dashboard").with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value(TestFixture.TOWN_1)).andExpect(jsonPath("$.children").isEmpty());
        mvc.perform(get("/dashboard?region=" + TestFixture.COUNTY).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard?region=" + TestFixture.TOWN_2).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dashboard?region=" + TestFixture.COUNTY).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        // the province drills down to the county
        mvc.perform(get("/dashboard?region=" + TestFixture.COUNTY).with(fx.as("fx-province"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("浙江省")));
        mvc.perform(get("/dashboard").with(fx.as("fx-enterprise"))).andExpect(status().isForbidden());
    }

    @Test
    void everyWidgetsDataDownloadsAsCsvAndExcel() throws Exception {
        byte[] csv = mvc.perform(get("/dashboard/widgets/target-figures.csv").with(fx.as("fx-town"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF指标,目标,实际");
        assertThat(text).contains("腾出用地,40,");
        mvc.perform(get("/dashboard/widgets/target-progress.xlsx?region=" + TestFixture.COUNTY).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentType()).contains("spreadsheetml"));
        mvc.perform(get("/api/v1/dashboard/widgets/class-distribution?region=" + TestFixture.COUNTY).with(fx.as("fx-auditor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("pie"));
        mvc.perform(get("/dashboard/widgets/no-such.csv").with(fx.as("fx-county"))).andExpect(status().isNotFound());
        assertThat(Dashboards.cell("=SUM(1)")).isEqualTo("'=SUM(1)");
        assertThat(Dashboards.cell("a,b")).isEqualTo("\"a,b\"");
    }
}
