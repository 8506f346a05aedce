package org.mujun.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.DifferentiatedMeasures.EnterpriseMeasures;
import org.mujun.evaluation.DifferentiatedMeasures.MeasureList;
import org.mujun.evaluation.EvaluationResult.Outcome;

/**
 * Compares two runs over the same enterprises, typically a draft scheme against the published run
 * (SPEC §5 "What-if"): the class migration matrix, the enterprises that move, and the change in the
 * differential charges.
 */
public final class WhatIf {

    /** Rows and columns of the matrix: the four classes, exempt (不定等级) and not evaluated. */
    public enum Grade {
        A, B, C, D, EXEMPT, NOT_EVALUATED;

        static Grade of(EvaluationResult r, int i) {
            Outcome o = r.outcome(i);
            if (o == Outcome.EXEMPT) {
                return EXEMPT;
            }
            if (o == Outcome.NOT_EVALUATED) {
                return NOT_EVALUATED;
            }
            return valueOf(r.finalClass(i).name());
        }
    }

    /** An enterprise whose grade differs; totals null when not graded. */
    public record Move(String uscc, Grade from, Grade to, Double totalFrom, Double totalTo, BigDecimal chargeFromYuan, BigDecimal chargeToYuan) {
    }

    /**
     * @param matrix      matrix[from][to] counts by {@link Grade} ordinal
     * @param chargeChangeYuan draft surcharge total − published (0 when no measures were given)
     */
    public record Comparison(int[][] matrix, List<Move> moves, BigDecimal chargeFromYuan, BigDecimal chargeToYuan, BigDecimal chargeChangeYuan,
                             BigDecimal landUseTaxReductionChangeYuan) {
        public int count(Grade from, Grade to) {
            return matrix[from.ordinal()][to.ordinal()];
        }
    }

    private WhatIf() {
    }

    public static Comparison compare(EvaluationResult published, EvaluationResult draft) {
        return compare(published, draft, Map.of());
    }

    /** With the differential charges of each run's own scheme. */
    public static Comparison compare(EvaluationResult published, EvaluationResult draft, Map<String, List<EvaluationClass>> previousClasses) {
        MeasureList a = DifferentiatedMeasures.compute(published, previousClasses);
        MeasureList b = DifferentiatedMeasures.compute(draft, previousClasses);
        Map<String, BigDecimal> ca = charges(a);
        Map<String, BigDecimal> cb = charges(b);
        int g = Grade.values().length;
        int[][] m = new int[g][g];
        List<Move> moves = new ArrayList<>();
        Enterprises ea = published.inputs;
        Enterprises eb = draft.inputs;
        for (int i = 0; i < ea.n; i++) {
            int j = ea == eb ? i : eb.indexOf(ea.uscc[i]);
            Grade from = Grade.of(published, i);
            Grade to = j < 0 ? Grade.NOT_EVALUATED : Grade.of(draft, j);
            m[from.ordinal()][to.ordinal()]++;
            if (from != to) {
                moves.add(new Move(ea.uscc[i], from, to, nan(published.total(i)), j < 0 ? null : nan(draft.total(j)), ca.getOrDefault(ea.uscc[i], ZERO),
                        cb.getOrDefault(ea.uscc[i], ZERO)));
            }
        }
        return new Comparison(m, List.copyOf(moves), a.surchargeTotal(), b.surchargeTotal(), b.surchargeTotal().subtract(a.surchargeTotal()),
                b.landUseTaxReductionTotal().subtract(a.landUseTaxReductionTotal()));
    }

    private static Double nan(double v) {
        return v != v ? null : v;
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private static Map<String, BigDecimal> charges(MeasureList l) {
        Map<String, BigDecimal> m = new java.util.HashMap<>();
        for (EnterpriseMeasures e : l.enterprises()) {
            m.put(e.uscc(), e.surchargeYuan());
        }
        return m;
    }
}
