package org.mujun.screening;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationRuns;
import org.mujun.evaluation.EvaluationSchemes;
import org.mujun.evaluation.IndicatorKind;
import org.mujun.evaluation.PopulationKind;
import org.mujun.evaluation.Scheme;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.mujun.security.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Enterprises of the screening tests in 古城街道 (TestFixture.TOWN_1, where fx-town works), each on one parcel of
 * 6,666.70 m² = 10 亩, 规上, industry C3411, with tax per year (万元) for a pair of years no other test uses:
 * <pre>
 *   n   first year   second year     亩均税收 first → second
 *   1      20           200           2 (< 3)  → 20
 *   2      40            40           4 (< 5)  → 4 (< 5)
 *   3     150           150          15        → 15
 *   4     300           300          30        → 30 (class A: the acquirer)
 * </pre>
 * The scheme of the town for both years: 亩均税收 weight 100, rank shares A20 B40 C20 D20. The screening rules of the
 * town for both years: only the 亩均税收 tiers (3/5/10), so the fixture's own enterprise (no tax that year) never fires.
 * {@code prefix} keeps the integration and browser tests apart (different USCCs and years).
 */
final class ScreeningTestData {

    private ScreeningTestData() {
    }

    static String uscc(String prefix, int n) {
        return TestFixture.withCheck("91331082001" + prefix + "0" + String.format("%02d", n));
    }

    static final double[][] TAX = {{20, 200}, {40, 40}, {150, 150}, {300, 300}};

    static synchronized void install(JdbcClient jdbc, String prefix, int year, Users users, PasswordEncoder encoder) {
        if (jdbc.sql("select count(*) from enterprise where uscc = :u").param("u", uscc(prefix, 1)).query(Integer.class).single() == 0) {
            for (int i = 0; i < 4; i++) {
                String u = uscc(prefix, i + 1);
                jdbc.sql("""
                                insert into enterprise (uscc, name, region_code, industry_code, size_class, status, registered_on)
                                values (:u, :n, :r, 'C3411', 'ABOVE', 'OPERATING', date '2010-01-01')""")
                        .param("u", u).param("n", "筛选测试" + prefix + "-" + (i + 1) + "号企业").param("r", TestFixture.TOWN_1).update();
                jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use) values (:c, :u, :r, 6666.70, '工业用地')")
                        .param("c", "SC-" + u).param("u", u).param("r", TestFixture.TOWN_1).update();
                for (int k = 0; k < 2; k++) {
                    jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, :y, :t)").param("u", u).param("y", year + k)
                            .param("t", TAX[i][k]).update();
                }
            }
        }
        String name = "sc-" + prefix.toLowerCase() + "-e1";
        if (users.findByUsername(name).isEmpty()) {
            users.create(new Users.NewUser(name, "筛选测试企业", Role.ENTERPRISE, TestFixture.TOWN_1, uscc(prefix, 1), Set.of(), false),
                    encoder.encode(TestFixture.PASSWORD));
        }
    }

    /** A published scheme and an official run of the town for {@code year}. */
    static EvaluationRuns.Run officialRun(EvaluationSchemes schemes, EvaluationRuns runs, TestFixture fx, int year) {
        String town = TestFixture.TOWN_1;
        MujunUser county = fx.user("fx-county");
        return as(county, () -> {
            EvaluationSchemes.SchemeVersion v = schemes.latestPublished(town, year, Scope.system(town)).orElseGet(() -> {
                Scheme s = Scheme.defaultScheme(town, year).withPopulations(List.of(new Scheme.Population(PopulationKind.ABOVE,
                        List.of(Scheme.Indicator.of(IndicatorKind.TAX_PER_MU, 100)), List.of(), Scheme.ClassRule.shares(20, 40, 20, 20))))
                        .withName("筛选测试 " + year);
                EvaluationSchemes.SchemeVersion d = schemes.draft(town, year, Scope.system(town)).orElseGet(() -> schemes.createDraft(s, "fx-county"));
                return schemes.publish(d.id(), d.lockVersion(), "fx-county");
            });
            return runs.run(v.id(), "fx-county");
        });
    }

    static ScreeningRules taxOnly() {
        ScreeningRules d = ScreeningRules.DEFAULTS;
        return new ScreeningRules(true, d.taxTiers(), false, 2, false, d.energyShare(), false, d.belowScaleMu(), false, false, false,
                d.revenueWan(), d.revenueTaxPerMu(), 2, 1);
    }

    static <T> T as(MujunUser u, Supplier<T> body) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities()));
        try {
            return body.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
