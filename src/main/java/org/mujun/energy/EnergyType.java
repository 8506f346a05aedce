package org.mujun.energy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Energy carriers of the 能源 data set (SPEC §3, §4), each with its base unit (the unit the
 * coefficient tables use) and the units accepted in files with their factor to the base unit.
 * Electricity is its own data set (电力, kWh) and appears here for the coefficient tables.
 */
public enum EnergyType {
    ELECTRICITY("电力", "Electricity", "kWh", Map.of("kWh", BigDecimal.ONE, "万kWh", new BigDecimal("10000"), "MWh", new BigDecimal("1000"))),
    RAW_COAL("原煤", "Raw coal", "kg", mass()),
    COKE("焦炭", "Coke", "kg", mass()),
    CRUDE_OIL("原油", "Crude oil", "kg", mass()),
    FUEL_OIL("燃料油", "Fuel oil", "kg", mass()),
    GASOLINE("汽油", "Gasoline", "kg", mass()),
    KEROSENE("煤油", "Kerosene", "kg", mass()),
    DIESEL("柴油", "Diesel", "kg", mass()),
    LPG("液化石油气", "LPG", "kg", mass()),
    NATURAL_GAS("天然气", "Natural gas", "m3", Map.of("m3", BigDecimal.ONE, "m³", BigDecimal.ONE, "万m3", new BigDecimal("10000"), "万m³", new BigDecimal("10000"))),
    STEAM("蒸汽", "Steam", "kg", Map.of("t", new BigDecimal("1000"), "kg", BigDecimal.ONE)),
    HEAT("热力", "Heat", "MJ", Map.of("MJ", BigDecimal.ONE, "GJ", new BigDecimal("1000")));

    private final String nameZh;
    private final String nameEn;
    private final String baseUnit;
    private final Map<String, BigDecimal> units;

    EnergyType(String nameZh, String nameEn, String baseUnit, Map<String, BigDecimal> units) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.baseUnit = baseUnit;
        this.units = units;
    }

    private static Map<String, BigDecimal> mass() {
        return Map.of("t", new BigDecimal("1000"), "吨", new BigDecimal("1000"), "kg", BigDecimal.ONE);
    }

    public String nameZh() { return nameZh; }
    public String nameEn() { return nameEn; }
    public String baseUnit() { return baseUnit; }
    public java.util.Set<String> units() { return units.keySet(); }

    /** Quantity in the base unit; throws with a bilingual message for a unit this carrier does not take. */
    public BigDecimal toBase(BigDecimal quantity, String unit) {
        BigDecimal f = units.get(unit == null ? "" : unit.trim());
        if (f == null) {
            throw new IllegalArgumentException(nameZh + "的计量单位应为 " + units.keySet() + " / unit for " + nameEn + " must be one of " + units.keySet() + ", not '" + unit + "'");
        }
        return quantity.multiply(f);
    }

    /** Matches the code (RAW_COAL) or the Chinese name (原煤). */
    public static EnergyType parse(String s) {
        String v = s == null ? "" : s.trim();
        for (EnergyType t : values()) {
            if (t.name().equalsIgnoreCase(v) || t.nameZh.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("未知能源品种 / unknown energy type '" + s + "'");
    }
}
