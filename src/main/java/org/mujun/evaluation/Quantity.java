package org.mujun.evaluation;

/** The input figures of an enterprise-year that indicators divide, with their units (SPEC §3, §5). */
public enum Quantity {
    LAND("用地面积", "evaluated land", "亩"),
    TAX("评价税收", "tax", "万元"),
    VALUE_ADDED("工业增加值", "industrial value added", "万元"),
    REVENUE("营业收入", "revenue", "万元"),
    ENERGY("综合能耗", "total energy", "tce"),
    EMISSIONS("主要污染物排放量", "main-pollutant emissions", "t"),
    EMPLOYEES("年平均职工人数", "average employees", "人"),
    RND("R&D经费", "R&D expenditure", "万元"),
    ELECTRICITY("用电量", "electricity", "kWh"),
    WATER("用水量", "water", "m³"),
    GAS("用气量", "gas", "m³"),
    LAND_USE_TAX("城镇土地使用税", "urban land-use tax", "元"),
    FIXED_ASSET_INVESTMENT("建设期固定资产投资", "fixed-asset investment in the build period", "万元");

    private final String nameZh;
    private final String nameEn;
    private final String unit;

    Quantity(String nameZh, String nameEn, String unit) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.unit = unit;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String unit() {
        return unit;
    }
}
