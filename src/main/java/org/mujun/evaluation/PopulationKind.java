package org.mujun.evaluation;

/** The lists a scheme evaluates separately (SPEC §5 "Populations"). */
public enum PopulationKind {
    ABOVE("规上企业", "above designated size"),
    BELOW("规下企业（用地3亩及以上）", "below designated size, 3 mu or more"),
    BELOW_SMALL("规下企业（用地不足3亩）", "below designated size, under 3 mu"),
    TENANT("租赁企业", "tenant enterprises");

    /** 规下 enterprises on at least this much land (含) belong to {@link #BELOW}. */
    public static final double BELOW_MIN_MU = 3.0;

    private final String nameZh;
    private final String nameEn;

    PopulationKind(String nameZh, String nameEn) {
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
