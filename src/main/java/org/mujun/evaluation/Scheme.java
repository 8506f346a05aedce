package org.mujun.evaluation;

import java.util.List;

/**
 * An evaluation scheme (评价方案) of one region and year: data only, never code (SPEC §5, §11 "nothing an
 * admin types is executed"). Every part is a record of plain values; {@link SchemeValidation} checks it
 * and {@link SchemeFiles} reads and writes it as JSON or YAML. Absent optional parts take the defaults
 * documented on each record.
 *
 * @param region               region-code prefix the scheme evaluates (e.g. 331003)
 * @param year                 evaluation year (data of that year)
 * @param name                 free text shown to users
 * @param populations          the separately ranked lists (规上, 规下 ≥ 3 亩, optionally 规下 < 3 亩, 租赁企业)
 * @param industryGroups       named groups of GB/T 4754 code prefixes, for group benchmarks and within-group classing
 * @param exemptions           who is not graded (不定等级)
 * @param vetoes               一票否决 rules
 * @param incentives           investment incentives
 * @param vetoBlocksIncentives when true an enterprise hit by a veto gets no incentive; the default (false)
 *                             applies the overrides strictly in SPEC §5.1 step 8 order, each to the class
 *                             left by the previous one
 * @param measures             差别化要素配置 per class (may be empty)
 * @param land                 how evaluated land (用地面积) is counted from parcels and leases (default: owned + leased-in −
 *                             leased-out, tenants on their own); used by whoever reads the inputs, not by the engine
 */
public record Scheme(String region, int year, String name, List<Population> populations, List<IndustryGroup> industryGroups,
                     Exemptions exemptions, List<VetoRule> vetoes, List<IncentiveRule> incentives, boolean vetoBlocksIncentives,
                     Measures measures, Land land) {

    public Scheme {
        populations = copy(populations);
        industryGroups = copy(industryGroups);
        vetoes = copy(vetoes);
        incentives = copy(incentives);
        exemptions = exemptions == null ? Exemptions.NONE : exemptions;
        measures = measures == null ? Measures.NONE : measures;
        land = land == null ? Land.DEFAULT : land;
    }

    /** A scheme with the default land counting. */
    public Scheme(String region, int year, String name, List<Population> populations, List<IndustryGroup> industryGroups,
                  Exemptions exemptions, List<VetoRule> vetoes, List<IncentiveRule> incentives, boolean vetoBlocksIncentives,
                  Measures measures) {
        this(region, year, name, populations, industryGroups, exemptions, vetoes, incentives, vetoBlocksIncentives, measures, Land.DEFAULT);
    }

    static <T> List<T> copy(List<T> list) {
        // List.copyOf refuses null elements; validation reports them instead
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    /** The population of the given kind, or null when the scheme does not evaluate it. */
    public Population population(PopulationKind kind) {
        for (Population p : populations) {
            if (p != null && p.kind() == kind) {
                return p;
            }
        }
        return null;
    }

    /**
     * The default scheme of SPEC §5 (黄岩 2022 practice): 规上 亩均税收 30, 亩均增加值 20, 单位能耗增加值 20,
     * 单位排放增加值 10, 全员劳动生产率 10, R&D占比 10; 规下 (≥ 3 亩) 亩均税收 50, 单位用电税收 50; benchmarks the
     * population aggregate; no cap; 单位能耗增加值 and 单位排放增加值 score the population average when
     * missing; per tenant beyond the first 规上 −5, 规下 −10 then −5; rank shares 规上 A20/B60/C15/D5 and
     * 规下 A5/B70/C20/D5; exempt: registered under 2 years, within 3 years of land transfer, flags
     * 公用事业 and 政策性搬迁, applications; veto 重大安全事故 → D, 环保处罚 → at most C; incentives fixed-asset
     * investment ≥ 10,000 万元 → A outside the quota, ≥ 3,000 万元 → never D; electricity surcharge C +0.1 and
     * D +0.3 元/kWh.
     */
    public static Scheme defaultScheme(String region, int year) {
        Population above = new Population(PopulationKind.ABOVE, List.of(
                Indicator.of(IndicatorKind.TAX_PER_MU, 30),
                Indicator.of(IndicatorKind.VALUE_ADDED_PER_MU, 20),
                Indicator.of(IndicatorKind.VALUE_ADDED_PER_TCE, 20).averagedIfMissing(),
                Indicator.of(IndicatorKind.VALUE_ADDED_PER_EMISSION, 10).averagedIfMissing(),
                Indicator.of(IndicatorKind.LABOUR_PRODUCTIVITY, 10),
                Indicator.of(IndicatorKind.RND_SHARE, 10)),
                List.of(Adjustment.tenants(-5, null, "出租给多家企业（第2家起每家扣5分）")),
                ClassRule.shares(20, 60, 15, 5));
        Population below = new Population(PopulationKind.BELOW, List.of(
                Indicator.of(IndicatorKind.TAX_PER_MU, 50),
                Indicator.of(IndicatorKind.TAX_PER_KWH, 50)),
                List.of(Adjustment.tenants(-10, -5.0, "出租给多家企业（第2家扣10分，其后每家扣5分）")),
                ClassRule.shares(5, 70, 20, 5));
        return new Scheme(region, year, "亩均效益综合评价 " + year + "（默认方案，黄岩2022做法）", List.of(above, below), List.of(),
                Exemptions.DEFAULT,
                List.of(new VetoRule("MAJOR_SAFETY_ACCIDENT", VetoEffect.TO_D), new VetoRule("ENVIRONMENTAL_PENALTY", VetoEffect.AT_MOST_C)),
                List.of(new IncentiveRule(10_000, IncentiveEffect.A_OUTSIDE_QUOTA), new IncentiveRule(3_000, IncentiveEffect.NEVER_D)),
                false, Measures.DEFAULT);
    }

    public Scheme withPopulations(List<Population> newPopulations) {
        return new Scheme(region, year, name, newPopulations, industryGroups, exemptions, vetoes, incentives, vetoBlocksIncentives, measures, land);
    }

    public Scheme withIndustryGroups(List<IndustryGroup> groups) {
        return new Scheme(region, year, name, populations, groups, exemptions, vetoes, incentives, vetoBlocksIncentives, measures, land);
    }

    public Scheme withExemptions(Exemptions e) {
        return new Scheme(region, year, name, populations, industryGroups, e, vetoes, incentives, vetoBlocksIncentives, measures, land);
    }

    public Scheme withOverrides(List<VetoRule> v, List<IncentiveRule> i, boolean blocks) {
        return new Scheme(region, year, name, populations, industryGroups, exemptions, v, i, blocks, measures, land);
    }

    public Scheme withMeasures(Measures m) {
        return new Scheme(region, year, name, populations, industryGroups, exemptions, vetoes, incentives, vetoBlocksIncentives, m, land);
    }

    public Scheme withLand(Land l) {
        return new Scheme(region, year, name, populations, industryGroups, exemptions, vetoes, incentives, vetoBlocksIncentives, measures, l);
    }

    public Scheme withName(String n) {
        return new Scheme(region, year, n, populations, industryGroups, exemptions, vetoes, incentives, vetoBlocksIncentives, measures, land);
    }

    /** The same scheme for another region and year (a copy of last year's scheme, an imported file). */
    public Scheme withRegionAndYear(String r, int y) {
        return new Scheme(r, y, name, populations, industryGroups, exemptions, vetoes, incentives, vetoBlocksIncentives, measures, land);
    }

    /**
     * How evaluated land (用地面积, SPEC §2) is counted for this scheme.
     *
     * @param includeLeasedIn   add land rented from others (承租)
     * @param subtractLeasedOut subtract land rented to others (出租)
     * @param mergeTenants      evaluate tenants together with their landlord (one result per parcel)
     */
    public record Land(boolean includeLeasedIn, boolean subtractLeasedOut, boolean mergeTenants) {
        /** SPEC §2: owned + leased-in − leased-out, tenants evaluated on their own. */
        public static final Land DEFAULT = new Land(true, true, false);
    }

    /** One separately ranked list. */
    public record Population(PopulationKind kind, List<Indicator> indicators, List<Adjustment> adjustments, ClassRule classRule) {
        public Population {
            indicators = copy(indicators);
            adjustments = copy(adjustments);
        }

        public Population withIndicators(List<Indicator> list) {
            return new Population(kind, list, adjustments, classRule);
        }

        public Population withAdjustments(List<Adjustment> list) {
            return new Population(kind, indicators, list, classRule);
        }

        public Population withClassRule(ClassRule rule) {
            return new Population(kind, indicators, adjustments, rule);
        }
    }

    /**
     * One scored indicator.
     *
     * @param weight           points at the benchmark (the population's weights sum to 100)
     * @param benchmark        default: the population aggregate Σ numerators / Σ denominators
     * @param cap              optional cap of x / b (e.g. 1.5: the score is at most 1.5 × weight); ratio method only
     * @param averageIfMissing a missing value scores the population's mean score of this indicator instead of 0
     * @param method           default RATIO
     */
    public record Indicator(IndicatorKind kind, Double weight, Benchmark benchmark, Double cap, boolean averageIfMissing,
                            ScoringMethod method) {
        public Indicator {
            benchmark = benchmark == null ? Benchmark.POPULATION : benchmark;
            method = method == null ? ScoringMethod.RATIO : method;
        }

        public static Indicator of(IndicatorKind kind, double weight) {
            return new Indicator(kind, weight, Benchmark.POPULATION, null, false, ScoringMethod.RATIO);
        }

        public Indicator averagedIfMissing() {
            return new Indicator(kind, weight, benchmark, cap, true, method);
        }

        public Indicator withCap(Double c) {
            return new Indicator(kind, weight, benchmark, c, averageIfMissing, method);
        }

        public Indicator withBenchmark(Benchmark b) {
            return new Indicator(kind, weight, b, cap, averageIfMissing, method);
        }

        public Indicator withMethod(ScoringMethod m) {
            return new Indicator(kind, weight, benchmark, cap, averageIfMissing, m);
        }
    }

    /** How a score is computed from x (SPEC §5 "Scoring"). */
    public enum ScoringMethod {
        /** s = w × x / b, then the cap on x / b, then floored at 0. */
        RATIO,
        /** s = w × [20 + 80 × (x − min) / (max − min)] / 100 over the benchmark scope; w when max = min. */
        MIN_MAX
    }

    public enum BenchmarkType {
        /** Σ numerators / Σ denominators over the population members whose value is present (SPEC §5.1 step 3). */
        POPULATION,
        /** The same aggregate within the enterprise's industry group (enterprises in no named group form 其他 / OTHER). */
        INDUSTRY_GROUP,
        /** A value given in the scheme, in the indicator's unit. */
        FIXED
    }

    public record Benchmark(BenchmarkType type, Double value) {
        public static final Benchmark POPULATION = new Benchmark(BenchmarkType.POPULATION, null);
        public static final Benchmark INDUSTRY_GROUP = new Benchmark(BenchmarkType.INDUSTRY_GROUP, null);

        public static Benchmark fixed(double value) {
            return new Benchmark(BenchmarkType.FIXED, value);
        }
    }

    public enum AdjustmentKind {
        /** Points per tenant (出租对象) beyond the first: {@code points} for the 2nd, {@code thenPoints} for each further one. */
        TENANTS_BEYOND_FIRST,
        /** {@code points} when the enterprise carries {@code flag} (e.g. 高新技术). */
        FLAG
    }

    /**
     * A bonus (points > 0) or deduction (points < 0) added to the total.
     *
     * @param thenPoints TENANTS_BEYOND_FIRST: points for the 3rd and each further tenant; null = same as points
     * @param limit      optional largest absolute value of this adjustment for one enterprise
     * @param reason     text shown beside the points
     */
    public record Adjustment(AdjustmentKind kind, String flag, Double points, Double thenPoints, Double limit, String reason) {
        public static Adjustment tenants(double points, Double thenPoints, String reason) {
            return new Adjustment(AdjustmentKind.TENANTS_BEYOND_FIRST, null, points, thenPoints, null, reason);
        }

        public static Adjustment flag(String flag, double points, String reason) {
            return new Adjustment(AdjustmentKind.FLAG, flag, points, null, null, reason);
        }
    }

    public enum ClassMethod {
        /** n = round_half_up(share × N) by rank (SPEC §5.1 step 7). */
        RANK_SHARES,
        /** A when total ≥ a, B when ≥ b, C when ≥ c, else D. */
        THRESHOLDS
    }

    /**
     * How a population is classed.
     *
     * @param withinIndustryGroups rank shares applied within each industry group (N = the group's size)
     * @param dNotForced           no enterprise is D by its score alone (the D places and scores under the C
     *                             threshold are C); D then comes only from a veto
     */
    public record ClassRule(ClassMethod method, Shares shares, Thresholds thresholds, boolean withinIndustryGroups, boolean dNotForced) {
        public ClassRule {
            method = method == null ? ClassMethod.RANK_SHARES : method;
        }

        public static ClassRule shares(double a, double b, double c, double d) {
            return new ClassRule(ClassMethod.RANK_SHARES, new Shares(a, b, c, d), null, false, false);
        }

        public static ClassRule thresholds(double a, double b, double c) {
            return new ClassRule(ClassMethod.THRESHOLDS, null, new Thresholds(a, b, c), false, false);
        }

        public ClassRule withinGroups() {
            return new ClassRule(method, shares, thresholds, true, dNotForced);
        }

        public ClassRule notForcingD() {
            return new ClassRule(method, shares, thresholds, withinIndustryGroups, true);
        }
    }

    /** Rank shares in percent; B takes the rest (its figure is informational). */
    public record Shares(double a, double b, double c, double d) {
    }

    /** Lowest totals of A, B and C (each included), strictly descending. */
    public record Thresholds(double a, double b, double c) {
    }

    /** A named group of GB/T 4754 code prefixes (C26, C2611, …). */
    public record IndustryGroup(String name, List<String> industries) {
        public IndustryGroup {
            industries = copy(industries);
        }
    }

    /**
     * 不定等级 rules. The reference day is 31 December of the evaluation year.
     *
     * @param registeredUnderYears exempt when registered less than this many years before the reference day (null: no rule)
     * @param buildPeriodYears     exempt when land was transferred less than this many years before the reference day (null: no rule)
     * @param exemptFlags          exempt when the enterprise carries one of these flags (公用事业, 政策性搬迁, …)
     * @param acceptApplications   exempt when an approved application (申请不定等级) is recorded
     */
    public record Exemptions(Integer registeredUnderYears, Integer buildPeriodYears, List<String> exemptFlags, boolean acceptApplications) {
        public static final Exemptions NONE = new Exemptions(null, null, List.of(), false);
        public static final Exemptions DEFAULT = new Exemptions(2, 3, List.of("公用事业", "政策性搬迁"), true);

        public Exemptions {
            exemptFlags = copy(exemptFlags);
        }
    }

    public enum VetoEffect {
        TO_D("降为D类", "set to D"),
        AT_MOST_C("最高C类", "at most C");

        private final String zh;
        private final String en;

        VetoEffect(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /** 一票否决: an event of this type in the evaluation year (event_record.event_type). */
    public record VetoRule(String eventType, VetoEffect effect) {
    }

    public enum IncentiveEffect {
        A_OUTSIDE_QUOTA("定为A类（不占A类名额）", "set to A outside the A quota"),
        NEVER_D("不定为D类", "never D");

        private final String zh;
        private final String en;

        IncentiveEffect(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /** Incentive when fixed-asset investment in the build period reaches the amount (万元, 含). */
    public record IncentiveRule(double minInvestmentWan, IncentiveEffect effect) {
    }
}
