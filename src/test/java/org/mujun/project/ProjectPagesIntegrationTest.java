package org.mujun.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.common.EnterprisePanel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.ObjectMapper;

/** Every project-module page renders in Chinese and English without a missing message; the enterprise-page panels render. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class ProjectPagesIntegrationTest {

    static final String USCC = TestFixture.withCheck("91331082LTF000001");

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired List<EnterprisePanel.Provider> providers;
    @Autowired TemplateEngine templates;
    final ObjectMapper json = new ObjectMapper();
    final Map<String, Long> ids = new java.util.HashMap<>();

    @BeforeEach
    void data() throws Exception {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '临海项目页面测试', :r, 'C26', 'ABOVE') on conflict do nothing")
                .param("u", USCC).param("r", TestFixture.TOWN_1).update();
        Long p = jdbc.sql("select id from project where name = 'LTF 页面项目'").query(Long.class).optional().orElse(null);
        if (p == null) {
            ids.put("project", id(post("/api/v1/projects", Map.of("uscc", USCC, "name", "LTF 页面项目", "plannedWan", 12000, "since", "2026-01-01")), "project"));
            post("/api/v1/projects/" + ids.get("project") + "/moves", Map.of("to", "SIGNED", "date", "2026-02-01", "version", 0));
            ids.put("decision", id(post("/api/v1/projects/admission", Map.of("uscc", USCC, "projectName", "LTF 两高", "industryCode", "C2614",
                    "annualEnergyTce", 600, "annualOutputWan", 1000)), null));
            ids.put("zeroLand", id(post("/api/v1/projects/zero-land", Map.of("uscc", USCC, "name", "LTF 技改", "projectInvestmentWan", 1000,
                    "equipmentWan", 500, "newFloorAreaM2", 1000, "floors", 4, "enterpriseClass", "A")), null));
            ids.put("roster", id(post("/api/v1/rosters", Map.of("code", "LTF_PAGES", "name", "LTF 名单")), null));
            put("/api/v1/rosters/" + ids.get("roster") + "/rules", Map.of("version", 0, "rules", List.of(Map.of("kind", "SIZE_CLASS", "text", "ABOVE"))));
            post("/api/v1/rosters/" + ids.get("roster") + "/members", Map.of("uscc", USCC, "year", 2026, "reason", "页面测试"));
            ids.put("commitment", id(post("/api/v1/commitments", Map.of("uscc", USCC, "sourceKind", "SUBSIDY", "reference", "LTF-1",
                    "conditions", List.of(Map.of("indicator", "REVENUE", "direction", "AT_LEAST", "threshold", 100, "deadline", "2025-12-31")),
                    "benefits", List.of(Map.of("amountWan", 10, "receivedOn", "2025-01-01")))), "commitment"));
            post("/api/v1/commitments/" + ids.get("commitment") + "/evaluations", Map.of("asOf", "2026-03-31"));
        } else {
            ids.put("project", p);
            ids.put("decision", jdbc.sql("select id from lianggao_decision where project_name = 'LTF 两高'").query(Long.class).single());
            ids.put("zeroLand", jdbc.sql("select id from zero_land_project where name = 'LTF 技改'").query(Long.class).single());
            ids.put("roster", jdbc.sql("select id from roster where code = 'LTF_PAGES'").query(Long.class).single());
            ids.put("commitment", jdbc.sql("select id from commitment where reference = 'LTF-1'").query(Long.class).single());
        }
    }

    private long id(String body, String wrapper) {
        Map<?, ?> m = json.readValue(body, Map.class);
        return ((Number) (wrapper == null ? m : (Map<?, ?>) m.get(wrapper)).get("id")).longValue();
    }

    private String post(String url, Object body) throws Exception {
        return send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url), body);
    }

    private String put(String url, Object body) throws Exception {
        return send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(url), body);
    }

    private String send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, Object body) throws Exception {
        return mvc.perform(req.with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void everyPageRendersInBothLanguages() throws Exception {
        List<String> urls = new ArrayList<>(List.of("/projects", "/projects/new", "/projects/" + ids.get("project"), "/projects/admission",
                "/projects/admission/" + ids.get("decision"), "/projects/admission/settings", "/projects/zero-land", "/projects/zero-land/" + ids.get("zeroLand"),
                "/projects/zero-land/settings", "/rosters", "/rosters/" + ids.get("roster"), "/commitments", "/commitments/new",
                "/commitments/" + ids.get("commitment"), "/credit", "/credit?kind=ALL"));
        for (String lang : List.of("zh_CN", "en")) {
            for (String url : urls) {
                String html = mvc.perform(get(url).param("lang", lang).with(fx.as("fx-county"))).andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(html).as(url + " " + lang).doesNotContain("??");
            }
        }
        String en = mvc.perform(get("/commitments/" + ids.get("commitment")).param("lang", "en").with(fx.as("fx-county"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // no revenue data: a 100 % breach; 10 万 × 100 % + 10 × 3 % × 454/360 days = 10.3783
        assertThat(en).contains("Breached").contains("Clawback 10.3783 万元").contains("principal 10.0000 万元");
        String roster = mvc.perform(get("/rosters/" + ids.get("roster")).with(fx.as("fx-county"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(roster).contains("id=\"rules-form\"").contains("规上企业").contains("页面测试");
    }

    @Test
    void enterprisePanelsRender() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(fx.user("fx-county"), null,
                fx.user("fx-county").getAuthorities()));
        try {
            StringBuilder all = new StringBuilder();
            int shown = 0;
            for (EnterprisePanel.Provider provider : providers) {
                var panel = provider.panel(fx.enterpriseId(USCC), USCC);
                if (panel.isEmpty() || !panel.get().template().equals("project/panels")) {
                    continue;
                }
                shown++;
                var exchange = JakartaServletWebApplication.buildApplication(new MockServletContext())
                        .buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse());
                all.append(templates.process("project/panels", Set.of("panel"), new WebContext(exchange, Locale.SIMPLIFIED_CHINESE,
                        Map.of("panel", panel.get()))));
            }
            assertThat(shown).isEqualTo(3);
            assertThat(all.toString()).contains("LTF 页面项目").contains("LTF 技改").contains("LTF 名单").contains("LTF-1").contains("失信")
                    .doesNotContain("??");
        } finally {
            SecurityContextHolder.clearContext();
        }
        // the enterprise itself does not see internal rosters (officials do)
        jdbc.sql("insert into roster_member (roster_id, uscc, region_code, source, since_year, reason, added_by) values (:r, :u, :g, 'MANUAL', 2026, 'test', 'test') on conflict do nothing")
                .param("r", ids.get("roster")).param("u", TestFixture.USCC_1).param("g", TestFixture.TOWN_1).update();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(fx.user("fx-county"), null,
                fx.user("fx-county").getAuthorities()));
        try {
            assertThat(providers.stream().map(p -> p.panel(fx.enterpriseId(TestFixture.USCC_1), TestFixture.USCC_1))
                    .filter(o -> o.isPresent() && o.get().titleKey().equals("project.panel.rosters")).count()).isEqualTo(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(fx.user("fx-enterprise"), null,
                fx.user("fx-enterprise").getAuthorities()));
        try {
            long shownToEnterprise = providers.stream().map(p -> p.panel(fx.enterpriseId(TestFixture.USCC_1), TestFixture.USCC_1))
                    .filter(o -> o.isPresent() && o.get().titleKey().equals("project.panel.rosters")).count();
            assertThat(shownToEnterprise).isZero();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
