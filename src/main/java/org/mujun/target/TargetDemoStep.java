package org.mujun.target;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.common.DemoScenarioStep;
import org.mujun.region.Regions;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * The targets of the demo (SPEC §8's figures): the province's 2022 targets (5,000 enterprises remediated,
 * 5 万亩 and 120 万 tce freed) and, for every demo county, Linhai's 2023 targets (亩均税收 20.3 万, 亩均增加值
 * 101.4 万, 1,000 enterprises, 4,500 亩, 5 万 tce, 10 万 t CO₂), for the demo's last year and the year after;
 * each city's additive targets are the sum of its demo counties' (so the decomposition check shows the
 * province's share not yet handed down). Then the December snapshot of the last year for the province.
 */
@Component
class TargetDemoStep implements DemoScenarioStep {

    static final Map<TargetIndicator, BigDecimal> PROVINCE = Map.of(TargetIndicator.ENTERPRISES_REMEDIATED, new BigDecimal("5000"),
            TargetIndicator.LAND_FREED_MU, new BigDecimal("50000"), TargetIndicator.ENERGY_FREED_TCE, new BigDecimal("1200000"));
    static final Map<TargetIndicator, BigDecimal> COUNTY = Map.of(TargetIndicator.TAX_PER_MU, new BigDecimal("20.3"),
            TargetIndicator.VALUE_ADDED_PER_MU, new BigDecimal("101.4"), TargetIndicator.ENTERPRISES_REMEDIATED, new BigDecimal("1000"),
            TargetIndicator.LAND_FREED_MU, new BigDecimal("4500"), TargetIndicator.ENERGY_FREED_TCE, new BigDecimal("50000"),
            TargetIndicator.CO2_CUT_T, new BigDecimal("100000"));

    private final Targets targets;
    private final TargetSnapshots snapshots;
    private final Regions regions;

    TargetDemoStep(Targets targets, TargetSnapshots snapshots, Regions regions) {
        this.targets = targets;
        this.snapshots = snapshots;
        this.regions = regions;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String name() {
        return "targets: SPEC §8 figures for the province and the demo counties, December snapshot";
    }

    @Override
    public String play(List<String> counties, int lastYear) {
        Scope scope = Scope.system("33");
        int set = 0;
        for (int year : new int[]{lastYear, lastYear + 1}) {
            for (var e : PROVINCE.entrySet()) {
                set += put(scope, "33", e.getKey(), year, e.getValue());
            }
            Map<String, Map<TargetIndicator, BigDecimal>> cities = new LinkedHashMap<>();
            for (String county : counties) {
                if (!regions.exists(county)) {
                    continue;
                }
                for (var e : COUNTY.entrySet()) {
                    set += put(scope, county, e.getKey(), year, e.getValue());
                    if (e.getKey().additive()) {
                        cities.computeIfAbsent(county.substring(0, 4), k -> new EnumMap<>(TargetIndicator.class)).merge(e.getKey(), e.getValue(), BigDecimal::add);
                    }
                }
            }
            for (var c : cities.entrySet()) {
                for (var e : c.getValue().entrySet()) {
                    set += put(scope, c.getKey(), e.getKey(), year, e.getValue());
                }
            }
        }
        String snap = "";
        YearMonth december = YearMonth.of(lastYear, 12);
        if (snapshots.find(scope, "33", lastYear, 12).isEmpty() && !december.atDay(1).isAfter(java.time.LocalDate.now(TargetBoard.CHINA))) {
            snapshots.take(scope, "33", december, TargetSnapshots.Kind.ON_DEMAND, "demo");
            snap = ", snapshot " + december;
        }
        return set + " targets set" + snap;
    }

    /** Sets a target unless one exists (the demo never overwrites an official's target). */
    private int put(Scope scope, String region, TargetIndicator i, int year, BigDecimal value) {
        if (targets.find(scope, region, i, year).isPresent()) {
            return 0;
        }
        targets.set(scope, region, i, year, value, "演示 demo (SPEC §8)", "demo", null);
        return 1;
    }
}
