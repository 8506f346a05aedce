package org.mujun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@MujunIntegrationTest
@AutoConfigureMockMvc
class SecurityIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired AuditLog audit;

    @Test
    void pagesNeedSignInAndApiAnswersProblemDetails() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/enterprises")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"));
    }

    @Test
    void signInWorksAndIsAudited() throws Exception {
        long before = audit.verify().entries();
        mvc.perform(formLogin().user("fx-county").password(TestFixture.PASSWORD)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"));
        assertThat(audit.verify().intact()).isTrue();
        assertThat(audit.verify().entries()).isGreaterThan(before);
    }

    @Test
    void securityHeadersAreSent() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void postWithoutCsrfIsRefused() throws Exception {
        mvc.perform(post("/logout").with(fx.as("fx-county"))).andExpect(status().isForbidden());
    }
}
