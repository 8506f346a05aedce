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
        NextClass next = next(result, run, i, a, er);
        return new Explanation(er.uscc(), er.population(), er.outcome(), er.total(), er.totalText(), er.rank(), er.populationSize(),
                er.scoreClass(), er.finalClass(), List.copyOf(cs), er.adjustments(), er.overrides(), next, Evaluation.TIE_BREAK_ZH,
                Evaluation.TIE_BREAK_EN);
    }

    private static NextClass next(EvaluationResult result, Evaluation.PopulationRun run, int i, int a, EnterpriseResult er) {
        Scheme.ClassRule rule = run.def.classRule();
        int cls = run.scoreClass[a];
        Enterprises e = result.inputs;
        int target = -1;
        double boundary;
        String bUscc = null;
        Double bTpm = null;
        boolean byRank = rule.method() == ClassMethod.RANK_SHARES;
        if (byRank) {
            int g = run.classScopeOf(a);
            for (int c = cls - 1; c >= 0; c--) {
                if (run.classCount[g][c] > 0) {
                    target = c;
                    break;
                }
            }
            if (target < 0) {
                return null;
            }
            int last = run.lastOf[run.classScopeOf(a)][target];
            boundary = run.total[last];
            bUscc = e.uscc[run.members[last]];
            bTpm = EvaluationResult.nullIfNaN(run.tpm[last]);
        } else {
            if (cls == 0) {
                return null;
            }
            target = cls - 1;
            Scheme.Thresholds t = rule.thresholds();
            boundary = target == 0 ? t.a() : target == 1 ? t.b() : t.c();
        }
        Target tg = new Target(run, e, i, a, byRank, boundary, bTpm == null ? Double.NaN : bTpm, bUscc);
        double tax0 = e.q[Quantity.TAX.ordinal()][i];
        double land0 = e.q[Quantity.LAND.ordinal()][i];
        double taxBase = tax0 == tax0 ? tax0 : 0;
        Path tax = taxPath(tg, taxBase, land0);
        Path land = landPath(tg, tax0, land0, run.kind == PopulationKind.BELOW ? PopulationKind.BELOW_MIN_MU : 0);
        EvaluationClass to = EvaluationClass.values()[target];
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
        return new NextClass(to, byRank, boundary, bUscc, bTpm, boundary - er.total(), tax, land, zh, en);
    }

    /** Recomputes one enterprise's total with its tax or land changed, with the run's benchmarks; and whether that beats the target. */
    private static final class Target {
        final Evaluation.PopulationRun run;
        final Enterprises e;
        final int i;
        final int a;
        final boolean byRank;
        final double boundary;
        final double boundaryTpm;
        final String boundaryUscc;
        final double[] scores;
        double lastTotal;

        Target(Evaluation.PopulationRun run, Enterprises e, int i, int a, boolean byRank, double boundary, double boundaryTpm, String boundaryUscc) {
            this.run = run;
            this.e = e;
            this.i = i;
            this.a = a;
            this.byRank = byRank;
            this.boundary = boundary;
            this.boundaryTpm = boundaryTpm;
            this.boundaryUscc = boundaryUscc;
            this.scores = new double[run.k];
        }

        double total(double tax, double land) {
            for (int j = 0; j < run.k; j++) {
                IndicatorKind kd = run.kinds[j];
                double num = figure(kd.numerator(), tax, land);
                double den = figure(kd.denominator(), tax, land);
                double x = Scoring.value(num, den, kd.factor());
                int g = run.scopeOf(j, a);
                scores[j] = x == x ? Scoring.score(run.method[j], run.w[j], run.cap[j], x, run.bValue[j][g], run.bMin[j][g], run.bMax[j][g])
                        : run.avg[j] ? run.mean[j] : 0;
            }
            return Scoring.total(scores, run.adj[a]);
        }

        private double figure(Quantity q, double tax, double land) {
            return q == Quantity.TAX ? tax : q == Quantity.LAND ? land : e.q[q.ordinal()][i];
        }

        boolean reached(double tax, double land) {
            double t = total(tax, land);
            lastTotal = t;
            if (!byRank) {
                return t >= boundary;
            }
            return Scoring.order(t, Scoring.value(tax, land, 1), e.uscc[i], boundary, boundaryTpm, boundaryUscc) < 0;
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
