package org.mujun.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.mujun.common.RegionCode;
import org.mujun.common.WanYuan;

/**
 * Project figures (SPEC §7, 项目全周期), defined precisely:
 * <ul>
 * <li><b>population</b>: projects at {@link #countFrom} or later (default 签约 SIGNED: a project only being
 * attracted has no firm investment yet). The 亿元 counts and the investment figures are over the
 * population; {@code projects} and {@code byStage} count every item.</li>
 * <li><b>亿元项目</b>: planned investment ≥ {@link #yiYuan} (10,000 万元); <b>10亿元项目</b>: ≥
 * {@link #tenYiYuan} (100,000 万元). A 10亿元 project is also counted as a 亿元 project ("亿元以上").</li>
 * <li><b>落地率</b> = projects 落地 LANDED or later ÷ projects 签约 SIGNED or later × 100 (stages by the
 * current stage, which only moves forward); null when no project is signed.</li>
 * <li><b>投资完成率</b> = Σ completed investment ÷ Σ planned investment × 100 over the population; null
 * when Σ planned is 0. It may exceed 100 (overrun).</li>
 * </ul>
 * Percentages have 2 decimals, half-up. Groups are region-code prefixes ({@link #byRegion}).
 *
 * @param countFrom first stage of the population
 * @param yiYuan    亿元 threshold (万元)
 * @param tenYiYuan 10亿元 threshold (万元)
 */
public record ProjectStatistics(ProjectStage countFrom, BigDecimal yiYuan, BigDecimal tenYiYuan) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public ProjectStatistics {
        Objects.requireNonNull(countFrom, "countFrom");
        if (yiYuan == null || tenYiYuan == null || yiYuan.signum() <= 0 || tenYiYuan.compareTo(yiYuan) < 0) {
            throw new IllegalArgumentException("亿元/10亿元门槛须为正且递增 / the 亿元 and 10亿元 thresholds must be positive and increasing");
        }
    }

    public static ProjectStatistics defaults() {
        return new ProjectStatistics(ProjectStage.SIGNED, new BigDecimal("10000"), new BigDecimal("100000"));
    }

    /** One project's figures: region, current stage, planned and completed investment, signing and landing dates. */
    public record Item(RegionCode region, ProjectStage stage, WanYuan planned, WanYuan completed, LocalDate signedOn, LocalDate landedOn) {
        public Item {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(planned, "planned");
            Objects.requireNonNull(completed, "completed");
        }
    }

    /** The figures of one group. */
    public record Figures(String group, int projects, Map<ProjectStage, Integer> byStage, int population, int signed, int landed,
                          BigDecimal landingRatePercent, int yiYuanProjects, int tenYiYuanProjects, WanYuan planned, WanYuan completed,
                          BigDecimal completionRatePercent) {
        public Figures {
            byStage = Collections.unmodifiableMap(new EnumMap<>(byStage));
        }
    }

    /** Figures of all items together, labelled {@code group}. */
    public Figures compute(String group, Collection<Item> items) {
        EnumMap<ProjectStage, Integer> byStage = new EnumMap<>(ProjectStage.class);
        for (ProjectStage s : ProjectStage.values()) {
            byStage.put(s, 0);
        }
        int population = 0;
        int signed = 0;
        int landed = 0;
        int yi = 0;
        int tenYi = 0;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal completed = BigDecimal.ZERO;
        for (Item i : items) {
            byStage.merge(i.stage(), 1, Integer::sum);
            if (i.stage().atLeast(ProjectStage.SIGNED)) {
                signed++;
            }
            if (i.stage().atLeast(ProjectStage.LANDED)) {
                landed++;
            }
            if (!i.stage().atLeast(countFrom)) {
                continue;
            }
            population++;
            BigDecimal p = i.planned().value();
            if (p.compareTo(yiYuan) >= 0) {
                yi++;
            }
            if (p.compareTo(tenYiYuan) >= 0) {
                tenYi++;
            }
            planned = planned.add(p);
            completed = completed.add(i.completed().value());
        }
        return new Figures(group, items.size(), byStage, population, signed, landed, percent(landed, signed), yi, tenYi,
                new WanYuan(planned), new WanYuan(completed), planned.signum() == 0 ? null
                : completed.multiply(HUNDRED).divide(planned, 2, RoundingMode.HALF_UP));
    }

    /**
     * Figures per region prefix of {@code prefixLength} digits (e.g. 6 groups towns by county), sorted
     * by prefix. A region code shorter than the length is its own group.
     */
    public List<Figures> byRegion(Collection<Item> items, int prefixLength) {
        if (prefixLength < 1) {
            throw new IllegalArgumentException("分组位数必须为正 / the prefix length must be positive");
        }
        Map<String, List<Item>> groups = new TreeMap<>();
        for (Item i : items) {
            String code = i.region().value();
            groups.computeIfAbsent(code.substring(0, Math.min(prefixLength, code.length())), k -> new java.util.ArrayList<>()).add(i);
        }
        return groups.entrySet().stream().map(e -> compute(e.getKey(), e.getValue())).toList();
    }

    /** Figures for each given region (items whose region code starts with it), in the order given. */
    public List<Figures> forRegions(Collection<Item> items, List<RegionCode> regions) {
        Map<String, Figures> out = new LinkedHashMap<>();
        for (RegionCode r : regions) {
            Predicate<Item> inside = i -> r.contains(i.region());
            out.put(r.value(), compute(r.value(), items.stream().filter(inside).toList()));
        }
        return List.copyOf(out.values());
    }

    /** Items signed within [from, to] (both inclusive), e.g. a year's 签约 projects. */
    public static List<Item> signedBetween(Collection<Item> items, LocalDate from, LocalDate to) {
        return items.stream().filter(i -> i.signedOn() != null && !i.signedOn().isBefore(from) && !i.signedOn().isAfter(to)).toList();
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
