package org.mujun.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.EvaluationResult.ExemptionReason;
import org.mujun.evaluation.EvaluationResult.NotEvaluatedReason;
import org.mujun.evaluation.EvaluationResult.Outcome;
import org.mujun.evaluation.EvaluationResult.Override;
import org.mujun.evaluation.EvaluationResult.OverrideType;
import org.mujun.evaluation.Scheme.Adjustment;
import org.mujun.evaluation.Scheme.BenchmarkType;
import org.mujun.evaluation.Scheme.ClassMethod;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.Scheme.IncentiveEffect;
import org.mujun.evaluation.Scheme.IncentiveRule;
import org.mujun.evaluation.Scheme.Indicator;
import org.mujun.evaluation.Scheme.IndustryGroup;
import org.mujun.evaluation.Scheme.Population;
import org.mujun.evaluation.Scheme.ScoringMethod;
import org.mujun.evaluation.Scheme.VetoEffect;
import org.mujun.evaluation.Scheme.VetoRule;

/**
 * The evaluation engine (SPEC §5.1, exactly): populations, indicator values, aggregate benchmarks, scores
 * with cap and floor, average-if-missing, adjustments, totals, the deterministic order, rank shares with
 * round-half-up, then the overrides veto → incentive → exemption. Pure Java on primitive columns; see
 * docs/evaluation.md for the computation written out.
 */
public final class Evaluation {

    /** The implicit industry group of enterprises in no named group. */
    public static final String OTHER_GROUP = "其他";

    public static final String TIE_BREAK_ZH = "排序规则：总分从高到低；总分相同时亩均税收高者在前（缺亩均税收者在后）；仍相同时按统一社会信用代码升序。";
    public static final String TIE_BREAK_EN = "Order: total descending; equal totals: higher tax per mu (亩均税收) first, a missing one last; "
            + "still equal: USCC ascending.";

    static final Map<String, String> EVENT_NAMES = Map.of("MAJOR_SAFETY_ACCIDENT", "重大安全事故", "ENVIRONMENTAL_PENALTY", "环保处罚",
            "DISHONEST", "失信", "OTHER", "其他");

    private static final int A = 0;
    private static final int C = 2;
    private static final int D = 3;

    private Evaluation() {
    }

    public static EvaluationResult run(Scheme scheme, List<EnterpriseInput> enterprises) {
        return run(scheme, Enterprises.of(enterprises), null);
    }

    public static EvaluationResult run(Scheme scheme, Enterprises enterprises) {
        return run(scheme, enterprises, null);
    }

    /**
     * Runs the scheme. With {@code pinned}, every benchmark (b, min, max) and every missing-value mean
     * is taken from that earlier result instead of being computed, so that a change to one
     * enterprise changes no other score: this is how an explanation's paths are checked by re-running.
     */
    public static EvaluationResult run(Scheme scheme, Enterprises e, EvaluationResult pinned) {
        SchemeValidation.require(scheme);
        int n = e.n;
        List<Population> pops = scheme.populations();
        int np = pops.size();
        int[] popOfKind = new int[PopulationKind.values().length];
        Arrays.fill(popOfKind, -1);
        for (int p = 0; p < np; p++) {
            popOfKind[pops.get(p).kind().ordinal()] = p;
        }
        byte[] popOf = new byte[n];
        byte[] outcome = new byte[n];
        byte[] reason = new byte[n];
        int[] count = new int[np];
        int[] exemptCount = new int[np];

        Scheme.Exemptions ex = scheme.exemptions();
        LocalDate yearEnd = LocalDate.of(scheme.year(), 12, 31);
        // registered (or land transferred) after yearEnd − y years ⇔ less than y years before 31 December
        long regCut = ex.registeredUnderYears() == null ? Long.MAX_VALUE : yearEnd.minusYears(ex.registeredUnderYears()).toEpochDay();
        long buildCut = ex.buildPeriodYears() == null ? Long.MAX_VALUE : yearEnd.minusYears(ex.buildPeriodYears()).toEpochDay();
        int[] exemptFlagIds = ex.exemptFlags().stream().mapToInt(e::flagId).filter(id -> id >= 0).toArray();
        String prefix = scheme.region();
        double[] land = e.q[Quantity.LAND.ordinal()];
        int operating = Status.OPERATING.ordinal();
        int above = SizeClass.ABOVE.ordinal();

        for (int i = 0; i < n; i++) {
            popOf[i] = -1;
            if (!e.region[i].startsWith(prefix)) {
                notEvaluated(outcome, reason, i, NotEvaluatedReason.OUTSIDE_REGION);
                continue;
            }
            if (e.status[i] != operating) {
                notEvaluated(outcome, reason, i, NotEvaluatedReason.NOT_OPERATING);
                continue;
            }
            double l = land[i];
            if (!(l > 0)) {
                notEvaluated(outcome, reason, i, NotEvaluatedReason.NO_LAND);
                continue;
            }
            int p;
            if (e.renter[i] && popOfKind[PopulationKind.TENANT.ordinal()] >= 0) {
                p = popOfKind[PopulationKind.TENANT.ordinal()];
            } else if (e.size[i] == above) {
                p = popOfKind[PopulationKind.ABOVE.ordinal()];
            } else {
                p = popOfKind[(l >= PopulationKind.BELOW_MIN_MU ? PopulationKind.BELOW : PopulationKind.BELOW_SMALL).ordinal()];
            }
            if (p < 0) {
                notEvaluated(outcome, reason, i, NotEvaluatedReason.NO_POPULATION);
                continue;
            }
            popOf[i] = (byte) p;
            ExemptionReason r = null;
            if (e.registered[i] != Enterprises.NO_DATE && e.registered[i] > regCut) {
                r = ExemptionReason.NEWLY_REGISTERED;
            } else if (e.landTransfer[i] != Enterprises.NO_DATE && e.landTransfer[i] > buildCut) {
                r = ExemptionReason.BUILD_PERIOD;
            } else if (exemptFlag(e, i, exemptFlagIds)) {
                r = ExemptionReason.FLAG;
            } else if (ex.acceptApplications() && e.exemptionApplied[i] != null) {
                r = ExemptionReason.APPLICATION;
            }
            if (r != null) {
                outcome[i] = (byte) Outcome.EXEMPT.ordinal();
                reason[i] = (byte) r.ordinal();
                exemptCount[p]++;
            } else {
                outcome[i] = (byte) Outcome.GRADED.ordinal();
                count[p]++;
            }
        }

        int[][] members = new int[np][];
        for (int p = 0; p < np; p++) {
            members[p] = new int[count[p]];
        }
        int[] fill = new int[np];
        int[] memberPos = new int[n];
        int graded = Outcome.GRADED.ordinal();
        for (int i = 0; i < n; i++) {
            if (outcome[i] == graded) {
                int p = popOf[i];
                memberPos[i] = fill[p];
                members[p][fill[p]++] = i;
            } else {
                memberPos[i] = -1;
            }
        }

        Groups groups = new Groups(scheme.industryGroups(), e);
        PopulationRun[] runs = new PopulationRun[np];
        for (int p = 0; p < np; p++) {
            EvaluationResult.PopulationSummary pin = pinned == null ? null : pinned.population(pops.get(p).kind());
            if (pinned != null && pin == null) {
                throw new IllegalArgumentException("固定基准的结果缺少评价对象 " + pops.get(p).kind().nameZh()
                        + " / the pinned result lacks population " + pops.get(p).kind());
            }
            runs[p] = new PopulationRun(pops.get(p), members[p], exemptCount[p], e, groups, pin);
        }

        // SPEC §5.1 step 8: overrides after classing, one enterprise at a time
        int[] vetoEventIds = scheme.vetoes().stream().mapToInt(v -> e.eventId(v.eventType())).toArray();
        double minIncentive = scheme.incentives().stream().mapToDouble(IncentiveRule::minInvestmentWan).min().orElse(Double.POSITIVE_INFINITY);
        double[] fai = e.q[Quantity.FIXED_ASSET_INVESTMENT.ordinal()];
        byte[] finalClass = new byte[n];
        for (int i = 0; i < n; i++) {
            if (outcome[i] != graded) {
                finalClass[i] = -1;
                continue;
            }
            int cls = runs[popOf[i]].scoreClass[memberPos[i]];
            if (e.events[i].length > 0 || fai[i] >= minIncentive) {
                cls = applyOverrides(scheme, e, i, cls, vetoEventIds, null, null, null);
            }
            finalClass[i] = (byte) cls;
        }
        return new EvaluationResult(scheme, e, runs, popOf, outcome, reason, memberPos, finalClass, vetoEventIds);
    }

    private static void notEvaluated(byte[] outcome, byte[] reason, int i, NotEvaluatedReason r) {
        outcome[i] = (byte) Outcome.NOT_EVALUATED.ordinal();
        reason[i] = (byte) r.ordinal();
    }

    private static boolean exemptFlag(Enterprises e, int i, int[] ids) {
        for (int id : ids) {
            if (e.hasFlag(i, id)) {
                return true;
            }
        }
        return false;
    }

    static String exemptionArgument(Scheme s, Enterprises e, int i, ExemptionReason r) {
        return switch (r) {
            case NEWLY_REGISTERED -> String.valueOf(s.exemptions().registeredUnderYears());
            case BUILD_PERIOD -> String.valueOf(s.exemptions().buildPeriodYears());
            case FLAG -> s.exemptions().exemptFlags().stream().filter(f -> e.flagId(f) >= 0 && e.hasFlag(i, e.flagId(f))).findFirst().orElse("");
            case APPLICATION -> e.exemptionApplied[i];
        };
    }

    /**
     * SPEC §5.1 step 8 for one enterprise: each veto rule whose event occurred (→ D, or → at most C),
     * then each incentive rule whose investment threshold is reached (→ A outside the quota, or D → C),
     * then the exemption (→ not graded). Each acts on the class the previous one left; -1 is "no class".
     *
     * @param exemptionZh non-null for an exempt enterprise (its reason)
     * @param sink        receives each override that applied, or null
     */
    static int applyOverrides(Scheme s, Enterprises e, int i, int cls, int[] vetoEventIds, String exemptionZh, String exemptionEn,
                              List<Override> sink) {
        boolean vetoed = false;
        List<VetoRule> vetoes = s.vetoes();
        for (int v = 0; v < vetoes.size(); v++) {
            if (vetoEventIds[v] < 0 || !e.hasEvent(i, vetoEventIds[v])) {
                continue;
            }
            VetoRule r = vetoes.get(v);
            int to = r.effect() == VetoEffect.TO_D ? D : (cls < 0 || cls < C ? C : cls);
            if (sink != null) {
                String ev = EVENT_NAMES.getOrDefault(r.eventType(), r.eventType());
                sink.add(new Override(OverrideType.VETO, cls(cls), cls(to), "本年度发生" + ev + "，" + r.effect().zh(),
                        "event " + r.eventType() + " in the year: " + r.effect().en()));
            }
            cls = to;
            vetoed = true;
        }
        if (!(vetoed && s.vetoBlocksIncentives())) {
            double fai = e.q[Quantity.FIXED_ASSET_INVESTMENT.ordinal()][i];
            for (IncentiveRule r : s.incentives()) {
                if (!(fai >= r.minInvestmentWan())) {
                    continue;
                }
                int to = r.effect() == IncentiveEffect.A_OUTSIDE_QUOTA ? A : (cls == D ? C : cls);
                if (to != cls) {
                    if (sink != null) {
                        sink.add(new Override(OverrideType.INCENTIVE, cls(cls), cls(to),
                                "建设期固定资产投资" + plain(fai) + "万元，达到" + plain(r.minInvestmentWan()) + "万元：" + r.effect().zh(),
                                "fixed-asset investment in the build period " + plain(fai) + " 万元 reaches " + plain(r.minInvestmentWan())
                                        + " 万元: " + r.effect().en()));
                    }
                    cls = to;
                }
            }
        }
        if (exemptionZh != null) {
            if (sink != null) {
                sink.add(new Override(OverrideType.EXEMPTION, cls(cls), null, exemptionZh + "：不定等级，按B类管理",
                        exemptionEn + ": not graded, managed as B"));
            }
            cls = -1;
        }
        return cls;
    }

    private static EvaluationClass cls(int c) {
        return c < 0 ? null : EvaluationClass.values()[c];
    }

    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Industry groups of a run: per industry code in the input dictionary, the group with the longest matching prefix. */
    static final class Groups {
        final List<String> names;
        final int[] ofIndustry;

        Groups(List<IndustryGroup> groups, Enterprises e) {
            List<String> n = new ArrayList<>();
            for (IndustryGroup g : groups) {
                n.add(g.name());
            }
            n.add(OTHER_GROUP);
            names = List.copyOf(n);
            ofIndustry = new int[e.industries.size()];
            for (int c = 0; c < ofIndustry.length; c++) {
                String code = e.industries.get(c);
                int best = groups.size();
                int bestLen = -1;
                for (int g = 0; g < groups.size(); g++) {
                    for (String prefix : groups.get(g).industries()) {
                        if (!code.isEmpty() && code.startsWith(prefix) && prefix.length() > bestLen) {
                            best = g;
                            bestLen = prefix.length();
                        }
                    }
                }
                ofIndustry[c] = best;
            }
        }
    }

    /** One population's computation, kept in columns indexed by member position a (0..n−1). */
    static final class PopulationRun {
        final Population def;
        final PopulationKind kind;
        final int[] members;
        final int n;
        final int exempt;
        final int k;
        final IndicatorKind[] kinds;
        final double[] w;
        final double[] cap;
        final ScoringMethod[] method;
        final boolean[] avg;
        final BenchmarkType[] btype;
        final double[][] x;
        final double[][] s;
        final double[] adj;
        final double[] total;
        final double[] tpm;
        final int[] group;
        final List<String> groupNames;
        final double[][] bValue;
        final double[][] bMin;
        final double[][] bMax;
        final double[][] sumNum;
        final double[][] sumDen;
        final int[][] present;
        final double[] mean;
        final int[] meanCount;
        final boolean pinned;
        final int[] order;
        final int[] rank;
        final int[] industryRank;
        final int[] divisionCount;
        final byte[] scoreClass;
        final int classScopes;
        final int[][] classCount;
        final int[][] firstOf;
        final int[][] lastOf;
        final int[] scopeSize;
        private final Enterprises e;
        private final Groups groups;

        PopulationRun(Population def, int[] members, int exempt, Enterprises e, Groups groups, EvaluationResult.PopulationSummary pin) {
            this.def = def;
            this.kind = def.kind();
            this.members = members;
            this.n = members.length;
            this.exempt = exempt;
            this.e = e;
            this.groups = groups;
            this.groupNames = groups.names;
            List<Indicator> inds = def.indicators();
            k = inds.size();
            kinds = new IndicatorKind[k];
            w = new double[k];
            cap = new double[k];
            method = new ScoringMethod[k];
            avg = new boolean[k];
            btype = new BenchmarkType[k];
            for (int j = 0; j < k; j++) {
                Indicator ind = inds.get(j);
                kinds[j] = ind.kind();
                w[j] = ind.weight();
                cap[j] = ind.cap() == null ? Double.NaN : ind.cap();
                method[j] = ind.method();
                avg[j] = ind.averageIfMissing();
                btype[j] = ind.benchmark().type();
            }
            group = new int[n];
            for (int a = 0; a < n; a++) {
                group[a] = groups.ofIndustry[e.industry[members[a]]];
            }
            x = new double[k][n];
            s = new double[k][n];
            int gCount = groups.names.size();
            bValue = new double[k][];
            bMin = new double[k][];
            bMax = new double[k][];
            sumNum = new double[k][];
            sumDen = new double[k][];
            present = new int[k][];
            mean = new double[k];
            meanCount = new int[k];
            pinned = pin != null;
            for (int j = 0; j < k; j++) {
                indicator(j, inds.get(j), btype[j] == BenchmarkType.INDUSTRY_GROUP ? gCount : 1, pin);
            }
            adj = new double[n];
            total = new double[n];
            tpm = new double[n];
            totals();
            order = IndexSort.byKeyDescending(total, n, (p, q) -> Scoring.tieBreak(tpm[p], e.uscc[members[p]], tpm[q], e.uscc[members[q]]));
            rank = new int[n];
            industryRank = new int[n];
            divisionCount = new int[e.divisions.size()];
            for (int pos = 0; pos < n; pos++) {
                int a = order[pos];
                rank[a] = pos + 1;
                int d = e.divisionOfIndustry[e.industry[members[a]]];
                industryRank[a] = ++divisionCount[d];
            }
            ClassRule rule = def.classRule();
            classScopes = rule.withinIndustryGroups() ? gCount : 1;
            classCount = new int[classScopes][4];
            firstOf = new int[classScopes][4];
            lastOf = new int[classScopes][4];
            for (int[] f : firstOf) {
                Arrays.fill(f, -1);
            }
            for (int[] l : lastOf) {
                Arrays.fill(l, -1);
            }
            scopeSize = new int[classScopes];
            scoreClass = new byte[n];
            classes(rule);
        }

        int scopeOf(int j, int a) {
            return btype[j] == BenchmarkType.INDUSTRY_GROUP ? group[a] : 0;
        }

        int classScopeOf(int a) {
            return classScopes == 1 ? 0 : group[a];
        }

        String groupName(int i) {
            return groups.names.get(groups.ofIndustry[e.industry[i]]);
        }

        private void indicator(int j, Indicator ind, int scopes, EvaluationResult.PopulationSummary pin) {
            IndicatorKind kd = ind.kind();
            double[] num = e.q[kd.numerator().ordinal()];
            double[] den = e.q[kd.denominator().ordinal()];
            double f = kd.factor();
            double[] xj = x[j];
            double[] sn = new double[scopes];
            double[] sd = new double[scopes];
            int[] pr = new int[scopes];
            double[] mn = new double[scopes];
            double[] mx = new double[scopes];
            Arrays.fill(mn, Double.POSITIVE_INFINITY);
            Arrays.fill(mx, Double.NEGATIVE_INFINITY);
            boolean grouped = scopes > 1;
            for (int a = 0; a < n; a++) {
                int i = members[a];
                double v = Scoring.value(num[i], den[i], f);
                xj[a] = v;
                if (v == v) {
                    int g = grouped ? group[a] : 0;
                    sn[g] += num[i];
                    sd[g] += den[i];
                    pr[g]++;
                    if (v < mn[g]) {
                        mn[g] = v;
                    }
                    if (v > mx[g]) {
                        mx[g] = v;
                    }
                }
            }
            double[] bv = new double[scopes];
            for (int g = 0; g < scopes; g++) {
                if (btype[j] == BenchmarkType.FIXED) {
                    bv[g] = ind.benchmark().value();
                } else {
                    // SPEC §5.1 step 3: Σ numerators / Σ denominators, not the mean of ratios
                    bv[g] = pr[g] > 0 ? sn[g] / sd[g] * f : Double.NaN;
                }
                if (pr[g] == 0) {
                    mn[g] = Double.NaN;
                    mx[g] = Double.NaN;
                }
            }
            double pinnedMean = Double.NaN;
            if (pin != null) {
                EvaluationResult.IndicatorBenchmark pb = pin.benchmark(kd);
                if (pb == null) {
                    throw new IllegalArgumentException("固定基准的结果缺少指标 " + kd.nameZh() + " / the pinned result lacks indicator " + kd);
                }
                for (int g = 0; g < scopes; g++) {
                    EvaluationResult.ScopeBenchmark sb = pb.scope(grouped ? groups.names.get(g) : null);
                    bv[g] = sb == null || sb.value() == null ? Double.NaN : sb.value();
                    mn[g] = sb == null || sb.min() == null ? Double.NaN : sb.min();
                    mx[g] = sb == null || sb.max() == null ? Double.NaN : sb.max();
                }
                pinnedMean = pb.missingScore();
            }
            bValue[j] = bv;
            bMin[j] = mn;
            bMax[j] = mx;
            sumNum[j] = sn;
            sumDen[j] = sd;
            present[j] = pr;
            double[] sj = s[j];
            double sum = 0;
            int cnt = 0;
            double wj = w[j];
            double cj = cap[j];
            ScoringMethod m = method[j];
            for (int a = 0; a < n; a++) {
                double v = xj[a];
                if (v == v) {
                    int g = grouped ? group[a] : 0;
                    double sc = Scoring.score(m, wj, cj, v, bv[g], mn[g], mx[g]);
                    sj[a] = sc;
                    sum += sc;
                    cnt++;
                }
            }
            // SPEC §5.1 step 4: a missing value scores the mean of the present scores when the scheme says so, else 0
            double mu = pin != null ? pinnedMean : cnt > 0 ? sum / cnt : 0;
            mean[j] = mu;
            meanCount[j] = cnt;
            double missingScore = avg[j] ? mu : 0;
            for (int a = 0; a < n; a++) {
                if (xj[a] != xj[a]) {
                    sj[a] = missingScore;
                }
            }
        }

        private void totals() {
            List<Adjustment> rules = def.adjustments();
            int[] flagIds = new int[rules.size()];
            for (int r = 0; r < rules.size(); r++) {
                flagIds[r] = rules.get(r).flag() == null ? -1 : e.flagId(rules.get(r).flag());
            }
            double[] tax = e.q[Quantity.TAX.ordinal()];
            double[] land = e.q[Quantity.LAND.ordinal()];
            for (int a = 0; a < n; a++) {
                int i = members[a];
                double ad = 0;
                for (int r = 0; r < flagIds.length; r++) {
                    ad += Scoring.adjustment(rules.get(r), e.tenants[i], flagIds[r] >= 0 && e.hasFlag(i, flagIds[r]));
                }
                adj[a] = ad;
                // same operations as Scoring.total
                double t = 0;
                for (int j = 0; j < k; j++) {
                    t += s[j][a];
                }
                total[a] = t + ad;
                tpm[a] = Scoring.value(tax[i], land[i], 1);
            }
        }

        private void classes(ClassRule rule) {
            for (int a = 0; a < n; a++) {
                scopeSize[classScopeOf(a)]++;
            }
            int[] nA = new int[classScopes];
            int[] nC = new int[classScopes];
            int[] nD = new int[classScopes];
            if (rule.method() == ClassMethod.RANK_SHARES) {
                for (int g = 0; g < classScopes; g++) {
                    int size = scopeSize[g];
                    // SPEC §5.1 step 7; A first, then D, then C, so the places never exceed the scope
                    nA[g] = Math.min(Scoring.places(rule.shares().a(), size), size);
                    nD[g] = Math.min(Scoring.places(rule.shares().d(), size), size - nA[g]);
                    nC[g] = Math.min(Scoring.places(rule.shares().c(), size), size - nA[g] - nD[g]);
                }
            }
            int[] pos = new int[classScopes];
            for (int p = 0; p < n; p++) {
                int a = order[p];
                int g = classScopeOf(a);
                int c;
                if (rule.method() == ClassMethod.RANK_SHARES) {
                    int q = pos[g]++;
                    int size = scopeSize[g];
                    c = q < nA[g] ? 0 : q >= size - nD[g] ? 3 : q >= size - nD[g] - nC[g] ? 2 : 1;
                } else {
                    double t = total[a];
                    Scheme.Thresholds th = rule.thresholds();
                    c = t >= th.a() ? 0 : t >= th.b() ? 1 : t >= th.c() ? 2 : 3;
                }
                if (c == 3 && rule.dNotForced()) {
                    c = 2;
                }
                scoreClass[a] = (byte) c;
                classCount[g][c]++;
                if (firstOf[g][c] < 0) {
                    firstOf[g][c] = a;
                }
                lastOf[g][c] = a;
            }
        }
    }
}
