package org.mujun.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mujun.common.Mu;
import org.mujun.common.WanYuan;
import org.mujun.project.ZeroLandTechRules.EnterpriseClass;
import tools.jackson.databind.ObjectMapper;

/**
 * The stored and edited form of {@link ZeroLandTechRules} (Linhai 2022 by default). On the page the
 * tiers are lines of numbers ("1000 500 10 300": project ≥ 万元, equipment ≥ 万元, rate %, cap 万元;
 * "4 30": floors ≥, 元/m²; "A 60": class, 元/m²), parsed strictly and never evaluated.
 */
record ZeroLandRulesForm(List<Tier> equipmentTiers, Map<String, BigDecimal> classRates, BigDecimal classRewardCap, List<Floor> floorTiers,
                         BigDecimal floorRewardCap, String combination, BigDecimal combinedCap, Integer maxParcels, BigDecimal minParcelMu,
                         List<String> barredClasses) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Tier(BigDecimal minProjectInvestment, BigDecimal minEquipment, BigDecimal ratePercent, BigDecimal cap) {
    }

    record Floor(int minFloors, BigDecimal yuanPerM2) {
    }

    static ZeroLandRulesForm of(ZeroLandTechRules r) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        r.classRates().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rates.put(e.getKey().name(), e.getValue()));
        return new ZeroLandRulesForm(r.equipmentTiers().stream().map(t -> new Tier(t.minProjectInvestment().value(), t.minEquipment().value(),
                t.ratePercent(), t.cap().value())).toList(), rates, r.classRewardCap().value(),
                r.floorTiers().stream().map(t -> new Floor(t.minFloors(), t.yuanPerM2())).toList(), r.floorRewardCap().value(),
                r.combination().name(), r.combinedCap() == null ? null : r.combinedCap().value(), r.maxParcels(), r.minParcelArea().value(),
                r.barredClasses().stream().sorted().map(Enum::name).toList());
    }

    ZeroLandTechRules toRules() {
        if (equipmentTiers == null || floorTiers == null || classRates == null || classRewardCap == null || floorRewardCap == null
                || minParcelMu == null || combination == null || maxParcels == null) {
            throw new IllegalArgumentException("规则不完整 / the rules are incomplete");
        }
        Map<EnterpriseClass, BigDecimal> rates = new EnumMap<>(EnterpriseClass.class);
        classRates.forEach((k, v) -> rates.put(cls(k), v));
        Set<EnterpriseClass> barred = EnumSet.noneOf(EnterpriseClass.class);
        if (barredClasses != null) {
            barredClasses.forEach(c -> barred.add(cls(c)));
        }
        ZeroLandTechRules.Combination comb;
        try {
            comb = ZeroLandTechRules.Combination.valueOf(combination);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("合并方式应为 HIGHER 或 SUM / combination must be HIGHER or SUM");
        }
        return new ZeroLandTechRules(equipmentTiers.stream().map(t -> new ZeroLandTechRules.EquipmentTier(wan(t.minProjectInvestment()),
                wan(t.minEquipment()), t.ratePercent(), wan(t.cap()))).toList(), rates, new WanYuan(classRewardCap),
                floorTiers.stream().map(t -> new ZeroLandTechRules.FloorTier(t.minFloors(), t.yuanPerM2())).toList(), new WanYuan(floorRewardCap),
                comb, combinedCap == null ? null : new WanYuan(combinedCap), maxParcels, new Mu(minParcelMu), barred);
    }

    private static WanYuan wan(BigDecimal v) {
        if (v == null || v.signum() < 0) {
            throw new IllegalArgumentException("金额不能为空或负数 / amounts must be given and not negative");
        }
        return new WanYuan(v);
    }

    static EnterpriseClass cls(String s) {
        try {
            return EnterpriseClass.valueOf(s.trim().toUpperCase());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("企业类别应为 A、B、C 或 D / a class must be A, B, C or D: " + s);
        }
    }

    String toJson() {
        return JSON.writeValueAsString(of(toRules()));
    }

    static ZeroLandRulesForm fromJson(String json) {
        return JSON.readValue(json, ZeroLandRulesForm.class);
    }

    /** Lines of whitespace-separated numbers, each with {@code columns} values. */
    static List<BigDecimal[]> numberLines(String text, int columns, String what) {
        List<BigDecimal[]> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = 0;
        for (String raw : text.split("\\R")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("[\\s,，]+");
            if (p.length != columns) {
                throw new IllegalArgumentException(what + " 第 " + n + " 行应有 " + columns + " 个数：" + line + " / line " + n + " needs " + columns + " numbers");
            }
            BigDecimal[] v = new BigDecimal[columns];
            for (int i = 0; i < columns; i++) {
                try {
                    v[i] = new BigDecimal(p[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(what + " 第 " + n + " 行不是数字：" + line + " / line " + n + ": not a number");
                }
            }
            out.add(v);
        }
        return out;
    }

    public String tierLines() {
        StringBuilder b = new StringBuilder();
        for (Tier t : equipmentTiers) {
            b.append(p(t.minProjectInvestment())).append(' ').append(p(t.minEquipment())).append(' ').append(p(t.ratePercent())).append(' ')
                    .append(p(t.cap())).append('\n');
        }
        return b.toString();
    }

    public String floorLines() {
        StringBuilder b = new StringBuilder();
        for (Floor f : floorTiers) {
            b.append(f.minFloors()).append(' ').append(p(f.yuanPerM2())).append('\n');
        }
        return b.toString();
    }

    public String classLines() {
        StringBuilder b = new StringBuilder();
        classRates.forEach((k, v) -> b.append(k).append(' ').append(p(v)).append('\n'));
        return b.toString();
    }

    private static String p(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
