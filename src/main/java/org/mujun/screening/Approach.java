package org.mujun.screening;

/** 一企一方案 approaches (SPEC §6). */
public enum Approach {
    UPGRADE("改造提升", "upgrade"),
    MERGER("兼并重组", "merger and restructuring"),
    REVITALISE("回收盘活/流转", "reclaim and revitalise / transfer"),
    RELOCATE("集聚入园/搬迁入园", "move into a zone"),
    VACATE("整体腾退", "vacate the site"),
    SHUTDOWN("关停退出", "shut down and exit"),
    COMPLIANCE("合规整改", "compliance rectification");

    private final String nameZh;
    private final String nameEn;

    Approach(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Approach parse(String s) {
        for (Approach a : values()) {
            if (a.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("请选择整治方式 / choose an approach: one of " + java.util.Arrays.toString(values()));
    }
}
