package org.mujun.demo;

import java.time.Year;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * First start (SPEC §12): into a database with no enterprises that never had demo data, loads the
 * demo world ({@code mujun.demo.*}: 3,000 enterprises in 临海市, 黄岩区 and 长兴县, seed 20221) once.
 * Runs after the regions are loaded (RegionLoader is @Order(10)) and the first accounts exist
 * (FirstStart, @Order(20)); not for CLI commands, which load what they are told.
 */
@Component
@Order(30)
class DemoFirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFirstStart.class);

    private final DemoData demo;
    private final DemoScenario scenario;
    private final Environment env;
    private final boolean enabled;
    private final long seed;
    private final int enterprises;
    private final List<String> counties;

    DemoFirstStart(DemoData demo, DemoScenario scenario, Environment env, @Value("${mujun.demo.load-on-first-start:false}") boolean enabled,
                   @Value("${mujun.demo.seed:20221}") long seed, @Value("${mujun.demo.enterprises:3000}") int enterprises,
                   @Value("${mujun.demo.counties:331082,331003,330522}") List<String> counties) {
        this.demo = demo;
        this.scenario = scenario;
        this.env = env;
        this.enabled = enabled;
        this.seed = seed;
        this.enterprises = enterprises;
        this.counties = counties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || env.getProperty("mujun.cli.command") != null || !demo.isFirstStart()) {
            return;
        }
        try {
            DemoData.Result r = demo.load(new DemoData.Request(seed, enterprises, counties, DemoData.Mode.FIRST_START,
                    Year.now().getValue() - 1), "system");
            if (r != null) {
                log.info("Loaded demo data: {} enterprises in {} (seed {}) in {} s", String.format("%,d", r.enterprises()),
                        String.join(", ", r.counties()), seed, String.format("%.1f", r.seconds()));
                scenario.play(counties, Year.now().getValue() - 1);
            }
        } catch (RuntimeException e) {
            // the demo is a convenience: Mujun starts without it (the load rolled back; the next start tries again)
            log.warn("Demo data could not be loaded: {}", e.getMessage(), e);
        }
    }
}
