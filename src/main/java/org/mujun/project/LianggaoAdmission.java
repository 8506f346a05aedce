package org.mujun.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mujun.common.IndustryCode;
import org.mujun.common.Tce;
import org.mujun.common.WanYuan;

/**
 * 两高 project admission (SPEC §7): a new project's energy intensity (单位能耗 = annual energy use tce ÷
 * output 万元) must not exceed the admission standard, and in industries with a capacity-replacement
 * rule (产能置换) the capacity it retires must be at least the required ratio × its new capacity.
 * Both standards are data: a default intensity (0.52 tce/万元) and per-industry values keyed by
 * GB/T 4754 code prefix (the longest matching prefix wins), and a replacement ratio per industry prefix.
 * <p>
 * The comparisons are exact (energy ≤ limit × output; replaced ≥ ratio × new), so a project exactly
 * at the standard is admitted. "Output" is whatever the county's standard is written against
 * (工业增加值 or 产值), in 万元. Whether the project is 两高 is decided by the 两高 set members
 * (industry prefixes, e.g. {@code C3011}) given by the caller from the {@code LIANGGAO} industry set.
 *
 * @param defaultMaxIntensity        tce/万元 for industries without their own value
 * @param maxIntensityByIndustry     industry prefix → tce/万元
 * @param replacementRatioByIndustry industry prefix → required replaced : new capacity (1.5 means 1.5:1)
 */
public record LianggaoAdmission(BigDecimal defaultMaxIntensity, Map<String, BigDecimal> maxIntensityByIndustry,
                                Map<String, BigDecimal> replacementRatioByIndustry) {

    public LianggaoAdmission {
        if (defaultMaxIntensity == null || defaultMaxIntensity.signum() <= 0) {
            throw new IllegalArgumentException("能耗准入标准必须为正 / the energy-intensity standard must be positive");
        }
        maxIntensityByIndustry = checked(maxIntensityByIndustry, "能耗准入标准 / intensity standard");
        replacementRatioByIndustry = checked(replacementRatioByIndustry, "产能置换比例 / replacement ratio");
    }

    /**
     * Shipped sample: 0.52 tce/万元 for every industry; capacity replacement 1.5:1 for 钢铁 (C31, 炼铁/炼钢
     * in an air-pollution key region such as the Yangtze River Delta), 水泥熟料 (C3011) and 平板玻璃 (C3041),
     * 1:1 for 电解铝 (C3216). Check them against the current national 产能置换实施办法 before use.
     */
    public static LianggaoAdmission defaults() {
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        ratios.put("C31", new BigDecimal("1.5"));
        ratios.put("C3011", new BigDecimal("1.5"));
        ratios.put("C3041", new BigDecimal("1.5"));
        ratios.put("C3216", BigDecimal.ONE);
        return new LianggaoAdmission(new BigDecimal("0.52"), Map.of(), ratios);
    }

    /** Capacity the project adds and the capacity it retires (产能置换), in the industry's unit (e.g. 万吨/年). */
    public record Capacity(BigDecimal newCapacity, BigDecimal replacedCapacity, String unit) {
        public Capacity {
            if (newCapacity == null || newCapacity.signum() < 0 || replacedCapacity == null || replacedCapacity.signum() < 0) {
                throw new IllegalArgumentException("产能不能为空或负数 / capacities must be given and not negative");
            }
            unit = unit == null ? "" : unit;
        }
    }

    /** The project applying: industry, annual energy use (tce), annual output (万元), capacity (may be null). */
    public record Application(String name, IndustryCode industry, Tce annualEnergy, WanYuan annualOutput, Capacity capacity) {
        public Application {
            Objects.requireNonNull(industry, "industry");
            if (annualEnergy == null || annualEnergy.value().signum() < 0) {
                throw new IllegalArgumentException("年综合能耗不能为空或负数 / annual energy use must be given and not negative");
            }
            if (annualOutput == null || annualOutput.value().signum() < 0) {
                throw new IllegalArgumentException("产出不能为空或负数 / output must be given and not negative");
            }
        }
    }

    public enum Verdict {
        ADMIT("准入", "admit"),
        REJECT("不予准入", "reject");

        private final String nameZh;
        private final String nameEn;

        Verdict(String nameZh, String nameEn) {
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

    /**
     * The decision with its figures: intensity (tce/万元, 4 decimals, null without output), the
     * standard applied and the prefix it came from (null = default), the replacement ratio required
     * (null when none), whether the project is 两高, and every reason for a rejection.
     */
    public record Decision(Verdict verdict, boolean lianggao, BigDecimal intensity, BigDecimal maxIntensity, String standardPrefix,
                           BigDecimal requiredReplacementRatio, BigDecimal requiredReplacedCapacity, List<String> reasons) {
        public Decision {
            reasons = List.copyOf(reasons);
        }

        public boolean admitted() {
            return verdict == Verdict.ADMIT;
        }
    }

    /** Decides one project; {@code lianggaoPrefixes} are the members of the 两高 industry set. */
    public Decision decide(Application p, Collection<String> lianggaoPrefixes) {
        Objects.requireNonNull(p, "application");
        String code = p.industry().value();
        boolean lianggao = lianggaoPrefixes != null && lianggaoPrefixes.stream().anyMatch(code::startsWith);
        List<String> reasons = new ArrayList<>();

        String stdPrefix = longestPrefix(maxIntensityByIndustry, code);
        BigDecimal max = stdPrefix == null ? defaultMaxIntensity : maxIntensityByIndustry.get(stdPrefix);
        BigDecimal energy = p.annualEnergy().value();
        BigDecimal output = p.annualOutput().value();
        BigDecimal intensity = null;
        if (output.signum() == 0) {
            reasons.add("产出为零，无法计算单位能耗 / output is zero: energy intensity cannot be computed");
        } else {
            intensity = energy.divide(output, 4, RoundingMode.HALF_UP);
            if (energy.compareTo(max.multiply(output)) > 0) {
                reasons.add("单位能耗 " + intensity.toPlainString() + " tce/万元（" + energy.toPlainString() + " tce ÷ " + output.toPlainString()
                        + " 万元）高于准入标准 " + max.toPlainString() + " tce/万元 / energy intensity " + intensity.toPlainString()
                        + " tce/万元 is above the standard of " + max.toPlainString() + " tce/万元");
            }
        }

        String ratioPrefix = longestPrefix(replacementRatioByIndustry, code);
        BigDecimal ratio = ratioPrefix == null ? null : replacementRatioByIndustry.get(ratioPrefix);
        BigDecimal required = null;
        if (ratio != null) {
            Capacity c = p.capacity();
            if (c == null) {
                reasons.add("行业 " + ratioPrefix + " 须按 " + ratio.toPlainString() + ":1 产能置换，未提供置换方案 / industry " + ratioPrefix
                        + " requires capacity replacement at " + ratio.toPlainString() + ":1; no replacement was given");
            } else {
                required = c.newCapacity().multiply(ratio);
                if (c.replacedCapacity().compareTo(required) < 0) {
                    reasons.add("置换产能 " + c.replacedCapacity().toPlainString() + c.unit() + " 少于 " + ratio.toPlainString() + " × 新增产能 "
                            + c.newCapacity().toPlainString() + c.unit() + " = " + required.toPlainString() + c.unit() + " / replaced capacity "
                            + c.replacedCapacity().toPlainString() + " " + c.unit() + " is less than " + ratio.toPlainString() + " × new capacity "
                            + c.newCapacity().toPlainString() + " = " + required.toPlainString() + " " + c.unit());
                }
            }
        }
        return new Decision(reasons.isEmpty() ? Verdict.ADMIT : Verdict.REJECT, lianggao, intensity, max, stdPrefix, ratio, required, reasons);
    }

    /** The longest key of {@code m} that {@code code} starts with, or null. */
    static String longestPrefix(Map<String, ?> m, String code) {
        String best = null;
        for (String prefix : m.keySet()) {
            if (code.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best;
    }

    private static Map<String, BigDecimal> checked(Map<String, BigDecimal> m, String what) {
        if (m == null) {
            return Map.of();
        }
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : m.entrySet()) {
            String prefix = IndustryCode.of(e.getKey()).value(); // "3011" → "C3011"
            if (e.getValue() == null || e.getValue().signum() <= 0) {
                throw new IllegalArgumentException(what + " " + e.getKey() + " 必须为正 / must be positive");
            }
            out.put(prefix, e.getValue());
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
