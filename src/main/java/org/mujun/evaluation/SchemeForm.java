package org.mujun.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.Scheme.Adjustment;
import org.mujun.evaluation.Scheme.AdjustmentKind;
import org.mujun.evaluation.Scheme.Benchmark;
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
 * The scheme editor's form: a scheme as flat field values (the names the page posts) and back, and the
 * translation of {@link SchemeValidation} field paths to form fields so that each message shows next to
 * its field. Every population kind and every indicator kind has a fixed row (switched on or off), so the
 * page needs no script; adjustments, incentives and industry groups get two spare rows. The differentiated
 * measures are not on the form: they are kept as they are (edit them by file).
 * <pre>
 *   name, land.in, land.out, land.merge, vetoBlocks, ex.registered, ex.build, ex.flags, ex.applications
 *   veto.EVENT_TYPE = "" | TO_D | AT_MOST_C
 *   inc{n}.amount, inc{n}.effect          grp{n}.name, grp{n}.codes
 *   p{P}.on, p{P}.method, p{P}.shareA…D, p{P}.thA…C, p{P}.withinGroups, p{P}.dNotForced           (P = PopulationKind ordinal)
 *   p{P}.i{K}.on, .pos, .weight, .benchmark, .fixed, .cap, .avg, .method                          (K = IndicatorKind ordinal)
 *   p{P}.a{n}.kind, .flag, .points, .then, .limit, .reason
 * </pre>
 */
final class SchemeForm {

    static final List<String> EVENTS = List.of("MAJOR_SAFETY_ACCIDENT", "ENVIRONMENTAL_PENALTY", "DISHONEST", "OTHER");
    static final int SPARE = 2;

    /** The form read back: the scheme (null when a field could not be read) and problems by form field. */
    record Parsed(Scheme scheme, Map<String, List<String>> errors) {
    }

    private SchemeForm() {
    }

    /** Field values of a scheme. */
    static Map<String, String> values(Scheme s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", s.name() == null ? "" : s.name());
        v.put("land.in", bool(s.land().includeLeasedIn()));
        v.put("land.out", bool(s.land().subtractLeasedOut()));
        v.put("land.merge", bool(s.land().mergeTenants()));
        v.put("vetoBlocks", bool(s.vetoBlocksIncentives()));
        Scheme.Exemptions ex = s.exemptions();
        v.put("ex.registered", num(ex.registeredUnderYears()));
        v.put("ex.build", num(ex.buildPeriodYears()));
        v.put("ex.flags", String.join("、", ex.exemptFlags().stream().map(f -> f == null ? "" : f).toList()));
        v.put("ex.applications", bool(ex.acceptApplications()));
        for (VetoRule r : s.vetoes()) {
            if (r != null && r.eventType() != null) {
                v.put("veto." + r.eventType(), r.effect() == null ? "" : r.effect().name());
            }
        }
        List<IncentiveRule> inc = s.incentives();
        for (int n = 0; n < inc.size(); n++) {
            IncentiveRule r = inc.get(n);
            v.put("inc" + n + ".amount", num(r.minInvestmentWan()));
            v.put("inc" + n + ".effect", r.effect() == null ? "" : r.effect().name());
        }
        List<IndustryGroup> groups = s.industryGroups();
        for (int n = 0; n < groups.size(); n++) {
            IndustryGroup g = groups.get(n);
            v.put("grp" + n + ".name", g.name() == null ? "" : g.name());
            v.put("grp" + n + ".codes", String.join(", ", g.industries().stream().map(c -> c == null ? "" : c).toList()));
        }
        for (PopulationKind pk : PopulationKind.values()) {
            Population p = s.population(pk);
            String pp = "p" + pk.ordinal();
            v.put(pp + ".on", bool(p != null));
            ClassRule rule = p == null || p.classRule() == null ? ClassRule.shares(20, 60, 15, 5) : p.classRule();
            v.put(pp + ".method", rule.method().name());
            Scheme.Shares sh = rule.shares();
            v.put(pp + ".shareA", sh == null ? "" : num(sh.a()));
            v.put(pp + ".shareB", sh == null ? "" : num(sh.b()));
            v.put(pp + ".shareC", sh == null ? "" : num(sh.c()));
            v.put(pp + ".shareD", sh == null ? "" : num(sh.d()));
            Scheme.Thresholds th = rule.thresholds();
            v.put(pp + ".thA", th == null ? "" : num(th.a()));
            v.put(pp + ".thB", th == null ? "" : num(th.b()));
            v.put(pp + ".thC", th == null ? "" : num(th.c()));
            v.put(pp + ".withinGroups", bool(rule.withinIndustryGroups()));
            v.put(pp + ".dNotForced", bool(rule.dNotForced()));
            List<Indicator> inds = p == null ? List.of() : p.indicators();
            for (IndicatorKind ik : IndicatorKind.values()) {
                String pi = pp + ".i" + ik.ordinal();
                int pos = -1;
                for (int j = 0; j < inds.size(); j++) {
                    if (inds.get(j) != null && inds.get(j).kind() == ik) {
                        pos = j;
                    }
                }
                Indicator ind = pos < 0 ? Indicator.of(ik, 0) : inds.get(pos);
                v.put(pi + ".on", bool(pos >= 0));
                v.put(pi + ".pos", String.valueOf(pos < 0 ? 100 + ik.ordinal() : pos));
                v.put(pi + ".weight", pos < 0 ? "" : num(ind.weight()));
                v.put(pi + ".benchmark", ind.benchmark().type() == null ? "POPULATION" : ind.benchmark().type().name());
                v.put(pi + ".fixed", num(ind.benchmark().value()));
                v.put(pi + ".cap", num(ind.cap()));
                v.put(pi + ".avg", bool(ind.averageIfMissing()));
                v.put(pi + ".method", ind.method().name());
            }
            List<Adjustment> adj = p == null ? List.of() : p.adjustments();
            for (int n = 0; n < adj.size(); n++) {
                Adjustment a = adj.get(n);
                String pa = pp + ".a" + n;
                v.put(pa + ".kind", a.kind() == null ? "" : a.kind().name());
                v.put(pa + ".flag", a.flag() == null ? "" : a.flag());
                v.put(pa + ".points", num(a.points()));
                v.put(pa + ".then", num(a.thenPoints()));
                v.put(pa + ".limit", num(a.limit()));
                v.put(pa + ".reason", a.reason() == null ? "" : a.reason());
            }
        }
        return v;
    }

    /** Row counts of the variable lists (existing rows plus spares) for the page. */
    static Map<String, Integer> rows(Map<String, String> v) {
        Map<String, Integer> r = new LinkedHashMap<>();
        r.put("inc", count(v, "inc", ".amount") + SPARE);
        r.put("grp", count(v, "grp", ".name") + SPARE);
        for (PopulationKind pk : PopulationKind.values()) {
            r.put("p" + pk.ordinal(), count(v, "p" + pk.ordinal() + ".a", ".kind") + SPARE);
        }
        return r;
    }

    private static int count(Map<String, String> v, String prefix, String suffix) {
        int n = 0;
        while (v.containsKey(prefix + n + suffix)) {
            n++;
        }
        return n;
    }

    /**
     * Reads the posted form into a scheme of the given region and year, keeping {@code base}'s measures. Numbers
     * that cannot be read are reported at their field; otherwise the scheme is validated and every problem is
     * placed at its field.
     */
    static Parsed parse(Map<String, String> form, Scheme base) {
        Reader r = new Reader(form);
        String name = r.text("name");
        Scheme.Land land = new Scheme.Land(r.bool("land.in"), r.bool("land.out"), r.bool("land.merge"));
        List<String> flags = r.list("ex.flags");
        Scheme.Exemptions ex = new Scheme.Exemptions(r.integer("ex.registered"), r.integer("ex.build"), flags, r.bool("ex.applications"));
        List<VetoRule> vetoes = new ArrayList<>();
        Map<String, String> schemeToForm = new LinkedHashMap<>();
        for (String e : EVENTS) {
            String eff = r.text("veto." + e);
            if (!eff.isEmpty()) {
                schemeToForm.put("vetoes[" + vetoes.size() + "]", "veto." + e);
                vetoes.add(new VetoRule(e, r.choice("veto." + e, VetoEffect.class, null)));
            }
        }
        // veto rules of the stored scheme on event types the form does not list are kept
        for (VetoRule v : base.vetoes()) {
            if (v != null && !EVENTS.contains(v.eventType())) {
                vetoes.add(v);
            }
        }
        List<IncentiveRule> incentives = new ArrayList<>();
        for (int n = 0; form.containsKey("inc" + n + ".amount"); n++) {
            String amount = r.text("inc" + n + ".amount");
            String eff = r.text("inc" + n + ".effect");
            if (amount.isEmpty() && eff.isEmpty()) {
                continue;
            }
            schemeToForm.put("incentives[" + incentives.size() + "]", "inc" + n);
            Double a = r.number("inc" + n + ".amount");
            incentives.add(new IncentiveRule(a == null ? 0 : a, r.choice("inc" + n + ".effect", IncentiveEffect.class, null)));
        }
        List<IndustryGroup> groups = new ArrayList<>();
        for (int n = 0; form.containsKey("grp" + n + ".name"); n++) {
            String gname = r.text("grp" + n + ".name");
            List<String> codes = r.list("grp" + n + ".codes").stream().map(c -> c.toUpperCase()).toList();
            if (gname.isEmpty() && codes.isEmpty()) {
                continue;
            }
            schemeToForm.put("industryGroups[" + groups.size() + "]", "grp" + n);
            groups.add(new IndustryGroup(gname, codes));
        }
        List<Population> pops = new ArrayList<>();
        for (PopulationKind pk : PopulationKind.values()) {
            String pp = "p" + pk.ordinal();
            if (!r.bool(pp + ".on")) {
                continue;
            }
            String path = "populations[" + pops.size() + "]";
            schemeToForm.put(path, pp);
            record Row(int pos, int kind, Indicator ind) {
            }
            List<Row> rowsOf = new ArrayList<>();
            for (IndicatorKind ik : IndicatorKind.values()) {
                String pi = pp + ".i" + ik.ordinal();
                if (!r.bool(pi + ".on")) {
                    continue;
                }
                BenchmarkType bt = r.choice(pi + ".benchmark", BenchmarkType.class, BenchmarkType.POPULATION);
                Double fixed = r.number(pi + ".fixed");
                Benchmark b = bt == BenchmarkType.FIXED ? new Benchmark(bt, fixed) : new Benchmark(bt, null);
                Indicator ind = new Indicator(ik, r.number(pi + ".weight"), b, r.number(pi + ".cap"), r.bool(pi + ".avg"),
                        r.choice(pi + ".method", ScoringMethod.class, ScoringMethod.RATIO));
                Integer pos = r.integer(pi + ".pos");
                rowsOf.add(new Row(pos == null ? 100 + ik.ordinal() : pos, ik.ordinal(), ind));
            }
            rowsOf.sort(Comparator.comparingInt(Row::pos).thenComparingInt(Row::kind));
            List<Indicator> inds = new ArrayList<>();
            for (Row row : rowsOf) {
                schemeToForm.put(path + ".indicators[" + inds.size() + "]", pp + ".i" + row.kind());
                inds.add(row.ind());
            }
            List<Adjustment> adjs = new ArrayList<>();
            for (int n = 0; form.containsKey(pp + ".a" + n + ".kind"); n++) {
                String pa = pp + ".a" + n;
                AdjustmentKind kind = r.choice(pa + ".kind", AdjustmentKind.class, null);
                if (kind == null) {
                    continue;
                }
                schemeToForm.put(path + ".adjustments[" + adjs.size() + "]", pa);
                String flag = r.text(pa + ".flag");
                String reason = r.text(pa + ".reason");
                adjs.add(new Adjustment(kind, flag.isEmpty() ? null : flag, r.number(pa + ".points"), r.number(pa + ".then"),
                        r.number(pa + ".limit"), reason.isEmpty() ? null : reason));
            }
            ClassMethod cm = r.choice(pp + ".method", ClassMethod.class, ClassMethod.RANK_SHARES);
            ClassRule rule;
            if (cm == ClassMethod.RANK_SHARES) {
                rule = new ClassRule(cm, new Scheme.Shares(z(r.number(pp + ".shareA")), z(r.number(pp + ".shareB")), z(r.number(pp + ".shareC")),
                        z(r.number(pp + ".shareD"))), null, r.bool(pp + ".withinGroups"), r.bool(pp + ".dNotForced"));
            } else {
                Double a = r.number(pp + ".thA");
                Double b = r.number(pp + ".thB");
                Double c = r.number(pp + ".thC");
                if (a == null || b == null || c == null) {
                    r.error(pp + ".thresholds", "须填写A、B、C三条分数线 / thresholds for A, B and C are required");
                }
                rule = new ClassRule(cm, null, new Scheme.Thresholds(z(a), z(b), z(c)), r.bool(pp + ".withinGroups"), r.bool(pp + ".dNotForced"));
            }
            pops.add(new Population(pk, inds, adjs, rule));
        }
        Scheme s = new Scheme(base.region(), base.year(), name.isEmpty() ? base.name() : name, pops, groups, ex, vetoes, incentives,
                r.bool("vetoBlocks"), base.measures(), land);
        if (!r.errors.isEmpty()) {
            return new Parsed(null, r.errors);
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Problem p : SchemeValidation.validate(s)) {
            errors.computeIfAbsent(field(p.path(), schemeToForm), k -> new ArrayList<>()).add(p.messageZh() + " / " + p.messageEn());
        }
        return new Parsed(s, errors);
    }

    /** The form field of a validation path (the field itself where the form has one, else its row or section). */
    static String field(String path, Map<String, String> schemeToForm) {
        String best = null;
        for (String k : schemeToForm.keySet()) {
            if ((path.equals(k) || path.startsWith(k + ".") || path.startsWith(k + "[")) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        if (best == null) {
            if (path.startsWith("exemptions.registeredUnderYears")) {
                return "ex.registered";
            }
            if (path.startsWith("exemptions.buildPeriodYears")) {
                return "ex.build";
            }
            if (path.startsWith("exemptions")) {
                return "ex.flags";
            }
            if (path.startsWith("measures")) {
                return "measures";
            }
            return path.equals("region") || path.equals("year") ? "name" : path;
        }
        String target = schemeToForm.get(best);
        String rest = path.substring(best.length());
        if (target.matches("p\\d+\\.i\\d+")) {
            return switch (rest) {
                case ".weight" -> target + ".weight";
                case ".cap" -> target + ".cap";
                case ".benchmark.value" -> target + ".fixed";
                case ".benchmark.type", ".benchmark" -> target + ".benchmark";
                case ".method" -> target + ".method";
                default -> target;
            };
        }
        if (target.matches("p\\d+\\.a\\d+")) {
            return switch (rest) {
                case ".points" -> target + ".points";
                case ".thenPoints" -> target + ".then";
                case ".limit" -> target + ".limit";
                case ".flag" -> target + ".flag";
                default -> target + ".kind";
            };
        }
        if (target.matches("p\\d+")) {
            if (rest.startsWith(".classRule.shares")) {
                return target + ".shares";
            }
            if (rest.startsWith(".classRule.thresholds")) {
                return target + ".thresholds";
            }
            if (rest.startsWith(".classRule.withinIndustryGroups")) {
                return target + ".withinGroups";
            }
            if (rest.startsWith(".classRule")) {
                return target + ".shares";
            }
            if (rest.startsWith(".indicators")) {
                return target + ".indicators";
            }
            return target;
        }
        if (target.startsWith("inc")) {
            return rest.startsWith(".effect") ? target + ".effect" : target + ".amount";
        }
        if (target.startsWith("grp")) {
            return rest.startsWith(".name") ? target + ".name" : target + ".codes";
        }
        return target;
    }

    private static double z(Double v) {
        return v == null ? 0 : v;
    }

    private static String bool(boolean b) {
        return b ? "true" : "";
    }

    private static String num(Number n) {
        if (n == null) {
            return "";
        }
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    /** Reads form fields, collecting unreadable numbers as errors at their field. */
    private static final class Reader {
        final Map<String, String> form;
        final Map<String, List<String>> errors = new LinkedHashMap<>();

        Reader(Map<String, String> form) {
            this.form = form;
        }

        String text(String key) {
            String v = form.get(key);
            return v == null ? "" : v.trim();
        }

        boolean bool(String key) {
            String v = text(key);
            return v.equals("true") || v.equals("on") || v.equals("1");
        }

        List<String> list(String key) {
            return Arrays.stream(text(key).split("[,，、;；\\s]+")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        }

        Double number(String key) {
            String v = text(key);
            if (v.isEmpty()) {
                return null;
            }
            try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                error(key, "“" + v + "”不是数字 / \"" + v + "\" is not a number");
                return null;
            }
        }

        Integer integer(String key) {
            String v = text(key);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                error(key, "“" + v + "”不是整数 / \"" + v + "\" is not a whole number");
                return null;
            }
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E dflt) {
            String v = text(key);
            if (v.isEmpty()) {
                return dflt;
            }
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                error(key, "无效选项“" + v + "” / invalid choice \"" + v + "\"");
                return dflt;
            }
        }

        void error(String key, String message) {
            errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
        }
    }
}
