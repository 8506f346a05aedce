package org.mujun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * SPEC §1: jurisdiction "is tested for every endpoint". Every page and endpoint the application
 * maps (method and path pattern) must appear in at least one role-matrix file, so a new endpoint
 * cannot ship without its role tests.
 */
@MujunIntegrationTest
class RoleMatrixCoverageIntegrationTest {

    /** Framework endpoints, and the sign-in form handled by Spring Security itself. */
    private static final Set<String> NOT_OURS = Set.of("/error", "/login", "/v3/api-docs", "/v3/api-docs.yaml",
            "/v3/api-docs/swagger-config", "/swagger-ui.html");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPageAndEndpointHasRoleMatrixRows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (Resource f : new PathMatchingResourcePatternResolver().getResources("classpath*:role-matrix/*.csv")) {
            for (String line : f.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("@")) {
                    continue;
                }
                String[] p = l.split(",");
                if (p.length == 4) {
                    String path = p[1].trim();
                    int q = path.indexOf('?');
                    rows.add(new String[]{p[0].trim(), q < 0 ? path : path.substring(0, q)});
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (NOT_OURS.contains(pattern) || pattern.startsWith("/swagger-ui") || pattern.startsWith("/v3/")) {
                    continue;
                }
                Pattern regex = Pattern.compile(toRegex(pattern));
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    boolean covered = rows.stream().anyMatch(r -> r[0].equals(m.name()) && regex.matcher(r[1]).matches());
                    if (!covered) {
                        missing.add(m.name() + " " + pattern + "  (" + handler.getBeanType().getSimpleName() + ")");
                    }
                }
            }
        });
        assertThat(missing).as("endpoints without a row in src/test/resources/role-matrix/*.csv").isEmpty();
    }

    /** {@code /runs/{id}/results/{uscc}} → a regex where each variable matches one segment (or a placeholder). */
    static String toRegex(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (String part : pattern.split("(?=\\{)|(?<=\\})")) {
            if (part.startsWith("{") && part.endsWith("}")) {
                sb.append(part.contains("*") ? ".*" : "[^/]+");
            } else {
                sb.append(Pattern.quote(part));
            }
        }
        return sb.toString();
    }
}
