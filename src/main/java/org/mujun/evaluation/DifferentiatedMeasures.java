package org.mujun.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.EvaluationResult.Outcome;
import org.mujun.evaluation.Measures.ClassMeasures;
import org.mujun.evaluation.Measures.Surcharge;
import org.mujun.evaluation.Measures.Utility;

/**
 * 差别化要素配置 computed per enterprise from a run (SPEC §5): utility surcharges (元), 城镇土地使用税
 * reduction (元) and 用能/排污 quota changes, with the lists and totals the utility and the tax bureau
 * receive. Amounts are rounded half-up to 0.01 元 per line; totals are sums of the rounded lines.
 */
public final class DifferentiatedMeasures {

    private DifferentiatedMeasures() {
    }

    /**
     * One surcharge line.
     *
     * @param quantity  the year's use (kWh or m³); null when not reported (then no charge)
     * @param rate      元 per unit after the consecutive-year rise and the maximum
     * @param applied   false when "highest only" left this line out
     */
    public record ChargeLine(Utility utility, Double quantity, String unit, BigDecimal rate, BigDecimal amountYuan, boolean applied) {
    }

    /**
     * The measures of one enterprise.
     *
     * @param measureClass     the class the measures follow: the final class, or B for an exempt enterprise (managed as B)
     * @param consecutiveYears years in this class in a row, this year included (from the history given)
     * @param surchargeYuan    sum of the applied lines
     * @param landUseTaxReductionYuan land-use tax payable × reduction %
     * @param energyQuotaChangeTce    energy use × quota % (negative: cut)
     * @param emissionQuotaChangeT    emissions × quota %
     */
    public record EnterpriseMeasures(String uscc, EvaluationClass measureClass, int consecutiveYears, List<ChargeLine> lines,
                                     BigDecimal surchargeYuan, BigDecimal landUseTaxYuan, BigDecimal landUseTaxReductionYuan,
                                     BigDecimal energyQuotaChangeTce, BigDecimal emissionQuotaChangeT) {
    }

    /** Every enterprise with a measure, and the totals. */
    public record MeasureList(List<EnterpriseMeasures> enterprises, Map<Utility, BigDecimal> surchargeTotals, BigDecimal surchargeTotal,
                              BigDecimal landUseTaxReductionTotal, BigDecimal energyQuotaChangeTotal, BigDecimal emissionQuotaChangeTotal) {

        /** The list for one utility company: enterprises with an applied surcharge on that utility. */
        public List<EnterpriseMeasures> forUtility(Utility u) {
            return enterprises.stream().filter(e -> e.lines().stream().anyMatch(l -> l.utility() == u && l.applied()
                    && l.amountYuan().signum() != 0)).toList();
        }

        /** The list for the tax bureau: enterprises with a land-use tax reduction. */
        public List<EnterpriseMeasures> forTaxBureau() {
            return enterprises.stream().filter(e -> e.landUseTaxReductionYuan().signum() != 0).toList();
        }

        public EnterpriseMeasures of(String uscc) {
            return enterprises.stream().filter(e -> e.uscc().equals(uscc)).findFirst().orElse(null);
        }
    }

    /** With the measures of the run's own scheme. */
    public static MeasureList compute(EvaluationResult result, Map<String, List<EvaluationClass>> previousClasses) {
        return compute(result.scheme().measures(), result, previousClasses);
    }

    /**
     * @param previousClasses per USCC the classes of the previous years, most recent first (null entries for
     *                        years not graded); may be empty
     */
    public static MeasureList compute(Measures measures, EvaluationResult result, Map<String, List<EvaluationClass>> previousClasses) {
        Enterprises e = result.inputs;
        List<EnterpriseMeasures> rows = new ArrayList<>();
        Map<Utility, BigDecimal> byUtility = new EnumMap<>(Utility.class);
        for (Utility u : Utility.values()) {
            byUtility.put(u, BigDecimal.ZERO.setScale(2));
        }
        BigDecimal surcharge = BigDecimal.ZERO.setScale(2);
        BigDecimal landTax = BigDecimal.ZERO.setScale(2);
        BigDecimal energy = BigDecimal.ZERO.setScale(4);
        BigDecimal emission = BigDecimal.ZERO.setScale(4);
        for (int i = 0; i < e.n; i++) {
            Outcome o = result.outcome(i);
            EvaluationClass cls = o == Outcome.EXEMPT ? EvaluationClass.B : result.finalClass(i);
            if (cls == null) {
                continue;
            }
            ClassMeasures m = measures.of(cls);
            if (m == null) {
                continue;
            }
            int years = 1;
            List<EvaluationClass> history = previousClasses.getOrDefault(e.uscc[i], List.of());
            for (EvaluationClass c : history) {
                if (c != cls) {
                    break;
                }
                years++;
            }
            List<ChargeLine> lines = new ArrayList<>();
            int highest = -1;
            for (Surcharge s : m.surcharges()) {
                double q = e.q[s.utility().quantity().ordinal()][i];
                BigDecimal rate = BigDecimal.valueOf(s.yuanPerUnit()).add(BigDecimal.valueOf(s.risePerConsecutiveYear()).multiply(BigDecimal.valueOf(years - 1L)));
                if (s.maxYuanPerUnit() != null && rate.compareTo(BigDecimal.valueOf(s.maxYuanPerUnit())) > 0) {
                    rate = BigDecimal.valueOf(s.maxYuanPerUnit());
                }
                BigDecimal amount = q == q ? BigDecimal.valueOf(q).multiply(rate).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
                lines.add(new ChargeLine(s.utility(), q == q ? q : null, s.utility().unit(), rate, amount, true));
                if (highest < 0 || amount.compareTo(lines.get(highest).amountYuan()) > 0) {
                    highest = lines.size() - 1;
                }
            }
            if (measures.highestOnly() && lines.size() > 1) {
                for (int l = 0; l < lines.size(); l++) {
                    ChargeLine c = lines.get(l);
                    lines.set(l, new ChargeLine(c.utility(), c.quantity(), c.unit(), c.rate(), c.amountYuan(), l == highest));
                }
            }
            BigDecimal applied = BigDecimal.ZERO.setScale(2);
            for (ChargeLine c : lines) {
                if (c.applied()) {
                    applied = applied.add(c.amountYuan());
                    byUtility.merge(c.utility(), c.amountYuan(), BigDecimal::add);
                }
            }
            double taxPayable = e.q[Quantity.LAND_USE_TAX.ordinal()][i];
            BigDecimal payable = taxPayable == taxPayable ? BigDecimal.valueOf(taxPayable).setScale(2, RoundingMode.HALF_UP) : null;
            BigDecimal reduction = m.landUseTaxReductionPercent() == null || payable == null ? BigDecimal.ZERO.setScale(2)
                    : payable.multiply(BigDecimal.valueOf(m.landUseTaxReductionPercent())).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            BigDecimal en = percentOf(e.q[Quantity.ENERGY.ordinal()][i], m.energyQuotaPercent());
            BigDecimal em = percentOf(e.q[Quantity.EMISSIONS.ordinal()][i], m.emissionQuotaPercent());
            rows.add(new EnterpriseMeasures(e.uscc[i], cls, years, List.copyOf(lines), applied, payable, reduction, en, em));
            surcharge = surcharge.add(applied);
            landTax = landTax.add(reduction);
            energy = energy.add(en);
            emission = emission.add(em);
        }
        return new MeasureList(List.copyOf(rows), byUtility, surcharge, landTax, energy, emission);
    }

    private static BigDecimal percentOf(double base, Double percent) {
        if (percent == null || base != base) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(base).multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
    }
}
