package org.mujun.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.energy.EnergyAccounting.Factor;
import org.mujun.energy.EnergyAccounting.Quantity;
import org.mujun.energy.EnergyAccounting.Result;
import org.mujun.energy.EnergyAccounting.Table;

/** Hand-worked conversions from the SPEC §4 defaults. */
class EnergyAccountingUnitTest {

    static Table specDefaults() {
        Map<EnergyType, Factor> m = EnergyAccounting.factors();
        m.put(EnergyType.ELECTRICITY, f("0.1229", "0.5366"));
        m.put(EnergyType.RAW_COAL, f("0.7143", "1.9003"));
        m.put(EnergyType.COKE, f("0.9714", "2.8604"));
        m.put(EnergyType.CRUDE_OIL, f("1.4286", "3.0202"));
        m.put(EnergyType.FUEL_OIL, f("1.4286", "3.1705"));
        m.put(EnergyType.GASOLINE, f("1.4714", "2.9251"));
        m.put(EnergyType.KEROSENE, f("1.4714", "3.0179"));
        m.put(EnergyType.DIESEL, f("1.4571", "3.0959"));
        m.put(EnergyType.LPG, f("1.7143", "3.1013"));
        m.put(EnergyType.NATURAL_GAS, f("1.2143", "2.1622"));
        m.put(EnergyType.STEAM, f("0.128291", "0.4136"));
        m.put(EnergyType.HEAT, f("0.03412", "0.11"));
        return new Table(1, m);
    }

    static Factor f(String kgce, String co2) {
        return new Factor(new BigDecimal(kgce), new BigDecimal(co2));
    }

    static Quantity q(EnergyType t, String qty, String unit) {
        return new Quantity(t, new BigDecimal(qty), unit);
    }

    @Test
    void hundredTonnesOfRawCoal() {
        // 100 t = 100,000 kg × 0.7143 kgce/kg = 71,430 kgce = 71.43 tce; × 1.9003 kg/kg = 190.03 t CO₂
        Result r = EnergyAccounting.account(List.of(q(EnergyType.RAW_COAL, "100", "t")), null, null, specDefaults());
        assertThat(r.totalTce()).isEqualByComparingTo("71.43");
        assertThat(r.totalCo2Tonnes()).isEqualByComparingTo("190.03");
        assertThat(r.line(EnergyType.RAW_COAL).baseQuantity()).isEqualByComparingTo("100000");
    }

    @Test
    void oneMillionKwh() {
        // 1,000,000 kWh × 0.1229 = 122,900 kgce = 122.9 tce; × 0.5366 = 536.6 t CO₂
        Result r = EnergyAccounting.account(List.of(), new BigDecimal("1000000"), null, specDefaults());
        assertThat(r.totalTce()).isEqualByComparingTo("122.9");
        assertThat(r.totalCo2Tonnes()).isEqualByComparingTo("536.6");
    }

    @Test
    void equivalentValueOverridesOnlyTheElectricityTce() {
        // 等价值 0.3 kgce/kWh (a province's figure): 1,000,000 kWh → 300 tce; CO₂ unchanged 536.6 t
        Result r = EnergyAccounting.account(List.of(), new BigDecimal("1000000"), new BigDecimal("0.3"), specDefaults());
        assertThat(r.totalTce()).isEqualByComparingTo("300");
        assertThat(r.totalCo2Tonnes()).isEqualByComparingTo("536.6");
    }

    @Test
    void naturalGasInTenThousandCubicMetres() {
        // 12 万m³ = 120,000 m³ × 1.2143 = 145,716 kgce = 145.716 tce; × 2.1622 = 259,464 kg = 259.464 t
        Result r = EnergyAccounting.account(List.of(q(EnergyType.NATURAL_GAS, "12", "万m3")), null, null, specDefaults());
        assertThat(r.totalTce()).isEqualByComparingTo("145.716");
        assertThat(r.totalCo2Tonnes()).isEqualByComparingTo("259.464");
    }

    @Test
    void heatInGigajoules() {
        // 500 GJ = 500,000 MJ × 0.03412 = 17,060 kgce = 17.06 tce; × 0.11 kg/MJ = 55,000 kg = 55 t
        Result r = EnergyAccounting.account(List.of(q(EnergyType.HEAT, "500", "GJ")), null, null, specDefaults());
        assertThat(r.totalTce()).isEqualByComparingTo("17.06");
        assertThat(r.totalCo2Tonnes()).isEqualByComparingTo("55");
    }

    @Test
    void linesAreRoundedHalfUpAndTotalsAreTheirSum() {
        // diesel 1 kg: 1.4571 kgce → 0.0014571 tce → 0.0015 (half-up, 4 dp); CO₂ 3.0959 kg → 0.0031 t
        // gasoline 2.5 t: 2,500 × 1.4714 = 3,678.5 kgce → 3.6785 tce; × 2.9251 = 7,312.75 kg → 7.3128 t (half-up)
        Result r = EnergyAccounting.account(List.of(q(EnergyType.DIESEL, "1", "kg"), q(EnergyType.GASOLINE, "2.5", "t")),
                null, null, specDefaults());
        assertThat(r.line(EnergyType.DIESEL).tce()).isEqualByComparingTo("0.0015");
        assertThat(r.line(EnergyType.DIESEL).co2Tonnes()).isEqualByComparingTo("0.0031");
        assertThat(r.line(EnergyType.GASOLINE).tce()).isEqualByComparingTo("3.6785");
        assertThat(r.line(EnergyType.GASOLINE).co2Tonnes()).isEqualByComparingTo("7.3128");
        assertThat(r.totalTce()).isEqualByComparingTo("3.68");
        assertThat(r.totalCo2Tonnes()).isEqualByComparingTo("7.3159");
    }

    @Test
    void mixedEnterpriseYearAndIntensity() {
        // 100 t coal 71.43 + 1,000,000 kWh 122.9 = 194.33 tce; CO₂ 190.03 + 536.6 = 726.63 t
        // per 1,000 万元 value added: 0.7266 t/万元 (726.63 / 1000 = 0.72663 → 0.7266)
        Result r = EnergyAccounting.account(List.of(q(EnergyType.RAW_COAL, "100", "吨")), new BigDecimal("1000000"), null, specDefaults());
        assertThat(r.totalTce()).isEqualByComparingTo("194.33");
        assertThat(r.totalCo2Tonnes()).isEqualByComparingTo("726.63");
        assertThat(r.co2Intensity(new BigDecimal("1000"))).isEqualByComparingTo("0.7266");
        assertThat(r.tceIntensity(BigDecimal.ZERO)).isNull();
        assertThat(r.version()).isEqualTo(1);
    }

    @Test
    void steamInTonnes() {
        // 10 t = 10,000 kg × 0.128291 = 1,282.91 kgce = 1.2829 tce (half-up of 1.28291)
        Result r = EnergyAccounting.account(List.of(q(EnergyType.STEAM, "10", "t")), null, null, specDefaults());
        assertThat(r.totalTce()).isEqualByComparingTo("1.2829");
        assertThat(r.totalCo2Tonnes()).isEqualByComparingTo("4.136");
    }

    @Test
    void wrongUnitAndNegativeQuantityAreRefused() {
        assertThatThrownBy(() -> EnergyAccounting.account(List.of(q(EnergyType.NATURAL_GAS, "1", "t")), null, null, specDefaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("天然气");
        assertThatThrownBy(() -> EnergyAccounting.account(List.of(q(EnergyType.DIESEL, "-1", "t")), null, null, specDefaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void validationNamesEveryProblem() {
        Map<EnergyType, Factor> m = EnergyAccounting.factors();
        m.putAll(specDefaults().factors());
        m.remove(EnergyType.COKE);
        m.put(EnergyType.DIESEL, f("0", "3.0959"));
        m.put(EnergyType.LPG, f("1.7143", "-1"));
        List<String> problems = EnergyAccounting.validate(m);
        assertThat(problems).hasSize(3);
        assertThat(problems).anyMatch(p -> p.contains("焦炭") && p.contains("missing"));
        assertThat(problems).anyMatch(p -> p.contains("柴油") && p.contains("positive"));
        assertThat(problems).anyMatch(p -> p.contains("液化石油气") && p.contains("negative"));
        assertThat(EnergyAccounting.validate(specDefaults().factors())).isEmpty();
    }
}
