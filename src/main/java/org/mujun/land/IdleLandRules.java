package org.mujun.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mujun.common.WanYuan;

/**
 * 闲置土地 (idle land), SPEC §7 after 《闲置土地处置办法》 (国土资源部令第53号, 2012), Art. 2 and 14.
 * Evaluated for one parcel on an "as of" date (the daily check):
 * <ul>
 * <li>not started more than 1 year after the agreed start date (超过约定动工日期满一年) → {@code IDLE},
 * 闲置费 20 % of the land price;</li>
 * <li>not started more than 2 years after it (满两年) → {@code RECLAIM_CANDIDATE} (无偿收回);</li>
 * <li>started, but less than 1/3 of the area developed or less than 25 % of the total investment
 * invested, and construction stopped for at least 1 year (中止开发建设满一年) → {@code IDLE} too.</li>
 * </ul>
 * Periods follow 民法典 Art. 201–203: a period of years ends on the same day of the month in the
 * final year, or the last day of that month when there is none (2024-02-29 + 1 year = 2025-02-28),
 * which is what {@link LocalDate#plus(java.time.temporal.TemporalAmount)} does. "More than" (超过)
 * starts the day after that end; "at least" (满, for the stop) starts on it; each {@link Elapsed}
 * says which. Every threshold is data ({@link #defaults()}).
 *
 * @param notStartedIdle    not started this long after the agreed start → idle (default more than 1 year)
 * @param notStartedReclaim not started this long after the agreed start → reclaim candidate (default more than 2 years)
 * @param idleFeePercent    闲置费 as % of the land price (default 20)
 * @param minDevelopedArea  started land with a developed share below this counts (default 1/3)
 * @param minInvestment     … or with an invested share below this (default 1/4)
 * @param stalledIdle       stopped this long → idle (default at least 1 year)
 * @param stalledReclaim    stopped this long → reclaim candidate; null (the default) never: SPEC §7
 *                          names 无偿收回 only for land never started
 */
public record IdleLandRules(Elapsed notStartedIdle, Elapsed notStartedReclaim, BigDecimal idleFeePercent,
                            Fraction minDevelopedArea, Fraction minInvestment, Elapsed stalledIdle, Elapsed stalledReclaim) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public IdleLandRules {
        Objects.requireNonNull(notStartedIdle, "notStartedIdle");
        Objects.requireNonNull(notStartedReclaim, "notStartedReclaim");
        Objects.requireNonNull(minDevelopedArea, "minDevelopedArea");
        Objects.requireNonNull(minInvestment, "minInvestment");
        Objects.requireNonNull(stalledIdle, "stalledIdle");
        if (idleFeePercent == null || idleFeePercent.signum() < 0 || idleFeePercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("闲置费比例应在0到100之间 / the idle fee must be 0 to 100 % of the land price");
        }
        LocalDate probe = LocalDate.of(2001, 1, 1);
        if (notStartedReclaim.firstDay(probe).isBefore(notStartedIdle.firstDay(probe))) {
            throw new IllegalArgumentException("无偿收回期限不能短于闲置期限 / the reclaim period must not be shorter than the idle period");
        }
    }

    /** The 闲置土地处置办法 defaults of SPEC §7. */
    public static IdleLandRules defaults() {
        return new IdleLandRules(Elapsed.moreThan(Period.ofYears(1)), Elapsed.moreThan(Period.ofYears(2)), new BigDecimal("20"),
                new Fraction(BigDecimal.ONE, new BigDecimal("3")), new Fraction(new BigDecimal("25"), HUNDRED),
                Elapsed.atLeast(Period.ofYears(1)), null);
    }

    /**
     * A span of time counted from a date. {@code inclusive}: reached on the day the period ends
     * ("at least", 满); otherwise the day after ("more than", 超过).
     */
    public record Elapsed(Period period, boolean inclusive) {
        public Elapsed {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("期限必须为正 / a period must be positive");
            }
        }

        public static Elapsed moreThan(Period p) {
            return new Elapsed(p, false);
        }

        public static Elapsed atLeast(Period p) {
            return new Elapsed(p, true);
        }

        /** The first day on which the span counts as elapsed. */
        public LocalDate firstDay(LocalDate from) {
            LocalDate end = from.plus(period);
            return inclusive ? end : end.plusDays(1);
        }

        public boolean reached(LocalDate from, LocalDate asOf) {
            return !asOf.isBefore(firstDay(from));
        }

        String describeZh() {
            return (inclusive ? "满" : "超过") + describe(period, true);
        }

        String describeEn() {
            return (inclusive ? "at least " : "more than ") + describe(period, false);
        }
    }

    /** An exact fraction (1/3 stays 1/3): numerator / denominator, denominator positive. */
    public record Fraction(BigDecimal numerator, BigDecimal denominator) {
        public Fraction {
            if (numerator == null || denominator == null || numerator.signum() < 0 || denominator.signum() <= 0) {
                throw new IllegalArgumentException("比例须为非负分子和正分母 / a fraction needs a non-negative numerator and a positive denominator");
            }
        }

        /** "1/3", or "25%" for a fraction of 100. */
        String describe() {
            if (denominator.compareTo(HUNDRED) == 0) {
                return numerator.stripTrailingZeros().toPlainString() + "%";
            }
            return numerator.stripTrailingZeros().toPlainString() + "/" + denominator.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * A part of a whole, compared exactly: developed 100 亩 of 300 亩 is exactly 1/3, not 0.3333.
     * Give the two amounts when you have them; {@link #of(BigDecimal)} takes a share already divided.
     */
    public record Share(BigDecimal part, BigDecimal whole) {
        public Share {
            if (part == null || whole == null || part.signum() < 0 || whole.signum() <= 0) {
                throw new IllegalArgumentException("比例须为非负部分和正总量 / a share needs a non-negative part and a positive whole");
            }
        }

        public static Share of(BigDecimal fraction) {
            return new Share(fraction, BigDecimal.ONE);
        }

        /** part / whole &lt; n / d, i.e. part × d &lt; whole × n. */
        public boolean below(Fraction f) {
            return part.multiply(f.denominator()).compareTo(whole.multiply(f.numerator())) < 0;
        }

        public BigDecimal percent() {
            return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
        }
    }

    /**
     * The parcel as of the check.
     *
     * @param agreedStart       约定动工日期
     * @param actualStart       实际动工日期, null when not started (a date after the check date counts as not started yet)
     * @param developedArea     已开发面积 / 应开发总面积 (may be null when not started)
     * @param invested          已投资额 / 总投资额 (may be null when not started)
     * @param stoppedOn         the day construction stopped (中止开发建设), null when it goes on
     * @param landPrice         土地出让或划拨价款, the basis of the 闲置费
     * @param governmentCaused  the delay was caused by the government (Art. 8): still idle, but no 闲置费 and no
     *                          无偿收回 — the county negotiates (extension, change of use, swap, compensated recovery)
     */
    public record Parcel(LocalDate agreedStart, LocalDate actualStart, Share developedArea, Share invested,
                         LocalDate stoppedOn, WanYuan landPrice, boolean governmentCaused) {
        public Parcel {
            if (agreedStart == null) {
                throw new IllegalArgumentException("缺少约定动工日期 / the agreed start date is missing");
            }
            if (landPrice == null || landPrice.value().signum() < 0) {
                throw new IllegalArgumentException("土地价款不能为空或负数 / the land price must be given and not negative");
            }
            if (stoppedOn != null && actualStart == null) {
                throw new IllegalArgumentException("未动工的地块不能有停工日期 / a parcel never started cannot have a stop date");
            }
            if (stoppedOn != null && stoppedOn.isBefore(actualStart)) {
                throw new IllegalArgumentException("停工日期早于动工日期 / construction cannot stop before it started");
            }
            if (actualStart != null && (developedArea == null || invested == null)) {
                throw new IllegalArgumentException("已动工地块须给出开发面积和投资比例 / a started parcel needs its developed area and invested share");
            }
        }
    }

    public enum Status {
        NOT_IDLE("未闲置", "not idle"),
        IDLE("闲置", "idle"),
        RECLAIM_CANDIDATE("拟无偿收回", "candidate for reclaiming without compensation");

        private final String nameZh;
        private final String nameEn;

        Status(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }
    }

    /**
     * The verdict. {@code idleFrom}/{@code reclaimFrom}: the first day the parcel is (or would be,
     * if nothing changes) idle / a reclaim candidate, null when the rule cannot apply. {@code fee}:
     * the 闲置费 due (levied once, from the idle date), zero when not idle or government-caused.
     */
    public record Result(Status status, LocalDate idleFrom, LocalDate reclaimFrom, WanYuan fee, List<String> reasons) {
        public Result {
            reasons = List.copyOf(reasons);
        }
    }

    /** The daily check for one parcel on {@code asOf}. */
    public Result evaluate(Parcel p, LocalDate asOf) {
        Objects.requireNonNull(p, "parcel");
        Objects.requireNonNull(asOf, "asOf");
        List<String> reasons = new ArrayList<>();
        boolean started = p.actualStart() != null && !p.actualStart().isAfter(asOf);
        LocalDate idleFrom;
        LocalDate reclaimFrom;
        if (!started) {
            idleFrom = notStartedIdle.firstDay(p.agreedStart());
            reclaimFrom = notStartedReclaim.firstDay(p.agreedStart());
            if (!asOf.isBefore(idleFrom)) {
                reasons.add("约定动工日期 " + p.agreedStart() + "，至 " + asOf + " 未动工，" + notStartedIdle.describeZh() + " / agreed start "
                        + p.agreedStart() + ", not started by " + asOf + ": " + notStartedIdle.describeEn());
            }
            if (!asOf.isBefore(reclaimFrom)) {
                reasons.add("未动工" + notStartedReclaim.describeZh() + "，属无偿收回情形 / not started " + notStartedReclaim.describeEn()
                        + ": may be reclaimed without compensation");
            }
        } else {
            boolean lowArea = p.developedArea().below(minDevelopedArea);
            boolean lowInvestment = p.invested().below(minInvestment);
            boolean stopped = p.stoppedOn() != null && !p.stoppedOn().isAfter(asOf);
            if (!(lowArea || lowInvestment) || !stopped) {
                String why = !(lowArea || lowInvestment)
                        ? "已开发 " + p.developedArea().percent() + "%、已投资 " + p.invested().percent() + "%，达到开发要求 / developed "
                        + p.developedArea().percent() + " %, invested " + p.invested().percent() + " %: enough to not count as idle"
                        : "已动工且未停工 / started and not stopped";
                return new Result(Status.NOT_IDLE, null, null, WanYuan.ZERO, List.of(why));
            }
            idleFrom = stalledIdle.firstDay(p.stoppedOn());
            reclaimFrom = stalledReclaim == null ? null : stalledReclaim.firstDay(p.stoppedOn());
            if (!asOf.isBefore(idleFrom)) {
                reasons.add((lowArea ? "已开发面积 " + p.developedArea().percent() + "% 不足 " + minDevelopedArea.describe() : "")
                        + (lowArea && lowInvestment ? "，" : "")
                        + (lowInvestment ? "已投资 " + p.invested().percent() + "% 不足 " + minInvestment.describe() : "")
                        + "，" + p.stoppedOn() + " 起中止开发建设" + stalledIdle.describeZh() + " / "
                        + (lowArea ? "developed " + p.developedArea().percent() + " % < " + minDevelopedArea.describe() : "")
                        + (lowArea && lowInvestment ? " and " : "")
                        + (lowInvestment ? "invested " + p.invested().percent() + " % < " + minInvestment.describe() : "")
                        + ", construction stopped since " + p.stoppedOn() + " (" + stalledIdle.describeEn() + ")");
            }
            if (reclaimFrom != null && !asOf.isBefore(reclaimFrom)) {
                reasons.add("中止开发建设" + stalledReclaim.describeZh() + "，属无偿收回情形 / stopped " + stalledReclaim.describeEn()
                        + ": may be reclaimed without compensation");
            }
        }
        if (asOf.isBefore(idleFrom)) {
            return new Result(Status.NOT_IDLE, idleFrom, reclaimFrom, WanYuan.ZERO,
                    List.of("将于 " + idleFrom + " 起认定为闲置 / would count as idle from " + idleFrom));
        }
        if (p.governmentCaused()) {
            reasons.add("因政府原因造成（第八条）：不征闲置费、不无偿收回，协商处置 / caused by the government (Art. 8): no idle fee, "
                    + "no reclaiming without compensation; to be settled by negotiation");
            return new Result(Status.IDLE, idleFrom, null, WanYuan.ZERO, reasons);
        }
        BigDecimal fee = p.landPrice().value().multiply(idleFeePercent).divide(HUNDRED).setScale(StandardLandReview.MONEY_SCALE, RoundingMode.HALF_UP);
        reasons.add("闲置费 = " + p.landPrice().value().toPlainString() + " 万元 × " + idleFeePercent.toPlainString() + "% = " + fee.toPlainString()
                + " 万元 / idle fee = land price × " + idleFeePercent.toPlainString() + " %");
        boolean reclaim = reclaimFrom != null && !asOf.isBefore(reclaimFrom);
        return new Result(reclaim ? Status.RECLAIM_CANDIDATE : Status.IDLE, idleFrom, reclaimFrom, new WanYuan(fee), reasons);
    }

    private static String describe(Period p, boolean zh) {
        StringBuilder s = new StringBuilder();
        if (p.getYears() != 0) {
            s.append(p.getYears()).append(zh ? "年" : p.getYears() == 1 ? " year" : " years");
        }
        if (p.getMonths() != 0) {
            s.append(zh || s.isEmpty() ? "" : " ").append(p.getMonths()).append(zh ? "个月" : p.getMonths() == 1 ? " month" : " months");
        }
        if (p.getDays() != 0) {
            s.append(zh || s.isEmpty() ? "" : " ").append(p.getDays()).append(zh ? "天" : p.getDays() == 1 ? " day" : " days");
        }
        return s.toString();
    }
}
