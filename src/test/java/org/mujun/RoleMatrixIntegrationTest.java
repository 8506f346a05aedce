package org.mujun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The role matrix of every page and endpoint (SPEC §1: "tested for every endpoint"). Each module
 * keeps {@code src/test/resources/role-matrix/<module>.csv}; this runner runs every file as one
 * dynamic test. Lines:
 * <pre>
 *   # comment
 *   METHOD,path,user,expected-status         GET,/energy,fx-town,200   (user: a TestFixture account or "anonymous")
 *   &#64;sql statement                           run once before the file's rows (make the rows your paths need; be idempotent)
 *   &#64;let NAME select …                       a placeholder {NAME} from a one-value query
 * </pre>
 * Built-in placeholders: {E1} {E2} {E3} enterprise ids and {USCC_1} {USCC_2} {USCC_3} of the
 * {@link TestFixture} enterprises (TOWN_1, TOWN_2, OTHER_TOWN); {P1} {P2} {P3} their parcel ids.
 * POST/PUT/PATCH/DELETE carry a CSRF token and an empty body, so an allowed role typically gets
 * 400 (bad input) and a refused one 403 — never 2xx on an empty write.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class RoleMatrixIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;

    @TestFactory
    Stream<DynamicTest> everyRoleGetsExactlyWhatItShould() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:role-matrix/*.csv");
        assertThat(files).as("role-matrix files").isNotEmpty();
        return Stream.of(files).map(f -> DynamicTest.dynamicTest(f.getFilename(), () -> run(f)));
    }

    private void run(Resource file) throws Exception {
        Map<String, String> vars = builtIns();
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        int lineNo = 0;
        for (String raw : file.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@sql ")) {
                jdbc.sql(line.substring(5)).update();
                continue;
            }
            if (line.startsWith("@let ")) {
                String[] p = line.substring(5).split("\\s+", 2);
                Object v = jdbc.sql(p[1]).query().singleValue();
                vars.put(p[0], String.valueOf(v));
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 4) {
                wrong.add(file.getFilename() + ":" + lineNo + " malformed: " + line);
                continue;
            }
            String path = f[1].trim();
            for (var e : vars.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", e.getValue());
            }
            HttpMethod method = HttpMethod.valueOf(f[0].trim());
            MockHttpServletRequestBuilder req = MockMvcRequestBuilders.request(method, path);
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                req = req.with(csrf());
            }
            if (!f[2].trim().equals("anonymous")) {
                req = req.with(fx.as(f[2].trim()));
            }
            int status = mvc.perform(req).andReturn().getResponse().getStatus();
            rows++;
            if (status != Integer.parseInt(f[3].trim())) {
                wrong.add(file.getFilename() + ":" + lineNo + " " + line + " → got " + status);
            }
        }
        assertThat(rows).as(file.getFilename() + " has rows").isGreaterThan(0);
        assertThat(wrong).isEmpty();
    }

    private Map<String, String> builtIns() {
        Map<String, String> vars = new HashMap<>();
        String[] usccs = {TestFixture.USCC_1, TestFixture.USCC_2, TestFixture.USCC_3};
        for (int i = 0; i < 3; i++) {
            vars.put("E" + (i + 1), Long.toString(fx.enterpriseId(usccs[i])));
            vars.put("USCC_" + (i + 1), usccs[i]);
            vars.put("P" + (i + 1), String.valueOf(jdbc.sql("select id from parcel where owner_uscc = :u order by id limit 1")
                    .param("u", usccs[i]).query().singleValue()));
        }
        return vars;
    }
}
