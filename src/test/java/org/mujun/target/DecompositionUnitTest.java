package org.mujun.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked decomposition cases (SPEC §8: province → city → county, children summed against the parent). */
class DecompositionUnitTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void childrenThatAddUpMatch() {
        // province 2022: 5 万亩 freed = 50,000 亩; 杭州 20,000 + 宁波 18,000 + 台州 12,000 = 50,000
        var r = Decomposition.check(TargetIndicator.LAND_FREED_MU, d("50000"), List.of("3301", "3302", "3310"),
                Map.of("3301", d("20000"), "3302", d("18000"), "3310", d("12000")));
        assertThat(r.status()).isEqualTo(Decomposition.Status.MATCHES);
        assertThat(r.childSum()).isEqualByComparingTo("50000");
        assertThat(r.difference()).isEqualByComparingTo("0");
        assertThat(r.ok()).isTrue();
        assertThat(r.message()).contains("等于上级目标");
    }

    @Test
    void shortfallIsNamedWithTheDifferenceAndTheMissingChildren() {
        // 5,000 enterprises; 2,000 + 1,800 = 3,800 set, 1,200 short; 台州 not yet set
        var r = Decomposition.check(TargetIndicator.ENTERPRISES_REMEDIATED, d("5000"), List.of("3301", "3302", "3310"),
                Map.of("3301", d("2000"), "3302", d("1800")));
        assertThat(r.status()).isEqualTo(Decomposition.Status.SHORT);
        assertThat(r.childSum()).isEqualByComparingTo("3800");
        assertThat(r.difference()).isEqualByComparingTo("-1200");
        assertThat(r.missing()).containsExactly("3310");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("3800", "5000", "差 1200", "1200 short", "3310");
    }

    @Test
    void overIsReportedWithTheExcess() {
        // 120 万 tce = 1,200,000 tce; 700,000.5 + 500,000 = 1,200,000.5: 0.5 over
        var r = Decomposition.check(TargetIndicator.ENERGY_FREED_TCE, d("1200000"), List.of("3301", "3302"),
                Map.of("3301", d("700000.5"), "3302", d("500000")));
        assertThat(r.status()).isEqualTo(Decomposition.Status.OVER);
        assertThat(r.difference()).isEqualByComparingTo("0.5");
        assertThat(r.message()).contains("多 0.5");
    }

    @Test
    void ratiosAreNotSummedAndNothingToCompareIsNotAnError() {
        var ratio = Decomposition.check(TargetIndicator.TAX_PER_MU, d("20.3"), List.of("331082001"), Map.of("331082001", d("30")));
        assertThat(ratio.status()).isEqualTo(Decomposition.Status.NOT_ADDITIVE);
        assertThat(ratio.ok()).isTrue();
        var noParent = Decomposition.check(TargetIndicator.CO2_CUT_T, null, List.of("3301"), Map.of("3301", d("100")));
        assertThat(noParent.status()).isEqualTo(Decomposition.Status.NOT_SET);
        var noChildren = Decomposition.check(TargetIndicator.CO2_CUT_T, d("100000"), List.of("3301"), Map.of());
        assertThat(noChildren.status()).isEqualTo(Decomposition.Status.NOT_SET);
        assertThat(noChildren.missing()).containsExactly("3301");
    }
}
