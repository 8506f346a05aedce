package org.mujun.evaluation;

/**
 * The built-in indicators of SPEC §5: numerator / denominator × factor, in the unit shown. All are
 * "higher is better". The factor only converts to the displayed unit (万元 per kWh → 元/kWh is
 * ×10,000; a share → % is ×100); it cancels in x / b.
 */
public enum IndicatorKind {
    TAX_PER_MU("亩均税收", "Tax per mu", Quantity.TAX, Quantity.LAND, 1, "万元/亩"),
    VALUE_ADDED_PER_MU("亩均增加值", "Value added per mu", Quantity.VALUE_ADDED, Quantity.LAND, 1, "万元/亩"),
    REVENUE_PER_MU("亩均营业收入", "Revenue per mu", Quantity.REVENUE, Quantity.LAND, 1, "万元/亩"),
    VALUE_ADDED_PER_TCE("单位能耗增加值", "Value added per tce", Quantity.VALUE_ADDED, Quantity.ENERGY, 1, "万元/tce"),
    VALUE_ADDED_PER_EMISSION("单位排放增加值", "Value added per tonne of main pollutants", Quantity.VALUE_ADDED, Quantity.EMISSIONS, 1, "万元/t"),
    LABOUR_PRODUCTIVITY("全员劳动生产率", "Labour productivity", Quantity.VALUE_ADDED, Quantity.EMPLOYEES, 1, "万元/人"),
    RND_SHARE("R&D占比", "R&D share of revenue", Quantity.RND, Quantity.REVENUE, 100, "%"),
    TAX_PER_KWH("单位用电税收", "Tax per kWh", Quantity.TAX, Quantity.ELECTRICITY, 10_000, "元/kWh"),
    REVENUE_PER_KWH("单位用电营业收入", "Revenue per kWh", Quantity.REVENUE, Quantity.ELECTRICITY, 10_000, "元/kWh");

    /** Every built-in indicator is better when higher. */
    public enum Direction { HIGHER_IS_BETTER }

    private final String nameZh;
    private final String nameEn;
    private final Quantity numerator;
    private final Quantity denominator;
    private final double factor;
    private final String unit;

    IndicatorKind(String nameZh, String nameEn, Quantity numerator, Quantity denominator, double factor, String unit) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.numerator = numerator;
        this.denominator = denominator;
        this.factor = factor;
        this.unit = unit;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** "亩均税收 Tax per mu" */
    public String label() {
        return nameZh + " " + nameEn;
    }

    public Quantity numerator() {
        return numerator;
    }

    public Quantity denominator() {
        return denominator;
    }

    public double factor() {
        return factor;
    }

    public String unit() {
        return unit;
    }

    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }
}
