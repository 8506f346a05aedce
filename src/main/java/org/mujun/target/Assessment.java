package org.mujun.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The annual assessment (SPEC §8, 年度考核), plain Java. Each region's score is a weighted mean of its
 * indicator scores, weights per indicator kept as data (by the assessing region and year):
 * <ul>
 * <li>indicator score = min(progress %, {@link #cap}) — full marks at the target, no extra credit above
 * the cap; where progress % is not defined (lower-is-better with a target ≥ 0) 100 when on track, else 0;
 * no actual: 0;</li>
 * <li>score = Σ weight × indicator score ÷ Σ weight over the weighted indicators the region has a target
 * for (an indicator without a target is left out, weight and all), 2 decimals half-up; no such
 * indicator: no score, unranked;</li>
 * <li>ranking highest first, ties share a rank ({@link Ranking}); the regions ranked within the first
 * {@code rewardCount} places (all of a tie at the boundary) with a score ≥ {@code rewardMinimum} are
 * flagged for rewards.</li>
 * </ul>
 */
public record Assessment(Map<TargetIndicator, BigDecimal> weights, BigDecimal cap, int rewardCount, BigDecimal rewardMinimum) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public Assessment {
        weights = Map.copyOf(weights);
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(rewardMinimum, "rewardMinimum");
        for (var e : weights.entrySet()) {
            if (e.getValue().signum() < 0) {
                throw new IllegalArgumentException("权重不能为负 / the weight of " + e.getKey() + " cannot be negative");
            }
        }
        if (rewardCount < 0) {
            throw new IllegalArgumentException("奖励名额不能为负 / the reward count cannot be negative");
        }
    }

    /** One region's indicator figures. */
    public record RegionInput(String region, String name, List<Progress.Figures> figures) {
    }

    public record Line(TargetIndicator indicator, BigDecimal weight, BigDecimal indicatorScore) {
    }

    public record Row(int rank, String region, String name, BigDecimal score, List<Line> lines, boolean rewarded) {
    }

    public BigDecimal indicatorScore(Progress.Figures f) {
        if (f.actual() == null) {
            return BigDecimal.ZERO;
        }
        if (f.percent() == null) {
            return f.onTrack() ? HUNDRED : BigDecimal.ZERO;
        }
        return f.percent().min(cap).max(BigDecimal.ZERO);
    }

    public List<Row> assess(List<RegionInput> regions) {
        record Scored(RegionInput in, BigDecimal score, List<Line> lines) {
        }
        List<Scored> scored = new ArrayList<>();
        for (RegionInput r : regions) {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal wsum = BigDecimal.ZERO;
            List<Line> lines = new ArrayList<>();
            for (Progress.Figures f : r.figures()) {
                BigDecimal w = weights.get(f.indicator());
                if (w == null || w.signum() == 0 || f.target() == null) {
                    continue;
                }
                BigDecimal s = indicatorScore(f);
                lines.add(new Line(f.indicator(), w, s));
                sum = sum.add(w.multiply(s));
                wsum = wsum.add(w);
            }
            scored.add(new Scored(r, wsum.signum() == 0 ? null : sum.divide(wsum, 2, RoundingMode.HALF_UP), List.copyOf(lines)));
        }
        List<Row> out = new ArrayList<>();
        for (Ranking.Ranked<Scored> r : Ranking.rank(scored, Scored::score, s -> s.in().region())) {
            boolean reward = r.rank() > 0 && r.rank() <= rewardCount && r.figure().compareTo(rewardMinimum) >= 0;
            out.add(new Row(r.rank(), r.item().in().region(), r.item().in().name(), r.figure(), r.item().lines(), reward));
        }
        return out;
    }
}
