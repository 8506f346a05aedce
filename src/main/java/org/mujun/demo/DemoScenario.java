package org.mujun.demo;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.mujun.common.DemoScenarioStep;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Plays every module's {@link DemoScenarioStep} after the demo world is loaded, as a province
 * administrator named {@code demo} (no such account exists: it is a principal for this thread
 * only, so the modules' own guards apply as they would to an official). A failed step is logged
 * and skipped: the demo is a convenience and Mujun starts without it.
 */
@Component
public class DemoScenario {

    private static final Logger log = LoggerFactory.getLogger(DemoScenario.class);

    private final List<DemoScenarioStep> steps;

    DemoScenario(List<DemoScenarioStep> steps) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(DemoScenarioStep::order)).toList();
    }

    /** Runs the steps; returns one line per step ("ok: …" or "failed: …"). */
    public List<String> play(List<String> counties, int lastYear) {
        MujunUser demo = new MujunUser(0, "demo", "演示 demo", "", Role.PROVINCE_ADMIN, "33", null, Set.of(), true, (Instant) null, false);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(demo, null, demo.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            return steps.stream().map(step -> {
                long t0 = System.nanoTime();
                try {
                    String summary = step.play(counties, lastYear);
                    String line = String.format("ok: %s (%.1f s): %s", step.name(), (System.nanoTime() - t0) / 1e9, summary);
                    log.info("Demo scenario {}", line);
                    return line;
                } catch (RuntimeException e) {
                    log.warn("Demo scenario step '{}' failed: {}", step.name(), e.getMessage(), e);
                    return "failed: " + step.name() + ": " + e.getMessage();
                }
            }).toList();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
