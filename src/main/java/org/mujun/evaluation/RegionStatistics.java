package org.mujun.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mujun.evaluation.EvaluationResult.Outcome;

/**
 * Region figures of a run (SPEC §5 "Region statistics"), grouped by a region-code prefix (2 province,
 * 4 city, 6 county, 9 town). The 规上 figures are aggregates, Σ numerators / Σ denominators, over the
 * operating 规上 enterprises of the region with land &gt; 0 (graded or exempt) whose numerator and
 * denominator are both present, as statistics publish them. Class shares are over the graded
 * enterprises of every population (final class); exempt ones are counted apart.
 */
public final class RegionStatistics {

    /**
     * @param aboveCount       operating 规上 enterprises with land in the region
     * @param taxPerMu         规上 亩均税收, 万元/亩 (null when no data)
     * @param classCounts      final classes of graded enterprises
     * @param classShares      % of the graded enterprises
     */
    public record RegionFigures(String region, int aboveCount, Double taxPerMu, Double valueAddedPerMu, Double labourProductivity,
                                Double valueAddedPerTce, int graded, int exempt, Map<EvaluationClass, Integer> classCounts,
                                Map<EvaluationClass, Double> classShares) {
    }

    private RegionStatistics() {
    }

    /** One row per region prefix of the given length (regions shorter than it are skipped), ordered by code. */
    public static List<RegionFigures> byPrefix(EvaluationResult result, int prefixLength) {
        Enterprises e = result.inputs;
        Map<String, double[]> acc = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        IndicatorKind[] kinds = {IndicatorKind.TAX_PER_MU, IndicatorKind.VALUE_ADDED_PER_MU, IndicatorKind.LABOUR_PRODUCTIVITY,
                IndicatorKind.VALUE_ADDED_PER_TCE};
        int operating = Status.OPERATING.ordinal();
        for (int i = 0; i < e.n; i++) {
            String region = e.region[i];
            if (region.length() < prefixLength) {
                continue;
            }
            String key = region.substring(0, prefixLength);
            double[] a = acc.computeIfAbsent(key, k -> new double[kinds.length * 2 + 1]);
            int[] c = counts.computeIfAbsent(key, k -> new int[6]);
            Outcome o = result.outcome(i);
            if (o == Outcome.GRADED) {
                c[result.finalClass(i).ordinal()]++;
                c[4]++;
            } else if (o == Outcome.EXEMPT) {
                c[5]++;
            }
            double land = e.q[Quantity.LAND.ordinal()][i];
            if (e.size[i] != SizeClass.ABOVE.ordinal() || e.status[i] != operating || !(land > 0)) {
                continue;
            }
            a[kinds.length * 2]++;
            for (int k = 0; k < kinds.length; k++) {
                double num = e.q[kinds[k].numerator().ordinal()][i];
                double den = e.q[kinds[k].denominator().ordinal()][i];
                if (num == num && den > 0) {
                    a[2 * k] += num;
                    a[2 * k + 1] += den;
                }
            }
        }
        List<RegionFigures> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> en : acc.entrySet()) {
            double[] a = en.getValue();
            int[] c = counts.get(en.getKey());
            Map<EvaluationClass, Integer> cc = new EnumMap<>(EvaluationClass.class);
            Map<EvaluationClass, Double> sh = new EnumMap<>(EvaluationClass.class);
            for (EvaluationClass k : EvaluationClass.values()) {
                cc.put(k, c[k.ordinal()]);
                sh.put(k, c[4] == 0 ? 0.0 : 100.0 * c[k.ordinal()] / c[4]);
            }
            rows.add(new RegionFigures(en.getKey(), (int) a[kinds.length * 2], ratio(a, 0, kinds[0]), ratio(a, 1, kinds[1]),
                    ratio(a, 2, kinds[2]), ratio(a, 3, kinds[3]), c[4], c[5], cc, sh));
        }
        return List.copyOf(rows);
    }

    /**
     * The sums behind one region's figures, as a database aggregate gives them (same members and filters
     * as {@link #byPrefix}): per indicator Σ numerator and Σ denominator over the operating 规上
     * enterprises with land whose numerator is present and denominator &gt; 0.
     */
    public record Sums(String region, int aboveCount, double tax, double taxLand, double valueAdded, double valueAddedLand,
                       double labourValueAdded, double employees, double energyValueAdded, double energyTce, int graded, int exempt,
                       int a, int b, int c, int d) {
    }

    /** The figures of one region from its sums: Σ/Σ per indicator (null without a denominator), class counts and shares. */
    public static RegionFigures fromSums(Sums s) {
        Map<EvaluationClass, Integer> cc = new EnumMap<>(EvaluationClass.class);
        cc.put(EvaluationClass.A, s.a());
        cc.put(EvaluationClass.B, s.b());
        cc.put(EvaluationClass.C, s.c());
        cc.put(EvaluationClass.D, s.d());
        Map<EvaluationClass, Double> sh = new EnumMap<>(EvaluationClass.class);
        for (EvaluationClass k : EvaluationClass.values()) {
            sh.put(k, s.graded() == 0 ? 0.0 : 100.0 * cc.get(k) / s.graded());
        }
        return new RegionFigures(s.region(), s.aboveCount(), div(s.tax(), s.taxLand(), IndicatorKind.TAX_PER_MU),
                div(s.valueAdded(), s.valueAddedLand(), IndicatorKind.VALUE_ADDED_PER_MU),
                div(s.labourValueAdded(), s.employees(), IndicatorKind.LABOUR_PRODUCTIVITY),
                div(s.energyValueAdded(), s.energyTce(), IndicatorKind.VALUE_ADDED_PER_TCE), s.graded(), s.exempt(), cc, sh);
    }

    private static Double div(double num, double den, IndicatorKind kind) {
        return den > 0 ? num / den * kind.factor() : null;
    }

    private static Double ratio(double[] a, int k, IndicatorKind kind) {
        return a[2 * k + 1] > 0 ? a[2 * k] / a[2 * k + 1] * kind.factor() : null;
    }

    /** Year-on-year change in % ((this − last) / last × 100), null when either is missing or last is 0. */
    public static Double yearOnYear(Double last, Double current) {
        return last == null || current == null || last == 0 ? null : (current - last) / last * 100;
    }
}
