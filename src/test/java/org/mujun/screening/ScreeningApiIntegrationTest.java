package org.mujun.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.common.CliCommand;
import org.mujun.evaluation.EvaluationRuns;
import org.mujun.evaluation.EvaluationSchemes;
import org.mujun.security.Scope;
import org.mujun.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The REST API (problem details, optimistic locking over HTTP) and the two commands, on their own enterprises and years. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class ScreeningApiIntegrationTest {

    static final String P = "T65";
    static final int YEAR = 2065;

    @Autowired JdbcClient jdbc;
    @Autowired TestFixture fx;
    @Autowired Users users;
    @Autowired PasswordEncoder encoder;
    @Autowired EvaluationSchemes schemes;
    @Autowired EvaluationRuns runs;
    @Autowired ScreeningRuleSets ruleSets;
    @Autowired List<CliCommand> commands;
    @Autowired MockMvc mvc;

    CliCommand command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void apiAndCommands(@TempDir Path dir) throws Exception {
        ScreeningTestData.install(jdbc, P, YEAR, users, encoder);
        if (runs.latestOfficial(TestFixture.TOWN_1, YEAR, Scope.system(TestFixture.TOWN_1)).isEmpty()) {
            ScreeningTestData.officialRun(schemes, runs, fx, YEAR);
        }
        // rules through the API: first save without a version, a second save with a stale one is a 409 problem
        String rules = """
                {"year": %d, "rules": {"taxEnabled": true, "taxTiers": [3, 5, 10], "classDEnabled": false, "classDYears": 2, "energyEnabled": false,
                 "energyShare": 0.5, "belowScaleEnabled": false, "belowScaleMu": 20, "lianggaoEnabled": false, "outsideZoneEnabled": false,
                 "revenueEnabled": false, "revenueWan": 10000, "revenueTaxPerMu": 10, "revenueYears": 2, "minHits": 1}%s}""";
        mvc.perform(put("/api/v1/screening/rules").contentType(MediaType.APPLICATION_JSON).content(rules.formatted(YEAR, "")).with(csrf()).with(fx.as("fx-county")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
        mvc.perform(put("/api/v1/screening/rules").contentType(MediaType.APPLICATION_JSON).content(rules.formatted(YEAR, "")).with(csrf()).with(fx.as("fx-county")))
                .andExpect(r -> {
                    assertThat(r.getResponse().getStatus()).isEqualTo(409);
                    assertThat(r.getResponse().getContentType()).contains("application/problem+json");
                });
        // invalid rules: 400 with the reason
        mvc.perform(put("/api/v1/screening/rules").contentType(MediaType.APPLICATION_JSON)
                        .content(rules.formatted(YEAR + 1, "").replace("[3, 5, 10]", "[5, 3]")).with(csrf()).with(fx.as("fx-county")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(400));

        // the CLI runs the screening of the town (the county's rules apply to it)
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertThat(command("screening-run").run(List.of("--region", "331082"), new PrintStream(buf, true))).isEqualTo(2);
        int code = command("screening-run").run(List.of("--region", TestFixture.TOWN_1, "--year", String.valueOf(YEAR)), new PrintStream(buf, true));
        assertThat(code).as(buf.toString()).isZero();
        assertThat(buf.toString()).contains("2 new cases");

        // the case through the API; an illegal move is a 409 problem naming what is allowed
        String u1 = ScreeningTestData.uscc(P, 1);
        long id = jdbc.sql("select id from screening_case where uscc = :u and year = :y").param("u", u1).param("y", YEAR).query(Long.class).single();
        mvc.perform(get("/api/v1/screening/cases/" + id).with(fx.as("fx-town")))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("TAX_PER_MU").contains("\"allowedActions\":[\"confirm\",\"reject\"]"));
        mvc.perform(post("/api/v1/screening/cases/" + id + "/actions/list").with(csrf()).with(fx.as("fx-county")))
                .andExpect(r -> {
                    assertThat(r.getResponse().getStatus()).isEqualTo(409);
                    assertThat(r.getResponse().getContentAsString()).contains("allowed: confirm, reject");
                });
        mvc.perform(post("/api/v1/screening/cases/" + id + "/actions/reject").with(csrf()).with(fx.as("fx-town")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(400));
        mvc.perform(post("/api/v1/screening/cases/" + id + "/actions/reject").param("reason", "已于上月整体搬迁入园").with(csrf()).with(fx.as("fx-town")))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("\"state\":\"REJECTED\""));
        mvc.perform(get("/api/v1/screening/cases/" + id).with(fx.as("fx-other-county")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));

        // list the second one and export the list with the CLI
        String u2 = ScreeningTestData.uscc(P, 2);
        long id2 = jdbc.sql("select id from screening_case where uscc = :u and year = :y").param("u", u2).param("y", YEAR).query(Long.class).single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/screening/cases/" + id2 + "/actions/confirm")
                        .file(new org.springframework.mock.web.MockMultipartFile("files", "e.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
                        .with(csrf()).with(fx.as("fx-town")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
        mvc.perform(post("/api/v1/screening/cases/" + id2 + "/actions/list").with(csrf()).with(fx.as("fx-county")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
        Path out = dir.resolve("list.xlsx");
        assertThat(command("screening-export").run(List.of("--region", TestFixture.TOWN_1, "--year", String.valueOf(YEAR), "--out", out.toString()),
                new PrintStream(buf, true))).isZero();
        assertThat(buf.toString()).contains("1 enterprises");
        assertThat(Files.size(out)).isGreaterThan(1000);
        mvc.perform(get("/api/v1/screening/list?year=" + YEAR).with(fx.as("fx-town")))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(u2).doesNotContain(u1));
    }
}
