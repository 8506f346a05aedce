package org.mujun.evaluation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mujun.evaluation.Scheme.Adjustment;
import org.mujun.evaluation.Scheme.BenchmarkType;
import org.mujun.evaluation.Scheme.ClassMethod;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.Scheme.IncentiveRule;
import org.mujun.evaluation.Scheme.Indicator;
import org.mujun.evaluation.Scheme.IndustryGroup;
import org.mujun.evaluation.Scheme.Population;
import org.mujun.evaluation.Scheme.ScoringMethod;
import org.mujun.evaluation.Scheme.VetoRule;

/**
 * Checks a scheme before it is saved or run; returns every problem with its field path and a
 * bilingual message (empty when valid). Rules:
 * <ul>
 * <li>region a 2/4/6/9-digit code prefix; year 2000–2100; at least one population; no population kind twice;</li>
 * <li>each population: at least one indicator, no indicator twice, kinds known, weights present, finite and
 * ≥ 0, and the weights sum to 100 (± 0.000001) so that an enterprise exactly at every benchmark scores 100;</li>
 * <li>caps finite and &gt; 0 and only with the ratio method; FIXED benchmarks &gt; 0; INDUSTRY_GROUP
 * benchmarks and within-group classing need industry groups;</li>
 * <li>rank shares each 0–100 and summing to at most 100; thresholds strictly descending (A &gt; B &gt; C);</li>
 * <li>adjustments: points finite (a FLAG needs a flag), limits &gt; 0;</li>
 * <li>industry groups: names unique, codes GB/T 4754 prefixes, a code in one group only;</li>
 * <li>exemption years ≥ 0; veto event types present and not repeated; incentive amounts &gt; 0;</li>
 * <li>measures: one entry per class, rates finite, land-tax reduction 0–100 %, quota changes −100 to +100 %.</li>
 * </ul>
 */
public final class SchemeValidation {

    static final double WEIGHT_TOLERANCE = 1e-6;

    private final List<Problem> problems = new ArrayList<>();

    private SchemeValidation() {
    }

    public static List<Problem> validate(Scheme s) {
        SchemeValidation v = new SchemeValidation();
        v.scheme(s);
        return List.copyOf(v.problems);
    }

    /** Throws IllegalArgumentException listing every problem, for callers that must not go on. */
    public static void require(Scheme s) {
        List<Problem> p = validate(s);
        if (!p.isEmpty()) {
            StringBuilder b = new StringBuilder("评价方案有误 / the scheme is invalid:");
            for (Problem x : p) {
                b.append("\n  ").append(x.message());
            }
            throw new IllegalArgumentException(b.toString());
        }
    }

    private void add(String path, String zh, String en) {
        problems.add(new Problem(path, zh, en));
    }

    private void scheme(Scheme s) {
        if (s.region() == null || !s.region().matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            add("region", "行政区划代码应为2、4、6或9位数字", "region must be a code of 2, 4, 6 or 9 digits");
        }
        if (s.year() < 2000 || s.year() > 2100) {
            add("year", "评价年度应在2000至2100之间", "year must be between 2000 and 2100");
        }
        Set<String> groupNames = industryGroups(s.industryGroups());
        boolean hasGroups = !groupNames.isEmpty();
        if (s.populations().isEmpty()) {
            add("populations", "至少需要一个评价对象（规上或规下）", "at least one population is needed");
        }
        Set<PopulationKind> kinds = EnumSet.noneOf(PopulationKind.class);
        for (int i = 0; i < s.populations().size(); i++) {
            population("populations[" + i + "]", s.populations().get(i), hasGroups, kinds);
        }
        exemptions(s.exemptions());
        Set<String> events = new HashSet<>();
        for (int i = 0; i < s.vetoes().size(); i++) {
            VetoRule r = s.vetoes().get(i);
            String p = "vetoes[" + i + "]";
            if (r == null) {
                add(p, "否决规则为空", "veto rule is empty");
                continue;
            }
            if (blank(r.eventType())) {
                add(p + ".eventType", "须填写事件类型", "event type is required");
            } else if (!events.add(r.eventType())) {
                add(p + ".eventType", "事件类型重复：" + r.eventType(), "event type repeated: " + r.eventType());
            }
            if (r.effect() == null) {
                add(p + ".effect", "须选择否决结果（TO_D 或 AT_MOST_C）", "effect is required (TO_D or AT_MOST_C)");
            }
        }
        for (int i = 0; i < s.incentives().size(); i++) {
            IncentiveRule r = s.incentives().get(i);
            String p = "incentives[" + i + "]";
            if (r == null) {
                add(p, "激励规则为空", "incentive rule is empty");
                continue;
            }
            if (!(r.minInvestmentWan() > 0) || Double.isInfinite(r.minInvestmentWan())) {
                add(p + ".minInvestmentWan", "投资额门槛须为正数（万元）", "investment threshold must be a positive amount (万元)");
            }
            if (r.effect() == null) {
                add(p + ".effect", "须选择激励结果（A_OUTSIDE_QUOTA 或 NEVER_D）", "effect is required (A_OUTSIDE_QUOTA or NEVER_D)");
            }
        }
        measures(s.measures());
    }

    private Set<String> industryGroups(List<IndustryGroup> groups) {
        Set<String> names = new HashSet<>();
        Map<String, String> codeOwner = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            IndustryGroup g = groups.get(i);
            String p = "industryGroups[" + i + "]";
            if (g == null) {
                add(p, "行业组为空", "industry group is empty");
                continue;
            }
            if (blank(g.name())) {
                add(p + ".name", "须填写行业组名称", "group name is required");
            } else if (g.name().equals(Evaluation.OTHER_GROUP)) {
                add(p + ".name", "“" + Evaluation.OTHER_GROUP + "”为保留名称", "\"" + Evaluation.OTHER_GROUP + "\" is reserved");
            } else if (!names.add(g.name())) {
                add(p + ".name", "行业组名称重复：" + g.name(), "group name repeated: " + g.name());
            }
            if (g.industries().isEmpty()) {
                add(p + ".industries", "行业组至少包含一个行业代码", "a group needs at least one industry code");
            }
            for (int j = 0; j < g.industries().size(); j++) {
                String code = g.industries().get(j);
                String q = p + ".industries[" + j + "]";
                if (code == null || !code.matches("[A-T]\\d{0,4}")) {
                    add(q, "行业代码应为门类字母加0至4位数字（如C26）", "industry code must be a section letter with 0-4 digits (e.g. C26)");
                } else if (codeOwner.containsKey(code)) {
                    add(q, "行业代码已属于行业组“" + codeOwner.get(code) + "”", "industry code already in group \"" + codeOwner.get(code) + "\"");
                } else {
                    codeOwner.put(code, g.name());
                }
            }
        }
        return names;
    }

    private void population(String p, Population pop, boolean hasGroups, Set<PopulationKind> kinds) {
        if (pop == null) {
            add(p, "评价对象为空", "population is empty");
            return;
        }
        if (pop.kind() == null) {
            add(p + ".kind", "须选择评价对象类型（ABOVE、BELOW、BELOW_SMALL、TENANT）", "kind is required (ABOVE, BELOW, BELOW_SMALL, TENANT)");
        } else if (!kinds.add(pop.kind())) {
            add(p + ".kind", "评价对象重复：" + pop.kind().nameZh(), "population repeated: " + pop.kind());
        }
        if (pop.indicators().isEmpty()) {
            add(p + ".indicators", "至少需要一个指标", "at least one indicator is needed");
        }
        Set<IndicatorKind> seen = EnumSet.noneOf(IndicatorKind.class);
        double sum = 0;
        boolean sumKnown = true;
        for (int j = 0; j < pop.indicators().size(); j++) {
            Indicator ind = pop.indicators().get(j);
            String q = p + ".indicators[" + j + "]";
            if (ind == null) {
                add(q, "指标为空", "indicator is empty");
                sumKnown = false;
                continue;
            }
            if (ind.kind() == null) {
                add(q + ".kind", "未知指标类型", "unknown indicator kind");
            } else if (!seen.add(ind.kind())) {
                add(q + ".kind", "指标重复：" + ind.kind().nameZh(), "indicator repeated: " + ind.kind());
            }
            if (ind.weight() == null) {
                add(q + ".weight", "须填写权重", "weight is required");
                sumKnown = false;
            } else if (!(ind.weight() >= 0) || Double.isInfinite(ind.weight())) {
                add(q + ".weight", "权重须为非负数", "weight must be ≥ 0");
                sumKnown = false;
            } else {
                sum += ind.weight();
            }
            if (ind.cap() != null) {
                if (!(ind.cap() > 0) || Double.isInfinite(ind.cap())) {
                    add(q + ".cap", "封顶倍数须为正数", "cap must be > 0");
                }
                if (ind.method() == ScoringMethod.MIN_MAX) {
                    add(q + ".cap", "封顶只适用于比值法", "a cap applies to the ratio method only");
                }
            }
            if (ind.benchmark().type() == null) {
                add(q + ".benchmark.type", "须选择基准类型（POPULATION、INDUSTRY_GROUP、FIXED）", "benchmark type is required (POPULATION, INDUSTRY_GROUP, FIXED)");
            } else if (ind.benchmark().type() == BenchmarkType.FIXED) {
                Double v = ind.benchmark().value();
                if (v == null || !(v > 0) || Double.isInfinite(v)) {
                    add(q + ".benchmark.value", "固定基准值须为正数", "a fixed benchmark must be > 0");
                }
            } else if (ind.benchmark().type() == BenchmarkType.INDUSTRY_GROUP && !hasGroups) {
                add(q + ".benchmark.type", "按行业组取基准须先定义行业组", "an industry-group benchmark needs industry groups");
            }
        }
        if (sumKnown && !pop.indicators().isEmpty() && Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
            add(p + ".indicators", "权重合计须为100，现为" + fmt(sum), "weights must sum to 100, they sum to " + fmt(sum));
        }
        for (int j = 0; j < pop.adjustments().size(); j++) {
            adjustment(p + ".adjustments[" + j + "]", pop.adjustments().get(j));
        }
        classRule(p + ".classRule", pop.classRule(), hasGroups);
    }

    private void adjustment(String p, Adjustment a) {
        if (a == null) {
            add(p, "加减分项为空", "adjustment is empty");
            return;
        }
        if (a.kind() == null) {
            add(p + ".kind", "须选择加减分类型（TENANTS_BEYOND_FIRST 或 FLAG）", "kind is required (TENANTS_BEYOND_FIRST or FLAG)");
        }
        if (a.points() == null || !Double.isFinite(a.points())) {
            add(p + ".points", "须填写分值", "points are required");
        }
        if (a.thenPoints() != null && !Double.isFinite(a.thenPoints())) {
            add(p + ".thenPoints", "分值须为数字", "points must be a number");
        }
        if (a.limit() != null && !(a.limit() > 0 && Double.isFinite(a.limit()))) {
            add(p + ".limit", "上限须为正数", "limit must be > 0");
        }
        if (a.kind() == Scheme.AdjustmentKind.FLAG && blank(a.flag())) {
            add(p + ".flag", "须填写企业标志（如 高新技术）", "a flag is required (e.g. 高新技术)");
        }
    }

    private void classRule(String p, ClassRule r, boolean hasGroups) {
        if (r == null) {
            add(p, "须设置分类规则", "a class rule is required");
            return;
        }
        if (r.method() == ClassMethod.RANK_SHARES) {
            if (r.shares() == null) {
                add(p + ".shares", "须填写各类比例", "shares are required");
            } else {
                double[] v = {r.shares().a(), r.shares().b(), r.shares().c(), r.shares().d()};
                String[] n = {"a", "b", "c", "d"};
                double sum = 0;
                boolean ok = true;
                for (int i = 0; i < 4; i++) {
                    if (!(v[i] >= 0 && v[i] <= 100)) {
                        add(p + ".shares." + n[i], "比例须在0至100之间", "a share must be between 0 and 100");
                        ok = false;
                    }
                    sum += v[i];
                }
                if (ok && sum > 100 + WEIGHT_TOLERANCE) {
                    add(p + ".shares", "各类比例合计不得超过100，现为" + fmt(sum), "shares must sum to at most 100, they sum to " + fmt(sum));
                }
            }
        } else {
            if (r.thresholds() == null) {
                add(p + ".thresholds", "须填写各类分数线", "thresholds are required");
            } else {
                Scheme.Thresholds t = r.thresholds();
                if (!Double.isFinite(t.a()) || !Double.isFinite(t.b()) || !Double.isFinite(t.c())) {
                    add(p + ".thresholds", "分数线须为数字", "thresholds must be numbers");
                } else if (!(t.a() > t.b() && t.b() > t.c())) {
                    add(p + ".thresholds", "分数线须从A到C递减", "thresholds must descend from A to C");
                }
            }
        }
        if (r.withinIndustryGroups() && !hasGroups) {
            add(p + ".withinIndustryGroups", "分行业组定级须先定义行业组", "classing within industry groups needs industry groups");
        }
    }

    private void exemptions(Scheme.Exemptions e) {
        if (e.registeredUnderYears() != null && e.registeredUnderYears() < 0) {
            add("exemptions.registeredUnderYears", "年限不能为负", "years must not be negative");
        }
        if (e.buildPeriodYears() != null && e.buildPeriodYears() < 0) {
            add("exemptions.buildPeriodYears", "年限不能为负", "years must not be negative");
        }
        for (int i = 0; i < e.exemptFlags().size(); i++) {
            if (blank(e.exemptFlags().get(i))) {
                add("exemptions.exemptFlags[" + i + "]", "标志为空", "flag is empty");
            }
        }
    }

    private void measures(Measures m) {
        Set<EvaluationClass> seen = EnumSet.noneOf(EvaluationClass.class);
        for (int i = 0; i < m.classes().size(); i++) {
            Measures.ClassMeasures c = m.classes().get(i);
            String p = "measures.classes[" + i + "]";
            if (c == null) {
                add(p, "措施为空", "measures entry is empty");
                continue;
            }
            if (c.evaluationClass() == null) {
                add(p + ".evaluationClass", "须选择类别（A、B、C、D）", "class is required (A, B, C, D)");
            } else if (!seen.add(c.evaluationClass())) {
                add(p + ".evaluationClass", "类别重复：" + c.evaluationClass(), "class repeated: " + c.evaluationClass());
            }
            Set<Measures.Utility> utilities = EnumSet.noneOf(Measures.Utility.class);
            for (int j = 0; j < c.surcharges().size(); j++) {
                Measures.Surcharge s = c.surcharges().get(j);
                String q = p + ".surcharges[" + j + "]";
                if (s == null || s.utility() == null) {
                    add(q + ".utility", "须选择品种（ELECTRICITY、WATER、GAS）", "utility is required (ELECTRICITY, WATER, GAS)");
                    continue;
                }
                if (!utilities.add(s.utility())) {
                    add(q + ".utility", "同一品种重复加价", "utility repeated");
                }
                if (!Double.isFinite(s.yuanPerUnit()) || !Double.isFinite(s.risePerConsecutiveYear())) {
                    add(q + ".yuanPerUnit", "加价须为数字", "surcharge must be a number");
                }
                if (s.maxYuanPerUnit() != null && !Double.isFinite(s.maxYuanPerUnit())) {
                    add(q + ".maxYuanPerUnit", "上限须为数字", "maximum must be a number");
                }
            }
            percent(p + ".landUseTaxReductionPercent", c.landUseTaxReductionPercent(), 0);
            percent(p + ".energyQuotaPercent", c.energyQuotaPercent(), -100);
            percent(p + ".emissionQuotaPercent", c.emissionQuotaPercent(), -100);
        }
    }

    private void percent(String p, Double v, double min) {
        if (v != null && !(v >= min && v <= 100)) {
            add(p, "百分比须在" + fmt(min) + "至100之间", "percent must be between " + fmt(min) + " and 100");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
