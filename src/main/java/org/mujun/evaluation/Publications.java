package org.mujun.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mujun.audit.AuditLog;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationRuns.RunFilter;
import org.mujun.evaluation.EvaluationRuns.RunHeader;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公示 and 定稿 of official runs (SPEC §5 "Publish"): an administrator of the run's region publicises a
 * computed official run with an objection deadline (default {@code mujun.evaluation.objection-days}, 7
 * days); enterprises then see their result and may object until the deadline, inclusive, in China time;
 * the run is finalised once the window has closed and no objection is open. Publicising a corrected
 * run of the same region and year supersedes the run published before it (link both ways). Every
 * change is audited in its transaction. Which run was published for a region and year on any date stays
 * answerable ({@link #publishedOn}).
 */
@Component
public class Publications {

    /** Dates (deadline, "published on") are China dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A run with its publication facts. */
    public record Publication(long runId, long schemeId, int schemeVersion, String regionCode, int year, RunKind kind, RunStatus status,
                              int inputCount, int gradedCount, String runBy, Instant runAt, LocalDate objectionDeadline,
                              String publicizedBy, Instant publicizedAt, String finalizedBy, Instant finalizedAt, Long supersededBy,
                              Instant supersededAt, Long supersedes, int openObjections, int objections) {

        /** Whether an enterprise may file an objection on {@code today}: publicised and today ≤ deadline. */
        public boolean windowOpen(LocalDate today) {
            return status.acceptsObjections() && objectionDeadline != null && !today.isAfter(objectionDeadline);
        }

        /** The state the run was in at the end of {@code date} (for the "published on date X" answer). */
        public RunStatus statusOn(LocalDate date) {
            Instant end = endOf(date);
            if (supersededAt != null && supersededAt.isBefore(end)) {
                return RunStatus.SUPERSEDED;
            }
            if (finalizedAt != null && finalizedAt.isBefore(end)) {
                return RunStatus.FINAL;
            }
            if (publicizedAt != null && publicizedAt.isBefore(end)) {
                return RunStatus.PUBLICIZING;
            }
            return RunStatus.COMPUTED;
        }
    }

    private static final String COLUMNS = """
            r.id, r.scheme_id, r.scheme_version, r.region_code, r.year, r.kind, r.status, r.input_count, r.graded_count, r.run_by, r.run_at,
            r.objection_deadline, r.publicized_by, r.publicized_at, r.finalized_by, r.finalized_at, r.superseded_by, r.superseded_at, r.supersedes,
            (select count(*) from evaluation_objection o where o.run_id = r.id and o.status = 'OPEN'),
            (select count(*) from evaluation_objection o where o.run_id = r.id)""";

    private final JdbcClient jdbc;
    private final EvaluationRuns runs;
    private final AuditLog audit;
    private final int defaultDays;
    /** "Today" comes from this clock (tests set it with {@link #clock(Clock)}). */
    private volatile Clock clock = Clock.system(ZONE);

    Publications(JdbcClient jdbc, EvaluationRuns runs, AuditLog audit, @Value("${mujun.evaluation.objection-days:7}") int defaultDays) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.audit = audit;
        this.defaultDays = defaultDays;
    }

    /** Test hook: the clock "today" is read from (called through the transactional proxy, so it reaches the bean). */
    void clock(Clock c) {
        this.clock = c;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int defaultObjectionDays() {
        return defaultDays;
    }

    /** The start of the day after {@code date} in China time: "on date X" means up to the end of that day. */
    static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    // ------------------------------------------------------------------ reading

    /** The publication facts of a run the user may see, else empty. */
    public Optional<Publication> find(long runId) {
        return runs.find(runId).map(r -> read(r.id()));
    }

    /** The publication facts of a run the user may see, else 404. */
    public Publication get(long runId) {
        return find(runId).orElseThrow(EvaluationRuns::notFound);
    }

    Publication read(long runId) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_run r where r.id = :id").param("id", runId).query(Publications::map).single();
    }

    /**
     * The official runs the user may see, with their publication facts, newest first (at most 500): the
     * history of every run of a region and year.
     */
    public List<Publication> history(String regionPrefix, Integer year) {
        List<RunHeader> visible = runs.list(new RunFilter(regionPrefix, year, RunKind.OFFICIAL));
        if (visible.isEmpty()) {
            return List.of();
        }
        Map<Long, Publication> byId = jdbc.sql("select " + COLUMNS + " from evaluation_run r where r.id = any(:ids)")
                .param("ids", visible.stream().map(RunHeader::id).toArray(Long[]::new)).query(Publications::map).list()
                .stream().collect(Collectors.toMap(Publication::runId, Function.identity()));
        List<Publication> out = new ArrayList<>();
        for (RunHeader h : visible) {
            Publication p = byId.get(h.id());
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * What was published for region {@code region} (exactly) and {@code year} on {@code date}: the official
     * run publicised by the end of that day (China time) and not superseded by then, if the user may see it.
     */
    public Optional<Publication> publishedOn(String region, int year, LocalDate date) {
        Optional<Long> id = jdbc.sql("""
                        select r.id from evaluation_run r
                        where r.region_code = :r and r.year = :y and r.kind = 'OFFICIAL' and r.publicized_at < :end
                          and (r.superseded_at is null or r.superseded_at >= :end)
                        order by r.publicized_at desc, r.id desc limit 1""")
                .param("r", region).param("y", year).param("end", Timestamp.from(endOf(date))).query(Long.class).optional();
        return id.flatMap(this::find);
    }

    /** The run that stands now for a region and year (publicised or final), if the user may see it. */
    public Optional<Publication> current(String region, int year) {
        Optional<Long> id = jdbc.sql("""
                        select r.id from evaluation_run r where r.region_code = :r and r.year = :y and r.kind = 'OFFICIAL'
                          and r.status in ('PUBLICIZING', 'FINAL') order by r.id desc limit 1""")
                .param("r", region).param("y", year).query(Long.class).optional();
        return id.flatMap(this::find);
    }

    // ------------------------------------------------------------------ changing

    /**
     * 公示: a computed official run becomes PUBLICIZING with the objection deadline (null: today + the default
     * days). A run of the same region and year that is publicised or final is superseded by it — refused
     * while that run has open objections or when it is the newer run.
     */
    @Transactional
    public Publication publicize(long runId, LocalDate deadline, String actor) {
        Run run = runs.get(runId);
        requireAdminOf(run.header().regionCode());
        RunStatus status = lockStatus(runId);
        RunStatus next = status.publicize(run.header().kind());
        LocalDate today = today();
        LocalDate last = deadline == null ? today.plusDays(defaultDays) : deadline;
        if (last.isBefore(today)) {
            throw new IllegalArgumentException("异议截止日期不能早于今天（" + today + "）/ the objection deadline cannot be before today (" + today + ")");
        }
        if (last.isAfter(today.plusDays(366))) {
            throw new IllegalArgumentException("异议期不能超过一年 / the objection window cannot exceed a year");
        }
        // one publication of a region and year at a time: two runs publicised at once must not both stand
        jdbc.sql("select pg_advisory_xact_lock(:k, hashtext(:r || ':' || cast(:y as text)))")
                .param("k", 0x4D4A5042 /* "MJPB" */).param("r", run.header().regionCode()).param("y", run.header().year()).query().singleValue();
        Long superseded = null;
        List<Long> standing = jdbc.sql("""
                        select r.id from evaluation_run r where r.region_code = :r and r.year = :y and r.status in ('PUBLICIZING', 'FINAL')
                          and r.id <> :id order by r.id for update""")
                .param("r", run.header().regionCode()).param("y", run.header().year()).param("id", runId).query(Long.class).list();
        for (long old : standing) {
            if (old > runId) {
                throw new IllegalTransitionException("第 " + old + " 号评价比本次评价更新且已公示，不能用较早的评价替代它 / run " + old
                        + " is newer and already published; an older run cannot supersede it");
            }
            int open = openObjections(old);
            if (open > 0) {
                throw new IllegalTransitionException("第 " + old + " 号评价尚有 " + open + " 件异议未处理，请先处理再公示新的评价 / run " + old
                        + " has " + open + " open objection(s); decide them before publicising a new run");
            }
            RunStatus oldNext = RunStatus.valueOf(jdbc.sql("select status from evaluation_run where id = :id").param("id", old)
                    .query(String.class).single()).supersede();
            jdbc.sql("""
                            update evaluation_run set status = :s, superseded_by = :new, superseded_at = now(),
                                   status_changed_by = :a, status_changed_at = now() where id = :id""")
                    .param("s", oldNext.name()).param("new", runId).param("a", actor).param("id", old).update();
            int corrected = jdbc.sql("update evaluation_objection set corrected_in_run = :new where run_id = :old and status = 'ACCEPTED'")
                    .param("new", runId).param("old", old).update();
            audit.append(actor, "EVALUATION_RUN_SUPERSEDE", "evaluation-run:" + old, "superseded by run " + runId + "; accepted objections "
                    + corrected);
            superseded = old;
        }
        jdbc.sql("""
                        update evaluation_run set status = :s, objection_deadline = :d, publicized_by = :a, publicized_at = now(),
                               supersedes = :old, status_changed_by = :a, status_changed_at = now() where id = :id""")
                .param("s", next.name()).param("d", last).param("a", actor).param("old", superseded).param("id", runId).update();
        audit.append(actor, "EVALUATION_RUN_PUBLICIZE", "evaluation-run:" + runId, run.header().regionCode() + " " + run.header().year()
                + " objection deadline " + last + (superseded == null ? "" : "; supersedes run " + superseded));
        return read(runId);
    }

    /** 定稿: refused while objections are open and before the objection window has closed. */
    @Transactional
    public Publication finalizeRun(long runId, String actor) {
        Run run = runs.get(runId);
        requireAdminOf(run.header().regionCode());
        RunStatus next = lockStatus(runId).toFinal();
        int open = openObjections(runId);
        if (open > 0) {
            throw new IllegalTransitionException("尚有 " + open + " 件异议未处理，不能定稿 / " + open + " objection(s) are still open: decide them "
                    + "before finalizing");
        }
        LocalDate deadline = read(runId).objectionDeadline();
        if (deadline != null && !today().isAfter(deadline)) {
            throw new IllegalTransitionException("异议期至 " + deadline + "（含当日），期满后方可定稿 / the objection window runs until " + deadline
                    + " (inclusive); finalize after it");
        }
        jdbc.sql("""
                        update evaluation_run set status = :s, finalized_by = :a, finalized_at = now(), status_changed_by = :a,
                               status_changed_at = now() where id = :id""")
                .param("s", next.name()).param("a", actor).param("id", runId).update();
        audit.append(actor, "EVALUATION_RUN_FINALIZE", "evaluation-run:" + runId, run.header().regionCode() + " " + run.header().year());
        return read(runId);
    }

    /** True when the signed-in user may publish and decide for runs of this region. */
    public boolean canManage(String region) {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && u.role().isAdmin() && u.regionCode() != null && region.startsWith(u.regionCode());
    }

    /** 403 for other roles, 404 for an administrator of another region (the run is not theirs). */
    static void requireAdminOf(String region) {
        MujunUser u = Jurisdiction.currentUser();
        if (u == null || !u.role().isAdmin()) {
            throw new AccessDeniedException("only region administrators publish evaluations and decide objections");
        }
        if (u.regionCode() == null || !region.startsWith(u.regionCode())) {
            throw EvaluationRuns.notFound();
        }
    }

    private RunStatus lockStatus(long runId) {
        return RunStatus.valueOf(jdbc.sql("select status from evaluation_run where id = :id for update").param("id", runId)
                .query(String.class).single());
    }

    int openObjections(long runId) {
        return jdbc.sql("select count(*) from evaluation_objection where run_id = :id and status = 'OPEN'").param("id", runId)
                .query(Integer.class).single();
    }

    private static Publication map(ResultSet rs, int n) throws SQLException {
        return new Publication(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getInt(5), RunKind.valueOf(rs.getString(6)),
                RunStatus.valueOf(rs.getString(7)), rs.getInt(8), rs.getInt(9), rs.getString(10), instant(rs, 11),
                rs.getObject(12, LocalDate.class), rs.getString(13), instant(rs, 14), rs.getString(15), instant(rs, 16),
                (Long) rs.getObject(17), instant(rs, 18), (Long) rs.getObject(19), rs.getInt(20), rs.getInt(21));
    }

    private static Instant instant(ResultSet rs, int c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }
}
