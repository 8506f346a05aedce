package org.mujun.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.common.Mu;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;
import org.mujun.land.StandardLandContract.AgreedDates;
import org.mujun.land.StandardLandContract.ConsequenceRule;
import org.mujun.land.StandardLandContract.Indicator;
import org.mujun.land.StandardLandContract.Stage;
import org.mujun.land.StandardLandContract.Terms;

/** The 标准地 lifecycle: every legal move and the illegal ones, with their messages. */
class StandardLandContractUnitTest {

    static final Uscc ENTERPRISE = uscc("91331082MA2LC0001");
    static final LocalDate TRANSFERRED_ON = LocalDate.of(2023, 3, 1);

    static Uscc uscc(String first17) {
        return new Uscc(first17 + Uscc.checkChar(first17));
    }

    /**
     * The example contract used by the review tests: 50 亩 sold for 1,000 万元 on 2023-03-01,
     * committing 投资强度 ≥ 300 万元/亩, 容积率 ≥ 1.2, 亩均税收 ≥ 30 万元/亩, 单位增加值能耗 ≤ 0.52 tce/万元,
     * R&D占比 ≥ 3 %.
     */
    static Terms terms(ConsequenceRule rule) {
        Map<Indicator, BigDecimal> c = new EnumMap<>(Indicator.class);
        c.put(Indicator.INVESTMENT_INTENSITY, d("300"));
        c.put(Indicator.FLOOR_AREA_RATIO, d("1.2"));
        c.put(Indicator.TAX_PER_MU, d("30"));
        c.put(Indicator.ENERGY_PER_VALUE_ADDED, d("0.52"));
        c.put(Indicator.RD_SHARE, d("3"));
        return new Terms("LH-2023-001", 1L, ENTERPRISE, new Mu(d("50")), WanYuan.of("1000"), TRANSFERRED_ON, c, agreed(), rule);
    }

    static AgreedDates agreed() {
        return new AgreedDates(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 7, 1), LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 10, 1), LocalDate.of(2026, 10, 1));
    }

    static StandardLandContract inProduction(ConsequenceRule rule) {
        return new StandardLandContract(terms(rule))
                .markStarted(LocalDate.of(2023, 7, 10))
                .markCompleted(LocalDate.of(2024, 6, 20))
                .markInProduction(LocalDate.of(2024, 9, 30));
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void walksThroughTheHappyPath() {
        StandardLandContract c = new StandardLandContract(terms(ConsequenceRule.defaults()));
        assertThat(c.stage()).isEqualTo(Stage.TRANSFERRED);
        assertThat(c.stageSince()).isEqualTo(TRANSFERRED_ON);
        c.markStarted(LocalDate.of(2023, 7, 10));
        assertThat(c.stage()).isEqualTo(Stage.STARTED);
        c.markCompleted(LocalDate.of(2024, 6, 20)).markInProduction(LocalDate.of(2024, 9, 30));
        assertThat(c.stage()).isEqualTo(Stage.IN_PRODUCTION);
        assertThat(c.enteredOn(Stage.STARTED)).isEqualTo(LocalDate.of(2023, 7, 10));
        assertThat(c.history()).extracting(StandardLandContract.StageChange::to)
                .containsExactly(Stage.STARTED, Stage.COMPLETED, Stage.IN_PRODUCTION);
    }

    @Test
    void refusesToSkipAStageWithABilingualMessage() {
        StandardLandContract c = new StandardLandContract(terms(ConsequenceRule.defaults()));
        assertThatThrownBy(() -> c.markCompleted(LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("标准地合同 LH-2023-001 当前为「出让」，不能标记竣工（仅限「开工」）")
                .hasMessageContaining("/ standard-land contract LH-2023-001 is TRANSFERRED (transferred); cannot mark construction completed (only from STARTED)");
        assertThat(c.stage()).isEqualTo(Stage.TRANSFERRED);
        assertThatThrownBy(() -> c.markInProduction(LocalDate.of(2024, 1, 1))).hasMessageContaining("only from COMPLETED");
    }

    @Test
    void refusesToMoveTwice() {
        StandardLandContract c = new StandardLandContract(terms(ConsequenceRule.defaults())).markStarted(LocalDate.of(2023, 7, 10));
        assertThatThrownBy(() -> c.markStarted(LocalDate.of(2023, 7, 11))).hasMessageContaining("is STARTED").hasMessageContaining("only from TRANSFERRED");
    }

    @Test
    void refusesADateBeforeTheCurrentStage() {
        StandardLandContract c = new StandardLandContract(terms(ConsequenceRule.defaults()));
        // transferred 2023-03-01: starting on 2023-02-28 is impossible, on 2023-03-01 itself is fine
        assertThatThrownBy(() -> c.markStarted(LocalDate.of(2023, 2, 28)))
                .hasMessageContaining("日期 2023-02-28 早于当前阶段「出让」的日期 2023-03-01").hasMessageContaining("is before 2023-03-01");
        c.markStarted(TRANSFERRED_ON);
        assertThatThrownBy(() -> c.markCompleted(LocalDate.of(2023, 2, 1))).hasMessageContaining("before");
    }

    @Test
    void reviewOnlyFromProductionOrRectification() {
        StandardLandContract c = new StandardLandContract(terms(ConsequenceRule.defaults())).markStarted(LocalDate.of(2023, 7, 10));
        assertThatThrownBy(() -> StandardLandReview.review(c, Map.of(), LocalDate.of(2026, 10, 1)))
                .hasMessageContaining("只有投产或整改中的合同可以复核").hasMessageContaining("only a contract IN_PRODUCTION or RECTIFYING");
    }

    @Test
    void computingAReviewDoesNotChangeTheContract() {
        StandardLandContract c = inProduction(ConsequenceRule.defaults());
        StandardLandReview.review(c, Map.of(), LocalDate.of(2026, 10, 1));
        assertThat(c.stage()).isEqualTo(Stage.IN_PRODUCTION);
        assertThat(c.nextReviewRound()).isEqualTo(1);
    }

    @Test
    void passedReviewEndsInReviewed() {
        StandardLandContract c = inProduction(ConsequenceRule.defaults());
        c.recordReview(StandardLandReview.review(c, StandardLandReviewUnitTest.allMet(), LocalDate.of(2026, 10, 15)));
        assertThat(c.stage()).isEqualTo(Stage.REVIEWED);
        // REVIEWED is final: no rectification, no reclaim, no second review
        assertThatThrownBy(() -> c.startRectification(LocalDate.of(2026, 11, 1))).hasMessageContaining("only from REVIEW_FAILED");
        assertThatThrownBy(() -> c.markReclaimed(LocalDate.of(2026, 11, 1), "x")).hasMessageContaining("is REVIEWED");
        assertThatThrownBy(() -> StandardLandReview.review(c, StandardLandReviewUnitTest.allMet(), LocalDate.of(2026, 11, 1)))
                .hasMessageContaining("REVIEWED");
    }

    @Test
    void failedReviewThenRectificationThenPassedReReview() {
        StandardLandContract c = inProduction(ConsequenceRule.defaults());
        StandardLandReview.Result first = StandardLandReview.review(c, StandardLandReviewUnitTest.shortOnTaxAndInvestment(), LocalDate.of(2026, 10, 15));
        c.recordReview(first);
        assertThat(c.stage()).isEqualTo(Stage.REVIEW_FAILED);
        // not a reclaim: reclaiming now is refused, rectification is the way
        assertThatThrownBy(() -> c.markReclaimed(LocalDate.of(2026, 11, 1), "复核未通过"))
                .hasMessageContaining("复核结论不是收回").hasMessageContaining("rectify and re-review first");
        c.startRectification(LocalDate.of(2026, 11, 1));
        assertThat(c.stage()).isEqualTo(Stage.RECTIFYING);
        assertThat(c.history().get(c.history().size() - 1).note()).contains("2027-10-15");
        // the old result cannot be recorded again (it is dated before the rectification began)
        assertThatThrownBy(() -> c.recordReview(first)).hasMessageContaining("is before 2026-11-01");
        StandardLandReview.Result second = StandardLandReview.review(c, StandardLandReviewUnitTest.allMet(), LocalDate.of(2027, 9, 1));
        assertThat(second.round()).isEqualTo(2);
        c.recordReview(second);
        assertThat(c.stage()).isEqualTo(Stage.REVIEWED);
        assertThat(c.reviews()).extracting(StandardLandContract.ReviewOutcome::passed).containsExactly(false, true);
    }

    @Test
    void aResultIsRecordedOnlyForItsOwnRound() {
        // a rule allowing two failed re-reviews, so a failed round 2 can be rectified again
        ConsequenceRule lenient = new ConsequenceRule(ConsequenceRule.defaults().defaultTerm(), Map.of(), new BigDecimal("20"), null, 12,
                new BigDecimal("50"), 2, false, BigDecimal.ZERO);
        StandardLandContract c = inProduction(lenient);
        c.recordReview(StandardLandReview.review(c, StandardLandReviewUnitTest.shortOnTaxAndInvestment(), LocalDate.of(2026, 10, 15)));
        c.startRectification(LocalDate.of(2026, 11, 1));
        LocalDate day = LocalDate.of(2027, 3, 1);
        StandardLandReview.Result a = StandardLandReview.review(c, StandardLandReviewUnitTest.shortOnTaxAndInvestment(), day);
        StandardLandReview.Result b = StandardLandReview.review(c, StandardLandReviewUnitTest.shortOnTaxAndInvestment(), day);
        c.recordReview(a);
        c.startRectification(day);
        // b was computed for round 2 too; the contract now waits for round 3
        assertThatThrownBy(() -> c.recordReview(b))
                .hasMessageContaining("复核结果不属于合同 LH-2023-001 的第 3 次复核").hasMessageContaining("not round 3 of contract LH-2023-001");
    }

    @Test
    void failedReReviewLeadsToReclaim() {
        StandardLandContract c = inProduction(ConsequenceRule.defaults());
        c.recordReview(StandardLandReview.review(c, StandardLandReviewUnitTest.shortOnTaxAndInvestment(), LocalDate.of(2026, 10, 15)));
        c.startRectification(LocalDate.of(2026, 11, 1));
        StandardLandReview.Result second = StandardLandReview.review(c, StandardLandReviewUnitTest.shortOnTaxAndInvestment(), LocalDate.of(2027, 10, 15));
        assertThat(second.consequence().reclaim()).isTrue();
        c.recordReview(second);
        assertThat(c.stage()).isEqualTo(Stage.REVIEW_FAILED);
        assertThatThrownBy(() -> c.startRectification(LocalDate.of(2027, 11, 1)))
                .hasMessageContaining("复核结论为收回，不能进入整改").hasMessageContaining("cannot enter rectification");
        assertThatThrownBy(() -> c.markReclaimed(LocalDate.of(2027, 11, 1), " ")).hasMessageContaining("needs a reason");
        c.markReclaimed(LocalDate.of(2027, 11, 1), "整改后复核仍未通过");
        assertThat(c.stage()).isEqualTo(Stage.RECLAIMED);
        assertThatThrownBy(() -> c.markStarted(LocalDate.of(2027, 12, 1))).hasMessageContaining("is RECLAIMED");
    }

    @Test
    void idleLandCanBeReclaimedBeforeOrAfterStarting() {
        StandardLandContract notStarted = new StandardLandContract(terms(ConsequenceRule.defaults()));
        notStarted.markReclaimed(LocalDate.of(2025, 7, 2), "闲置满两年，无偿收回");
        assertThat(notStarted.stage()).isEqualTo(Stage.RECLAIMED);

        StandardLandContract stalled = new StandardLandContract(terms(ConsequenceRule.defaults())).markStarted(LocalDate.of(2023, 7, 10));
        stalled.markReclaimed(LocalDate.of(2025, 7, 2), "中止开发建设");
        assertThat(stalled.stage()).isEqualTo(Stage.RECLAIMED);

        StandardLandContract completed = new StandardLandContract(terms(ConsequenceRule.defaults()))
                .markStarted(LocalDate.of(2023, 7, 10)).markCompleted(LocalDate.of(2024, 6, 20));
        assertThatThrownBy(() -> completed.markReclaimed(LocalDate.of(2025, 7, 2), "x")).hasMessageContaining("is COMPLETED");
    }

    @Test
    void restoreKeepsStageAndReviews() {
        StandardLandContract c = inProduction(ConsequenceRule.defaults());
        c.recordReview(StandardLandReview.review(c, StandardLandReviewUnitTest.shortOnTaxAndInvestment(), LocalDate.of(2026, 10, 15)));
        StandardLandContract back = StandardLandContract.restore(c.terms(), c.stage(), c.history(), c.reviews());
        assertThat(back.stage()).isEqualTo(Stage.REVIEW_FAILED);
        assertThat(back.nextReviewRound()).isEqualTo(2);
        back.startRectification(LocalDate.of(2026, 11, 1));
        assertThat(back.stage()).isEqualTo(Stage.RECTIFYING);
    }

    @Test
    void termsAreChecked() {
        assertThatThrownBy(() -> new AgreedDates(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 3, 1), LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 10, 1), LocalDate.of(2026, 10, 1)))
                .hasMessageContaining("约定开工日期早于交地日期").hasMessageContaining("start date is before the delivery date");
        assertThatThrownBy(() -> new Terms("X", 1L, ENTERPRISE, new Mu(d("50")), WanYuan.of("1000"), TRANSFERRED_ON,
                Map.of(Indicator.TAX_PER_MU, BigDecimal.ZERO), agreed(), ConsequenceRule.defaults()))
                .hasMessageContaining("亩均税收的约定值必须为正数");
        assertThatThrownBy(() -> new Terms("X", 1L, ENTERPRISE, new Mu(d("50")), WanYuan.of("1000"), TRANSFERRED_ON,
                Map.of(), agreed(), ConsequenceRule.defaults()))
                .hasMessageContaining("at least one indicator");
    }

    @Test
    void indicatorsSayWhichWayIsBetter() {
        assertThat(Indicator.VALUE_ADDED_PER_ENERGY.direction()).isEqualTo(StandardLandContract.Direction.HIGHER_IS_BETTER);
        assertThat(Indicator.VALUE_ADDED_PER_ENERGY.unit()).isEqualTo("万元/tce");
        assertThat(Indicator.ENERGY_PER_VALUE_ADDED.direction()).isEqualTo(StandardLandContract.Direction.LOWER_IS_BETTER);
        assertThat(Indicator.ENERGY_PER_VALUE_ADDED.unit()).isEqualTo("tce/万元");
    }
}
