package org.mujun.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.common.Mu;
import org.mujun.land.StandardLandContract.Indicator;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * The actual figures of a 达产复核 (SPEC §7), filled from the system's own data for the contract's
 * enterprise and a data year (by default the year before the review): tax, value added, energy
 * (tce, energy module), emissions, R&D and revenue from the data tables, the land area from the
 * contract's parcel. Fixed-asset investment (万元, divided by the parcel's 亩) and 容积率 are entered
 * by the official. An official may replace any figure, always with a reason, which is kept with the
 * review. Missing figures stay missing: the review counts them as failed (no data, no pass).
 */
@Component
class StandardLandActuals {

    /** Where an actual came from. */
    enum Source {
        DATA, ENTERED, OVERRIDDEN, MISSING
    }

    /** An official's replacement of one figure. */
    record Override(BigDecimal value, String reason) {
    }

    /**
     * What the official enters: review date, data year (null: the year before the review), total
     * fixed-asset investment (万元) and 容积率, and replacements by indicator.
     */
    record Input(LocalDate reviewedOn, Integer dataYear, BigDecimal investmentWan, BigDecimal floorAreaRatio, Map<Indicator, Override> overrides) {
        int year() {
            return dataYear != null ? dataYear : reviewedOn.getYear() - 1;
        }
    }

    /** One indicator's figure: from the data (with how it was computed), and the value used. */
    record ActualLine(Indicator indicator, BigDecimal committed, BigDecimal dataValue, BigDecimal actual, String source, String basis,
                      String overrideReason) {
    }

    /** A computed review: the figures used and the engine's result (nothing stored). */
    record Preview(int dataYear, List<ActualLine> lines, StandardLandReview.Result result, Map<String, String> overrides) {
        ActualLine line(Indicator i) {
            return lines.stream().filter(l -> l.indicator() == i).findFirst().orElseThrow();
        }
    }

    private final EnterpriseFigures figures;

    StandardLandActuals(EnterpriseFigures figures) {
        this.figures = figures;
    }

    Preview preview(StandardLandContract contract, StandardLandContracts.Summary s, Input in, Scope scope) {
        if (in == null || in.reviewedOn() == null) {
            throw new IllegalArgumentException("请填写复核日期 / the review date is required");
        }
        int year = in.year();
        if (year < 1990 || year > in.reviewedOn().getYear()) {
            throw new IllegalArgumentException("数据年度应不晚于复核年度 / the data year must not be after the review year");
        }
        EnterpriseFigures.Figures f = figures.of(s.uscc(), year, scope).orElse(null);
        BigDecimal mu = Mu.ofSquareMetres(s.areaM2()).value();
        String muText = mu.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 亩";
        Map<Indicator, Override> overrides = in.overrides() == null ? Map.of() : in.overrides();
        List<ActualLine> lines = new ArrayList<>();
        Map<Indicator, BigDecimal> used = new EnumMap<>(Indicator.class);
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<Indicator, BigDecimal> c : contract.terms().commitments().entrySet()) {
            Indicator i = c.getKey();
            BigDecimal data;
            String basis;
            boolean entered = false;
            switch (i) {
                case INVESTMENT_INTENSITY -> {
                    entered = true;
                    data = EnterpriseFigures.divide(in.investmentWan(), mu);
                    basis = in.investmentWan() == null ? "未填写固定资产投资 / investment not entered"
                            : "固定资产投资 " + in.investmentWan().toPlainString() + " 万元 ÷ " + muText;
                }
                case FLOOR_AREA_RATIO -> {
                    entered = true;
                    data = in.floorAreaRatio();
                    basis = data == null ? "未填写容积率 / floor area ratio not entered" : "核定容积率 / as measured";
                }
                case TAX_PER_MU -> {
                    data = EnterpriseFigures.divide(f == null ? null : f.tax(), mu);
                    basis = year + " 年税收 " + text(f == null ? null : f.tax()) + " 万元 ÷ " + muText;
                }
                case VALUE_ADDED_PER_MU -> {
                    data = EnterpriseFigures.divide(f == null ? null : f.valueAdded(), mu);
                    basis = year + " 年工业增加值 " + text(f == null ? null : f.valueAdded()) + " 万元 ÷ " + muText;
                }
                case VALUE_ADDED_PER_ENERGY -> {
                    data = f == null ? null : f.valueAddedPerEnergy();
                    basis = year + " 年工业增加值 " + text(f == null ? null : f.valueAdded()) + " 万元 ÷ 综合能耗 " + text(f == null ? null : f.tce()) + " tce";
                }
                case ENERGY_PER_VALUE_ADDED -> {
                    data = f == null ? null : f.energyPerValueAdded();
                    basis = year + " 年综合能耗 " + text(f == null ? null : f.tce()) + " tce ÷ 工业增加值 " + text(f == null ? null : f.valueAdded()) + " 万元";
                }
                case VALUE_ADDED_PER_EMISSION -> {
                    data = f == null ? null : f.valueAddedPerEmission();
                    basis = year + " 年工业增加值 " + text(f == null ? null : f.valueAdded()) + " 万元 ÷ 主要污染物排放 "
                            + text(f == null ? null : f.emissionsTonnes()) + " t";
                }
                case RD_SHARE -> {
                    data = f == null ? null : f.rdShare();
                    basis = year + " 年研发费用 " + text(f == null ? null : f.rnd()) + " 万元 ÷ 营业收入 " + text(f == null ? null : f.revenue()) + " 万元 × 100";
                }
                default -> throw new IllegalStateException(i.name());
            }
            Override o = overrides.get(i);
            BigDecimal actual = data;
            String source = data == null ? Source.MISSING.name() : entered ? Source.ENTERED.name() : Source.DATA.name();
            String reason = null;
            if (o != null && o.value() != null) {
                if (o.reason() == null || o.reason().isBlank()) {
                    throw new IllegalArgumentException(i.nameZh() + "：调整实际值须写明原因 / " + i.nameEn() + ": replacing a figure needs a reason");
                }
                if (o.value().signum() < 0) {
                    throw new IllegalArgumentException(i.nameZh() + "：实际值不能为负 / " + i.nameEn() + ": the figure must not be negative");
                }
                actual = o.value();
                source = Source.OVERRIDDEN.name();
                reason = o.reason().trim();
                changed.put(i.name(), (data == null ? "—" : data.toPlainString()) + " → " + actual.toPlainString() + "（" + reason + "）");
            }
            if (actual != null) {
                used.put(i, actual);
            }
            lines.add(new ActualLine(i, c.getValue(), data, actual, source, basis, reason));
        }
        StandardLandReview.Result result = StandardLandReview.review(contract, used, in.reviewedOn());
        return new Preview(year, lines, result, changed);
    }

    private static String text(BigDecimal v) {
        return v == null ? "（无数据 / no data）" : v.stripTrailingZeros().toPlainString();
    }
}
