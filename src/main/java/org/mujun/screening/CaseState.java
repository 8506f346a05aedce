package org.mujun.screening;

import java.util.Arrays;
import java.util.List;

/**
 * Where a screening case stands (SPEC §6). The only moves are the {@link CaseAction}s; {@link #apply} refuses any
 * other with a bilingual message naming what is allowed.
 * <pre>
 *   CANDIDATE ─confirm─▶ CONFIRMED ─list─▶ LISTED ─submitPlan─▶ PLAN_SUBMITTED ─approvePlan─▶ PLAN_APPROVED ─start─▶ REMEDIATING ─delist─▶ DELISTED
 *       │                 │    │                        ▲            │                          │                     │
 *     reject      returnToTown dismiss                  └ submitPlan ┴ returnPlan ▶ PLAN_RETURNED  └──── close / exit / merge ────┴─▶ CLOSED / EXITED / MERGED
 *       ▼                 ▼    ▼
 *   REJECTED        CANDIDATE  DISMISSED
 * </pre>
 */
public enum CaseState {
    CANDIDATE("候选（待属地核实）", "candidate (awaiting town verification)"),
    CONFIRMED("属地已核实（待县级复核）", "confirmed by the town (awaiting county review)"),
    REJECTED("属地核实排除", "rejected by the town"),
    DISMISSED("县级复核不列入", "not listed by the county"),
    LISTED("已列入清单（待编制方案）", "listed (plan to be drafted)"),
    PLAN_SUBMITTED("方案待审批", "plan awaiting approval"),
    PLAN_RETURNED("方案已退回", "plan returned"),
    PLAN_APPROVED("方案已批准", "plan approved"),
    REMEDIATING("整治中", "remediating"),
    DELISTED("达标销号", "delisted (remediated)"),
    CLOSED("关停", "closed"),
    EXITED("退出", "exited"),
    MERGED("兼并重组", "merged");

    private final String nameZh;
    private final String nameEn;

    CaseState(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** No move leaves these. */
    public boolean terminal() {
        return Arrays.stream(CaseAction.values()).noneMatch(a -> a.from().contains(this));
    }

    /** On the 《高耗低效企业清单》: listed and not yet off it. */
    public boolean onList() {
        return this == LISTED || this == PLAN_SUBMITTED || this == PLAN_RETURNED || this == PLAN_APPROVED || this == REMEDIATING;
    }

    /** Off the list by remediation or by leaving (counted as remediated in the totals). */
    public boolean remediated() {
        return this == DELISTED || this == CLOSED || this == EXITED || this == MERGED;
    }

    /** Ever listed (on the list now or remediated). */
    public boolean everListed() {
        return onList() || remediated();
    }

    /** The plan may be edited (drafted) in these states. */
    public boolean planEditable() {
        return this == LISTED || this == PLAN_RETURNED;
    }

    /** Milestone progress may be reported in these states. */
    public boolean progressOpen() {
        return this == PLAN_APPROVED || this == REMEDIATING;
    }

    /** The actions allowed from here. */
    public List<CaseAction> allowed() {
        return Arrays.stream(CaseAction.values()).filter(a -> a.from().contains(this)).toList();
    }

    /** The state after {@code action}, or IllegalTransitionException (409) when this state does not allow it. */
    public CaseState apply(CaseAction action) {
        if (!action.from().contains(this)) {
            List<CaseAction> ok = allowed();
            throw new org.mujun.evaluation.IllegalTransitionException("「" + nameZh + "」状态下不能" + action.nameZh() + "；可执行："
                    + (ok.isEmpty() ? "无（已办结）" : String.join("、", ok.stream().map(CaseAction::nameZh).toList()))
                    + " / cannot " + action.nameEn() + " a case that is " + nameEn + "; allowed: "
                    + (ok.isEmpty() ? "none (closed)" : String.join(", ", ok.stream().map(CaseAction::nameEn).toList())));
        }
        return action.to();
    }
}
