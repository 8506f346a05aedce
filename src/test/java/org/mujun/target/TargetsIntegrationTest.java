package org.mujun.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** Targets through the API and pages: decomposition messages, actuals from projects and land, immutable snapshots, jurisdiction. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class TargetsIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired TargetBulletinCommand bulletinCommand;
    @Autowired TargetSnapshotCommand snapshotCommand;
    final ObjectMapper json = new ObjectMapper();

    ResultActions setTarget(String user, String region, String indicator, int year, String value, Integer version) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("regionCode", region, "indicator", indicator, "year", year, "value", value));
        if (version != null) {
            body.put("version", version);
        }
        return mvc.perform(put("/api/v1/targets").with(fx.as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    @Test
    void decompositionIsCheckedAgainstTheParentWithTheDifference() throws Exception {
        setTarget("fx-city", "3310", "LAND_FREED_MU", 2031, "1000", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.target.value").value(1000));
        setTarget("fx-city", "331082", "LAND_FREED_MU", 2031, "600", null).andExpect(status().isOk());
        setTarget("fx-city", "331003", "LAND_FREED_MU", 2031, "300", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.parent.status").value("SHORT"))
                .andExpect(jsonPath("$.parent.childSum").value(900))
                .andExpect(jsonPath("$.parent.difference").value(-100))
                .andExpect(jsonPath("$.parent.message", containsString("差 100")));
        // the page says it too
        mvc.perform(get("/targets?region=3310&year=2031").with(fx.as("fx-city"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("少于上级目标 1000")));
        // a stale version is refused; the right one fixes the sum
        setTarget("fx-city", "331003", "LAND_FREED_MU", 2031, "400", null).andExpect(status().isConflict());
        setTarget("fx-city", "331003", "LAND_FREED_MU", 2031, "400", 0).andExpect(status().isOk())
                .andExpect(jsonPath("$.parent.status").value("MATCHES"));
        // the county may not set its city's target; a ratio is not summed
        setTarget("fx-county", "3310", "LAND_FREED_MU", 2031, "1", null).andExpect(status().isBadRequest());
        setTarget("fx-county", "331082", "TAX_PER_MU", 2031, "20.3", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.children.status").value("NOT_ADDITIVE")).andExpect(jsonPath("$.parent").doesNotExist());
        setTarget("fx-town", "331082001", "LAND_FREED_MU", 2031, "1", null).andExpect(status().isForbidden());
        setTarget("fx-county", "331082", "NO_SUCH", 2031, "1", null).andExpect(status().isBadRequest());
    }

    @Test
    void actualsComeFromProjectsAndLandAndSnapshotsNeverChange() throws Exception {
        String town = TestFixture.TOWN_2;
        jdbc.sql("""
                insert into project (region_code, name, planned_wan, stage, attracting_on, signed_on, landed_on, created_by)
                select :r, 'TGT 落地项目 ' || g, 1000, 'LANDED', date '2024-01-01', date '2024-06-01', date '2025-03-01', 'test'
                from generate_series(1, 3) g where not exists (select 1 from project where name = 'TGT 落地项目 1')""").param("r", town).update();
        jdbc.sql("""
                insert into parcel (certificate_no, region_code, area_m2, land_use, standard_land, transfer_date)
                values ('TGT-P1', :r, 30000, '工业用地', true, date '2025-05-01'), ('TGT-P2', :r, 10000, '工业用地', false, date '2025-07-01'),
                       ('TGT-P3', :r, 50000, '商业用地', false, date '2025-07-01')
                on conflict do nothing""").param("r", town).update();
        setTarget("fx-county", town, "PROJECTS_LANDED", 2025, "6", null).andExpect(status().isOk());
        setTarget("fx-county", town, "STANDARD_LAND_SHARE", 2025, "80", null).andExpect(status().isOk());

        // 3 landed in 2025 of a target of 6: 50 %; 30,000 of 40,000 m² industrial land is 标准地: 75 % (commercial land left out)
        String body = mvc.perform(get("/api/v1/targets/progress?region=" + town + "&year=2025").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<?, ?> own = (Map<?, ?>) json.readValue(body, Map.class).get("region");
        Map<String, Map<?, ?>> byIndicator = new HashMap<>();
        for (Object o : (List<?>) own.get("figures")) {
            byIndicator.put((String) ((Map<?, ?>) o).get("indicator"), (Map<?, ?>) o);
        }
        assertThat(((Number) byIndicator.get("PROJECTS_LANDED").get("actual")).intValue()).isEqualTo(3);
        assertThat(byIndicator.get("PROJECTS_LANDED").get("percent").toString()).isEqualTo("50.0");
        assertThat(byIndicator.get("PROJECTS_LANDED").get("onTrack")).isEqualTo(false);
        assertThat(byIndicator.get("STANDARD_LAND_SHARE").get("actual").toString()).isEqualTo("75.0");
        assertThat(byIndicator.get("STANDARD_LAND_SHARE").get("onTrack")).isEqualTo(false);

        // the snapshot of December 2025 (a past year) keeps the figures
        String snap = mvc.perform(post("/api/v1/targets/snapshots").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"" + town + "\",\"year\":2025}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.snapshot.month").value(12)).andReturn().getResponse().getContentAsString();
        long id = ((Number) ((Map<?, ?>) json.readValue(snap, Map.class).get("snapshot")).get("id")).longValue();
        mvc.perform(post("/api/v1/targets/snapshots").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"region\":\"" + town + "\",\"year\":2025}")).andExpect(status().isConflict());

        // the data moves on: a fourth project lands in 2025
        jdbc.sql("""
                insert into project (region_code, name, planned_wan, stage, attracting_on, signed_on, landed_on, created_by)
                values (:r, 'TGT 落地项目 4', 1000, 'LANDED', date '2024-01-01', date '2024-06-01', date '2025-09-01', 'test')""")
                .param("r", town).update();
        mvc.perform(get("/api/v1/targets/progress?region=" + town + "&year=2025").with(fx.as("fx-county")))
                .andExpect(jsonPath("$.region.figures[?(@.indicator == 'PROJECTS_LANDED')].actual").value(4));
        mvc.perform(get("/api/v1/targets/snapshots/" + id).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.regions[0].region").value(town))
                .andExpect(jsonPath("$.regions[0].figures[?(@.indicator == 'PROJECTS_LANDED')].actual").value(3.0));
        mvc.perform(get("/targets/snapshots/" + id).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2025-12")));

        // the database refuses to change or delete a snapshot
        assertThatThrownBy(() -> jdbc.sql("update target_snapshot_line set actual = 99 where snapshot_id = :id").param("id", id).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from target_snapshot where id = :id").param("id", id).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from target_snapshot_line where snapshot_id = :id").param("id", id).update())
                .hasMessageContaining("immutable");

        // jurisdiction: the town sees its own snapshot, another county and the other town see nothing (404)
        mvc.perform(get("/api/v1/targets/snapshots/" + id).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/targets/snapshots/" + id).with(fx.as("fx-town"))).andExpect(status().isNotFound()); // fx-town is TOWN_1
        mvc.perform(get("/api/v1/targets/progress?region=" + town + "&year=2025").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
    }

    @Test
    void aTownSeesOnlyItsOwnTargets() throws Exception {
        setTarget("fx-county", TestFixture.TOWN_1, "ENTERPRISES_REMEDIATED", 2032, "12", null).andExpect(status().isOk());
        setTarget("fx-county", TestFixture.TOWN_2, "ENTERPRISES_REMEDIATED", 2032, "15", null).andExpect(status().isOk());
        setTarget("fx-county", TestFixture.COUNTY, "ENTERPRISES_REMEDIATED", 2032, "27", null).andExpect(status().isOk());
        mvc.perform(get("/api/v1/targets?year=2032").with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value(TestFixture.TOWN_1))
                .andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.items[0].regionCode").value(TestFixture.TOWN_1));
        mvc.perform(get("/api/v1/targets?year=2032&region=" + TestFixture.COUNTY).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/targets?year=2032&region=" + TestFixture.TOWN_2).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/targets?year=2032").with(fx.as("fx-county"))).andExpect(jsonPath("$.items", hasSize(3)));
        mvc.perform(get("/targets?year=2032").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("等于上级目标")));
    }

    @Test
    void bulletinRanksTheTownsAndTheAssessmentFlagsTheTopOne() throws Exception {
        // 2024: 古城街道 2 projects landed of 2 (100 %), 大洋街道 1 of 4 (25 %, behind)
        jdbc.sql("""
                insert into project (region_code, name, planned_wan, stage, attracting_on, signed_on, landed_on, created_by)
                select r, n, 1000, 'LANDED', date '2023-01-01', date '2023-06-01', date '2024-04-01', 'test'
                from (values (:t1, 'TGB 项目 1'), (:t1, 'TGB 项目 2'), (:t2, 'TGB 项目 3')) v(r, n)
                where not exists (select 1 from project where name = 'TGB 项目 1')""")
                .param("t1", TestFixture.TOWN_1).param("t2", TestFixture.TOWN_2).update();
        setTarget("fx-county", TestFixture.TOWN_1, "PROJECTS_LANDED", 2024, "2", null).andExpect(status().isOk());
        setTarget("fx-county", TestFixture.TOWN_2, "PROJECTS_LANDED", 2024, "4", null).andExpect(status().isOk());

        mvc.perform(get("/api/v1/targets/bulletin?region=331082&year=2024&quarter=4").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].name").value("古城街道")).andExpect(jsonPath("$.rows[0].rank").value(1))
                .andExpect(jsonPath("$.rows[1].name").value("大洋街道")).andExpect(jsonPath("$.rows[1].overall").value(25.0))
                .andExpect(jsonPath("$.laggards[0].name").value("大洋街道"));
        byte[] pdf = mvc.perform(get("/targets/bulletin.pdf?region=331082&year=2024&quarter=4").with(fx.as("fx-auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("临海市 2024年第4季度目标任务完成情况通报", "古城街道", "大洋街道", "落地项目数", "100.0%", "25.0%", "1/4");
        }
        mvc.perform(get("/targets/bulletin.xlsx?region=331082&year=2024&quarter=4").with(fx.as("fx-county"))).andExpect(status().isOk());
        mvc.perform(get("/targets/bulletin?region=331082&year=2024&quarter=4").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("大洋街道")));
        mvc.perform(get("/targets/bulletin.pdf?region=331082&year=2024&quarter=4").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());

        // the CLI writes the same bulletin
        java.nio.file.Path out = java.nio.file.Files.createTempFile("bulletin", ".pdf");
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        int code = bulletinCommand.run(List.of("--region", "331082", "--year", "2024", "--quarter", "4", "--out", out.toString()),
                new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(code).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(out.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("古城街道", "大洋街道");
        }
        assertThat(bulletinCommand.run(List.of("--region", "331082"), new java.io.PrintStream(log))).isEqualTo(2);

        // assessment: equal weights; 古城街道 100 (rewarded: top 3 and ≥ 80), 大洋街道 25 (not)
        mvc.perform(get("/api/v1/targets/assessment?region=331082&year=2024").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].region").value(TestFixture.TOWN_1)).andExpect(jsonPath("$.rows[0].score").value(100.0))
                .andExpect(jsonPath("$.rows[0].rewarded").value(true))
                .andExpect(jsonPath("$.rows[1].score").value(25.0)).andExpect(jsonPath("$.rows[1].rewarded").value(false));
        mvc.perform(put("/api/v1/targets/assessment/weights").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"331082\",\"year\":2024,\"weights\":{\"PROJECTS_LANDED\":3,\"TAX_PER_MU\":1}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.weights.PROJECTS_LANDED").value(3));
        mvc.perform(put("/api/v1/targets/assessment/weights").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"region\":\"331082\",\"year\":2024,\"weights\":{\"PROJECTS_LANDED\":-1}}")).andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/targets/assessment/weights").with(fx.as("fx-auditor")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"region\":\"331082\",\"year\":2024,\"weights\":{\"PROJECTS_LANDED\":1}}")).andExpect(status().isForbidden());
        mvc.perform(get("/targets/assessment?region=331082&year=2024").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("拟奖励")));

        // the snapshot CLI: December 2024 once, then refused
        assertThat(snapshotCommand.run(List.of("--region", "331082", "--year", "2024"), new java.io.PrintStream(log))).isZero();
        assertThat(snapshotCommand.run(List.of("--region", "331082", "--year", "2024"), new java.io.PrintStream(log))).isEqualTo(1);
        // the bulletin of Q4 now reads the December snapshot
        mvc.perform(get("/api/v1/targets/bulletin?region=331082&year=2024&quarter=4").with(fx.as("fx-county")))
                .andExpect(jsonPath("$.source", containsString("2024-12"))).andExpect(jsonPath("$.rows[1].name").value("大洋街道"));
    }
}
