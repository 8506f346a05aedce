package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mujun.evaluation.WorkflowTestData.TOWN_A;
import static org.mujun.evaluation.WorkflowTestData.p;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 差别化要素配置 of stored runs, hand-worked on {@link WorkflowTestData} (town 331082104):
 * <pre>
 *  2032 (FINAL, the scheme's own measures C +0.1, D +0.3 元/kWh): P04 C, P05 D
 *  2033 configured v1: C electricity +0.1; D electricity +0.3 rising 0.2 per further year, at most 0.6, energy quota −20 %;
 *                      A land-use tax −50 %, energy quota +10 %
 *   electricity list: P04 C  500,000 kWh × 0.1           =  50,000.00 元
 *                     P05 D  200,000 kWh × (0.3 + 0.2 × 1) = 100,000.00 元   (D in 2032 and 2033: 2 consecutive years)
 *                     total 700,000 kWh                   150,000.00 元
 *   quotas:           P01 A  122.9 tce × +10 % = +12.29 tce;  P05 D  24.58 tce × −20 % = −4.916 tce;  total +7.374 tce
 *   tax bureau:       P01 A  50 % (the tax payable is in no data set yet: amount unknown)
 * </pre>
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class MeasuresIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired PasswordEncoder encoder;
    @Autowired EvaluationSchemes schemes;
    @Autowired EvaluationRuns runs;
    @Autowired Publications publications;
    @Autowired MeasuresCommand command;

    @BeforeEach
    void data() {
        WorkflowTestData.install(jdbc, users, encoder);
    }

    @AfterEach
    void realClock() {
        publications.clock(Clock.system(Publications.ZONE));
    }

    static final String CONFIG = """
            {"measures": {"highestOnly": false, "classes": [
              {"evaluationClass": "A", "surcharges": [], "landUseTaxReductionPercent": 50, "energyQuotaPercent": 10},
              {"evaluationClass": "C", "surcharges": [{"utility": "ELECTRICITY", "yuanPerUnit": 0.1, "risePerConsecutiveYear": 0}]},
              {"evaluationClass": "D", "surcharges": [{"utility": "ELECTRICITY", "yuanPerUnit": 0.3, "risePerConsecutiveYear": 0.2, "maxYuanPerUnit": 0.6}],
               "energyQuotaPercent": -20}]},
             "note": "2033 年度差别化措施"}""";

    Run finalRun2032() throws Exception {
        Long existing = jdbc.sql("select id from evaluation_run where region_code = :r and year = 2032 and status = 'FINAL' order by id desc limit 1")
                .param("r", TOWN_A).query(Long.class).optional().orElse(null);
        if (existing != null) {
            return WorkflowTestData.as(fx.user("fx-county"), () -> runs.get(existing));
        }
        publications.clock(Clock.fixed(LocalDate.parse("2033-03-01").atStartOfDay(Publications.ZONE).toInstant(), Publications.ZONE));
        Run run = WorkflowTestData.officialRun(schemes, runs, fx, TOWN_A, 2032);
        WorkflowTestData.as(fx.user("fx-county"), () -> publications.publicize(run.id(), LocalDate.parse("2033-03-05"), "fx-county"));
        publications.clock(Clock.fixed(LocalDate.parse("2033-03-06").atStartOfDay(Publications.ZONE).toInstant(), Publications.ZONE));
        WorkflowTestData.as(fx.user("fx-county"), () -> publications.finalizeRun(run.id(), "fx-county"));
        return run;
    }

    @Test
    void configuredMeasuresWithConsecutiveYearsAndTotals(@TempDir Path dir) throws Exception {
        Run last = finalRun2032();
        // 2032 with the scheme's own measures: P04 C 50,000 + P05 D 200,000 × 0.3 = 60,000 → 110,000.00
        mvc.perform(get("/api/v1/evaluation/runs/" + last.id() + "/measures?list=ELECTRICITY").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.measuresSource").value("scheme"))
                .andExpect(jsonPath("$.totals.amountYuan").value(110000.00)).andExpect(jsonPath("$.total").value(2));

        mvc.perform(put("/api/v1/evaluation/measures/" + TOWN_A + "/2033").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(CONFIG))
                .andExpect(status().isOk()).andExpect(jsonPath("$.regionCode").value(TOWN_A));
        // invalid measures are refused with the field: a reduction over 100 %
        mvc.perform(put("/api/v1/evaluation/measures/" + TOWN_A + "/2033").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"measures\":{\"highestOnly\":false,\"classes\":[{\"evaluationClass\":\"A\","
                                + "\"surcharges\":[],\"landUseTaxReductionPercent\":150}]}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("landUseTaxReductionPercent")));
        // only administrators of the region save; an auditor reads
        mvc.perform(put("/api/v1/evaluation/measures/" + TOWN_A + "/2033").with(fx.as("fx-auditor")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(CONFIG)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/evaluation/measures/" + TOWN_A + "/2033").with(fx.as("fx-other-county")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(CONFIG)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluation/measures/" + TOWN_A + "/2033").with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.applicable.measures.classes[2].surcharges[0].risePerConsecutiveYear").value(0.2));

        Run run = WorkflowTestData.officialRun(schemes, runs, fx, TOWN_A, 2033);
        String base = "/api/v1/evaluation/runs/" + run.id() + "/measures?list=";
        mvc.perform(get(base + "ELECTRICITY").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.measuresSource").value("configured"))
                .andExpect(jsonPath("$.previousFinalYears[0]").value(2032))
                .andExpect(jsonPath("$.items[0].uscc").value(p(4)))
                .andExpect(jsonPath("$.items[0].line.amountYuan").value(50000.00))
                .andExpect(jsonPath("$.items[1].uscc").value(p(5)))
                .andExpect(jsonPath("$.items[1].consecutiveYears").value(2))
                .andExpect(jsonPath("$.items[1].line.rate").value(0.5))
                .andExpect(jsonPath("$.items[1].line.amountYuan").value(100000.00))
                .andExpect(jsonPath("$.totals.quantity").value(700000.0))
                .andExpect(jsonPath("$.totals.amountYuan").value(150000.00));
        mvc.perform(get(base + "QUOTA").with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].uscc").value(p(1))).andExpect(jsonPath("$.items[0].energyQuotaChangeTce").value(12.29))
                .andExpect(jsonPath("$.items[1].uscc").value(p(5))).andExpect(jsonPath("$.items[1].energyQuotaChangeTce").value(-4.916))
                .andExpect(jsonPath("$.totals.energyQuotaChangeTce").value(7.374));
        mvc.perform(get(base + "LAND_USE_TAX").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].landUseTaxReductionPercent").value(50.0))
                .andExpect(jsonPath("$.items[0].landUseTaxReductionYuan").doesNotExist());
        // a town officer of another town does not see the town's run (404); the tax bureau list is tax data (403 first)
        mvc.perform(get(base + "ELECTRICITY").with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get(base + "LAND_USE_TAX").with(fx.as("fx-town"))).andExpect(status().isForbidden());
        mvc.perform(get(base + "ELECTRICITY").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get(base + "ELECTRICITY").with(fx.as("fx-enterprise"))).andExpect(status().isForbidden());

        // the page and the Excel file of the power company, with its totals row
        mvc.perform(get("/evaluation/runs/" + run.id() + "/measures?list=ELECTRICITY").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("150000.00")));
        byte[] xlsx = mvc.perform(get("/evaluation/runs/" + run.id() + "/measures/export?list=ELECTRICITY").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = read(xlsx);
        assertThat(rows.get(0)).contains("统一社会信用代码", "用电量（kWh）", "加价（元/kWh）", "加价金额（元）");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2).get(0)).isEqualTo(p(5));
        assertThat(rows.get(3).get(0)).isEqualTo("合计");
        assertThat(new java.math.BigDecimal(rows.get(3).get(7))).isEqualByComparingTo("150000");

        // the command writes the five lists
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = command.run(List.of("--run", Long.toString(run.id()), "--out", dir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ELECTRICITY").contains("150000.00").contains("not FINAL");
        assertThat(Files.exists(dir.resolve("electricity.xlsx"))).isTrue();
        assertThat(Files.exists(dir.resolve("land-use-tax.xlsx"))).isTrue();
        assertThat(Files.exists(dir.resolve("quotas.xlsx"))).isTrue();
        assertThat(new java.math.BigDecimal(read(Files.readAllBytes(dir.resolve("electricity.xlsx"))).get(3).get(7))).isEqualByComparingTo("150000");
        assertThat(command.run(List.of("--run", "x"), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
        assertThat(command.run(List.of("--run", "999999999", "--out", dir.toString()), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(1);

        // the settings form saves a version (and is audited)
        mvc.perform(post("/evaluation/measures/" + TOWN_A + "/2033").with(fx.as("fx-county")).with(csrf()).param("highestOnly", "true")
                        .param("D_ELECTRICITY_rate", "0.3").param("C_ELECTRICITY_rate", "0.1").param("note", "form"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/evaluation/measures/" + TOWN_A + "/2033").with(fx.as("fx-county")))
                .andExpect(jsonPath("$.applicable.note").value("form")).andExpect(jsonPath("$.applicable.measures.highestOnly").value(true));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'EVALUATION_MEASURES_SAVE' and detail like :d")
                .param("d", TOWN_A + " 2033%").query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        // no data set carries gas use yet: the gas company's list is empty
        mvc.perform(get("/api/v1/evaluation/runs/" + run.id() + "/measures?list=GAS").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellText(i));
                }
                out.add(cells);
            }
        }
        return out;
    }
}
