package org.mujun.project;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The stored and edited form of {@link LianggaoAdmission}: the default standard (tce/万元) and, per
 * GB/T 4754 prefix, an own standard and a capacity-replacement ratio. On the page both maps are
 * edited as lines "C3011 1.5" (prefix, blank, number): parsed strictly, never evaluated.
 */
record LianggaoRulesForm(BigDecimal defaultMaxIntensity, Map<String, BigDecimal> maxIntensityByIndustry,
                         Map<String, BigDecimal> replacementRatioByIndustry) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LianggaoRulesForm of(LianggaoAdmission a) {
        return new LianggaoRulesForm(a.defaultMaxIntensity(), new LinkedHashMap<>(a.maxIntensityByIndustry()),
                new LinkedHashMap<>(a.replacementRatioByIndustry()));
    }

    LianggaoAdmission toRules() {
        return new LianggaoAdmission(defaultMaxIntensity, maxIntensityByIndustry, replacementRatioByIndustry);
    }

    String toJson() {
        return JSON.writeValueAsString(of(toRules()));
    }

    static LianggaoRulesForm fromJson(String json) {
        return JSON.readValue(json, LianggaoRulesForm.class);
    }

    /** "C26 0.5" lines → map; blank lines and lines starting with # are skipped. */
    static Map<String, BigDecimal> parseLines(String text, String what) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        if (text == null) {
            return m;
        }
        int n = 0;
        for (String raw : text.split("\\R")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("[\\s=:，,]+");
            if (p.length != 2) {
                throw new IllegalArgumentException(what + " 第 " + n + " 行应为「行业代码 数值」：" + line + " / line " + n + " must be 'industry-code number'");
            }
            try {
                m.put(p[0].toUpperCase(), new BigDecimal(p[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " 第 " + n + " 行数值错误：" + line + " / line " + n + ": not a number");
            }
        }
        return m;
    }

    static String lines(Map<String, BigDecimal> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(k).append(' ').append(v.stripTrailingZeros().toPlainString()).append('\n'));
        return b.toString();
    }
}
