package org.mujun.evaluation;

/**
 * Where a run stands (evaluation_run.status; the codes are rows of evaluation_run_status, so a later
 * step adds a state by inserting its row and a constant here). Today a run is only computed; the
 * publication workflow (公示 → 异议 → 定稿, superseded by a corrected run) adds its states and the
 * guarded transitions.
 */
public enum RunStatus {
    /** Computed and stored; seen by officials only. */
    COMPUTED("已计算", "computed", false);

    private final String nameZh;
    private final String nameEn;
    private final boolean visibleToEnterprises;

    RunStatus(String nameZh, String nameEn, boolean visibleToEnterprises) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.visibleToEnterprises = visibleToEnterprises;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** Whether an ENTERPRISE account may see its own result and explanation in a run in this state. */
    public boolean visibleToEnterprises() {
        return visibleToEnterprises;
    }
}
