package org.mujun.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decomposition check (SPEC §8: targets "decomposed province → city → county"): for an additive
 * indicator the children's targets must add up to the parent's exactly. Ratio indicators (亩均税收 …)
 * are not summed: a child may be above or below its parent. Plain Java, no Spring.
 */
public final class Decomposition {

    public enum Status {
        /** Σ children = parent. */
        MATCHES,
        /** Σ children &lt; parent: the parent's target is not fully handed down. */
        SHORT,
        /** Σ children &gt; parent. */
        OVER,
        /** The parent has no target, or no child has one: nothing to compare. */
        NOT_SET,
        /** A ratio indicator: children are not summed. */
        NOT_ADDITIVE
    }

    /**
     * @param parentTarget the parent's target (null when not set)
     * @param childSum     Σ of the children's targets that are set
     * @param difference   childSum − parentTarget (negative: short, positive: over); null unless compared
     * @param missing      children (codes) without a target, in the order given
     * @param values       the children's targets that are set, by code
     */
    public record Result(TargetIndicator indicator, Status status, BigDecimal parentTarget, BigDecimal childSum, BigDecimal difference,
                         List<String> missing, Map<String, BigDecimal> values, boolean ok, String message) {

        Result(TargetIndicator indicator, Status status, BigDecimal parentTarget, BigDecimal childSum, BigDecimal difference,
               List<String> missing, Map<String, BigDecimal> values) {
            this(indicator, status, parentTarget, childSum, difference, missing, values,
                    status == Status.MATCHES || status == Status.NOT_ADDITIVE || status == Status.NOT_SET,
                    message(indicator, status, parentTarget, childSum, difference, missing));
        }

        /** A clear bilingual message: what adds up to what and the difference. */
        static String message(TargetIndicator indicator, Status status, BigDecimal parentTarget, BigDecimal childSum, BigDecimal difference,
                              List<String> missing) {
            String unit = indicator.unit();
            String missingText = missing.isEmpty() ? "" : "；未分解到：" + String.join("、", missing) + " / not yet set for: " + String.join(", ", missing);
            return switch (status) {
                case MATCHES -> indicator.nameZh() + "：下级目标合计 " + plain(childSum) + " " + unit + " 等于上级目标 / children add up to the parent's "
                        + plain(parentTarget) + missingText;
                case SHORT -> indicator.nameZh() + "：下级目标合计 " + plain(childSum) + " " + unit + "，少于上级目标 " + plain(parentTarget) + " " + unit
                        + "，差 " + plain(difference.negate()) + " " + unit + " / children add up to " + plain(childSum) + ", "
                        + plain(difference.negate()) + " short of the parent's " + plain(parentTarget) + missingText;
                case OVER -> indicator.nameZh() + "：下级目标合计 " + plain(childSum) + " " + unit + "，超过上级目标 " + plain(parentTarget) + " " + unit
                        + "，多 " + plain(difference) + " " + unit + " / children add up to " + plain(childSum) + ", "
                        + plain(difference) + " more than the parent's " + plain(parentTarget) + missingText;
                case NOT_SET -> indicator.nameZh() + "：" + (parentTarget == null ? "上级未设目标 / the parent has no target" : "下级未分解 / no child target set");
                case NOT_ADDITIVE -> indicator.nameZh() + "：比率指标，不按合计校验 / a ratio: children are not summed";
            };
        }
    }

    private Decomposition() {
    }

    /**
     * Checks the children's targets against the parent's.
     *
     * @param children every child region (codes, in display order), whether or not it has a target
     * @param targets  the children's targets that are set, by code (others are missing)
     */
    public static Result check(TargetIndicator indicator, BigDecimal parentTarget, List<String> children, Map<String, BigDecimal> targets) {
        Objects.requireNonNull(indicator, "indicator");
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (String c : children) {
            BigDecimal v = targets.get(c);
            if (v == null) {
                missing.add(c);
            } else {
                values.put(c, v);
                sum = sum.add(v);
            }
        }
        if (!indicator.additive()) {
            return new Result(indicator, Status.NOT_ADDITIVE, parentTarget, null, null, List.copyOf(missing), values);
        }
        if (parentTarget == null || values.isEmpty()) {
            return new Result(indicator, Status.NOT_SET, parentTarget, sum, null, List.copyOf(missing), values);
        }
        BigDecimal diff = sum.subtract(parentTarget);
        Status s = diff.signum() == 0 ? Status.MATCHES : diff.signum() < 0 ? Status.SHORT : Status.OVER;
        return new Result(indicator, s, parentTarget, sum, diff, List.copyOf(missing), values);
    }

    static String plain(BigDecimal b) {
        return b == null ? "—" : b.stripTrailingZeros().toPlainString();
    }
}
