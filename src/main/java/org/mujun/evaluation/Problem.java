package org.mujun.evaluation;

/**
 * One thing wrong with a scheme, at a field path such as {@code populations[0].indicators[2].weight}.
 */
public record Problem(String path, String messageZh, String messageEn) {

    /** "populations[0].indicators[2].weight: 权重须为非负数 / weight must be ≥ 0" */
    public String message() {
        return path + ": " + messageZh + " / " + messageEn;
    }

    @Override
    public String toString() {
        return message();
    }
}
