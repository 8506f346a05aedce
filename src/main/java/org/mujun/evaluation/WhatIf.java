package org.mujun.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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

    /**
     * One enterprise of either run: its grade, total, surcharge (元) and land-use tax reduction (元) in the
     * published run and in the draft. An enterprise only in one run is NOT_EVALUATED in the other.
     */
    public record Transition(String uscc, String regionCode, Grade from, Grade to, Double totalFrom, Double totalTo, BigDecimal chargeFromYuan,
                             BigDecimal chargeToYuan, BigDecimal landTaxReductionFromYuan, BigDecimal landTaxReductionToYuan) {
        public boolean moves() {
            return from != to;
        }
    }

    /**
     * Every enterprise of the published run (in its order), then those only in the draft, each run's
     * measures computed with the measures given (e.g. the region's configured measures for both, or each
     * scheme's own).
     */
    public static List<Transition> transitions(EvaluationResult published, Measures publishedMeasures, EvaluationResult draft,
                                               Measures draftMeasures, Map<String, List<EvaluationClass>> previousClasses) {
        MeasureList a = DifferentiatedMeasures.compute(publishedMeasures, published, previousClasses);
        MeasureList b = DifferentiatedMeasures.compute(draftMeasures, draft, previousClasses);
        Map<String, EnterpriseMeasures> ma = byUscc(a);
        Map<String, EnterpriseMeasures> mb = byUscc(b);
        Enterprises ea = published.inputs;
        Enterprises eb = draft.inputs;
        List<Transition> out = new ArrayList<>(ea.n);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ea.n; i++) {
            String u = ea.uscc[i];
            seen.add(u);
            int j = ea == eb ? i : eb.indexOf(u);
            out.add(transition(u, ea.region[i], Grade.of(published, i), nan(published.total(i)), ma.get(u),
                    j < 0 ? Grade.NOT_EVALUATED : Grade.of(draft, j), j < 0 ? null : nan(draft.total(j)), mb.get(u)));
        }
        for (int j = 0; j < eb.n; j++) {
            String u = eb.uscc[j];
            if (!seen.contains(u)) {
                out.add(transition(u, eb.region[j], Grade.NOT_EVALUATED, null, null, Grade.of(draft, j), nan(draft.total(j)), mb.get(u)));
            }
        }
        return out;
    }

    private static Transition transition(String uscc, String region, Grade from, Double totalFrom, EnterpriseMeasures mFrom, Grade to,
                                         Double totalTo, EnterpriseMeasures mTo) {
        return new Transition(uscc, region, from, to, totalFrom, totalTo, mFrom == null ? ZERO : mFrom.surchargeYuan(),
                mTo == null ? ZERO : mTo.surchargeYuan(), mFrom == null ? ZERO : mFrom.landUseTaxReductionYuan(),
                mTo == null ? ZERO : mTo.landUseTaxReductionYuan());
    }

    /**
     * The matrix, the movers and the change in charges over the transitions {@code include} accepts (e.g.
     * those inside a user's jurisdiction): totals are sums over the included enterprises.
     */
    public static Comparison summarize(List<Transition> transitions, Predicate<Transition> include) {
        int g = Grade.values().length;
        int[][] m = new int[g][g];
        List<Move> moves = new ArrayList<>();
        BigDecimal from = ZERO;
        BigDecimal to = ZERO;
        BigDecimal taxFrom = ZERO;
        BigDecimal taxTo = ZERO;
        for (Transition t : transitions) {
            if (!include.test(t)) {
                continue;
            }
            m[t.from().ordinal()][t.to().ordinal()]++;
            if (t.moves()) {
                moves.add(new Move(t.uscc(), t.from(), t.to(), t.totalFrom(), t.totalTo(), t.chargeFromYuan(), t.chargeToYuan()));
            }
            from = from.add(t.chargeFromYuan());
            to = to.add(t.chargeToYuan());
            taxFrom = taxFrom.add(t.landTaxReductionFromYuan());
            taxTo = taxTo.add(t.landTaxReductionToYuan());
        }
        return new Comparison(m, List.copyOf(moves), from, to, to.subtract(from), taxTo.subtract(taxFrom));
    }

    private static Map<String, EnterpriseMeasures> byUscc(MeasureList l) {
        Map<String, EnterpriseMeasures> m = new java.util.HashMap<>();
        for (EnterpriseMeasures e : l.enterprises()) {
            m.put(e.uscc(), e);
        }
        return m;
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
