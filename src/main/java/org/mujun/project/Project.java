package org.mujun.project;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.mujun.common.RegionCode;
import org.mujun.common.WanYuan;

/**
 * A project through its life (项目全周期, SPEC §7) as an aggregate with guarded transitions: each
 * {@code markXxx(date)} moves exactly one stage forward ({@link ProjectStage#requireMoveTo}) on a date
 * not before the previous stage's, and throws a bilingual message otherwise.
 */
public final class Project {

    private final String name;
    private final RegionCode region;
    private final WanYuan plannedInvestment;
    private WanYuan completedInvestment = WanYuan.ZERO;
    private ProjectStage stage = ProjectStage.ATTRACTING;
    private final EnumMap<ProjectStage, LocalDate> reachedOn = new EnumMap<>(ProjectStage.class);

    /** A project being attracted (招引) since {@code since}, with its planned total investment (万元). */
    public Project(String name, RegionCode region, WanYuan plannedInvestment, LocalDate since) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("项目名称为空 / the project name is empty");
        }
        this.name = name;
        this.region = Objects.requireNonNull(region, "region");
        if (plannedInvestment == null || plannedInvestment.value().signum() < 0) {
            throw new IllegalArgumentException("计划投资不能为空或负数 / planned investment must be given and not negative");
        }
        this.plannedInvestment = plannedInvestment;
        reachedOn.put(ProjectStage.ATTRACTING, Objects.requireNonNull(since, "since"));
    }

    /** Rebuilds a stored project: its stage, the date each stage was reached, completed investment. */
    public static Project restore(String name, RegionCode region, WanYuan planned, WanYuan completed, Map<ProjectStage, LocalDate> reachedOn) {
        if (reachedOn == null || !reachedOn.containsKey(ProjectStage.ATTRACTING)) {
            throw new IllegalArgumentException("缺少招引日期 / the date the project was first recorded is missing");
        }
        Project p = new Project(name, region, planned, reachedOn.get(ProjectStage.ATTRACTING));
        for (ProjectStage s : ProjectStage.values()) {
            if (s != ProjectStage.ATTRACTING && reachedOn.containsKey(s)) {
                p.advance(s, reachedOn.get(s));
            }
        }
        p.reportCompletedInvestment(completed);
        return p;
    }

    public Project markSigned(LocalDate on) {
        return advance(ProjectStage.SIGNED, on);
    }

    public Project markLanded(LocalDate on) {
        return advance(ProjectStage.LANDED, on);
    }

    public Project markStarted(LocalDate on) {
        return advance(ProjectStage.STARTED, on);
    }

    public Project markCompleted(LocalDate on) {
        return advance(ProjectStage.COMPLETED, on);
    }

    public Project markInProduction(LocalDate on) {
        return advance(ProjectStage.IN_PRODUCTION, on);
    }

    public Project markAtCapacity(LocalDate on) {
        return advance(ProjectStage.AT_CAPACITY, on);
    }

    /** The investment completed so far (累计完成投资, 万元); a correction may lower it. */
    public Project reportCompletedInvestment(WanYuan completed) {
        if (completed == null || completed.value().signum() < 0) {
            throw new IllegalArgumentException("完成投资不能为空或负数 / completed investment must be given and not negative");
        }
        this.completedInvestment = completed;
        return this;
    }

    private Project advance(ProjectStage to, LocalDate on) {
        Objects.requireNonNull(on, "date");
        stage.requireMoveTo(to, name);
        LocalDate previous = reachedOn.get(stage);
        if (on.isBefore(previous)) {
            throw new IllegalArgumentException("项目 " + name + " 的" + to.nameZh() + "日期 " + on + " 早于" + stage.nameZh() + "日期 " + previous
                    + " / project " + name + ": the " + to.name() + " date " + on + " is before the " + stage.name() + " date " + previous);
        }
        reachedOn.put(to, on);
        stage = to;
        return this;
    }

    public String name() {
        return name;
    }

    public RegionCode region() {
        return region;
    }

    public ProjectStage stage() {
        return stage;
    }

    public WanYuan plannedInvestment() {
        return plannedInvestment;
    }

    public WanYuan completedInvestment() {
        return completedInvestment;
    }

    /** The date each stage reached so far was reached. */
    public Map<ProjectStage, LocalDate> reachedOn() {
        return Collections.unmodifiableMap(new EnumMap<>(reachedOn));
    }

    /** The figures {@link ProjectStatistics} needs. */
    public ProjectStatistics.Item item() {
        return new ProjectStatistics.Item(region, stage, plannedInvestment, completedInvestment, reachedOn.get(ProjectStage.SIGNED),
                reachedOn.get(ProjectStage.LANDED));
    }
}
