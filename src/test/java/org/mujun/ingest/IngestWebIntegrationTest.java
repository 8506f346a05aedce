package org.mujun.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.security.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Ingestion pages and API by role: who may upload, token scope, jurisdiction on upload results. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class IngestWebIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    private MockMultipartFile csv(String body) {
        return new MockMultipartFile("file", "tax.csv", "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pagesByRole() throws Exception {
        mvc.perform(get("/ingest").with(fx.as("fx-county"))).andExpect(status().isOk());
        mvc.perform(get("/ingest").with(fx.as("fx-provider"))).andExpect(status().isOk());
        mvc.perform(get("/ingest").with(fx.as("fx-auditor"))).andExpect(status().isOk());
        mvc.perform(get("/ingest").with(fx.as("fx-town"))).andExpect(status().isForbidden());
        mvc.perform(get("/ingest").with(fx.as("fx-enterprise"))).andExpect(status().isForbidden());
        mvc.perform(get("/ingest").with(fx.as("fx-security"))).andExpect(status().isForbidden());
        mvc.perform(get("/ingest/quality").with(fx.as("fx-provider"))).andExpect(status().isForbidden());
        mvc.perform(get("/ingest/quality").with(fx.as("fx-town"))).andExpect(status().isOk());
        mvc.perform(get("/ingest/templates/TAX.xlsx").with(fx.as("fx-provider"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/uploads")).andExpect(status().isUnauthorized());
    }

    @Test
    void uploadThroughTheWebAndSeeTheResultOnlyInsideTheRegion() throws Exception {
        String location = mvc.perform(multipart("/ingest/uploads").file(csv("统一社会信用代码,年度,实缴税金合计(万元)\n"
                        + TestFixture.USCC_1 + ",2009,5\n" + TestFixture.USCC_1 + ",2008,-5\n"))
                        .param("dataset", "TAX").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/ingest/uploads/");
        String page = mvc.perform(get(location).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("不能为负数");
        mvc.perform(get(location).with(fx.as("fx-auditor"))).andExpect(status().isOk());
        mvc.perform(get(location).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api" + location.replace("/ingest", "/v1")).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get(location + "/errors.csv").with(fx.as("fx-county"))).andExpect(status().isOk());
        mvc.perform(multipart("/ingest/uploads").file(csv("x\n")).param("dataset", "TAX").with(fx.as("fx-town")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDepartmentTokenPushesOnlyItsDataSets() throws Exception {
        String token = tokens.issue(fx.user("fx-provider").id(), "tax bureau", Set.of("TAX"), Instant.now().plusSeconds(3600)).token();
        mvc.perform(post("/api/v1/datasets/TAX/records").header("Authorization", "Bearer " + token)
                        .contentType("application/json")
                        .content("[{\"uscc\":\"" + TestFixture.USCC_2 + "\",\"year\":2007,\"total_tax\":42.5}]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.validRows").value(1)).andExpect(jsonPath("$.status").value("APPLIED"));
        mvc.perform(post("/api/v1/datasets/STATS/records").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content("[{\"uscc\":\"" + TestFixture.USCC_2 + "\",\"year\":2007}]"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/datasets/TAX/records").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content("[{\"uscc\":\"x\",\"bogus\":1}]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").exists());
        mvc.perform(get("/api/v1/uploads").header("Authorization", "Bearer mj_wrong")).andExpect(status().isUnauthorized());
    }

    @Test
    void theRoleIsCheckedBeforeTheInput() throws Exception {
        // refused roles get 403 whatever they send (before: 400 for a missing parameter, 415 or 500 for a body
        // that is not multipart, 200 for the templates)
        for (String user : List.of("fx-auditor", "fx-town", "fx-enterprise", "fx-security")) {
            mvc.perform(post("/ingest/uploads").with(fx.as(user)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/uploads").with(fx.as(user)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/datasets/TAX/records").with(fx.as(user)).with(csrf())).andExpect(status().isForbidden());
        }
        for (String user : List.of("fx-town", "fx-enterprise", "fx-security")) {
            mvc.perform(get("/ingest/templates/TAX.csv").with(fx.as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/datasets").with(fx.as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/datasets/TAX/template.xlsx").with(fx.as(user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/datasets").with(fx.as("fx-auditor"))).andExpect(status().isOk());
        // a data set the provider does not deliver: 403 even when the file is empty (before: "choose a file")
        MockMultipartFile empty = new MockMultipartFile("file", "", "text/csv", new byte[0]);
        mvc.perform(multipart("/ingest/uploads").file(empty).param("dataset", "STATS").with(fx.as("fx-provider")).with(csrf()))
                .andExpect(status().isForbidden());
        // its own data set: bad input is 400 with a message on the API, the form's error on the page
        mvc.perform(post("/api/v1/uploads").param("dataset", "TAX").with(fx.as("fx-provider")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("file")));
        mvc.perform(post("/api/v1/uploads").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("data set")));
        mvc.perform(post("/api/v1/datasets/TAX/records").with(fx.as("fx-provider")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("JSON array")));
        mvc.perform(multipart("/ingest/uploads").file(empty).param("dataset", "TAX").with(fx.as("fx-provider")).with(csrf()))
                .andExpect(redirectedUrl("/ingest")).andExpect(flash().attributeExists("error"));
    }

    /** An enterprise of town 1 with tax and statistics history and findings, for the masking test. */
    private static final String MASKED = TestFixture.withCheck("91331082MA2TAXM01");

    @Test
    void taxFiguresInHistoryAndFindingsAreMaskedForTheTownOfficer() throws Exception {
        jdbc.sql("""
                insert into enterprise (uscc, name, region_code, industry_code, size_class, registered_on)
                values (:u, '临海测试税额遮蔽有限公司', :r, 'C34', 'ABOVE', date '2015-03-01') on conflict do nothing""")
                .param("u", MASKED).param("r", TestFixture.TOWN_1).update();
        long upload = jdbc.sql("""
                insert into upload (dataset, file_name, file_sha256, file_format, source, uploaded_by, uploader_region, status)
                values ('TAX', 'tax-mask-test.csv', repeat('d', 64), 'CSV', 'CLI', 'fx-county', :r, 'REJECTED') returning id""")
                .param("r", TestFixture.COUNTY).query(Long.class).single();
        jdbc.sql("""
                insert into data_change (upload_id, dataset, record_key, uscc, field, old_value, new_value, changed_by) values
                (:up, 'TAX', :k, :u, 'total_tax', '111.1357', '222.2468', 'fx-county'),
                (:up, 'STATS', :k, :u, 'revenue', '333.3579', '444.4680', 'fx-county')""")
                .param("up", upload).param("k", MASKED + "/2087").param("u", MASKED).update();
        // year 2087 has no tax or statistics rows, so re-running the checks leaves these findings alone
        jdbc.sql("""
                insert into quality_finding (kind, uscc, year, region_code, detail) values
                ('TAX_GT_REVENUE', :u, 2087, :r, '实缴税金 555.5791 万元 大于营业收入 1 万元 / tax paid 555.5791 exceeds revenue 1 (万元)'),
                ('YOY_JUMP', :u, 2087, :r, '实缴税金同比变化 4.00 倍（100.1 → 400.4 万元） / tax paid changed 4.00× year on year'),
                ('YOY_JUMP', :u, 2087, :r, '营业收入同比变化 5.00 倍（10 → 50 万元） / revenue changed 5.00× year on year')""")
                .param("u", MASKED).param("r", TestFixture.TOWN_1).update();

        String townChanges = mvc.perform(get("/api/v1/data-changes").param("uscc", MASKED).with(fx.as("fx-town")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.dataset == 'TAX')].newValue").value("***"))
                .andReturn().getResponse().getContentAsString();
        assertThat(townChanges).doesNotContain("111.1357", "222.2468").contains("333.3579", "444.4680");
        String townPage = mvc.perform(get("/ingest/history").param("uscc", MASKED).with(fx.as("fx-town")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(townPage).doesNotContain("111.1357", "222.2468").contains("444.4680");
        String townFindings = mvc.perform(get("/api/v1/quality-findings").param("year", "2087").with(fx.as("fx-town")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(townFindings).doesNotContain("555.5791", "400.4").contains("实缴税金大于营业收入", "营业收入同比变化 5.00 倍");
        String townQualityPage = mvc.perform(get("/ingest/quality").param("year", "2087").with(fx.as("fx-town")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(townQualityPage).doesNotContain("555.5791", "400.4");

        // roles that see tax get the figures
        for (String user : List.of("fx-county", "fx-auditor")) {
            assertThat(mvc.perform(get("/api/v1/data-changes").param("uscc", MASKED).with(fx.as(user)))
                    .andReturn().getResponse().getContentAsString()).contains("222.2468", "444.4680");
            assertThat(mvc.perform(get("/api/v1/quality-findings").param("year", "2087").with(fx.as(user)))
                    .andReturn().getResponse().getContentAsString()).contains("555.5791", "400.4");
        }
    }

    @Test
    void rerunningTheChecksReportsTheCountInsideTheJurisdictionOnly() throws Exception {
        // a finding in 临海市 that the re-run keeps (unknown enterprises are recorded by uploads, not recomputed)
        jdbc.sql("""
                insert into quality_finding (kind, uscc, year, region_code, detail)
                values ('UNKNOWN_ENTERPRISE', null, 2088, :r, 'role test: only 临海市 sees this')""").param("r", TestFixture.TOWN_1).update();
        var result = mvc.perform(post("/ingest/quality/run").with(fx.as("fx-other-county")).with(csrf()))
                .andExpect(redirectedUrl("/ingest/quality")).andReturn();
        long inOtherCounty = jdbc.sql("select count(*) from quality_finding where region_code like :p")
                .param("p", TestFixture.OTHER_COUNTY + "%").query(Long.class).single();
        long everywhere = jdbc.sql("select count(*) from quality_finding").query(Long.class).single();
        assertThat(everywhere).isGreaterThan(inOtherCounty);
        // before: the number of findings in the whole database
        assertThat(result.getFlashMap().get("message")).isEqualTo(inOtherCounty);
        mvc.perform(post("/ingest/quality/run").with(fx.as("fx-auditor")).with(csrf())).andExpect(status().isForbidden());
    }
}
