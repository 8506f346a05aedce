package org.mujun.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mujun.common.Uscc;
import org.mujun.evaluation.Scheme.Adjustment;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.Scheme.Indicator;
import org.mujun.evaluation.Scheme.Population;

/**
 * The hand-worked population used across the evaluation tests: 10 规上 enterprises of 黄岩区 (331003) in
 * 2022, each on 10 亩, plus two exempt ones and a closed one.
 *
 * <pre>
 *        tax   VA    emis  x1=tax/10 x2=VA/10 x3=VA/emis   industry
 *  E01   200   450   3.6   20        45       125          C26
 *  E02   160   400   4     16        40       100          C26
 *  E03   130   380   3.8   13        38       100          C26   3 tenants
 *  E04   120   350   —     12        35       missing      C26
 *  E05   100   330   3.2   10        33       103.125      C26
 *  E06   100   200   2     10        20       100          C34
 *  E07    80   300   3      8        30       100          C34
 *  E08    50   200   2.5    5        20        80          C34
 *  E09    50   200   2.5    5        20        80          C34   (identical to E08)
 *  E10    10   190   1.9    1        19       100          C34
 *  Σ    1000  3000  26.5 (E04 excluded: ΣVA 2650)
 * </pre>
 * Benchmarks (SPEC §5.1 step 3, Σnum/Σden): b1 = 1000/100 = 10 万元/亩; b2 = 3000/100 = 30 万元/亩;
 * b3 = 2650/26.5 = 100 万元/t (E04 has no emissions and is left out of both sums).
 */
final class Fixtures {

    static final String REGION = "331003";
    static final String TOWN = "331003001";
    static final String OTHER_TOWN = "331003002";

    private Fixtures() {
    }

    /** A valid USCC whose order follows n: 91331003000000 0nn + check character. */
    static String uscc(int n) {
        String first17 = "913310030000000" + String.format("%02d", n);
        return first17 + Uscc.checkChar(first17);
    }

    /** Weights 50 / 30 / 20: s1 = 50·x1/10 = 5·x1, s2 = 30·x2/30 = x2, s3 = 20·x3/100 = x3/5. */
    static Scheme scheme() {
        Population above = new Population(PopulationKind.ABOVE, List.of(
                Indicator.of(IndicatorKind.TAX_PER_MU, 50),
                Indicator.of(IndicatorKind.VALUE_ADDED_PER_MU, 30),
                Indicator.of(IndicatorKind.VALUE_ADDED_PER_EMISSION, 20).averagedIfMissing()),
                List.of(Adjustment.tenants(-5, null, "出租给多家企业")),
                ClassRule.shares(20, 60, 15, 5));
        return Scheme.defaultScheme(REGION, 2022).withPopulations(List.of(above));
    }

    static EnterpriseInput.Builder e(int n, double tax, double va, Double emis, String industry) {
        return EnterpriseInput.builder(uscc(n)).region(n % 2 == 0 ? TOWN : OTHER_TOWN).industry(industry).size(SizeClass.ABOVE)
                .registeredOn(LocalDate.of(2010, 1, 1)).land(10.0).tax(tax).valueAdded(va).emissions(emis);
    }

    static List<EnterpriseInput.Builder> builders() {
        List<EnterpriseInput.Builder> l = new ArrayList<>();
        l.add(e(1, 200, 450, 3.6, "C2611"));
        l.add(e(2, 160, 400, 4.0, "C2612"));
        l.add(e(3, 130, 380, 3.8, "C2613").tenants(3));
        l.add(e(4, 120, 350, null, "C2614"));
        l.add(e(5, 100, 330, 3.2, "C2619"));
        l.add(e(6, 100, 200, 2.0, "C3411"));
        l.add(e(7, 80, 300, 3.0, "C3412"));
        l.add(e(8, 50, 200, 2.5, "C3413"));
        l.add(e(9, 50, 200, 2.5, "C3414"));
        l.add(e(10, 10, 190, 1.9, "C3415"));
        // E11 registered 2021-06-01 (< 2 years before 31 Dec 2022): exempt. Its huge tax must not move b1.
        l.add(e(11, 5000, 9000, 1.0, "C2611").registeredOn(LocalDate.of(2021, 6, 1)));
        // E12 land transferred 2020-03-01 (< 3 years before 31 Dec 2022): exempt (build period)
        l.add(e(12, 0, 0, null, "C3411").landTransferredOn(LocalDate.of(2020, 3, 1)));
        // E13 closed: not evaluated
        l.add(e(13, 900, 900, 1.0, "C3411").status(Status.CLOSED));
        return l;
    }

    static List<EnterpriseInput> inputs() {
        return builders().stream().map(EnterpriseInput.Builder::build).toList();
    }
}
