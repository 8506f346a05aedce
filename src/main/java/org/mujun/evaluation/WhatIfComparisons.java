package org.mujun.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.MeasureSettings.Applied;
import org.mujun.evaluation.WhatIf.Comparison;
import org.mujun.evaluation.WhatIf.Grade;
import org.mujun.evaluation.WhatIf.Transition;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What-if (SPEC §5): a run of a draft (or any) scheme compared with the published run of the same region
 * and year — the run that stands (公示中 or 已定稿), else the newest official run — before anything is
 * published: the class migration matrix (from × to), the enterprises that move, and the change in the
 * differential charges. Both sides use the measures configured for the region and year when there are
 * any ({@link MeasureSettings}), else each its own scheme's, and the same previous-year classes. Counts
 * and sums cover the enterprises inside the user's jurisdiction.
 */
@Component
public class WhatIfComparisons {

    /** An enterprise that moves, with its name. */
    public record Mover(String uscc, String name, String regionCode, String industryCode, Grade from, Grade to, Double totalFrom, Double totalTo,
                        BigDecimal chargeFromYuan, BigDecimal chargeToYuan) {
    }

    /** The comparison of {@code run} against {@code base}. */
    public record View(Run run, Run base, Applied baseMeasures, Applied runMeasures, Comparison comparison) {
        public List<Grade> grades() {
            return List.of(Grade.values());
        }

        public int count(String from, String to) {
            return comparison.count(Grade.valueOf(from), Grade.valueOf(to));
        }

        public int rowTotal(Grade from) {
            int s = 0;
            for (Grade to : Grade.values()) {
                s += comparison.count(from, to);
            }
            return s;
        }

        public int columnTotal(Grade to) {
            int s = 0;
            for (Grade from : Grade.values()) {
                s += comparison.count(from, to);
            }
            return s;
        }
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final EvaluationRuns runs;
    private final MeasureSettings settings;
    private final RunMeasures runMeasures;
    private final Map<String, List<Transition>> cache = Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Transition>> eldest) {
            return size() > 4;
        }
    });

    WhatIfComparisons(JdbcClient jdbc, Jurisdiction jurisdiction, EvaluationRuns runs, MeasureSettings settings, RunMeasures runMeasures) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.runs = runs;
        this.settings = settings;
        this.runMeasures = runMeasures;
    }

    /** Runs a scheme version as a what-if (试算) as the signed-in administrator. */
    public Run start(long schemeId, String actor) {
        return runs.run(schemeId, RunKind.WHAT_IF, actor);
    }

    /** The comparison for the signed-in user (runs it may see, rows inside its jurisdiction). */
    public View compare(long runId, Long baseRunId) {
        Run run = runs.get(runId);
        Run base = baseRunId != null ? runs.get(baseRunId) : defaultBase(run, null);
        return compare(run, base, jurisdiction.current());
    }

    /** The published run (publicised or final) of the run's region and year, else its newest other official run; 400 when none. */
    Run defaultBase(Run run, Scope systemScope) {
        Optional<Long> id = jdbc.sql("""
                        select r.id from evaluation_run r where r.region_code = :r and r.year = :y and r.kind = 'OFFICIAL' and r.id <> :id
                        order by (r.status in ('PUBLICIZING', 'FINAL')) desc, r.id desc limit 1""")
                .param("r", run.header().regionCode()).param("y", run.header().year()).param("id", run.id()).query(Long.class).optional();
        Optional<Run> base = id.flatMap(i -> systemScope == null ? runs.find(i) : runs.find(i, systemScope, null));
        return base.orElseThrow(() -> new IllegalArgumentException(run.header().regionCode() + " " + run.header().year()
                + " 年度没有可对比的正式评价，请先进行正式评价 / there is no official run of " + run.header().regionCode() + " "
                + run.header().year() + " to compare with: run the published scheme first"));
    }

    public View compare(Run run, Run base, Scope scope) {
        if (base.header().kind() != RunKind.OFFICIAL) {
            throw new IllegalArgumentException("对比基准须为正式评价 / the base of a comparison must be an official run");
        }
        if (!base.header().regionCode().equals(run.header().regionCode()) || base.header().year() != run.header().year()) {
            throw new IllegalArgumentException("只能与同一区划、同一年度的评价对比 / a run is compared only with a run of the same region and year");
        }
        if (base.id() == run.id()) {
            throw new IllegalArgumentException("不能与自身对比 / a run cannot be compared with itself");
        }
        Applied baseMeasures = settings.forRun(base.header().regionCode(), base.header().year(), base.scheme());
        Applied runMeasuresApplied = baseMeasures.version() != null ? baseMeasures : new Applied(run.scheme().measures(), null);
        RunMeasures.PreviousClasses prev = runMeasures.previousClasses(run.header().regionCode(), run.header().year());
        String key = run.id() + "|" + base.id() + "|" + baseMeasures.key() + "|" + prev.runIds();
        List<Transition> transitions = cache.get(key);
        if (transitions == null) {
            transitions = WhatIf.transitions(runMeasures.recompute(base), baseMeasures.measures(), runMeasures.recompute(run),
                    runMeasuresApplied.measures(), prev.classes());
            cache.put(key, transitions);
        }
        Comparison c = WhatIf.summarize(transitions, t -> scope.coversRegion(t.regionCode()) && (scope.uscc() == null || scope.uscc().equals(t.uscc())));
        return new View(run, base, baseMeasures, runMeasuresApplied, c);
    }

    /** The movers of a comparison, optionally of one cell (from, to), with their names; inside the jurisdiction. */
    public List<Mover> movers(View v, Grade from, Grade to, Scope scope) {
        List<WhatIf.Move> moves = new ArrayList<>();
        for (WhatIf.Move m : v.comparison().moves()) {
            if ((from == null || m.from() == from) && (to == null || m.to() == to)) {
                moves.add(m);
            }
        }
        Map<String, String[]> names = new HashMap<>();
        if (!moves.isEmpty()) {
            jurisdiction.sql("select x.uscc, x.name, x.region_code, x.industry_code from evaluation_result x where x.run_id in (:a, :b)"
                            + " and x.uscc = any(:u) and SCOPE(x.region_code, x.uscc)", scope)
                    .param("a", v.base().id()).param("b", v.run().id()).param("u", moves.stream().map(WhatIf.Move::uscc).toArray(String[]::new))
                    .query(rs -> {
                        names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    });
        }
        List<Mover> out = new ArrayList<>();
        for (WhatIf.Move m : moves) {
            String[] n = names.getOrDefault(m.uscc(), new String[] {m.uscc(), null, null});
            out.add(new Mover(m.uscc(), n[0], n[1], n[2], m.from(), m.to(), m.totalFrom(), m.totalTo(), m.chargeFromYuan(), m.chargeToYuan()));
        }
        out.sort((a, b) -> a.from() != b.from() ? a.from().compareTo(b.from()) : a.to() != b.to() ? a.to().compareTo(b.to()) : a.uscc().compareTo(b.uscc()));
        return out;
    }
}
