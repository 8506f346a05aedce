package org.mujun.dossier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mujun.land.EnterpriseFigures;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * The yearly figures of one enterprise for its dossier: every year with department data (tax,
 * statistics, electricity, energy, emissions), oldest first, each with the land module's
 * {@link EnterpriseFigures} (tax, revenue, value added, R&D, tce, major pollutants, evaluated land and
 * the per-亩 ratios) plus employees and electricity. Tax and 亩均税收 are null when {@code masked}
 * (roles that may not see tax, SPEC §11).
 */
@Component
class DossierFigures {

    /** At most this many years are shown (the newest). */
    static final int MAX_YEARS = 10;

    /** One year; amounts 万元, energy tce, emissions t, land 亩, electricity kWh. */
    record Year(int year, BigDecimal tax, BigDecimal revenue, BigDecimal valueAdded, BigDecimal rnd, BigDecimal employees,
                BigDecimal electricityKwh, BigDecimal tce, BigDecimal emissionsTonnes, BigDecimal landMu, BigDecimal taxPerMu,
                BigDecimal valueAddedPerMu, BigDecimal valueAddedPerTce, BigDecimal rdShare) {

        /** The values in {@link #COLUMNS} order. */
        public List<BigDecimal> cells() {
            return COLUMNS.stream().map(c -> value(this, c)).toList();
        }
    }

    record Table(boolean taxMasked, List<Year> years) {
    }

    /** Column keys in display order: the Excel export and the chart use the same ones. */
    static final List<String> COLUMNS = List.of("tax", "revenue", "valueAdded", "rnd", "employees", "electricityKwh", "tce",
            "emissionsTonnes", "landMu", "taxPerMu", "valueAddedPerMu", "valueAddedPerTce", "rdShare");

    private final Jurisdiction jurisdiction;
    private final EnterpriseFigures figures;

    DossierFigures(Jurisdiction jurisdiction, EnterpriseFigures figures) {
        this.jurisdiction = jurisdiction;
        this.figures = figures;
    }

    Table of(String uscc, Scope scope, boolean masked) {
        TreeSet<Integer> years = new TreeSet<>(jurisdiction.sql("""
                        select r.year from tax_record r join enterprise e on e.uscc = r.uscc
                          where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar)
                        union select r.year from stats_record r join enterprise e on e.uscc = r.uscc
                          where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar)
                        union select r.year from electricity_record r join enterprise e on e.uscc = r.uscc
                          where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar)
                        union select r.year from energy_record r join enterprise e on e.uscc = r.uscc
                          where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar)
                        union select r.year from emission_record r join enterprise e on e.uscc = r.uscc
                          where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar)""", scope)
                .param("u", uscc).query(Integer.class).list());
        while (years.size() > MAX_YEARS) {
            years.pollFirst();
        }
        Map<Integer, BigDecimal[]> extra = new HashMap<>();
        jurisdiction.sql("""
                        select y.year, s.employees,
                               coalesce((select max(k.kwh) from electricity_record k where k.uscc = e.uscc and k.year = y.year and k.month = 0),
                                        (select sum(k.kwh) from electricity_record k where k.uscc = e.uscc and k.year = y.year and k.month between 1 and 12))
                        from enterprise e cross join unnest(cast(:ys as int[])) as y(year)
                        left join stats_record s on s.uscc = e.uscc and s.year = y.year
                        where SCOPE(e.region_code, e.uscc) and e.uscc = cast(:u as bpchar)""", scope)
                .param("u", uscc).param("ys", years.toArray(Integer[]::new))
                .query(rs -> {
                    extra.put(rs.getInt(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                });
        List<Year> out = new ArrayList<>();
        for (int y : years) {
            EnterpriseFigures.Figures f = figures.of(uscc, y, scope).orElse(null);
            BigDecimal[] x = extra.getOrDefault(y, new BigDecimal[2]);
            out.add(f == null ? new Year(y, null, null, null, null, x[0], x[1], null, null, null, null, null, null, null)
                    : new Year(y, masked ? null : f.tax(), f.revenue(), f.valueAdded(), f.rnd(), x[0], x[1], f.tce(), f.emissionsTonnes(),
                    f.landMu(), masked ? null : f.taxPerMu(), f.valueAddedPerMu(), f.valueAddedPerEnergy(), f.rdShare()));
        }
        return new Table(masked, List.copyOf(out));
    }

    /** A year's value by column key (for the export and the chart). */
    static BigDecimal value(Year y, String column) {
        return switch (column) {
            case "tax" -> y.tax();
            case "revenue" -> y.revenue();
            case "valueAdded" -> y.valueAdded();
            case "rnd" -> y.rnd();
            case "employees" -> y.employees();
            case "electricityKwh" -> y.electricityKwh();
            case "tce" -> y.tce();
            case "emissionsTonnes" -> y.emissionsTonnes();
            case "landMu" -> y.landMu();
            case "taxPerMu" -> y.taxPerMu();
            case "valueAddedPerMu" -> y.valueAddedPerMu();
            case "valueAddedPerTce" -> y.valueAddedPerTce();
            case "rdShare" -> y.rdShare();
            default -> throw new IllegalArgumentException("unknown column " + column);
        };
    }
}
