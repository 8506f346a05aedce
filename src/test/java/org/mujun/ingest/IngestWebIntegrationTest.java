package org.mujun.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.security.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Ingestion pages and API by role: who may upload, token scope, jurisdiction on upload results. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class IngestWebIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired ApiTokens tokens;

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
}
