package org.mujun.demo;

import java.util.List;
import org.locationtech.jts.geom.Polygon;
import org.mujun.demo.DemoWorld.Event;
import org.mujun.demo.DemoWorld.Firm;
import org.mujun.demo.DemoWorld.Lease;
import org.mujun.demo.DemoWorld.ParcelPlan;
import org.mujun.demo.DemoWorld.YearFigures;

/**
 * The tables the demo fills, each with its COPY column list and the CSV lines one enterprise
 * contributes to it. Leases go to a staging table keyed by certificate number, joined to the
 * parcels' generated ids afterwards. Money in 万元 with 2 decimals, energy in the units the 能源
 * data set accepts ({@code org.mujun.energy.EnergyType}), emissions in t.
 */
enum DemoTable {

    ENTERPRISE("enterprise", "uscc, name, region_code, zone_id, industry_code, size_class, status, registered_on, flags"),
    PARCEL("parcel", "certificate_no, owner_uscc, region_code, area_m2, land_use, geojson, standard_land, transfer_date, transfer_price_wan"),
    LEASE("demo_lease_stage", "certificate_no, lessor_uscc, lessee_uscc, area_m2, start_year, end_year"),
    STATS("stats_record", "uscc, year, revenue, gross_output, value_added, employees, rnd_expense, above_scale"),
    TAX("tax_record", "uscc, year, total_tax, vat, corporate_income_tax, other_tax, refund"),
    ELECTRICITY("electricity_record", "uscc, year, month, kwh"),
    ENERGY("energy_record", "uscc, year, energy_type, quantity, unit"),
    EMISSION("emission_record", "uscc, year, cod, ammonia_nitrogen, so2, nox"),
    EVENT("event_record", "uscc, event_date, event_type, description");

    final String table;
    final String columns;

    DemoTable(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    /**
     * Appends the lines of enterprise {@code f} for this table.
     *
     * @param zoneIds database id of each of {@link DemoWorld#zones()} by index
     */
    void write(DemoWorld w, Firm f, long[] zoneIds, StringBuilder sb) {
        switch (this) {
            case ENTERPRISE -> {
                sb.append(f.uscc()).append(',').append(f.name()).append(',').append(w.townCode(f)).append(',');
                if (f.zone() >= 0) {
                    sb.append(zoneIds[f.zone()]);
                }
                sb.append(',').append(f.industry()).append(',').append(f.above() ? "ABOVE" : "BELOW").append(',').append(f.status())
                        .append(',').append(f.registered()).append(",\"{").append(String.join(",", f.flags())).append("}\"\n");
            }
            case PARCEL -> {
                List<ParcelPlan> plans = w.parcels(f);
                if (plans.isEmpty()) {
                    return;
                }
                List<Polygon> shapes = w.parcelShapes(f, plans);
                for (int j = 0; j < plans.size(); j++) {
                    ParcelPlan p = plans.get(j);
                    sb.append(p.certificate()).append(',').append(f.uscc()).append(',').append(w.townCode(f)).append(',');
                    DemoText.fixed(sb, p.areaM2(), 2).append(',').append(p.landUse()).append(',');
                    DemoText.csv(sb, DemoGeometry.toGeoJson(shapes.get(j))).append(',').append(p.standardLand() ? 't' : 'f').append(',');
                    if (p.transferDate() != null) {
                        sb.append(p.transferDate());
                    }
                    sb.append(',');
                    if (p.priceWan() != null) {
                        DemoText.fixed(sb, p.priceWan(), 2);
                    }
                    sb.append('\n');
                }
            }
            case LEASE -> {
                Lease l = w.lease(f);
                if (l != null) {
                    sb.append(l.certificate()).append(',').append(l.lessor()).append(',').append(l.lessee()).append(',');
                    DemoText.fixed(sb, l.areaM2(), 2).append(',').append(l.startYear()).append(',').append(l.endYear()).append('\n');
                }
            }
            case STATS -> {
                for (YearFigures y : w.figures(f)) {
                    row(sb, f, y.year());
                    money(sb, y.revenue()).append(',');
                    money(sb, y.output()).append(',');
                    money(sb, y.valueAdded()).append(',').append(y.employees()).append(',');
                    money(sb, y.rnd()).append(',').append(f.above() ? 't' : 'f').append('\n');
                }
            }
            case TAX -> {
                for (YearFigures y : w.figures(f)) {
                    row(sb, f, y.year());
                    money(sb, y.tax()).append(',');
                    money(sb, y.vat()).append(',');
                    money(sb, y.cit()).append(',');
                    money(sb, y.otherTax()).append(',');
                    if (y.refund() != null) {
                        money(sb, y.refund());
                    }
                    sb.append('\n');
                }
            }
            case ELECTRICITY -> {
                for (YearFigures y : w.figures(f)) {
                    long[] kwh = y.kwhByMonth();
                    if (kwh == null) {
                        continue;
                    }
                    for (int m = 0; m <= 12; m++) {
                        if (m == 0 || kwh[m] > 0) {
                            row(sb, f, y.year()).append(m).append(',').append(kwh[m]).append('\n');
                        }
                    }
                }
            }
            case ENERGY -> {
                for (YearFigures y : w.figures(f)) {
                    if (y.fuel() == null) {
                        continue;
                    }
                    for (int j = 0; j < y.fuel().length; j++) {
                        if (y.fuel()[j] > 0) {
                            row(sb, f, y.year()).append(DemoIndustries.FUEL_TYPES[j]).append(',');
                            DemoText.fixed(sb, y.fuel()[j], j == 1 ? 0 : 3).append(',').append(DemoIndustries.FUEL_UNITS[j]).append('\n');
                        }
                    }
                }
            }
            case EMISSION -> {
                for (YearFigures y : w.figures(f)) {
                    double[] e = y.emissions();
                    if (e == null) {
                        continue;
                    }
                    row(sb, f, y.year());
                    for (int p = 0; p < 4; p++) {
                        if (p > 0) {
                            sb.append(',');
                        }
                        if (e[p] > 0) { // a pollutant the industry does not discharge stays empty
                            DemoText.fixed(sb, e[p], 4);
                        }
                    }
                    sb.append('\n');
                }
            }
            case EVENT -> {
                for (Event e : w.events(f)) {
                    sb.append(f.uscc()).append(',').append(e.date()).append(',').append(e.type()).append(',');
                    DemoText.csv(sb, e.description()).append('\n');
                }
            }
        }
    }

    private static StringBuilder row(StringBuilder sb, Firm f, int year) {
        return sb.append(f.uscc()).append(',').append(year).append(',');
    }

    private static StringBuilder money(StringBuilder sb, double v) {
        return DemoText.fixed(sb, v, 2);
    }
}
