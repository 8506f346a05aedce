package org.mujun.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mujun.evaluation.RegionStatistics.RegionFigures;
import org.mujun.evaluation.RegionStatistics.Sums;
import org.mujun.security.Scope;
import org.mujun.target.ActualsProvider;
import org.mujun.target.TargetIndicator;
import org.springframework.stereotype.Component;

/**
 * Actuals of the efficiency targets (SPEC §8) from the published official evaluation runs of the year,
 * the same figures as the region statistics ({@link RegionStatisticsQuery}): 规上 亩均税收 and 亩均增加值
 * (Σ/Σ over operating 规上 enterprises with land), and the change of 单位工业增加值能耗 in % =
 * (I<sub>year</sub> ÷ I<sub>year−1</sub> − 1) × 100 with I = Σ tce ÷ Σ value added (the inverse of 单位能耗增加值).
 * A year without a published run has no actual.
 */
@Component
class EvaluationActuals implements ActualsProvider {

    private final RegionStatisticsQuery statistics;

    EvaluationActuals(RegionStatisticsQuery statistics) {
        this.statistics = statistics;
    }

    @Override
    public Set<TargetIndicator> indicators() {
        return Set.of(TargetIndicator.TAX_PER_MU, TargetIndicator.VALUE_ADDED_PER_MU, TargetIndicator.ENERGY_INTENSITY_CHANGE);
    }

    @Override
    public Optional<BigDecimal> actual(TargetIndicator indicator, String regionCode, int year) {
        Optional<Sums> now = sums(regionCode, year);
        return switch (indicator) {
            case TAX_PER_MU -> now.map(RegionStatistics::fromSums).map(RegionFigures::taxPerMu).map(EvaluationActuals::round);
            case VALUE_ADDED_PER_MU -> now.map(RegionStatistics::fromSums).map(RegionFigures::valueAddedPerMu).map(EvaluationActuals::round);
            case ENERGY_INTENSITY_CHANGE -> {
                Double i1 = now.map(EvaluationActuals::intensity).orElse(null);
                Double i0 = sums(regionCode, year - 1).map(EvaluationActuals::intensity).orElse(null);
                yield Optional.ofNullable(change(i0, i1)).map(EvaluationActuals::round);
            }
            default -> Optional.empty();
        };
    }

    /** The change of an intensity in %: (this year ÷ last year − 1) × 100; null when either is missing or last year's is 0. */
    static Double change(Double last, Double now) {
        return last == null || now == null || last == 0 ? null : (now / last - 1) * 100;
    }

    /** tce per 万元 of value added, null without value added. */
    static Double intensity(Sums s) {
        return s.energyValueAdded() > 0 ? s.energyTce() / s.energyValueAdded() : null;
    }

    private Optional<Sums> sums(String region, int year) {
        List<Sums> s = statistics.sums(year, region.length(), region, Scope.system(region));
        return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0));
    }

    private static BigDecimal round(Double d) {
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP);
    }
}
