package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mujun.evaluation.RegionStatistics.Sums;

/** Hand-worked 单位工业增加值能耗变化 for the target actuals. */
class EvaluationActualsUnitTest {

    static Sums sums(double valueAdded, double tce) {
        return new Sums("331082", 10, 0, 0, 0, 0, 0, 0, valueAdded, tce, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void intensityChangeIsThisYearOverLastYearMinusOne() {
        // last year 5,000 tce for 10,000 万元 = 0.5 tce/万元; this year 5,200 tce for 11,000 万元 = 0.472727…: −5.4545 %
        Double last = EvaluationActuals.intensity(sums(10_000, 5_000));
        Double now = EvaluationActuals.intensity(sums(11_000, 5_200));
        assertThat(last).isEqualTo(0.5);
        assertThat(EvaluationActuals.change(last, now)).isCloseTo(-5.4545, within(0.0001));
        // a rise: 0.5 → 0.55 is +10 %
        assertThat(EvaluationActuals.change(0.5, 0.55)).isCloseTo(10.0, within(1e-9));
        // no value added, no intensity, no change
        assertThat(EvaluationActuals.intensity(sums(0, 100))).isNull();
        assertThat(EvaluationActuals.change(null, 0.5)).isNull();
        assertThat(EvaluationActuals.change(0.0, 0.5)).isNull();
    }
}
