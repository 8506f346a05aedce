package org.mujun.evaluation;

/** What a run is for: the region's evaluation (a published scheme version) or a trial of a draft or an alternative (试算). */
public enum RunKind {
    /** 正式评价: needs a published scheme version. */
    OFFICIAL("正式评价", "official"),
    /** 试算: any version, drafts included; never shown to enterprises. */
    WHAT_IF("试算", "what-if");

    private final String nameZh;
    private final String nameEn;

    RunKind(String nameZh, String nameEn) {
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
