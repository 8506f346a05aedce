package org.mujun.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mujun.audit.AuditLog;
import org.mujun.region.Region;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly bulletin and the annual assessment of a region's child regions (SPEC §8). Figures come from
 * the snapshot of the period's last month (March, June, September, December) when it exists, so a published
 * bulletin can be reproduced; otherwise they are live (for a period not yet snapshotted).
 */
@Component
public class TargetReports {

    private final TargetBoard board;
    private final TargetSnapshots snapshots;
    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final List<TargetIndicator> bulletinIndicators;
    private final int rewardCount;
    private final BigDecimal rewardMinimum;
    private final BigDecimal scoreCap;

    TargetReports(TargetBoard board, TargetSnapshots snapshots, Jurisdiction jurisdiction, JdbcClient jdbc, AuditLog audit,
                  @Value("${mujun.target.bulletin-indicators:}") List<String> bulletinIndicators,
                  @Value("${mujun.target.reward-count:3}") int rewardCount,
                  @Value("${mujun.target.reward-minimum:80}") BigDecimal rewardMinimum,
                  @Value("${mujun.target.score-cap:100}") BigDecimal scoreCap) {
        this.board = board;
        this.snapshots = snapshots;
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.audit = audit;
        this.bulletinIndicators = bulletinIndicators == null || bulletinIndicators.stream().allMatch(String::isBlank)
                ? List.of(TargetIndicator.values())
                : bulletinIndicators.stream().filter(s -> !s.isBlank()).map(TargetIndicator::parse).toList();
        this.rewardCount = rewardCount;
        this.rewardMinimum = rewardMinimum;
        this.scoreCap = scoreCap;
    }

    /** The children's figures at a month's end: from its snapshot, else live. */
    public record Figures(String source, List<TargetBoard.RegionProgress> children) {
    }

    public Figures figures(Scope scope, String region, YearMonth month) {
        LocalDate today = board.today();
        Optional<TargetSnapshots.Snapshot> snap = snapshots.find(scope, region, month.getYear(), month.getMonthValue());
        List<String> childCodes = board.children(region).stream().map(Region::code).toList();
        if (snap.isPresent()) {
            TargetSnapshots.Detail d = snapshots.detail(scope, snap.get().id());
            return new Figures("快照 snapshot " + month + " (" + snap.get().asOf() + ")",
                    d.regions().stream().filter(r -> childCodes.contains(r.region())).toList());
        }
        return new Figures("实时数据 live figures " + today, board.overview(scope, region, month.getYear()).children());
    }

    public Bulletin bulletin(Scope scope, String regionParam, int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("季度应为 1–4 / the quarter must be 1 to 4");
        }
        String region = board.region(scope, regionParam);
        if (year < 2000 || year > 2100 || YearMonth.of(year, quarter * 3 - 2).atDay(1).isAfter(board.today())) {
            throw new IllegalArgumentException("所选季度尚未开始 / " + year + " Q" + quarter + " has not begun");
        }
        Figures f = figures(scope, region, YearMonth.of(year, quarter * 3));
        return Bulletin.of(region, board.name(region), year, quarter, f.source(), bulletinIndicators, f.children());
    }

    /** The assessment weights of a region and year; equal weights (1 each) when none are set. */
    public Map<TargetIndicator, BigDecimal> weights(Scope scope, String region, int year) {
        Map<TargetIndicator, BigDecimal> w = new EnumMap<>(TargetIndicator.class);
        jurisdiction.sql("select w.indicator, w.weight from target_assessment_weight w where REGION_SCOPE(w.region_code) and w.region_code = :r and w.year = :y",
                        scope).param("r", region).param("y", year)
                .query((rs, n) -> w.put(TargetIndicator.valueOf(rs.getString(1)), rs.getBigDecimal(2))).list();
        if (w.isEmpty()) {
            Arrays.stream(TargetIndicator.values()).forEach(i -> w.put(i, BigDecimal.ONE));
        }
        return w;
    }

    /** Replaces the weights of a region and year (admins of the region; audited). */
    @Transactional
    public void setWeights(Scope scope, String regionParam, int year, Map<TargetIndicator, BigDecimal> weights, String actor) {
        String region = board.region(scope, regionParam);
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("年度须在 2000–2100 之间 / the year must be between 2000 and 2100");
        }
        if (weights.isEmpty() || weights.values().stream().allMatch(v -> v.signum() == 0)) {
            throw new IllegalArgumentException("至少一个指标的权重须大于0 / at least one weight must be above 0");
        }
        new Assessment(weights, scoreCap, rewardCount, rewardMinimum); // validates (no negative weight)
        jdbc.sql("delete from target_assessment_weight where region_code = :r and year = :y").param("r", region).param("y", year).update();
        for (var e : weights.entrySet()) {
            jdbc.sql("insert into target_assessment_weight (region_code, year, indicator, weight, set_by) values (:r, :y, :i, :w, :a)")
                    .param("r", region).param("y", year).param("i", e.getKey().name()).param("w", e.getValue()).param("a", actor).update();
        }
        audit.append(actor, "TARGET_WEIGHTS_SET", "target_assessment:" + region + ":" + year, weights.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString()).collect(Collectors.joining(", ")));
    }

    public record AssessmentReport(String region, String regionName, int year, String source, Map<TargetIndicator, BigDecimal> weights,
                                   int rewardCount, BigDecimal rewardMinimum, BigDecimal scoreCap, List<Assessment.Row> rows) {
    }

    /** The annual assessment of the region's children: the year's December figures (snapshot or live). */
    public AssessmentReport assessment(Scope scope, String regionParam, int year) {
        String region = board.region(scope, regionParam);
        YearMonth month = year >= board.today().getYear() ? YearMonth.from(board.today()) : YearMonth.of(year, 12);
        if (year > board.today().getYear()) {
            throw new IllegalArgumentException("所选年度尚未开始 / the year " + year + " has not begun");
        }
        Figures f = figures(scope, region, month);
        Map<TargetIndicator, BigDecimal> w = weights(scope, region, year);
        Assessment a = new Assessment(w, scoreCap, rewardCount, rewardMinimum);
        List<Assessment.RegionInput> inputs = f.children().stream().map(c -> new Assessment.RegionInput(c.region(), c.name(), c.figures())).toList();
        List<Assessment.Row> rows = a.assess(inputs).stream().filter(r -> r.score() != null).toList();
        return new AssessmentReport(region, board.name(region), year, f.source(), w, rewardCount, rewardMinimum, scoreCap, rows);
    }
}
