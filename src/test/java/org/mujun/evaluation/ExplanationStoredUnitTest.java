package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.evaluation.EvaluationResult.EnterpriseResult;
import org.mujun.evaluation.EvaluationResult.Outcome;
import org.mujun.evaluation.EvaluationResult.PopulationSummary;
import org.mujun.evaluation.Scheme.Benchmark;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.Scheme.IndustryGroup;
import org.mujun.evaluation.Scheme.ScoringMethod;

/**
 * {@link Explanation#ofStored} — one enterprise explained from what a stored run keeps (its inputs, the
 * population summary after a JSON round trip, its stored standing) — equals {@link Explanation#of} on the
 * full result, for every graded enterprise of the hand-worked population and of variants that exercise
 * every branch: thresholds, group benchmarks and within-group classing, caps, min-max, average-if-missing.
 */
class ExplanationStoredUnitTest {

    static void everyEnterpriseExplainsTheSame(Scheme scheme, List<EnterpriseInput> inputs) {
        EvaluationResult result = Evaluation.run(scheme, inputs);
        List<PopulationSummary> summaries = RunJson.summaries(RunJson.write(result.populations()));
        EvaluationResult.IndustryPercentiles pct = result.industryPercentiles();
        int graded = 0;
        for (int i = 0; i < result.size(); i++) {
            EnterpriseResult er = result.enterprise(i);
            if (er.outcome() != Outcome.GRADED) {
                continue;
            }
            graded++;
            int k = er.indicators().size();
            double[] p = new double[k];
            int[] peers = new int[k];
            for (int j = 0; j < k; j++) {
                p[j] = pct.percentile(i, j);
                peers[j] = pct.peers(i, j);
            }
            PopulationSummary summary = summaries.stream().filter(s -> s.kind() == er.population()).findFirst().orElseThrow();
            Explanation.Stored stored = new Explanation.Stored(er.population(), er.industryGroup(), er.total(), er.rank(), er.populationSize(),
                    er.scoreClass(), er.finalClass(), result.adjustmentTotal(i), er.adjustments(), er.overrides(), p, peers);
            Explanation expected = Explanation.of(result, i);
            Explanation actual = Explanation.ofStored(scheme, summary, result.inputs().get(i), stored);
            assertThat(actual).as(er.uscc()).isEqualTo(expected);
        }
        assertThat(graded).isGreaterThan(5);
    }

    @Test
    void handWorkedPopulation() {
        everyEnterpriseExplainsTheSame(Fixtures.scheme(), Fixtures.inputs());
    }

    @Test
    void thresholdsCapsMinMaxAndIndustryGroups() {
        Scheme base = Fixtures.scheme().withIndustryGroups(List.of(new IndustryGroup("化工", List.of("C26"))));
        Scheme.Population p = base.population(PopulationKind.ABOVE);
        everyEnterpriseExplainsTheSame(base.withPopulations(List.of(p.withClassRule(ClassRule.thresholds(150, 100, 60)))), Fixtures.inputs());
        everyEnterpriseExplainsTheSame(base.withPopulations(List.of(p.withClassRule(ClassRule.shares(20, 60, 15, 5).withinGroups()))),
                Fixtures.inputs());
        everyEnterpriseExplainsTheSame(base.withPopulations(List.of(p.withIndicators(List.of(
                Scheme.Indicator.of(IndicatorKind.TAX_PER_MU, 50).withCap(1.2),
                Scheme.Indicator.of(IndicatorKind.VALUE_ADDED_PER_MU, 30).withBenchmark(Benchmark.INDUSTRY_GROUP),
                Scheme.Indicator.of(IndicatorKind.VALUE_ADDED_PER_EMISSION, 20).averagedIfMissing().withMethod(ScoringMethod.MIN_MAX))))),
                Fixtures.inputs());
        List<EnterpriseInput> withTenantsAndNoTax = new ArrayList<>(Fixtures.inputs());
        withTenantsAndNoTax.set(6, withTenantsAndNoTax.get(6).toBuilder().tax(null).tenants(4).build());
        everyEnterpriseExplainsTheSame(base, withTenantsAndNoTax);
    }
}
