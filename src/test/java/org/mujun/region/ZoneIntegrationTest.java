package org.mujun.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

@MujunIntegrationTest
@AutoConfigureMockMvc
class ZoneIntegrationTest {

    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[121.10,28.85],[121.12,28.85],[121.12,28.87],[121.10,28.87],[121.10,28.85]]]}";
    static final String BOW_TIE = "{\"type\":\"Polygon\",\"coordinates\":[[[121.10,28.85],[121.12,28.87],[121.12,28.85],[121.10,28.87],[121.10,28.85]]]}";

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    String zone(String name, String kind, String region, Integer stars, String geojson, Integer version) throws Exception {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        m.put("regionCode", region);
        m.put("starRating", stars);
        m.put("geometry", geojson == null ? null : json.readTree(geojson));
        m.put("version", version);
        return json.writeValueAsString(m);
    }

    @Test
    void polygonsAreValidatedWithJts() {
        assertThat(GeoJsonPolygons.validate(SQUARE)).contains("\"Polygon\"");
        assertThat(GeoJsonPolygons.validate("{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "}")).startsWith("{\"type\":\"Polygon\"");
        assertThatThrownBy(() -> GeoJsonPolygons.validate(BOW_TIE)).hasMessageContaining("多边形无效").hasMessageContaining("Self-intersection");
        assertThatThrownBy(() -> GeoJsonPolygons.validate(SQUARE.replace("121.", "12.")))
                .hasMessageContaining("不在中国范围内");
        assertThatThrownBy(() -> GeoJsonPolygons.validate(SQUARE.replace("28.", "128."))).hasMessageContaining("latitude");
        assertThatThrownBy(() -> GeoJsonPolygons.validate("{\"type\":\"Polygon\",\"coordinates\":[[[121.10,28.85],[121.12,28.85],[121.12,28.87],[121.10,28.87]]]}"))
                .hasMessageContaining("未闭合");
        assertThatThrownBy(() -> GeoJsonPolygons.validate("{\"type\":\"Point\",\"coordinates\":[121.1,28.8]}")).hasMessageContaining("Polygon");
        assertThatThrownBy(() -> GeoJsonPolygons.validate("not json")).hasMessageContaining("JSON");
        assertThatThrownBy(() -> GeoJsonPolygons.validate(SQUARE.replace("{\"type\"", "{\"crs\":{},\"type\""))).hasMessageContaining("crs");
    }

    @Test
    void adminCreatesAndEditsZonesWithOptimisticLockingAndAudit() throws Exception {
        long audits = jdbc.sql("select count(*) from audit_log where action like 'ZONE_%'").query(Long.class).single();
        String created = mvc.perform(post("/api/v1/zones").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(zone("API测试小微园", "MICRO_PARK", TestFixture.COUNTY, 3, SQUARE, null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.starRating").value(3))
                .andExpect(jsonPath("$.geometry.type").value("Polygon"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) json.readValue(created, Map.class).get("id")).longValue();

        // bad input, each with its own message
        mvc.perform(post("/api/v1/zones").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(zone("自交园区", "INDUSTRIAL_PARK", TestFixture.COUNTY, null, BOW_TIE, null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("多边形无效")));
        mvc.perform(post("/api/v1/zones").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(zone("别县园区", "INDUSTRIAL_PARK", TestFixture.OTHER_COUNTY, null, null, null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("管辖")));
        mvc.perform(post("/api/v1/zones").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(zone("星级开发区", "DEVELOPMENT_ZONE", TestFixture.COUNTY, 4, null, null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("小微企业园")));
        mvc.perform(post("/api/v1/zones").with(fx.as("fx-town")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(zone("镇园区", "INDUSTRIAL_PARK", TestFixture.TOWN_1, null, null, null))).andExpect(status().isForbidden());

        // edit with the version read; the same version again is stale
        mvc.perform(put("/api/v1/zones/" + id).with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(zone("API测试小微园", "MICRO_PARK", TestFixture.COUNTY, 5, SQUARE, 0)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.starRating").value(5)).andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/zones/" + id).with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(zone("API测试小微园", "MICRO_PARK", TestFixture.COUNTY, 1, SQUARE, 0)))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/zones/" + id).with(fx.as("fx-other-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(zone("x", "MICRO_PARK", TestFixture.OTHER_COUNTY, 1, null, 1))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_log where action like 'ZONE_%'").query(Long.class).single()).isEqualTo(audits + 2);
        assertThat(jdbc.sql("select detail from audit_log where action = 'ZONE_UPDATE' and target = :t order by id desc limit 1")
                .param("t", "zone:" + id).query(String.class).single()).contains("star: 3 → 5");

        // an enterprise in the zone is counted and listed for readers in jurisdiction
        jdbc.sql("update enterprise set zone_id = :z where uscc = :u").param("z", id).param("u", TestFixture.withCheck("91331082MQ0000001")).update();
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class, zone_id) values (:u, '园区内测试企业', :t, 'C34', 'BELOW', :z) on conflict do nothing")
                .param("u", TestFixture.withCheck("91331082MQ0000001")).param("t", TestFixture.TOWN_1).param("z", id).update();
        mvc.perform(get("/api/v1/zones/" + id).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.enterprises").value(1));
        mvc.perform(get("/zones/" + id).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("园区内测试企业")))
                .andExpect(content().string(containsString("★★★★★")))
                .andExpect(content().string(containsString("data-geojson")))
                .andExpect(content().string(containsString("/zones/" + id + "/edit")));
        mvc.perform(get("/zones/" + id).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/zones/" + id + "/edit"))));
        mvc.perform(get("/zones/" + id).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/zones").param("kind", "MICRO_PARK").with(fx.as("fx-city"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("API测试小微园")));
        mvc.perform(get("/zones").with(fx.as("fx-other-county"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("API测试小微园"))));
    }

    @Test
    void zoneFormsCreateAndReportProblems() throws Exception {
        mvc.perform(get("/zones/new").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"geojson\"")));
        mvc.perform(post("/zones").with(fx.as("fx-county")).with(csrf()).param("name", "表单测试园区").param("kind", "INDUSTRIAL_PARK")
                        .param("regionCode", TestFixture.COUNTY).param("geojson", BOW_TIE))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("多边形无效")));
        String location = mvc.perform(post("/zones").with(fx.as("fx-county")).with(csrf()).param("name", "表单测试园区")
                        .param("kind", "INDUSTRIAL_PARK").param("regionCode", TestFixture.COUNTY).param("geojson", SQUARE))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/zones/\\d+");
        mvc.perform(get(location + "/edit").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("表单测试园区")));
        mvc.perform(post(location).with(fx.as("fx-county")).with(csrf()).param("version", "7").param("name", "表单测试园区")
                        .param("kind", "INDUSTRIAL_PARK").param("regionCode", TestFixture.COUNTY))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("记录已被他人修改")));
        mvc.perform(get(location + "/edit").with(fx.as("fx-town"))).andExpect(status().isForbidden());
    }
}
