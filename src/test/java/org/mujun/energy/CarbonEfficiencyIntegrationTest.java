package org.mujun.energy;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 碳效码 on rows inserted here (industry C17, year 2044, 汇溪镇 331082103), CO₂ from
 * electricity at 0.5366 kg/kWh:
 * <pre>
 *        kWh          CO₂ (t)   VA (万元)  L = CO₂/VA   level   K = L / L̄ (L̄ = 2146.4 / 1900 = 1.12968…)   grade
 *  K1    1,000,000    536.6     1000       0.5366       低碳    0.4750                                      1
 *  K2    2,000,000    1073.2     500       2.1464       高碳    1.9000                                      4
 *  K3    1,000,000    536.6      400       1.3415       中碳    1.1875                                      3
 *  K4      500,000    268.3      —         —            —       —                                           — (no value added)
 *  K5      100,000     53.66     100       0.5366       低碳    — (no industry code)                        —
 * </pre>
 * With grade bounds 0.5 / 0.8 / 1.1 / 2.0 instead, K3 (1.1875) becomes grade 4.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class CarbonEfficiencyIntegrationTest {

    static final String TOWN = "331082103";
    static final int YEAR = 2044;

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired CarbonEfficiencyCodes codes;
    @Autowired CarbonEfficiencySettings settings;

    static String k(int n) {
        return TestFixture.withCheck("913310821030000" + String.format("%02d", n));
    }

    @BeforeEach
    void data() {
        if (jdbc.sql("select count(*) from enterprise where uscc = :u").param("u", k(1)).query(Integer.class).single() == 0) {
            double[] kwh = {1_000_000, 2_000_000, 1_000_000, 500_000, 100_000};
            Double[] va = {1000.0, 500.0, 400.0, null, 100.0};
            String[] industry = {"C1711", "C1712", "C1713", "C1721", null};
            for (int i = 0; i < 5; i++) {
                jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class, registered_on) values (:u, :n, :r, :i, 'ABOVE', date '2012-01-01')")
                        .param("u", k(i + 1)).param("n", "碳效测试" + (i + 1) + "号企业").param("r", TOWN).param("i", industry[i]).update();
                jdbc.sql("insert into electricity_record (uscc, year, month, kwh) values (:u, :y, 0, :k)").param("u", k(i + 1)).param("y", YEAR)
                        .param("k", kwh[i]).update();
                if (va[i] != null) {
                    jdbc.sql("insert into stats_record (uscc, year, value_added, above_scale) values (:u, :y, :v, true)").param("u", k(i + 1))
                            .param("y", YEAR).param("v", va[i]).update();
                }
            }
        }
        codes.invalidate();
    }

    @Test
    void gradesAgainstTheIndustryWithConfigurableBounds() throws Exception {
        String list = "/api/v1/energy/carbon-efficiency?year=" + YEAR + "&region=" + TOWN + "&size=10";
        mvc.perform(get(list).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.items[0].uscc").value(k(1)))
                .andExpect(jsonPath("$.items[0].industryKey").value("C17"))
                .andExpect(jsonPath("$.items[0].result.intensity").value(0.5366))
                .andExpect(jsonPath("$.items[0].result.level").value("LOW"))
                .andExpect(jsonPath("$.items[0].result.industryAverage").value(1.1297))
                .andExpect(jsonPath("$.items[0].result.k").value(0.475))
                .andExpect(jsonPath("$.items[0].result.grade").value(1))
                .andExpect(jsonPath("$.items[0].result.gradeColour").value("#1a9641"))
                .andExpect(jsonPath("$.items[1].result.level").value("HIGH"))
                .andExpect(jsonPath("$.items[1].result.k").value(1.9))
                .andExpect(jsonPath("$.items[1].result.grade").value(4))
                .andExpect(jsonPath("$.items[2].result.level").value("MEDIUM"))
                .andExpect(jsonPath("$.items[2].result.k").value(1.1875))
                .andExpect(jsonPath("$.items[2].result.grade").value(3))
                .andExpect(jsonPath("$.items[3].result.grade").doesNotExist())
                .andExpect(jsonPath("$.items[4].result.level").value("LOW"))
                .andExpect(jsonPath("$.items[4].result.grade").doesNotExist())
                .andExpect(jsonPath("$.gradeCounts.1").value(1)).andExpect(jsonPath("$.gradeCounts.3").value(1))
                .andExpect(jsonPath("$.gradeCounts.4").value(1)).andExpect(jsonPath("$.withoutGrade").value(2));
        // filters: grade and level
        mvc.perform(get(list + "&grade=4").with(fx.as("fx-county"))).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].uscc").value(k(2)));
        mvc.perform(get(list + "&level=LOW").with(fx.as("fx-county"))).andExpect(jsonPath("$.total").value(2));
        // jurisdiction: the grade does not depend on who looks, the rows do
        mvc.perform(get(list).with(fx.as("fx-other-county"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get(list).with(fx.as("fx-enterprise"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get(list).with(fx.as("fx-provider"))).andExpect(status().isForbidden());
        // distribution by town
        mvc.perform(get("/api/v1/energy/carbon-efficiency/distribution?year=" + YEAR + "&length=9&region=" + TOWN).with(fx.as("fx-auditor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.regions[0].region").value(TOWN))
                .andExpect(jsonPath("$.regions[0].grades[0]").value(1)).andExpect(jsonPath("$.regions[0].grades[2]").value(1))
                .andExpect(jsonPath("$.regions[0].grades[3]").value(1)).andExpect(jsonPath("$.regions[0].withoutGrade").value(2))
                .andExpect(jsonPath("$.regions[0].total").value(5)).andExpect(jsonPath("$.gradeColours[4]").value("#d7191c"));
        // the enterprise's carbon account shows its code
        long id = jdbc.sql("select id from enterprise where uscc = :u").param("u", k(2)).query(Long.class).single();
        mvc.perform(get("/energy/enterprises/" + id).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"carbon-code-" + YEAR + "\"")))
                .andExpect(content().string(containsString("4 级")))
                .andExpect(content().string(containsString("高碳")));
        // pages and exports
        mvc.perform(get("/energy/carbon-efficiency?year=" + YEAR + "&region=" + TOWN).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(k(3))));
        mvc.perform(get("/energy/carbon-efficiency/export?year=" + YEAR + "&region=" + TOWN).with(fx.as("fx-county"))).andExpect(status().isOk());
        mvc.perform(get("/energy/carbon-efficiency/distribution?year=" + YEAR + "&length=9").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/js/carbon-efficiency.js")));

        // the bounds are data: only the province administrator saves a new version; invalid ones are refused
        String stricter = "{\"config\":{\"levelMax\":[0.6,2.0],\"gradeMax\":[0.5,0.8,1.1,2.0],\"levelColours\":[\"#1a9641\",\"#fdae61\",\"#d7191c\"],"
                + "\"gradeColours\":[\"#1a9641\",\"#a6d96a\",\"#ffffbf\",\"#fdae61\",\"#d7191c\"]},\"note\":\"test\"}";
        mvc.perform(put("/api/v1/energy/carbon-efficiency/config").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(stricter)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/energy/carbon-efficiency/config").with(fx.as("fx-province")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(stricter.replace("[0.5,0.8,1.1,2.0]", "[0.5,0.4,1.1,2.0]")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("four ascending positive numbers")));
        try {
            mvc.perform(put("/api/v1/energy/carbon-efficiency/config").with(fx.as("fx-province")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content(stricter)).andExpect(status().isOk());
            mvc.perform(get(list + "&grade=4").with(fx.as("fx-county"))).andExpect(jsonPath("$.total").value(2));
        } finally {
            // back to the defaults, through the page's form (a new version again)
            mvc.perform(post("/energy/carbon-efficiency/config").with(fx.as("fx-province")).with(csrf())
                            .param("level1", "0.6").param("level2", "2.0").param("grade1", "0.6").param("grade2", "0.8").param("grade3", "1.2")
                            .param("grade4", "2.0").param("levelColour1", "#1a9641").param("levelColour2", "#fdae61").param("levelColour3", "#d7191c")
                            .param("gradeColour1", "#1a9641").param("gradeColour2", "#a6d96a").param("gradeColour3", "#ffffbf")
                            .param("gradeColour4", "#fdae61").param("gradeColour5", "#d7191c").param("note", "defaults"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(get(list + "&grade=4").with(fx.as("fx-county"))).andExpect(jsonPath("$.total").value(1));
        org.assertj.core.api.Assertions.assertThat(settings.current().config().gradeMax()).extracting(java.math.BigDecimal::toPlainString)
                .containsExactly("0.6", "0.8", "1.2", "2");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_log where action = 'CARBON_EFFICIENCY_CONFIG_SAVE'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        mvc.perform(get("/energy/carbon-efficiency/config").with(fx.as("fx-auditor"))).andExpect(status().isOk());
        mvc.perform(get("/energy/carbon-efficiency/config").with(fx.as("fx-town"))).andExpect(status().isForbidden());
    }
}
