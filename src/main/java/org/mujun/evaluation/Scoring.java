package org.mujun.evaluation;

import org.mujun.evaluation.Scheme.Adjustment;
import org.mujun.evaluation.Scheme.ScoringMethod;

/**
 * The arithmetic of one score, one adjustment and one total, shared by the engine and the explanation
 * so that an explanation's "what would happen" is computed with exactly the same floating-point
 * operations as a re-run (SPEC §5.1 steps 2, 4, 5).
 */
final class Scoring {

    private Scoring() {
    }

    /** x = numerator / denominator × factor; NaN (missing) when the numerator is missing or the denominator is missing, zero or negative. */
    static double value(double numerator, double denominator, double factor) {
        return numerator == numerator && denominator > 0 ? numerator / denominator * factor : Double.NaN;
    }

    /**
     * The score of a present value.
     * RATIO: s = w × x / b (evaluated as (w·x)/b); with a cap, s = min(s, w × cap); then s = max(s, 0). A
     * benchmark that is not positive scores 0.
     * MIN_MAX: x is first held inside [min, max] (only matters with pinned benchmarks); s = w × [20 + 80 ×
     * (x − min)/(max − min)] / 100, or w when max = min.
     */
    static double score(ScoringMethod method, double w, double cap, double x, double b, double min, double max) {
        if (method == ScoringMethod.MIN_MAX) {
            if (!(max > min)) {
                return w;
            }
            double v = x < min ? min : x > max ? max : x;
            return w * (20 + 80 * (v - min) / (max - min)) / 100;
        }
        if (!(b > 0)) {
            return 0;
        }
        double s = w * x / b;
        if (cap == cap && s > w * cap) {
            s = w * cap;
        }
        return s < 0 ? 0 : s;
    }

    /** True when the cap limited the score. */
    static boolean capped(ScoringMethod method, double w, double cap, double x, double b) {
        return method == ScoringMethod.RATIO && cap == cap && b > 0 && w * x / b > w * cap;
    }

    /** Points of one adjustment for an enterprise (negative for deductions). */
    static double adjustment(Adjustment a, int tenants, boolean hasFlag) {
        double v;
        switch (a.kind()) {
            case TENANTS_BEYOND_FIRST -> {
                int extra = tenants - 1;
                if (extra < 1) {
                    return 0;
                }
                double then = a.thenPoints() == null ? a.points() : a.thenPoints();
                v = a.points() + (extra - 1) * then;
            }
            case FLAG -> v = hasFlag ? a.points() : 0;
            default -> v = 0;
        }
        if (a.limit() != null && Math.abs(v) > a.limit()) {
            v = Math.copySign(a.limit(), v);
        }
        return v;
    }

    /** Total = (((0 + s₁) + s₂) + …) + (Σ adjustments, in scheme order). */
    static double total(double[] scores, double adjustments) {
        double t = 0;
        for (double s : scores) {
            t += s;
        }
        return t + adjustments;
    }

    /**
     * SPEC §5.1 step 6: negative when enterprise a is ordered before b: total descending, then 亩均税收
     * descending (a missing one last), then USCC ascending.
     */
    static int order(double totalA, double taxPerMuA, String usccA, double totalB, double taxPerMuB, String usccB) {
        if (totalA > totalB) {
            return -1;
        }
        if (totalA < totalB) {
            return 1;
        }
        return tieBreak(taxPerMuA, usccA, taxPerMuB, usccB);
    }

    static int tieBreak(double tpmA, String usccA, double tpmB, String usccB) {
        boolean na = tpmA != tpmA;
        boolean nb = tpmB != tpmB;
        if (na != nb) {
            return na ? 1 : -1;
        }
        if (!na) {
            if (tpmA > tpmB) {
                return -1;
            }
            if (tpmA < tpmB) {
                return 1;
            }
        }
        return usccA.compareTo(usccB);
    }

    /** round_half_up(share% × N / 100), exact in decimal. */
    static int places(double sharePercent, int n) {
        return java.math.BigDecimal.valueOf(sharePercent).multiply(java.math.BigDecimal.valueOf(n))
                .divide(java.math.BigDecimal.valueOf(100)).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }
}
