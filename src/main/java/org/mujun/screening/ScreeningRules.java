package org.mujun.screening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The screening rules of one region and year, as data (SPEC §6): which rules are on and their thresholds.
 * An enterprise becomes a candidate when at least {@code minHits} enabled rules fire.
 *
 * @param taxTiers         亩均税收 tiers in 万元/亩, ascending (default 3, 5, 10); fires below the highest
 * @param classDYears      consecutive D years that fire (default 2)
 * @param energyShare      share of the industry mean of 单位能耗增加值 below which the rule fires (default 0.5)
 * @param belowScaleMu     规下 on at least this many 亩 fires (default 20)
 * @param revenueWan       revenue at least this (万元, default 10000 = 1 亿) …
 * @param revenueTaxPerMu  … with 亩均税收 at most this (default 10) …
 * @param revenueYears     … in each of this many years running (default 2)
 * @param minHits          rules that must fire for a candidate (default 1)
 */
public record ScreeningRules(boolean taxEnabled, List<BigDecimal> taxTiers,
                             boolean classDEnabled, int classDYears,
                             boolean energyEnabled, BigDecimal energyShare,
                             boolean belowScaleEnabled, BigDecimal belowScaleMu,
                             boolean lianggaoEnabled, boolean outsideZoneEnabled,
                             boolean revenueEnabled, BigDecimal revenueWan, BigDecimal revenueTaxPerMu, int revenueYears,
                             int minHits) {

    /** SPEC §6 defaults (county practice). */
    public static final ScreeningRules DEFAULTS = new ScreeningRules(true, List.of(new BigDecimal("3"), new BigDecimal("5"), new BigDecimal("10")),
            true, 2, true, new BigDecimal("0.5"), true, new BigDecimal("20"), true, true,
            true, new BigDecimal("10000"), new BigDecimal("10"), 2, 1);

    public ScreeningRules {
        List<String> problems = new ArrayList<>();
        taxTiers = taxTiers == null ? List.of() : List.copyOf(taxTiers);
        if (taxTiers.isEmpty() || taxTiers.size() > 5) {
            problems.add("亩均税收档位须为 1–5 个 / between 1 and 5 tax tiers");
        }
        for (int i = 0; i < taxTiers.size(); i++) {
            if (taxTiers.get(i) == null || taxTiers.get(i).signum() <= 0) {
                problems.add("亩均税收档位须为正数 / tax tiers must be positive");
                break;
            }
            if (i > 0 && taxTiers.get(i).compareTo(taxTiers.get(i - 1)) <= 0) {
                problems.add("亩均税收档位须递增 / tax tiers must be ascending");
                break;
            }
        }
        if (classDYears < 1 || classDYears > 10) {
            problems.add("连续D类年数须为 1–10 / consecutive D years must be 1–10");
        }
        if (energyShare == null || energyShare.signum() <= 0 || energyShare.compareTo(BigDecimal.ONE) > 0) {
            problems.add("行业均值比例须在 (0, 1] / the share of the industry mean must be in (0, 1]");
        }
        if (belowScaleMu == null || belowScaleMu.signum() < 0) {
            problems.add("规下用地亩数须 ≥ 0 / below-scale land must be ≥ 0");
        }
        if (revenueWan == null || revenueWan.signum() < 0 || revenueTaxPerMu == null || revenueTaxPerMu.signum() < 0) {
            problems.add("营业收入与亩均税收阈值须 ≥ 0 / revenue and tax thresholds must be ≥ 0");
        }
        if (revenueYears < 1 || revenueYears > 10) {
            problems.add("高营收低税收年数须为 1–10 / years running must be 1–10");
        }
        if (minHits < 1 || minHits > RuleCode.values().length) {
            problems.add("最少命中规则数须为 1–" + RuleCode.values().length + " / minimum rules fired must be 1–" + RuleCode.values().length);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
    }

    public boolean enabled(RuleCode rule) {
        return switch (rule) {
            case TAX_PER_MU -> taxEnabled;
            case CLASS_D_CONSECUTIVE -> classDEnabled;
            case ENERGY_EFFICIENCY -> energyEnabled;
            case BELOW_SCALE_LARGE_LAND -> belowScaleEnabled;
            case LIANGGAO_INDUSTRY -> lianggaoEnabled;
            case OUTSIDE_ZONE -> outsideZoneEnabled;
            case HIGH_REVENUE_LOW_TAX -> revenueEnabled;
        };
    }

    /** How many years of evaluation history the rules read (this year included). */
    public int yearsNeeded() {
        return Math.max(classDEnabled ? classDYears : 1, revenueEnabled ? revenueYears : 1);
    }

    /** "3 / 5 / 10" */
    public String tiersText() {
        return String.join(" / ", taxTiers.stream().map(BigDecimal::toPlainString).toList());
    }
}
