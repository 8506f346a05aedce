package org.mujun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.MujunApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * First start for real (SPEC §12), with the shipped configuration: the application on a fresh, empty
 * embedded database of its own loads the regions, then the default demo (3,000 enterprises in
 * 临海市, 黄岩区 and 长兴县, seed 20221) and plays the demo scenario; started again on the same database it loads nothing more.
 */
class DemoFirstStartIntegrationTest {

    private static ConfigurableApplicationContext start(boolean clean) {
        return new SpringApplicationBuilder(MujunApplication.class)
                .web(WebApplicationType.NONE)
                // as arguments: they override application.yml (builder properties would not)
                .run("--mujun.embedded-db.data-dir=target/test-pg-demo", "--mujun.embedded-db.clean-on-start=" + clean,
                        "--mujun.embedded-db.pool-size=3", "--mujun.demo.load-on-first-start=true", "--spring.main.banner-mode=off",
                        "--logging.level.root=warn", "--logging.level.org.mujun.demo=info");
    }

    @Test
    void firstStartLoadsTheDefaultDemoOnceAndRestartsKeepIt() {
        String fingerprint;
        try (ConfigurableApplicationContext app = start(true)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from enterprise where 'DEMO' = any(flags)").query(Long.class).single()).isEqualTo(3000);
            assertThat(jdbc.sql("select count(distinct substr(region_code, 1, 6)) from enterprise").query(Long.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from demo_load where seed = 20221").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from quality_finding").query(Long.class).single()).isPositive();
            // the demo scenario: each county's default scheme published and run officially for each of the three years, publicised
            int last = Year.now().getValue() - 1;
            assertThat(jdbc.sql("""
                    select count(*) from evaluation_run r where r.kind = 'OFFICIAL' and r.status = 'PUBLICIZING'
                      and r.region_code in ('331082', '331003', '330522') and r.year between :a and :b
                      and exists (select 1 from evaluation_result x where x.run_id = r.id)""")
                    .param("a", last - 2).param("b", last).query(Long.class).single()).isEqualTo(9);
            // … 标准地 contracts along their stages, the idle-land check run, and a project register per county
            assertThat(jdbc.sql("select count(distinct stage) from standard_land_contract").query(Long.class).single()).isGreaterThanOrEqualTo(2);
            assertThat(jdbc.sql("select count(*) from idle_land_run").query(Long.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from idle_land_status where status in ('IDLE', 'RECLAIM_CANDIDATE')").query(Long.class).single())
                    .isPositive();
            assertThat(jdbc.sql("select count(distinct substr(region_code, 1, 6)) from project").query(Long.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select count(distinct stage) from project").query(Long.class).single()).isGreaterThanOrEqualTo(5);
            // … a screening run per county with some cases walked along the closed loop, one milestone each overdue
            assertThat(jdbc.sql("select count(*) from screening_run").query(Long.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select count(distinct state) from screening_case").query(Long.class).single()).isGreaterThanOrEqualTo(5);
            assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single()).isPositive();
            // targets: SPEC §8 figures for the province, 2 cities and 3 counties in two years, and the December snapshot of the province
            assertThat(jdbc.sql("select count(*) from target where note like '演示%'").query(Long.class).single()).isEqualTo(58);
            assertThat(jdbc.sql("select count(*) from target_snapshot where region_code = '33' and month = 12").query(Long.class).single()).isEqualTo(1);
            fingerprint = jdbc.sql("select md5(string_agg(uscc || name, ',' order by uscc)) from enterprise").query(String.class).single();

            // SPEC §5 magnitudes per county (a county has ~370 规上, so its figure varies more than the total)
            List<DemoData.CountyFigures> figures = app.getBean(DemoData.class).figures(DemoData.DEFAULT_COUNTIES, Year.now().getValue() - 1);
            double mu = 0;
            double tax = 0;
            for (DemoData.CountyFigures f : figures) {
                System.out.printf("demo figures: %s %s 规上 %d, %.0f 亩, 亩均税收 %.2f, 亩均增加值 %.2f; 规下 %d, 亩均税收 %.2f%n", f.code(), f.name(),
                        f.above(), f.aboveMu(), f.aboveTaxPerMu(), f.aboveValueAddedPerMu(), f.below(), f.belowTaxPerMu());
                assertThat(f.aboveTaxPerMu()).isBetween(15.0, 32.0);
                assertThat(f.aboveValueAddedPerMu()).isBetween(80.0, 170.0);
                assertThat(f.belowTaxPerMu()).isLessThan(f.aboveTaxPerMu() / 3);
                mu += f.aboveMu();
                tax += f.aboveTaxPerMu() * f.aboveMu();
            }
            assertThat(tax / mu).isBetween(20.0, 25.0);
        }
        try (ConfigurableApplicationContext app = start(false)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from enterprise").query(Long.class).single()).isEqualTo(3000);
            assertThat(jdbc.sql("select count(*) from demo_load").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from evaluation_run where kind = 'OFFICIAL'").query(Long.class).single()).isEqualTo(9);
            assertThat(jdbc.sql("select md5(string_agg(uscc || name, ',' order by uscc)) from enterprise").query(String.class).single())
                    .isEqualTo(fingerprint);
        }
    }
}
