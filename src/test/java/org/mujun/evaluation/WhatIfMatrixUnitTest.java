package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.common.Uscc;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.Scheme.Indicator;
import org.mujun.evaluation.Scheme.Population;
import org.mujun.evaluation.WhatIf.Comparison;
import org.mujun.evaluation.WhatIf.Grade;
import org.mujun.evaluation.WhatIf.Transition;

/**
 * The what-if diff on a small hand-made population (one indicator, 亩均税收 weight 100, everyone on 10 亩):
 * <pre>
 *        town        tax  x=tax/10  kWh        published (A20 B40 C20 D20)   draft (A20 B20 C40 D20)
 *  P01   331082111   200  20        1,000,000  A                             A
 *  P02   331082111   150  15          800,000  B                             B
 *  P03   331082111   100  10          600,000  B                             C   ← moves
 *  P04   331082113    50   5          500,000  C                             C
 *  P05   331082113    10   1          200,000  D                             D
 * </pre>
 * N = 5: published n_A = round(1.0) = 1, n_C = 1, n_D = 1, B the other 2; draft n_A = 1, n_C = round(2.0) = 2,
 * n_D = 1, B 1. Charges (C +0.1, D +0.3 元/kWh): published P04 50,000.00 + P05 60,000.00 = 110,000.00;
 * draft + P03 600,000 × 0.1 = 60,000.00 → 170,000.00, change +60,000.00.
 */
class WhatIfMatrixUnitTest {

    static String uscc(int n) {
        String first17 = "913310821110000" + String.format("%02d", n);
        return first17 + Uscc.checkChar(first17);
    }

    static List<EnterpriseInput> population() {
        double[] tax = {200, 150, 100, 50, 10};
        double[] kwh = {1_000_000, 800_000, 600_000, 500_000, 200_000};
        List<EnterpriseInput> l = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            l.add(EnterpriseInput.builder(uscc(i + 1)).region(i < 3 ? "331082111" : "331082113").industry("C3411").size(SizeClass.ABOVE)
                    .registeredOn(LocalDate.of(2010, 1, 1)).land(10.0).tax(tax[i]).kwh(kwh[i]).build());
        }
        return l;
    }

    static Scheme scheme(double a, double b, double c, double d) {
        return Scheme.defaultScheme("331082", 2036).withPopulations(List.of(new Population(PopulationKind.ABOVE,
                List.of(Indicator.of(IndicatorKind.TAX_PER_MU, 100)), List.of(), ClassRule.shares(a, b, c, d))));
    }

    @Test
    void migrationMatrixMoversAndCharges() {
        EvaluationResult published = Evaluation.run(scheme(20, 40, 20, 20), population());
        EvaluationResult draft = Evaluation.run(scheme(20, 20, 40, 20), population());
        List<Transition> t = WhatIf.transitions(published, Measures.DEFAULT, draft, Measures.DEFAULT, Map.of());
        Comparison c = WhatIf.summarize(t, x -> true);
        assertThat(c.count(Grade.A, Grade.A)).isEqualTo(1);
        assertThat(c.count(Grade.B, Grade.B)).isEqualTo(1);
        assertThat(c.count(Grade.B, Grade.C)).isEqualTo(1);
        assertThat(c.count(Grade.C, Grade.C)).isEqualTo(1);
        assertThat(c.count(Grade.D, Grade.D)).isEqualTo(1);
        int sum = 0;
        for (int[] row : c.matrix()) {
            for (int n : row) {
                sum += n;
            }
        }
        assertThat(sum).isEqualTo(5);
        assertThat(c.moves()).singleElement().satisfies(m -> {
            assertThat(m.uscc()).isEqualTo(uscc(3));
            assertThat(m.from()).isEqualTo(Grade.B);
            assertThat(m.to()).isEqualTo(Grade.C);
            // total = 100 × x / b, b = Σtax / Σland = 510 / 50 = 10.2: P03 100 × 10 / 10.2 = 98.039…
            assertThat(m.totalFrom()).isCloseTo(100 * 10 / 10.2, within(1e-9));
            assertThat(m.chargeFromYuan()).isEqualByComparingTo("0.00");
            assertThat(m.chargeToYuan()).isEqualByComparingTo("60000.00");
        });
        assertThat(c.chargeFromYuan()).isEqualByComparingTo("110000.00");
        assertThat(c.chargeToYuan()).isEqualByComparingTo("170000.00");
        assertThat(c.chargeChangeYuan()).isEqualByComparingTo("60000.00");
        // the pure engine's own comparison agrees
        Comparison whole = WhatIf.compare(published, draft);
        assertThat(whole.matrix()).isDeepEqualTo(c.matrix());
        assertThat(whole.chargeChangeYuan()).isEqualByComparingTo(c.chargeChangeYuan());
    }

    @Test
    void restrictedToOneTownAndWithAnEnterpriseOnlyInTheDraft() {
        EvaluationResult published = Evaluation.run(scheme(20, 40, 20, 20), population());
        List<EnterpriseInput> more = new ArrayList<>(population());
        // P06 is new in the draft's data: 0 tax, so last → D; P05 moves up to C (n_D stays 1)
        more.add(EnterpriseInput.builder(uscc(6)).region("331082113").industry("C3411").size(SizeClass.ABOVE)
                .registeredOn(LocalDate.of(2010, 1, 1)).land(10.0).tax(0.0).kwh(100_000.0).build());
        EvaluationResult draft = Evaluation.run(scheme(20, 40, 20, 20), more);
        List<Transition> t = WhatIf.transitions(published, Measures.DEFAULT, draft, Measures.DEFAULT, Map.of());
        assertThat(t).hasSize(6);
        Comparison town113 = WhatIf.summarize(t, x -> x.regionCode().startsWith("331082113"));
        // N = 6: n_A = round(1.2) = 1, n_C = round(1.2) = 1, n_D = 1; order P01 P02 P03 P04 P05 P06 → A B B B C D
        assertThat(town113.count(Grade.C, Grade.B)).isEqualTo(1);            // P04
        assertThat(town113.count(Grade.D, Grade.C)).isEqualTo(1);            // P05
        assertThat(town113.count(Grade.NOT_EVALUATED, Grade.D)).isEqualTo(1); // P06
        assertThat(town113.moves()).hasSize(3);
        // town 111 sees none of them: P01 A→A, P02 B→B, P03 B→B
        Comparison town111 = WhatIf.summarize(t, x -> x.regionCode().startsWith("331082111"));
        assertThat(town111.moves()).isEmpty();
        assertThat(town111.chargeFromYuan()).isEqualByComparingTo("0.00");
        // charges in 113: before P04 C 50,000 + P05 D 60,000 = 110,000; after P05 C 20,000 + P06 D 30,000 = 50,000
        assertThat(town113.chargeFromYuan()).isEqualByComparingTo("110000.00");
        assertThat(town113.chargeToYuan()).isEqualByComparingTo("50000.00");
    }
}
