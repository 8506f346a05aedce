package org.mujun.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Static resources keep their versioned WebJar URLs; other links are written as they are, without classpath lookups. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class StaticResourceUrlsIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired ApplicationContext context;

    @Test
    void onlyStaticLinksAreResolved() throws Exception {
        String html = mvc.perform(get("/parcels/" + fxParcel()).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("src=\"/webjars/htmx.org/[0-9.]+/dist/htmx.min.js\"")
                .containsPattern("src=\"/webjars/leaflet/[0-9.]+/dist/leaflet.js\"")
                .contains("href=\"/css/mujun.css\"")
                .contains("href=\"/enterprises\"");
        // Boot's own filter is replaced, not doubled
        assertThat(context.containsBean("resourceUrlEncodingFilter")).isFalse();
        assertThat(context.containsBean("staticResourceUrlEncodingFilter")).isTrue();
        mvc.perform(get("/webjars/leaflet/dist/leaflet.js")).andExpect(status().isOk());
    }

    long fxParcel() {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select id from parcel where certificate_no = 'FX-331082-0001'").query(Long.class).single();
    }
}
