package org.mujun.enterprise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Repository;

/**
 * The yearly data of one enterprise from every department data set (SPEC §3) and the history of
 * its values, for the enterprise page. Every query joins the enterprise and goes through
 * {@link Jurisdiction}. Tax figures are left out (masked) for roles that may not see them.
 */
@Repository
class EnterpriseRecords {

    record Tax(int year, BigDecimal totalTax, BigDecimal vat, BigDecimal corporateIncomeTax, BigDecimal otherTax, BigDecimal refund) {
    }

    record Stats(int year, BigDecimal revenue, BigDecimal grossOutput, BigDecimal valueAdded, BigDecimal employees,
                 BigDecimal rndExpense, Boolean aboveScale) {
    }

    /** Whole-year kWh: the month-0 total when reported, otherwise the sum of the months reported. */
    record Electricity(int year, BigDecimal kwh, int months, boolean fromMonths) {
    }

    record Energy(int year, String energyType, BigDecimal quantity, String unit) {
    }

    record Emissions(int year, BigDecimal cod, BigDecimal ammoniaNitrogen, BigDecimal so2, BigDecimal nox) {
    }

    record Event(LocalDate date, String type, String description) {
    }

    record Change(long id, Instant at, String by, String dataset, String recordKey, String field, String oldValue, String newValue,
                  long uploadId) {
    }

    /** Everything known about the enterprise by year; {@code taxMasked} when the role may not see tax. */
    record Data(boolean taxMasked, List<Integer> years, List<Tax> tax, List<Stats> stats, List<Electricity> electricity,
                List<Energy> energy, List<Emissions> emissions, List<Event> events, List<Change> changes) {
    }

    private final Jurisdiction jurisdiction;

    EnterpriseRecords(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    Data of(String uscc, Scope scope, boolean seesTax, int changeLimit) {
        List<Tax> tax = seesTax ? jurisdiction.sql("""
                        select r.year, r.total_tax, r.vat, r.corporate_income_tax, r.other_tax, r.refund
                        from tax_record r join enterprise e on e.uscc = r.uscc
                        where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar) order by r.year desc""", scope)
                .param("u", uscc).query((rs, n) -> new Tax(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6))).list()
                : maskedTaxYears(uscc, scope);
        List<Stats> stats = jurisdiction.sql("""
                        select r.year, r.revenue, r.gross_output, r.value_added, r.employees, r.rnd_expense, r.above_scale
                        from stats_record r join enterprise e on e.uscc = r.uscc
                        where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar) order by r.year desc""", scope)
                .param("u", uscc).query((rs, n) -> new Stats(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getObject(7, Boolean.class))).list();
        List<Electricity> electricity = jurisdiction.sql("""
                        select r.year, max(r.kwh) filter (where r.month = 0) whole, sum(r.kwh) filter (where r.month between 1 and 12) months,
                               count(*) filter (where r.month between 1 and 12) n
                        from electricity_record r join enterprise e on e.uscc = r.uscc
                        where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar) group by r.year order by r.year desc""", scope)
                .param("u", uscc).query((rs, n) -> {
                    BigDecimal whole = rs.getBigDecimal(2);
                    return new Electricity(rs.getInt(1), whole != null ? whole : rs.getBigDecimal(3), rs.getInt(4), whole == null);
                }).list();
        List<Energy> energy = jurisdiction.sql("""
                        select r.year, r.energy_type, r.quantity, r.unit
                        from energy_record r join enterprise e on e.uscc = r.uscc
                        where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar) order by r.year desc, r.energy_type""", scope)
                .param("u", uscc).query((rs, n) -> new Energy(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4))).list();
        List<Emissions> emissions = jurisdiction.sql("""
                        select r.year, r.cod, r.ammonia_nitrogen, r.so2, r.nox
                        from emission_record r join enterprise e on e.uscc = r.uscc
                        where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar) order by r.year desc""", scope)
                .param("u", uscc).query((rs, n) -> new Emissions(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))).list();
        List<Event> events = jurisdiction.sql("""
                        select r.event_date, r.event_type, r.description
                        from event_record r join enterprise e on e.uscc = r.uscc
                        where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar) order by r.event_date desc""", scope)
                .param("u", uscc).query((rs, n) -> new Event(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3))).list();
        List<Change> changes = jurisdiction.sql("""
                        select c.id, c.changed_at, c.changed_by, c.dataset, c.record_key, c.field, c.old_value, c.new_value, c.upload_id
                        from data_change c join enterprise e on e.uscc = c.uscc
                        where SCOPE(e.region_code, e.uscc) and c.uscc = cast(:u as bpchar) order by c.id desc limit :l""", scope)
                .param("u", uscc).param("l", changeLimit)
                .query((rs, n) -> {
                    boolean mask = !seesTax && "TAX".equals(rs.getString(4));
                    return new Change(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), mask ? null : rs.getString(7), mask ? null : rs.getString(8), rs.getLong(9));
                }).list();
        TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
        tax.forEach(t -> years.add(t.year()));
        stats.forEach(t -> years.add(t.year()));
        electricity.forEach(t -> years.add(t.year()));
        energy.forEach(t -> years.add(t.year()));
        emissions.forEach(t -> years.add(t.year()));
        return new Data(!seesTax, List.copyOf(years), tax, stats, electricity, energy, emissions, events, changes);
    }

    /** The years that have tax data, without the figures (the page shows *** there). */
    private List<Tax> maskedTaxYears(String uscc, Scope scope) {
        return jurisdiction.sql("""
                        select r.year from tax_record r join enterprise e on e.uscc = r.uscc
                        where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar) order by r.year desc""", scope)
                .param("u", uscc).query((rs, n) -> new Tax(rs.getInt(1), null, null, null, null, null)).list();
    }

    /** Energy rows grouped by year for display. */
    static Map<Integer, List<Energy>> energyByYear(List<Energy> rows) {
        Map<Integer, List<Energy>> m = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Energy e : rows) {
            m.computeIfAbsent(e.year(), k -> new ArrayList<>()).add(e);
        }
        return m;
    }
}
