package org.mujun.screening;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.mujun.audit.AuditLog;
import org.mujun.enterprise.Enterprises;
import org.mujun.evaluation.EnterpriseInput;
import org.mujun.evaluation.EvaluationRuns;
import org.mujun.evaluation.Status;
import org.mujun.industry.IndustrySets;
import org.mujun.screening.ScreeningEngine.Subject;
import org.mujun.screening.ScreeningEngine.YearFigures;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 大数据筛选 (SPEC §6): reads a region's newest official evaluation run of the year (and the runs of the years before,
 * as far as the rules look back), the enterprises' zones and the 两高 industry set, applies the region's rules with
 * {@link ScreeningEngine}, and opens a CANDIDATE case with its fired rules for every candidate that has no open case
 * and no case of that year yet. Also the later-run check behind 达标销号.
 */
@Component
public class Screenings {

    /** A stored screening run. */
    public record RunSummary(long id, String regionCode, int year, long evaluationRunId, String earlierRunIds, String rulesText, int enterprises,
                             int candidates, int created, int skipped, String runBy, Instant runAt) {
    }

    /** The outcome of re-screening one enterprise on a later run (达标销号 proof). */
    public record Recheck(long evaluationRunId, int year, boolean stillCandidate, List<ScreeningEngine.Hit> hits, int minHits) {
        public String proofText() {
            return "评价批次 #" + evaluationRunId + "（" + year + " 年）复筛：命中 " + hits.size() + " 条规则（列入需 ≥ " + minHits + " 条）"
                    + (hits.isEmpty() ? "" : "：" + String.join("；", hits.stream().map(h -> h.rule().nameZh()).toList()))
                    + " / re-screened on evaluation run #" + evaluationRunId + " (" + year + "): " + hits.size() + " rule(s) fired, listing needs ≥ "
                    + minHits;
        }
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final EvaluationRuns runs;
    private final Enterprises enterprises;
    private final IndustrySets industrySets;
    private final ScreeningRuleSets ruleSets;
    private final AuditLog audit;

    Screenings(JdbcClient jdbc, Jurisdiction jurisdiction, EvaluationRuns runs, Enterprises enterprises, IndustrySets industrySets,
               ScreeningRuleSets ruleSets, AuditLog audit) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.runs = runs;
        this.enterprises = enterprises;
        this.industrySets = industrySets;
        this.ruleSets = ruleSets;
        this.audit = audit;
    }

    /** The region's subjects of a year from its evaluation runs (the run of the year first). */
    record Loaded(EvaluationRuns.Run run, List<Long> earlier, List<Subject> subjects) {
    }

    Optional<Loaded> load(String regionCode, int year, ScreeningRules rules, Scope scope) {
        Scope region = Scope.system(regionCode);
        Optional<EvaluationRuns.Run> run = runs.latestOfficial(regionCode, year, scope);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<EvaluationRuns.Run> earlier = new ArrayList<>();
        for (int y = year - 1; y > year - rules.yearsNeeded(); y--) {
            runs.latestOfficial(regionCode, y, scope).ifPresent(earlier::add);
        }
        // enterprise master data: zone, name, status
        record Master(String name, boolean inZone, String status) {
        }
        Map<String, Master> master = new HashMap<>();
        try (Stream<Enterprises.Row> s = enterprises.stream(new Enterprises.Filter(null, regionCode, null, null, null, null, null),
                Enterprises.Sort.USCC, false, region)) {
            s.forEach(e -> master.put(e.uscc(), new Master(e.name(), e.zoneId() != null, e.status())));
        }
        Predicate<String> lianggao = industrySets.matcher(IndustrySets.LIANGGAO);
        Map<String, List<YearFigures>> history = new HashMap<>();
        for (EvaluationRuns.Run e : earlier) {
            Map<String, String> cls = classes(e, region);
            for (EnterpriseInput in : runs.inputs(e.id(), region)) {
                history.computeIfAbsent(in.uscc(), k -> new ArrayList<>()).add(figures(e.header().year(), in, cls.get(in.uscc())));
            }
        }
        Map<String, String> cls = classes(run.get(), region);
        List<Subject> subjects = new ArrayList<>();
        for (EnterpriseInput in : runs.inputs(run.get().id(), region)) {
            Master m = master.get(in.uscc());
            if (in.status() != Status.OPERATING || (m != null && !"OPERATING".equals(m.status()))) {
                continue;
            }
            List<YearFigures> years = new ArrayList<>();
            years.add(figures(year, in, cls.get(in.uscc())));
            years.addAll(history.getOrDefault(in.uscc(), List.of()));
            subjects.add(new Subject(in.uscc(), m == null ? in.uscc() : m.name(), in.regionCode(), in.industryCode(),
                    in.sizeClass() == org.mujun.evaluation.SizeClass.BELOW, m != null && m.inZone(), lianggao.test(in.industryCode()),
                    dec(in.valueAddedWan()), dec(in.energyTce()), years));
        }
        return Optional.of(new Loaded(run.get(), earlier.stream().map(EvaluationRuns.Run::id).toList(), subjects));
    }

    private Map<String, String> classes(EvaluationRuns.Run run, Scope scope) {
        Map<String, String> m = new HashMap<>();
        runs.forEachResult(run, EvaluationRuns.ResultQuery.firstPage(), scope, r -> {
            if (r.finalClass() != null) {
                m.put(r.uscc(), r.finalClass().name());
            }
        });
        return m;
    }

    private static YearFigures figures(int year, EnterpriseInput in, String cls) {
        return new YearFigures(year, dec(in.landMu()), dec(in.taxWan()), dec(in.revenueWan()), cls);
    }

    static BigDecimal dec(Double d) {
        return d == null ? null : BigDecimal.valueOf(d);
    }

    /**
     * Runs the screening of a region and year (an administrator whose jurisdiction contains the region; the CLI with
     * {@code Scope.system}). Refused when the region has no official evaluation run of the year.
     */
    @Transactional
    public RunSummary run(String regionCode, int year, String actor, Scope scope) {
        if (regionCode == null || !regionCode.matches("\\d{2,9}") || !scope.coversRegion(regionCode)) {
            throw new IllegalArgumentException("区划不在管辖范围内 / the region is outside your jurisdiction: " + regionCode);
        }
        ScreeningRules rules = ruleSets.effective(regionCode, year).rules();
        Loaded loaded = load(regionCode, year, rules, scope).orElseThrow(() -> new IllegalArgumentException(
                "该区划 " + year + " 年没有正式评价结果，请先完成亩均评价 / there is no official evaluation run of " + year + " for region " + regionCode));
        List<ScreeningEngine.Screened> screened = ScreeningEngine.screen(loaded.subjects(), rules);
        Set<String> taken = new HashSet<>(jurisdiction.sql("""
                        select c.uscc from screening_case c where SCOPE(c.region_code, c.uscc)
                        and (c.year = :y or c.state not in ('REJECTED', 'DISMISSED', 'DELISTED', 'CLOSED', 'EXITED', 'MERGED'))""", Scope.system(regionCode))
                .param("y", year).query(String.class).list());
        int candidates = 0;
        List<ScreeningEngine.Screened> fresh = new ArrayList<>();
        for (ScreeningEngine.Screened s : screened) {
            if (s.candidate()) {
                candidates++;
                if (!taken.contains(s.subject().uscc())) {
                    fresh.add(s);
                }
            }
        }
        String earlier = String.join(",", loaded.earlier().stream().map(String::valueOf).toList());
        String rulesText = ScreeningRuleSets.describe(rules);
        long runId = jdbc.sql("""
                        insert into screening_run (region_code, year, evaluation_run_id, earlier_run_ids, rules_text, enterprises, candidates, created, skipped, run_by)
                        values (:r, :y, :e, :ea, :rt, :n, :c, :cr, :sk, :by) returning id""")
                .param("r", regionCode).param("y", year).param("e", loaded.run().id()).param("ea", earlier).param("rt", rulesText)
                .param("n", loaded.subjects().size()).param("c", candidates).param("cr", fresh.size()).param("sk", candidates - fresh.size())
                .param("by", actor).query(Long.class).single();
        for (ScreeningEngine.Screened s : fresh) {
            Subject sub = s.subject();
            long caseId = jdbc.sql("""
                            insert into screening_case (region_code, uscc, name, industry_code, year, screening_run_id, state)
                            values (:r, :u, :n, :i, :y, :run, 'CANDIDATE') returning id""")
                    .param("r", sub.regionCode()).param("u", sub.uscc()).param("n", sub.name()).param("i", sub.industryCode())
                    .param("y", year).param("run", runId).query(Long.class).single();
            for (ScreeningEngine.Hit h : s.hits()) {
                jdbc.sql("insert into screening_hit (case_id, rule, value, threshold, detail_zh, detail_en) values (:c, :r, :v, :t, :dz, :de)")
                        .param("c", caseId).param("r", h.rule().name()).param("v", h.value()).param("t", h.threshold())
                        .param("dz", h.detailZh()).param("de", h.detailEn()).update();
            }
            String why = "筛选批次 #" + runId + "：" + String.join("；", s.hits().stream().map(ScreeningEngine.Hit::detailZh).toList());
            long auditId = audit.append(actor, "SCREENING_CANDIDATE", "screening-case:" + caseId, sub.uscc() + " " + why).id();
            jdbc.sql("""
                            insert into screening_transition (case_id, region_code, uscc, from_state, to_state, action, actor, reason, audit_id)
                            values (:c, :r, :u, null, 'CANDIDATE', 'SCREEN', :a, :why, :au)""")
                    .param("c", caseId).param("r", sub.regionCode()).param("u", sub.uscc()).param("a", actor).param("why", why)
                    .param("au", auditId).update();
        }
        audit.append(actor, "SCREENING_RUN", "screening-run:" + runId, regionCode + "/" + year + " evaluation run #" + loaded.run().id()
                + " enterprises=" + loaded.subjects().size() + " candidates=" + candidates + " new=" + fresh.size() + " rules: " + rulesText);
        return find(runId).orElseThrow();
    }

    /** A run by id, whatever its region (internal: the caller has checked the case that names it). */
    Optional<RunSummary> find(long id) {
        return jurisdiction.sql("select * from screening_run r where REGION_SCOPE(r.region_code) and r.id = :id", Scope.system(""))
                .param("id", id).query(Screenings::summary).optional();
    }

    /** Screening runs whose region lies in the scope, newest first. */
    public List<RunSummary> list(Scope scope, int limit) {
        return jurisdiction.sql("select * from screening_run r where REGION_SCOPE(r.region_code) order by r.id desc limit :l", scope)
                .param("l", limit).query(Screenings::summary).list();
    }

    private static RunSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RunSummary(rs.getLong("id"), rs.getString("region_code"), rs.getInt("year"), rs.getLong("evaluation_run_id"),
                rs.getString("earlier_run_ids"), rs.getString("rules_text"), rs.getInt("enterprises"), rs.getInt("candidates"), rs.getInt("created"),
                rs.getInt("skipped"), rs.getString("run_by"), rs.getTimestamp("run_at").toInstant());
    }

    /**
     * Re-screens one enterprise on the newest official run of a later year than {@code afterYear} (达标销号 proof),
     * under that year's rules of {@code ruleRegion} (the region it was screened in; the caller has checked the user
     * may see the case). Empty when no later run holds the enterprise.
     */
    public Optional<Recheck> recheck(String uscc, String ruleRegion, int afterYear, int latestYear) {
        for (int y = latestYear; y > afterYear; y--) {
            ScreeningRules rules = ruleSets.effective(ruleRegion, y).rules();
            Optional<Loaded> loaded = load(ruleRegion, y, rules, Scope.system(ruleRegion));
            if (loaded.isEmpty()) {
                continue;
            }
            Optional<Subject> s = loaded.get().subjects().stream().filter(x -> x.uscc().equals(uscc)).findFirst();
            if (s.isEmpty()) {
                continue;
            }
            ScreeningEngine.Screened r = ScreeningEngine.screen(s.get(), ScreeningEngine.industryMeans(loaded.get().subjects()), rules);
            return Optional.of(new Recheck(loaded.get().run().id(), y, r.candidate(), r.hits(), rules.minHits()));
        }
        return Optional.empty();
    }
}
