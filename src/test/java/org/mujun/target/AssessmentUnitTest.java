package org.mujun.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked annual assessment: weighted scores, ranking with ties, reward flags. */
class AssessmentUnitTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Progress.Figures f(TargetIndicator i, String target, String actual) {
        return Progress.of(i, target == null ? null : d(target), actual == null ? null : d(actual), BigDecimal.ONE);
    }

    // weights: enterprises 40, land 40, 亩均税收 20; cap 100; top 2 rewarded if ≥ 90
    final Assessment a = new Assessment(Map.of(TargetIndicator.ENTERPRISES_REMEDIATED, d("40"), TargetIndicator.LAND_FREED_MU, d("40"),
            TargetIndicator.TAX_PER_MU, d("20")), d("100"), 2, d("90"));

    @Test
    void weightedScoresRankWithTiesAndFlagTopPerformers() {
        List<Assessment.Row> rows = a.assess(List.of(
                // A: 100 % (capped from 120), 90 %, 100 % → (40×100 + 40×90 + 20×100) / 100 = 96
                new Assessment.RegionInput("331001", "A", List.of(f(TargetIndicator.ENTERPRISES_REMEDIATED, "100", "120"),
                        f(TargetIndicator.LAND_FREED_MU, "1000", "900"), f(TargetIndicator.TAX_PER_MU, "20", "20"))),
                // B: 90 %, 100 %, 100 % → (3600 + 4000 + 2000) / 100 = 96: tie with A
                new Assessment.RegionInput("331002", "B", List.of(f(TargetIndicator.ENTERPRISES_REMEDIATED, "100", "90"),
                        f(TargetIndicator.LAND_FREED_MU, "1000", "1000"), f(TargetIndicator.TAX_PER_MU, "20", "25"))),
                // C: 50 %, 50 %, no actual (0) → (2000 + 2000 + 0) / 100 = 40
                new Assessment.RegionInput("331003", "C", List.of(f(TargetIndicator.ENTERPRISES_REMEDIATED, "100", "50"),
                        f(TargetIndicator.LAND_FREED_MU, "1000", "500"), f(TargetIndicator.TAX_PER_MU, "20", null))),
                // D: only 亩均税收 has a target: 18/20 = 90 % → 20×90 / 20 = 90 (other weights left out)
                new Assessment.RegionInput("331004", "D", List.of(f(TargetIndicator.ENTERPRISES_REMEDIATED, null, "70"),
                        f(TargetIndicator.TAX_PER_MU, "20", "18"))),
                // E: no weighted target at all: unranked
                new Assessment.RegionInput("331005", "E", List.of(f(TargetIndicator.CO2_CUT_T, "100", "100")))));
        assertThat(rows).extracting(Assessment.Row::region).containsExactly("331001", "331002", "331004", "331003", "331005");
        assertThat(rows).extracting(Assessment.Row::rank).containsExactly(1, 1, 3, 4, 0);
        assertThat(rows).extracting(r -> r.score() == null ? null : r.score().toPlainString()).containsExactly("96.00", "96.00", "90.00", "40.00", null);
        // top 2 places: the tie at 1 fills them; D (rank 3, score 90) is not rewarded
        assertThat(rows).extracting(Assessment.Row::rewarded).containsExactly(true, true, false, false, false);
        assertThat(rows.get(2).lines()).hasSize(1);
    }

    @Test
    void aTieAtTheBoundaryIsRewardedWholeAndTheMinimumHolds() {
        Assessment top1 = new Assessment(Map.of(TargetIndicator.PROJECTS_LANDED, d("1")), d("100"), 2, d("80"));
        List<Assessment.Row> rows = top1.assess(List.of(
                new Assessment.RegionInput("331001", "A", List.of(f(TargetIndicator.PROJECTS_LANDED, "10", "10"))),   // 100
                new Assessment.RegionInput("331002", "B", List.of(f(TargetIndicator.PROJECTS_LANDED, "10", "8"))),    // 80
                new Assessment.RegionInput("331003", "C", List.of(f(TargetIndicator.PROJECTS_LANDED, "20", "16"))),   // 80
                new Assessment.RegionInput("331004", "D", List.of(f(TargetIndicator.PROJECTS_LANDED, "10", "7")))));  // 70
        assertThat(rows).extracting(Assessment.Row::rank).containsExactly(1, 2, 2, 4);
        assertThat(rows).extracting(Assessment.Row::rewarded).containsExactly(true, true, true, false);
        Assessment strict = new Assessment(Map.of(TargetIndicator.PROJECTS_LANDED, d("1")), d("100"), 3, d("90"));
        assertThat(strict.assess(List.of(new Assessment.RegionInput("331002", "B", List.of(f(TargetIndicator.PROJECTS_LANDED, "10", "8"))))))
                .extracting(Assessment.Row::rewarded).containsExactly(false);
    }
}
