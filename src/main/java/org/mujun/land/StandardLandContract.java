package org.mujun.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mujun.common.Mu;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;

/**
 * A 标准地 (standard land) transfer contract, SPEC §7: the parcel is sold with committed
 * indicators and agreed dates, and at 达产复核 the actual figures are compared with the commitments
 * ({@link StandardLandReview}). The contract is an aggregate with guarded transitions:
 * <pre>
 * 出让 TRANSFERRED → 开工 STARTED → 竣工 COMPLETED → 投产 IN_PRODUCTION → 达产复核 REVIEWED (pass)
 *                                                                    ↘ REVIEW_FAILED → 整改 RECTIFYING → re-review …
 *                                                                    ↘ REVIEW_FAILED → 收回 RECLAIMED
 * TRANSFERRED / STARTED → RECLAIMED (闲置土地无偿收回, see {@link IdleLandRules})
 * </pre>
 * An illegal move throws {@link IllegalArgumentException} with a bilingual message naming the
 * current stage and the move. Every number a county may change (违约金 basis and rate, caps, 整改期限,
 * the reclaim threshold) lives in the contract's {@link ConsequenceRule}, never in code.
 */
public final class StandardLandContract {

    /** Which way an indicator is good: most are "at least" commitments, energy per value added is "at most". */
    public enum Direction {
        HIGHER_IS_BETTER("不低于", "at least"),
        LOWER_IS_BETTER("不高于", "at most");

        private final String nameZh;
        private final String nameEn;

        Direction(String nameZh, String nameEn) {
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

    /** The committed indicators of a 标准地 contract, each with its unit and direction. */
    public enum Indicator {
        INVESTMENT_INTENSITY("固定资产投资强度", "Fixed-asset investment intensity", "万元/亩", Direction.HIGHER_IS_BETTER),
        FLOOR_AREA_RATIO("容积率", "Floor area ratio", "", Direction.HIGHER_IS_BETTER),
        TAX_PER_MU("亩均税收", "Tax per mu", "万元/亩", Direction.HIGHER_IS_BETTER),
        VALUE_ADDED_PER_MU("亩均增加值", "Value added per mu", "万元/亩", Direction.HIGHER_IS_BETTER),
        /** 单位能耗增加值: value added per tce, higher is better. */
        VALUE_ADDED_PER_ENERGY("单位能耗增加值", "Value added per unit of energy", "万元/tce", Direction.HIGHER_IS_BETTER),
        /** 单位增加值能耗: the same commitment written the other way round, lower is better. */
        ENERGY_PER_VALUE_ADDED("单位增加值能耗", "Energy per unit of value added", "tce/万元", Direction.LOWER_IS_BETTER),
        /** 单位排放增加值: value added per tonne of major pollutants emitted, higher is better. */
        VALUE_ADDED_PER_EMISSION("单位排放增加值", "Value added per unit of emissions", "万元/t", Direction.HIGHER_IS_BETTER),
        /** R&D占比: R&D spending as a percentage of revenue. */
        RD_SHARE("R&D占比", "R&D share of revenue", "%", Direction.HIGHER_IS_BETTER);

        private final String nameZh;
        private final String nameEn;
        private final String unit;
        private final Direction direction;

        Indicator(String nameZh, String nameEn, String unit, Direction direction) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.unit = unit;
            this.direction = direction;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }

        public String unit() {
            return unit;
        }

        public Direction direction() {
            return direction;
        }
    }

    /** Lifecycle stages; names as the SPEC writes them. */
    public enum Stage {
        TRANSFERRED("出让", "transferred"),
        STARTED("开工", "construction started"),
        COMPLETED("竣工", "construction completed"),
        IN_PRODUCTION("投产", "in production"),
        REVIEWED("达产复核通过", "passed the capacity review"),
        REVIEW_FAILED("达产复核未通过", "failed the capacity review"),
        RECTIFYING("整改中", "rectifying"),
        RECLAIMED("已收回", "reclaimed");

        private final String nameZh;
        private final String nameEn;

        Stage(String nameZh, String nameEn) {
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

    /** The dates agreed in the contract: 交地, 开工, 竣工, 投产, 达产复核 (each on or after the previous). */
    public record AgreedDates(LocalDate delivery, LocalDate start, LocalDate completion, LocalDate production, LocalDate review) {
        public AgreedDates {
            LocalDate[] ds = {delivery, start, completion, production, review};
            String[] names = {"交地", "开工", "竣工", "投产", "达产复核"};
            String[] namesEn = {"delivery", "start", "completion", "production", "review"};
            for (int i = 0; i < ds.length; i++) {
                if (ds[i] == null) {
                    throw new IllegalArgumentException("缺少约定" + names[i] + "日期 / the agreed " + namesEn[i] + " date is missing");
                }
                if (i > 0 && ds[i].isBefore(ds[i - 1])) {
                    throw new IllegalArgumentException("约定" + names[i] + "日期早于" + names[i - 1] + "日期 / the agreed " + namesEn[i]
                            + " date is before the " + namesEn[i - 1] + " date");
                }
            }
        }
    }

    /** How a shortfall becomes 违约金. */
    public enum PenaltyBasis {
        /**
         * {@code rate} % of the land price per percentage point of shortfall. Rate 1 is the national model
         * contract's "同比例" clause: a 10 % shortfall costs 10 % of the land price.
         */
        SHARE_OF_LAND_PRICE,
        /** {@code rate} 万元 per 亩 of the parcel per percentage point of shortfall. */
        PER_MU_PER_POINT
    }

    /** One penalty term: basis and rate (meaning per {@link PenaltyBasis}). A rate of 0 means no 违约金. */
    public record PenaltyTerm(PenaltyBasis basis, BigDecimal rate) {
        public PenaltyTerm {
            Objects.requireNonNull(basis, "basis");
            if (rate == null || rate.signum() < 0) {
                throw new IllegalArgumentException("违约金费率不能为负 / the penalty rate must not be negative");
            }
        }
    }

    /**
     * The contract's consequence rule (违约责任). All numbers are data:
     *
     * @param defaultTerm                 违约金 term for every failed indicator …
     * @param termOverrides               … unless an indicator has its own term here
     * @param capPercentOfLandPrice       total 违约金 at most this % of the land price (null: no such cap)
     * @param capAmount                   total 违约金 at most this amount (null: no such cap); the lower cap applies
     * @param rectificationMonths         整改期限: months from the review date
     * @param reclaimShortfallPercent     收回 when an indicator's shortfall exceeds this % (strictly; null: never by shortfall)
     * @param reclaimAfterFailedReReviews 收回 when this many re-reviews have failed (0: never by re-review)
     * @param penaltyOnReReview           whether a failed re-review charges 违约金 again (default no: the shortfall was already charged)
     * @param tolerancePercent            an indicator passes when its shortfall is at most this % (0: exact)
     */
    public record ConsequenceRule(PenaltyTerm defaultTerm, Map<Indicator, PenaltyTerm> termOverrides,
                                  BigDecimal capPercentOfLandPrice, WanYuan capAmount, int rectificationMonths,
                                  BigDecimal reclaimShortfallPercent, int reclaimAfterFailedReReviews,
                                  boolean penaltyOnReReview, BigDecimal tolerancePercent) {

        public ConsequenceRule {
            Objects.requireNonNull(defaultTerm, "defaultTerm");
            termOverrides = termOverrides == null || termOverrides.isEmpty()
                    ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(termOverrides));
            if (capPercentOfLandPrice != null && capPercentOfLandPrice.signum() < 0
                    || capAmount != null && capAmount.value().signum() < 0) {
                throw new IllegalArgumentException("违约金上限不能为负 / the penalty cap must not be negative");
            }
            if (rectificationMonths < 0 || reclaimAfterFailedReReviews < 0) {
                throw new IllegalArgumentException("整改期限和复核次数不能为负 / months and re-review counts must not be negative");
            }
            if (reclaimShortfallPercent != null && reclaimShortfallPercent.signum() < 0) {
                throw new IllegalArgumentException("收回阈值不能为负 / the reclaim threshold must not be negative");
            }
            if (tolerancePercent == null || tolerancePercent.signum() < 0) {
                throw new IllegalArgumentException("容差不能为负 / the tolerance must not be negative");
            }
        }

        /**
         * The shipped sample: 违约金 同比例 (1 % of the land price per point of shortfall, per failed
         * indicator), at most 20 % of the land price in total; 12 months to rectify; 收回 when an
         * indicator misses by more than 50 % or the first re-review fails; no tolerance.
         * These are examples: each contract states its own terms.
         */
        public static ConsequenceRule defaults() {
            return new ConsequenceRule(new PenaltyTerm(PenaltyBasis.SHARE_OF_LAND_PRICE, BigDecimal.ONE), Map.of(),
                    new BigDecimal("20"), null, 12, new BigDecimal("50"), 1, false, BigDecimal.ZERO);
        }

        public PenaltyTerm termFor(Indicator indicator) {
            return termOverrides.getOrDefault(indicator, defaultTerm);
        }
    }

    /**
     * What does not change after signing: identity, parties, land, price, commitments (each
     * strictly positive, in the indicator's unit), agreed dates and the consequence rule.
     */
    public record Terms(String contractNo, long parcelId, Uscc enterprise, Mu area, WanYuan landPrice, LocalDate transferredOn,
                        Map<Indicator, BigDecimal> commitments, AgreedDates agreed, ConsequenceRule rule) {
        public Terms {
            if (contractNo == null || contractNo.isBlank()) {
                throw new IllegalArgumentException("缺少合同编号 / the contract number is missing");
            }
            Objects.requireNonNull(enterprise, "enterprise");
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(transferredOn, "transferredOn");
            Objects.requireNonNull(agreed, "agreed");
            Objects.requireNonNull(rule, "rule");
            if (area.value().signum() <= 0) {
                throw new IllegalArgumentException("出让面积必须为正 / the parcel area must be positive");
            }
            if (landPrice == null || landPrice.value().signum() < 0) {
                throw new IllegalArgumentException("出让价款不能为空或负数 / the land price must be given and not negative");
            }
            if (commitments == null || commitments.isEmpty()) {
                throw new IllegalArgumentException("标准地合同至少约定一项指标 / a standard-land contract commits at least one indicator");
            }
            for (Map.Entry<Indicator, BigDecimal> c : commitments.entrySet()) {
                if (c.getValue() == null || c.getValue().signum() <= 0) {
                    throw new IllegalArgumentException(c.getKey().nameZh() + "的约定值必须为正数 / the committed "
                            + c.getKey().nameEn() + " must be a positive number");
                }
            }
            commitments = Collections.unmodifiableMap(new EnumMap<>(commitments));
        }
    }

    /** A stage change as it happened (the history a page shows). */
    public record StageChange(Stage from, Stage to, LocalDate on, String note) {
    }

    /** What a recorded review decided; kept so the next move can be guarded. */
    public record ReviewOutcome(int round, LocalDate on, boolean passed, boolean reclaim, LocalDate rectificationDeadline) {
    }

    private final Terms terms;
    private Stage stage;
    private final List<StageChange> history = new ArrayList<>();
    private final List<ReviewOutcome> reviews = new ArrayList<>();

    /** A newly signed contract: stage 出让 TRANSFERRED. */
    public StandardLandContract(Terms terms) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.stage = Stage.TRANSFERRED;
    }

    /** Rebuilds a stored contract (stage, history and review outcomes as stored). */
    public static StandardLandContract restore(Terms terms, Stage stage, List<StageChange> history, List<ReviewOutcome> reviews) {
        StandardLandContract c = new StandardLandContract(terms);
        c.stage = Objects.requireNonNull(stage, "stage");
        c.history.addAll(history);
        c.reviews.addAll(reviews);
        return c;
    }

    public Terms terms() {
        return terms;
    }

    public Stage stage() {
        return stage;
    }

    public List<StageChange> history() {
        return List.copyOf(history);
    }

    public List<ReviewOutcome> reviews() {
        return List.copyOf(reviews);
    }

    /** The round the next review will be: 1 is the first 达产复核, 2 and later are re-reviews. */
    public int nextReviewRound() {
        return reviews.size() + 1;
    }

    /** Failed reviews after the first one. */
    public int failedReReviews() {
        return (int) reviews.stream().filter(r -> r.round() > 1 && !r.passed()).count();
    }

    public ReviewOutcome lastReview() {
        return reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
    }

    /** The date the contract entered its current stage (the transfer date while TRANSFERRED). */
    public LocalDate stageSince() {
        return history.isEmpty() ? terms.transferredOn() : history.get(history.size() - 1).on();
    }

    /** The date the contract last entered {@code s}, or null. */
    public LocalDate enteredOn(Stage s) {
        if (s == Stage.TRANSFERRED) {
            return terms.transferredOn();
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == s) {
                return history.get(i).on();
            }
        }
        return null;
    }

    /** 开工: TRANSFERRED → STARTED. */
    public StandardLandContract markStarted(LocalDate on) {
        require("标记开工", "mark construction started", on, Stage.TRANSFERRED);
        return move(Stage.STARTED, on, null);
    }

    /** 竣工: STARTED → COMPLETED. */
    public StandardLandContract markCompleted(LocalDate on) {
        require("标记竣工", "mark construction completed", on, Stage.STARTED);
        return move(Stage.COMPLETED, on, null);
    }

    /** 投产: COMPLETED → IN_PRODUCTION. */
    public StandardLandContract markInProduction(LocalDate on) {
        require("标记投产", "mark in production", on, Stage.COMPLETED);
        return move(Stage.IN_PRODUCTION, on, null);
    }

    /**
     * Records a 达产复核 (or re-review) computed by {@link StandardLandReview#review}: IN_PRODUCTION or
     * RECTIFYING → REVIEWED (passed) or REVIEW_FAILED. The result must be for this contract and for
     * {@link #nextReviewRound()}, so the same result cannot be recorded twice.
     */
    public StandardLandContract recordReview(StandardLandReview.Result result) {
        Objects.requireNonNull(result, "result");
        require("记录达产复核", "record a capacity review", result.reviewedOn(), Stage.IN_PRODUCTION, Stage.RECTIFYING);
        if (!result.contractNo().equals(terms.contractNo()) || result.round() != nextReviewRound()) {
            throw new IllegalArgumentException("复核结果不属于合同 " + terms.contractNo() + " 的第 " + nextReviewRound() + " 次复核 / the review result is not round "
                    + nextReviewRound() + " of contract " + terms.contractNo());
        }
        StandardLandReview.Consequence c = result.consequence();
        reviews.add(new ReviewOutcome(result.round(), result.reviewedOn(), result.passed(), c.reclaim(), c.rectificationDeadline()));
        String note = (result.round() == 1 ? "达产复核 / capacity review" : "第 " + result.round() + " 次复核 / re-review " + result.round())
                + (result.passed() ? "：通过 / passed" : "：未通过 / failed");
        return move(result.passed() ? Stage.REVIEWED : Stage.REVIEW_FAILED, result.reviewedOn(), note);
    }

    /** 整改: REVIEW_FAILED → RECTIFYING, refused when the review decided 收回. */
    public StandardLandContract startRectification(LocalDate on) {
        require("开始整改", "start rectification", on, Stage.REVIEW_FAILED);
        ReviewOutcome last = lastReview();
        if (last != null && last.reclaim()) {
            throw new IllegalArgumentException("合同 " + terms.contractNo() + " 的复核结论为收回，不能进入整改 / contract " + terms.contractNo()
                    + ": the review decided to reclaim the land, so it cannot enter rectification");
        }
        return move(Stage.RECTIFYING, on, last == null || last.rectificationDeadline() == null ? null
                : "整改期限 / deadline " + last.rectificationDeadline());
    }

    /**
     * 收回: from REVIEW_FAILED when the review decided 收回, or from TRANSFERRED / STARTED when the
     * land is reclaimed as idle (闲置土地无偿收回, {@link IdleLandRules}). A reason is required.
     */
    public StandardLandContract markReclaimed(LocalDate on, String reason) {
        require("收回土地", "reclaim the land", on, Stage.TRANSFERRED, Stage.STARTED, Stage.REVIEW_FAILED);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("收回须写明原因 / reclaiming needs a reason");
        }
        if (stage == Stage.REVIEW_FAILED && !lastReview().reclaim()) {
            throw new IllegalArgumentException("合同 " + terms.contractNo() + " 的复核结论不是收回，应先整改再复核 / contract " + terms.contractNo()
                    + ": the review did not decide to reclaim; rectify and re-review first");
        }
        return move(Stage.RECLAIMED, on, reason);
    }

    private void require(String actionZh, String actionEn, LocalDate on, Stage... allowed) {
        Objects.requireNonNull(on, "date");
        boolean ok = false;
        for (Stage s : allowed) {
            ok |= s == stage;
        }
        if (!ok) {
            StringBuilder zh = new StringBuilder();
            StringBuilder en = new StringBuilder();
            for (Stage s : allowed) {
                zh.append(zh.isEmpty() ? "" : "、").append(s.nameZh());
                en.append(en.isEmpty() ? "" : ", ").append(s.name());
            }
            throw new IllegalArgumentException("标准地合同 " + terms.contractNo() + " 当前为「" + stage.nameZh() + "」，不能" + actionZh
                    + "（仅限「" + zh + "」） / standard-land contract " + terms.contractNo() + " is " + stage.name() + " (" + stage.nameEn()
                    + "); cannot " + actionEn + " (only from " + en + ")");
        }
        LocalDate since = stageSince();
        if (on.isBefore(since)) {
            throw new IllegalArgumentException("日期 " + on + " 早于当前阶段「" + stage.nameZh() + "」的日期 " + since + " / date " + on
                    + " is before " + since + ", when the contract became " + stage.name());
        }
    }

    private StandardLandContract move(Stage to, LocalDate on, String note) {
        history.add(new StageChange(stage, to, on, note));
        stage = to;
        return this;
    }
}
