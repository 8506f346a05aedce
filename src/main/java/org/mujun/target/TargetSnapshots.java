package org.mujun.target;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mujun.audit.AuditLog;
import org.mujun.region.Region;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Monthly snapshots of actual against target (SPEC §8: "monthly snapshots … so a month's figures never
 * change after the fact"). A snapshot of a region, year and month holds the figures of the region, its
 * child regions and every region below it with a target, as they were when it was taken. There is one per
 * region and month; the database refuses any change or deletion (V101 triggers).
 */
@Repository
public class TargetSnapshots {

    public enum Kind {
        SCHEDULED, ON_DEMAND
    }

    public record Snapshot(long id, String regionCode, int year, int month, LocalDate asOf, BigDecimal timeShare, Kind kind, String takenBy,
                           Instant takenAt) {
    }

    public record Line(String regionCode, String regionName, TargetIndicator indicator, BigDecimal target, BigDecimal actual,
                       BigDecimal percent, BigDecimal expected, boolean onTrack) {

        Progress.Figures figures() {
            return new Progress.Figures(indicator, target, actual, percent, expected, onTrack);
        }
    }

    public record Detail(Snapshot snapshot, List<TargetBoard.RegionProgress> regions) {
    }

    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final Targets targets;
    private final TargetBoard board;
    private final AuditLog audit;

    TargetSnapshots(Jurisdiction jurisdiction, JdbcClient jdbc, Targets targets, TargetBoard board, AuditLog audit) {
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.targets = targets;
        this.board = board;
        this.audit = audit;
    }

    private static final String SELECT = "select s.* from target_snapshot s where REGION_SCOPE(s.region_code) ";

    public List<Snapshot> list(Scope scope, String region, Integer year) {
        return jurisdiction.sql(SELECT + """
                        and s.region_code like :r and (cast(:y as integer) is null or s.year = :y)
                        order by s.year desc, s.month desc, s.region_code limit 500""", scope)
                .param("r", region + "%").param("y", year).query(TargetSnapshots::map).list();
    }

    public Optional<Snapshot> find(Scope scope, String region, int year, int month) {
        return jurisdiction.sql(SELECT + "and s.region_code = :r and s.year = :y and s.month = :m", scope)
                .param("r", region).param("y", year).param("m", month).query(TargetSnapshots::map).optional();
    }

    /** A snapshot with its lines; 404 when it does not exist or lies outside the scope. */
    public Detail detail(Scope scope, long id) {
        Snapshot s = jurisdiction.sql(SELECT + "and s.id = :id", scope).param("id", id).query(TargetSnapshots::map).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "快照不存在 / snapshot not found"));
        List<Line> lines = jdbc.sql("select * from target_snapshot_line where snapshot_id = :id order by id").param("id", id)
                .query((rs, n) -> new Line(rs.getString("region_code"), rs.getString("region_name"), TargetIndicator.valueOf(rs.getString("indicator")),
                        rs.getBigDecimal("target"), rs.getBigDecimal("actual"), rs.getBigDecimal("percent"), rs.getBigDecimal("expected"),
                        rs.getBoolean("on_track"))).list();
        Map<String, List<Progress.Figures>> byRegion = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Line l : lines) {
            byRegion.computeIfAbsent(l.regionCode(), k -> new ArrayList<>()).add(l.figures());
            names.put(l.regionCode(), l.regionName());
        }
        List<TargetBoard.RegionProgress> regions = new ArrayList<>();
        byRegion.forEach((r, f) -> regions.add(new TargetBoard.RegionProgress(r, names.get(r), List.copyOf(f))));
        return new Detail(s, regions);
    }

    /**
     * Takes the snapshot of a region for a month of a target year, with the figures as they are now and the
     * time share of the month's end. Refused (409) when that month's snapshot exists: it never changes.
     */
    @Transactional
    public Snapshot take(Scope scope, String regionParam, YearMonth month, Kind kind, String actor) {
        String region = board.region(scope, regionParam);
        if (find(scope, region, month.getYear(), month.getMonthValue()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "该区划 " + month + " 的快照已存在，快照一经生成不再改变 / the snapshot of "
                    + region + " for " + month + " exists and never changes");
        }
        int year = month.getYear();
        BigDecimal share = Progress.timeShare(year, year, month.getMonthValue());
        Map<String, Map<TargetIndicator, BigDecimal>> byRegion = new LinkedHashMap<>();
        for (Targets.Target t : targets.list(scope, region, year)) {
            byRegion.computeIfAbsent(t.regionCode(), k -> new EnumMap<>(TargetIndicator.class)).put(t.indicator(), t.value());
        }
        Set<String> codes = new LinkedHashSet<>();
        codes.add(region);
        board.children(region).stream().map(Region::code).forEach(codes::add);
        byRegion.keySet().stream().sorted().forEach(codes::add);
        long id = jdbc.sql("""
                        insert into target_snapshot (region_code, year, month, as_of, time_share, kind, taken_by)
                        values (:r, :y, :m, :d, :s, :k, :a) returning id""")
                .param("r", region).param("y", year).param("m", month.getMonthValue()).param("d", board.today()).param("s", share)
                .param("k", kind.name()).param("a", actor).query(Long.class).single();
        int lines = 0;
        for (String code : codes) {
            TargetBoard.RegionProgress p = board.progress(code, year, byRegion.getOrDefault(code, Map.of()), share);
            for (Progress.Figures f : p.figures()) {
                jdbc.sql("""
                                insert into target_snapshot_line (snapshot_id, region_code, region_name, indicator, target, actual, percent, expected, on_track)
                                values (:s, :r, :n, :i, :t, :a, :p, :e, :o)""")
                        .param("s", id).param("r", code).param("n", p.name()).param("i", f.indicator().name()).param("t", f.target())
                        .param("a", f.actual()).param("p", f.percent()).param("e", f.expected()).param("o", f.onTrack()).update();
                lines++;
            }
        }
        audit.append(actor, "TARGET_SNAPSHOT", "target_snapshot:" + id, region + " " + month + " " + kind + ", " + lines + " lines");
        return find(scope, region, year, month.getMonthValue()).orElseThrow();
    }

    /**
     * The regions to snapshot for a year: every region with a target that year whose ancestors have none
     * (the top of each decomposition), so each target is in exactly one scheduled snapshot tree.
     */
    public List<String> roots(int year) {
        List<String> withTargets = jurisdiction.sql("select distinct t.region_code from target t where REGION_SCOPE(t.region_code) and t.year = :y order by 1",
                Scope.system("")).param("y", year).query(String.class).list();
        List<String> roots = new ArrayList<>();
        for (String r : withTargets) {
            if (roots.stream().noneMatch(r::startsWith)) {
                roots.add(r);
            }
        }
        return roots;
    }

    /**
     * The month an on-demand snapshot of a target year is for: the current month in the current year, December
     * for a past year (its closing figures); a future year is refused.
     */
    public YearMonth monthFor(int year) {
        LocalDate today = board.today();
        if (year == today.getYear()) {
            return YearMonth.from(today);
        }
        if (year < today.getYear()) {
            return YearMonth.of(year, 12);
        }
        throw new IllegalArgumentException("不能为将来的年度生成快照 / no snapshot of a future year (" + year + ")");
    }

    static Snapshot map(ResultSet rs, int n) throws SQLException {
        return new Snapshot(rs.getLong("id"), rs.getString("region_code"), rs.getInt("year"), rs.getInt("month"),
                rs.getObject("as_of", LocalDate.class), rs.getBigDecimal("time_share"), Kind.valueOf(rs.getString("kind")), rs.getString("taken_by"),
                rs.getTimestamp("taken_at").toInstant());
    }
}
