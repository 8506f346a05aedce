package org.mujun.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mujun.energy.CarbonEfficiency.Config;
import org.mujun.energy.CarbonEfficiency.Input;
import org.mujun.energy.CarbonEfficiency.Level;
import org.mujun.energy.CarbonEfficiency.Result;

/** 碳效码 (SPEC §4, DB33/T 1347-2023) by hand, exactly at and just past every boundary. */
class CarbonEfficiencyUnitTest {

    static Input in(String uscc, String industry, String co2, String va) {
        return new Input(uscc, industry, co2 == null ? null : new BigDecimal(co2), va == null ? null : new BigDecimal(va));
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void gradesAgainstTheIndustryAggregate() {
        // C26, value added 100 万元 each: CO₂ 40, 60, 80, 120, 200 t → Σ CO₂ 500 / Σ VA 500 = 1.0 t/万元, so K = L
        // (E6 has no value added and E7 none reported: both left out of the average)
        List<Result> r = CarbonEfficiency.evaluate(List.of(
                in("E1", "C26", "40", "100"), in("E2", "C26", "60", "100"), in("E3", "C26", "80", "100"),
                in("E4", "C26", "120", "100"), in("E5", "C26", "200", "100"), in("E6", "C26", "999", "0"), in("E7", "C26", "50", null)),
                Config.DEFAULT);
        assertThat(r.get(0).industryAverage()).isEqualByComparingTo("1");
        // L = 0.4 低碳, K 0.4 → 1; L = 0.6 exactly: 低碳 (≤ 0.6), K = 0.6 exactly → grade 1 (≤ 0.6)
        assertThat(r.get(0).grade()).isEqualTo(1);
        assertThat(r.get(1).intensity()).isEqualByComparingTo("0.6");
        assertThat(r.get(1).level()).isEqualTo(Level.LOW);
        assertThat(r.get(1).grade()).isEqualTo(1);
        // L = K = 0.8 → 中碳, grade 2 (≤ 0.8); 1.2 → grade 3 (≤ 1.2); 2.0 → 中碳 (≤ 2.0), grade 4 (≤ 2.0)
        assertThat(r.get(2).level()).isEqualTo(Level.MEDIUM);
        assertThat(r.get(2).grade()).isEqualTo(2);
        assertThat(r.get(3).grade()).isEqualTo(3);
        assertThat(r.get(4).level()).isEqualTo(Level.MEDIUM);
        assertThat(r.get(4).grade()).isEqualTo(4);
        assertThat(r.get(4).gradeColour()).isEqualTo("#fdae61");
        assertThat(r.get(5).grade()).isNull();
        assertThat(r.get(6).intensity()).isNull();
    }

    @Test
    void kIsRelativeToTheIndustry() {
        // C30: CO₂ 300 + 100 = 400 t over VA 100 + 100 = 200 万元 → average 2.0; E1 L = 3.0 (高碳), K = 1.5 → grade 4;
        // E2 L = 1.0 (中碳), K = 0.5 → grade 1
        List<Result> r = CarbonEfficiency.evaluate(List.of(in("E1", "C30", "300", "100"), in("E2", "C30", "100", "100")), Config.DEFAULT);
        assertThat(r.get(0).level()).isEqualTo(Level.HIGH);
        assertThat(r.get(0).k()).isEqualByComparingTo("1.5");
        assertThat(r.get(0).grade()).isEqualTo(4);
        assertThat(r.get(1).k()).isEqualByComparingTo("0.5");
        assertThat(r.get(1).grade()).isEqualTo(1);
        assertThat(r.get(0).industryAverage()).isEqualByComparingTo("2");
    }

    @Test
    void justPastEachBoundary() {
        Config c = Config.DEFAULT;
        // L: 0.6 → 低碳, 0.600001 → 中碳, 2.0 → 中碳, 2.000001 → 高碳 (VA 1,000,000 万元 so the step is exact)
        assertThat(CarbonEfficiency.level(d("600000"), d("1000000"), c)).isEqualTo(Level.LOW);
        assertThat(CarbonEfficiency.level(d("600001"), d("1000000"), c)).isEqualTo(Level.MEDIUM);
        assertThat(CarbonEfficiency.level(d("2000000"), d("1000000"), c)).isEqualTo(Level.MEDIUM);
        assertThat(CarbonEfficiency.level(d("2000001"), d("1000000"), c)).isEqualTo(Level.HIGH);
        // K with an industry average of 1 (Σ 500 / Σ 500): at 0.6, 0.8, 1.2, 2.0 the lower grade, a millionth above the next
        String[][] cases = {{"0.6", "1"}, {"0.600001", "2"}, {"0.8", "2"}, {"0.800001", "3"}, {"1.2", "3"}, {"1.200001", "4"},
                {"2.0", "4"}, {"2.000001", "5"}};
        for (String[] k : cases) {
            BigDecimal co2 = d(k[0]).multiply(d("1000000"));
            assertThat(CarbonEfficiency.grade(co2, d("1000000"), d("500"), d("500"), c)).as("K = %s", k[0]).isEqualTo(Integer.parseInt(k[1]));
        }
        // L = 0.1 / 0.3, average 0.5 / 0.9: K = (1/3) / (5/9) = 0.6 exactly → grade 1; in doubles (0.1/0.3)/(0.5/0.9)
        // is 0.6000000000000001 and would wrongly give grade 2
        assertThat((0.1 / 0.3) / (0.5 / 0.9)).isGreaterThan(0.6);
        assertThat(CarbonEfficiency.grade(d("0.1"), d("0.3"), d("0.5"), d("0.9"), c)).isEqualTo(1);
    }

    @Test
    void thresholdsAndColoursAreConfigurable() {
        Config strict = new Config(List.of(d("0.5"), d("1.5")), List.of(d("0.5"), d("0.7"), d("1.0"), d("1.5")),
                List.of("#00ff00", "#ffff00", "#ff0000"), List.of("#000001", "#000002", "#000003", "#000004", "#000005"));
        List<Result> r = CarbonEfficiency.evaluate(List.of(in("E1", "C30", "60", "100"), in("E2", "C30", "40", "100")), strict);
        // average 0.5: E1 L 0.6 中碳 under this config, K 1.2 → grade 4 (≤ 1.5); E2 L 0.4 低碳, K 0.8 → grade 3 (≤ 1.0)
        assertThat(r.get(0).level()).isEqualTo(Level.MEDIUM);
        assertThat(r.get(0).levelColour()).isEqualTo("#ffff00");
        assertThat(r.get(0).grade()).isEqualTo(4);
        assertThat(r.get(1).grade()).isEqualTo(3);
        assertThat(r.get(1).gradeColour()).isEqualTo("#000003");
        Config bad = new Config(List.of(d("2"), d("1")), List.of(d("0.6")), List.of("red"), List.of());
        assertThat(bad.validate()).hasSize(4);
        assertThatThrownBy(() -> CarbonEfficiency.evaluate(List.of(), bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level thresholds must be two ascending positive numbers");
    }

    @Test
    void zeroIndustryAverage() {
        // every member emits 0: average 0, K undefined (null), everyone grade 1
        List<Result> r = CarbonEfficiency.evaluate(List.of(in("E1", "C30", "0", "100"), in("E2", "C30", "0", "50")), Config.DEFAULT);
        assertThat(r).allSatisfy(x -> {
            assertThat(x.k()).isNull();
            assertThat(x.grade()).isEqualTo(1);
            assertThat(x.level()).isEqualTo(Level.LOW);
        });
    }
}
