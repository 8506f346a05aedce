package org.mujun.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Actual against target (SPEC §8), plain Java.
 * <ul>
 * <li><b>progress %</b> = actual ÷ target × 100, 2 decimals half-up (null when either is missing or the
 * target is 0). For an indicator where lower is better (单位工业增加值能耗变化, a target of −3 % means "fall
 * by 3 %") the same ratio is used while the target is negative (a fall of 4 % is 133.33 %); with a target
 * of 0 or more it is null and only on-track is shown.</li>
 * <li><b>time share</b> (时序进度) = months elapsed ÷ 12 at the as-of month; 1 for a past year.</li>
 * <li><b>on track</b>: additive indicators (counts and amounts accumulate over the year): actual ≥ target
 * × time share ("时间过半、任务过半"); ratio indicators: actual ≥ target, or ≤ target where lower is better.
 * No actual: not on track.</li>
 * </ul>
 */
public final class Progress {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /**
     * @param expected the target × time share for additive indicators, the target itself otherwise
     */
    public record Figures(TargetIndicator indicator, BigDecimal target, BigDecimal actual, BigDecimal percent, BigDecimal expected,
                          boolean onTrack) {
    }

    private Progress() {
    }

    /** The time share of a target year at the as-of year and month (1–12): 0 before the year, 1 after it. */
    public static BigDecimal timeShare(int targetYear, int asOfYear, int asOfMonth) {
        if (asOfYear > targetYear) {
            return BigDecimal.ONE;
        }
        if (asOfYear < targetYear) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(Math.max(0, Math.min(12, asOfMonth))).divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP);
    }

    public static Figures of(TargetIndicator indicator, BigDecimal target, BigDecimal actual, BigDecimal timeShare) {
        Objects.requireNonNull(indicator, "indicator");
        BigDecimal percent = null;
        if (target != null && actual != null && target.signum() != 0 && (indicator.higherIsBetter() || target.signum() < 0)) {
            percent = actual.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP);
        }
        BigDecimal expected = target == null ? null
                : indicator.additive() ? target.multiply(timeShare).setScale(4, RoundingMode.HALF_UP) : target;
        boolean onTrack = target != null && actual != null
                && (indicator.higherIsBetter() ? actual.compareTo(expected) >= 0 : actual.compareTo(expected) <= 0);
        return new Figures(indicator, target, actual, percent, expected, onTrack);
    }
}
