package org.mujun.evaluation;

/**
 * Where a run stands (evaluation_run.status; the codes are rows of evaluation_run_status) and the only
 * moves between the states (SPEC §5 "Publish"), each a guarded method that returns the next state or
 * refuses with {@link IllegalTransitionException}:
 * <pre>
 *   COMPUTED ──publicize──▶ PUBLICIZING ──toFinal──▶ FINAL
 *                               │                      │
 *                               └──────supersede───────┴──▶ SUPERSEDED
 * </pre>
 * A database trigger (V75) refuses any other change of the column as well.
 */
public enum RunStatus {
    /** Computed and stored; seen by officials only. */
    COMPUTED("已计算", "computed", false),
    /** 公示: enterprises see their result and may object until the deadline. */
    PUBLICIZING("公示中", "publicizing", true),
    /** 定稿: the result stands; the measures follow it. */
    FINAL("已定稿", "final", true),
    /** Replaced by a corrected run (after an accepted objection); kept for history. */
    SUPERSEDED("已被替代", "superseded", true);

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

    /**
     * Whether an ENTERPRISE account may see its own result and explanation in a run in this state: once
     * published, always (a superseded run stays readable as history). The whole rule, with the run kind,
     * is {@link EvaluationRuns#visibleToEnterprise}.
     */
    public boolean visibleToEnterprises() {
        return visibleToEnterprises;
    }

    /** PUBLICIZING or FINAL: the run that stands for its region and year. */
    public boolean published() {
        return this == PUBLICIZING || this == FINAL;
    }

    /** Objections are filed only while the run is publicised (and until the deadline). */
    public boolean acceptsObjections() {
        return this == PUBLICIZING;
    }

    /** 公示: only a computed official run. */
    public RunStatus publicize(RunKind kind) {
        if (kind != RunKind.OFFICIAL) {
            throw new IllegalTransitionException("试算结果不能公示，只有正式评价可以公示 / a what-if run cannot be publicised; only an official run can");
        }
        if (this != COMPUTED) {
            throw refused("公示", "publicised", "只有“已计算”的评价可以公示", "only a computed run can be");
        }
        return PUBLICIZING;
    }

    /** 定稿: only a publicised run (the caller checks that no objection is open and the window has closed). */
    public RunStatus toFinal() {
        if (this != PUBLICIZING) {
            throw refused("定稿", "finalized", "只有“公示中”的评价可以定稿", "only a publicised run can be");
        }
        return FINAL;
    }

    /** Replaced by a corrected run: only a published run (publicised or final). */
    public RunStatus supersede() {
        if (!published()) {
            throw refused("被替代", "superseded", "只有“公示中”或“已定稿”的评价可以被新的评价替代",
                    "only a publicised or final run can be");
        }
        return SUPERSEDED;
    }

    private IllegalTransitionException refused(String actionZh, String actionEn, String ruleZh, String ruleEn) {
        return new IllegalTransitionException("评价状态为“" + nameZh + "”，不能" + actionZh + "；" + ruleZh + " / the run is " + nameEn
                + " and cannot be " + actionEn + ": " + ruleEn + " " + actionEn);
    }
}
