package org.mujun.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The screening rules of SPEC §6 applied to enterprise-years: plain Java, no Spring or SQL. Every comparison is
 * exact (BigDecimal, by cross-multiplying instead of dividing), so a boundary is a boundary: 亩均税收 of exactly
 * 3.00 is not "below 3"; 规下 on exactly 20 亩 is "≥ 20 亩"; revenue of exactly 1 亿 with exactly 10 万/亩 fires.
 * A rule with a figure missing does not fire (a gap in the data is not evidence). Each fired rule carries the
 * numbers behind it.
 */
public final class ScreeningEngine {

    private ScreeningEngine() {
    }

    /**
     * One year of an enterprise's figures from an evaluation run.
     *
     * @param evaluationClass final class A–D of that year's run, or null (not graded)
     */
    public record YearFigures(int year, BigDecimal landMu, BigDecimal taxWan, BigDecimal revenueWan, String evaluationClass) {
        /** 亩均税收 to 2 decimals, or null. */
        public BigDecimal taxPerMu() {
            return landMu == null || landMu.signum() <= 0 || taxWan == null ? null : taxWan.divide(landMu, 2, RoundingMode.HALF_UP);
        }
    }

    /**
     * An enterprise as the rules read it.
     *
     * @param industryCode GB/T 4754 code (C26, C2611 …); the industry mean is over its 大类 (letter and two digits)
     * @param years        the screening year first, then earlier years (newest first); gaps allowed
     */
    public record Subject(String uscc, String name, String regionCode, String industryCode, boolean belowScale, boolean inZone,
                          boolean lianggao, BigDecimal valueAddedWan, BigDecimal energyTce, List<YearFigures> years) {
        public Subject {
            years = List.copyOf(years);
            if (years.isEmpty()) {
                throw new IllegalArgumentException("no figures for " + uscc);
            }
        }

        public YearFigures current() {
            return years.get(0);
        }

        /** The figures of {@code year}, or null. */
        public YearFigures year(int year) {
            return years.stream().filter(y -> y.year() == year).findFirst().orElse(null);
        }

        /** 单位能耗增加值 (万元/tce) to 2 decimals, or null. */
        public BigDecimal valueAddedPerTce() {
            return valueAddedWan == null || energyTce == null || energyTce.signum() <= 0 ? null
                    : valueAddedWan.divide(energyTce, 2, RoundingMode.HALF_UP);
        }
    }

    /**
     * One fired rule with its numbers: {@code value} against {@code threshold} (either null where the rule has no
     * number, e.g. 两高), and a sentence in both languages that a county official can check.
     */
    public record Hit(RuleCode rule, BigDecimal value, BigDecimal threshold, String detailZh, String detailEn) {
    }

    /** An enterprise's outcome: the rules fired and whether that makes it a candidate. */
    public record Screened(Subject subject, List<Hit> hits, boolean candidate) {
    }

    /** The industry aggregate of value added and energy (Σ 增加值 / Σ 综合能耗, as SPEC §5.1 benchmarks). */
    public record IndustryMean(String industry, BigDecimal valueAddedWan, BigDecimal energyTce, int members) {
        public BigDecimal mean() {
            return energyTce.signum() <= 0 ? null : valueAddedWan.divide(energyTce, 2, RoundingMode.HALF_UP);
        }
    }

    /** Screens every subject; the industry means are taken over all of them. */
    public static List<Screened> screen(Collection<Subject> subjects, ScreeningRules rules) {
        Map<String, IndustryMean> means = industryMeans(subjects);
        List<Screened> out = new ArrayList<>(subjects.size());
        for (Subject s : subjects) {
            out.add(screen(s, means, rules));
        }
        return out;
    }

    public static Screened screen(Subject s, Map<String, IndustryMean> means, ScreeningRules rules) {
        List<Hit> hits = hits(s, means, rules);
        return new Screened(s, hits, hits.size() >= rules.minHits());
    }

    /** The 大类 of an industry code: "C2611" → "C26"; shorter codes as they are. */
    public static String division(String industryCode) {
        if (industryCode == null || industryCode.isBlank()) {
            return "";
        }
        String c = industryCode.trim();
        return c.length() > 3 ? c.substring(0, 3) : c;
    }

    /** Σ value added and Σ energy per 大类 over subjects with both figures (energy > 0). */
    public static Map<String, IndustryMean> industryMeans(Collection<Subject> subjects) {
        Map<String, IndustryMean> m = new HashMap<>();
        for (Subject s : subjects) {
            if (s.valueAddedWan() == null || s.energyTce() == null || s.energyTce().signum() <= 0) {
                continue;
            }
            String d = division(s.industryCode());
            IndustryMean old = m.get(d);
            m.put(d, old == null ? new IndustryMean(d, s.valueAddedWan(), s.energyTce(), 1)
                    : new IndustryMean(d, old.valueAddedWan().add(s.valueAddedWan()), old.energyTce().add(s.energyTce()), old.members() + 1));
        }
        return m;
    }

    /** The enabled rules that fire for one subject, in the order of {@link RuleCode}. */
    public static List<Hit> hits(Subject s, Map<String, IndustryMean> means, ScreeningRules r) {
        List<Hit> hits = new ArrayList<>();
        YearFigures cur = s.current();
        if (r.taxEnabled()) {
            taxTier(cur, r.taxTiers()).ifPresent(hits::add);
        }
        if (r.classDEnabled()) {
            int n = consecutiveD(s);
            if (n >= r.classDYears()) {
                hits.add(new Hit(RuleCode.CLASS_D_CONSECUTIVE, BigDecimal.valueOf(n), BigDecimal.valueOf(r.classDYears()),
                        "连续 " + n + " 年评为D类（" + (cur.year() - n + 1) + "–" + cur.year() + "），阈值 ≥ " + r.classDYears() + " 年",
                        "class D for " + n + " years running (" + (cur.year() - n + 1) + "–" + cur.year() + "), threshold ≥ " + r.classDYears()));
            }
        }
        if (r.energyEnabled()) {
            energy(s, means.get(division(s.industryCode())), r.energyShare()).ifPresent(hits::add);
        }
        if (r.belowScaleEnabled() && s.belowScale() && cur.landMu() != null && cur.landMu().compareTo(r.belowScaleMu()) >= 0) {
            hits.add(new Hit(RuleCode.BELOW_SCALE_LARGE_LAND, cur.landMu(), r.belowScaleMu(),
                    "规下企业用地 " + plain(cur.landMu()) + " 亩 ≥ " + plain(r.belowScaleMu()) + " 亩",
                    "below-scale enterprise on " + plain(cur.landMu()) + " mu ≥ " + plain(r.belowScaleMu()) + " mu"));
        }
        if (r.lianggaoEnabled() && s.lianggao()) {
            hits.add(new Hit(RuleCode.LIANGGAO_INDUSTRY, null, null, "行业 " + s.industryCode() + " 属两高范围",
                    "industry " + s.industryCode() + " is in the two-high scope"));
        }
        if (r.outsideZoneEnabled() && !s.inZone()) {
            hits.add(new Hit(RuleCode.OUTSIDE_ZONE, null, null, "未在任何开发区、工业园区、小微企业园或特色小镇内",
                    "not in any development zone, industrial park, micro-enterprise park or characteristic town"));
        }
        if (r.revenueEnabled()) {
            revenue(s, r).ifPresent(hits::add);
        }
        return List.copyOf(hits);
    }

    /** 亩均税收 below the highest tier; the tier reported is the lowest one the value is below. */
    static java.util.Optional<Hit> taxTier(YearFigures y, List<BigDecimal> tiers) {
        if (y.landMu() == null || y.landMu().signum() <= 0 || y.taxWan() == null) {
            return java.util.Optional.empty();
        }
        for (BigDecimal t : tiers) {
            // tax / land < t  ⇔  tax < t × land (land > 0), exact
            if (y.taxWan().compareTo(t.multiply(y.landMu())) < 0) {
                BigDecimal v = y.taxPerMu();
                return java.util.Optional.of(new Hit(RuleCode.TAX_PER_MU, v, t,
                        "亩均税收 " + plain(v) + " 万元/亩 < " + plain(t) + " 万元/亩（税收 " + plain(y.taxWan()) + " 万元 ÷ 用地 " + plain(y.landMu()) + " 亩）",
                        "tax per mu " + plain(v) + " < " + plain(t) + " (tax " + plain(y.taxWan()) + " ÷ land " + plain(y.landMu()) + " mu)"));
            }
        }
        return java.util.Optional.empty();
    }

    /** D years in a row ending with the screening year (a missing year breaks the run). */
    static int consecutiveD(Subject s) {
        int year = s.current().year();
        int n = 0;
        while (true) {
            YearFigures y = s.year(year - n);
            if (y == null || !"D".equals(y.evaluationClass())) {
                return n;
            }
            n++;
        }
    }

    static java.util.Optional<Hit> energy(Subject s, IndustryMean mean, BigDecimal share) {
        if (mean == null || mean.energyTce().signum() <= 0 || s.valueAddedWan() == null || s.energyTce() == null || s.energyTce().signum() <= 0) {
            return java.util.Optional.empty();
        }
        // va / tce < share × Σva / Σtce  ⇔  va × Σtce < share × Σva × tce  (tce, Σtce > 0), exact
        if (s.valueAddedWan().multiply(mean.energyTce()).compareTo(share.multiply(mean.valueAddedWan()).multiply(s.energyTce())) >= 0) {
            return java.util.Optional.empty();
        }
        BigDecimal v = s.valueAddedPerTce();
        BigDecimal m = mean.valueAddedWan().divide(mean.energyTce(), 4, RoundingMode.HALF_UP);
        BigDecimal t = share.multiply(mean.valueAddedWan()).divide(mean.energyTce(), 2, RoundingMode.HALF_UP);
        return java.util.Optional.of(new Hit(RuleCode.ENERGY_EFFICIENCY, v, t,
                "单位能耗增加值 " + plain(v) + " 万元/tce < 行业(" + mean.industry() + ")均值 " + plain(m.setScale(2, RoundingMode.HALF_UP)) + " × "
                        + plain(share) + " = " + plain(t) + "（增加值 " + plain(s.valueAddedWan()) + " 万元 ÷ 能耗 " + plain(s.energyTce()) + " tce；行业 "
                        + mean.members() + " 家）",
                "value added per tce " + plain(v) + " < industry (" + mean.industry() + ") mean " + plain(m.setScale(2, RoundingMode.HALF_UP)) + " × "
                        + plain(share) + " = " + plain(t) + " (" + mean.members() + " enterprises in the industry)"));
    }

    static java.util.Optional<Hit> revenue(Subject s, ScreeningRules r) {
        int year = s.current().year();
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (int i = 0; i < r.revenueYears(); i++) {
            YearFigures y = s.year(year - i);
            if (y == null || y.revenueWan() == null || y.landMu() == null || y.landMu().signum() <= 0 || y.taxWan() == null) {
                return java.util.Optional.empty();
            }
            boolean highRevenue = y.revenueWan().compareTo(r.revenueWan()) >= 0;
            boolean lowTax = y.taxWan().compareTo(r.revenueTaxPerMu().multiply(y.landMu())) <= 0; // tax / land ≤ T
            if (!highRevenue || !lowTax) {
                return java.util.Optional.empty();
            }
            zh.add(y.year() + " 年营收 " + plain(y.revenueWan()) + " 万元、亩均税收 " + plain(y.taxPerMu()) + " 万元/亩");
            en.add(y.year() + ": revenue " + plain(y.revenueWan()) + ", tax per mu " + plain(y.taxPerMu()));
        }
        return java.util.Optional.of(new Hit(RuleCode.HIGH_REVENUE_LOW_TAX, s.current().revenueWan(), r.revenueWan(),
                String.join("；", zh) + "（阈值：营收 ≥ " + plain(r.revenueWan()) + " 万元且亩均税收 ≤ " + plain(r.revenueTaxPerMu()) + "，连续 "
                        + r.revenueYears() + " 年）",
                String.join("; ", en) + " (threshold: revenue ≥ " + plain(r.revenueWan()) + " and tax per mu ≤ " + plain(r.revenueTaxPerMu())
                        + ", " + r.revenueYears() + " years running)"));
    }

    static String plain(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }
}
