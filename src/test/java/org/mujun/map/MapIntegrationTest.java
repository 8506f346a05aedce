package org.mujun.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
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
 * The map's GeoJSON endpoints: features by viewport and by region, jurisdiction (a town officer sees its town's
 * parcels only, the other county none of them, the enterprise account its own), colouring by a status provider,
 * region bubbles, boundaries, export headers, and 400 problem details for bad bbox, zoom, status and region.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class MapIntegrationTest {

    // own rows (never the fixture's): one enterprise with a parcel in each fixture town, near 临海 / 黄岩
    static final String U1 = TestFixture.withCheck("91331082MAP000001");
    static final String U2 = TestFixture.withCheck("91331082MAP000002");
    static final String U3 = TestFixture.withCheck("91331003MAP000003");
    static final String VIEW = "121.10,28.80,121.30,28.95";

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void data() {
        enterprise(U1, "临海地图测试甲有限公司", TestFixture.TOWN_1);
        enterprise(U2, "临海地图测试乙有限公司", TestFixture.TOWN_2);
        enterprise(U3, "黄岩地图测试丙有限公司", TestFixture.OTHER_TOWN);
        parcel("MAP-T1", U1, TestFixture.TOWN_1, 121.150, 28.850);
        parcel("MAP-T2", U2, TestFixture.TOWN_2, 121.160, 28.860);
        parcel("MAP-OC", U3, TestFixture.OTHER_TOWN, 121.250, 28.900);
        // the latest idle-land check: U2's parcel is idle
        if (jdbc.sql("select count(*) from idle_land_status s join parcel p on p.id = s.parcel_id where p.certificate_no = 'MAP-T2'")
                .query(Long.class).single() == 0) {
            long run = jdbc.sql("insert into idle_land_run (as_of, trigger, scope_prefix, started_by) values (date '2026-11-01', 'CLI', '331082', 'test') returning id")
                    .query(Long.class).single();
            jdbc.sql("""
                            insert into idle_land_status (parcel_id, region_code, uscc, as_of, status, since, reasons, rules, run_id)
                            select id, region_code, owner_uscc, date '2026-11-01', 'IDLE', date '2026-11-01', 'test', '{}', :run
                            from parcel where certificate_no = 'MAP-T2'""").param("run", run).update();
        }
    }

    private void enterprise(String uscc, String name, String town) {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, :n, :r, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", uscc).param("n", name).param("r", town).update();
    }

    /** A parcel of about 100 m × 100 m with its south-west corner at (x, y). */
    private void parcel(String cert, String owner, String town, double x, double y) {
        String g = String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}",
                x, y, x + 0.001, y, x + 0.001, y + 0.001, x, y + 0.001, x, y);
        jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use, geojson) values (:c, :o, :r, 10000, '工业用地', :g) on conflict do nothing")
                .param("c", cert).param("o", owner).param("r", town).param("g", g).update();
    }

    private JsonNode getJson(String url, String user, int expected) throws Exception {
        var res = mvc.perform(get(url).with(fx.as(user))).andExpect(status().is(expected)).andReturn().getResponse();
        return json.readTree(res.getContentAsString());
    }

    private List<String> certificates(JsonNode fc) {
        List<String> out = new ArrayList<>();
        fc.get("features").forEach(f -> out.add(f.get("properties").get("certificateNo").asString()));
        return out;
    }

    private String parcelsUrl(String extra) {
        return "/api/v1/map/parcels?bbox=" + VIEW + "&zoom=14" + extra;
    }

    @Test
    void parcelsByViewportFollowTheJurisdiction() throws Exception {
        assertThat(certificates(getJson(parcelsUrl(""), "fx-county", 200))).contains("MAP-T1", "MAP-T2").doesNotContain("MAP-OC");
        assertThat(certificates(getJson(parcelsUrl(""), "fx-province", 200))).contains("MAP-T1", "MAP-T2", "MAP-OC");
        // the town officer of TOWN_1 sees its town only
        assertThat(certificates(getJson(parcelsUrl(""), "fx-town", 200))).contains("MAP-T1").doesNotContain("MAP-T2", "MAP-OC");
        assertThat(certificates(getJson(parcelsUrl(""), "fx-other-county", 200))).contains("MAP-OC").doesNotContain("MAP-T1", "MAP-T2");
        // the enterprise account (USCC_1) owns none of these parcels
        assertThat(certificates(getJson(parcelsUrl(""), "fx-enterprise", 200))).doesNotContain("MAP-T1", "MAP-T2", "MAP-OC");
    }

    @Test
    void aParcelFeatureCarriesWhatThePopupNeeds() throws Exception {
        JsonNode fc = getJson(parcelsUrl("&status=idle"), "fx-county", 200);
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.get("truncated").asBoolean()).isFalse();
        JsonNode t1 = null;
        JsonNode t2 = null;
        for (JsonNode f : fc.get("features")) {
            String c = f.get("properties").get("certificateNo").asString();
            if (c.equals("MAP-T1")) {
                t1 = f;
            } else if (c.equals("MAP-T2")) {
                t2 = f;
            }
        }
        assertThat(t1).isNotNull();
        assertThat(t1.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(t1.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble()).isEqualTo(121.15);
        assertThat(t1.get("properties").get("enterpriseId").asLong()).isEqualTo(fx.enterpriseId(U1));
        assertThat(t1.get("properties").get("ownerName").asString()).isEqualTo("临海地图测试甲有限公司");
        assertThat(t1.get("properties").get("areaMu").decimalValue()).isEqualByComparingTo("15.00"); // 10,000 m² / 666.67 = 14.99993, two decimals
        assertThat(t1.get("properties").get("status").isNull()).isTrue();
        assertThat(t2.get("properties").get("status").asString()).isEqualTo("IDLE");
    }

    @Test
    void aCountysParcelsByRegion() throws Exception {
        List<String> c = certificates(getJson("/api/v1/map/parcels?region=331082", "fx-county", 200));
        assertThat(c).contains("MAP-T1", "MAP-T2").doesNotContain("MAP-OC");
        // another county's region is 404; the town officer asking for its county gets its town
        mvc.perform(get("/api/v1/map/parcels?region=331003").with(fx.as("fx-county"))).andExpect(status().isNotFound());
        assertThat(certificates(getJson("/api/v1/map/parcels?region=331082", "fx-town", 200))).contains("MAP-T1").doesNotContain("MAP-T2");
    }

    @Test
    void enterprisePointsAtTheirParcel() throws Exception {
        JsonNode fc = getJson("/api/v1/map/enterprises?bbox=" + VIEW + "&zoom=15&status=idle", "fx-county", 200);
        JsonNode u2 = null;
        List<String> usccs = new ArrayList<>();
        for (JsonNode f : fc.get("features")) {
            usccs.add(f.get("properties").get("uscc").asString());
            if (f.get("properties").get("uscc").asString().equals(U2)) {
                u2 = f;
            }
        }
        assertThat(usccs).contains(U1, U2).doesNotContain(U3);
        assertThat(u2.get("geometry").get("type").asString()).isEqualTo("Point");
        assertThat(u2.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(121.1605);
        assertThat(u2.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(28.8605);
        assertThat(u2.get("properties").get("status").asString()).isEqualTo("IDLE");
        assertThat(u2.get("properties").get("id").asLong()).isEqualTo(fx.enterpriseId(U2));
    }

    @Test
    void bubblesCountEnterprisesPerRegionInTheJurisdiction() throws Exception {
        JsonNode county = getJson("/api/v1/map/aggregates?zoom=8&status=idle", "fx-county", 200);
        assertThat(county.get("level").asString()).isEqualTo("county");
        List<String> regions = new ArrayList<>();
        county.get("features").forEach(f -> regions.add(f.get("properties").get("region").asString()));
        assertThat(regions).containsExactly("331082");
        JsonNode linhai = county.get("features").get(0).get("properties");
        long enterprises = jdbc.sql("select count(*) from enterprise where region_code like '331082%'").query(Long.class).single();
        assertThat(linhai.get("total").asLong()).isEqualTo(enterprises);
        assertThat(linhai.get("byCategory").get("IDLE").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode towns = getJson("/api/v1/map/aggregates?zoom=11", "fx-town", 200);
        assertThat(towns.get("level").asString()).isEqualTo("town");
        towns.get("features").forEach(f -> assertThat(f.get("properties").get("region").asString()).isEqualTo(TestFixture.TOWN_1));
    }

    @Test
    void boundariesAreSimplifiedByZoomAndExportable() throws Exception {
        var res = mvc.perform(get("/api/v1/map/boundaries?zoom=7&download=true").with(fx.as("fx-town"))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(res.getContentType()).startsWith("application/geo+json");
        assertThat(res.getHeader("Content-Disposition")).contains("attachment").contains(".geojson");
        JsonNode far = json.readTree(res.getContentAsString());
        JsonNode near = getJson("/api/v1/map/boundaries?zoom=12", "fx-town", 200);
        assertThat(far.get("features").size()).isGreaterThan(80);
        assertThat(res.getContentAsString().length()).isLessThan(near.toString().length() / 2);
        boolean linhai = false;
        for (JsonNode f : far.get("features")) {
            linhai |= f.get("properties").get("code").asString().equals("331082");
        }
        assertThat(linhai).isTrue();
    }

    @Test
    void configOffersTheStatusesAndNoTilesByDefault() throws Exception {
        JsonNode c = getJson("/api/v1/map/config", "fx-county", 200);
        assertThat(c.get("tileUrl").asString()).isEmpty();
        List<String> keys = new ArrayList<>();
        c.get("statuses").forEach(s -> keys.add(s.get("key").asString()));
        assertThat(keys).contains("class", "idle", "carbon");
        assertThat(c.get("home").size()).isEqualTo(4);
        assertThat(c.get("home").get(0).asDouble()).isBetween(120.0, 122.0);
    }

    @Test
    void statisticsForTheChoroplethRefuseUnknownIndicators() throws Exception {
        JsonNode s = getJson("/api/v1/map/statistics?indicator=valueAddedPerMu", "fx-city", 200);
        assertThat(s.get("indicator").asString()).isEqualTo("valueAddedPerMu");
        assertThat(s.has("values")).isTrue();
        JsonNode bad = getJson("/api/v1/map/statistics?indicator=bogus", "fx-city", 400);
        assertThat(bad.get("detail").asString()).contains("unknown indicator 'bogus'");
    }

    @Test
    void badViewportsAreRefusedWithClearMessages() throws Exception {
        assertThat(detail("/api/v1/map/parcels?zoom=14")).contains("bbox is required");
        assertThat(detail("/api/v1/map/parcels?bbox=121,28,122&zoom=14")).contains("must be 4 numbers");
        assertThat(detail("/api/v1/map/parcels?bbox=121,28,x,29&zoom=14")).contains("value 3 is not a number");
        assertThat(detail("/api/v1/map/parcels?bbox=122,28,121,29&zoom=14")).contains("west < east");
        assertThat(detail("/api/v1/map/parcels?bbox=121.1,28.8,121.2,28.9")).contains("zoom is required");
        assertThat(detail("/api/v1/map/parcels?bbox=121.1,28.8,121.2,28.9&zoom=abc")).contains("whole number from 0 to 22");
        assertThat(detail("/api/v1/map/parcels?bbox=121.1,28.8,121.2,28.9&zoom=30")).contains("not 30");
        assertThat(detail("/api/v1/map/parcels?bbox=121.1,28.8,121.2,28.9&zoom=9")).contains("too far out").contains("aggregates");
        assertThat(detail("/api/v1/map/enterprises?bbox=120,28,122,29&zoom=14")).contains("bbox too large");
        assertThat(detail("/api/v1/map/parcels?bbox=121.1,28.8,121.2,28.9&zoom=14&status=bogus")).contains("unknown status 'bogus'");
        assertThat(detail("/api/v1/map/parcels?region=33108&zoom=14")).contains("2, 4, 6 or 9 digits");
        assertThat(detail("/api/v1/map/parcels?region=331082&bbox=121.1,28.8,121.2,28.9&zoom=14")).contains("either bbox or region");
        assertThat(detail("/api/v1/map/aggregates")).contains("zoom is required");
    }

    private String detail(String url) throws Exception {
        var res = mvc.perform(get(url).with(fx.as("fx-county"))).andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(res.getContentType()).contains("application/problem+json");
        return json.readTree(res.getContentAsString()).get("detail").asString();
    }
}
