package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mujun.evaluation.Fixtures.uscc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.evaluation.EvaluationResult.EnterpriseResult;
import org.mujun.evaluation.EvaluationResult.Outcome;
import org.mujun.evaluation.Scheme.Adjustment;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.Scheme.Indicator;
import org.mujun.evaluation.Scheme.Population;

/** Flag bonuses and limits, exemption by flag and application, and the optional populations. */
class PopulationRulesUnitTest {

    static EnterpriseResult r(EvaluationResult res, int n) {
        return res.enterprise(uscc(n)).orElseThrow();
    }

    @Test
    void flagBonusAndLimitedDeduction() {
        Scheme s = Fixtures.scheme();
        Population p = s.populations().get(0);
        // 高新技术 +3; tenants −5 each beyond the first but at most −8 in all
        s = s.withPopulations(List.of(p.withAdjustments(List.of(
                new Adjustment(Scheme.AdjustmentKind.TENANTS_BEYOND_FIRST, null, -5.0, null, 8.0, "出租"),
                Adjustment.flag("高新技术", 3, "高新技术企业")))));
        List<EnterpriseInput> in = new ArrayList<>(Fixtures.inputs());
        in.set(9, in.get(9).toBuilder().flags("高新技术").build());
        EvaluationResult res = Evaluation.run(s, in);
        // E10: 44 + 3 = 47; E03: 123 − min(10, 8) = 115 (now ahead of E04's 114.74)
        assertThat(r(res, 10).total()).isEqualTo(47.0);
        assertThat(r(res, 10).adjustments()).singleElement().satisfies(a -> assertThat(a.reason()).isEqualTo("高新技术企业"));
        assertThat(r(res, 3).total()).isEqualTo(115.0);
        assertThat(r(res, 3).rank()).isEqualTo(3);
    }

    @Test
    void exemptionByFlagAndByApplication() {
        List<EnterpriseInput> in = new ArrayList<>(Fixtures.inputs());
        in.set(0, in.get(0).toBuilder().flags("公用事业").build());
        in.set(1, in.get(1).toBuilder().exemptionApplied("政策性搬迁（县政府批复）").build());
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), in);
        assertThat(r(res, 1).outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(r(res, 1).reasonZh()).isEqualTo("企业标志“公用事业”");
        assertThat(r(res, 2).reasonZh()).isEqualTo("经申请不定等级：政策性搬迁（县政府批复）");
        // N = 8 now: b1 = (1000 − 200 − 160) / 80 = 8; A = round(1.6) = 2, D = round(0.4) = 0, C = round(1.2) = 1
        assertThat(res.population(PopulationKind.ABOVE).size()).isEqualTo(8);
        assertThat(res.population(PopulationKind.ABOVE).benchmark(IndicatorKind.TAX_PER_MU).scopes().get(0).value()).isEqualTo(8.0);
        assertThat(res.population(PopulationKind.ABOVE).scoreClassCounts()).containsEntry(EvaluationClass.A, 2)
                .containsEntry(EvaluationClass.B, 5).containsEntry(EvaluationClass.C, 1).containsEntry(EvaluationClass.D, 0);
        // applications ignored when the scheme does not accept them
        Scheme s = Fixtures.scheme();
        s = s.withExemptions(new Scheme.Exemptions(2, 3, List.of(), false));
        assertThat(r(Evaluation.run(s, in), 2).outcome()).isEqualTo(Outcome.GRADED);
        assertThat(r(Evaluation.run(s, in), 1).outcome()).isEqualTo(Outcome.GRADED);
    }

    @Test
    void aRepeatedUsccIsRefused() {
        List<EnterpriseInput> in = new ArrayList<>(Fixtures.inputs());
        in.add(in.get(0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Enterprises.of(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("统一社会信用代码重复：" + uscc(1) + " / USCC repeated: " + uscc(1));
    }

    @Test
    void optionalSmallAndTenantPopulations() {
        Population small = new Population(PopulationKind.BELOW_SMALL, List.of(Indicator.of(IndicatorKind.TAX_PER_MU, 100)), List.of(),
                ClassRule.shares(0, 100, 0, 0));
        Population tenants = new Population(PopulationKind.TENANT, List.of(Indicator.of(IndicatorKind.REVENUE_PER_MU, 100)), List.of(),
                ClassRule.shares(50, 50, 0, 0));
        Scheme d = Scheme.defaultScheme("331003", 2022);
        List<Population> pops = new ArrayList<>(d.populations());
        pops.add(small);
        pops.add(tenants);
        Scheme s = d.withPopulations(pops);
        String t = Fixtures.TOWN;
        List<EnterpriseInput> in = List.of(
                EnterpriseInput.builder(uscc(31)).region(t).size(SizeClass.BELOW).land(2.0).tax(4.0).build(),
                EnterpriseInput.builder(uscc(32)).region(t).size(SizeClass.BELOW).land(1.0).tax(1.0).build(),
                EnterpriseInput.builder(uscc(33)).region(t).size(SizeClass.ABOVE).renter(true).land(4.0).revenue(400.0).build(),
                EnterpriseInput.builder(uscc(34)).region(t).size(SizeClass.BELOW).renter(true).land(1.0).revenue(300.0).build());
        EvaluationResult res = Evaluation.run(s, in);
        // 规下 < 3 亩: b = 5 / 3 万元/亩; E31 100 × 2 / (5/3) = 120, E32 100 × 1 / (5/3) = 60
        assertThat(r(res, 31).population()).isEqualTo(PopulationKind.BELOW_SMALL);
        assertThat(r(res, 31).total()).isCloseTo(120, EvaluationUnitTest.EPS);
        assertThat(r(res, 32).total()).isCloseTo(60, EvaluationUnitTest.EPS);
        // renters go to TENANT whatever their size: b = 700 / 5 = 140; E33 100 × 100/140 = 71.43, E34 100 × 300/140 = 214.29
        assertThat(r(res, 33).population()).isEqualTo(PopulationKind.TENANT);
        assertThat(r(res, 34).total()).isCloseTo(30000 / 140.0, EvaluationUnitTest.EPS);
        assertThat(r(res, 34).scoreClass()).isEqualTo(EvaluationClass.A);
        assertThat(r(res, 33).scoreClass()).isEqualTo(EvaluationClass.B);
    }
}
