package org.mujun.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.screening.ScreeningEngine.Hit;
import org.mujun.screening.ScreeningEngine.IndustryMean;
import org.mujun.screening.ScreeningEngine.Subject;
import org.mujun.screening.ScreeningEngine.YearFigures;

/** SPEC §6 default rules, hand-worked at every threshold boundary. */
class ScreeningEngineUnitTest {

    static final ScreeningRules R = ScreeningRules.DEFAULTS;

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static YearFigures y(int year, String land, String tax, String revenue, String cls) {
        return new YearFigures(year, d(land), d(tax), d(revenue), cls);
    }

    /** An enterprise in a zone, not 两高, 规上, with no energy data: only the rules under test can fire. */
    static Subject s(YearFigures... years) {
        return new Subject("U", "n", "331082001", "C34", false, true, false, null, null, List.of(years));
    }

    static List<RuleCode> fired(Subject s) {
        return ScreeningEngine.hits(s, Map.of(), R).stream().map(Hit::rule).toList();
    }

    static Hit hit(Subject s, RuleCode rule) {
        return ScreeningEngine.hits(s, Map.of(), R).stream().filter(h -> h.rule() == rule).findFirst().orElse(null);
    }

    @Test
    void taxTiersAreStrictlyBelowAndReportTheLowestTier() {
        // 10 亩: tax 29.99 → 2.999 < 3 → tier 3 (shown 3.00 after rounding, but below exactly)
        Hit h = hit(s(y(2024, "10", "29.99", null, null)), RuleCode.TAX_PER_MU);
        assertThat(h.threshold()).isEqualByComparingTo("3");
        assertThat(h.value()).isEqualByComparingTo("3.00");
        // exactly 3.00 → not below 3, below 5
        assertThat(hit(s(y(2024, "10", "30", null, null)), RuleCode.TAX_PER_MU).threshold()).isEqualByComparingTo("5");
        // 4.99 → tier 5
        assertThat(hit(s(y(2024, "10", "49.9", null, null)), RuleCode.TAX_PER_MU).threshold()).isEqualByComparingTo("5");
        // exactly 5 → tier 10
        Hit five = hit(s(y(2024, "10", "50", null, null)), RuleCode.TAX_PER_MU);
        assertThat(five.threshold()).isEqualByComparingTo("10");
        assertThat(five.value()).isEqualByComparingTo("5.00");
        assertThat(five.detailZh()).contains("5 万元/亩 < 10 万元/亩").contains("税收 50 万元").contains("用地 10 亩");
        // 9.999 → tier 10; exactly 10 → nothing
        assertThat(hit(s(y(2024, "10", "99.99", null, null)), RuleCode.TAX_PER_MU).threshold()).isEqualByComparingTo("10");
        assertThat(fired(s(y(2024, "10", "100", null, null)))).doesNotContain(RuleCode.TAX_PER_MU);
        // 7.5 亩, 22.5 万 → exactly 3 → tier 5 (no rounding trouble: 22.5 < 3 × 7.5 is false)
        assertThat(hit(s(y(2024, "7.5", "22.5", null, null)), RuleCode.TAX_PER_MU).threshold()).isEqualByComparingTo("5");
    }

    @Test
    void taxRuleNeedsLandAndTax() {
        assertThat(fired(s(y(2024, null, "1", null, null)))).isEmpty();
        assertThat(fired(s(y(2024, "0", "1", null, null)))).isEmpty();
        assertThat(fired(s(y(2024, "10", null, null, null)))).isEmpty();
        // zero tax on land is 0 < 3
        assertThat(hit(s(y(2024, "10", "0", null, null)), RuleCode.TAX_PER_MU).threshold()).isEqualByComparingTo("3");
    }

    @Test
    void classDTwoOrMoreConsecutiveYearsEndingThisYear() {
        assertThat(fired(s(y(2024, null, null, null, "D")))).doesNotContain(RuleCode.CLASS_D_CONSECUTIVE);
        Hit two = hit(s(y(2024, null, null, null, "D"), y(2023, null, null, null, "D")), RuleCode.CLASS_D_CONSECUTIVE);
        assertThat(two.value()).isEqualByComparingTo("2");
        assertThat(two.detailZh()).contains("2023–2024");
        assertThat(hit(s(y(2024, null, null, null, "D"), y(2023, null, null, null, "D"), y(2022, null, null, null, "D")),
                RuleCode.CLASS_D_CONSECUTIVE).value()).isEqualByComparingTo("3");
        // C this year breaks it; a gap year breaks it
        assertThat(fired(s(y(2024, null, null, null, "C"), y(2023, null, null, null, "D"), y(2022, null, null, null, "D")))).isEmpty();
        assertThat(fired(s(y(2024, null, null, null, "D"), y(2022, null, null, null, "D")))).isEmpty();
        assertThat(fired(s(y(2024, null, null, null, "D"), y(2023, null, null, null, null)))).isEmpty();
    }

    @Test
    void energyBelowShareOfIndustryMean() {
        // industry C26: Σ va 300, Σ tce 100 → mean 3 万元/tce; half of it is 1.5
        IndustryMean mean = new IndustryMean("C26", d("300"), d("100"), 3);
        Subject below = new Subject("U", "n", "331082001", "C2611", false, true, false, d("14.9"), d("10"), List.of(y(2024, null, null, null, null)));
        Subject at = new Subject("U", "n", "331082001", "C2611", false, true, false, d("15"), d("10"), List.of(y(2024, null, null, null, null)));
        Hit h = ScreeningEngine.hits(below, Map.of("C26", mean), R).get(0);
        assertThat(h.rule()).isEqualTo(RuleCode.ENERGY_EFFICIENCY);
        assertThat(h.value()).isEqualByComparingTo("1.49");
        assertThat(h.threshold()).isEqualByComparingTo("1.50");
        assertThat(h.detailZh()).contains("均值 3 × 0.5 = 1.5");
        assertThat(ScreeningEngine.hits(at, Map.of("C26", mean), R)).isEmpty();
        // no energy figure, or no industry mean: nothing
        Subject noEnergy = new Subject("U", "n", "331082001", "C26", false, true, false, d("1"), null, List.of(y(2024, null, null, null, null)));
        assertThat(ScreeningEngine.hits(noEnergy, Map.of("C26", mean), R)).isEmpty();
        assertThat(ScreeningEngine.hits(below, Map.of(), R)).isEmpty();
    }

    @Test
    void industryMeansAreAggregatesPerDivision() {
        Subject a = new Subject("A", "n", "3310", "C2611", false, true, false, d("100"), d("20"), List.of(y(2024, null, null, null, null)));
        Subject b = new Subject("B", "n", "3310", "C26", false, true, false, d("200"), d("80"), List.of(y(2024, null, null, null, null)));
        Subject c = new Subject("C", "n", "3310", "C34", false, true, false, d("50"), d("0"), List.of(y(2024, null, null, null, null)));
        Map<String, IndustryMean> m = ScreeningEngine.industryMeans(List.of(a, b, c));
        assertThat(m).containsOnlyKeys("C26");
        assertThat(m.get("C26").mean()).isEqualByComparingTo("3.00"); // 300 / 100, not mean of 5 and 2.5
        assertThat(m.get("C26").members()).isEqualTo(2);
        // b: 2.5 ≥ 1.5 → no; a: 5 → no. A third one at 1.4 fires in a screen of all three
        Subject low = new Subject("L", "n", "3310", "C26", false, true, false, d("14"), d("10"), List.of(y(2024, null, null, null, null)));
        List<ScreeningEngine.Screened> all = ScreeningEngine.screen(List.of(a, b, low), R);
        // Σ 314 / 110 = 2.8545…; half 1.4273 → 1.4 fires
        assertThat(all.get(2).candidate()).isTrue();
        assertThat(all.get(0).candidate()).isFalse();
        assertThat(all.get(1).candidate()).isFalse();
    }

    @Test
    void belowScaleOnTwentyMuOrMore() {
        Subject at20 = new Subject("U", "n", "331082001", "C34", true, true, false, null, null, List.of(y(2024, "20", null, null, null)));
        Subject under = new Subject("U", "n", "331082001", "C34", true, true, false, null, null, List.of(y(2024, "19.99", null, null, null)));
        Subject above = new Subject("U", "n", "331082001", "C34", false, true, false, null, null, List.of(y(2024, "50", null, null, null)));
        Hit h = ScreeningEngine.hits(at20, Map.of(), R).get(0);
        assertThat(h.rule()).isEqualTo(RuleCode.BELOW_SCALE_LARGE_LAND);
        assertThat(h.value()).isEqualByComparingTo("20");
        assertThat(ScreeningEngine.hits(under, Map.of(), R)).isEmpty();
        assertThat(ScreeningEngine.hits(above, Map.of(), R)).isEmpty();
    }

    @Test
    void lianggaoAndOutsideZone() {
        Subject lg = new Subject("U", "n", "331082001", "C26", false, true, true, null, null, List.of(y(2024, null, null, null, null)));
        Subject out = new Subject("U", "n", "331082001", "C34", false, false, false, null, null, List.of(y(2024, null, null, null, null)));
        assertThat(ScreeningEngine.hits(lg, Map.of(), R)).extracting(Hit::rule).containsExactly(RuleCode.LIANGGAO_INDUSTRY);
        assertThat(ScreeningEngine.hits(out, Map.of(), R)).extracting(Hit::rule).containsExactly(RuleCode.OUTSIDE_ZONE);
    }

    @Test
    void highRevenueLowTaxTwoYearsRunning() {
        // 1 亿 exactly and 10 万/亩 exactly in both years → fires (≥ and ≤); the tax tier rule does not (10 is not < 10)
        Subject both = s(y(2024, "10", "100", "10000", null), y(2023, "10", "100", "10000", null));
        assertThat(fired(both)).containsExactly(RuleCode.HIGH_REVENUE_LOW_TAX);
        Hit h = hit(both, RuleCode.HIGH_REVENUE_LOW_TAX);
        assertThat(h.value()).isEqualByComparingTo("10000");
        assertThat(h.detailZh()).contains("2024 年营收 10000 万元、亩均税收 10 万元/亩").contains("2023 年");
        // revenue just under 1 亿 last year
        assertThat(fired(s(y(2024, "10", "100", "10000", null), y(2023, "10", "100", "9999.99", null)))).isEmpty();
        // tax just above 10 万/亩 this year
        assertThat(fired(s(y(2024, "10", "100.01", "20000", null), y(2023, "10", "50", "20000", null)))).isEmpty();
        // one year only
        assertThat(fired(s(y(2024, "10", "100", "20000", null)))).isEmpty();
        // a gap year
        assertThat(fired(s(y(2024, "10", "100", "20000", null), y(2022, "10", "100", "20000", null)))).isEmpty();
    }

    @Test
    void disabledRulesAndMinimumHits() {
        Subject lgOut = new Subject("U", "n", "331082001", "C26", false, false, true, null, null, List.of(y(2024, "10", "20", null, null)));
        assertThat(ScreeningEngine.screen(lgOut, Map.of(), R).hits()).extracting(Hit::rule)
                .containsExactly(RuleCode.TAX_PER_MU, RuleCode.LIANGGAO_INDUSTRY, RuleCode.OUTSIDE_ZONE);
        ScreeningRules onlyTax = new ScreeningRules(true, R.taxTiers(), false, 2, false, R.energyShare(), false, R.belowScaleMu(), false, false,
                false, R.revenueWan(), R.revenueTaxPerMu(), 2, 2);
        ScreeningEngine.Screened one = ScreeningEngine.screen(lgOut, Map.of(), onlyTax);
        assertThat(one.hits()).extracting(Hit::rule).containsExactly(RuleCode.TAX_PER_MU);
        assertThat(one.candidate()).isFalse(); // 1 hit < 2 required
        assertThat(ScreeningEngine.screen(lgOut, Map.of(), R).candidate()).isTrue();
    }

    @Test
    void rulesAreValidated() {
        assertThatThrownBy(() -> new ScreeningRules(true, List.of(d("5"), d("3")), true, 2, true, d("0.5"), true, d("20"), true, true,
                true, d("10000"), d("10"), 2, 1)).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new ScreeningRules(true, List.of(d("3")), true, 0, true, d("1.5"), true, d("20"), true, true,
                true, d("10000"), d("10"), 2, 0)).hasMessageContaining("consecutive D").hasMessageContaining("(0, 1]").hasMessageContaining("minimum");
        assertThat(R.yearsNeeded()).isEqualTo(2);
    }
}
