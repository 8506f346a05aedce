package org.mujun.evaluation;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.mujun.audit.AuditLog;
import org.mujun.evaluation.EvaluationResult.AdjustmentScore;
import org.mujun.evaluation.EvaluationResult.Outcome;
import org.mujun.evaluation.EvaluationResult.Override;
import org.mujun.evaluation.EvaluationResult.PopulationSummary;
import org.mujun.evaluation.EvaluationSchemes.SchemeStatus;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evaluation runs (SPEC §5 "Run"): {@link #run} reads the inputs of the scheme's region and year,
 * hashes them, computes with the engine and stores the run, every input row and every result row in
 * one transaction. A run never changes afterwards (database triggers refuse it), except its status.
 * Runs of one scheme (region and year, any version) are serialised by a transaction-scoped advisory
 * lock.
 * <p>
 * Reading: a run is visible to a user whose region overlaps the run's; result rows go through
 * {@link Jurisdiction} (a town officer reads its town's rows, an enterprise its own). An enterprise
 * sees a run only in a status {@link RunStatus#visibleToEnterprises() visible to enterprises}, a town
 * officer only official runs ({@link #visibleToEnterprise}). Anything not visible is "not found".
 */
@Component
public class EvaluationRuns {

    /** The stored header of a run. */
    public record RunHeader(long id, long schemeId, int schemeVersion, String regionCode, int year, RunKind kind, RunStatus status,
                            String inputHash, int inputCount, int gradedCount, int exemptCount, int notEvaluatedCount, String runBy,
                            Instant runAt) {
    }

    /** How the inputs were read. */
    public record Sources(Scheme.Land land, int buildPeriodYears, int energyCoefficientVersion, int enterprisesWithData) {
    }

    /** Phase times in milliseconds (lock wait, read inputs, hash, compute, write rows). */
    public record Timings(long lockWaitMs, long loadMs, long hashMs, long computeMs, long writeMs, long totalMs) {
    }

    /** A run with the scheme as run and the population summaries (benchmarks, class counts and boundaries). */
    public record Run(RunHeader header, Scheme scheme, List<PopulationSummary> populations, Sources sources, Timings timings) {
        public long id() {
            return header.id();
        }

        public PopulationSummary population(PopulationKind kind) {
            return populations.stream().filter(p -> p.kind() == kind).findFirst().orElse(null);
        }
    }

    /** Filter of the run list; every field optional. */
    public record RunFilter(String region, Integer year, RunKind kind) {
        public static final RunFilter ALL = new RunFilter(null, null, null);
    }

    /** Orders of the results page; RANK is the population's order (total descending with the tie-break). */
    public enum ResultSort { RANK, USCC, REGION, INDUSTRY, TAX_PER_MU }

    /**
     * Filter, order and page of a run's results.
     *
     * @param outcome A, B, C, D (final class), EXEMPT or NOT_EVALUATED; null for all
     * @param region  region-code prefix (a town)
     * @param industry industry-code prefix (C26)
     * @param q       name (substring) or USCC (prefix)
     */
    public record ResultQuery(PopulationKind population, String outcome, String region, String industry, String q, ResultSort sort,
                              boolean descending, int page, int size, boolean rareName) {
        public ResultQuery(PopulationKind population, String outcome, String region, String industry, String q, ResultSort sort,
                           boolean descending, int page, int size) {
            this(population, outcome, region, industry, q, sort, descending, page, size, false);
        }

        public static ResultQuery firstPage() {
            return new ResultQuery(null, null, null, null, null, ResultSort.RANK, false, 0, 50);
        }

        ResultQuery withRareName(boolean rare) {
            return new ResultQuery(population, outcome, region, industry, q, sort, descending, page, size, rare);
        }

        boolean filtered() {
            return population != null || blank(outcome) != null || blank(region) != null || blank(industry) != null || blank(q) != null;
        }
    }

    /**
     * A page of a list. {@code total} is exact up to {@link #COUNT_CAP}; above it {@code totalExact} is false and
     * the total reads "more than 5,000" (a filtered province-wide list is never counted to the end on every page).
     */
    public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {
        public Page(List<T> items, int page, int size, long total) {
            this(items, page, size, total, true);
        }

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        /** Whether a next page exists (also beyond the counted total). */
        public boolean hasNext() {
            return (long) (page + 1) * size < total || (!totalExact && items.size() == size);
        }
    }

    /** Filtered result lists are counted up to this many rows. */
    public static final int COUNT_CAP = 5_000;

    /** One indicator of a stored result, with the scheme's weight and unit. */
    public record IndicatorValue(IndicatorKind kind, String unit, double weight, Double value, Double benchmark, double score,
                                 boolean missing, boolean averageApplied, boolean capped, Double industryPercentile, int industryPeers) {
    }

    /** One enterprise's stored result. */
    public record ResultRow(long runId, String uscc, String name, String regionCode, String industryCode, String industryDivision,
                            String industryGroup, PopulationKind population, Outcome outcome, String reasonZh, String reasonEn,
                            List<IndicatorValue> indicators, List<AdjustmentScore> adjustments, Double adjustmentTotal, Double total,
                            Double taxPerMu, Integer rank, Integer populationSize, Integer industryRank, Integer industrySize,
                            EvaluationClass scoreClass, EvaluationClass finalClass, EvaluationClass managedAs, List<Override> overrides) {
        /** The total to 2 decimals (half-up of the stored double, as the engine shows it). */
        public String totalText() {
            return total == null ? "" : new java.math.BigDecimal(total).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }

        /** A, B, C, D, or 不定等级 / 未参评 for the class badge. */
        public String badge() {
            return finalClass != null ? finalClass.name() : outcome == Outcome.EXEMPT ? "EXEMPT" : "NONE";
        }
    }

    /**
     * The stored input of one enterprise in a run, with where its figures came from.
     */
    public record InputRow(EnterpriseInput input, String name, String sizeSource, java.math.BigDecimal landOwnedM2,
                           java.math.BigDecimal landLeasedInM2, java.math.BigDecimal landLeasedOutM2, String landMergedInto,
                           boolean electricityFromMonths, Long taxUpload, Long statsUpload, Long electricityUpload, Long energyUpload,
                           Long emissionUpload) {
    }

    private static final int LOCK_SPACE = 0x4D4A4556; // "MJEV"

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final Jurisdiction jurisdiction;
    private final EvaluationSchemes schemes;
    private final EvaluationInputs inputs;
    private final AuditLog audit;
    private final Map<Long, Run> cache = Collections.synchronizedMap(new LinkedHashMap<>(32, 0.75f, true) {
        @java.lang.Override
        protected boolean removeEldestEntry(Map.Entry<Long, Run> eldest) {
            return size() > 32;
        }
    });
    /** Test hook: called with the phase name ("locked", "computed") inside the run's transaction. */
    Consumer<String> phaseHook = p -> { };

    EvaluationRuns(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, Jurisdiction jurisdiction, EvaluationSchemes schemes,
                   EvaluationInputs inputs, AuditLog audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.readOnly = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.readOnly.setReadOnly(true);
        this.jurisdiction = jurisdiction;
        this.schemes = schemes;
        this.inputs = inputs;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ running

    /** Runs a scheme version: OFFICIAL when it is published, WHAT_IF when it is a draft. */
    public Run run(long schemeId, String actor) {
        SchemeVersion s = schemes.get(schemeId);
        return run(schemeId, s.status() == SchemeStatus.PUBLISHED ? RunKind.OFFICIAL : RunKind.WHAT_IF, actor);
    }

    /** Runs a scheme version as the signed-in admin (404 outside its region, 403 for other roles). */
    public Run run(long schemeId, RunKind kind, String actor) {
        SchemeVersion s = schemes.get(schemeId);
        MujunUser u = Jurisdiction.currentUser();
        if (u == null || !u.role().isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("only region administrators run evaluations");
        }
        if (!s.regionCode().startsWith(u.regionCode())) {
            throw EvaluationSchemes.notFound();
        }
        return run(schemeId, kind, actor, Scope.system(s.regionCode()));
    }

    /**
     * Runs for the CLI and jobs: {@code scope} must cover the scheme's region. Refused (IllegalArgumentException,
     * 400) when an OFFICIAL run is asked of a draft, or when the region has no data for the year.
     */
    public Run run(long schemeId, RunKind kind, String actor, Scope scope) {
        long t0 = System.nanoTime();
        long id = tx.execute(status -> {
            SchemeVersion s = schemes.find(schemeId, scope).orElseThrow(EvaluationSchemes::notFound);
            jdbc.sql("select pg_advisory_xact_lock(:k, hashtext(:r || ':' || cast(:y as text)))")
                    .param("k", LOCK_SPACE).param("r", s.regionCode()).param("y", s.year()).query().singleValue();
            long tLocked = System.nanoTime();
            phaseHook.accept("locked");
            // read the version again under the lock: the draft may have been saved meanwhile
            record Current(String status, String body, int lock) {
            }
            Current cur = jdbc.sql("select status, body::text, lock_version from evaluation_scheme where id = :id").param("id", schemeId)
                    .query((rs, n) -> new Current(rs.getString(1), rs.getString(2), rs.getInt(3))).single();
            if (kind == RunKind.OFFICIAL && !"PUBLISHED".equals(cur.status())) {
                throw new IllegalArgumentException("正式评价须使用已发布的方案版本；草稿只能试算 / an official run needs a published scheme "
                        + "version; a draft can only be run as a what-if");
            }
            Scheme scheme = SchemeFiles.fromJson(cur.body());
            SchemeValidation.require(scheme);
            EvaluationInputs.Loaded in = inputs.load(scheme);
            long tLoaded = System.nanoTime();
            if (in.rows().isEmpty() || in.withData() == 0) {
                throw new IllegalArgumentException(s.regionCode() + " " + s.year() + " 年没有任何企业数据（税务、统计、电力、能源、环保均无该年度记录），"
                        + "无法评价；请先导入该年度数据 / no data for " + s.year() + " in " + s.regionCode()
                        + " (no tax, statistics, electricity, energy or emission records of that year): import the year's data first");
            }
            long tHashed = System.nanoTime(); // the hash is computed by load(); kept as its own phase for clarity
            Enterprises e = in.enterprises();
            EvaluationResult result = Evaluation.run(scheme, e);
            long tComputed = System.nanoTime();
            phaseHook.accept("computed");
            long runId = jdbc.sql("select nextval('evaluation_run_id_seq')").query(Long.class).single();
            Connection con = DataSourceUtils.getConnection(dataSource);
            try {
                long w0 = System.nanoTime();
                RunRows.writeInputs(con, runId, in.rows());
                long w1 = System.nanoTime();
                RunRows.writeResults(con, runId, result, in.rows());
                log.info("run {}: wrote {} input rows in {} ms, result rows in {} ms", runId, in.rows().size(), ms(w1 - w0), ms(System.nanoTime() - w1));
            } catch (SQLException | IOException ex) {
                throw new IllegalStateException("writing the run's rows failed: " + ex.getMessage(), ex);
            }
            long tWritten = System.nanoTime();
            int graded = 0;
            int exempt = 0;
            for (int i = 0; i < result.size(); i++) {
                Outcome o = result.outcome(i);
                if (o == Outcome.GRADED) {
                    graded++;
                } else if (o == Outcome.EXEMPT) {
                    exempt++;
                }
            }
            Sources sources = new Sources(scheme.land(), scheme.exemptions().buildPeriodYears() == null ? 3 : scheme.exemptions().buildPeriodYears(),
                    in.coefficientVersion(), in.withData());
            Timings timings = new Timings(ms(tLocked - t0), ms(tLoaded - tLocked), ms(tHashed - tLoaded), ms(tComputed - tHashed),
                    ms(tWritten - tComputed), ms(System.nanoTime() - t0));
            jdbc.sql("""
                            insert into evaluation_run (id, scheme_id, scheme_version, scheme_lock_version, region_code, year, kind, status,
                                input_hash, input_count, graded_count, exempt_count, not_evaluated_count, scheme_body, summary, sources, timings, run_by)
                            values (:id, :sid, :sv, :lock, :r, :y, :k, 'COMPUTED', :h, :n, :g, :x, :ne, cast(:body as jsonb),
                                cast(:sum as jsonb), cast(:src as jsonb), cast(:t as jsonb), :by)""")
                    .param("id", runId).param("sid", schemeId).param("sv", s.version()).param("lock", cur.lock()).param("r", s.regionCode())
                    .param("y", s.year()).param("k", kind.name()).param("h", in.hash()).param("n", result.size()).param("g", graded)
                    .param("x", exempt).param("ne", result.size() - graded - exempt).param("body", cur.body())
                    .param("sum", RunJson.write(result.populations())).param("src", RunJson.write(sources)).param("t", RunJson.write(timings))
                    .param("by", actor).update();
            audit.append(actor, "EVALUATION_RUN", "evaluation-run:" + runId, kind + " " + s.regionCode() + " " + s.year() + " v" + s.version()
                    + " enterprises=" + result.size() + " graded=" + graded + " hash=" + in.hash());
            return runId;
        });
        return find(id, scope, null).orElseThrow();
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvaluationRuns.class);

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    // ------------------------------------------------------------------ reading runs

    private static final String HEADER = "r.id, r.scheme_id, r.scheme_version, r.region_code, r.year, r.kind, r.status, r.input_hash, "
            + "r.input_count, r.graded_count, r.exempt_count, r.not_evaluated_count, r.run_by, r.run_at";

    private static final RowMapper<RunHeader> HEADER_MAPPER = (rs, n) -> new RunHeader(rs.getLong(1), rs.getLong(2), rs.getInt(3),
            rs.getString(4), rs.getInt(5), RunKind.valueOf(rs.getString(6)), RunStatus.valueOf(rs.getString(7)), rs.getString(8),
            rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getString(13), rs.getTimestamp(14).toInstant());

    /** Runs visible to the signed-in user, newest first (at most 500). */
    public List<RunHeader> list(RunFilter f) {
        MujunUser u = Jurisdiction.currentUser();
        Scope scope = jurisdiction.current();
        if (u == null || !scope.businessData() || scope.regionPrefix() == null) {
            return List.of();
        }
        List<RunHeader> all = jdbc.sql("select " + HEADER + " from evaluation_run r where " + EvaluationSchemes.overlap("r.region_code")
                        + " and r.region_code like :rp and (cast(:y as integer) is null or r.year = :y)"
                        + " and (cast(:k as text) is null or r.kind = :k) order by r.year desc, r.id desc limit 500")
                .param("p", scope.regionPrefix()).param("rp", (blank(f.region()) == null ? "" : f.region().trim()) + "%")
                .param("y", f.year()).param("k", f.kind() == null ? null : f.kind().name())
                .query(HEADER_MAPPER).list();
        return all.stream().filter(r -> visible(r, u.role())).toList();
    }

    /**
     * The one rule for ENTERPRISE accounts: an official run once published (公示中, 已定稿, and a superseded
     * one as history); never a computed run nor a what-if run. Pages and APIs showing a run to an
     * enterprise go through {@link #find}, which applies it.
     */
    public static boolean visibleToEnterprise(RunHeader r) {
        return r.kind() == RunKind.OFFICIAL && r.status().visibleToEnterprises();
    }

    static boolean visible(RunHeader r, Role role) {
        return switch (role) {
            case ENTERPRISE -> visibleToEnterprise(r);
            case TOWN_OFFICER -> r.kind() == RunKind.OFFICIAL;
            case SECURITY_ADMIN, DATA_PROVIDER -> false;
            default -> true;
        };
    }

    public Optional<Run> find(long id) {
        MujunUser u = Jurisdiction.currentUser();
        if (u == null) {
            return Optional.empty();
        }
        return find(id, jurisdiction.current(), u.role());
    }

    /** The run or 404 (also when it is not visible to the user). */
    public Run get(long id) {
        return find(id).orElseThrow(EvaluationRuns::notFound);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "评价结果不存在 / evaluation run not found");
    }

    /** With role null: a system reader (CLI), which sees every run overlapping its scope. */
    public Optional<Run> find(long id, Scope scope, Role role) {
        if (!scope.businessData() || scope.regionPrefix() == null) {
            return Optional.empty();
        }
        Optional<RunHeader> h = jdbc.sql("select " + HEADER + " from evaluation_run r where r.id = :id and " + EvaluationSchemes.overlap("r.region_code"))
                .param("id", id).param("p", scope.regionPrefix()).query(HEADER_MAPPER).optional();
        if (h.isEmpty() || (role != null && !visible(h.get(), role))) {
            return Optional.empty();
        }
        Run cached = cache.get(id);
        if (cached == null) {
            cached = jdbc.sql("select scheme_body::text, summary::text, sources::text, timings::text from evaluation_run where id = :id")
                    .param("id", id).query((rs, n) -> new Run(h.get(), SchemeFiles.fromJson(rs.getString(1)), RunJson.summaries(rs.getString(2)),
                            RunJson.read(rs.getString(3), Sources.class), RunJson.read(rs.getString(4), Timings.class))).single();
            cache.put(id, cached);
        }
        // the status may change (publication); the rest never does
        return Optional.of(new Run(h.get(), cached.scheme(), cached.populations(), cached.sources(), cached.timings()));
    }

    /**
     * The newest official, not superseded run of {@code year} whose region covers {@code regionCode} (the run's
     * region code is a prefix of it), the most specific region first; for other modules (screening) that read a
     * region's evaluation through this type. Empty when the scope does not reach the region.
     */
    public Optional<Run> latestOfficial(String regionCode, int year, Scope scope) {
        if (regionCode == null || !scope.businessData() || scope.regionPrefix() == null
                || !(regionCode.startsWith(scope.regionPrefix()) || scope.regionPrefix().startsWith(regionCode))) {
            return Optional.empty();
        }
        Optional<Long> id = jdbc.sql("""
                        select r.id from evaluation_run r
                        where r.kind = 'OFFICIAL' and r.status <> 'SUPERSEDED' and r.year = :y
                          and cast(:rc as text) like r.region_code || '%'
                        order by length(r.region_code) desc, r.id desc limit 1""")
                .param("y", year).param("rc", regionCode).query(Long.class).optional();
        return id.flatMap(i -> find(i, scope, null));
    }

    // ------------------------------------------------------------------ reading results

    private static final String RESULT = "x.run_id, x.uscc, x.name, x.region_code, x.industry_code, x.industry_division, x.industry_group, "
            + "x.population, x.outcome, x.reason_zh, x.reason_en, x.indicator_values, x.indicator_scores, "
            + "x.industry_percentile, x.industry_peers, x.adjustments::text, x.adjustment_total, x.total, x.tax_per_mu, "
            + "x.rank, x.population_size, x.industry_rank, x.industry_size, x.score_class, x.final_class, x.managed_as, x.overrides::text";

    /** A page of the run's results in the user's jurisdiction. */
    public Page<ResultRow> results(long runId, ResultQuery q) {
        Run run = get(runId);
        return results(run, q, jurisdiction.current());
    }

    public Page<ResultRow> results(Run run, ResultQuery q, Scope scope) {
        ResultQuery query = withNameStrategy(q, scope);
        return customPlans(() -> resultsPage(run, query, scope));
    }

    /** Below this many enterprises with the name, a name filter goes through the enterprise table's name index. */
    static final int RARE_NAME = 2000;

    private ResultQuery withNameStrategy(ResultQuery q, Scope scope) {
        String text = blank(q.q());
        if (text == null || text.matches("[0-9A-Za-z]{2,18}")) {
            return q;
        }
        int n = jurisdiction.sql("select count(*) from (select 1 from enterprise e where SCOPE(e.region_code, e.uscc) and "
                        + org.mujun.enterprise.Enterprises.nameMatch("e.name", text) + " limit " + RARE_NAME + ") t", scope)
                .param("nb", text).param("nq", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .query(Integer.class).single();
        return q.withRareName(n < RARE_NAME);
    }

    /**
     * Runs reads with plans made for their actual parameters: a cached generic plan cannot see that the
     * jurisdiction's region prefix covers the whole run and picks a full scan and sort of 200,000 rows
     * (hundreds of ms) over the index that serves the page in under one.
     */
    private <T> T customPlans(java.util.function.Supplier<T> body) {
        return readOnly.execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return body.get();
        });
    }

    private Page<ResultRow> resultsPage(Run run, ResultQuery q, Scope scope) {
        int size = Math.max(1, Math.min(q.size(), 1000));
        int page = Math.max(0, q.page());
        StringBuilder where = new StringBuilder(" where x.run_id = :run and SCOPE(x.region_code, x.uscc)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run", run.id());
        filters(q, where, params);
        String order = switch (q.sort() == null ? ResultSort.RANK : q.sort()) {
            case RANK -> "x.population %1$s nulls last, x.rank %1$s nulls last, x.uscc";
            case USCC -> "x.uscc %1$s";
            case REGION -> "x.region_code %1$s, x.population, x.rank nulls last, x.uscc";
            case INDUSTRY -> "x.industry_code %1$s nulls last, x.population, x.rank nulls last, x.uscc";
            case TAX_PER_MU -> "x.tax_per_mu %1$s nulls last, x.uscc";
        };
        String dir = q.descending() ? "desc" : "asc";
        if (q.sort() == ResultSort.TAX_PER_MU) {
            dir = q.descending() ? "asc" : "desc"; // best first by default
        }
        // LIMIT and OFFSET are written as numbers (ints, never text from the request): as bind parameters they
        // let PostgreSQL switch to a generic plan that ignores the small limit and sorts the whole run
        var stmt = jurisdiction.sql("select " + RESULT + " from evaluation_result x" + where + " order by " + String.format(order, dir)
                + " limit " + size + " offset " + ((long) page * size), scope);
        for (var e : params.entrySet()) {
            stmt = stmt.param(e.getKey(), e.getValue());
        }
        List<ResultRow> items = stmt.query((rs, n) -> row(rs, run)).list();
        long total;
        boolean exact = true;
        boolean wholeRun = scope.uscc() == null && run.header().regionCode().startsWith(scope.regionPrefix());
        Long fromSummary = wholeRun ? countFromSummary(run, q) : null;
        if (fromSummary != null) {
            total = fromSummary;
        } else {
            var count = jurisdiction.sql("select count(*) from (select 1 from evaluation_result x" + where + " limit " + (COUNT_CAP + 1) + ") t", scope);
            for (var e : params.entrySet()) {
                count = count.param(e.getKey(), e.getValue());
            }
            total = count.query(Long.class).single();
            if (total > COUNT_CAP) {
                total = COUNT_CAP;
                exact = false;
            }
        }
        return new Page<>(items, page, size, Math.max(total, (long) page * size + items.size()), exact);
    }

    /**
     * The count of a filter by population and class alone, from the run's header and summaries (no rows read);
     * null for other filters.
     */
    static Long countFromSummary(Run run, ResultQuery q) {
        if (blank(q.region()) != null || blank(q.industry()) != null || blank(q.q()) != null) {
            return null;
        }
        String o = blank(q.outcome());
        List<PopulationSummary> pops = q.population() == null ? run.populations()
                : run.populations().stream().filter(p -> p.kind() == q.population()).toList();
        if (o == null) {
            return q.population() == null ? (long) run.header().inputCount()
                    : pops.stream().mapToLong(p -> p.size() + p.exempt()).sum();
        }
        return switch (o) {
            case "A", "B", "C", "D" -> pops.stream().mapToLong(p -> p.finalClassCounts().getOrDefault(EvaluationClass.valueOf(o), 0)).sum();
            case "EXEMPT" -> pops.stream().mapToLong(PopulationSummary::exempt).sum();
            case "GRADED" -> pops.stream().mapToLong(PopulationSummary::size).sum();
            case "NOT_EVALUATED" -> q.population() == null ? (long) run.header().notEvaluatedCount() : 0L;
            default -> null;
        };
    }

    /** Every result row of the filter, in order, for export (streamed). */
    public void forEachResult(Run run, ResultQuery q, Scope scope, Consumer<ResultRow> sink) {
        ResultQuery query = withNameStrategy(q, scope);
        customPlans(() -> {
            streamResults(run, query, scope, sink);
            return null;
        });
    }

    private void streamResults(Run run, ResultQuery q, Scope scope, Consumer<ResultRow> sink) {
        StringBuilder where = new StringBuilder(" where x.run_id = :run and SCOPE(x.region_code, x.uscc)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run", run.id());
        filters(q, where, params);
        var stmt = jurisdiction.sql("select " + RESULT + " from evaluation_result x" + where
                + " order by x.population nulls last, x.rank nulls last, x.uscc", scope);
        for (var e : params.entrySet()) {
            stmt = stmt.param(e.getKey(), e.getValue());
        }
        stmt.withFetchSize(2000).query(rs -> {
            sink.accept(row(rs, run));
        });
    }

    private static void filters(ResultQuery q, StringBuilder where, Map<String, Object> params) {
        if (q.population() != null) {
            where.append(" and x.population = :pop");
            params.put("pop", q.population().name());
        }
        String o = blank(q.outcome());
        if (o != null) {
            switch (o) {
                case "A", "B", "C", "D" -> {
                    where.append(" and x.final_class = :cls");
                    params.put("cls", o);
                }
                case "EXEMPT", "NOT_EVALUATED", "GRADED" -> {
                    where.append(" and x.outcome = :out");
                    params.put("out", o);
                }
                default -> throw new IllegalArgumentException("类别应为 A、B、C、D、EXEMPT 或 NOT_EVALUATED / class must be A, B, C, D, EXEMPT or NOT_EVALUATED");
            }
        }
        String r = blank(q.region());
        if (r != null) {
            if (!r.matches("\\d{2,12}")) {
                throw new IllegalArgumentException("区划代码应为数字 / region must be a code of digits");
            }
            where.append(" and (x.region_code collate \"C\") >= :rlo and (x.region_code collate \"C\") < :rhi");
            params.put("rlo", r);
            params.put("rhi", r + "~");
        }
        String ind = blank(q.industry());
        if (ind != null) {
            if (!ind.matches("[A-Za-z]\\d{0,4}")) {
                throw new IllegalArgumentException("行业代码应为门类字母加数字（如 C34） / industry must be a section letter with digits (e.g. C34)");
            }
            where.append(" and (x.industry_code collate \"C\") >= :ilo and (x.industry_code collate \"C\") < :ihi");
            params.put("ilo", ind.toUpperCase());
            params.put("ihi", ind.toUpperCase() + "~");
        }
        String text = blank(q.q());
        if (text != null) {
            params.put("nq", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            if (text.matches("[0-9A-Za-z]{2,18}")) {
                where.append(" and (x.uscc like :uq or x.name like :nq)");
                params.put("uq", text.toUpperCase() + "%");
            } else if (q.rareName()) {
                // a rare name: the enterprise table's bigram index finds the few USCCs; the stored name confirms
                where.append(" and x.uscc in (select e.uscc from enterprise e where ")
                        .append(org.mujun.enterprise.Enterprises.nameMatch("e.name", text)).append(") and x.name like :nq");
                params.put("nb", text);
            } else {
                // a common word (机械): the page's order reaches 50 matches after a few hundred rows
                where.append(" and x.name like :nq");
            }
        }
    }

    /** One enterprise's result in the run, inside the user's jurisdiction. */
    public Optional<ResultRow> result(long runId, String uscc) {
        Run run = get(runId);
        return result(run, uscc, jurisdiction.current());
    }

    public Optional<ResultRow> result(Run run, String uscc, Scope scope) {
        return jurisdiction.sql("select " + RESULT + " from evaluation_result x where x.run_id = :run and x.uscc = cast(:u as bpchar) "
                        + "and SCOPE(x.region_code, x.uscc)", scope)
                .param("run", run.id()).param("u", uscc).query((rs, n) -> row(rs, run)).optional();
    }

    /** The stored input of one enterprise in the run, inside the jurisdiction. */
    public Optional<InputRow> input(Run run, String uscc, Scope scope) {
        return jurisdiction.sql("select x.* from evaluation_run_input x where x.run_id = :run and x.uscc = cast(:u as bpchar) "
                        + "and SCOPE(x.region_code, x.uscc)", scope)
                .param("run", run.id()).param("u", uscc).query((rs, n) -> inputRow(rs)).optional();
    }

    /** Every stored input row of a run (for re-running it exactly), in USCC order. */
    public List<EnterpriseInput> inputs(long runId, Scope scope) {
        return jurisdiction.sql("select x.* from evaluation_run_input x where x.run_id = :run and SCOPE(x.region_code, x.uscc) order by x.uscc", scope)
                .param("run", runId).query((rs, n) -> inputRow(rs).input()).list();
    }

    /** An enterprise's explanation in a run: its stored result and inputs, and the explanation (null unless graded). */
    public record Explained(Run run, ResultRow result, InputRow input, Explanation explanation) {
    }

    /**
     * The explanation page's content, without re-running the population: the enterprise's stored inputs
     * and result with the run's summary ({@link Explanation#ofStored}). Empty when the run or the row is not
     * visible to the user.
     */
    public Optional<Explained> explanation(long runId, String uscc) {
        Run run = get(runId);
        Scope scope = jurisdiction.current();
        return explanation(run, uscc, scope);
    }

    public Optional<Explained> explanation(Run run, String uscc, Scope scope) {
        Optional<ResultRow> r = result(run, uscc, scope);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        InputRow in = input(run, uscc, scope).orElseThrow();
        ResultRow row = r.get();
        Explanation x = null;
        if (row.outcome() == Outcome.GRADED) {
            int k = row.indicators().size();
            double[] pct = new double[k];
            int[] peers = new int[k];
            for (int j = 0; j < k; j++) {
                IndicatorValue v = row.indicators().get(j);
                pct[j] = v.industryPercentile() == null ? Double.NaN : v.industryPercentile();
                peers[j] = v.industryPeers();
            }
            x = Explanation.ofStored(run.scheme(), run.population(row.population()), in.input(), new Explanation.Stored(row.population(),
                    row.industryGroup(), row.total(), row.rank(), row.populationSize(), row.scoreClass(), row.finalClass(),
                    row.adjustmentTotal() == null ? 0 : row.adjustmentTotal(), row.adjustments(), row.overrides(), pct, peers));
        }
        return Optional.of(new Explained(run, row, in, x));
    }

    /**
     * An enterprise's results in the runs the user may see, newest year and run first (one per year: the
     * newest official run of each year).
     */
    public List<ResultRow> latestForEnterprise(String uscc) {
        MujunUser u = Jurisdiction.currentUser();
        if (u == null) {
            return List.of();
        }
        Scope scope = jurisdiction.current();
        if (!scope.businessData() || scope.regionPrefix() == null) {
            return List.of();
        }
        // the official runs whose results contain the enterprise, each probed through the primary key
        List<Long> runIds = jurisdiction.sql("""
                        select r.id from evaluation_run r
                        where r.kind = 'OFFICIAL' and """ + EvaluationSchemes.overlap("r.region_code") + """
                          and exists (select 1 from evaluation_result x where x.run_id = r.id and x.uscc = cast(:u as bpchar)
                                      and SCOPE(x.region_code, x.uscc))
                        order by r.year desc, r.id desc limit 50""", scope)
                .param("u", uscc).param("p", scope.regionPrefix()).query(Long.class).list();
        List<ResultRow> out = new ArrayList<>();
        Set<Integer> years = new java.util.HashSet<>();
        for (long id : runIds) {
            Optional<Run> run = find(id, scope, u.role());
            if (run.isEmpty() || !years.add(run.get().header().year())) {
                continue;
            }
            result(run.get(), uscc, scope).ifPresent(out::add);
        }
        return out;
    }

    private static ResultRow row(ResultSet rs, Run run) throws SQLException {
        String pop = rs.getString(8);
        PopulationKind kind = pop == null ? null : PopulationKind.valueOf(pop);
        Outcome outcome = Outcome.valueOf(rs.getString(9));
        String group = rs.getString(7);
        List<IndicatorValue> ind = List.of();
        if (outcome == Outcome.GRADED && kind != null) {
            Scheme.Population def = run.scheme().population(kind);
            PopulationSummary summary = run.population(kind);
            Double[] values = doubles(rs.getArray(12));
            Double[] scores = doubles(rs.getArray(13));
            Double[] pct = doubles(rs.getArray(14));
            Integer[] peers = ints(rs.getArray(15));
            List<IndicatorValue> l = new ArrayList<>(values.length);
            for (int j = 0; j < values.length; j++) {
                Scheme.Indicator d = def.indicators().get(j);
                // the benchmark of the row's scope, and the flags, as the engine's IndicatorScore gives them
                EvaluationResult.IndicatorBenchmark ib = summary.benchmark(d.kind());
                EvaluationResult.ScopeBenchmark sb = ib == null ? null
                        : ib.scope(d.benchmark().type() == Scheme.BenchmarkType.INDUSTRY_GROUP ? group : null);
                double b = sb == null || sb.value() == null ? Double.NaN : sb.value();
                Double x = values[j];
                boolean missing = x == null;
                boolean capped = !missing && Scoring.capped(d.method(), d.weight(), d.cap() == null ? Double.NaN : d.cap(), x, b);
                l.add(new IndicatorValue(d.kind(), d.kind().unit(), d.weight(), x,
                        d.method() == Scheme.ScoringMethod.MIN_MAX || b != b ? null : b, scores[j], missing, missing && d.averageIfMissing(),
                        capped, pct[j], peers[j] == null ? 0 : peers[j]));
            }
            ind = List.copyOf(l);
        }
        return new ResultRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                group, kind, outcome, rs.getString(10), rs.getString(11), ind, RunJson.adjustments(rs.getString(16)),
                dbl(rs, 17), dbl(rs, 18), dbl(rs, 19), integer(rs, 20), integer(rs, 21), integer(rs, 22), integer(rs, 23),
                cls(rs.getString(24)), cls(rs.getString(25)), cls(rs.getString(26)), RunJson.overrides(rs.getString(27)));
    }

    private static InputRow inputRow(ResultSet rs) throws SQLException {
        EnterpriseInput in = new EnterpriseInput(rs.getString("uscc"), rs.getString("region_code"), rs.getString("industry_code"),
                SizeClass.valueOf(rs.getString("size_class")), Status.valueOf(rs.getString("status")),
                rs.getObject("registered_on", LocalDate.class), Set.copyOf(java.util.Arrays.asList(strings(rs.getArray("flags")))), rs.getBoolean("renter"),
                rs.getInt("tenant_count"), dbl(rs, "land_mu"), dbl(rs, "tax_wan"), dbl(rs, "value_added_wan"), dbl(rs, "revenue_wan"),
                dbl(rs, "energy_tce"), dbl(rs, "emissions_t"), dbl(rs, "employees"), dbl(rs, "rnd_wan"), dbl(rs, "electricity_kwh"),
                dbl(rs, "water_m3"), dbl(rs, "gas_m3"), dbl(rs, "land_use_tax_yuan"), Set.copyOf(java.util.Arrays.asList(strings(rs.getArray("events")))),
                dbl(rs, "fixed_asset_investment_wan"), rs.getObject("land_transferred_on", LocalDate.class), rs.getString("exemption_applied"));
        return new InputRow(in, rs.getString("name"), rs.getString("size_source"), rs.getBigDecimal("land_owned_m2"),
                rs.getBigDecimal("land_leased_in_m2"), rs.getBigDecimal("land_leased_out_m2"), rs.getString("land_merged_into"),
                rs.getBoolean("electricity_from_months"), lng(rs, "tax_upload"), lng(rs, "stats_upload"), lng(rs, "electricity_upload"),
                lng(rs, "energy_upload"), lng(rs, "emission_upload"));
    }

    private static EvaluationClass cls(String s) {
        return s == null ? null : EvaluationClass.valueOf(s.trim());
    }

    private static Double dbl(ResultSet rs, int c) throws SQLException {
        double v = rs.getDouble(c);
        return rs.wasNull() ? null : v;
    }

    private static Double dbl(ResultSet rs, String c) throws SQLException {
        double v = rs.getDouble(c);
        return rs.wasNull() ? null : v;
    }

    private static Long lng(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, int c) throws SQLException {
        int v = rs.getInt(c);
        return rs.wasNull() ? null : v;
    }

    private static Double[] doubles(Array a) throws SQLException {
        return a == null ? new Double[0] : (Double[]) a.getArray();
    }

    private static Integer[] ints(Array a) throws SQLException {
        if (a == null) {
            return new Integer[0];
        }
        Object o = a.getArray();
        if (o instanceof Short[] s) {
            Integer[] r = new Integer[s.length];
            for (int i = 0; i < s.length; i++) {
                r[i] = s[i] == null ? null : s[i].intValue();
            }
            return r;
        }
        return (Integer[]) o;
    }

    private static String[] strings(Array a) throws SQLException {
        return a == null ? new String[0] : (String[]) a.getArray();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
