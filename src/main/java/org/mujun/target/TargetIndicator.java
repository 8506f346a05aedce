package org.mujun.target;

/**
 * What a target is set on (SPEC §8, issue #6): every total the system computes. Additive
 * indicators (counts and amounts) decompose province → city → county by sum; ratio indicators
 * (亩均税收 …) do not add up, so their children are not checked against the parent.
 */
public enum TargetIndicator {
    ENTERPRISES_REMEDIATED("整治提升企业数", "Enterprises remediated", "家", true, true),
    LAND_FREED_MU("腾出用地", "Land freed", "亩", true, true),
    ENERGY_FREED_TCE("腾出用能", "Energy freed", "tce", true, true),
    CO2_CUT_T("减少碳排放", "CO₂ cut", "t", true, true),
    TAX_PER_MU("规上亩均税收", "Tax per mu (above-scale)", "万元/亩", false, true),
    VALUE_ADDED_PER_MU("规上亩均增加值", "Value added per mu (above-scale)", "万元/亩", false, true),
    ENERGY_INTENSITY_CHANGE("单位工业增加值能耗变化", "Change in energy per unit of value added", "%", false, false),
    PROJECTS_LANDED("落地项目数", "Projects landed", "个", true, true),
    STANDARD_LAND_SHARE("新增工业用地标准地占比", "标准地 share of new industrial land", "%", false, true);

    private final String nameZh;
    private final String nameEn;
    private final String unit;
    private final boolean additive;
    private final boolean higherIsBetter;

    TargetIndicator(String nameZh, String nameEn, String unit, boolean additive, boolean higherIsBetter) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.unit = unit;
        this.additive = additive;
        this.higherIsBetter = higherIsBetter;
    }

    public String nameZh() { return nameZh; }
    public String nameEn() { return nameEn; }
    public String unit() { return unit; }
    /** Children's targets must add up to the parent's. */
    public boolean additive() { return additive; }
    /** False for indicators where a lower actual is the better one (energy intensity change). */
    public boolean higherIsBetter() { return higherIsBetter; }

    public static TargetIndicator parse(String s) {
        for (TargetIndicator t : values()) {
            if (t.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("未知指标 / unknown indicator '" + s + "'; one of " + java.util.Arrays.toString(values()));
    }
}
