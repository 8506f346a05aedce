package org.mujun.evaluation;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.Scheme.Indicator;
import org.mujun.evaluation.Scheme.Population;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.mujun.security.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The population of the workflow tests (publication, what-if, measures, statistics), in two towns of
 * 临海市 no other test uses, with the same figures in every year 2032–2049 (2038: tax × 1.2), each
 * enterprise on one parcel of 6,666.70 m² = 10 亩, 规上, registered 2010, industry C3411:
 * <pre>
 *  小芝镇 331082104   tax   VA    employees  kWh          tce = kWh × 0.1229 / 1000
 *   P01               200   400   100        1,000,000    122.9
 *   P02               150   300    50          800,000     98.32
 *   P03               100   300    60          600,000     73.74
 *   P04                50   100    40          500,000     61.45
 *   P05                10    50    10          200,000     24.58
 *  河头镇 331082105
 *   Q01                90   200    20          300,000     36.87
 *   Q02                60   100    20          200,000     24.58
 *   Q03                30   100    10          100,000     12.29
 * </pre>
 * The scheme of a town: one indicator 亩均税收 weight 100, rank shares A20 B40 C20 D20 (5 members: A 1, B 2,
 * C 1, D 1 in tax order; 3 members: round-half-up(0.6) = 1 each of A, C, D, no B). Enterprise accounts
 * {@code wf-p01} … {@code wf-p05} sign in as P01 … P05.
 */
final class WorkflowTestData {

    static final String TOWN_A = "331082104";
    static final String TOWN_B = "331082105";
    static final double[] P_TAX = {200, 150, 100, 50, 10};
    static final double[] P_VA = {400, 300, 300, 100, 50};
    static final double[] P_EMPLOYEES = {100, 50, 60, 40, 10};
    static final double[] P_KWH = {1_000_000, 800_000, 600_000, 500_000, 200_000};
    static final double[] Q_TAX = {90, 60, 30};
    static final double[] Q_VA = {200, 100, 100};
    static final double[] Q_EMPLOYEES = {20, 20, 10};
    static final double[] Q_KWH = {300_000, 200_000, 100_000};

    private WorkflowTestData() {
    }

    static String p(int n) {
        return TestFixture.withCheck("913310821040000" + String.format("%02d", n));
    }

    static String q(int n) {
        return TestFixture.withCheck("913310821050000" + String.format("%02d", n));
    }

    static synchronized void install(JdbcClient jdbc, Users users, PasswordEncoder encoder) {
        if (jdbc.sql("select count(*) from enterprise where uscc = :u").param("u", p(1)).query(Integer.class).single() == 0) {
            for (int i = 0; i < 5; i++) {
                enterprise(jdbc, p(i + 1), "小芝测试" + (i + 1) + "号企业", TOWN_A, P_TAX[i], P_VA[i], P_EMPLOYEES[i], P_KWH[i]);
            }
            for (int i = 0; i < 3; i++) {
                enterprise(jdbc, q(i + 1), "河头测试" + (i + 1) + "号企业", TOWN_B, Q_TAX[i], Q_VA[i], Q_EMPLOYEES[i], Q_KWH[i]);
            }
        }
        for (int i = 1; i <= 5; i++) {
            if (users.findByUsername("wf-p0" + i).isEmpty()) {
                users.create(new Users.NewUser("wf-p0" + i, "小芝测试" + i + "号企业", Role.ENTERPRISE, TOWN_A, p(i), Set.of(), false),
                        encoder.encode(TestFixture.PASSWORD));
            }
        }
    }

    private static void enterprise(JdbcClient jdbc, String uscc, String name, String town, double tax, double va, double employees, double kwh) {
        jdbc.sql("""
                        insert into enterprise (uscc, name, region_code, industry_code, size_class, status, registered_on)
                        values (:u, :n, :r, 'C3411', 'ABOVE', 'OPERATING', date '2010-01-01')""")
                .param("u", uscc).param("n", name).param("r", town).update();
        jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use) values (:c, :u, :r, 6666.70, '工业用地')")
                .param("c", "WF-" + uscc).param("u", uscc).param("r", town).update();
        for (int y = 2032; y <= 2049; y++) {
            double t = y == 2038 ? tax * 1.2 : tax;
            jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, :y, cast(:t as numeric))")
                    .param("u", uscc).param("y", y).param("t", Double.toString(t)).update();
            jdbc.sql("insert into stats_record (uscc, year, value_added, employees, above_scale) values (:u, :y, :v, :e, true)")
                    .param("u", uscc).param("y", y).param("v", va).param("e", employees).update();
            jdbc.sql("insert into electricity_record (uscc, year, month, kwh) values (:u, :y, 0, :k)")
                    .param("u", uscc).param("y", y).param("k", kwh).update();
        }
    }

    /** The town's scheme for the year with the given rank shares. */
    static Scheme scheme(String town, int year, double a, double b, double c, double d) {
        return Scheme.defaultScheme(town, year).withPopulations(List.of(new Population(PopulationKind.ABOVE,
                List.of(Indicator.of(IndicatorKind.TAX_PER_MU, 100)), List.of(), ClassRule.shares(a, b, c, d)))).withName("工作流测试 " + town);
    }

    /** The published scheme (A20 B40 C20 D20) of a town and year, created once. */
    static SchemeVersion published(EvaluationSchemes schemes, TestFixture fx, String town, int year) {
        return as(fx.user("fx-county"), () -> schemes.latestPublished(town, year, Scope.system(town)).orElseGet(() -> {
            SchemeVersion d = schemes.draft(town, year, Scope.system(town))
                    .orElseGet(() -> schemes.createDraft(scheme(town, year, 20, 40, 20, 20), "fx-county"));
            return schemes.publish(d.id(), d.lockVersion(), "fx-county");
        }));
    }

    /** A new official run of the town's published scheme, as fx-county. */
    static Run officialRun(EvaluationSchemes schemes, EvaluationRuns runs, TestFixture fx, String town, int year) {
        long id = published(schemes, fx, town, year).id();
        return as(fx.user("fx-county"), () -> runs.run(id, "fx-county"));
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

    static RequestPostProcessor user(Users users, String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.findByUsername(username).orElseThrow());
    }
}
