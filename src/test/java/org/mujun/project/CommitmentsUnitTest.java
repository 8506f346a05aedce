package org.mujun.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;
import org.mujun.project.Commitments.Benefit;
import org.mujun.project.Commitments.ClawbackMode;
import org.mujun.project.Commitments.ClawbackRule;
import org.mujun.project.Commitments.Commitment;
import org.mujun.project.Commitments.Condition;
import org.mujun.project.Commitments.ConditionStatus;
import org.mujun.project.Commitments.Direction;
import org.mujun.project.Commitments.Evaluation;
import org.mujun.project.Commitments.Source;
import org.mujun.project.Commitments.SourceKind;

/**
 * A subsidy commitment: 亩均税收 ≥ 30 万元/亩 and 产值 ≥ 5,000 万元 by 2025-12-31, 单位增加值能耗 ≤ 0.5
 * tce/万元 by 2026-12-31; benefits 100 万元 received 2024-01-10 and 50 万元 received 2024-07-01.
 * Evaluated on 2026-03-31. Days from receipt: 2024-01-10 → 2026-03-31 = 366 (to 2025-01-10, with
 * 2024-02-29) + 365 (to 2026-01-10) + 80 (to 2026-03-31) = 811; 2024-07-01 → 2026-03-31 = 365 + 273 = 638.
 */
class CommitmentsUnitTest {

    static final Uscc ENTERPRISE = uscc("91331082MA2CM0001");
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    static Uscc uscc(String first17) {
        return new Uscc(first17 + Uscc.checkChar(first17));
    }

    static Commitment commitment(ClawbackRule rule) {
        return new Commitment("C-1", ENTERPRISE, new Source(SourceKind.SUBSIDY, "临经信〔2024〕12号"),
                List.of(new Condition("TAX_PER_MU", "亩均税收", Direction.AT_LEAST, new BigDecimal("30"), LocalDate.of(2025, 12, 31)),
                        new Condition("OUTPUT", "产值", Direction.AT_LEAST, new BigDecimal("5000"), LocalDate.of(2025, 12, 31)),
                        new Condition("ENERGY_PER_VA", "单位增加值能耗", Direction.AT_MOST, new BigDecimal("0.5"), LocalDate.of(2026, 12, 31))),
                List.of(new Benefit(WanYuan.of("100"), LocalDate.of(2024, 1, 10), "技改设备补助"),
                        new Benefit(WanYuan.of("50"), LocalDate.of(2024, 7, 1), "新增建筑面积奖励")),
                rule);
    }

    static Map<String, BigDecimal> actuals(String tax, String output, String energy) {
        return Map.of("TAX_PER_MU", new BigDecimal(tax), "OUTPUT", new BigDecimal(output), "ENERGY_PER_VA", new BigDecimal(energy));
    }

    @Test
    void proRataClawbackWithInterestByDefault() {
        // 亩均税收 24: (30 − 24) / 30 = 20.00 % short → breach; 产值 5,200 ≥ 5,000 met; 能耗 0.7 not due until 2026-12-31
        Evaluation e = Commitments.evaluate(commitment(ClawbackRule.defaults()), actuals("24", "5200", "0.7"), AS_OF);
        assertThat(e.breached()).isTrue();
        assertThat(e.conditions()).extracting(Commitments.ConditionResult::status)
                .containsExactly(ConditionStatus.BREACHED, ConditionStatus.MET, ConditionStatus.PENDING);
        assertThat(e.conditions().get(0).shortfallPercent()).isEqualByComparingTo("20.00");
        // share 20 %: principal 100 × 20 % = 20 and 50 × 20 % = 10 → 30
        assertThat(e.clawback().sharePercent()).isEqualByComparingTo("20");
        assertThat(e.clawback().principal().value()).isEqualByComparingTo("30");
        // interest at 3.0 % a year, 360-day basis: 20 × 3 % × 811 / 360 = 1.351666… → 1.3517;
        // 10 × 3 % × 638 / 360 = 0.531666… → 0.5317; Σ 1.8834; total 31.8834
        assertThat(e.clawback().lines().get(0).days()).isEqualTo(811);
        assertThat(e.clawback().lines().get(0).interest().value()).isEqualByComparingTo("1.3517");
        assertThat(e.clawback().lines().get(1).days()).isEqualTo(638);
        assertThat(e.clawback().lines().get(1).interest().value()).isEqualByComparingTo("0.5317");
        assertThat(e.clawback().interest().value()).isEqualByComparingTo("1.8834");
        assertThat(e.clawback().total().value()).isEqualByComparingTo("31.8834");
        // on the 失信 list
        assertThat(e.dishonesty().enterprise()).isEqualTo(ENTERPRISE);
        assertThat(e.dishonesty().on()).isEqualTo(AS_OF);
        assertThat(e.dishonesty().reason()).contains("补助兑现条件 临经信〔2024〕12号：亩均税收 承诺≥30（2025-12-31 前），实际 24")
                .contains("subsidy conditions 临经信〔2024〕12号: 亩均税收 committed ≥ 30 by 2025-12-31, actual 24");
    }

    @Test
    void fullClawback() {
        // FULL: 100 + 50 = 150; interest 100 × 3 % × 811 / 360 = 6.7583, 50 × 3 % × 638 / 360 = 2.6583; total 159.4166
        Evaluation e = Commitments.evaluate(commitment(new ClawbackRule(ClawbackMode.FULL, new BigDecimal("3.0"), 360)), actuals("24", "5200", "0.4"), AS_OF);
        assertThat(e.clawback().principal().value()).isEqualByComparingTo("150");
        assertThat(e.clawback().interest().value()).isEqualByComparingTo("9.4166");
        assertThat(e.clawback().total().value()).isEqualByComparingTo("159.4166");
        // a 365-day year: 100 × 3 % × 811 / 365 = 6.6658, 50 × 3 % × 638 / 365 = 2.6219 → 9.2877
        Evaluation e365 = Commitments.evaluate(commitment(new ClawbackRule(ClawbackMode.FULL, new BigDecimal("3.0"), 365)), actuals("24", "5200", "0.4"), AS_OF);
        assertThat(e365.clawback().interest().value()).isEqualByComparingTo("9.2877");
        // no interest at 0 %
        Evaluation free = Commitments.evaluate(commitment(new ClawbackRule(ClawbackMode.FULL, BigDecimal.ZERO, 360)), actuals("24", "5200", "0.4"), AS_OF);
        assertThat(free.clawback().total().value()).isEqualByComparingTo("150");
    }

    @Test
    void theWorstShortfallSetsTheProRataShare() {
        // 亩均税收 27 (10 % short) and 产值 3,500 ((5,000 − 3,500) / 5,000 = 30 % short): share 30 % → 45
        Evaluation e = Commitments.evaluate(commitment(ClawbackRule.defaults()), actuals("27", "3500", "0.4"), AS_OF);
        assertThat(e.clawback().sharePercent()).isEqualByComparingTo("30");
        assertThat(e.clawback().principal().value()).isEqualByComparingTo("45");
    }

    @Test
    void exactlyAtTheThresholdIsMet() {
        Evaluation e = Commitments.evaluate(commitment(ClawbackRule.defaults()), actuals("30", "5000", "0.7"), AS_OF);
        assertThat(e.breached()).isFalse();
        assertThat(e.clawback()).isNull();
        assertThat(e.dishonesty()).isNull();
    }

    @Test
    void dueOnTheDeadlineDayNotTheDayBefore() {
        // 能耗 0.7 > 0.5 is due on 2026-12-31: pending on 2026-12-30, breached on 2026-12-31 ((0.7 − 0.5) / 0.5 = 40 %)
        Evaluation before = Commitments.evaluate(commitment(ClawbackRule.defaults()), actuals("30", "5000", "0.7"), LocalDate.of(2026, 12, 30));
        assertThat(before.breached()).isFalse();
        assertThat(before.conditions().get(2).status()).isEqualTo(ConditionStatus.PENDING);
        Evaluation on = Commitments.evaluate(commitment(ClawbackRule.defaults()), actuals("30", "5000", "0.7"), LocalDate.of(2026, 12, 31));
        assertThat(on.breached()).isTrue();
        assertThat(on.conditions().get(2).shortfallPercent()).isEqualByComparingTo("40");
        // before any deadline nothing can be breached, whatever the figures
        assertThat(Commitments.evaluate(commitment(ClawbackRule.defaults()), actuals("0", "0", "9"), LocalDate.of(2025, 12, 30)).breached()).isFalse();
    }

    @Test
    void aMissingFigureIsABreachOfAHundredPercent() {
        Evaluation e = Commitments.evaluate(commitment(ClawbackRule.defaults()), Map.of("OUTPUT", new BigDecimal("6000")), AS_OF);
        assertThat(e.breached()).isTrue();
        assertThat(e.conditions().get(0).actual()).isNull();
        assertThat(e.conditions().get(0).shortfallPercent()).isEqualByComparingTo("100");
        assertThat(e.clawback().principal().value()).isEqualByComparingTo("150");
        assertThat(e.dishonesty().reason()).contains("实际 无数据").contains("actual missing");
    }

    @Test
    void atMostZeroAndOverAHundredPercent() {
        // "重大安全事故 ≤ 0" with 1: 100 % (threshold 0); 能耗 ≤ 0.5 with 1.6: 220 % short, clawback share capped at 100 %
        Commitment c = new Commitment("C-2", ENTERPRISE, new Source(SourceKind.STANDARD_LAND, "LH-2023-001"),
                List.of(new Condition("ACCIDENTS", "重大安全事故", Direction.AT_MOST, BigDecimal.ZERO, LocalDate.of(2025, 12, 31)),
                        new Condition("ENERGY_PER_VA", null, Direction.AT_MOST, new BigDecimal("0.5"), LocalDate.of(2025, 12, 31))),
                List.of(new Benefit(WanYuan.of("10"), AS_OF, "奖励")), ClawbackRule.defaults());
        Evaluation e = Commitments.evaluate(c, Map.of("ACCIDENTS", BigDecimal.ONE, "ENERGY_PER_VA", new BigDecimal("1.6")), AS_OF);
        assertThat(e.conditions().get(0).shortfallPercent()).isEqualByComparingTo("100");
        assertThat(e.conditions().get(1).shortfallPercent()).isEqualByComparingTo("220");
        assertThat(e.clawback().sharePercent()).isEqualByComparingTo("100");
        // received on the evaluation day: 0 days of interest
        assertThat(e.clawback().lines().get(0).days()).isZero();
        assertThat(e.clawback().total().value()).isEqualByComparingTo("10");
        assertThat(e.dishonesty().reason()).startsWith("标准地协议 LH-2023-001");
    }

    @Test
    void benefitsNotYetReceivedAreNotClawedBack() {
        Commitment c = new Commitment("C-3", ENTERPRISE, new Source(SourceKind.SUBSIDY, ""),
                List.of(new Condition("TAX_PER_MU", "亩均税收", Direction.AT_LEAST, new BigDecimal("30"), LocalDate.of(2025, 12, 31))),
                List.of(new Benefit(WanYuan.of("100"), LocalDate.of(2026, 4, 1), "second instalment")), ClawbackRule.defaults());
        Evaluation e = Commitments.evaluate(c, Map.of("TAX_PER_MU", new BigDecimal("15")), AS_OF);
        assertThat(e.breached()).isTrue();
        assertThat(e.clawback().lines()).isEmpty();
        assertThat(e.clawback().total().value()).isEqualByComparingTo("0");
    }

    @Test
    void aTinyBreachStillShows() {
        // 29.999 of 30: 0.0033 % rounds to 0.00 at 2 decimals; shown as 0.01 so a breach never reads "0 %"
        Evaluation e = Commitments.evaluate(commitment(ClawbackRule.defaults()), actuals("29.999", "5000", "0.4"), AS_OF);
        assertThat(e.breached()).isTrue();
        assertThat(e.conditions().get(0).shortfallPercent()).isEqualByComparingTo("0.01");
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> new ClawbackRule(ClawbackMode.FULL, BigDecimal.ONE, 300)).hasMessageContaining("360 or 365");
        assertThatThrownBy(() -> new Condition("X", null, Direction.AT_LEAST, new BigDecimal("-1"), AS_OF)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> new Commitment("C", ENTERPRISE, new Source(SourceKind.OTHER, null), List.of(), List.of(), ClawbackRule.defaults()))
                .hasMessageContaining("at least one condition");
    }
}
