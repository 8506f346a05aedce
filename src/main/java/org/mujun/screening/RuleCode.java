package org.mujun.screening;

/** The screening rules of SPEC §6 ("大数据筛选"), each switched on and parameterised per region and year. */
public enum RuleCode {
    /** 亩均税收 below a tier (default 3 / 5 / 10 万元/亩); the tier is the lowest threshold the value is below. */
    TAX_PER_MU("亩均税收低于档位", "tax per mu below a tier"),
    /** D class in the evaluation this year and the years before, N or more years in a row (default 2). */
    CLASS_D_CONSECUTIVE("连续评为D类", "class D in consecutive years"),
    /** 单位能耗增加值 below a share (default 50%) of the industry (国民经济行业大类) mean. */
    ENERGY_EFFICIENCY("单位能耗增加值低于行业均值比例", "value added per tce below a share of the industry mean"),
    /** 规下 enterprise on a large site (default ≥ 20 亩). */
    BELOW_SCALE_LARGE_LAND("规下企业用地较大", "below-scale enterprise on a large site"),
    /** In a 两高 industry (the industry set LIANGGAO). */
    LIANGGAO_INDUSTRY("两高行业", "two-high (energy, emissions) industry"),
    /** Not in any zone (开发区、工业园区、小微企业园、特色小镇). */
    OUTSIDE_ZONE("不在园区内", "outside any zone"),
    /** Revenue ≥ 1 亿 with 亩均税收 ≤ 10 万 in each of N years running (default 2). */
    HIGH_REVENUE_LOW_TAX("高营收低税收", "high revenue with low tax per mu");

    private final String nameZh;
    private final String nameEn;

    RuleCode(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
