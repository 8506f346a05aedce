package org.mujun.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/** The regions tree and region API: counts inside the reader's jurisdiction, 404 outside it. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class RegionIntegrationTest {

    /** 桃渚镇, a town of 临海市 no other test uses: 3 规上 and 2 规下 enterprises, 4 parcels. */
    static final String TOWN = "331082114";

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void rows() {
        for (int i = 0; i < 5; i++) {
            String u = TestFixture.withCheck(String.format("91331082MR%07d", i));
            jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, :n, :t, 'C34', :s) on conflict do nothing")
                    .param("u", u).param("n", "区划计数测试" + i).param("t", TOWN).param("s", i < 3 ? "ABOVE" : "BELOW").update();
            if (i < 4) {
                jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2) values (:c, :u, :t, 1000) on conflict do nothing")
                        .param("c", "RT-" + i).param("u", u).param("t", TOWN).update();
            }
        }
    }

    Map<?, ?> child(List<?> children, String code) {
        return children.stream().map(o -> (Map<?, ?>) o).filter(m -> code.equals(m.get("code"))).findFirst().orElseThrow();
    }

    @Test
    void apiListsChildrenWithCountsInsideJurisdiction() throws Exception {
        List<?> root = json.readValue(mvc.perform(get("/api/v1/regions").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), List.class);
        assertThat(root).hasSize(1);
        assertThat(((Map<?, ?>) root.get(0)).get("code")).isEqualTo("331082");
        List<?> towns = json.readValue(mvc.perform(get("/api/v1/regions").param("parent", "331082").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), List.class);
        assertThat(towns).hasSize(19);
        Map<?, ?> counts = (Map<?, ?>) child(towns, TOWN).get("counts");
        assertThat(counts.get("above")).isEqualTo(3);
        assertThat(counts.get("below")).isEqualTo(2);
        assertThat(counts.get("enterprises")).isEqualTo(5);
        assertThat(counts.get("parcels")).isEqualTo(4);
        // town 1 against the database (other tests add rows there)
        long above1 = jdbc.sql("select count(*) from enterprise where region_code = :t and size_class = 'ABOVE'")
                .param("t", TestFixture.TOWN_1).query(Long.class).single();
        assertThat(((Number) ((Map<?, ?>) child(towns, TestFixture.TOWN_1).get("counts")).get("above")).longValue()).isEqualTo(above1);

        // the city admin sees the county as a child of 台州市 with the same numbers
        mvc.perform(get("/api/v1/regions/331082").with(fx.as("fx-city"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.path[0].name").value("浙江省"))
                .andExpect(jsonPath("$.path[2].name").value("临海市"))
                .andExpect(jsonPath("$.children.length()").value(19));
        mvc.perform(get("/api/v1/regions/" + TOWN).with(fx.as("fx-province"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.above").value(3)).andExpect(jsonPath("$.level").value("town"));
        // the town officer's own town only; others are not found
        mvc.perform(get("/api/v1/regions/" + TOWN).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/regions").param("parent", "331082").with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/regions/331082").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/regions/33").with(fx.as("fx-city"))).andExpect(status().isNotFound());
        // the province's children are the 11 cities
        mvc.perform(get("/api/v1/regions").param("parent", "33").with(fx.as("fx-province"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(11));
        // a data provider gets the codes (for its templates) but no business counts
        mvc.perform(get("/api/v1/regions").param("parent", "331082").with(fx.as("fx-provider"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(19)).andExpect(jsonPath("$[0].counts").doesNotExist());
        mvc.perform(get("/api/v1/regions").with(fx.as("fx-security"))).andExpect(status().isForbidden());
        // the enterprise account: its own town, counting only itself
        mvc.perform(get("/api/v1/regions/" + TestFixture.TOWN_1).with(fx.as("fx-enterprise"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.above").value(1)).andExpect(jsonPath("$.counts.below").value(0))
                .andExpect(jsonPath("$.counts.parcels").value(1));
    }

    @Test
    void treePageExpandsWithHtmxAndRegionPageLinksLists() throws Exception {
        mvc.perform(get("/regions").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("临海市")))
                .andExpect(content().string(containsString("桃渚镇")))
                .andExpect(content().string(not(containsString("黄岩区"))));
        mvc.perform(get("/regions").with(fx.as("fx-city"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/regions/331082/children\"")));
        mvc.perform(get("/regions/331082/children").with(fx.as("fx-city"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("桃渚镇")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/regions/331003/children").with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/regions/" + TOWN).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/enterprises?region=" + TOWN)))
                .andExpect(content().string(containsString("/parcels?region=" + TOWN)));
        mvc.perform(get("/regions/" + TOWN).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/regions").param("lang", "en").with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Regions")));
    }
}
