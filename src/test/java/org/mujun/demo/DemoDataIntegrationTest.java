package org.mujun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.energy.EnergyType;
import org.mujun.ingest.QualityChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads small demos into the test database in 长兴县 (330522), where TestFixture has nothing, through
 * the {@code demo} command, and removes them afterwards so other tests see the fixture alone.
 */
@MujunIntegrationTest
class DemoDataIntegrationTest {

    static final String COUNTY = "330522";

    @Autowired DemoCommand command;
    @Autowired DemoData demo;
    @Autowired JdbcClient jdbc;
    @Autowired QualityChecks quality;
    @Autowired Environment env;
    @Autowired DemoScenario scenario;

    long fixtureEnterprises;

    @BeforeEach
    void clean() {
        demo.delete("test");
        fixtureEnterprises = count("select count(*) from enterprise");
    }

    @AfterEach
    void remove() {
        demo.delete("test");
        assertThat(count("select count(*) from enterprise")).isEqualTo(fixtureEnterprises);
        assertThat(count("select count(*) from enterprise where uscc = '" + TestFixture.USCC_1 + "'")).isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long demoCount(String table, String usccColumn) {
        return count("select count(*) from " + table + " where " + usccColumn
                + " in (select uscc from enterprise where 'DEMO' = any(flags))");
    }

    private record Run(int exit, String out) { }

    private Run run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loadsASmallDemoWithEveryDataSetAndThePlantedProblems() throws Exception {
        Run r = run("--enterprises", "300", "--counties", COUNTY, "--seed", "7", "--year", "2025");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Loaded demo data: 300 enterprises in 长兴县 (seed 7, batch 0), years 2023–2025")
                .contains("规上 亩均税收");

        assertThat(count("select count(*) from enterprise where 'DEMO' = any(flags)")).isEqualTo(300);
        assertThat(count("select count(*) from enterprise where 'DEMO' = any(flags) and region_code like '330522___'")).isEqualTo(300);
        assertThat(count("select count(*) from enterprise where 'DEMO' = any(flags) and zone_id is not null")).isBetween(150L, 280L);
        assertThat(count("select count(*) from zone where region_code like '330522%'")).isEqualTo(7);
        assertThat(count("select count(*) from zone where kind = 'MICRO_PARK' and region_code like '330522%' and star_rating between 1 and 5"))
                .isEqualTo(3);
        long parcels = demoCount("parcel", "owner_uscc");
        assertThat(parcels).isBetween(250L, 600L);
        assertThat(count("select count(*) from parcel p where p.owner_uscc in (select uscc from enterprise where 'DEMO' = any(flags))"
                + " and p.geojson like '{\"type\":\"Polygon\"%' and p.land_use is not null")).isEqualTo(parcels);
        long leases = demoCount("lease", "lessee_uscc");
        assertThat(leases).isBetween(10L, 80L);
        assertThat(count("select count(*) from lease l join parcel p on p.id = l.parcel_id where l.lessee_uscc in "
                + "(select uscc from enterprise where 'DEMO' = any(flags)) and p.owner_uscc = l.lessor_uscc")).isEqualTo(leases);
        long stats = demoCount("stats_record", "uscc");
        assertThat(stats).isBetween(800L, 900L);          // three years, fewer for the young and the closed
        assertThat(demoCount("tax_record", "uscc")).isEqualTo(stats);
        assertThat(demoCount("electricity_record", "uscc")).isGreaterThan(stats * 3);   // monthly for 规上
        assertThat(demoCount("energy_record", "uscc")).isGreaterThan(200);
        assertThat(demoCount("emission_record", "uscc")).isGreaterThan(50);
        assertThat(count("select count(distinct year) from stats_record where uscc in (select uscc from enterprise where 'DEMO' = any(flags))"))
                .isEqualTo(3);

        // the data is what the ingest templates accept: energy units per carrier, event types, years
        jdbc.sql("select distinct energy_type, unit from energy_record where uscc in (select uscc from enterprise where 'DEMO' = any(flags))")
                .query((rs, n) -> EnergyType.valueOf(rs.getString(1)).toBase(BigDecimal.ONE, rs.getString(2))).list();
        assertThat(jdbc.sql("select distinct event_type from event_record where uscc in (select uscc from enterprise where 'DEMO' = any(flags))")
                .query(String.class).list()).isSubsetOf(Set.of("MAJOR_SAFETY_ACCIDENT", "ENVIRONMENTAL_PENALTY", "DISHONEST"));
        assertThat(count("select count(*) from lease where lessee_uscc in (select uscc from enterprise where 'DEMO' = any(flags))"
                + " and end_year > extract(year from current_date) + 1")).isZero();

        // QualityChecks ran after the load and found every planted problem
        for (String kind : List.of("TAX_GT_REVENUE", "ENERGY_ZERO_OUTPUT_LARGE", "YOY_JUMP", "LAND_MISMATCH")) {
            assertThat(count("select count(*) from quality_finding where kind = '" + kind + "' and uscc in "
                    + "(select uscc from enterprise where 'DEMO' = any(flags))")).as(kind).isPositive();
        }
        assertThat(count("select count(*) from audit_log where action = 'DEMO_LOADED'")).isPositive();
        assertThat(count("select count(*) from demo_load")).isEqualTo(1);
    }

    @Test
    void refusesWhenDemoDataExistsReplacesWithIdenticalRowsAppendsAndDeletes() throws Exception {
        assertThat(run("--enterprises", "300", "--counties", COUNTY, "--seed", "7", "--year", "2025").exit()).isZero();
        String before = fingerprint();
        long zones = count("select count(*) from zone");

        Run again = run("--enterprises", "300", "--counties", COUNTY, "--seed", "7", "--year", "2025");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("demo data already exists (300 enterprises)").contains("--append").contains("--replace");
        assertThat(count("select count(*) from enterprise where 'DEMO' = any(flags)")).isEqualTo(300);

        // --replace deletes only what the demo made and, from the same seed, makes byte-identical rows
        assertThat(run("--enterprises", "300", "--counties", COUNTY, "--seed", "7", "--year", "2025", "--replace").exit()).isZero();
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(count("select count(*) from zone")).isEqualTo(zones);

        // another seed: other rows
        assertThat(run("--enterprises", "300", "--counties", COUNTY, "--seed", "8", "--year", "2025", "--replace").exit()).isZero();
        assertThat(fingerprint()).isNotEqualTo(before);

        // --append: a second batch with its own USCCs, reusing the zones
        assertThat(run("--enterprises", "50", "--counties", COUNTY, "--seed", "7", "--year", "2025", "--append").exit()).isZero();
        assertThat(count("select count(*) from enterprise where 'DEMO' = any(flags)")).isEqualTo(350);
        assertThat(count("select count(*) from enterprise where 'DEMO' = any(flags) and substr(uscc, 11, 1) = '1'")).isEqualTo(50);
        assertThat(count("select count(*) from zone")).isEqualTo(zones);
        assertThat(count("select count(*) from demo_load")).isEqualTo(2);

        Run deleted = run("--delete");
        assertThat(deleted.exit()).isZero();
        assertThat(deleted.out()).contains("350 enterprises");
        assertThat(count("select count(*) from enterprise where 'DEMO' = any(flags)")).isZero();
        assertThat(count("select count(*) from parcel where certificate_no like '浙(%)长兴县不动产权第%'")).isZero();
        assertThat(count("select count(*) from zone where region_code like '330522%'")).isZero();
        assertThat(count("select count(*) from demo_load")).isZero();
    }

    @Test
    void badUsageIsRefusedBeforeAnythingIsWritten() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("--counties", "331082001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a county code");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("--enterprises", "many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("--append", "--replace"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(count("select count(*) from enterprise where 'DEMO' = any(flags)")).isZero();
    }

    @Test
    void firstStartDoesNothingInADatabaseThatHasEnterprises() {
        // the shared test database holds TestFixture's enterprises: a restart must not load the demo
        DemoFirstStart firstStart = new DemoFirstStart(demo, scenario, env, true, 20221, 300, List.of(COUNTY));
        firstStart.run(null);
        assertThat(count("select count(*) from enterprise where 'DEMO' = any(flags)")).isZero();
        assertThat(demo.isFirstStart()).isFalse();
    }

    /** MD5 over every demo row without generated ids and timestamps (zones by name). */
    private String fingerprint() {
        String demoUscc = "(select uscc from enterprise where 'DEMO' = any(flags))";
        return jdbc.sql("""
                select md5(string_agg(x, E'\\n' order by x)) from (
                  select concat_ws('|', e.uscc, e.name, e.region_code, z.name, e.industry_code, e.size_class, e.status, e.registered_on,
                                   e.flags::text) x
                  from enterprise e left join zone z on z.id = e.zone_id where 'DEMO' = any(e.flags)
                  union all select concat_ws('|', certificate_no, owner_uscc, region_code, area_m2, land_use, geojson, standard_land,
                                   transfer_date, transfer_price_wan) from parcel where owner_uscc in %1$s
                  union all select concat_ws('|', p.certificate_no, l.lessor_uscc, l.lessee_uscc, l.area_m2, l.start_year, l.end_year)
                            from lease l left join parcel p on p.id = l.parcel_id where l.lessee_uscc in %1$s
                  union all select concat_ws('|', uscc, year, total_tax, vat, corporate_income_tax, other_tax, refund) from tax_record where uscc in %1$s
                  union all select concat_ws('|', uscc, year, revenue, gross_output, value_added, employees, rnd_expense, above_scale)
                            from stats_record where uscc in %1$s
                  union all select concat_ws('|', uscc, year, month, kwh) from electricity_record where uscc in %1$s
                  union all select concat_ws('|', uscc, year, energy_type, quantity, unit) from energy_record where uscc in %1$s
                  union all select concat_ws('|', uscc, year, cod, ammonia_nitrogen, so2, nox) from emission_record where uscc in %1$s
                  union all select concat_ws('|', uscc, event_date, event_type, description) from event_record where uscc in %1$s
                ) t""".formatted(demoUscc)).query(String.class).single();
    }
}
