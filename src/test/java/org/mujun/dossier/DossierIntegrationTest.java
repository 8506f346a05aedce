package org.mujun.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dossier gathers master data, the yearly figures with hand-worked ratios, and the modules' panels;
 * it is 404 outside the jurisdiction, the ENTERPRISE role sees only itself, the town officer gets tax masked,
 * and the Excel export carries the same figures.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class DossierIntegrationTest {

    static final String USCC = TestFixture.withCheck("91331082DNA000001");

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();
    long id;

    @BeforeEach
    void data() {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '临海档案测试有限公司', :r, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", USCC).param("r", TestFixture.TOWN_1).update();
        id = fx.enterpriseId(USCC);
        // 20 亩 = 13,333.40 m²; 2024: tax 400 → 20.00 万元/亩; value added 1,000 → 50.00 万元/亩; 2025: tax 600 → 30.00
        jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use) values ('DOS-P-1', :u, :r, 13333.40, '工业用地') on conflict do nothing")
                .param("u", USCC).param("r", TestFixture.TOWN_1).update();
        jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, 2024, 400), (:u, 2025, 600) on conflict do nothing").param("u", USCC).update();
        jdbc.sql("insert into stats_record (uscc, year, revenue, value_added, employees, rnd_expense) values (:u, 2024, 8000, 1000, 120, 240) on conflict do nothing")
                .param("u", USCC).update();
        jdbc.sql("insert into electricity_record (uscc, year, month, kwh) values (:u, 2024, 1, 1000), (:u, 2024, 2, 1500) on conflict do nothing")
                .param("u", USCC).update();
    }

    @Test
    void countyOfficialSeesFiguresAndPanels() throws Exception {
        String html = mvc.perform(get("/enterprises/" + id + "/dossier").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("一企一档", "临海档案测试有限公司", USCC, "id=\"figures\"", "data-chart=", "id=\"land-panel\"", "DOS-P-1",
                "data-col=\"taxPerMu\">20.00</td>").doesNotContain("??");
        JsonNode f = json.readTree(mvc.perform(get("/api/v1/enterprises/" + id + "/dossier/figures").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(f.get("taxMasked").asBoolean()).isFalse();
        JsonNode years = f.get("years");
        assertThat(years.size()).isEqualTo(2);
        JsonNode y2024 = years.get(0);
        assertThat(y2024.get("year").asInt()).isEqualTo(2024);
        assertThat(y2024.get("landMu").decimalValue()).isEqualByComparingTo("20.0000");
        assertThat(y2024.get("taxPerMu").decimalValue()).isEqualByComparingTo("20.0000");
        assertThat(y2024.get("valueAddedPerMu").decimalValue()).isEqualByComparingTo("50.0000");
        assertThat(y2024.get("rdShare").decimalValue()).isEqualByComparingTo("3.0000"); // 240 / 8000
        assertThat(y2024.get("electricityKwh").decimalValue()).isEqualByComparingTo("2500"); // sum of the months
        assertThat(y2024.get("employees").decimalValue()).isEqualByComparingTo("120");
        assertThat(years.get(1).get("taxPerMu").decimalValue()).isEqualByComparingTo("30.0000");
    }

    @Test
    void englishPageHasNoMissingMessage() throws Exception {
        String html = mvc.perform(get("/enterprises/" + id + "/dossier").param("lang", "en").with(fx.as("fx-province")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Dossier", "Yearly figures").doesNotContain("??");
    }

    @Test
    void townOfficerGetsTaxMasked() throws Exception {
        String html = mvc.perform(get("/enterprises/" + id + "/dossier").with(fx.as("fx-town")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-col=\"taxPerMu\">***</td>", "data-col=\"tax\">***</td>", "data-col=\"valueAddedPerMu\">50.00</td>")
                .doesNotContain("data-col=\"taxPerMu\">20.00</td>");
        JsonNode f = json.readTree(mvc.perform(get("/api/v1/enterprises/" + id + "/dossier/figures").with(fx.as("fx-town")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(f.get("taxMasked").asBoolean()).isTrue();
        assertThat(f.get("years").get(0).get("tax").isNull()).isTrue();
        assertThat(f.get("years").get(0).get("taxPerMu").isNull()).isTrue();
        assertThat(f.get("years").get(0).get("valueAddedPerMu").decimalValue()).isEqualByComparingTo("50.0000");
    }

    @Test
    void outsideTheJurisdictionIsNotFound() throws Exception {
        mvc.perform(get("/enterprises/" + id + "/dossier").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises/" + id + "/dossier/figures").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/" + id + "/dossier/figures.xlsx").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        // the enterprise account sees itself only
        mvc.perform(get("/enterprises/" + id + "/dossier").with(fx.as("fx-enterprise"))).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/" + fx.enterpriseId(TestFixture.USCC_1) + "/dossier").with(fx.as("fx-enterprise"))).andExpect(status().isOk());
        mvc.perform(get("/enterprises/" + id + "/dossier").with(fx.as("fx-provider"))).andExpect(status().isForbidden());
    }

    @Test
    void excelExportHasTheYearlyFigures() throws Exception {
        byte[] xlsx = mvc.perform(get("/enterprises/" + id + "/dossier/figures.xlsx").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells.add(r.getCellText(c));
                }
                rows.add(cells);
            }
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(0)).isEqualTo("年度");
        int taxPerMu = rows.get(0).indexOf("亩均税收");
        assertThat(rows.get(1).get(0)).isEqualTo("2024");
        assertThat(Double.parseDouble(rows.get(1).get(taxPerMu))).isEqualTo(20.0);
        assertThat(Double.parseDouble(rows.get(2).get(taxPerMu))).isEqualTo(30.0);
    }
}
