package org.mujun.energy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 碳效码 (SPEC §4, Huzhou method DB33/T 1347-2023), pure.
 * <ul>
 * <li>Carbon intensity L = CO₂ (t) / 工业增加值 (万元), t/万元; level 低碳 when L ≤ 0.6, 中碳 when L ≤ 2.0, else 高碳.</li>
 * <li>Industry average L̄ = Σ CO₂ / Σ 工业增加值 over the enterprises of the same industry and year with data (CO₂
 * present and value added &gt; 0): the aggregate, not the mean of the enterprises' L.</li>
 * <li>K = L / L̄; grade 1 when K ≤ 0.6, 2 when ≤ 0.8, 3 when ≤ 1.2, 4 when ≤ 2.0, else 5.</li>
 * </ul>
 * Every comparison is exact (cross-multiplied in decimal: K ≤ t ⇔ CO₂ × ΣVA ≤ t × VA × ΣCO₂), so a value
 * exactly on a boundary falls in the lower band; L, L̄ and K are reported rounded half-up to 4 decimals.
 * Thresholds and colours are data ({@link Config}).
 */
public final class CarbonEfficiency {

    public static final int SCALE = 4;

    public enum Level {
        LOW("低碳", "low carbon"),
        MEDIUM("中碳", "medium carbon"),
        HIGH("高碳", "high carbon");

        private final String nameZh;
        private final String nameEn;

        Level(String nameZh, String nameEn) {
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
     * @param levelMax     upper bounds (含) of 低碳 and 中碳, ascending: [0.6, 2.0]
     * @param gradeMax     upper bounds (含) of grades 1–4, ascending: [0.6, 0.8, 1.2, 2.0]
     * @param levelColours 3 colours (低碳, 中碳, 高碳)
     * @param gradeColours 5 colours (grade 1 … 5)
     */
    public record Config(List<BigDecimal> levelMax, List<BigDecimal> gradeMax, List<String> levelColours, List<String> gradeColours) {
        public static final Config DEFAULT = new Config(
                List.of(new BigDecimal("0.6"), new BigDecimal("2.0")),
                List.of(new BigDecimal("0.6"), new BigDecimal("0.8"), new BigDecimal("1.2"), new BigDecimal("2.0")),
                List.of("#1a9641", "#fdae61", "#d7191c"),
                List.of("#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c"));

        /** Bilingual problems, empty when valid. */
        public List<String> validate() {
            List<String> p = new ArrayList<>();
            if (levelMax == null || levelMax.size() != 2 || !ascendingPositive(levelMax)) {
                p.add("碳效等级阈值须为两个递增的正数 / level thresholds must be two ascending positive numbers");
            }
            if (gradeMax == null || gradeMax.size() != 4 || !ascendingPositive(gradeMax)) {
                p.add("碳效码阈值须为四个递增的正数 / grade thresholds must be four ascending positive numbers");
            }
            if (levelColours == null || levelColours.size() != 3 || !colours(levelColours)) {
                p.add("须为三个等级各设一种颜色（#RRGGBB）/ three level colours (#RRGGBB) are needed");
            }
            if (gradeColours == null || gradeColours.size() != 5 || !colours(gradeColours)) {
                p.add("须为五级碳效码各设一种颜色（#RRGGBB）/ five grade colours (#RRGGBB) are needed");
            }
            return p;
        }

        private static boolean ascendingPositive(List<BigDecimal> v) {
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i) == null || v.get(i).signum() <= 0 || (i > 0 && v.get(i).compareTo(v.get(i - 1)) <= 0)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean colours(List<String> c) {
            return c.stream().allMatch(s -> s != null && s.matches("#[0-9a-fA-F]{6}"));
        }
    }

    /** One enterprise-year: CO₂ (t, from its carbon account) and 工业增加值 (万元); either may be null. */
    public record Input(String uscc, String industry, BigDecimal co2Tonnes, BigDecimal valueAddedWan) {
    }

    /**
     * The result; intensity, level, k and grade are null without data (CO₂ missing or value added not
     * positive). k is null too when the industry average is 0 (then every member has L = 0: grade 1).
     */
    public record Result(String uscc, String industry, BigDecimal intensity, Level level, String levelColour, BigDecimal industryAverage,
                         BigDecimal k, Integer grade, String gradeColour) {
    }

    private CarbonEfficiency() {
    }

    /** Grades every input against its industry's average (industries as given, e.g. the 大类 code C26). */
    public static List<Result> evaluate(List<Input> inputs, Config config) {
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (Input in : inputs) {
            if (hasData(in)) {
                BigDecimal[] s = sums.computeIfAbsent(in.industry(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(in.co2Tonnes());
                s[1] = s[1].add(in.valueAddedWan());
            }
        }
        List<Result> out = new ArrayList<>(inputs.size());
        for (Input in : inputs) {
            BigDecimal[] s = sums.get(in.industry());
            BigDecimal avg = s == null ? null : s[0].divide(s[1], SCALE, RoundingMode.HALF_UP);
            if (!hasData(in)) {
                out.add(new Result(in.uscc(), in.industry(), null, null, null, avg, null, null, null));
                continue;
            }
            BigDecimal co2 = in.co2Tonnes();
            BigDecimal va = in.valueAddedWan();
            Level level = level(co2, va, config);
            int grade = grade(co2, va, s[0], s[1], config);
            BigDecimal k = s[0].signum() == 0 ? null : co2.multiply(s[1]).divide(va.multiply(s[0]), SCALE, RoundingMode.HALF_UP);
            out.add(new Result(in.uscc(), in.industry(), co2.divide(va, SCALE, RoundingMode.HALF_UP), level,
                    config.levelColours().get(level.ordinal()), avg, k, grade, config.gradeColours().get(grade - 1)));
        }
        return out;
    }

    private static boolean hasData(Input in) {
        return in.co2Tonnes() != null && in.co2Tonnes().signum() >= 0 && in.valueAddedWan() != null && in.valueAddedWan().signum() > 0;
    }

    /** L ≤ t ⇔ CO₂ ≤ t × VA (VA &gt; 0). */
    static Level level(BigDecimal co2, BigDecimal va, Config c) {
        if (co2.compareTo(c.levelMax().get(0).multiply(va)) <= 0) {
            return Level.LOW;
        }
        if (co2.compareTo(c.levelMax().get(1).multiply(va)) <= 0) {
            return Level.MEDIUM;
        }
        return Level.HIGH;
    }

    /** K ≤ t ⇔ (CO₂/VA) ≤ t × (ΣCO₂/ΣVA) ⇔ CO₂ × ΣVA ≤ t × VA × ΣCO₂. */
    static int grade(BigDecimal co2, BigDecimal va, BigDecimal sumCo2, BigDecimal sumVa, Config c) {
        BigDecimal left = co2.multiply(sumVa);
        BigDecimal right = va.multiply(sumCo2);
        for (int g = 0; g < 4; g++) {
            if (left.compareTo(c.gradeMax().get(g).multiply(right)) <= 0) {
                return g + 1;
            }
        }
        return 5;
    }
}
