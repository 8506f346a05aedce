package org.mujun.common;

/**
 * The department data sets of SPEC §3, plus enterprise and lease master data. A DATA_PROVIDER
 * account and its API tokens are limited to a set of these names.
 */
public enum DatasetType {
    ENTERPRISE("企业名录", "Enterprise register", "市场监管/经信"),
    TAX("税务", "Tax", "税务"),
    STATS("统计", "Statistics", "统计"),
    ELECTRICITY("电力", "Electricity", "供电"),
    ENERGY("能源", "Energy", "发改/能源"),
    EMISSIONS("环保排放", "Emissions", "生态环境"),
    LAND("土地（地块）", "Land parcels", "资规"),
    LEASE("租赁", "Leases", "资规/经信"),
    EVENTS("事件", "Events", "应急/生态环境/信用");

    private final String nameZh;
    private final String nameEn;
    private final String department;

    DatasetType(String nameZh, String nameEn, String department) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.department = department;
    }

    public String nameZh() { return nameZh; }
    public String nameEn() { return nameEn; }
    public String department() { return department; }

    /** Case-insensitive lookup with a clear message. */
    public static DatasetType parse(String s) {
        for (DatasetType t : values()) {
            if (t.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("未知数据集 / unknown data set '" + s + "'; one of " + java.util.Arrays.toString(values()));
    }
}
