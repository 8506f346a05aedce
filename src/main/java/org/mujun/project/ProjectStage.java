package org.mujun.project;

/**
 * 项目全周期 (SPEC §7): 招引 → 签约 → 落地 → 开工 → 竣工 → 投产 → 达产, one step at a time.
 * {@link Project} moves through these with guarded transitions; {@link ProjectStatistics} counts
 * "at this stage or later" by the enum order.
 */
public enum ProjectStage {
    ATTRACTING("招引", "attracting"),
    SIGNED("签约", "signed"),
    LANDED("落地", "landed"),
    STARTED("开工", "construction started"),
    COMPLETED("竣工", "construction completed"),
    IN_PRODUCTION("投产", "in production"),
    AT_CAPACITY("达产", "at full capacity");

    private final String nameZh;
    private final String nameEn;

    ProjectStage(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The next stage, or null at 达产. */
    public ProjectStage next() {
        ProjectStage[] all = values();
        return ordinal() + 1 < all.length ? all[ordinal() + 1] : null;
    }

    /** This stage is {@code other} or comes after it. */
    public boolean atLeast(ProjectStage other) {
        return compareTo(other) >= 0;
    }

    /** Throws a bilingual message unless {@code to} is the stage right after this one. */
    public void requireMoveTo(ProjectStage to, String project) {
        if (to != next()) {
            String nextZh = next() == null ? "无（已达产）" : "「" + next().nameZh() + "」";
            String nextEn = next() == null ? "none (already at capacity)" : next().name();
            throw new IllegalArgumentException("项目 " + project + " 当前为「" + nameZh + "」，不能转为「" + to.nameZh() + "」，下一阶段应为" + nextZh
                    + " / project " + project + " is " + name() + " (" + nameEn + "); cannot move to " + to.name() + ", the next stage is " + nextEn);
        }
    }
}
