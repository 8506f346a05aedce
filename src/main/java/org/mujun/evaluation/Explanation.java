package org.mujun.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.mujun.evaluation.EvaluationResult.AdjustmentScore;
import org.mujun.evaluation.EvaluationResult.EnterpriseResult;
import org.mujun.evaluation.EvaluationResult.IndicatorScore;
import org.mujun.evaluation.EvaluationResult.Outcome;
import org.mujun.evaluation.EvaluationResult.Override;
import org.mujun.evaluation.Scheme.ClassMethod;
import org.mujun.evaluation.Scheme.ScoringMethod;

/**
 * Why an enterprise has its result, in figures an official can recompute by hand (SPEC §5 "Explain",
 * §11 "a county official could check any result from its explanation alone"): each indicator's
 * contribution, its percentile in the industry, the distance to the next class and the smallest extra
 * tax or smaller land that would reach it.
 * <p>
 * Paths hold every benchmark (b, min, max, the missing-value mean) and every other enterprise's score
 * fixed, exactly as {@link Evaluation#run(Scheme, Enterprises, EvaluationResult)} with the result
 * pinned does, so re-running with the suggested figure reproduces the class change.
 *
 * @param contributions one per indicator, in scheme order
 * @param next          the next better class and how to get there, null when already A or not graded
 */
public record Explanation(String uscc, PopulationKind population, Outcome outcome, Double total, String totalText, Integer rank,
                          Integer populationSize, EvaluationClass scoreClass, EvaluationClass finalClass, List<Contribution> contributions,
                          List<AdjustmentScore> adjustments, List<Override> overrides, NextClass next, String tieBreakZh,
                          String tieBreakEn) {

    /**
     * @param shareOfTotal        s / total (null when the total is not positive)
     * @param industryPercentile  % of the population's enterprises in the same industry division (大类) with a value whose
     *                            value is ≤ this one (this one included; 100 = best); null when missing
     * @param industryPeers       how many such enterprises have a value
     */
    public record Contribution(IndicatorKind kind, String unit, Double value, Double benchmark, double weight, double score,
                               Double shareOfTotal, boolean missing, boolean averageApplied, boolean capped, ScoringMethod method,
                               Double industryPercentile, int industryPeers) {
    }

    /**
     * The next better class.
     *
     * @param byRank         true: rank shares (to beat the last enterprise of the target class, {@code boundaryUscc});
     *                       false: score thresholds (to reach {@code boundaryScore})
     * @param boundaryScore  total of the target class's last enterprise, or the threshold
     * @param boundaryTaxPerMu that enterprise's 亩均税收 (the first tie-break), null for thresholds
     * @param gap            boundaryScore − total
     */
    public record NextClass(EvaluationClass target, boolean byRank, double boundaryScore, String boundaryUscc, Double boundaryTaxPerMu,
                            double gap, Path tax, Path land, String summaryZh, String summaryEn) {
    }

    /**
     * One way to reach the target: more tax ({@link Quantity#TAX}, 万元) or less land ({@link Quantity#LAND}, 亩).
     *
     * @param exact     the smallest amount that reaches the target in the engine's own arithmetic
     * @param rounded   exact rounded up to 0.01 (also reaches it)
     * @param newFigure the enterprise's tax or land after the change (with {@code rounded})
     */
    public record Path(Quantity quantity, boolean reachable, Double exact, Double rounded, Double newFigure, double totalAfter,
                       String reasonZh, String reasonEn) {
    }

    public static Explanation of(EvaluationResult result, String uscc) {
        int i = result.inputs.indexOf(uscc);
        if (i < 0) {
            throw new IllegalArgumentException("评价结果中无此企业 / no such enterprise in the result: " + uscc);
        }
        return of(result, i);
    }

    public static Explanation of(EvaluationResult result, int i) {
        EnterpriseResult er = result.enterprise(i);
        if (er.outcome() != Outcome.GRADED) {
            return new Explanation(er.uscc(), er.population(), er.outcome(), null, "", null, null, null, null, List.of(), List.of(),
                    er.overrides(), null, Evaluation.TIE_BREAK_ZH, Evaluation.TIE_BREAK_EN);
        }
        Evaluation.PopulationRun run = result.runs[result.popOf[i]];
        int a = result.memberPos[i];
        Enterprises e = result.inputs;
        List<Contribution> cs = new ArrayList<>();
        int myDiv = e.divisionOfIndustry[e.industry[i]];
        for (int j = 0; j < run.k; j++) {
            IndicatorScore s = er.indicators().get(j);
            Double pct = null;
            int peers = 0;
            if (!s.missing()) {
                int le = 0;
                double x = run.x[j][a];
                for (int b = 0; b < run.n; b++) {
                    double y = run.x[j][b];
                    if (y == y && e.divisionOfIndustry[e.industry[run.members[b]]] == myDiv) {
                        peers++;
                        if (y <= x) {
                            le++;
                        }
                    }
                }
                pct = 100.0 * le / peers;
            }
            cs.add(new Contribution(s.kind(), s.unit(), s.value(), s.benchmark(), s.weight(), s.score(),
                    er.total() > 0 ? s.score() / er.total() : null, s.missing(), s.averageApplied(), s.capped(), s.method(), pct, peers));
        }
        // the next better class with members in the enterprise's class scope, and its last member
        int g = run.classScopeOf(a);
        Boundary boundary = null;
        Scheme.ClassRule rule = run.def.classRule();
        int cls = run.scoreClass[a];
        if (rule.method() == ClassMethod.RANK_SHARES) {
            for (int c = cls - 1; c >= 0; c--) {
                if (run.classCount[g][c] > 0) {
                    int last = run.lastOf[g][c];
                    boundary = new Boundary(c, run.total[last], e.uscc[run.members[last]], run.tpm[last]);
                    break;
                }
            }
        } else if (cls > 0) {
            boundary = thresholdBoundary(rule, cls);
        }
        Scorer scorer = Scorer.of(run, a, i, e);
        NextClass next = boundary == null ? null : next(scorer, rule.method() == ClassMethod.RANK_SHARES, boundary, er.total(), er.uscc(),
                run.kind == PopulationKind.BELOW);
        return new Explanation(er.uscc(), er.population(), er.outcome(), er.total(), er.totalText(), er.rank(), er.populationSize(),
                er.scoreClass(), er.finalClass(), List.copyOf(cs), er.adjustments(), er.overrides(), next, Evaluation.TIE_BREAK_ZH,
                Evaluation.TIE_BREAK_EN);
    }

    /**
     * What a stored run kept of one graded enterprise, besides its inputs and the population summary: enough
     * to explain it without the rest of the population (see {@link #ofStored}).
     *
     * @param industryGroup      the enterprise's industry group (for group benchmarks and within-group classing)
     * @param adjustmentTotal    Σ adjustments as the engine added them ({@link EvaluationResult#adjustmentTotal})
     * @param industryPercentile per indicator in scheme order, NaN when missing ({@link EvaluationResult#industryPercentiles})
     * @param industryPeers      per indicator, members of the same division with a value
     */
    public record Stored(PopulationKind population, String industryGroup, double total, int rank, int populationSize,
                         EvaluationClass scoreClass, EvaluationClass finalClass, double adjustmentTotal, List<AdjustmentScore> adjustments,
                         List<Override> overrides, double[] industryPercentile, int[] industryPeers) {
    }

    /**
     * The explanation of one graded enterprise from a stored run, without the rest of the population:
     * scores are recomputed from its inputs with the run's pinned benchmarks, missing-value scores and class
     * boundaries (the {@link EvaluationResult.PopulationSummary}, including each class's last member), and
     * the industry percentiles, rank and classes come from the stored result. Equal to {@link #of} on the
     * full result (the unit tests check every enterprise of the hand-worked population). O(k · log) per call.
     */
    public static Explanation ofStored(Scheme scheme, EvaluationResult.PopulationSummary summary, EnterpriseInput input, Stored stored) {
        Scheme.Population def = scheme.population(stored.population());
        if (def == null || summary == null || summary.kind() != stored.population()) {
            throw new IllegalArgumentException("方案与结果的评价对象不一致 / the scheme and the stored result disagree on the population");
        }
        Scorer scorer = Scorer.of(def, summary, input, stored.industryGroup(), stored.adjustmentTotal());
        double total = stored.total();
        List<Contribution> cs = new ArrayList<>();
        for (int j = 0; j < scorer.k; j++) {
            IndicatorKind kd = scorer.kinds[j];
            double x = scorer.value(j, scorer.q[Quantity.TAX.ordinal()], scorer.q[Quantity.LAND.ordinal()]);
            boolean missing = x != x;
            double sc = scorer.score(j, x);
            boolean minMax = scorer.method[j] == ScoringMethod.MIN_MAX;
            double b = scorer.b[j];
            double pct = stored.industryPercentile() == null || j >= stored.industryPercentile().length ? Double.NaN : stored.industryPercentile()[j];
            cs.add(new Contribution(kd, kd.unit(), missing ? null : x, minMax || b != b ? null : b, scorer.w[j], sc,
                    total > 0 ? sc / total : null, missing, missing && scorer.avg[j],
                    !missing && Scoring.capped(scorer.method[j], scorer.w[j], scorer.cap[j], x, b), scorer.method[j],
                    missing || pct != pct ? null : pct, missing || stored.industryPeers() == null ? 0 : stored.industryPeers()[j]));
        }
        Scheme.ClassRule rule = def.classRule();
        int cls = stored.scoreClass().ordinal();
        Boundary boundary = null;
        if (rule.method() == ClassMethod.RANK_SHARES) {
            String scope = rule.withinIndustryGroups() ? stored.industryGroup() : null;
            for (int c = cls - 1; c >= 0 && boundary == null; c--) {
                for (EvaluationResult.ClassBoundary cb : summary.boundaries()) {
                    if (cb.evaluationClass().ordinal() == c && java.util.Objects.equals(cb.scope(), scope) && cb.count() > 0) {
                        boundary = new Boundary(c, cb.lowest(), cb.lowestUscc(), cb.lowestTaxPerMu() == null ? Double.NaN : cb.lowestTaxPerMu());
                        break;
                    }
                }
            }
        } else if (cls > 0) {
            boundary = thresholdBoundary(rule, cls);
        }
        NextClass next = boundary == null ? null : next(scorer, rule.method() == ClassMethod.RANK_SHARES, boundary, total, input.uscc(),
                stored.population() == PopulationKind.BELOW);
        String totalText = new BigDecimal(total).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return new Explanation(input.uscc(), stored.population(), Outcome.GRADED, total, totalText, stored.rank(), stored.populationSize(),
                stored.scoreClass(), stored.finalClass(), List.copyOf(cs), stored.adjustments(), stored.overrides(), next,
                Evaluation.TIE_BREAK_ZH, Evaluation.TIE_BREAK_EN);
    }

    /** The class to reach and what reaching it means: rank shares beat its last member; thresholds reach the total. */
    private record Boundary(int target, double total, String uscc, double taxPerMu) {
    }

    private static Boundary thresholdBoundary(Scheme.ClassRule rule, int cls) {
        int target = cls - 1;
        Scheme.Thresholds t = rule.thresholds();
        return new Boundary(target, target == 0 ? t.a() : target == 1 ? t.b() : t.c(), null, Double.NaN);
    }

    private static NextClass next(Scorer scorer, boolean byRank, Boundary bd, double total, String uscc, boolean below) {
        Target tg = new Target(scorer, uscc, byRank, bd.total(), bd.taxPerMu(), bd.uscc());
        double tax0 = scorer.q[Quantity.TAX.ordinal()];
        double land0 = scorer.q[Quantity.LAND.ordinal()];
        double taxBase = tax0 == tax0 ? tax0 : 0;
        Path tax = taxPath(tg, taxBase, land0);
        Path land = landPath(tg, tax0, land0, below ? PopulationKind.BELOW_MIN_MU : 0);
        EvaluationClass to = EvaluationClass.values()[bd.target()];
        String zh;
        String en;
        String held = "（计算时基准值和其他企业得分保持不变）";
        String heldEn = ", with every benchmark and every other enterprise's score held fixed";
        if (tax.reachable() || land.reachable()) {
            List<String> z = new ArrayList<>();
            List<String> x = new ArrayList<>();
            if (tax.reachable()) {
                z.add("再缴税" + money(tax.rounded()) + "万元（税收增至" + money(tax.newFigure()) + "万元）");
                x.add("paying " + money(tax.rounded()) + " 万元 more tax (" + money(tax.newFigure()) + " 万元 in all)");
            }
            if (land.reachable()) {
                z.add("减少用地" + money(land.rounded()) + "亩（用地减至" + money(land.newFigure()) + "亩）");
                x.add("using " + money(land.rounded()) + " 亩 less land (" + money(land.newFigure()) + " 亩)");
            }
            zh = String.join("，或", z) + "，可升至" + to.label() + "类" + held + "。";
            en = capitalise(String.join(", or ", x)) + " lifts you to " + to + " (" + to.nameEn() + ")" + heldEn + ".";
        } else {
            zh = "仅靠增加税收或减少用地无法升至" + to.label() + "类" + held + "。";
            en = "Neither more tax nor less land alone lifts you to " + to + heldEn + ".";
        }
        Double bTpm = byRank ? EvaluationResult.nullIfNaN(bd.taxPerMu()) : null;
        return new NextClass(to, byRank, bd.total(), bd.uscc(), bTpm, bd.total() - total, tax, land, zh, en);
    }

    /**
     * One enterprise's scoring with its benchmarks held fixed: per indicator the method, weight, cap, the
     * benchmark (b, min, max) of the enterprise's scope and the missing-value score; its figures; its
     * adjustments. The same arithmetic as the engine ({@link Scoring}).
     */
    static final class Scorer {
        final int k;
        final IndicatorKind[] kinds;
        final ScoringMethod[] method;
        final double[] w;
        final double[] cap;
        final double[] b;
        final double[] min;
        final double[] max;
        final boolean[] avg;
        final double[] mean;
        final double adj;
        /** Figures by Quantity ordinal, NaN when missing. */
        final double[] q;

        private Scorer(int k, double adj, double[] q) {
            this.k = k;
            kinds = new IndicatorKind[k];
            method = new ScoringMethod[k];
            w = new double[k];
            cap = new double[k];
            b = new double[k];
            min = new double[k];
            max = new double[k];
            avg = new boolean[k];
            mean = new double[k];
            this.adj = adj;
            this.q = q;
        }

        static Scorer of(Evaluation.PopulationRun run, int a, int i, Enterprises e) {
            double[] q = new double[Quantity.values().length];
            for (Quantity qt : Quantity.values()) {
                q[qt.ordinal()] = e.q[qt.ordinal()][i];
            }
            Scorer s = new Scorer(run.k, run.adj[a], q);
            for (int j = 0; j < run.k; j++) {
                int g = run.scopeOf(j, a);
                s.kinds[j] = run.kinds[j];
                s.method[j] = run.method[j];
                s.w[j] = run.w[j];
                s.cap[j] = run.cap[j];
                s.b[j] = run.bValue[j][g];
                s.min[j] = run.bMin[j][g];
                s.max[j] = run.bMax[j][g];
                s.avg[j] = run.avg[j];
                s.mean[j] = run.mean[j];
            }
            return s;
        }

        static Scorer of(Scheme.Population def, EvaluationResult.PopulationSummary summary, EnterpriseInput in, String group, double adj) {
            double[] q = new double[Quantity.values().length];
            for (Quantity qt : Quantity.values()) {
                Double v = in.quantity(qt);
                q[qt.ordinal()] = v == null ? Double.NaN : v;
            }
            List<Scheme.Indicator> inds = def.indicators();
            Scorer s = new Scorer(inds.size(), adj, q);
            for (int j = 0; j < inds.size(); j++) {
                Scheme.Indicator ind = inds.get(j);
                s.kinds[j] = ind.kind();
                s.method[j] = ind.method();
                s.w[j] = ind.weight();
                s.cap[j] = ind.cap() == null ? Double.NaN : ind.cap();
                s.avg[j] = ind.averageIfMissing();
                EvaluationResult.IndicatorBenchmark ib = summary.benchmark(ind.kind());
                if (ib == null) {
                    throw new IllegalArgumentException("结果摘要缺少指标 " + ind.kind().nameZh() + " / the summary lacks indicator " + ind.kind());
                }
                EvaluationResult.ScopeBenchmark sb = ib.scope(ind.benchmark().type() == Scheme.BenchmarkType.INDUSTRY_GROUP ? group : null);
                s.b[j] = sb == null || sb.value() == null ? Double.NaN : sb.value();
                s.min[j] = sb == null || sb.min() == null ? Double.NaN : sb.min();
                s.max[j] = sb == null || sb.max() == null ? Double.NaN : sb.max();
                s.mean[j] = ib.missingScore();
            }
            return s;
        }

        double value(int j, double tax, double land) {
            IndicatorKind kd = kinds[j];
            return Scoring.value(figure(kd.numerator(), tax, land), figure(kd.denominator(), tax, land), kd.factor());
        }

        double score(int j, double x) {
            return x == x ? Scoring.score(method[j], w[j], cap[j], x, b[j], min[j], max[j]) : avg[j] ? mean[j] : 0;
        }

        private double figure(Quantity qt, double tax, double land) {
            return qt == Quantity.TAX ? tax : qt == Quantity.LAND ? land : q[qt.ordinal()];
        }
    }

    /** Recomputes one enterprise's total with its tax or land changed, with the run's benchmarks; and whether that beats the target. */
    private static final class Target {
        final Scorer scorer;
        final String uscc;
        final boolean byRank;
        final double boundary;
        final double boundaryTpm;
        final String boundaryUscc;
        final double[] scores;
        double lastTotal;

        Target(Scorer scorer, String uscc, boolean byRank, double boundary, double boundaryTpm, String boundaryUscc) {
            this.scorer = scorer;
            this.uscc = uscc;
            this.byRank = byRank;
            this.boundary = boundary;
            this.boundaryTpm = boundaryTpm;
            this.boundaryUscc = boundaryUscc;
            this.scores = new double[scorer.k];
        }

        double total(double tax, double land) {
            for (int j = 0; j < scorer.k; j++) {
                scores[j] = scorer.score(j, scorer.value(j, tax, land));
            }
            return Scoring.total(scores, scorer.adj);
        }

        boolean reached(double tax, double land) {
            double t = total(tax, land);
            lastTotal = t;
            if (!byRank) {
                return t >= boundary;
            }
            return Scoring.order(t, Scoring.value(tax, land, 1), uscc, boundary, boundaryTpm, boundaryUscc) < 0;
        }
    }

    private interface Probe {
        boolean at(double v);
    }

    /** Smallest double v in (lo, hi] with probe(v), given !probe(lo) and probe(hi): bisection to adjacent doubles. */
    private static double smallest(double lo, double hi, Probe p) {
        while (true) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                return hi;
            }
            if (p.at(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }

    private static Path taxPath(Target t, double taxBase, double land) {
        Probe p = x -> t.reached(taxBase + x, land);
        if (p.at(0)) {
            return new Path(Quantity.TAX, true, 0.0, 0.0, taxBase, t.lastTotal, null, null);
        }
        double hi = Math.max(1, Math.abs(taxBase));
        while (!p.at(hi)) {
            hi *= 4;
            if (hi > 1e13) {
                return new Path(Quantity.TAX, false, null, null, null, Double.NaN, "指标封顶，增加税收不足以升级",
                        "capped indicators: more tax alone is not enough");
            }
        }
        double exact = smallest(0, hi, p);
        double rounded = up(exact);
        if (!p.at(rounded)) {
            rounded = exact; // cannot happen with monotone scores; keep the exact figure
        }
        p.at(rounded);
        return new Path(Quantity.TAX, true, exact, rounded, taxBase + rounded, t.lastTotal, null, null);
    }

    private static Path landPath(Target t, double tax, double land0, double minLand) {
        Probe p = y -> {
            double l = land0 - y;
            return l > 0 && l >= minLand && t.reached(tax, l);
        };
        if (p.at(0)) {
            return new Path(Quantity.LAND, true, 0.0, 0.0, land0, t.lastTotal, null, null);
        }
        double max = minLand > 0 ? land0 - minLand : Math.nextDown(land0);
        if (!(max > 0) || !p.at(max)) {
            String why = minLand > 0 ? "用地须不少于" + money(minLand) + "亩，减少用地不足以升级" : "指标封顶或与用地无关，减少用地不足以升级";
            String whyEn = minLand > 0 ? "land must stay at least " + money(minLand) + " 亩: less land alone is not enough"
                    : "capped or land-independent indicators: less land alone is not enough";
            return new Path(Quantity.LAND, false, null, null, null, Double.NaN, why, whyEn);
        }
        double exact = smallest(0, max, p);
        double rounded = up(exact);
        if (rounded > max || !p.at(rounded)) {
            rounded = exact;
        }
        p.at(rounded);
        return new Path(Quantity.LAND, true, exact, rounded, land0 - rounded, t.lastTotal, null, null);
    }

    private static double up(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.CEILING).doubleValue();
    }

    private static String money(Double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
