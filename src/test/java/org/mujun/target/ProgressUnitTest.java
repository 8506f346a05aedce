package org.mujun.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Hand-worked progress cases: percent, time share (时序进度) and on-track. */
class ProgressUnitTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void timeShareIsMonthsElapsedOverTwelve() {
        assertThat(Progress.timeShare(2023, 2023, 6)).isEqualByComparingTo("0.5");
        assertThat(Progress.timeShare(2023, 2023, 9)).isEqualByComparingTo("0.75");
        assertThat(Progress.timeShare(2023, 2024, 1)).isEqualByComparingTo("1");
        assertThat(Progress.timeShare(2023, 2022, 12)).isEqualByComparingTo("0");
    }

    @Test
    void additiveIndicatorsKeepPaceWithTheYear() {
        // Linhai 2023: 4,500 亩; by the end of June 2,000 亩 freed = 44.44 %, expected 2,250: behind
        var behind = Progress.of(TargetIndicator.LAND_FREED_MU, d("4500"), d("2000"), d("0.5"));
        assertThat(behind.percent()).isEqualByComparingTo("44.44");
        assertThat(behind.expected()).isEqualByComparingTo("2250");
        assertThat(behind.onTrack()).isFalse();
        // 1,000 enterprises; 760 by the end of September (expected 750): on track at 76 %
        var ahead = Progress.of(TargetIndicator.ENTERPRISES_REMEDIATED, d("1000"), d("760"), d("0.75"));
        assertThat(ahead.percent()).isEqualByComparingTo("76.00");
        assertThat(ahead.onTrack()).isTrue();
    }

    @Test
    void ratiosAreComparedWithTheFullTarget() {
        // 亩均税收 target 20.3, actual 21.5 in June: 105.91 %, on track (no time share for a ratio)
        var tax = Progress.of(TargetIndicator.TAX_PER_MU, d("20.3"), d("21.5"), d("0.5"));
        assertThat(tax.percent()).isEqualByComparingTo("105.91");
        assertThat(tax.expected()).isEqualByComparingTo("20.3");
        assertThat(tax.onTrack()).isTrue();
        // 亩均增加值 target 101.4, actual 90: 88.76 %, behind
        var va = Progress.of(TargetIndicator.VALUE_ADDED_PER_MU, d("101.4"), d("90"), d("1"));
        assertThat(va.percent()).isEqualByComparingTo("88.76");
        assertThat(va.onTrack()).isFalse();
    }

    @Test
    void energyIntensityChangeIsBetterLower() {
        // target −3 % (fall by 3 %); actual −4 %: 133.33 %, on track; actual +1 %: −33.33 %, behind
        var fell = Progress.of(TargetIndicator.ENERGY_INTENSITY_CHANGE, d("-3"), d("-4"), d("0.5"));
        assertThat(fell.percent()).isEqualByComparingTo("133.33");
        assertThat(fell.onTrack()).isTrue();
        var rose = Progress.of(TargetIndicator.ENERGY_INTENSITY_CHANGE, d("-3"), d("1"), d("0.5"));
        assertThat(rose.percent()).isEqualByComparingTo("-33.33");
        assertThat(rose.onTrack()).isFalse();
        // a target of 0 (no rise): no percent, on track when ≤ 0
        var flat = Progress.of(TargetIndicator.ENERGY_INTENSITY_CHANGE, d("0"), d("-0.5"), d("1"));
        assertThat(flat.percent()).isNull();
        assertThat(flat.onTrack()).isTrue();
    }

    @Test
    void noActualIsNotOnTrack() {
        var none = Progress.of(TargetIndicator.PROJECTS_LANDED, d("10"), null, d("1"));
        assertThat(none.percent()).isNull();
        assertThat(none.onTrack()).isFalse();
    }
}
