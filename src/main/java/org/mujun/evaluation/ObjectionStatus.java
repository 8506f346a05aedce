package org.mujun.evaluation;

/**
 * Where an objection (异议) stands: filed OPEN, then decided once, by an administrator of the run's
 * region. The moves are guarded methods; a decided objection never changes (a trigger refuses it too).
 */
public enum ObjectionStatus {
    /** Filed, waiting for the county's decision. */
    OPEN("待处理", "open"),
    /** Accepted: the data is corrected through ingestion and a re-run supersedes the run. */
    ACCEPTED("已采纳", "accepted"),
    /** Rejected with a reason the enterprise sees. */
    REJECTED("已驳回", "rejected");

    private final String nameZh;
    private final String nameEn;

    ObjectionStatus(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public ObjectionStatus accept() {
        requireOpen("采纳", "accepted");
        return ACCEPTED;
    }

    /** Rejecting needs a reason (the enterprise is told why). */
    public ObjectionStatus reject(String reason) {
        requireOpen("驳回", "rejected");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("驳回异议须填写理由 / a rejection needs a reason");
        }
        return REJECTED;
    }

    private void requireOpen(String zh, String en) {
        if (this != OPEN) {
            throw new IllegalTransitionException("该异议已处理（" + nameZh + "），不能再" + zh + " / the objection was already decided (" + nameEn
                    + ") and cannot be " + en);
        }
    }
}
