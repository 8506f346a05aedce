package org.mujun.evaluation;

import java.util.List;

/**
 * 差别化要素配置 (SPEC §5 "Differentiated measures") as data, per class. Computed by
 * {@link DifferentiatedMeasures}.
 *
 * @param highestOnly when an enterprise has surcharges on several utilities, only the largest amount (元) is
 *                    charged (就高不重复); the others are listed as not applied
 * @param classes     at most one entry per class; a class without an entry has no measures. An exempt
 *                    enterprise is managed as B and gets B's measures.
 */
public record Measures(boolean highestOnly, List<ClassMeasures> classes) {

    public static final Measures NONE = new Measures(false, List.of());

    /** C +0.1 元/kWh, D +0.3 元/kWh (SPEC §5 example). */
    public static final Measures DEFAULT = new Measures(false, List.of(
            new ClassMeasures(EvaluationClass.C, List.of(new Surcharge(Utility.ELECTRICITY, 0.1, 0, null)), null, null, null),
            new ClassMeasures(EvaluationClass.D, List.of(new Surcharge(Utility.ELECTRICITY, 0.3, 0, null)), null, null, null)));

    public Measures {
        classes = Scheme.copy(classes);
    }

    /** The entry of a class, or null. */
    public ClassMeasures of(EvaluationClass c) {
        for (ClassMeasures m : classes) {
            if (m != null && m.evaluationClass() == c) {
                return m;
            }
        }
        return null;
    }

    /**
     * Measures of one class.
     *
     * @param landUseTaxReductionPercent 城镇土地使用税 reduction, % of the tax payable (0–100)
     * @param energyQuotaPercent         用能指标 change, % of the year's energy use (negative cuts, positive grants)
     * @param emissionQuotaPercent       排污指标 change, % of the year's main-pollutant emissions
     */
    public record ClassMeasures(EvaluationClass evaluationClass, List<Surcharge> surcharges, Double landUseTaxReductionPercent,
                                Double energyQuotaPercent, Double emissionQuotaPercent) {
        public ClassMeasures {
            surcharges = Scheme.copy(surcharges);
        }
    }

    /**
     * A surcharge per unit. With consecutive years k in the same class (this year included, from the
     * previous years' classes), rate = yuanPerUnit + risePerConsecutiveYear × (k − 1), at most maxYuanPerUnit.
     */
    public record Surcharge(Utility utility, double yuanPerUnit, double risePerConsecutiveYear, Double maxYuanPerUnit) {
    }

    public enum Utility {
        ELECTRICITY("电价", "electricity", Quantity.ELECTRICITY, "kWh"),
        WATER("水价", "water", Quantity.WATER, "m³"),
        GAS("气价", "gas", Quantity.GAS, "m³");

        private final String nameZh;
        private final String nameEn;
        private final Quantity quantity;
        private final String unit;

        Utility(String nameZh, String nameEn, Quantity quantity, String unit) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.quantity = quantity;
            this.unit = unit;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }

        public Quantity quantity() {
            return quantity;
        }

        public String unit() {
            return unit;
        }
    }
}
