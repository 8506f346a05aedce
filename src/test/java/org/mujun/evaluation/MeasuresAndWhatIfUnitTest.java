package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mujun.evaluation.Fixtures.uscc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.evaluation.DifferentiatedMeasures.EnterpriseMeasures;
import org.mujun.evaluation.DifferentiatedMeasures.MeasureList;
import org.mujun.evaluation.Measures.ClassMeasures;
import org.mujun.evaluation.Measures.Surcharge;
import org.mujun.evaluation.Measures.Utility;
import org.mujun.evaluation.RegionStatistics.RegionFigures;
import org.mujun.evaluation.Scheme.ClassRule;
import org.mujun.evaluation.WhatIf.Comparison;
import org.mujun.evaluation.WhatIf.Grade;

/** Differentiated measures, what-if comparison and region statistics on the {@link Fixtures} population. */
class MeasuresAndWhatIfUnitTest {

    /** Classes by score: E01 A, E02 A, E03–E07 B, E08 C, E09 C, E10 D; E11, E12 exempt; E13 closed. */
    static List<EnterpriseInput> withUse() {
        List<EnterpriseInput> in = new ArrayList<>();
        for (EnterpriseInput e : Fixtures.inputs()) {
            int n = Integer.parseInt(e.uscc().substring(15, 17));
            // kWh = n × 100,000; water = n × 1,000 m³; gas = n × 500 m³; land-use tax = n × 10,000 元; energy n × 100 tce
            in.add(e.toBuilder().kwh(n * 100_000.0).set(Quantity.WATER, n * 1_000.0).set(Quantity.GAS, n * 500.0)
                    .set(Quantity.LAND_USE_TAX, n * 10_000.0).energy(n * 100.0).build());
        }
        return in;
    }

    @Test
    void defaultSurchargesPerClass() {
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), withUse());
        MeasureList m = DifferentiatedMeasures.compute(res, Map.of());
        // C: E08 800,000 kWh × 0.1 = 80,000.00 元; E09 900,000 × 0.1 = 90,000.00; D: E10 1,000,000 × 0.3 = 300,000.00
        assertThat(m.of(uscc(8)).surchargeYuan()).isEqualByComparingTo("80000.00");
        assertThat(m.of(uscc(9)).surchargeYuan()).isEqualByComparingTo("90000.00");
        assertThat(m.of(uscc(10)).surchargeYuan()).isEqualByComparingTo("300000.00");
        assertThat(m.of(uscc(1))).isNull();   // A has no measures in the default
        assertThat(m.surchargeTotal()).isEqualByComparingTo("470000.00");
        assertThat(m.surchargeTotals().get(Utility.ELECTRICITY)).isEqualByComparingTo("470000.00");
        assertThat(m.forUtility(Utility.ELECTRICITY)).extracting(EnterpriseMeasures::uscc).containsExactly(uscc(8), uscc(9), uscc(10));
    }

    @Test
    void risingWithConsecutiveYearsHighestOnlyTaxAndQuotas() {
        Measures measures = new Measures(true, List.of(
                new ClassMeasures(EvaluationClass.D, List.of(
                        new Surcharge(Utility.ELECTRICITY, 0.3, 0.1, 0.5),
                        new Surcharge(Utility.WATER, 1.0, 0, null),
                        new Surcharge(Utility.GAS, 0.5, 0, null)), null, -20.0, -10.0),
                new ClassMeasures(EvaluationClass.A, List.of(), 50.0, 10.0, null),
                new ClassMeasures(EvaluationClass.B, List.of(), 10.0, null, null)));
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), withUse());
        // E10 is D with D in 2021 and 2020, B in 2019: 3 consecutive years → rate 0.3 + 0.1 × 2 = 0.5 元/kWh (= the maximum)
        MeasureList m = DifferentiatedMeasures.compute(measures, res,
                Map.of(uscc(10), List.of(EvaluationClass.D, EvaluationClass.D, EvaluationClass.B)));
        EnterpriseMeasures e10 = m.of(uscc(10));
        assertThat(e10.consecutiveYears()).isEqualTo(3);
        // electricity 1,000,000 × 0.5 = 500,000; water 10,000 m³ × 1 = 10,000; gas 5,000 × 0.5 = 2,500: highest only → electricity
        assertThat(e10.lines()).extracting(l -> l.utility() + " " + l.rate().stripTrailingZeros().toPlainString() + " " + l.amountYuan() + " " + l.applied())
                .containsExactly("ELECTRICITY 0.5 500000.00 true", "WATER 1 10000.00 false", "GAS 0.5 2500.00 false");
        assertThat(e10.surchargeYuan()).isEqualByComparingTo("500000.00");
        // quotas: energy 1,000 tce × −20 % = −200 tce; emissions 1.9 t × −10 % = −0.19 t
        assertThat(e10.energyQuotaChangeTce()).isEqualByComparingTo("-200");
        assertThat(e10.emissionQuotaChangeT()).isEqualByComparingTo("-0.19");
        // 4 consecutive years would give 0.6, held at the maximum 0.5
        assertThat(DifferentiatedMeasures.compute(measures, res, Map.of(uscc(10), List.of(EvaluationClass.D, EvaluationClass.D, EvaluationClass.D)))
                .of(uscc(10)).lines().get(0).rate()).isEqualByComparingTo("0.5");
        // A: land-use tax reduced 50 %: E01 10,000 × 50 % = 5,000; E02 20,000 × 50 % = 10,000; energy grant +10 %
        assertThat(m.of(uscc(1)).landUseTaxReductionYuan()).isEqualByComparingTo("5000.00");
        assertThat(m.of(uscc(2)).energyQuotaChangeTce()).isEqualByComparingTo("20");
        // B 10 %: E03–E07 (30k+40k+50k+60k+70k) × 10 % = 25,000 and the exempt E11, E12 (managed as B): (110k + 120k) × 10 % = 23,000
        assertThat(m.of(uscc(11)).measureClass()).isEqualTo(EvaluationClass.B);
        assertThat(m.landUseTaxReductionTotal()).isEqualByComparingTo("63000.00");   // 5,000 + 10,000 + 25,000 + 23,000
        assertThat(m.forTaxBureau()).hasSize(9);
        assertThat(m.of(uscc(13))).isNull();                                             // closed: not evaluated
    }

    @Test
    void whatIfMatrixMoversAndCharges() {
        List<EnterpriseInput> in = withUse();
        Enterprises inputs = Enterprises.of(in);
        EvaluationResult published = Evaluation.run(Fixtures.scheme(), inputs);
        // draft: shares A 10, B 60, C 10, D 20 → N = 10: A 1, D 2, C 1, B 6
        // published E01 E02 | E04 E03 E05 E06 E07 | E08 E09 | E10 → draft E01 | E02 E04 E03 E05 E06 E07 | E08 | E09 E10
        Scheme.Population p = Fixtures.scheme().populations().get(0);
        EvaluationResult draft = Evaluation.run(Fixtures.scheme().withPopulations(List.of(p.withClassRule(ClassRule.shares(10, 60, 10, 20)))), inputs);
        Comparison c = WhatIf.compare(published, draft);
        assertThat(c.count(Grade.A, Grade.A)).isEqualTo(1);
        assertThat(c.count(Grade.A, Grade.B)).isEqualTo(1);
        assertThat(c.count(Grade.B, Grade.B)).isEqualTo(5);
        assertThat(c.count(Grade.C, Grade.C)).isEqualTo(1);
        assertThat(c.count(Grade.C, Grade.D)).isEqualTo(1);
        assertThat(c.count(Grade.D, Grade.D)).isEqualTo(1);
        assertThat(c.count(Grade.EXEMPT, Grade.EXEMPT)).isEqualTo(2);
        assertThat(c.count(Grade.NOT_EVALUATED, Grade.NOT_EVALUATED)).isEqualTo(1);
        assertThat(java.util.Arrays.stream(c.matrix()).flatMapToInt(java.util.Arrays::stream).sum()).isEqualTo(13);
        assertThat(c.moves()).extracting(WhatIf.Move::uscc, WhatIf.Move::from, WhatIf.Move::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(uscc(2), Grade.A, Grade.B),
                org.assertj.core.groups.Tuple.tuple(uscc(9), Grade.C, Grade.D));
        // E09: 900,000 kWh × 0.1 = 90,000 → × 0.3 = 270,000: +180,000 元
        WhatIf.Move e9 = c.moves().get(1);
        assertThat(e9.chargeFromYuan()).isEqualByComparingTo("90000.00");
        assertThat(e9.chargeToYuan()).isEqualByComparingTo("270000.00");
        assertThat(c.chargeFromYuan()).isEqualByComparingTo("470000.00");
        assertThat(c.chargeToYuan()).isEqualByComparingTo("650000.00");
        assertThat(c.chargeChangeYuan()).isEqualByComparingTo("180000.00");
    }

    @Test
    void regionStatisticsAreAggregates() {
        List<EnterpriseInput> in = new ArrayList<>(withUse());
        // employees: E01 100, E02 50, the others none: 全员劳动生产率 = (450 + 400) / 150 = 5.6667 over the two reporting (town 001 has only E02)
        in.set(0, in.get(0).toBuilder().employees(100.0).build());
        in.set(1, in.get(1).toBuilder().employees(50.0).build());
        EvaluationResult res = Evaluation.run(Fixtures.scheme(), in);
        List<RegionFigures> towns = RegionStatistics.byPrefix(res, 9);
        // even numbers in town 331003001 (E02 E04 E06 E08 E10 E12), odd in 331003002 (E01 E03 E05 E07 E09 E11 E13)
        RegionFigures t1 = towns.get(0);
        assertThat(t1.region()).isEqualTo("331003001");
        // 规上 operating with land in town 001: E02 E04 E06 E08 E10 E12 (exempt E12 included): Σtax 160+120+100+50+10+0 = 440 over 60 亩
        assertThat(t1.aboveCount()).isEqualTo(6);
        assertThat(t1.taxPerMu()).isCloseTo(440 / 60.0, EvaluationUnitTest.EPS);
        // classes graded in town 001: E02 A, E04 B, E06 B, E08 C, E10 D → A 20 %
        assertThat(t1.classCounts()).containsEntry(EvaluationClass.A, 1).containsEntry(EvaluationClass.B, 2);
        assertThat(t1.classShares().get(EvaluationClass.A)).isEqualTo(20.0);
        assertThat(t1.exempt()).isEqualTo(1);
        assertThat(t1.labourProductivity()).isCloseTo(400 / 50.0, EvaluationUnitTest.EPS);
        RegionFigures county = RegionStatistics.byPrefix(res, 6).get(0);
        // county: Σtax over the 11 operating (E13 closed): 1000 + 5000 + 0 = 6000 over 120 亩 = 50; productivity (450 + 400) / 150
        assertThat(county.region()).isEqualTo("331003");
        assertThat(county.taxPerMu()).isCloseTo(50, EvaluationUnitTest.EPS);
        assertThat(county.labourProductivity()).isCloseTo(850 / 150.0, EvaluationUnitTest.EPS);
        // 单位能耗增加值: ΣVA / Σtce over those with both: energy n × 100 for n = 1..12 → VA 3000 + 9000 + 0 = 12,000 / 7,800 tce
        assertThat(county.valueAddedPerTce()).isCloseTo(12_000 / 7_800.0, EvaluationUnitTest.EPS);
        assertThat(RegionStatistics.yearOnYear(40.0, 50.0)).isEqualTo(25.0);
        assertThat(RegionStatistics.yearOnYear(0.0, 50.0)).isNull();
        assertThat(county.classCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(BigDecimal.valueOf(county.classShares().get(EvaluationClass.D))).isEqualByComparingTo("10.0");
    }
}
