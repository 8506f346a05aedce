package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.evaluation.RegionStatistics.RegionFigures;
import org.mujun.evaluation.RegionStatistics.Sums;

/** The figures from database sums follow the same Σ/Σ rule as the engine's own region statistics. */
class RegionStatisticsSumsUnitTest {

    @Test
    void ratiosOfSumsAndShares() {
        // 亩均税收 (200 + 150 + 100) / 30 = 15; 亩均增加值 1000 / 30 = 33.33…; labour 1000 / 210 = 4.7619…;
        // per tce 1000 / 295 = 3.3898…; 3 graded: A 1, B 2 → 33.33 %, 66.67 %
        RegionFigures f = RegionStatistics.fromSums(new Sums("331082111", 3, 450, 30, 1000, 30, 1000, 210, 1000, 295, 3, 0, 1, 2, 0, 0));
        assertThat(f.taxPerMu()).isCloseTo(15, within(1e-12));
        assertThat(f.valueAddedPerMu()).isCloseTo(1000.0 / 30, within(1e-12));
        assertThat(f.labourProductivity()).isCloseTo(1000.0 / 210, within(1e-12));
        assertThat(f.valueAddedPerTce()).isCloseTo(1000.0 / 295, within(1e-12));
        assertThat(f.classShares().get(EvaluationClass.A)).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(f.classShares().get(EvaluationClass.D)).isZero();
        // no denominator: no figure (not 0)
        RegionFigures empty = RegionStatistics.fromSums(new Sums("331082113", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(empty.taxPerMu()).isNull();
        assertThat(empty.classShares().get(EvaluationClass.A)).isZero();
    }

    @Test
    void agreesWithTheEngineOnTheSamePopulation() {
        EvaluationResult r = Evaluation.run(WhatIfMatrixUnitTest.scheme(20, 40, 20, 20), WhatIfMatrixUnitTest.population());
        List<RegionFigures> engine = RegionStatistics.byPrefix(r, 9);
        // town 111: P01–P03, tax 450 on 30 亩; town 113: P04, P05, tax 60 on 20 亩
        RegionFigures t111 = RegionStatistics.fromSums(new Sums("331082111", 3, 450, 30, 0, 0, 0, 0, 0, 0, 3, 0, 1, 2, 0, 0));
        RegionFigures t113 = RegionStatistics.fromSums(new Sums("331082113", 2, 60, 20, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 1));
        assertThat(engine).hasSize(2);
        assertThat(engine.get(0).taxPerMu()).isEqualTo(t111.taxPerMu()).isEqualTo(15.0);
        assertThat(engine.get(1).taxPerMu()).isEqualTo(t113.taxPerMu()).isEqualTo(3.0);
        assertThat(engine.get(0).classCounts()).isEqualTo(t111.classCounts());
        assertThat(engine.get(1).classShares()).isEqualTo(t113.classShares());
    }
}
