package org.mujun.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;

/**
 * Enterprise commitments (承诺), SPEC §7: every commitment an enterprise made — a 标准地 agreement or
 * the conditions of a subsidy — with its conditions (indicator thresholds with deadlines) and the
 * benefits received. Evaluated on a date against actual figures; a breach puts the enterprise on the
 * 失信 list and computes the clawback (追回) of the benefits received.
 * <ul>
 * <li>A condition is due on and after its deadline; before, it is pending and cannot be breached.</li>
 * <li>A due condition is met when the actual reaches the threshold (≥ for {@code AT_LEAST}, ≤ for
 * {@code AT_MOST}); a missing actual is a breach (no evidence, no pass).</li>
 * <li>Shortfall % = |threshold − actual| / threshold × 100 on the wrong side (100 when the
 * threshold is 0 or the actual is missing), 2 decimals half-up, at most 100 for the clawback share.</li>
 * <li>Clawback share: {@code FULL} 100 %; {@code PRO_RATA} the largest shortfall among the breached
 * conditions (so meeting one target does not dilute missing another).</li>
 * <li>Per benefit received on or before the evaluation date: principal = amount × share; interest =
 * principal × annual rate × days ÷ day-count basis, days from the day after receipt to the
 * evaluation date. Simple interest, 万元 with 4 decimals (1 元), half-up.</li>
 * </ul>
 */
public final class Commitments {

    static final int SCALE = 4;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Commitments() {
    }

    public enum SourceKind {
        STANDARD_LAND("标准地协议", "standard-land agreement"),
        SUBSIDY("补助兑现条件", "subsidy conditions"),
        OTHER("其他承诺", "other commitment");

        private final String nameZh;
        private final String nameEn;

        SourceKind(String nameZh, String nameEn) {
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

    /** Where a commitment comes from, e.g. (STANDARD_LAND, contract no.) or (SUBSIDY, 文号). */
    public record Source(SourceKind kind, String reference) {
        public Source {
            Objects.requireNonNull(kind, "kind");
            reference = reference == null ? "" : reference;
        }

        public String describe() {
            return kind.nameZh() + (reference.isEmpty() ? "" : " " + reference);
        }
    }

    public enum Direction { AT_LEAST, AT_MOST }

    /**
     * A condition: indicator (a code the caller's actuals use, and a display name), direction,
     * threshold (≥ 0) and deadline.
     */
    public record Condition(String indicator, String name, Direction direction, BigDecimal threshold, LocalDate deadline) {
        public Condition {
            if (indicator == null || indicator.isBlank()) {
                throw new IllegalArgumentException("承诺条件缺少指标 / a condition needs an indicator");
            }
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(deadline, "deadline");
            if (threshold == null || threshold.signum() < 0) {
                throw new IllegalArgumentException("承诺指标值不能为空或负数 / a condition's threshold must be given and not negative");
            }
            name = name == null || name.isBlank() ? indicator : name;
        }
    }

    /** A benefit received (资金、奖励、优惠), 万元, on a date. */
    public record Benefit(WanYuan amount, LocalDate receivedOn, String description) {
        public Benefit {
            if (amount == null || amount.value().signum() < 0) {
                throw new IllegalArgumentException("兑现金额不能为空或负数 / a benefit must be given and not negative");
            }
            Objects.requireNonNull(receivedOn, "receivedOn");
            description = description == null ? "" : description;
        }
    }

    public enum ClawbackMode {
        /** Everything received is clawed back. */
        FULL,
        /** The share equal to the largest shortfall. */
        PRO_RATA
    }

    /**
     * How a breach is settled.
     *
     * @param mode                  FULL or PRO_RATA
     * @param annualInterestPercent simple interest per year on the clawed-back principal
     * @param dayCountBasis         days per year for the interest (360 or 365)
     */
    public record ClawbackRule(ClawbackMode mode, BigDecimal annualInterestPercent, int dayCountBasis) {
        public ClawbackRule {
            Objects.requireNonNull(mode, "mode");
            if (annualInterestPercent == null || annualInterestPercent.signum() < 0) {
                throw new IllegalArgumentException("利率不能为空或负数 / the interest rate must be given and not negative");
            }
            if (dayCountBasis != 360 && dayCountBasis != 365) {
                throw new IllegalArgumentException("计息天数基准应为360或365 / the day-count basis must be 360 or 365");
            }
        }

        /**
         * The shipped default: pro-rata, 3.0 % a year (the 1-year LPR since 2025-05-20, the rate
         * "同期贷款利率" clauses now refer to), 360-day year (人民币利率管理规定: daily rate = annual ÷ 360).
         * Pro-rata because it is proportionate — an enterprise that reached 80 % of its target returns
         * 20 % — and mirrors the "同比例" clause of the land-transfer model contract; agreements that
         * demand everything back set FULL.
         */
        public static ClawbackRule defaults() {
            return new ClawbackRule(ClawbackMode.PRO_RATA, new BigDecimal("3.0"), 360);
        }
    }

    /** A commitment: id, enterprise, source, conditions, benefits received and the clawback rule. */
    public record Commitment(String id, Uscc enterprise, Source source, List<Condition> conditions, List<Benefit> benefits, ClawbackRule clawback) {
        public Commitment {
            Objects.requireNonNull(enterprise, "enterprise");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(clawback, "clawback");
            if (conditions == null || conditions.isEmpty()) {
                throw new IllegalArgumentException("承诺至少包含一个条件 / a commitment needs at least one condition");
            }
            conditions = List.copyOf(conditions);
            benefits = benefits == null ? List.of() : List.copyOf(benefits);
        }
    }

    public enum ConditionStatus {
        PENDING("未到期", "not yet due"),
        MET("已达到", "met"),
        BREACHED("未达到", "breached");

        private final String nameZh;
        private final String nameEn;

        ConditionStatus(String nameZh, String nameEn) {
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

    public record ConditionResult(Condition condition, ConditionStatus status, BigDecimal actual, BigDecimal shortfallPercent) {
    }

    /** One benefit's clawback: principal, interest days and interest. */
    public record ClawbackLine(Benefit benefit, WanYuan principal, long days, WanYuan interest) {
    }

    public record Clawback(BigDecimal sharePercent, List<ClawbackLine> lines, WanYuan principal, WanYuan interest, WanYuan total) {
        public Clawback {
            lines = List.copyOf(lines);
        }
    }

    /** An entry for the 失信 list. */
    public record DishonestyEntry(Uscc enterprise, LocalDate on, Source source, String reason) {
    }

    /** The evaluation; {@code clawback} and {@code dishonesty} are null unless breached. */
    public record Evaluation(String commitmentId, LocalDate asOf, List<ConditionResult> conditions, boolean breached,
                             Clawback clawback, DishonestyEntry dishonesty) {
        public Evaluation {
            conditions = List.copyOf(conditions);
        }
    }

    /** Evaluates a commitment on {@code asOf} with actual figures keyed by indicator code. */
    public static Evaluation evaluate(Commitment c, Map<String, BigDecimal> actuals, LocalDate asOf) {
        Objects.requireNonNull(c, "commitment");
        Objects.requireNonNull(actuals, "actuals");
        Objects.requireNonNull(asOf, "asOf");
        List<ConditionResult> results = new ArrayList<>();
        BigDecimal worst = BigDecimal.ZERO;
        List<String> breachedZh = new ArrayList<>();
        List<String> breachedEn = new ArrayList<>();
        for (Condition cond : c.conditions()) {
            BigDecimal actual = actuals.get(cond.indicator());
            if (asOf.isBefore(cond.deadline())) {
                results.add(new ConditionResult(cond, ConditionStatus.PENDING, actual, null));
                continue;
            }
            BigDecimal shortfall = shortfall(cond, actual);
            if (shortfall.signum() == 0) {
                results.add(new ConditionResult(cond, ConditionStatus.MET, actual, shortfall));
                continue;
            }
            results.add(new ConditionResult(cond, ConditionStatus.BREACHED, actual, shortfall));
            worst = worst.max(shortfall);
            String op = cond.direction() == Direction.AT_LEAST ? "≥" : "≤";
            String act = actual == null ? "无数据" : actual.toPlainString();
            breachedZh.add(cond.name() + " 承诺" + op + cond.threshold().toPlainString() + "（" + cond.deadline() + " 前），实际 " + act);
            breachedEn.add(cond.name() + " committed " + op + " " + cond.threshold().toPlainString() + " by " + cond.deadline() + ", actual "
                    + (actual == null ? "missing" : actual.toPlainString()));
        }
        if (breachedZh.isEmpty()) {
            return new Evaluation(c.id(), asOf, results, false, null, null);
        }
        BigDecimal share = c.clawback().mode() == ClawbackMode.FULL ? HUNDRED : worst.min(HUNDRED);
        List<ClawbackLine> lines = new ArrayList<>();
        BigDecimal principal = BigDecimal.ZERO.setScale(SCALE);
        BigDecimal interest = BigDecimal.ZERO.setScale(SCALE);
        BigDecimal dailyBase = HUNDRED.multiply(BigDecimal.valueOf(c.clawback().dayCountBasis()));
        for (Benefit b : c.benefits()) {
            if (b.receivedOn().isAfter(asOf)) {
                continue; // not received yet as of the evaluation
            }
            BigDecimal p = b.amount().value().multiply(share).divide(HUNDRED).setScale(SCALE, RoundingMode.HALF_UP);
            long days = ChronoUnit.DAYS.between(b.receivedOn(), asOf);
            BigDecimal i = p.multiply(c.clawback().annualInterestPercent()).multiply(BigDecimal.valueOf(days))
                    .divide(dailyBase, SCALE, RoundingMode.HALF_UP);
            lines.add(new ClawbackLine(b, new WanYuan(p), days, new WanYuan(i)));
            principal = principal.add(p);
            interest = interest.add(i);
        }
        Clawback clawback = new Clawback(share, lines, new WanYuan(principal), new WanYuan(interest), new WanYuan(principal.add(interest)));
        DishonestyEntry entry = new DishonestyEntry(c.enterprise(), asOf, c.source(),
                c.source().describe() + "：" + String.join("；", breachedZh) + " / " + c.source().kind().nameEn()
                        + (c.source().reference().isEmpty() ? "" : " " + c.source().reference()) + ": " + String.join("; ", breachedEn));
        return new Evaluation(c.id(), asOf, results, true, clawback, entry);
    }

    /** Shortfall in percent (2 decimals) of a due condition; 0 when met. */
    static BigDecimal shortfall(Condition c, BigDecimal actual) {
        if (actual == null) {
            return HUNDRED.setScale(2);
        }
        BigDecimal gap = c.direction() == Direction.AT_LEAST ? c.threshold().subtract(actual) : actual.subtract(c.threshold());
        if (gap.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (c.threshold().signum() == 0) {
            return HUNDRED.setScale(2);
        }
        BigDecimal s = gap.multiply(HUNDRED).divide(c.threshold(), 2, RoundingMode.HALF_UP);
        // a breach too small to show at 2 decimals still shows as a breach
        return s.signum() == 0 ? new BigDecimal("0.01") : s;
    }
}
