package org.mujun.energy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Pure energy and carbon accounting (SPEC §4): quantities of each carrier → base unit
 * ({@link EnergyType#toBase}) → tce (kgce per base unit / 1000) and t CO₂ (kg per base unit / 1000).
 * Each line is rounded half-up to {@value #SCALE} decimals and the totals are the sums of the
 * rounded lines, so a county official can add the lines up and get the total.
 */
public final class EnergyAccounting {

    public static final int SCALE = 4;
    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    private EnergyAccounting() {
    }

    /** Coefficients of one carrier per base unit: kgce (折标准煤系数) and kg CO₂ (排放因子). */
    public record Factor(BigDecimal kgcePerUnit, BigDecimal co2KgPerUnit) {
    }

    /** One version of the coefficient table. */
    public record Table(int version, Map<EnergyType, Factor> factors) {
        public Table {
            factors = Map.copyOf(factors);
        }

        public Factor factor(EnergyType type) {
            Factor f = factors.get(type);
            if (f == null) {
                throw new IllegalArgumentException("系数表第 " + version + " 版缺少 " + type.nameZh() + " / coefficient table version "
                        + version + " lacks " + type.nameEn());
            }
            return f;
        }
    }

    /** A quantity as delivered: carrier, amount and unit (t, 万m3, GJ …). */
    public record Quantity(EnergyType type, BigDecimal quantity, String unit) {
    }

    public record Line(EnergyType type, BigDecimal quantity, String unit, BigDecimal baseQuantity,
                       BigDecimal kgcePerUnit, BigDecimal co2KgPerUnit, BigDecimal tce, BigDecimal co2Tonnes) {
    }

    public record Result(int version, List<Line> lines, BigDecimal totalTce, BigDecimal totalCo2Tonnes) {
        public Line line(EnergyType type) {
            return lines.stream().filter(l -> l.type() == type).findFirst().orElse(null);
        }

        /** t CO₂ per 万元 (of value added or revenue); null when the denominator is missing or zero. */
        public BigDecimal co2Intensity(BigDecimal wanYuan) {
            return divide(totalCo2Tonnes, wanYuan);
        }

        /** tce per 万元; null when the denominator is missing or zero. */
        public BigDecimal tceIntensity(BigDecimal wanYuan) {
            return divide(totalTce, wanYuan);
        }
    }

    /**
     * Accounts one enterprise-year.
     *
     * @param quantities      fuels and other carriers (an ELECTRICITY entry is accepted too)
     * @param electricityKwh  electricity from the 电力 data set, or null
     * @param electricityKgce kgce per kWh overriding the table (等价值), or null for the table's 当量值
     */
    public static Result account(List<Quantity> quantities, BigDecimal electricityKwh, BigDecimal electricityKgce, Table table) {
        List<Quantity> all = new ArrayList<>(quantities);
        if (electricityKwh != null) {
            all.add(new Quantity(EnergyType.ELECTRICITY, electricityKwh, "kWh"));
        }
        List<Line> lines = new ArrayList<>();
        BigDecimal tce = BigDecimal.ZERO.setScale(SCALE);
        BigDecimal co2 = BigDecimal.ZERO.setScale(SCALE);
        for (Quantity q : all) {
            if (q.quantity().signum() < 0) {
                throw new IllegalArgumentException(q.type().nameZh() + "用量不能为负 / quantity of " + q.type().nameEn() + " must not be negative");
            }
            Factor f = table.factor(q.type());
            BigDecimal kgce = q.type() == EnergyType.ELECTRICITY && electricityKgce != null ? electricityKgce : f.kgcePerUnit();
            BigDecimal base = q.type().toBase(q.quantity(), q.unit());
            BigDecimal lineTce = base.multiply(kgce).divide(THOUSAND, SCALE, RoundingMode.HALF_UP);
            BigDecimal lineCo2 = base.multiply(f.co2KgPerUnit()).divide(THOUSAND, SCALE, RoundingMode.HALF_UP);
            lines.add(new Line(q.type(), q.quantity(), q.unit(), base, kgce, f.co2KgPerUnit(), lineTce, lineCo2));
            tce = tce.add(lineTce);
            co2 = co2.add(lineCo2);
        }
        lines.sort(java.util.Comparator.comparing(Line::type));
        return new Result(table.version(), List.copyOf(lines), tce, co2);
    }

    /**
     * Checks a table before it is saved: every carrier present, kgce factors positive, CO₂ factors
     * not negative (0 means "not set"). Returns bilingual problems, empty when valid.
     */
    public static List<String> validate(Map<EnergyType, Factor> factors) {
        List<String> problems = new ArrayList<>();
        for (EnergyType t : EnergyType.values()) {
            Factor f = factors.get(t);
            if (f == null || f.kgcePerUnit() == null || f.co2KgPerUnit() == null) {
                problems.add(t.nameZh() + "：缺少系数 / " + t.nameEn() + ": coefficient missing");
                continue;
            }
            if (f.kgcePerUnit().signum() <= 0) {
                problems.add(t.nameZh() + "：折标准煤系数必须为正数 / " + t.nameEn() + ": kgce factor must be a positive number");
            }
            if (f.co2KgPerUnit().signum() < 0) {
                problems.add(t.nameZh() + "：CO₂ 排放因子不能为负 / " + t.nameEn() + ": CO₂ factor must not be negative");
            }
            if (f.kgcePerUnit().compareTo(new BigDecimal("100000")) > 0 || f.co2KgPerUnit().compareTo(new BigDecimal("100000")) > 0) {
                problems.add(t.nameZh() + "：系数超出合理范围 / " + t.nameEn() + ": factor out of range");
            }
        }
        return problems;
    }

    /** Convenience for tests and callers building a table. */
    public static Map<EnergyType, Factor> factors() {
        return new EnumMap<>(EnergyType.class);
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.divide(b, SCALE, RoundingMode.HALF_UP);
    }
}
