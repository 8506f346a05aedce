package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mujun.evaluation.Fixtures.uscc;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mujun.evaluation.EvaluationResult.EnterpriseResult;
import org.mujun.evaluation.EvaluationResult.Outcome;
import org.mujun.evaluation.EvaluationResult.OverrideType;
import org.mujun.evaluation.EvaluationResult.PopulationSummary;
import org.mujun.evaluation.Scheme.Benchmark;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.Scheme.Indicator;
import org.mujun.evaluation.Scheme.IndustryGroup;
import org.mujun.evaluation.Scheme.Population;
import org.mujun.evaluation.Scheme.ScoringMethod;

/** SPEC §5.1 by hand on the population of {@link Fixtures}. */
class EvaluationUnitTest {

    static final Offset<Double> EPS = within(1e-9);

    static EnterpriseResult r(EvaluationResult res, int n) {
        return res.enterprise(uscc(n)).orElseThrow();
    }

    static String order(EvaluationResult res) {
        List<EnterpriseResult> graded = new ArrayList<>(res.enterprises().stream().filter(e -> e.outcome() == Outcome.GRADED).toList());
        graded.sort(java.util.Comparator.comparing(EnterpriseResult::rank));
        return String.join(" ", graded.stream().map(e -> "E" + e.uscc().substring(15, 17)).toList());
    }

    static String classes(EvaluationResult res, boolean fin) {
        StringBuilder b = new StringBuilder();
        for (int n = 1; n <= 10; n++) {
            EnterpriseResult e = r(res, n);
            EvaluationClass c = fin ? e.finalClass() : e.scoreClass();
            b.append(c == null ? "-" : c.name());
        }
        return b.toString();
    }

    @Test
    void benchmarksAreAggregatesOverMembersWithValues() {
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), Fixtures.inputs());
        PopulationSummary p = res.population(PopulationKind.ABOVE);
        // N = 10: E11 and E12 exempt, E13 closed
        assertThat(p.size()).isEqualTo(10);
        assertThat(p.exempt()).isEqualTo(2);
        // b1 = Σtax / Σland = 1000 / 100 = 10 (E11's 5000 万元 not counted)
        assertThat(p.benchmark(IndicatorKind.TAX_PER_MU).scopes().get(0).value()).isCloseTo(10, EPS);
        assertThat(p.benchmark(IndicatorKind.TAX_PER_MU).scopes().get(0).sumNumerator()).isCloseTo(1000, EPS);
        // b2 = 3000 / 100 = 30
        assertThat(p.benchmark(IndicatorKind.VALUE_ADDED_PER_MU).scopes().get(0).value()).isCloseTo(30, EPS);
        // b3 = ΣVA / Σemissions over the 9 with emissions = 2650 / 26.5 = 100 (not the mean of ratios, which is 98.68)
        var b3 = p.benchmark(IndicatorKind.VALUE_ADDED_PER_EMISSION);
        assertThat(b3.scopes().get(0).present()).isEqualTo(9);
        assertThat(b3.scopes().get(0).sumNumerator()).isCloseTo(2650, EPS);
        assertThat(b3.scopes().get(0).value()).isCloseTo(100, EPS);
        // mean s3 over the 9: (25 + 20 + 20 + 20.625 + 20 + 20 + 16 + 16 + 20) / 9 = 177.625 / 9
        assertThat(b3.missingScore()).isCloseTo(177.625 / 9, EPS);
    }

    @Test
    void everyScoreAndTotalByHand() {
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), Fixtures.inputs());
        // s1 = 5·x1, s2 = x2, s3 = x3/5
        double[][] expected = {
                // s1, s2, s3, total
                {100, 45, 25, 170},                                  // E01
                {80, 40, 20, 140},                                   // E02
                {65, 38, 20, 113},                                   // E03: 123 − 10 (3 tenants: 2 beyond the first × −5)
                {60, 35, 177.625 / 9, 95 + 177.625 / 9},             // E04: emissions missing → mean 19.7361 → 114.7361
                {50, 33, 20.625, 103.625},                           // E05: x3 = 330/3.2 = 103.125 → 20.625
                {50, 20, 20, 90},                                    // E06
                {40, 30, 20, 90},                                    // E07: same total as E06
                {25, 20, 16, 61},                                    // E08
                {25, 20, 16, 61},                                    // E09: identical to E08
                {5, 19, 20, 44},                                     // E10
        };
        for (int n = 1; n <= 10; n++) {
            EnterpriseResult e = r(res, n);
            for (int j = 0; j < 3; j++) {
                assertThat(e.indicators().get(j).score()).as("E%02d s%d", n, j + 1).isCloseTo(expected[n - 1][j], EPS);
            }
            assertThat(e.total()).as("E%02d total", n).isCloseTo(expected[n - 1][3], EPS);
        }
        EnterpriseResult e4 = r(res, 4);
        assertThat(e4.indicator(IndicatorKind.VALUE_ADDED_PER_EMISSION).missing()).isTrue();
        assertThat(e4.indicator(IndicatorKind.VALUE_ADDED_PER_EMISSION).averageApplied()).isTrue();
        assertThat(e4.indicator(IndicatorKind.VALUE_ADDED_PER_EMISSION).value()).isNull();
        assertThat(e4.totalText()).isEqualTo("114.74");
        assertThat(r(res, 1).indicator(IndicatorKind.TAX_PER_MU).value()).isCloseTo(20, EPS);
        assertThat(r(res, 1).indicator(IndicatorKind.TAX_PER_MU).unit()).isEqualTo("万元/亩");
        EnterpriseResult e3 = r(res, 3);
        assertThat(e3.adjustments()).singleElement().satisfies(a -> assertThat(a.points()).isEqualTo(-10));
    }

    @Test
    void orderBreaksTiesByTaxPerMuThenUscc() {
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), Fixtures.inputs());
        // 170, 140, 114.74 (E04), 113 (E03), 103.625, 90 (E06, 亩均税收 10) before 90 (E07, 8), 61 (E08) before 61 (E09, same 亩均税收: USCC), 44
        assertThat(order(res)).isEqualTo("E01 E02 E04 E03 E05 E06 E07 E08 E09 E10");
        assertThat(r(res, 6).total()).isEqualTo(r(res, 7).total());
        assertThat(r(res, 8).total()).isEqualTo(r(res, 9).total());
        // rank within the industry division: C26 E01 E02 E04 E03 E05, C34 E06 E07 E08 E09 E10
        assertThat(r(res, 3).industryRank()).isEqualTo(4);
        assertThat(r(res, 3).industrySize()).isEqualTo(5);
        assertThat(r(res, 7).industryRank()).isEqualTo(2);
        assertThat(r(res, 7).industryDivision()).isEqualTo("C34");
    }

    @Test
    void rankSharesRoundHalfUp() {
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), Fixtures.inputs());
        // N = 10: n_A = round(0.20 × 10) = 2; n_D = round(0.05 × 10) = round(0.5) = 1; n_C = round(0.15 × 10) = round(1.5) = 2; B = 5
        // order E01 E02 | E04 E03 E05 E06 E07 | E08 E09 | E10
        assertThat(classes(res, false)).isEqualTo("AABBBBBCCD");
        assertThat(classes(res, true)).isEqualTo("AABBBBBCCD");
        PopulationSummary p = res.population(PopulationKind.ABOVE);
        assertThat(p.scoreClassCounts()).containsEntry(EvaluationClass.A, 2).containsEntry(EvaluationClass.B, 5)
                .containsEntry(EvaluationClass.C, 2).containsEntry(EvaluationClass.D, 1);
        // boundaries: lowest A is E02's 140, lowest B is E07's 90
        assertThat(p.boundaries()).anySatisfy(b -> {
            assertThat(b.evaluationClass()).isEqualTo(EvaluationClass.A);
            assertThat(b.lowest()).isEqualTo(140.0);
            assertThat(b.highest()).isEqualTo(170.0);
        });
        assertThat(Scoring.places(5, 10)).isEqualTo(1);
        assertThat(Scoring.places(15, 10)).isEqualTo(2);
        assertThat(Scoring.places(5, 9)).isEqualTo(0);    // 0.45 → 0
        assertThat(Scoring.places(15, 3)).isEqualTo(0);   // 0.45 → 0
        assertThat(Scoring.places(20, 3)).isEqualTo(1);   // 0.6 → 1
    }

    @Test
    void exemptAndClosedEnterprisesAreNotGraded() {
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), Fixtures.inputs());
        EnterpriseResult e11 = r(res, 11);
        assertThat(e11.outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(e11.finalClass()).isNull();
        assertThat(e11.managedAs()).isEqualTo(EvaluationClass.B);
        assertThat(e11.reasonZh()).isEqualTo("注册未满2年");
        assertThat(e11.overrides()).singleElement().satisfies(o -> assertThat(o.type()).isEqualTo(OverrideType.EXEMPTION));
        assertThat(r(res, 12).reasonEn()).contains("within 3 years of land transfer");
        EnterpriseResult e13 = r(res, 13);
        assertThat(e13.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(e13.reasonZh()).isEqualTo("非在营企业");
    }

    @Test
    void registeredExactlyTwoYearsBeforeYearEndIsGraded() {
        // cut-off day for 2022: 2020-12-31. Registered that day: 2 full years → graded; the day after → exempt
        List<EnterpriseInput> in = new ArrayList<>(Fixtures.inputs());
        in.set(0, in.get(0).toBuilder().registeredOn(java.time.LocalDate.of(2020, 12, 31)).build());
        in.set(1, in.get(1).toBuilder().registeredOn(java.time.LocalDate.of(2021, 1, 1)).build());
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), in);
        assertThat(r(res, 1).outcome()).isEqualTo(Outcome.GRADED);
        assertThat(r(res, 2).outcome()).isEqualTo(Outcome.EXEMPT);
    }

    @Test
    void vetoesAfterClassingDoNotChangeOthers() {
        List<EnterpriseInput> in = new ArrayList<>(Fixtures.inputs());
        in.set(0, in.get(0).toBuilder().events("MAJOR_SAFETY_ACCIDENT").build());  // E01 A → D
        in.set(1, in.get(1).toBuilder().events("ENVIRONMENTAL_PENALTY").build());  // E02 A → at most C = C
        in.set(7, in.get(7).toBuilder().events("ENVIRONMENTAL_PENALTY").build());  // E08 C → at most C: stays C
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), in);
        assertThat(classes(res, false)).isEqualTo("AABBBBBCCD");
        assertThat(classes(res, true)).isEqualTo("DCBBBBBCCD");
        EnterpriseResult e1 = r(res, 1);
        assertThat(e1.overrides()).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(OverrideType.VETO);
            assertThat(o.from()).isEqualTo(EvaluationClass.A);
            assertThat(o.to()).isEqualTo(EvaluationClass.D);
            assertThat(o.reasonZh()).isEqualTo("本年度发生重大安全事故，降为D类");
        });
        assertThat(r(res, 8).overrides()).singleElement().satisfies(o -> assertThat(o.to()).isEqualTo(EvaluationClass.C));
        // the A places are not refilled: two A by score, none A in the end
        assertThat(res.population(PopulationKind.ABOVE).finalClassCounts()).containsEntry(EvaluationClass.A, 0)
                .containsEntry(EvaluationClass.D, 2);
    }

    @Test
    void incentivesGiveAOutsideTheQuotaOrPreventD() {
        List<EnterpriseInput> in = new ArrayList<>(Fixtures.inputs());
        in.set(9, in.get(9).toBuilder().investment(12_000.0).build());   // E10 D, ≥ 10,000 万元 → A outside the quota
        in.set(8, in.get(8).toBuilder().investment(5_000.0).build());    // E09 C, ≥ 3,000 → never D: no change
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), in);
        assertThat(classes(res, true)).isEqualTo("AABBBBBCCA");
        assertThat(r(res, 10).overrides()).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(OverrideType.INCENTIVE);
            assertThat(o.to()).isEqualTo(EvaluationClass.A);
        });
        assertThat(r(res, 9).overrides()).isEmpty();
        assertThat(res.population(PopulationKind.ABOVE).finalClassCounts()).containsEntry(EvaluationClass.A, 3);

        in.set(9, in.get(9).toBuilder().investment(3_000.0).build());    // exactly 3,000 (含) → never D: D → C
        res = Evaluation.run(Fixtures.scheme(), in);
        assertThat(r(res, 10).finalClass()).isEqualTo(EvaluationClass.C);
        assertThat(r(res, 10).scoreClass()).isEqualTo(EvaluationClass.D);
    }

    @Test
    void overridesApplyInOrderVetoThenIncentive() {
        List<EnterpriseInput> in = new ArrayList<>(Fixtures.inputs());
        in.set(0, in.get(0).toBuilder().events("MAJOR_SAFETY_ACCIDENT").investment(3_500.0).build());
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), in);
        // veto A → D, then the incentive "never D" acts on D → C (strict step 8 order)
        assertThat(r(res, 1).finalClass()).isEqualTo(EvaluationClass.C);
        assertThat(r(res, 1).overrides()).extracting(EvaluationResult.Override::type).containsExactly(OverrideType.VETO, OverrideType.INCENTIVE);
        // with vetoBlocksIncentives the veto stands
        Scheme s = Fixtures.scheme();
        s = s.withOverrides(s.vetoes(), s.incentives(), true);
        assertThat(r(Evaluation.run(s, in), 1).finalClass()).isEqualTo(EvaluationClass.D);
    }

    @Test
    void exemptionComesLastEvenAfterAVeto() {
        List<EnterpriseInput> in = new ArrayList<>(Fixtures.inputs());
        in.set(10, in.get(10).toBuilder().events("MAJOR_SAFETY_ACCIDENT").build());   // E11 is exempt
        EnterpriseResult e11 = r(Evaluation.run(Fixtures.scheme(), in), 11);
        assertThat(e11.overrides()).extracting(EvaluationResult.Override::type).containsExactly(OverrideType.VETO, OverrideType.EXEMPTION);
        assertThat(e11.finalClass()).isNull();
        assertThat(e11.managedAs()).isEqualTo(EvaluationClass.B);
    }

    @Test
    void minMaxScoring() {
        Scheme s = Fixtures.scheme();
        Population p = s.populations().get(0);
        List<Indicator> inds = new ArrayList<>(p.indicators());
        inds.set(0, inds.get(0).withMethod(ScoringMethod.MIN_MAX));
        EvaluationResult res = Evaluation.run(s.withPopulations(List.of(p.withIndicators(inds))), Fixtures.inputs());
        // x1 min = 1 (E10), max = 20 (E01): s = 50 × [20 + 80 × (x − 1)/19] / 100
        assertThat(r(res, 1).indicators().get(0).score()).isCloseTo(50, EPS);        // 50 × 100/100
        assertThat(r(res, 10).indicators().get(0).score()).isCloseTo(10, EPS);       // 50 × 20/100
        assertThat(r(res, 5).indicators().get(0).score()).isCloseTo(10 + 360.0 / 19, EPS);  // 50 × (20 + 720/19)/100 = 28.947
    }

    @Test
    void capLimitsTheRatio() {
        Scheme s = Fixtures.scheme();
        Population p = s.populations().get(0);
        List<Indicator> inds = new ArrayList<>(p.indicators());
        inds.set(0, inds.get(0).withCap(1.5));
        EvaluationResult res = Evaluation.run(s.withPopulations(List.of(p.withIndicators(inds))), Fixtures.inputs());
        // E01 x1/b1 = 20/10 = 2 > 1.5 → s1 = 50 × 1.5 = 75 (was 100) → total 145; E02 1.6 → 75 → 135; E03 1.3 → 65 unchanged
        assertThat(r(res, 1).indicators().get(0).score()).isCloseTo(75, EPS);
        assertThat(r(res, 1).indicators().get(0).capped()).isTrue();
        assertThat(r(res, 1).total()).isCloseTo(145, EPS);
        assertThat(r(res, 2).total()).isCloseTo(135, EPS);
        assertThat(r(res, 3).indicators().get(0).capped()).isFalse();
        assertThat(r(res, 3).total()).isCloseTo(113, EPS);
    }

    static Scheme grouped(ClassRule rule, boolean groupBenchmark) {
        Scheme s = Fixtures.scheme().withIndustryGroups(List.of(new IndustryGroup("化工", List.of("C26"))));
        Population p = s.populations().get(0);
        List<Indicator> inds = new ArrayList<>(p.indicators());
        if (groupBenchmark) {
            inds.set(0, inds.get(0).withBenchmark(Benchmark.INDUSTRY_GROUP));
        }
        return s.withPopulations(List.of(p.withIndicators(inds).withClassRule(rule)));
    }

    @Test
    void industryGroupBenchmark() {
        EvaluationResult res = Evaluation.run(grouped(ClassRule.shares(20, 60, 15, 5), true), Fixtures.inputs());
        // 化工 (C26: E01–E05): Σtax 710 / Σland 50 = 14.2; 其他 (E06–E10): 290 / 50 = 5.8
        var b1 = res.population(PopulationKind.ABOVE).benchmark(IndicatorKind.TAX_PER_MU);
        assertThat(b1.scope("化工").value()).isCloseTo(14.2, EPS);
        assertThat(b1.scope(Evaluation.OTHER_GROUP).value()).isCloseTo(5.8, EPS);
        // E05: 50 × 10 / 14.2 = 35.2113; E06: 50 × 10 / 5.8 = 86.2069
        assertThat(r(res, 5).indicators().get(0).score()).isCloseTo(500 / 14.2, EPS);
        assertThat(r(res, 5).indicators().get(0).benchmarkScope()).isEqualTo("化工");
        assertThat(r(res, 6).indicators().get(0).score()).isCloseTo(500 / 5.8, EPS);
        assertThat(r(res, 6).industryGroup()).isEqualTo("其他");
    }

    @Test
    void classingWithinIndustryGroups() {
        EvaluationResult res = Evaluation.run(grouped(ClassRule.shares(20, 60, 15, 5).withinGroups(), false), Fixtures.inputs());
        // groups of 5: n_A = round(1.0) = 1, n_D = round(0.25) = 0, n_C = round(0.75) = 1, B 3
        // 化工 order E01 E02 E04 E03 E05 → A B B B C; 其他 order E06 E07 E08 E09 E10 → A B B B C
        assertThat(classes(res, false)).isEqualTo("ABBBCABBBC");
        // rank in the whole population is unchanged
        assertThat(r(res, 6).rank()).isEqualTo(6);
    }

    @Test
    void thresholdsWithDNotForced() {
        Scheme s = Fixtures.scheme();
        Population p = s.populations().get(0);
        // A ≥ 150, B ≥ 100, C ≥ 60: E01 170 A; E02 140, E04 114.7, E03 113, E05 103.6 B; E06, E07 90, E08, E09 61 C; E10 44 D
        EvaluationResult res = Evaluation.run(s.withPopulations(List.of(p.withClassRule(ClassRule.thresholds(150, 100, 60)))), Fixtures.inputs());
        assertThat(classes(res, false)).isEqualTo("ABBBBCCCCD");
        // D not forced: E10 is C by score; only a veto makes D
        res = Evaluation.run(s.withPopulations(List.of(p.withClassRule(ClassRule.thresholds(150, 100, 60).notForcingD()))), Fixtures.inputs());
        assertThat(classes(res, false)).isEqualTo("ABBBBCCCCC");
        // exactly at a threshold counts (含): 61 ≥ 61 is C, 44 < 61 is D
        res = Evaluation.run(s.withPopulations(List.of(p.withClassRule(ClassRule.thresholds(150, 90, 61)))), Fixtures.inputs());
        assertThat(classes(res, false)).isEqualTo("ABBBBBBCCD");
    }

    @Test
    void defaultSchemeSplitsAboveAndBelowByThreeMu() {
        String town = Fixtures.TOWN;
        List<EnterpriseInput> in = List.of(
                EnterpriseInput.builder(uscc(21)).region(town).industry("C3411").size(SizeClass.BELOW).land(3.0).tax(30.0).kwh(300_000.0).build(),
                EnterpriseInput.builder(uscc(22)).region(town).industry("C3411").size(SizeClass.BELOW).land(5.0).tax(20.0).kwh(100_000.0).build(),
                EnterpriseInput.builder(uscc(23)).region(town).industry("C3411").size(SizeClass.BELOW).land(2.99).tax(20.0).kwh(100_000.0).build(),
                EnterpriseInput.builder(uscc(24)).region("331004001").industry("C3411").size(SizeClass.BELOW).land(5.0).tax(20.0).build());
        EvaluationResult res = Evaluation.run(Scheme.defaultScheme("331003", 2022), in);
        // 规下 ≥ 3 亩 (含): E21 (3 亩) and E22. b1 = 50 / 8 = 6.25 万元/亩; b2 = 50 万元 × 10⁴ / 400,000 kWh = 1.25 元/kWh
        assertThat(r(res, 21).population()).isEqualTo(PopulationKind.BELOW);
        var x2 = r(res, 21).indicator(IndicatorKind.TAX_PER_KWH);
        assertThat(x2.value()).isCloseTo(1.0, EPS);        // 30 × 10⁴ / 300,000 = 1 元/kWh
        assertThat(x2.benchmark()).isCloseTo(1.25, EPS);
        assertThat(x2.unit()).isEqualTo("元/kWh");
        // E21: 50 × 10/6.25 + 50 × 1/1.25 = 80 + 40 = 120; E22: 50 × 4/6.25 + 50 × 2/1.25 = 32 + 80 = 112
        assertThat(r(res, 21).total()).isCloseTo(120, EPS);
        assertThat(r(res, 22).total()).isCloseTo(112, EPS);
        assertThat(r(res, 23).outcome()).isEqualTo(Outcome.NOT_EVALUATED);    // 规下 < 3 亩: not in the default scheme
        assertThat(r(res, 23).reasonEn()).isEqualTo("the scheme has no population for it");
        assertThat(r(res, 24).reasonEn()).isEqualTo("outside the scheme's region");
    }

    @Test
    void invalidSchemeIsRefusedWithItsProblems() {
        Scheme s = Fixtures.scheme();
        Population p = s.populations().get(0);
        Scheme bad = s.withPopulations(List.of(p.withIndicators(List.of(Indicator.of(IndicatorKind.TAX_PER_MU, 90)))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Evaluation.run(bad, Fixtures.inputs()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("populations[0].indicators: 权重合计须为100，现为90");
    }

    @Test
    void largeRandomPopulationIsOrderedAndCounted() {
        // a consistency check at scale: the radix order agrees with a plain comparator sort
        java.util.Random rnd = new java.util.Random(7);
        List<EnterpriseInput> in = new ArrayList<>();
        for (int n = 0; n < 5000; n++) {
            String first17 = String.format("91331003%09d", n);
            in.add(EnterpriseInput.builder(first17 + Uscc.checkChar(first17)).region(Fixtures.TOWN).industry("C26" + (n % 7)).land(10.0)
                    .tax((double) rnd.nextInt(50)).valueAdded((double) rnd.nextInt(100)).emissions(rnd.nextInt(5) == 0 ? null : 1.0 + rnd.nextInt(3))
                    .build());
        }
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), in);
        List<EnterpriseResult> all = new ArrayList<>(res.enterprises());
        all.sort((x, y) -> Scoring.order(x.total(), x.indicator(IndicatorKind.TAX_PER_MU).value(), x.uscc(),
                y.total(), y.indicator(IndicatorKind.TAX_PER_MU).value(), y.uscc()));
        assertThat(IntStream.range(0, all.size()).allMatch(k -> all.get(k).rank() == k + 1)).isTrue();
        // 5000: A 1000, D 250, C 750, B 3000
        assertThat(res.population(PopulationKind.ABOVE).scoreClassCounts()).containsEntry(EvaluationClass.A, 1000)
                .containsEntry(EvaluationClass.B, 3000).containsEntry(EvaluationClass.C, 750).containsEntry(EvaluationClass.D, 250);
    }

    static final class Uscc {
        static char checkChar(String s) {
            return org.mujun.common.Uscc.checkChar(s);
        }
    }
}
