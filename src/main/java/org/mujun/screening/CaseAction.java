package org.mujun.screening;

import java.util.EnumSet;
import java.util.Set;

/**
 * The moves of a screening case (SPEC §6), who makes them and what each needs. Town moves (属地核实, drafting and
 * carrying out the plan) are made by the TOWN_OFFICER of the enterprise's town or an administrator above it; county
 * moves (review, listing, plan approval, 销号) by administrators only.
 */
public enum CaseAction {
    CONFIRM("属地核实确认", "confirm", EnumSet.of(CaseState.CANDIDATE), CaseState.CONFIRMED, Actor.TOWN, false, true),
    REJECT("属地核实排除", "reject", EnumSet.of(CaseState.CANDIDATE), CaseState.REJECTED, Actor.TOWN, true, false),
    RETURN_TO_TOWN("退回重新核实", "return to the town", EnumSet.of(CaseState.CONFIRMED), CaseState.CANDIDATE, Actor.COUNTY, true, false),
    LIST("列入清单", "list", EnumSet.of(CaseState.CONFIRMED), CaseState.LISTED, Actor.COUNTY, false, false),
    DISMISS("不列入清单", "dismiss", EnumSet.of(CaseState.CONFIRMED), CaseState.DISMISSED, Actor.COUNTY, true, false),
    SUBMIT_PLAN("提交方案", "submit the plan", EnumSet.of(CaseState.LISTED, CaseState.PLAN_RETURNED), CaseState.PLAN_SUBMITTED, Actor.TOWN, false, false),
    APPROVE_PLAN("批准方案", "approve the plan", EnumSet.of(CaseState.PLAN_SUBMITTED), CaseState.PLAN_APPROVED, Actor.COUNTY, false, false),
    RETURN_PLAN("退回方案", "return the plan", EnumSet.of(CaseState.PLAN_SUBMITTED), CaseState.PLAN_RETURNED, Actor.COUNTY, true, false),
    START("开始整治", "start remediation", EnumSet.of(CaseState.PLAN_APPROVED), CaseState.REMEDIATING, Actor.TOWN, false, false),
    DELIST("达标销号", "delist", EnumSet.of(CaseState.REMEDIATING), CaseState.DELISTED, Actor.COUNTY, false, false),
    CLOSE("关停销号", "close", EnumSet.of(CaseState.PLAN_APPROVED, CaseState.REMEDIATING), CaseState.CLOSED, Actor.COUNTY, true, true),
    EXIT("退出销号", "exit", EnumSet.of(CaseState.PLAN_APPROVED, CaseState.REMEDIATING), CaseState.EXITED, Actor.COUNTY, true, true),
    MERGE("兼并重组销号", "merge", EnumSet.of(CaseState.PLAN_APPROVED, CaseState.REMEDIATING), CaseState.MERGED, Actor.COUNTY, true, false);

    /** Who makes a move. */
    public enum Actor { TOWN, COUNTY }

    private final String nameZh;
    private final String nameEn;
    private final Set<CaseState> from;
    private final CaseState to;
    private final Actor actor;
    private final boolean needsReason;
    private final boolean needsEvidence;

    CaseAction(String nameZh, String nameEn, Set<CaseState> from, CaseState to, Actor actor, boolean needsReason, boolean needsEvidence) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.needsReason = needsReason;
        this.needsEvidence = needsEvidence;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Set<CaseState> from() {
        return EnumSet.copyOf(from);
    }

    public CaseState to() {
        return to;
    }

    public Actor actor() {
        return actor;
    }

    /** A written reason is required (rejections, returns, closure …). */
    public boolean needsReason() {
        return needsReason;
    }

    /** At least one evidence attachment is required (属地核实 confirmation, verified closure or exit). */
    public boolean needsEvidence() {
        return needsEvidence;
    }

    /** URL form: "approve-plan". */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static CaseAction parse(String s) {
        for (CaseAction a : values()) {
            if (a.name().equalsIgnoreCase(s) || a.slug().equalsIgnoreCase(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("未知操作 / unknown action '" + s + "'");
    }
}
