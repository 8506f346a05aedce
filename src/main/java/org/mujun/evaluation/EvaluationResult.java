package org.mujun.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.evaluation.Scheme.AdjustmentKind;
import org.mujun.evaluation.Scheme.BenchmarkType;
import org.mujun.evaluation.Scheme.ScoringMethod;

/**
 * The result of one evaluation run: kept in columns by the engine, read through views
 * ({@link #enterprise(int)}, {@link #populations()}) built on demand. Immutable.
 */
public final class EvaluationResult {

    public enum Outcome {
        /** In population P, scored, ranked and classed. */
        GRADED,
        /** Would be in P but exempt (不定等级): not graded, managed as B. */
        EXEMPT,
        /** Not in any population (see the reason). */
        NOT_EVALUATED
    }

    public enum NotEvaluatedReason {
        OUTSIDE_REGION("不属于方案所辖区域", "outside the scheme's region"),
        NOT_OPERATING("非在营企业", "not operating"),
        NO_LAND("无评价用地", "no evaluated land"),
        NO_POPULATION("方案未设此类评价对象", "the scheme has no population for it");

        final String zh;
        final String en;

        NotEvaluatedReason(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    public enum ExemptionReason {
        NEWLY_REGISTERED("注册未满{0}年", "registered less than {0} years before 31 December"),
        BUILD_PERIOD("土地出让未满{0}年（建设期）", "within {0} years of land transfer (build period)"),
        FLAG("企业标志“{0}”", "flag \"{0}\""),
        APPLICATION("经申请不定等级：{0}", "exempt on application: {0}");

        final String zh;
        final String en;

        ExemptionReason(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    public enum OverrideType {
        VETO("一票否决", "veto"),
        INCENTIVE("激励", "incentive"),
        EXEMPTION("不定等级", "exemption");

        private final String nameZh;
        private final String nameEn;

        OverrideType(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }
    }

    /** One override (SPEC §5.1 step 8); {@code from}/{@code to} null mean "no class" (not graded). */
    public record Override(OverrideType type, EvaluationClass from, EvaluationClass to, String reasonZh, String reasonEn) {
    }

    /**
     * One indicator of one enterprise.
     *
     * @param value          x in {@code unit}, null when missing
     * @param benchmark      b used (for MIN_MAX: null; see min/max in the population summary)
     * @param benchmarkScope the industry group whose benchmark was used, or null for the population's
     * @param averageApplied x missing and the population's mean score given (average if missing)
     */
    public record IndicatorScore(IndicatorKind kind, String unit, double weight, Double value, Double benchmark, String benchmarkScope,
                                 double score, boolean missing, boolean averageApplied, boolean capped, ScoringMethod method) {
    }

    public record AdjustmentScore(AdjustmentKind kind, double points, String reason) {
    }

    /**
     * One enterprise's result.
     *
     * @param total         null unless GRADED; shown to 2 decimals by {@link #totalText()}
     * @param rank          position in the population's order (1 = best)
     * @param industryRank  position among the population's members of the same industry division (大类)
     * @param scoreClass    the class by rank share or threshold (SPEC §5.1 step 7), before overrides
     * @param finalClass    after overrides; null when not graded
     * @param managedAs     B for an exempt enterprise, else finalClass
     */
    public record EnterpriseResult(String uscc, String regionCode, String industryCode, PopulationKind population, Outcome outcome,
                                   String reasonZh, String reasonEn, List<IndicatorScore> indicators, List<AdjustmentScore> adjustments,
                                   Double total, Integer rank, Integer populationSize, String industryDivision, Integer industryRank,
                                   Integer industrySize, String industryGroup, EvaluationClass scoreClass, EvaluationClass finalClass,
                                   EvaluationClass managedAs, List<Override> overrides) {

        public String totalText() {
            return total == null ? "" : new BigDecimal(total).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }

        public IndicatorScore indicator(IndicatorKind kind) {
            for (IndicatorScore s : indicators) {
                if (s.kind() == kind) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * The benchmark of one indicator in one scope (the population, or one industry group).
     *
     * @param present members whose value is present
     * @param value   b in the indicator's unit (null when nobody has a value)
     */
    public record ScopeBenchmark(String group, int present, double sumNumerator, double sumDenominator, Double value, Double min, Double max) {
    }

    /** @param missingScore the mean score over members with a value, given to a missing value when averageIfMissing */
    public record IndicatorBenchmark(IndicatorKind kind, BenchmarkType type, List<ScopeBenchmark> scopes, double missingScore, int scored,
                                     boolean pinned) {
        public ScopeBenchmark scope(String group) {
            for (ScopeBenchmark s : scopes) {
                if (java.util.Objects.equals(s.group(), group)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * Totals of the members of a class in one class scope (the population, or one industry group), by the
     * class of step 7 (before overrides).
     *
     * @param lowestUscc      the class's last member in the order (the boundary an explanation compares with)
     * @param lowestTaxPerMu  that member's 亩均税收 (the first tie-break), null when missing
     */
    public record ClassBoundary(String scope, EvaluationClass evaluationClass, int count, Double highest, Double lowest,
                                String lowestUscc, Double lowestTaxPerMu) {
    }

    public record PopulationSummary(PopulationKind kind, int size, int exempt, List<IndicatorBenchmark> benchmarks,
                                    Map<EvaluationClass, Integer> scoreClassCounts, Map<EvaluationClass, Integer> finalClassCounts,
                                    List<ClassBoundary> boundaries) {
        public IndicatorBenchmark benchmark(IndicatorKind kind) {
            for (IndicatorBenchmark b : benchmarks) {
                if (b.kind() == kind) {
                    return b;
                }
            }
            return null;
        }
    }

    final Scheme scheme;
    final Enterprises inputs;
    final Evaluation.PopulationRun[] runs;
    final byte[] popOf;
    final byte[] outcome;
    final byte[] reason;
    final int[] memberPos;
    final byte[] finalClass;
    final int[] vetoEventIds;
    private volatile List<PopulationSummary> summaries;

    EvaluationResult(Scheme scheme, Enterprises inputs, Evaluation.PopulationRun[] runs, byte[] popOf, byte[] outcome, byte[] reason,
                     int[] memberPos, byte[] finalClass, int[] vetoEventIds) {
        this.scheme = scheme;
        this.inputs = inputs;
        this.runs = runs;
        this.popOf = popOf;
        this.outcome = outcome;
        this.reason = reason;
        this.memberPos = memberPos;
        this.finalClass = finalClass;
        this.vetoEventIds = vetoEventIds;
    }

    public Scheme scheme() {
        return scheme;
    }

    public Enterprises inputs() {
        return inputs;
    }

    public int size() {
        return inputs.n;
    }

    public Outcome outcome(int i) {
        return Outcome.values()[outcome[i]];
    }

    /** Final class of row i (null when not graded), without building the full view. */
    public EvaluationClass finalClass(int i) {
        return finalClass[i] < 0 ? null : EvaluationClass.values()[finalClass[i]];
    }

    /** Total of row i, or NaN when not graded. */
    public double total(int i) {
        if (outcome[i] != Outcome.GRADED.ordinal()) {
            return Double.NaN;
        }
        return runs[popOf[i]].total[memberPos[i]];
    }

    /** Σ adjustments of row i as the engine added them to the total (0 when not graded). */
    public double adjustmentTotal(int i) {
        return outcome[i] == Outcome.GRADED.ordinal() ? runs[popOf[i]].adj[memberPos[i]] : 0;
    }

    /** 亩均税收 of row i as the tie-break uses it (NaN when missing or not graded). */
    public double taxPerMu(int i) {
        return outcome[i] == Outcome.GRADED.ordinal() ? runs[popOf[i]].tpm[memberPos[i]] : Double.NaN;
    }

    public Optional<EnterpriseResult> enterprise(String uscc) {
        int i = inputs.indexOf(uscc);
        return i < 0 ? Optional.empty() : Optional.of(enterprise(i));
    }

    /** Every enterprise's result, in input order, built as read. */
    public List<EnterpriseResult> enterprises() {
        return new AbstractList<>() {
            @java.lang.Override
            public EnterpriseResult get(int index) {
                return enterprise(index);
            }

            @java.lang.Override
            public int size() {
                return inputs.n;
            }
        };
    }

    public EnterpriseResult enterprise(int i) {
        Enterprises e = inputs;
        Outcome o = outcome(i);
        if (o == Outcome.NOT_EVALUATED) {
            NotEvaluatedReason r = NotEvaluatedReason.values()[reason[i]];
            PopulationKind kind = popOf[i] < 0 ? null : runs[popOf[i]].kind;
            return new EnterpriseResult(e.uscc[i], e.region[i], e.industryCode(i), kind, o, r.zh, r.en, List.of(), List.of(), null, null,
                    null, e.division(i), null, null, null, null, null, null, List.of());
        }
        Evaluation.PopulationRun run = runs[popOf[i]];
        List<Override> overrides = new ArrayList<>();
        if (o == Outcome.EXEMPT) {
            ExemptionReason r = ExemptionReason.values()[reason[i]];
            String arg = Evaluation.exemptionArgument(scheme, e, i, r);
            String zh = r.zh.replace("{0}", arg);
            String en = r.en.replace("{0}", arg);
            Evaluation.applyOverrides(scheme, e, i, -1, vetoEventIds, zh, en, overrides);
            return new EnterpriseResult(e.uscc[i], e.region[i], e.industryCode(i), run.kind, o, zh, en, List.of(), List.of(), null, null,
                    null, e.division(i), null, null, run.groupName(i), null, null, EvaluationClass.B, List.copyOf(overrides));
        }
        int a = memberPos[i];
        List<IndicatorScore> ind = new ArrayList<>(run.k);
        for (int j = 0; j < run.k; j++) {
            double x = run.x[j][a];
            boolean missing = x != x;
            int g = run.scopeOf(j, a);
            boolean minMax = run.method[j] == ScoringMethod.MIN_MAX;
            double b = run.bValue[j][g];
            ind.add(new IndicatorScore(run.kinds[j], run.kinds[j].unit(), run.w[j], missing ? null : x, minMax || b != b ? null : b,
                    run.btype[j] == BenchmarkType.INDUSTRY_GROUP ? run.groupNames.get(g) : null, run.s[j][a], missing,
                    missing && run.avg[j], !missing && Scoring.capped(run.method[j], run.w[j], run.cap[j], x, b), run.method[j]));
        }
        List<AdjustmentScore> adj = new ArrayList<>();
        for (Scheme.Adjustment rule : run.def.adjustments()) {
            int flagId = rule.flag() == null ? -1 : e.flagId(rule.flag());
            double v = Scoring.adjustment(rule, e.tenants[i], flagId >= 0 && e.hasFlag(i, flagId));
            if (v != 0) {
                adj.add(new AdjustmentScore(rule.kind(), v, rule.reason()));
            }
        }
        int cls = run.scoreClass[a];
        int fin = Evaluation.applyOverrides(scheme, e, i, cls, vetoEventIds, null, null, overrides);
        EvaluationClass finalCls = fin < 0 ? null : EvaluationClass.values()[fin];
        return new EnterpriseResult(e.uscc[i], e.region[i], e.industryCode(i), run.kind, o, null, null, List.copyOf(ind), List.copyOf(adj),
                run.total[a], run.rank[a], run.n, e.division(i), run.industryRank[a], run.divisionCount[e.divisionOfIndustry[e.industry[i]]],
                run.groupName(i), EvaluationClass.values()[cls], finalCls, finalCls, List.copyOf(overrides));
    }

    /** One summary per population, in scheme order. */
    public List<PopulationSummary> populations() {
        List<PopulationSummary> s = summaries;
        if (s == null) {
            s = new ArrayList<>();
            for (Evaluation.PopulationRun r : runs) {
                s.add(summary(r));
            }
            s = List.copyOf(s);
            summaries = s;
        }
        return s;
    }

    public PopulationSummary population(PopulationKind kind) {
        for (PopulationSummary p : populations()) {
            if (p.kind() == kind) {
                return p;
            }
        }
        return null;
    }

    private PopulationSummary summary(Evaluation.PopulationRun r) {
        List<IndicatorBenchmark> bs = new ArrayList<>();
        for (int j = 0; j < r.k; j++) {
            List<ScopeBenchmark> scopes = new ArrayList<>();
            for (int g = 0; g < r.bValue[j].length; g++) {
                boolean grouped = r.btype[j] == BenchmarkType.INDUSTRY_GROUP;
                scopes.add(new ScopeBenchmark(grouped ? r.groupNames.get(g) : null, r.present[j][g], r.sumNum[j][g], r.sumDen[j][g],
                        nullIfNaN(r.bValue[j][g]), nullIfNaN(r.bMin[j][g]), nullIfNaN(r.bMax[j][g])));
            }
            bs.add(new IndicatorBenchmark(r.kinds[j], r.btype[j], List.copyOf(scopes), r.mean[j], r.meanCount[j], r.pinned));
        }
        Map<EvaluationClass, Integer> byScore = new EnumMap<>(EvaluationClass.class);
        Map<EvaluationClass, Integer> byFinal = new EnumMap<>(EvaluationClass.class);
        for (EvaluationClass c : EvaluationClass.values()) {
            byScore.put(c, 0);
            byFinal.put(c, 0);
        }
        for (int a = 0; a < r.n; a++) {
            byScore.merge(EvaluationClass.values()[r.scoreClass[a]], 1, Integer::sum);
            int f = finalClass[r.members[a]];
            if (f >= 0) {
                byFinal.merge(EvaluationClass.values()[f], 1, Integer::sum);
            }
        }
        List<ClassBoundary> bounds = new ArrayList<>();
        for (int g = 0; g < r.classScopes; g++) {
            String scope = r.def.classRule().withinIndustryGroups() ? r.groupNames.get(g) : null;
            for (EvaluationClass c : EvaluationClass.values()) {
                int first = r.firstOf[g][c.ordinal()];
                int last = r.lastOf[g][c.ordinal()];
                bounds.add(new ClassBoundary(scope, c, r.classCount[g][c.ordinal()], first < 0 ? null : r.total[first],
                        last < 0 ? null : r.total[last], last < 0 ? null : inputs.uscc[r.members[last]],
                        last < 0 ? null : nullIfNaN(r.tpm[last])));
            }
        }
        return new PopulationSummary(r.kind, r.n, r.exempt, List.copyOf(bs), byScore, byFinal, List.copyOf(bounds));
    }

    /**
     * The industry percentile of every graded enterprise's every indicator at once (what
     * {@link Explanation#of} computes for one): 100 × (members of the population in the same industry
     * division with a value ≤ x) / (members there with a value); NaN when x is missing. O(n log n) per
     * indicator.
     */
    public IndustryPercentiles industryPercentiles() {
        double[][][] pct = new double[runs.length][][];
        int[][][] peers = new int[runs.length][][];
        for (int p = 0; p < runs.length; p++) {
            Evaluation.PopulationRun r = runs[p];
            pct[p] = new double[r.k][r.n];
            peers[p] = new int[r.k][r.n];
            int divisions = inputs.divisions.size();
            int[] div = new int[r.n];
            for (int a = 0; a < r.n; a++) {
                div[a] = inputs.divisionOfIndustry[inputs.industry[r.members[a]]];
            }
            for (int j = 0; j < r.k; j++) {
                double[] x = r.x[j];
                int[] count = new int[divisions];
                for (int a = 0; a < r.n; a++) {
                    if (x[a] == x[a]) {
                        count[div[a]]++;
                    }
                }
                double[][] sorted = new double[divisions][];
                int[] fill = new int[divisions];
                for (int d = 0; d < divisions; d++) {
                    sorted[d] = new double[count[d]];
                }
                for (int a = 0; a < r.n; a++) {
                    if (x[a] == x[a]) {
                        sorted[div[a]][fill[div[a]]++] = x[a];
                    }
                }
                for (double[] v : sorted) {
                    java.util.Arrays.sort(v);
                }
                for (int a = 0; a < r.n; a++) {
                    double v = x[a];
                    if (v != v) {
                        pct[p][j][a] = Double.NaN;
                        continue;
                    }
                    double[] sv = sorted[div[a]];
                    // number of values ≤ v: first index whose value is > v
                    int lo = 0;
                    int hi = sv.length;
                    while (lo < hi) {
                        int mid = (lo + hi) >>> 1;
                        if (sv[mid] <= v) {
                            lo = mid + 1;
                        } else {
                            hi = mid;
                        }
                    }
                    pct[p][j][a] = 100.0 * lo / sv.length;
                    peers[p][j][a] = sv.length;
                }
            }
        }
        return new IndustryPercentiles(pct, peers);
    }

    /** See {@link #industryPercentiles()}. */
    public final class IndustryPercentiles {
        private final double[][][] pct;
        private final int[][][] peers;

        private IndustryPercentiles(double[][][] pct, int[][][] peers) {
            this.pct = pct;
            this.peers = peers;
        }

        /** Percentile of row i's j-th indicator (scheme order of its population); NaN when missing or not graded. */
        public double percentile(int i, int j) {
            return outcome[i] == Outcome.GRADED.ordinal() ? pct[popOf[i]][j][memberPos[i]] : Double.NaN;
        }

        /** Members of the same division with a value (0 when missing or not graded). */
        public int peers(int i, int j) {
            return outcome[i] == Outcome.GRADED.ordinal() ? peers[popOf[i]][j][memberPos[i]] : 0;
        }
    }

    static Double nullIfNaN(double v) {
        return v != v ? null : v;
    }
}
