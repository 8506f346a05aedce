package org.mujun.evaluation;

/** The four classes of SPEC §5, best first. */
public enum EvaluationClass {
    A("优先支持", "priority support"),
    B("鼓励提升", "encouraged to improve"),
    C("调整转型", "adjust and transform"),
    D("整治淘汰", "remediate or exit");

    private final String nameZh;
    private final String nameEn;

    EvaluationClass(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** "B 鼓励提升" */
    public String label() {
        return name() + " " + nameZh;
    }

    /** The next better class, or null for A. */
    public EvaluationClass better() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    public boolean betterThan(EvaluationClass other) {
        return ordinal() < other.ordinal();
    }
}
