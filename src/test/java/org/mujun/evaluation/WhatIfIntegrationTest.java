package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mujun.evaluation.WorkflowTestData.TOWN_A;
import static org.mujun.evaluation.WorkflowTestData.p;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.security.Scope;
import org.mujun.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What-if on stored runs (town 331082104, 2036): the published run (A20 B40 C20 D20) against a draft with
 * A20 B20 C40 D20 — P03 moves B → C, the electricity surcharges rise from 110,000.00 to 170,000.00 元
 * (P03 600,000 kWh × 0.1), as hand-worked in {@link WhatIfMatrixUnitTest}.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class WhatIfIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired PasswordEncoder encoder;
    @Autowired EvaluationSchemes schemes;
    @Autowired EvaluationRuns runs;
    @Autowired Publications publications;
    @Autowired WhatIfCommand command;

    @BeforeEach
    void data() {
        WorkflowTestData.install(jdbc, users, encoder);
    }

    SchemeVersion draft() {
        return WorkflowTestData.as(fx.user("fx-county"), () -> {
            SchemeVersion pub = WorkflowTestData.published(schemes, fx, TOWN_A, 2036);
            SchemeVersion d = schemes.draft(TOWN_A, 2036, Scope.system(TOWN_A)).orElseGet(() -> schemes.newVersion(pub.id(), "fx-county"));
            return schemes.saveDraft(d.id(), WorkflowTestData.scheme(TOWN_A, 2036, 20, 20, 40, 20), d.lockVersion(), "fx-county");
        });
    }

    @Test
    void matrixMoversChargesOnPageApiAndCommand() throws Exception {
        Run published = WorkflowTestData.officialRun(schemes, runs, fx, TOWN_A, 2036);
        WorkflowTestData.as(fx.user("fx-county"), () -> publications.publicize(published.id(), publications.today().plusDays(7), "fx-county"));
        SchemeVersion draft = draft();

        String json = mvc.perform(post("/api/v1/evaluation/what-if").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"schemeId\":" + draft.id() + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.baseRunId").value(published.id()))
                .andExpect(jsonPath("$.baseStatus").value("PUBLICIZING"))
                .andExpect(jsonPath("$.grades[1]").value("B"))
                .andExpect(jsonPath("$.matrix[0][0]").value(1))   // A → A
                .andExpect(jsonPath("$.matrix[1][1]").value(1))   // B → B
                .andExpect(jsonPath("$.matrix[1][2]").value(1))   // B → C
                .andExpect(jsonPath("$.matrix[2][2]").value(1))   // C → C
                .andExpect(jsonPath("$.matrix[3][3]").value(1))   // D → D
                .andExpect(jsonPath("$.movers").value(1))
                .andExpect(jsonPath("$.charges.fromYuan").value(110000.00))
                .andExpect(jsonPath("$.charges.toYuan").value(170000.00))
                .andExpect(jsonPath("$.charges.changeYuan").value(60000.00))
                .andReturn().getResponse().getContentAsString();
        long runId = Long.parseLong(json.replaceAll("(?s).*\"runId\":(\\d+).*", "$1"));
        assertThat(WorkflowTestData.as(fx.user("fx-county"), () -> runs.get(runId)).header().kind()).isEqualTo(RunKind.WHAT_IF);

        mvc.perform(get("/api/v1/evaluation/what-if/" + runId + "/movers?from=B&to=C").with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].uscc").value(p(3)))
                .andExpect(jsonPath("$.items[0].chargeToYuan").value(60000.00));
        mvc.perform(get("/api/v1/evaluation/what-if/" + runId + "/movers?from=A&to=B").with(fx.as("fx-auditor"))).andExpect(jsonPath("$.total").value(0));
        // the page: the matrix links the cell to its movers
        mvc.perform(get("/evaluation/what-if/" + runId).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"cell-B-C\"")))
                .andExpect(content().string(containsString("/evaluation/what-if/" + runId + "/movers?base=" + published.id() + "&amp;from=B&amp;to=C")));
        mvc.perform(get("/evaluation/what-if/" + runId + "/movers?from=B&to=C").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(p(3))));
        mvc.perform(get("/evaluation/what-if/" + runId + "/movers/export?from=B&to=C").with(fx.as("fx-county"))).andExpect(status().isOk());
        // roles: the town officer and enterprises see no what-if (403), another county not found
        mvc.perform(get("/api/v1/evaluation/what-if/" + runId).with(fx.as("fx-town"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/what-if/" + runId).with(fx.as("fx-enterprise"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/what-if/" + runId).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/evaluation/what-if").with(fx.as("fx-auditor")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"schemeId\":" + draft.id() + "}")).andExpect(status().isForbidden());

        // a what-if run has no measures lists of its own (its charges are in the comparison)
        mvc.perform(get("/api/v1/evaluation/runs/" + runId + "/measures").with(fx.as("fx-county"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("what-if run has no measures lists")));
        // the command prints the same matrix
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = command.run(List.of("--scheme-id", Long.toString(draft.id())), new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("vs run " + published.id() + " (PUBLICIZING)").contains("movers: 1")
                .contains("surcharges: 110000.00 -> 170000.00 yuan (+60000.00)");
        assertThat(text.lines().filter(l -> l.startsWith("B ")).findFirst().orElseThrow().trim().split("\\s+"))
                .containsExactly("B", "0", "1", "1", "0", "0", "0");
        assertThat(command.run(List.of("--scheme-id", "abc"), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
        assertThat(command.run(List.of("--scheme-id", "99999999"), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(1);
    }
}
