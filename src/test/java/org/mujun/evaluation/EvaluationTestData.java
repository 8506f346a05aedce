package org.mujun.evaluation;

import java.util.function.Supplier;
import org.mujun.TestFixture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The hand-worked population of {@link Fixtures} as database rows of the integration tests, in a town of
 * 临海市 that no other test uses (括苍镇 331082107) and a year no other data has (2031):
 * E01–E10 on 10 亩 each (6,666.70 m² = 10.000000 亩), tax and value added as in the table of
 * {@link Fixtures}, emissions as COD (E04 has none), E03 renting 300 m² to three tenants (its evaluated
 * land stays 10 亩: it owns 6,966.70 m²), E11 registered 2030-06-01 (exempt: under 2 years), E12's only
 * parcel transferred 2029-03-01 (exempt: build period), E13 closed. The scheme is {@link Fixtures#scheme()}
 * for this town and year.
 */
final class EvaluationTestData {

    static final String TOWN = "331082107";
    static final String EMPTY_TOWN = "331082108";
    static final int YEAR = 2031;

    private EvaluationTestData() {
    }

    static String uscc(int n) {
        return TestFixture.withCheck("913310821070000" + String.format("%02d", n));
    }

    static Scheme scheme() {
        return Fixtures.scheme().withRegionAndYear(TOWN, YEAR).withName("测试方案 hand-worked");
    }

    /** Idempotent: installs the rows once per database. */
    static synchronized void install(JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from enterprise where uscc = :u").param("u", uscc(1)).query(Integer.class).single() > 0) {
            return;
        }
        double[][] figures = {
                {200, 450, 3.6}, {160, 400, 4.0}, {130, 380, 3.8}, {120, 350, -1}, {100, 330, 3.2},
                {100, 200, 2.0}, {80, 300, 3.0}, {50, 200, 2.5}, {50, 200, 2.5}, {10, 190, 1.9},
                {5000, 9000, 1.0}, {0, 0, -1}, {900, 900, 1.0}};
        String[] industries = {"C2611", "C2612", "C2613", "C2614", "C2619", "C3411", "C3412", "C3413", "C3414", "C3415", "C2611", "C3411", "C3411"};
        for (int n = 1; n <= 13; n++) {
            String u = uscc(n);
            jdbc.sql("""
                            insert into enterprise (uscc, name, region_code, industry_code, size_class, status, registered_on)
                            values (:u, :name, :r, :i, 'ABOVE', :s, cast(:d as date))""")
                    .param("u", u).param("name", "括苍测试" + String.format("%02d", n) + "号企业").param("r", TOWN).param("i", industries[n - 1])
                    .param("s", n == 13 ? "CLOSED" : "OPERATING").param("d", n == 11 ? "2030-06-01" : "2010-01-01").update();
            String m2 = n == 3 ? "6966.70" : "6666.70";
            jdbc.sql("""
                            insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use, transfer_date)
                            values (:c, :u, :r, cast(:a as numeric), '工业用地', cast(:t as date))""")
                    .param("c", "EVAL-TEST-" + n).param("u", u).param("r", TOWN).param("a", m2).param("t", n == 12 ? "2029-03-01" : null).update();
            double[] f = figures[n - 1];
            jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, :y, :t)").param("u", u).param("y", YEAR).param("t", f[0]).update();
            jdbc.sql("insert into stats_record (uscc, year, value_added, above_scale) values (:u, :y, :v, true)")
                    .param("u", u).param("y", YEAR).param("v", f[1]).update();
            if (f[2] >= 0) {
                jdbc.sql("insert into emission_record (uscc, year, cod) values (:u, :y, cast(:c as numeric))")
                        .param("u", u).param("y", YEAR).param("c", Double.toString(f[2])).update();
            }
        }
        for (int t = 1; t <= 3; t++) {
            jdbc.sql("insert into lease (lessor_uscc, lessee_uscc, area_m2, start_year, end_year) values (:a, :b, 100, 2030, 2032)")
                    .param("a", uscc(3)).param("b", TestFixture.withCheck("913310821079000" + String.format("%02d", t))).update();
        }
    }

    /** Runs {@code body} signed in as a fixture account (for repository calls outside MockMvc). */
    static <T> T as(TestFixture fx, String user, Supplier<T> body) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var u = fx.user(user);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities()));
        try {
            return body.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
