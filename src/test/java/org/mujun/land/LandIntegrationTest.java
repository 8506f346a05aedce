package org.mujun.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.security.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * Parcels, leases and evaluated land on rows of its own:
 * <pre>
 *   LA 土地测试甲 (town 1) owns LT-001 20,000.10 m² (30 亩, 标准地, polygon) and LT-002 6,666.70 m² (10 亩, transferred 2030)
 *   LB 土地测试乙 (town 2) owns LT-003 3,333.35 m² (5 亩)
 *   LC 土地测试丙 (黄岩区) owns LT-004 1,000.00 m²
 *   leases: LA → LB 6,666.70 m² on LT-001, 2022–2024; LC → LA 3,333.35 m², 2023; LB → LC 500.00 m², 2023
 * </pre>
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class LandIntegrationTest {

    static final String LA = TestFixture.withCheck("91331082ML0000001");
    static final String LB = TestFixture.withCheck("91331082ML0000002");
    static final String LC = TestFixture.withCheck("91331003ML0000003");
    static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[121.10,28.85],[121.11,28.85],[121.11,28.86],[121.10,28.86],[121.10,28.85]]]}";

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired LandAreas areas;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void rows() {
        jdbc.sql("""
                insert into enterprise (uscc, name, region_code, industry_code, size_class) values
                (:a, '土地测试甲有限公司', :t1, 'C34', 'ABOVE'), (:b, '土地测试乙有限公司', :t2, 'C34', 'BELOW'),
                (:c, '土地测试丙有限公司', :t3, 'C34', 'BELOW') on conflict (uscc) do nothing""")
                .param("a", LA).param("b", LB).param("c", LC)
                .param("t1", TestFixture.TOWN_1).param("t2", TestFixture.TOWN_2).param("t3", TestFixture.OTHER_TOWN).update();
        jdbc.sql("""
                insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use, standard_land, transfer_date, geojson) values
                ('LT-001', :a, :t1, 20000.10, '工业用地', true, date '2015-05-01', :g),
                ('LT-002', :a, :t1, 6666.70, '工业用地', false, date '2030-06-01', null),
                ('LT-003', :b, :t2, 3333.35, '工业用地', false, null, null),
                ('LT-004', :c, :t3, 1000.00, '工业用地', false, null, null) on conflict (certificate_no) do nothing""")
                .param("a", LA).param("b", LB).param("c", LC).param("g", POLYGON)
                .param("t1", TestFixture.TOWN_1).param("t2", TestFixture.TOWN_2).param("t3", TestFixture.OTHER_TOWN).update();
        jdbc.sql("""
                insert into lease (parcel_id, lessor_uscc, lessee_uscc, area_m2, start_year, end_year) values
                ((select id from parcel where certificate_no = 'LT-001'), :a, :b, 6666.70, 2022, 2024),
                (null, :c, :a, 3333.35, 2023, 2023),
                (null, :b, :c, 500.00, 2023, 2023) on conflict do nothing""")
                .param("a", LA).param("b", LB).param("c", LC).update();
        jdbc.sql("insert into stats_record (uscc, year, revenue) values (:a, 2023, 100) on conflict do nothing").param("a", LA).update();
    }

    long parcel(String cert) {
        return jdbc.sql("select id from parcel where certificate_no = :c").param("c", cert).query(Long.class).single();
    }

    @Test
    void bulkEvaluatedLandForAScope() {
        LandAreas.Year y = areas.forYear(2023, Scope.system(TestFixture.COUNTY), LandRule.DEFAULT);
        // LA 2023: LT-001 20,000.10 (LT-002 is transferred only in 2030) + 3,333.35 from LC − 6,666.70 to LB = 16,666.75 m² = 25 亩
        assertThat(y.get(LA).ownedM2()).isEqualByComparingTo("20000.10");
        assertThat(y.get(LA).evaluatedM2()).isEqualByComparingTo("16666.75");
        assertThat(y.get(LA).mu().value()).isEqualByComparingTo("25");
        assertThat(y.tenants(LA)).isEqualTo(1);
        // LB 2023: 3,333.35 + 6,666.70 − 500.00 (to LC, in another county but a party in scope) = 9,500.05 m²
        assertThat(y.get(LB).evaluatedM2()).isEqualByComparingTo("9500.05");
        assertThat(y.tenants(LB)).isEqualTo(1);
        // LC is outside the county: not evaluated here
        assertThat(y.get(LC)).isNull();
        // enterprises without parcels are there with 0 (fixture USCC_1 has its parcel FX-331082-0001: 13,333.40 = 20 亩)
        assertThat(y.get(TestFixture.USCC_1).evaluatedM2()).isEqualByComparingTo("13333.40");
        assertThat(y.get(TestFixture.USCC_3)).isNull();

        // 2031: no lease runs; LT-002 counts now: 20,000.10 + 6,666.70 = 26,666.80 m² = 40 亩
        assertThat(areas.forYear(2031, Scope.system(TestFixture.COUNTY), LandRule.DEFAULT).get(LA).mu().value()).isEqualByComparingTo("40");
        // town 1 only: LB is not in it
        LandAreas.Year town = areas.forYear(2023, Scope.system(TestFixture.TOWN_1), LandRule.DEFAULT);
        assertThat(town.get(LA).evaluatedM2()).isEqualByComparingTo("16666.75");
        assertThat(town.get(LB)).isNull();
        // merged: LA's main landlord in 2023 is LC (outside the county), so LA joins LC's result; LB (tenant of LA) too
        LandAreas.Year merged = areas.forYear(2023, Scope.system(TestFixture.COUNTY), LandRule.MERGE_TENANTS);
        assertThat(merged.get(LA).mergedInto()).isEqualTo(LC);
        assertThat(merged.get(LB).mergedInto()).isEqualTo(LC);
        assertThat(merged.get(LA).evaluatedM2()).isEqualByComparingTo("0");
        // whole province: LC heads the group: 1,000.00 + 20,000.10 + 3,333.35 = 24,333.45 m²
        LandAreas.Year province = areas.forYear(2023, Scope.system("33"), LandRule.MERGE_TENANTS);
        assertThat(province.get(LC).evaluatedM2()).isEqualByComparingTo("24333.45");
        assertThat(province.get(LC).mergedTenants()).containsExactlyInAnyOrder(LA, LB);
    }

    @Test
    void parcelListFiltersAndExport() throws Exception {
        assertThat(certs("fx-county", "owner", "土地测试")).containsExactly("LT-001", "LT-002", "LT-003");
        assertThat(certs("fx-county", "owner", "土地测试", "region", TestFixture.TOWN_2)).containsExactly("LT-003");
        assertThat(certs("fx-county", "owner", LB)).containsExactly("LT-003");
        assertThat(certs("fx-county", "owner", "土地测试", "standardLand", "true")).containsExactly("LT-001");
        // 亩: LT-001 30, LT-002 10, LT-003 5
        assertThat(certs("fx-county", "owner", "土地测试", "minMu", "6")).containsExactly("LT-001", "LT-002");
        assertThat(certs("fx-county", "owner", "土地测试", "minMu", "10", "maxMu", "30")).containsExactly("LT-001", "LT-002");
        assertThat(certs("fx-county", "owner", "土地测试", "maxMu", "6")).containsExactly("LT-003");
        assertThat(certs("fx-town", "owner", "土地测试")).containsExactly("LT-001", "LT-002");
        assertThat(certs("fx-other-county", "owner", "土地测试")).containsExactly("LT-004");
        assertThat(certs("fx-enterprise")).containsExactly("FX-331082-0001");
        mvc.perform(get("/api/v1/parcels").param("minMu", "5").param("maxMu", "1").with(fx.as("fx-county"))).andExpect(status().isBadRequest());

        mvc.perform(get("/parcels").param("owner", "土地测试").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("LT-002")))
                .andExpect(content().string(containsString("30.00")))
                .andExpect(content().string(containsString("/enterprises/" + fx.enterpriseId(LA))));
        List<List<String>> rows = read(mvc.perform(get("/parcels/export").param("owner", "土地测试").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(rows.get(0).get(0)).isEqualTo("不动产权证号");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList()).containsExactly("LT-001", "LT-002", "LT-003");
        assertThat(rows.get(1).get(1)).isEqualTo(LA);
        assertThat(new java.math.BigDecimal(rows.get(1).get(5))).isEqualByComparingTo("20000.10");
        assertThat(new java.math.BigDecimal(rows.get(1).get(6))).isEqualByComparingTo("30");
        assertThat(rows.get(1).get(8)).isEqualTo("是");
    }

    List<String> certs(String user, String... params) throws Exception {
        var req = get("/api/v1/parcels").with(fx.as(user));
        for (int i = 0; i < params.length; i += 2) {
            req = req.param(params[i], params[i + 1]);
        }
        Map<?, ?> page = json.readValue(mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), Map.class);
        return ((List<?>) page.get("items")).stream().map(o -> (String) ((Map<?, ?>) o).get("certificateNo")).toList();
    }

    @Test
    void parcelPageDrawsItsPolygonAndListsLeases() throws Exception {
        long p1 = parcel("LT-001");
        mvc.perform(get("/parcels/" + p1).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-geojson=\"{&quot;type&quot;:&quot;Polygon&quot;")))
                .andExpect(content().string(containsString("/js/polygon-map.js")))
                .andExpect(content().string(containsString("/dist/leaflet.js")))
                .andExpect(content().string(containsString("20000.10 平方米（30.00 亩）")))
                .andExpect(content().string(containsString("土地测试乙有限公司")))
                .andExpect(content().string(containsString("/enterprises/" + fx.enterpriseId(LA))))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(get("/api/v1/parcels/" + p1).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.geometry.type").value("Polygon"))
                .andExpect(jsonPath("$.geometry.coordinates[0][0][0]").value(121.10))
                .andExpect(jsonPath("$.parcel.areaMu").value(30.0))
                .andExpect(jsonPath("$.parcel.standardLand").value(true))
                .andExpect(jsonPath("$.leases[0].lesseeUscc").value(LB));
        mvc.perform(get("/api/v1/parcels/" + parcel("LT-003")).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.geometry").doesNotExist());
        // out of jurisdiction: 404
        mvc.perform(get("/parcels/" + p1).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/parcels/" + parcel("LT-003")).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/parcels/" + parcel("LT-004")).with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/parcels/" + p1).with(fx.as("fx-enterprise"))).andExpect(status().isNotFound());
    }

    @Test
    void leasesAreVisibleToEitherPartysJurisdiction() throws Exception {
        assertThat(leaseCount("fx-county", "uscc", LA)).isEqualTo(2);
        assertThat(leaseCount("fx-county", "uscc", LA, "year", "2024")).isEqualTo(1);
        // the other county sees the leases its enterprise LC is a party to
        assertThat(leaseCount("fx-other-county", "uscc", LA)).isEqualTo(1);
        assertThat(leaseCount("fx-other-county", "uscc", LC)).isEqualTo(2);
        assertThat(leaseCount("fx-enterprise", "uscc", LA)).isEqualTo(0);
        mvc.perform(get("/leases").param("uscc", LA).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("土地测试丙有限公司")))
                .andExpect(content().string(containsString("2022–2024")));
        mvc.perform(get("/api/v1/leases").param("uscc", "short").with(fx.as("fx-county"))).andExpect(status().isBadRequest());
        List<List<String>> rows = read(mvc.perform(get("/leases/export").param("uscc", LA).with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(rows).hasSize(3);
    }

    int leaseCount(String user, String... params) throws Exception {
        var req = get("/api/v1/leases").with(fx.as(user));
        for (int i = 0; i < params.length; i += 2) {
            req = req.param(params[i], params[i + 1]);
        }
        return ((Number) json.readValue(mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), Map.class)
                .get("total")).intValue();
    }

    @Test
    void enterprisePageShowsTheLandPanel() throws Exception {
        mvc.perform(get("/enterprises/" + fx.enterpriseId(LA)).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"evaluated-land\"")))
                .andExpect(content().string(containsString("16666.75")))
                .andExpect(content().string(containsString("25.00")))
                .andExpect(content().string(containsString("LT-002")))
                .andExpect(content().string(containsString("土地测试丙有限公司")));
        // home card: parcels in scope
        long county = jdbc.sql("select count(*) from parcel where region_code like '331082%'").query(Long.class).single();
        mvc.perform(get("/").with(fx.as("fx-county"))).andExpect(content().string(containsString("href=\"/parcels\"")))
                .andExpect(content().string(containsString(String.format("%,d", county))));
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
