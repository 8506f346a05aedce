package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mujun.evaluation.Fixtures.uscc;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.evaluation.Explanation.Path;
import org.mujun.evaluation.Scheme.ClassRule;

/**
 * Explanations on the {@link Fixtures} population, and every suggested path checked by re-running the
 * engine with the published benchmarks pinned: the figure reaches the class, and a hair less does not.
 */
class ExplanationUnitTest {

    static final Scheme SCHEME = Fixtures.scheme();
    static final Enterprises INPUTS = Enterprises.of(Fixtures.inputs());
    static final EvaluationResult PUBLISHED = Evaluation.run(SCHEME, INPUTS);

    /** The score class of enterprise n after changing its tax by +dTax or its land by −dLand, benchmarks pinned. */
    static EvaluationClass rerun(Scheme scheme, EvaluationResult published, int n, double dTax, double dLand) {
        int i = published.inputs().indexOf(uscc(n));
        EnterpriseInput e = published.inputs().get(i);
        double tax = e.taxWan() == null ? 0 : e.taxWan();
        EnterpriseInput changed = e.toBuilder().tax(dTax == 0 ? e.taxWan() : tax + dTax).land(dLand == 0 ? e.landMu() : e.landMu() - dLand).build();
        EvaluationResult r = Evaluation.run(scheme, published.inputs().with(i, changed), published);
        return r.enterprise(uscc(n)).orElseThrow().scoreClass();
    }

    static void verify(Scheme scheme, EvaluationResult published, int n, Explanation x) {
        EvaluationClass now = x.scoreClass();
        EvaluationClass target = x.next().target();
        Path tax = x.next().tax();
        Path land = x.next().land();
        assertThat(tax.reachable()).isTrue();
        assertThat(rerun(scheme, published, n, tax.exact(), 0)).isEqualTo(target);
        assertThat(rerun(scheme, published, n, Math.nextDown(tax.exact()), 0)).isEqualTo(now);
        assertThat(rerun(scheme, published, n, tax.exact() - 1e-6, 0)).isEqualTo(now);
        assertThat(rerun(scheme, published, n, tax.rounded(), 0)).isEqualTo(target);
        assertThat(rerun(scheme, published, n, tax.rounded() - 0.01, 0)).isEqualTo(now);
        if (land.reachable()) {
            assertThat(rerun(scheme, published, n, 0, land.exact())).isEqualTo(target);
            assertThat(rerun(scheme, published, n, 0, Math.nextDown(land.exact()))).isEqualTo(now);
            assertThat(rerun(scheme, published, n, 0, land.rounded())).isEqualTo(target);
            assertThat(rerun(scheme, published, n, 0, land.rounded() - 0.01)).isEqualTo(now);
        }
    }

    @Test
    void contributionsAndPercentiles() {
        Explanation x = Explanation.of(PUBLISHED, uscc(5));
        // E05: s = 50 + 33 + 20.625 = 103.625; 亩均税收 share 50 / 103.625 = 48.25 %
        assertThat(x.total()).isEqualTo(103.625);
        assertThat(x.totalText()).isEqualTo("103.63");
        Explanation.Contribution c1 = x.contributions().get(0);
        assertThat(c1.value()).isEqualTo(10.0);
        assertThat(c1.benchmark()).isEqualTo(10.0);
        assertThat(c1.weight()).isEqualTo(50.0);
        assertThat(c1.shareOfTotal()).isCloseTo(50 / 103.625, EvaluationUnitTest.EPS);
        // C26 亩均税收 20, 16, 13, 12, 10: E05 is the lowest, 1 of 5 ≤ it → 20 %
        assertThat(c1.industryPercentile()).isEqualTo(20.0);
        assertThat(c1.industryPeers()).isEqualTo(5);
        // C34 亩均税收 10, 8, 5, 5, 1: E06 is the highest → 100 %
        assertThat(Explanation.of(PUBLISHED, uscc(6)).contributions().get(0).industryPercentile()).isEqualTo(100.0);
        assertThat(x.tieBreakZh()).contains("亩均税收高者在前").contains("统一社会信用代码升序");
    }

    @Test
    void fromBToAByTaxOrLand() {
        Explanation x = Explanation.of(PUBLISHED, uscc(5));
        // E05 is B (rank 5); the last A is E02 with 140 (亩均税收 16): gap 140 − 103.625 = 36.375
        assertThat(x.next().target()).isEqualTo(EvaluationClass.A);
        assertThat(x.next().boundaryUscc()).isEqualTo(uscc(2));
        assertThat(x.next().gap()).isEqualTo(36.375);
        // each 万元 of tax adds 50 × (1/10) / 10 = 0.5 points: X = 36.375 / 0.5 = 72.75 (at 140 its 亩均税收 17.275 > 16 wins the tie)
        assertThat(x.next().tax().exact()).isCloseTo(72.75, EvaluationUnitTest.EPS);
        assertThat(x.next().tax().newFigure()).isCloseTo(172.75, org.assertj.core.api.Assertions.within(0.011));
        // land: 500/(10 − Y) + 330/(10 − Y) + 20.625 > 140 → 10 − Y = 830 / 119.375 = 6.95288 → Y = 3.04712
        assertThat(x.next().land().exact()).isCloseTo(10 - 830 / 119.375, EvaluationUnitTest.EPS);
        assertThat(x.next().land().rounded()).isEqualTo(3.05);
        assertThat(x.next().summaryZh()).contains("减少用地3.05亩").contains("升至A 优先支持类").contains("基准值和其他企业得分保持不变");
        assertThat(x.next().summaryEn()).contains("less land").contains("held fixed");
        verify(SCHEME, PUBLISHED, 5, x);
    }

    @Test
    void fromDToCNeedsToWinTheTieBreak() {
        Explanation x = Explanation.of(PUBLISHED, uscc(10));
        // E10 is D (44); the last C is E09 with 61 and 亩均税收 5. +34 万元 reaches 61 exactly but with 亩均税收 4.4 < 5,
        // so the tie-break keeps E10 behind: the path is "just above" 34 in the engine's arithmetic
        assertThat(x.next().target()).isEqualTo(EvaluationClass.C);
        assertThat(x.next().gap()).isEqualTo(17.0);
        assertThat(x.next().tax().exact()).isCloseTo(34, EvaluationUnitTest.EPS);
        verify(SCHEME, PUBLISHED, 10, x);
    }

    @Test
    void everyGradedEnterpriseBelowAHasAVerifiedPath() {
        for (int n = 2; n <= 10; n++) {
            Explanation x = Explanation.of(PUBLISHED, uscc(n));
            if (x.scoreClass() != EvaluationClass.A) {
                verify(SCHEME, PUBLISHED, n, x);
            }
        }
        assertThat(Explanation.of(PUBLISHED, uscc(1)).next()).isNull();
    }

    @Test
    void thresholdPath() {
        Scheme.Population p = SCHEME.populations().get(0);
        Scheme s = SCHEME.withPopulations(List.of(p.withClassRule(ClassRule.thresholds(150, 100, 60))));
        EvaluationResult published = Evaluation.run(s, INPUTS);
        Explanation x = Explanation.of(published, uscc(6));
        // E06 90 is C; B needs 100: gap 10 → 10 / 0.5 = 20 万元; land: 700/(10 − Y) + 20 ≥ 100 → 10 − Y = 8.75 → Y = 1.25
        assertThat(x.next().byRank()).isFalse();
        assertThat(x.next().boundaryScore()).isEqualTo(100.0);
        assertThat(x.next().tax().rounded()).isEqualTo(20.0);
        assertThat(x.next().land().exact()).isCloseTo(1.25, EvaluationUnitTest.EPS);
        verify(s, published, 6, x);
    }

    @Test
    void missingTaxAndCappedIndicators() {
        // with a cap of 1 on every indicator E10 can at most score 100 + ... : still reachable from D; but A from B is not when capped
        Scheme.Population p = SCHEME.populations().get(0);
        Scheme s = SCHEME.withPopulations(List.of(p.withIndicators(p.indicators().stream().map(i -> i.withCap(1.0)).toList())));
        EvaluationResult published = Evaluation.run(s, INPUTS);
        // capped at 1: E01 50 + 30 + 20 = 100, E02 50 + 30 + 20 = 100 (tie, 亩均税收 20 > 16), E04 50+30+19.something …
        Explanation x = Explanation.of(published, uscc(5));
        // E05 (50 + 30 + 20 = 100) is B behind E02 (100, 亩均税收 16): more tax reaches 亩均税收 > 16 and wins the tie
        assertThat(x.scoreClass()).isEqualTo(EvaluationClass.B);
        assertThat(x.next().tax().reachable()).isTrue();
        assertThat(x.next().tax().exact()).isCloseTo(60, EvaluationUnitTest.EPS);  // 亩均税收 (100 + 60)/10 = 16 = E02's, then USCC E02 < E05
        verify(s, published, 5, x);
        Explanation ex = Explanation.of(published, uscc(11));
        assertThat(ex.next()).isNull();
        assertThat(ex.outcome()).isEqualTo(EvaluationResult.Outcome.EXEMPT);
    }

    @Test
    void belowDesignatedSizeKeepsThreeMu() {
        Scheme d = Scheme.defaultScheme("331003", 2022);
        Scheme s = d.withPopulations(List.of(d.population(PopulationKind.BELOW).withClassRule(ClassRule.thresholds(150, 100, 50))));
        List<EnterpriseInput> in = List.of(
                EnterpriseInput.builder(uscc(41)).region(Fixtures.TOWN).size(SizeClass.BELOW).land(4.0).tax(4.0).kwh(40_000.0).build(),
                EnterpriseInput.builder(uscc(42)).region(Fixtures.TOWN).size(SizeClass.BELOW).land(4.0).tax(12.0).kwh(40_000.0).build());
        EvaluationResult published = Evaluation.run(s, in);
        // b1 = 16 / 8 = 2 万元/亩, b2 = 16 × 10⁴ / 80,000 = 2 元/kWh; E41: 50 × 1/2 + 50 × 1/2 = 50 → C; E42: 75 + 75 = 150 → A
        Explanation x = Explanation.of(published, uscc(41));
        assertThat(x.scoreClass()).isEqualTo(EvaluationClass.C);
        // to B (100): tax moves both indicators: 50 × (4 + X)/4/2 + 50 × (4 + X) × 10⁴/40,000/2 = 12.5 × (4 + X) ≥ 100 → X = 4
        assertThat(x.next().tax().exact()).isCloseTo(4, EvaluationUnitTest.EPS);
        // land: 100/(4 − Y) + 25 ≥ 100 needs 4 − Y = 1.33 亩, but a 规下 enterprise must keep 3 亩 (at 3: 58.33): no land path
        assertThat(x.next().land().reachable()).isFalse();
        assertThat(x.next().land().reasonZh()).contains("用地须不少于3.00亩");
        assertThat(x.next().summaryZh()).startsWith("再缴税4.00万元").doesNotContain("减少用地");
        verify(s, published, 41, x);
    }
}
