package org.mujun.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quarterly bulletin (季度通报, SPEC §8), plain Java: the child regions of a region ranked on the
 * configured indicators. Overall progress (综合进度) is the mean of min(progress %, 100) over the configured
 * indicators the region has a target for (scored as in {@link Assessment} with equal weights); each
 * indicator is also ranked on its own by progress %. A region is a laggard (落后) when any configured
 * indicator with a target is not on track at the quarter's end; laggards are named with those indicators.
 *
 * @param source where the figures come from: the snapshot of the quarter's last month, or live figures
 */
public record Bulletin(String region, String regionName, int year, int quarter, String source, List<TargetIndicator> indicators,
                       List<Row> rows, Map<TargetIndicator, List<Ranking.Ranked<String>>> indicatorRanks, List<Laggard> laggards) {

    public record Row(int rank, String region, String name, BigDecimal overall, Map<TargetIndicator, Progress.Figures> figures,
                      List<TargetIndicator> behind) {

        public Progress.Figures of(TargetIndicator i) {
            return figures.get(i);
        }
    }

    public record Laggard(String region, String name, List<TargetIndicator> behind) {
    }

    public static Bulletin of(String region, String regionName, int year, int quarter, String source, List<TargetIndicator> configured,
                              List<TargetBoard.RegionProgress> children) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("季度应为 1–4 / the quarter must be 1 to 4");
        }
        // the configured indicators that some child has a target for, in the configured order
        List<TargetIndicator> shown = configured.stream()
                .filter(i -> children.stream().anyMatch(c -> c.of(i) != null && c.of(i).target() != null)).toList();
        Map<TargetIndicator, BigDecimal> equal = new EnumMap<>(TargetIndicator.class);
        shown.forEach(i -> equal.put(i, BigDecimal.ONE));
        Assessment scoring = new Assessment(equal, new BigDecimal("100"), 0, BigDecimal.ZERO);
        Map<String, TargetBoard.RegionProgress> byCode = new LinkedHashMap<>();
        List<Assessment.RegionInput> inputs = new ArrayList<>();
        for (TargetBoard.RegionProgress c : children) {
            byCode.put(c.region(), c);
            inputs.add(new Assessment.RegionInput(c.region(), c.name(), c.figures().stream().filter(f -> shown.contains(f.indicator())).toList()));
        }
        List<Row> rows = new ArrayList<>();
        List<Laggard> laggards = new ArrayList<>();
        for (Assessment.Row a : scoring.assess(inputs)) {
            TargetBoard.RegionProgress c = byCode.get(a.region());
            Map<TargetIndicator, Progress.Figures> figures = new EnumMap<>(TargetIndicator.class);
            List<TargetIndicator> behind = new ArrayList<>();
            for (TargetIndicator i : shown) {
                Progress.Figures f = c.of(i);
                if (f != null) {
                    figures.put(i, f);
                    if (f.target() != null && !f.onTrack()) {
                        behind.add(i);
                    }
                }
            }
            if (a.score() == null && figures.isEmpty()) {
                continue; // a child with nothing to report on these indicators
            }
            rows.add(new Row(a.rank(), a.region(), a.name(), a.score(), figures, List.copyOf(behind)));
            if (!behind.isEmpty()) {
                laggards.add(new Laggard(a.region(), a.name(), List.copyOf(behind)));
            }
        }
        Map<TargetIndicator, List<Ranking.Ranked<String>>> perIndicator = new EnumMap<>(TargetIndicator.class);
        for (TargetIndicator i : shown) {
            List<String> codes = rows.stream().filter(r -> r.of(i) != null && r.of(i).target() != null).map(Row::region).toList();
            Map<String, BigDecimal> pct = new LinkedHashMap<>();
            rows.forEach(r -> {
                if (r.of(i) != null) {
                    pct.put(r.region(), r.of(i).percent());
                }
            });
            perIndicator.put(i, Ranking.rank(codes, pct::get, c -> c));
        }
        return new Bulletin(region, regionName, year, quarter, source, shown, List.copyOf(rows), perIndicator, List.copyOf(laggards));
    }

    /** The rank of a region on one indicator (0: not ranked). */
    public int rank(TargetIndicator i, String region) {
        return indicatorRanks.getOrDefault(i, List.of()).stream().filter(r -> r.item().equals(region)).mapToInt(Ranking.Ranked::rank).findFirst().orElse(0);
    }
}
