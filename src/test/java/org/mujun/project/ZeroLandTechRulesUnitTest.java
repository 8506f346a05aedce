package org.mujun.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mujun.common.Mu;
import org.mujun.common.WanYuan;
import org.mujun.project.ZeroLandTechRules.Combination;
import org.mujun.project.ZeroLandTechRules.EnterpriseClass;
import org.mujun.project.ZeroLandTechRules.EquipmentSubsidy;
import org.mujun.project.ZeroLandTechRules.EquipmentTier;
import org.mujun.project.ZeroLandTechRules.FloorReward;
import org.mujun.project.ZeroLandTechRules.RewardBasis;
import org.mujun.project.ZeroLandTechRules.TransferProblem;

/** The Linhai 2022 零增地技改 rules at every threshold and cap (amounts in 万元). */
class ZeroLandTechRulesUnitTest {

    static final ZeroLandTechRules LINHAI = ZeroLandTechRules.linhai2022();

    static EquipmentSubsidy subsidy(String project, String equipment) {
        return LINHAI.equipmentSubsidy(WanYuan.of(project), WanYuan.of(equipment));
    }

    static List<Mu> mu(String... areas) {
        return java.util.Arrays.stream(areas).map(a -> new Mu(new BigDecimal(a))).toList();
    }

    // --- equipment subsidy ---

    @Test
    void tenPercentAtExactlyOneThousandAndFiveHundred() {
        // project 1,000 ≥ 1,000 and equipment 500 ≥ 500: 10 % × 500 = 50
        EquipmentSubsidy s = subsidy("1000", "500");
        assertThat(s.tier()).isZero();
        assertThat(s.ratePercent()).isEqualByComparingTo("10");
        assertThat(s.amount().value()).isEqualByComparingTo("50");
        assertThat(s.capped()).isFalse();
        assertThat(s.explanation()).contains("设备投资 500 万元 × 10% = 50.0000 万元");
    }

    @Test
    void fivePercentJustBelowOneThousand() {
        // project 999.99 < 1,000: the 10 % tier is missed; equipment 500 ≥ 200: 5 % × 500 = 25
        EquipmentSubsidy s = subsidy("999.99", "500");
        assertThat(s.tier()).isEqualTo(1);
        assertThat(s.amount().value()).isEqualByComparingTo("25");
    }

    @Test
    void fivePercentJustBelowFiveHundredOfEquipment() {
        // project 1,000 but equipment 499.99 < 500: 5 % × 499.99 = 24.9995
        EquipmentSubsidy s = subsidy("1000", "499.99");
        assertThat(s.tier()).isEqualTo(1);
        assertThat(s.amount().value()).isEqualByComparingTo("24.9995");
    }

    @Test
    void exactlyTwoHundredOfEquipmentAndJustBelow() {
        // equipment 200 ≥ 200: 5 % × 200 = 10; 199.99: no tier, nothing
        assertThat(subsidy("300", "200").amount().value()).isEqualByComparingTo("10");
        EquipmentSubsidy none = subsidy("300", "199.99");
        assertThat(none.tier()).isEqualTo(-1);
        assertThat(none.amount().value()).isEqualByComparingTo("0");
        assertThat(none.explanation()).contains("未达到任一补助档次");
    }

    @Test
    void tenPercentCapOfThreeHundred() {
        // equipment 3,000 × 10 % = 300 = the cap exactly: paid in full, not "capped"
        EquipmentSubsidy exact = subsidy("5000", "3000");
        assertThat(exact.amount().value()).isEqualByComparingTo("300");
        assertThat(exact.capped()).isFalse();
        // 3,000.01 × 10 % = 300.001 > 300 → 300
        EquipmentSubsidy over = subsidy("5000", "3000.01");
        assertThat(over.uncapped().value()).isEqualByComparingTo("300.001");
        assertThat(over.amount().value()).isEqualByComparingTo("300");
        assertThat(over.capped()).isTrue();
        assertThat(over.explanation()).contains("按上限 300.0000 万元");
    }

    @Test
    void fivePercentCapOfTwoHundred() {
        // Under the Linhai tiers the 5 % cap cannot bind (equipment ≥ 4,000 always meets the 10 % tier, since
        // equipment ≤ project investment), so it is tested with the 5 % tier alone: 4,000 × 5 % = 200 = cap; 5,000 → 250 → 200
        ZeroLandTechRules fiveOnly = new ZeroLandTechRules(List.of(LINHAI.equipmentTiers().get(1)), LINHAI.classRates(), LINHAI.classRewardCap(),
                LINHAI.floorTiers(), LINHAI.floorRewardCap(), Combination.HIGHER, null, 3, new Mu(BigDecimal.TEN), Set.of());
        assertThat(fiveOnly.equipmentSubsidy(WanYuan.of("4000"), WanYuan.of("4000")).amount().value()).isEqualByComparingTo("200");
        assertThat(fiveOnly.equipmentSubsidy(WanYuan.of("4000"), WanYuan.of("4000")).capped()).isFalse();
        assertThat(fiveOnly.equipmentSubsidy(WanYuan.of("5000"), WanYuan.of("5000")).amount().value()).isEqualByComparingTo("200");
        assertThat(fiveOnly.equipmentSubsidy(WanYuan.of("5000"), WanYuan.of("5000")).capped()).isTrue();
    }

    @Test
    void equipmentCannotExceedTheProject() {
        assertThatThrownBy(() -> subsidy("400", "500")).hasMessageContaining("设备投资 500 万元超过项目总投资 400 万元");
    }

    // --- floor-area reward ---

    @Test
    void classAOnALowBuildingGetsTheClassReward() {
        // A: 10,000 m² × 60 元 = 600,000 元 = 60 万; 3 floors < 4: no floors reward; the higher: 60 by class
        FloorReward r = LINHAI.floorReward(EnterpriseClass.A, new BigDecimal("10000"), 3);
        assertThat(r.byClass().value()).isEqualByComparingTo("60");
        assertThat(r.byFloors().value()).isEqualByComparingTo("0");
        assertThat(r.basis()).isEqualTo(RewardBasis.CLASS);
        assertThat(r.amount().value()).isEqualByComparingTo("60");
    }

    @Test
    void floorsTiersAtFourFiveAndSixPlus() {
        // C class gets nothing by class; 10,000 m² × 30 / 40 / 50 元 = 30 / 40 / 50 万 at 4 / 5 / 6 floors; 12 floors still 50
        assertThat(LINHAI.floorReward(EnterpriseClass.C, new BigDecimal("10000"), 4).amount().value()).isEqualByComparingTo("30");
        assertThat(LINHAI.floorReward(EnterpriseClass.C, new BigDecimal("10000"), 5).amount().value()).isEqualByComparingTo("40");
        assertThat(LINHAI.floorReward(EnterpriseClass.C, new BigDecimal("10000"), 6).amount().value()).isEqualByComparingTo("50");
        FloorReward twelve = LINHAI.floorReward(EnterpriseClass.C, new BigDecimal("10000"), 12);
        assertThat(twelve.amount().value()).isEqualByComparingTo("50");
        assertThat(twelve.basis()).isEqualTo(RewardBasis.FLOORS);
        assertThat(LINHAI.floorReward(null, new BigDecimal("10000"), 3).basis()).isEqualTo(RewardBasis.NONE);
    }

    @Test
    void theHigherOfTheTwoOnceNotBoth() {
        // B on 6 floors: by class 10,000 × 50 = 50 万, by floors 10,000 × 50 = 50 万: a tie pays 50 once (not 100)
        FloorReward tie = LINHAI.floorReward(EnterpriseClass.B, new BigDecimal("10000"), 6);
        assertThat(tie.amount().value()).isEqualByComparingTo("50");
        assertThat(tie.basis()).isEqualTo(RewardBasis.CLASS);
        // A on 5 floors: 60 by class vs 40 by floors → 60
        assertThat(LINHAI.floorReward(EnterpriseClass.A, new BigDecimal("10000"), 5).amount().value()).isEqualByComparingTo("60");
        // B on 6 floors with 8,000 m²: 40 by class, 40 by floors → 40
        assertThat(LINHAI.floorReward(EnterpriseClass.B, new BigDecimal("8000"), 6).amount().value()).isEqualByComparingTo("40");
    }

    @Test
    void floorRewardCaps() {
        // B: 20,000 m² × 50 元 = 1,000,000 元 = 100 万 = the cap exactly
        assertThat(LINHAI.floorReward(EnterpriseClass.B, new BigDecimal("20000"), 1).byClass().value()).isEqualByComparingTo("100");
        // A: 16,666 m² × 60 = 999,960 元 = 99.996 万, just under; 20,000 m² × 60 = 120 万 → 100
        assertThat(LINHAI.floorReward(EnterpriseClass.A, new BigDecimal("16666"), 1).byClass().value()).isEqualByComparingTo("99.996");
        assertThat(LINHAI.floorReward(EnterpriseClass.A, new BigDecimal("20000"), 1).byClass().value()).isEqualByComparingTo("100");
        // floors: 25,000 m² × 50 = 125 万 → 100
        assertThat(LINHAI.floorReward(EnterpriseClass.D, new BigDecimal("25000"), 7).byFloors().value()).isEqualByComparingTo("100");
    }

    @Test
    void aCountyMayPayBothUnderACombinedCap() {
        // SUM: A on 5 floors, 10,000 m²: 60 + 40 = 100; with a combined cap of 80 → 80
        ZeroLandTechRules sum = new ZeroLandTechRules(LINHAI.equipmentTiers(), LINHAI.classRates(), LINHAI.classRewardCap(), LINHAI.floorTiers(),
                LINHAI.floorRewardCap(), Combination.SUM, null, 3, new Mu(BigDecimal.TEN), LINHAI.barredClasses());
        FloorReward both = sum.floorReward(EnterpriseClass.A, new BigDecimal("10000"), 5);
        assertThat(both.amount().value()).isEqualByComparingTo("100");
        assertThat(both.basis()).isEqualTo(RewardBasis.BOTH);
        ZeroLandTechRules capped = new ZeroLandTechRules(LINHAI.equipmentTiers(), LINHAI.classRates(), LINHAI.classRewardCap(), LINHAI.floorTiers(),
                LINHAI.floorRewardCap(), Combination.SUM, WanYuan.of("80"), 3, new Mu(BigDecimal.TEN), LINHAI.barredClasses());
        assertThat(capped.floorReward(EnterpriseClass.A, new BigDecimal("10000"), 5).amount().value()).isEqualByComparingTo("80");
    }

    // --- land transfer ---

    @Test
    void threeParcelsOfAtLeastTenMuToAClassBEnterprisePass() {
        assertThat(LINHAI.transferChecks(mu("10", "12.5", "20"), EnterpriseClass.B)).isEmpty();
        // an enterprise not yet evaluated (no class) is not barred
        assertThat(LINHAI.transferChecks(mu("30"), null)).isEmpty();
    }

    @Test
    void fourParcelsAreTooMany() {
        List<TransferProblem> p = LINHAI.transferChecks(mu("10", "10", "10", "10"), EnterpriseClass.A);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("TOO_MANY_PARCELS");
            assertThat(x.reason()).contains("分割为 4 宗，超过上限 3 宗").contains("at most 3 are allowed");
        });
    }

    @Test
    void aParcelOfNinePointNineNineMuIsTooSmall() {
        List<TransferProblem> p = LINHAI.transferChecks(mu("10", "9.99"), EnterpriseClass.A);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("PARCEL_TOO_SMALL");
            assertThat(x.reason()).contains("第 2 宗 9.99 亩，小于 10 亩").contains("parcel 2 has 9.99 亩");
        });
    }

    @Test
    void classCAndDMayNotReceiveLand() {
        assertThat(LINHAI.transferChecks(mu("15"), EnterpriseClass.C)).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("TRANSFEREE_CLASS");
            assertThat(x.reason()).contains("受让企业为 C 类，不得转让给 C/D 类企业");
        });
        assertThat(LINHAI.transferChecks(mu("15"), EnterpriseClass.D)).hasSize(1);
    }

    @Test
    void everyFailedCheckIsReported() {
        // 4 parcels, two under 10 亩, class D: 1 + 2 + 1 = 4 problems
        assertThat(LINHAI.transferChecks(mu("10", "5", "9", "30"), EnterpriseClass.D)).extracting(TransferProblem::code)
                .containsExactly("TOO_MANY_PARCELS", "PARCEL_TOO_SMALL", "PARCEL_TOO_SMALL", "TRANSFEREE_CLASS");
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> new EquipmentTier(WanYuan.ZERO, WanYuan.ZERO, new BigDecimal("-1"), WanYuan.ZERO)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new ZeroLandTechRules(List.of(), Map.of(), WanYuan.ZERO, List.of(), WanYuan.ZERO, Combination.HIGHER, null, 0,
                new Mu(BigDecimal.TEN), Set.of())).hasMessageContaining("at least 1");
    }
}
