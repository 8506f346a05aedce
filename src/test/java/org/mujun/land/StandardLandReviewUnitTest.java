package org.mujun.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mujun.land.StandardLandContractUnitTest.inProduction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.common.WanYuan;
import org.mujun.land.StandardLandContract.ConsequenceRule;
import org.mujun.land.StandardLandContract.Direction;
import org.mujun.land.StandardLandContract.Indicator;
import org.mujun.land.StandardLandContract.PenaltyBasis;
import org.mujun.land.StandardLandContract.PenaltyTerm;
import org.mujun.land.StandardLandReview.CreditKind;
import org.mujun.land.StandardLandReview.Result;

/**
 * 达产复核 with hand-worked numbers. The contract (see {@link StandardLandContractUnitTest#terms}):
 * 50 亩, land price 1,000 万元; commits 投资强度 ≥ 300 万元/亩, 容积率 ≥ 1.2, 亩均税收 ≥ 30 万元/亩,
 * 单位增加值能耗 ≤ 0.52 tce/万元, R&D占比 ≥ 3 %. Default rule: 违约金 1 % of the land price per point of
 * shortfall (同比例), total ≤ 20 % of the land price = 200 万元, 12 months to rectify, 收回 above 50 %
 * shortfall or after one failed re-review.
 */
class StandardLandReviewUnitTest {

    static final LocalDate REVIEW_DAY = LocalDate.of(2026, 10, 15);

    static Map<Indicator, BigDecimal> actuals(String investment, String far, String tax, String energy, String rd) {
        Map<Indicator, BigDecimal> m = new EnumMap<>(Indicator.class);
        put(m, Indicator.INVESTMENT_INTENSITY, investment);
        put(m, Indicator.FLOOR_AREA_RATIO, far);
        put(m, Indicator.TAX_PER_MU, tax);
        put(m, Indicator.ENERGY_PER_VALUE_ADDED, energy);
        put(m, Indicator.RD_SHARE, rd);
        return m;
    }

    private static void put(Map<Indicator, BigDecimal> m, Indicator i, String v) {
        if (v != null) {
            m.put(i, new BigDecimal(v));
        }
    }

    /** Every commitment met, three of them exactly (容积率 1.2, 亩均税收 30, 能耗 0.52 — lower is better). */
    static Map<Indicator, BigDecimal> allMet() {
        return actuals("310", "1.2", "30", "0.52", "3.5");
    }

    /** 投资强度 270 (10 % short), 亩均税收 24 (20 % short), 能耗 0.559 (7.5 % over); 容积率 and R&D met. */
    static Map<Indicator, BigDecimal> shortOnTaxAndInvestment() {
        return actuals("270", "1.3", "24", "0.559", "3.0");
    }

    static ConsequenceRule rule(PenaltyTerm defaultTerm, Map<Indicator, PenaltyTerm> overrides, String capPercent, String capAmount,
                                String reclaimAbove, int reclaimAfter, boolean penaltyOnReReview, String tolerance) {
        return new ConsequenceRule(defaultTerm, overrides, capPercent == null ? null : new BigDecimal(capPercent),
                capAmount == null ? null : WanYuan.of(capAmount), 12, reclaimAbove == null ? null : new BigDecimal(reclaimAbove),
                reclaimAfter, penaltyOnReReview, new BigDecimal(tolerance));
    }

    static final PenaltyTerm SAME_PROPORTION = new PenaltyTerm(PenaltyBasis.SHARE_OF_LAND_PRICE, BigDecimal.ONE);

    @Test
    void allMetPassesWithAGoodCreditEntry() {
        Result r = StandardLandReview.review(inProduction(ConsequenceRule.defaults()), allMet(), REVIEW_DAY);
        assertThat(r.passed()).isTrue();
        assertThat(r.round()).isEqualTo(1);
        assertThat(r.indicators()).hasSize(5).allMatch(StandardLandReview.IndicatorResult::passed);
        assertThat(r.indicator(Indicator.ENERGY_PER_VALUE_ADDED).shortfallPercent()).isEqualByComparingTo("0");
        assertThat(r.consequence().penalty().value()).isEqualByComparingTo("0");
        assertThat(r.consequence().rectificationDeadline()).isNull();
        assertThat(r.consequence().reclaim()).isFalse();
        assertThat(r.credit().kind()).isEqualTo(CreditKind.KEPT);
        assertThat(r.credit().enterprise()).isEqualTo(StandardLandContractUnitTest.ENTERPRISE);
    }

    @Test
    void shortfallsArePenalisedPerIndicatorAndCapped() {
        Result r = StandardLandReview.review(inProduction(ConsequenceRule.defaults()), shortOnTaxAndInvestment(), REVIEW_DAY);
        assertThat(r.passed()).isFalse();
        // 投资强度: (300 − 270) / 300 = 10.00 % → 1,000 万 × 10.00 % × 1 = 100 万
        assertThat(r.indicator(Indicator.INVESTMENT_INTENSITY).shortfallPercent()).isEqualByComparingTo("10.00");
        assertThat(r.indicator(Indicator.INVESTMENT_INTENSITY).penalty().value()).isEqualByComparingTo("100");
        // 容积率 1.3 ≥ 1.2: met
        assertThat(r.indicator(Indicator.FLOOR_AREA_RATIO).passed()).isTrue();
        // 亩均税收: (30 − 24) / 30 = 20.00 % → 200 万
        assertThat(r.indicator(Indicator.TAX_PER_MU).shortfallPercent()).isEqualByComparingTo("20.00");
        assertThat(r.indicator(Indicator.TAX_PER_MU).penalty().value()).isEqualByComparingTo("200");
        // 单位增加值能耗, lower is better: (0.559 − 0.52) / 0.52 = 0.039 / 0.52 = 7.50 % over → 75 万
        assertThat(r.indicator(Indicator.ENERGY_PER_VALUE_ADDED).shortfallPercent()).isEqualByComparingTo("7.50");
        assertThat(r.indicator(Indicator.ENERGY_PER_VALUE_ADDED).penalty().value()).isEqualByComparingTo("75");
        // R&D 3.0 = 3: met exactly
        assertThat(r.indicator(Indicator.RD_SHARE).passed()).isTrue();
        // Σ 100 + 200 + 75 = 375 万 > cap 20 % × 1,000 万 = 200 万 → 200 万
        assertThat(r.consequence().penaltyBeforeCap().value()).isEqualByComparingTo("375");
        assertThat(r.consequence().penaltyCap().value()).isEqualByComparingTo("200");
        assertThat(r.consequence().penalty().value()).isEqualByComparingTo("200");
        assertThat(r.consequence().capped()).isTrue();
        // worst 20 % ≤ 50 %: no reclaim; rectify within 12 months: 2026-10-15 → 2027-10-15
        assertThat(r.consequence().reclaim()).isFalse();
        assertThat(r.consequence().rectificationDeadline()).isEqualTo(LocalDate.of(2027, 10, 15));
        assertThat(r.credit().kind()).isEqualTo(CreditKind.BROKEN);
        assertThat(r.credit().reason()).contains("固定资产投资强度；亩均税收；单位增加值能耗 未达约定标准");
        assertThat(r.consequence().reasons()).anySatisfy(s -> assertThat(s).contains("亩均税收：约定不低于 30 万元/亩，实际 24，差距 20.00%，违约金 200.0000 万元"));
    }

    @Test
    void penaltyUsesTheShortfallAsShownWithTwoDecimals() {
        // 亩均税收 23: (30 − 23) / 30 = 23.333… % → shown 23.33 % → 1,000 万 × 23.33 % = 233.3 万 (then capped at 200)
        Result r = StandardLandReview.review(inProduction(ConsequenceRule.defaults()), actuals("300", "1.2", "23", "0.52", "3"), REVIEW_DAY);
        assertThat(r.indicator(Indicator.TAX_PER_MU).shortfallPercent()).isEqualByComparingTo("23.33");
        assertThat(r.indicator(Indicator.TAX_PER_MU).penalty().value()).isEqualByComparingTo("233.3");
        assertThat(r.consequence().penalty().value()).isEqualByComparingTo("200");
    }

    @Test
    void reclaimOnlyAboveTheShortfallThreshold() {
        // 亩均税收 15: (30 − 15) / 30 = exactly 50.00 % — not above 50 %: rectify, no reclaim
        Result atThreshold = StandardLandReview.review(inProduction(ConsequenceRule.defaults()), actuals("300", "1.2", "15", "0.52", "3"), REVIEW_DAY);
        assertThat(atThreshold.indicator(Indicator.TAX_PER_MU).shortfallPercent()).isEqualByComparingTo("50.00");
        assertThat(atThreshold.consequence().reclaim()).isFalse();
        assertThat(atThreshold.consequence().rectificationDeadline()).isEqualTo(LocalDate.of(2027, 10, 15));
        // 亩均税收 14.99: 15.01 / 30 = 50.0333 % → 50.03 % > 50 %: reclaim, no rectification deadline
        Result above = StandardLandReview.review(inProduction(ConsequenceRule.defaults()), actuals("300", "1.2", "14.99", "0.52", "3"), REVIEW_DAY);
        assertThat(above.indicator(Indicator.TAX_PER_MU).shortfallPercent()).isEqualByComparingTo("50.03");
        assertThat(above.consequence().reclaim()).isTrue();
        assertThat(above.consequence().rectificationDeadline()).isNull();
        assertThat(above.consequence().reasons()).anySatisfy(s -> assertThat(s).contains("差距 50.03% 超过 50%，收回土地"));
    }

    @Test
    void missingActualFailsAsAHundredPercentShortfall() {
        // R&D占比 not reported: fails with 100 % → 1,000 万 × 100 % = 1,000 万, capped at 200 万; 100 % > 50 %: reclaim
        Result r = StandardLandReview.review(inProduction(ConsequenceRule.defaults()), actuals("310", "1.2", "30", "0.52", null), REVIEW_DAY);
        assertThat(r.indicator(Indicator.RD_SHARE).passed()).isFalse();
        assertThat(r.indicator(Indicator.RD_SHARE).actual()).isNull();
        assertThat(r.indicator(Indicator.RD_SHARE).shortfallPercent()).isEqualByComparingTo("100");
        assertThat(r.indicator(Indicator.RD_SHARE).penalty().value()).isEqualByComparingTo("1000");
        assertThat(r.consequence().penalty().value()).isEqualByComparingTo("200");
        assertThat(r.consequence().reclaim()).isTrue();
        assertThat(r.indicator(Indicator.RD_SHARE).explanation()).contains("无实际数据");
    }

    @Test
    void perMuPerPointTermAndAnAmountCap() {
        // 亩均税收 carries 0.5 万元 per 亩 per point; the others the default 同比例 term; cap 600 万 (no % cap):
        // 投资强度 10 % → 100 万; 亩均税收 20 % → 50 亩 × 20.00 × 0.5 = 500 万; 能耗 7.5 % → 75 万;
        // Σ 675 万 > 600 万 → 600 万
        ConsequenceRule perMu = rule(SAME_PROPORTION, Map.of(Indicator.TAX_PER_MU, new PenaltyTerm(PenaltyBasis.PER_MU_PER_POINT, new BigDecimal("0.5"))),
                null, "600", "50", 1, false, "0");
        Result r = StandardLandReview.review(inProduction(perMu), shortOnTaxAndInvestment(), REVIEW_DAY);
        assertThat(r.indicator(Indicator.TAX_PER_MU).penalty().value()).isEqualByComparingTo("500");
        assertThat(r.consequence().penaltyBeforeCap().value()).isEqualByComparingTo("675");
        assertThat(r.consequence().penalty().value()).isEqualByComparingTo("600");

        // with both caps (20 % of 1,000 万 = 200 万, and 600 万) the lower one applies: 200 万
        ConsequenceRule both = rule(SAME_PROPORTION, perMu.termOverrides(), "20", "600", "50", 1, false, "0");
        assertThat(StandardLandReview.review(inProduction(both), shortOnTaxAndInvestment(), REVIEW_DAY).consequence().penalty().value())
                .isEqualByComparingTo("200");

        // no cap at all: the full 675 万
        ConsequenceRule none = rule(SAME_PROPORTION, perMu.termOverrides(), null, null, "50", 1, false, "0");
        Result uncapped = StandardLandReview.review(inProduction(none), shortOnTaxAndInvestment(), REVIEW_DAY);
        assertThat(uncapped.consequence().penalty().value()).isEqualByComparingTo("675");
        assertThat(uncapped.consequence().penaltyCap()).isNull();
        assertThat(uncapped.consequence().capped()).isFalse();
    }

    @Test
    void penaltyExactlyAtTheCapIsNotCapped() {
        // only 亩均税收 short by 20 % → 200 万 = the cap exactly
        Result r = StandardLandReview.review(inProduction(ConsequenceRule.defaults()), actuals("300", "1.2", "24", "0.52", "3"), REVIEW_DAY);
        assertThat(r.consequence().penalty().value()).isEqualByComparingTo("200");
        assertThat(r.consequence().capped()).isFalse();
    }

    @Test
    void toleranceLetsASmallShortfallPass() {
        // tolerance 5 %: 投资强度 285 is (300 − 285) / 300 = 5.00 % short → passes
        ConsequenceRule tolerant = rule(SAME_PROPORTION, Map.of(), "20", null, "50", 1, false, "5");
        Result ok = StandardLandReview.review(inProduction(tolerant), actuals("285", "1.2", "30", "0.52", "3"), REVIEW_DAY);
        assertThat(ok.passed()).isTrue();
        // 284.97 is 15.03 / 300 = 5.01 % short → fails, and the 违约金 is on the whole 5.01 %: 1,000 万 × 5.01 % = 50.1 万
        Result fails = StandardLandReview.review(inProduction(tolerant), actuals("284.97", "1.2", "30", "0.52", "3"), REVIEW_DAY);
        assertThat(fails.passed()).isFalse();
        assertThat(fails.consequence().penalty().value()).isEqualByComparingTo("50.1");
    }

    @Test
    void reReviewChargesNoSecondPenaltyByDefaultAndReclaims() {
        StandardLandContract c = inProduction(ConsequenceRule.defaults());
        c.recordReview(StandardLandReview.review(c, shortOnTaxAndInvestment(), REVIEW_DAY));
        c.startRectification(LocalDate.of(2026, 11, 1));
        // re-review, still 20 % short: no new 违约金; first failed re-review reaches the count of 1 → reclaim
        Result r = StandardLandReview.review(c, shortOnTaxAndInvestment(), LocalDate.of(2027, 10, 15));
        assertThat(r.round()).isEqualTo(2);
        assertThat(r.consequence().penalty().value()).isEqualByComparingTo("0");
        assertThat(r.consequence().reclaim()).isTrue();
        assertThat(r.consequence().rectificationDeadline()).isNull();
        assertThat(r.consequence().reasons()).anySatisfy(s -> assertThat(s).contains("整改后复核仍未通过（1 次），收回土地"));
        assertThat(r.credit().source()).contains("第 2 次复核");
    }

    @Test
    void aRuleMayChargeAgainAndAllowTwoReReviews() {
        ConsequenceRule lenient = rule(SAME_PROPORTION, Map.of(), "20", null, "50", 2, true, "0");
        StandardLandContract c = inProduction(lenient);
        c.recordReview(StandardLandReview.review(c, shortOnTaxAndInvestment(), REVIEW_DAY));
        c.startRectification(LocalDate.of(2026, 11, 1));
        // round 2 fails: 违约金 charged again (capped 200 万); 1 failed re-review < 2 → rectify again by 2028-10-15
        Result second = StandardLandReview.review(c, shortOnTaxAndInvestment(), LocalDate.of(2027, 10, 15));
        assertThat(second.consequence().penalty().value()).isEqualByComparingTo("200");
        assertThat(second.consequence().reclaim()).isFalse();
        assertThat(second.consequence().rectificationDeadline()).isEqualTo(LocalDate.of(2028, 10, 15));
        c.recordReview(second);
        c.startRectification(LocalDate.of(2027, 11, 1));
        // round 3 fails: 2 failed re-reviews → reclaim
        Result third = StandardLandReview.review(c, shortOnTaxAndInvestment(), LocalDate.of(2028, 10, 15));
        assertThat(third.round()).isEqualTo(3);
        assertThat(third.consequence().reclaim()).isTrue();
    }

    @Test
    void noReclaimWhenTheRuleNeverReclaims() {
        ConsequenceRule never = rule(SAME_PROPORTION, Map.of(), "20", null, null, 0, false, "0");
        // 亩均税收 3: 90 % short, but the rule has no shortfall threshold: rectify
        Result r = StandardLandReview.review(inProduction(never), actuals("300", "1.2", "3", "0.52", "3"), REVIEW_DAY);
        assertThat(r.consequence().reclaim()).isFalse();
        assertThat(r.consequence().rectificationDeadline()).isEqualTo(LocalDate.of(2027, 10, 15));
    }

    @Test
    void shortfallByDirection() {
        // 单位能耗增加值 (higher is better) committed 2.0 万元/tce, actual 1.8: (2.0 − 1.8) / 2.0 = 10 %
        assertThat(StandardLandReview.shortfall(Direction.HIGHER_IS_BETTER, new BigDecimal("2.0"), new BigDecimal("1.8"))).isEqualByComparingTo("10");
        assertThat(StandardLandReview.shortfall(Direction.HIGHER_IS_BETTER, new BigDecimal("2.0"), new BigDecimal("2.1"))).isEqualByComparingTo("0");
        // 单位增加值能耗 (lower is better) committed 0.5 tce/万元, actual 0.6: (0.6 − 0.5) / 0.5 = 20 %; 0.4 is fine
        assertThat(StandardLandReview.shortfall(Direction.LOWER_IS_BETTER, new BigDecimal("0.5"), new BigDecimal("0.6"))).isEqualByComparingTo("20");
        assertThat(StandardLandReview.shortfall(Direction.LOWER_IS_BETTER, new BigDecimal("0.5"), new BigDecimal("0.4"))).isEqualByComparingTo("0");
    }
}
