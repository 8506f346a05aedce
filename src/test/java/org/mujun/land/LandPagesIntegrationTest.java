package org.mujun.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.ObjectMapper;

/**
 * Every land-supervision page renders in Chinese and English without a missing message, tax is
 * masked for the town officer, and the enterprise-page panel renders with its contracts and reviews.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class LandPagesIntegrationTest {

    static final String USCC = TestFixture.withCheck("91331082LTE000001");

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired LandSupervisionPanel panels;
    @Autowired TemplateEngine templates;
    final ObjectMapper json = new ObjectMapper();
    long contract;
    long parcel;

    @BeforeEach
    void data() throws Exception {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '临海页面测试有限公司', :r, 'C34', 'ABOVE') on conflict do nothing")
                .param("u", USCC).param("r", TestFixture.TOWN_1).update();
        jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, 2025, 480) on conflict do nothing").param("u", USCC).update();
        Long existing = jdbc.sql("select id from standard_land_contract where contract_no = 'LTE-2023-001'").query(Long.class).optional().orElse(null);
        if (existing != null) {
            contract = existing;
            parcel = jdbc.sql("select parcel_id from standard_land_contract where id = :id").param("id", existing).query(Long.class).single();
            return;
        }
        parcel = jdbc.sql("""
                        insert into parcel (certificate_no, owner_uscc, region_code, area_m2, standard_land, transfer_date, transfer_price_wan)
                        values ('LTE-P-1', :o, :r, 13333.40, true, date '2023-01-10', 1000) returning id""")
                .param("o", USCC).param("r", TestFixture.TOWN_1).query(Long.class).single();
        String body = post("/api/v1/land/standard-contracts", Map.of("contractNo", "LTE-2023-001", "parcelId", parcel, "uscc", USCC,
                "agreedDelivery", "2023-02-01", "agreedStart", "2023-06-01", "agreedCompletion", "2024-12-31", "agreedProduction", "2025-06-30",
                "agreedReview", "2026-10-15", "commitments", Map.of("TAX_PER_MU", 30, "FLOOR_AREA_RATIO", 1.2)));
        contract = ((Number) ((Map<?, ?>) json.readValue(body, Map.class).get("summary")).get("id")).longValue();
        int v = 0;
        for (String[] m : new String[][]{{"START", "2023-05-20"}, {"COMPLETE", "2024-12-01"}, {"PRODUCE", "2025-03-01"}}) {
            post("/api/v1/land/standard-contracts/" + contract + "/moves", Map.of("move", m[0], "date", m[1], "version", v++));
        }
        post("/api/v1/land/standard-contracts/" + contract + "/review", Map.of("version", v, "reviewedOn", "2026-10-15", "floorAreaRatio", 1.3));
        jdbc.sql("insert into land_development (parcel_id, agreed_start, updated_by) values (:p, date '2023-06-01', 'test') on conflict do nothing")
                .param("p", parcel).update();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/land/idle/runs").with(fx.as("fx-county")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"asOf\":\"2026-11-23\"}")).andExpect(status().isCreated());
    }

    private String post(String url, Object body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
    }

    String page(String url, String user, String lang) throws Exception {
        String html = mvc.perform(get(url).param("lang", lang).with(fx.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).as(url + " " + lang + " has every message").doesNotContain("??");
        return html;
    }

    @Test
    void everyPageRendersInBothLanguages() throws Exception {
        for (String lang : List.of("zh_CN", "en")) {
            for (String url : List.of("/land/standard", "/land/standard/new", "/land/standard/" + contract, "/land/standard/" + contract + "/edit",
                    "/land/idle", "/land/idle?status=ALL", "/land/idle/parcels/" + parcel, "/land/idle/settings")) {
                page(url, "fx-county", lang);
            }
        }
        String en = page("/land/standard/" + contract, "fx-county", "en");
        assertThat(en).contains("Failed review 达产复核未通过").contains("Broken 失信").contains("Tax per mu 亩均税收");
        String zh = page("/land/standard/" + contract, "fx-county", "zh_CN");
        assertThat(zh).contains("达产复核未通过").contains("24.0000");
    }

    @Test
    void theTownOfficerSeesTheReviewWithTaxMasked() throws Exception {
        String html = page("/land/standard/" + contract, "fx-town", "zh_CN");
        assertThat(html).contains("亩均税收：***").doesNotContain("24.0000");
        mvc.perform(get("/api/v1/land/standard-contracts/" + contract).with(fx.as("fx-town")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("24.0000"))));
        // the auditor sees the figures
        assertThat(page("/land/standard/" + contract, "fx-auditor", "zh_CN")).contains("24.0000");
    }

    @Test
    void enterprisePanelListsContractsReviewsAndIdleParcels() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(fx.user("fx-county"), null,
                fx.user("fx-county").getAuthorities()));
        try {
            long enterprise = fx.enterpriseId(USCC);
            EnterprisePanel p = panels.panel(enterprise, USCC).orElseThrow();
            assertThat(p.template()).isEqualTo("land/supervision-panels");
            MockHttpServletRequest request = new MockHttpServletRequest();
            var exchange = JakartaServletWebApplication.buildApplication(new MockServletContext()).buildExchange(request, new MockHttpServletResponse());
            String html = templates.process("land/supervision-panels", Set.of("panel"),
                    new WebContext(exchange, Locale.SIMPLIFIED_CHINESE, Map.of("panel", p)));
            assertThat(html).contains("LTE-2023-001").contains("第 1 次复核 2026-10-15：未达标").contains("LTE-P-1").doesNotContain("??");
            // an enterprise without contracts or idle parcels gets no panel
            assertThat(panels.panel(fx.enterpriseId(TestFixture.USCC_2), TestFixture.USCC_2)).isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
