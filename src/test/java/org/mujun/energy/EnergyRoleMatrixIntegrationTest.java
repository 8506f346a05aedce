package org.mujun.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Runs this module's role matrix (role-matrix/energy.csv) until the shared runner exists. */
@MujunIntegrationTest
@AutoConfigureMockMvc
class EnergyRoleMatrixIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;

    @Test
    void everyRoleGetsTheExpectedStatus() throws Exception {
        String csv = new ClassPathResource("role-matrix/energy.csv").getContentAsString(StandardCharsets.UTF_8);
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split(",");
            String path = f[1].replace("{E1}", "" + fx.enterpriseId(TestFixture.USCC_1)).replace("{E3}", "" + fx.enterpriseId(TestFixture.USCC_3))
                    .replace("{USCC_1}", TestFixture.USCC_1).replace("{USCC_3}", TestFixture.USCC_3);
            MockHttpServletRequestBuilder req = get(path);
            if (!f[2].equals("anonymous")) req = req.with(fx.as(f[2]));
            int status = mvc.perform(req).andReturn().getResponse().getStatus();
            n++;
            if (status != Integer.parseInt(f[3].trim())) wrong.add(line + " → " + status);
        }
        assertThat(n).isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }
}
