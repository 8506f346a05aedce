package org.mujun.industry;

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

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

@MujunIntegrationTest
@AutoConfigureMockMvc
class IndustryIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired org.mujun.TestFixture fx;
    @Autowired IndustrySets sets;
    @Autowired Industries industries;
    @Autowired JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void shippedSetsAnswerMembershipByPrefix() {
        assertThat(sets.members(IndustrySets.HIGH_ENERGY_SIX)).containsExactlyInAnyOrder("C25", "C26", "C30", "C31", "C32", "D44");
        assertThat(sets.contains(IndustrySets.HIGH_ENERGY_SIX, "C2611")).isTrue();
        assertThat(sets.contains(IndustrySets.HIGH_ENERGY_SIX, "D4411")).isTrue();
        assertThat(sets.contains(IndustrySets.HIGH_ENERGY_SIX, "C34")).isFalse();
        // 两高: cement C3011 yes, the rest of C30 (e.g. ceramics C307) no
        assertThat(sets.contains(IndustrySets.LIANGGAO, "C3011")).isTrue();
        assertThat(sets.contains(IndustrySets.LIANGGAO, "C307")).isFalse();
        assertThat(sets.contains(IndustrySets.LIANGGAO, null)).isFalse();
        assertThatThrownBy(() -> sets.members("NO_SUCH_SET")).isInstanceOf(IllegalArgumentException.class);
        assertThat(industries.label("C2611", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("C2611 化学原料和化学制品制造业");
        assertThat(industries.nearest("C3041").orElseThrow().name()).isEqualTo("平板玻璃制造");
    }

    @Test
    void pagesAndApiListIndustriesAndSets() throws Exception {
        mvc.perform(get("/industries").with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("化学原料和化学制品制造业")))
                .andExpect(content().string(containsString("六大高耗能行业")))
                .andExpect(content().string(containsString("电力、热力、燃气及水生产和供应业")));
        mvc.perform(get("/industries").param("lang", "en").with(fx.as("fx-provider"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Manufacture of raw chemical materials")));
        mvc.perform(get("/api/v1/industries").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'C26')].name").value("化学原料和化学制品制造业"));
        mvc.perform(get("/api/v1/industry-sets/LIANGGAO").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.members[?(@.prefix == 'C3011')].name").value("水泥制造"));
        mvc.perform(get("/api/v1/industry-sets").with(fx.as("fx-security"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/industry-sets/NOPE").with(fx.as("fx-county"))).andExpect(status().isNotFound());
    }

    @Test
    void provinceAdminEditsASetWithValidatedCodes() throws Exception {
        List<String> original = List.copyOf(sets.members(IndustrySets.HIGH_ENERGY_SIX));
        long audits = jdbc.sql("select count(*) from audit_log where action = 'INDUSTRY_SET_UPDATE'").query(Long.class).single();
        try {
            mvc.perform(put("/api/v1/industry-sets/HIGH_ENERGY_SIX").with(fx.as("fx-county")).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"members\":[\"C26\"]}")).andExpect(status().isForbidden());
            mvc.perform(put("/api/v1/industry-sets/HIGH_ENERGY_SIX").with(fx.as("fx-province")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"members\":[\"C26\",\"Z99\",\"A01\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("Z99")))
                    .andExpect(jsonPath("$.detail").value(containsString("A01")));
            mvc.perform(put("/api/v1/industry-sets/HIGH_ENERGY_SIX").with(fx.as("fx-province")).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"members\":[]}")).andExpect(status().isBadRequest());
            // "2611" gets its section letter; duplicates collapse
            mvc.perform(put("/api/v1/industry-sets/HIGH_ENERGY_SIX").with(fx.as("fx-province")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("members", List.of("C31", "2611", "c31")))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.members.length()").value(2))
                    .andExpect(jsonPath("$.members[0].prefix").value("C2611"));
            assertThat(sets.contains(IndustrySets.HIGH_ENERGY_SIX, "C2611")).isTrue();
            assertThat(sets.contains(IndustrySets.HIGH_ENERGY_SIX, "C2621")).isFalse();
            // the page form
            mvc.perform(post("/industries/sets/HIGH_ENERGY_SIX").with(fx.as("fx-province")).with(csrf()).param("members", "C26, Q9"))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("Q9")));
            mvc.perform(post("/industries/sets/HIGH_ENERGY_SIX").with(fx.as("fx-province")).with(csrf()).param("members", "C26；C31\nD44"))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("saved", "HIGH_ENERGY_SIX"));
            assertThat(sets.members(IndustrySets.HIGH_ENERGY_SIX)).containsExactlyInAnyOrder("C26", "C31", "D44");
            mvc.perform(get("/industries/sets/HIGH_ENERGY_SIX").with(fx.as("fx-province"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("C26, C31, D44")));
            mvc.perform(get("/industries/sets/HIGH_ENERGY_SIX").with(fx.as("fx-city"))).andExpect(status().isForbidden());
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'INDUSTRY_SET_UPDATE'").query(Long.class).single())
                    .isEqualTo(audits + 2);
        } finally {
            sets.update(IndustrySets.HIGH_ENERGY_SIX, original, "test-restore");
        }
        assertThat(sets.members(IndustrySets.HIGH_ENERGY_SIX)).containsExactlyInAnyOrderElementsOf(original);
    }
}
