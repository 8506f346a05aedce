package org.mujun.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;
import org.mujun.land.StandardLandContract.ConsequenceRule;
import org.mujun.land.StandardLandContract.Direction;
import org.mujun.land.StandardLandContract.Indicator;
import org.mujun.land.StandardLandContract.PenaltyBasis;
import org.mujun.land.StandardLandContract.PenaltyTerm;
import org.mujun.land.StandardLandContract.Stage;

/**
 * 达产复核 (对标验收), SPEC §7: compares the actual figures with each commitment of a
 * {@link StandardLandContract} and works out the agreed consequence. Pure: computing a review does
 * not change the contract; {@link StandardLandContract#recordReview} records it.
 * <p>
 * Per indicator (committed value c &gt; 0, actual a):
 * <ul>
 * <li>shortfall % = (c − a) / c × 100 when higher is better and a &lt; c; (a − c) / c × 100 when lower is
 * better and a &gt; c; otherwise 0. Shown and used with 2 decimals (half-up).</li>
 * <li>the indicator passes when its exact shortfall is at most the rule's tolerance (0 by default: a
 * must reach c). A missing actual fails with shortfall 100 % (no data, no pass).</li>
 * <li>违约金 of a failed indicator: {@code SHARE_OF_LAND_PRICE}: land price × shortfall % × rate / 100;
 * {@code PER_MU_PER_POINT}: area (亩) × shortfall % × rate (万元).</li>
 * </ul>
 * The 违约金 total is the sum over failed indicators, limited by the rule's caps; a re-review charges it
 * again only when the rule says so. 收回 when an indicator's shortfall exceeds the rule's threshold or
 * the failed re-reviews reach the rule's count; otherwise the deadline to rectify is the review date
 * plus the rule's months. Money is in 万元 with 4 decimals (1 元), half-up.
 */
public final class StandardLandReview {

    public static final int MONEY_SCALE = 4;
    public static final int PERCENT_SCALE = 2;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private StandardLandReview() {
    }

    /** One indicator compared; {@code actual} null when no figure was given. */
    public record IndicatorResult(Indicator indicator, BigDecimal committed, BigDecimal actual, boolean passed,
                                  BigDecimal shortfallPercent, PenaltyTerm term, WanYuan penalty) {

        /** A one-line explanation a county official can check by hand. */
        public String explanation() {
            String cmp = indicator.direction().nameZh() + " " + committed.toPlainString() + " " + indicator.unit();
            if (actual == null) {
                return indicator.nameZh() + "：约定" + cmp + "，无实际数据，按未达标（差距100%）计 / " + indicator.nameEn()
                        + ": committed " + indicator.direction().nameEn() + " " + committed.toPlainString() + ", no actual figure: counted as failed (100 % short)";
            }
            return indicator.nameZh() + "：约定" + cmp + "，实际 " + actual.toPlainString() + (passed ? "，达标" : "，差距 " + shortfallPercent.toPlainString()
                    + "%，违约金 " + penalty.value().toPlainString() + " 万元") + " / " + indicator.nameEn() + ": committed " + indicator.direction().nameEn()
                    + " " + committed.toPlainString() + ", actual " + actual.toPlainString() + (passed ? ", met" : ", " + shortfallPercent.toPlainString()
                    + " % short, penalty " + penalty.value().toPlainString() + " 万元");
        }
    }

    /**
     * The consequence: 违约金 before and after the cap (cap null when none applies), the 整改 deadline
     * (null when passed or reclaimed), whether the land is to be reclaimed (收回), and why.
     */
    public record Consequence(WanYuan penaltyBeforeCap, WanYuan penaltyCap, WanYuan penalty, LocalDate rectificationDeadline,
                              boolean reclaim, List<String> reasons) {
        public Consequence {
            reasons = List.copyOf(reasons);
        }

        public boolean capped() {
            return penalty.value().compareTo(penaltyBeforeCap.value()) < 0;
        }
    }

    public enum CreditKind {
        /** 守信: the commitments were met. */
        KEPT("守信", "kept"),
        /** 失信: a commitment was broken; the enterprise goes on the 失信 list. */
        BROKEN("失信", "broken");

        private final String nameZh;
        private final String nameEn;

        CreditKind(String nameZh, String nameEn) {
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

    /** A credit-record entry for the enterprise (信用记录); {@code source} names the contract. */
    public record CreditEntry(Uscc enterprise, LocalDate on, CreditKind kind, String source, String reason) {
    }

    /** The whole review: every indicator, overall pass, the consequence and the credit entry. */
    public record Result(String contractNo, int round, LocalDate reviewedOn, List<IndicatorResult> indicators, boolean passed,
                         Consequence consequence, CreditEntry credit) {
        public Result {
            indicators = List.copyOf(indicators);
        }

        public IndicatorResult indicator(Indicator i) {
            return indicators.stream().filter(r -> r.indicator() == i).findFirst().orElse(null);
        }

        public List<IndicatorResult> failed() {
            return indicators.stream().filter(r -> !r.passed()).toList();
        }
    }

    /**
     * Reviews a contract that is IN_PRODUCTION (达产复核) or RECTIFYING (re-review) on {@code on}
     * with the actual figures (in each indicator's unit; indicators without a commitment are ignored).
     */
    public static Result review(StandardLandContract contract, Map<Indicator, BigDecimal> actuals, LocalDate on) {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(actuals, "actuals");
        Objects.requireNonNull(on, "on");
        StandardLandContract.Terms t = contract.terms();
        if (contract.stage() != Stage.IN_PRODUCTION && contract.stage() != Stage.RECTIFYING) {
            throw new IllegalArgumentException("标准地合同 " + t.contractNo() + " 当前为「" + contract.stage().nameZh() + "」，只有投产或整改中的合同可以复核 / contract "
                    + t.contractNo() + " is " + contract.stage().name() + "; only a contract IN_PRODUCTION or RECTIFYING can be reviewed");
        }
        if (on.isBefore(contract.stageSince())) {
            throw new IllegalArgumentException("复核日期 " + on + " 早于 " + contract.stageSince() + " / review date " + on + " is before " + contract.stageSince());
        }
        ConsequenceRule rule = t.rule();
        int round = contract.nextReviewRound();
        boolean charge = round == 1 || rule.penaltyOnReReview();

        List<IndicatorResult> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(MONEY_SCALE);
        BigDecimal worst = BigDecimal.ZERO;
        Indicator worstIndicator = null;
        for (Map.Entry<Indicator, BigDecimal> e : t.commitments().entrySet()) {
            Indicator ind = e.getKey();
            BigDecimal committed = e.getValue();
            BigDecimal actual = actuals.get(ind);
            BigDecimal exact = actual == null ? HUNDRED : shortfall(ind.direction(), committed, actual);
            boolean passed = actual != null && exact.compareTo(rule.tolerancePercent()) <= 0;
            BigDecimal shown = exact.setScale(PERCENT_SCALE, RoundingMode.HALF_UP);
            PenaltyTerm term = rule.termFor(ind);
            BigDecimal penalty = BigDecimal.ZERO.setScale(MONEY_SCALE);
            if (!passed) {
                if (charge) {
                    penalty = penalty(term, shown, t.landPrice().value(), t.area().value());
                }
                total = total.add(penalty);
                if (shown.compareTo(worst) > 0 || worstIndicator == null) {
                    worst = shown;
                    worstIndicator = ind;
                }
            }
            lines.add(new IndicatorResult(ind, committed, actual, passed, passed ? BigDecimal.ZERO.setScale(PERCENT_SCALE) : shown, term, new WanYuan(penalty)));
        }
        boolean passed = lines.stream().allMatch(IndicatorResult::passed);

        BigDecimal cap = cap(rule, t.landPrice().value());
        BigDecimal penalty = cap != null && total.compareTo(cap) > 0 ? cap : total;
        List<String> reasons = new ArrayList<>();
        boolean reclaim = false;
        LocalDate deadline = null;
        if (!passed) {
            for (IndicatorResult r : lines) {
                if (!r.passed()) {
                    reasons.add(r.explanation());
                }
            }
            if (!charge) {
                reasons.add("复核不再收取违约金（合同约定） / no further penalty at a re-review (per the contract)");
            }
            if (penalty.compareTo(total) < 0) {
                reasons.add("违约金合计 " + total.toPlainString() + " 万元，按上限 " + cap.toPlainString() + " 万元收取 / penalties total "
                        + total.toPlainString() + " 万元, limited to the cap of " + cap.toPlainString() + " 万元");
            }
            if (rule.reclaimShortfallPercent() != null && worst.compareTo(rule.reclaimShortfallPercent()) > 0) {
                reclaim = true;
                reasons.add(worstIndicator.nameZh() + "差距 " + worst.toPlainString() + "% 超过 " + rule.reclaimShortfallPercent().toPlainString()
                        + "%，收回土地 / " + worstIndicator.nameEn() + " is " + worst.toPlainString() + " % short, more than "
                        + rule.reclaimShortfallPercent().toPlainString() + " %: the land is reclaimed");
            }
            int failedReReviews = contract.failedReReviews() + (round > 1 ? 1 : 0);
            if (rule.reclaimAfterFailedReReviews() > 0 && failedReReviews >= rule.reclaimAfterFailedReReviews()) {
                reclaim = true;
                reasons.add("整改后复核仍未通过（" + failedReReviews + " 次），收回土地 / the re-review after rectification failed ("
                        + failedReReviews + "): the land is reclaimed");
            }
            if (!reclaim) {
                deadline = on.plusMonths(rule.rectificationMonths());
                reasons.add("限期整改至 " + deadline + "（" + rule.rectificationMonths() + " 个月） / rectify by " + deadline
                        + " (" + rule.rectificationMonths() + " months)");
            }
        }
        Consequence consequence = new Consequence(new WanYuan(total), cap == null ? null : new WanYuan(cap), new WanYuan(penalty), deadline, reclaim, reasons);
        String source = "标准地合同 " + t.contractNo() + (round == 1 ? " 达产复核" : " 第 " + round + " 次复核");
        CreditEntry credit = passed
                ? new CreditEntry(t.enterprise(), on, CreditKind.KEPT, source, "承诺指标全部达标 / all committed indicators met")
                : new CreditEntry(t.enterprise(), on, CreditKind.BROKEN, source, String.join("；", failedNames(lines))
                        + " 未达约定标准 / not met: " + String.join(", ", failedNamesEn(lines)));
        return new Result(t.contractNo(), round, on, lines, passed, consequence, credit);
    }

    /** Shortfall in percent, exact to 10 decimals; 0 when the commitment is met. */
    static BigDecimal shortfall(Direction d, BigDecimal committed, BigDecimal actual) {
        BigDecimal gap = d == Direction.HIGHER_IS_BETTER ? committed.subtract(actual) : actual.subtract(committed);
        if (gap.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return gap.multiply(HUNDRED).divide(committed, 10, RoundingMode.HALF_UP);
    }

    static BigDecimal penalty(PenaltyTerm term, BigDecimal shortfallPercent, BigDecimal landPrice, BigDecimal areaMu) {
        BigDecimal raw = term.basis() == PenaltyBasis.SHARE_OF_LAND_PRICE
                ? landPrice.multiply(shortfallPercent).multiply(term.rate()).divide(HUNDRED)
                : areaMu.multiply(shortfallPercent).multiply(term.rate());
        return raw.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal cap(ConsequenceRule rule, BigDecimal landPrice) {
        BigDecimal cap = null;
        if (rule.capPercentOfLandPrice() != null) {
            cap = landPrice.multiply(rule.capPercentOfLandPrice()).divide(HUNDRED).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
        }
        if (rule.capAmount() != null) {
            BigDecimal amount = rule.capAmount().value().setScale(MONEY_SCALE, RoundingMode.HALF_UP);
            cap = cap == null || amount.compareTo(cap) < 0 ? amount : cap;
        }
        return cap;
    }

    private static List<String> failedNames(List<IndicatorResult> lines) {
        return lines.stream().filter(r -> !r.passed()).map(r -> r.indicator().nameZh()).toList();
    }

    private static List<String> failedNamesEn(List<IndicatorResult> lines) {
        return lines.stream().filter(r -> !r.passed()).map(r -> r.indicator().nameEn()).toList();
    }
}
