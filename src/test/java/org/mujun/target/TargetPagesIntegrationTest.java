package org.mujun.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every page of targets and dashboards renders in both languages without a missing message (no "??key??"). */
@MujunIntegrationTest
@AutoConfigureMockMvc
class TargetPagesIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;

    @Test
    void pagesRenderInChineseAndEnglish() throws Exception {
        jdbc.sql("insert into target (region_code, indicator, year, value, set_by) values (:r, 'CO2_CUT_T', 2023, 1000, 'test') on conflict do nothing")
                .param("r", TestFixture.TOWN_1).update();
        jdbc.sql("insert into target (region_code, indicator, year, value, set_by) values (:r, 'CO2_CUT_T', 2023, 900, 'test') on conflict do nothing")
                .param("r", TestFixture.COUNTY).update();
        jdbc.sql("""
                insert into target_snapshot (region_code, year, month, as_of, time_share, kind, taken_by)
                values (:r, 2023, 12, date '2023-12-31', 1, 'ON_DEMAND', 'test') on conflict do nothing""").param("r", TestFixture.COUNTY).update();
        long snap = jdbc.sql("select id from target_snapshot where region_code = :r and year = 2023 and month = 12").param("r", TestFixture.COUNTY)
                .query(Long.class).single();
        String[] pages = {"/targets?year=2023", "/targets/snapshots?year=2023", "/targets/snapshots/" + snap + "?x=1", "/targets/bulletin?year=2023&quarter=4",
                "/targets/assessment?year=2023", "/dashboard?year=2023", "/targets/bulletin?year=2099&quarter=1"};
        for (String lang : new String[]{"zh_CN", "en"}) {
            for (String p : pages) {
                for (String user : new String[]{"fx-county", "fx-town", "fx-auditor"}) {
                    if (user.equals("fx-town") && p.startsWith("/targets/snapshots/")) {
                        continue;
                    }
                    String html = mvc.perform(get(p + "&lang=" + lang).with(fx.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                            .getContentAsString();
                    assertThat(html).as(p + " " + lang + " " + user).doesNotContain("??");
                }
            }
        }
    }
}
