package org.mujun.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mujun.energy.EnergyAccounting.Quantity;
import org.mujun.energy.EnergyAccounting.Result;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * Carbon accounts (碳账户, SPEC §4) read from energy_record, electricity_record and stats_record,
 * always through {@link Jurisdiction}. Lists are computed set-wise: three streamed queries for the
 * whole scope and year (no query per enterprise), each enterprise-year through {@link EnergyAccounting}
 * with the active coefficient version.
 */
@Component
public class CarbonAccounts {

    /** One enterprise-year in a list. */
    public record Row(long id, String uscc, String name, String regionCode, String industryCode, BigDecimal electricityKwh,
                      BigDecimal tce, BigDecimal co2Tonnes, BigDecimal valueAdded, BigDecimal revenue, int skippedRows) {
        @JsonProperty
        public BigDecimal co2PerValueAdded() {
            return EnergyAccounting.divide(co2Tonnes, valueAdded);
        }

        @JsonProperty

        public BigDecimal tcePerValueAdded() {
            return EnergyAccounting.divide(tce, valueAdded);
        }
    }

    public record Totals(int enterprises, BigDecimal tce, BigDecimal co2Tonnes, BigDecimal electricityKwh, BigDecimal valueAdded) {
        @JsonProperty
        public BigDecimal co2PerValueAdded() {
            return EnergyAccounting.divide(co2Tonnes, valueAdded);
        }
    }

    public record Listing(int year, int version, List<Row> rows, Totals totals) {
    }

    /** One year of an enterprise's account. */
    public record Year(int year, Result result, BigDecimal electricityKwh, boolean electricityFromMonths, BigDecimal valueAdded,
                       BigDecimal revenue, BigDecimal tceChangePercent, BigDecimal co2ChangePercent, BigDecimal electricityKgce,
                       List<String> problems) {
        @JsonProperty
        public BigDecimal co2PerValueAdded() {
            return result.co2Intensity(valueAdded);
        }

        @JsonProperty

        public BigDecimal co2PerRevenue() {
            return result.co2Intensity(revenue);
        }

        @JsonProperty

        public BigDecimal tcePerValueAdded() {
            return result.tceIntensity(valueAdded);
        }

        @JsonProperty

        public BigDecimal tcePerRevenue() {
            return result.tceIntensity(revenue);
        }
    }

    public record Account(long id, String uscc, String name, String regionCode, String industryCode, int version, List<Year> years) {
    }

    private final Jurisdiction jurisdiction;
    private final EnergyCoefficients coefficients;

    public CarbonAccounts(Jurisdiction jurisdiction, EnergyCoefficients coefficients) {
        this.jurisdiction = jurisdiction;
        this.coefficients = coefficients;
    }

    /** The latest year with energy or electricity data in the current user's scope, if any. */
    public Optional<Integer> latestYear() {
        return latestYear(jurisdiction.current());
    }

    public Optional<Integer> latestYear(Scope scope) {
        Integer y = jurisdiction.sql("""
                select max(y) from (
                  select max(r.year) y from energy_record r join enterprise e on e.uscc = r.uscc where SCOPE(e.region_code, e.uscc)
                  union all
                  select max(x.year) y from electricity_record x join enterprise e on e.uscc = x.uscc where SCOPE(e.region_code, e.uscc)) t""", scope)
                .query(Integer.class).optional().orElse(null);
        return Optional.ofNullable(y);
    }

    /** All enterprises with energy data in the year, in the current user's scope, sorted by tce descending. */
    public Listing list(int year, String regionPrefix, String industryPrefix) {
        return list(year, regionPrefix, industryPrefix, jurisdiction.current());
    }

    /**
     * One enterprise-year in bulk: electricity (kWh, from month 0 or the sum of months 1–12), whether it came
     * from the months, tce and CO₂ by {@link EnergyAccounting} with the active table, the newest upload ids.
     */
    public record YearTotals(BigDecimal electricityKwh, boolean electricityFromMonths, BigDecimal tce, BigDecimal co2Tonnes,
                          int skippedRows, Long electricityUpload, Long energyUpload) {
    }

    /** Bulk accounts of a year by USCC (the evaluation's input), with the coefficient table version used. */
    public record Bulk(int year, int version, Map<String, YearTotals> byUscc) {
    }

    /**
     * Every enterprise in {@code scope} with energy or electricity data in the year, in two streamed queries —
     * the same computation as {@link #list} and the account pages, without names and statistics.
     */
    public Bulk bulk(int year, Scope scope) {
        return accounts(year, "%", "%", scope);
    }

    private Bulk accounts(int year, String rp, String ip, Scope scope) {
        String filter = " SCOPE(e.region_code, e.uscc) and e.region_code like :rp and coalesce(e.industry_code, '') like :ip ";
        EnergyAccounting.Table t = coefficients.active().table();
        BigDecimal elecKgce = coefficients.electricityOverride(year);
        Map<String, List<Quantity>> fuels = new HashMap<>();
        Map<String, int[]> skipped = new HashMap<>();
        Map<String, Long> energyUpload = new HashMap<>();
        jurisdiction.sql("select r.uscc, r.energy_type, r.quantity, r.unit, r.upload_id from energy_record r join enterprise e on e.uscc = r.uscc where"
                        + filter + "and r.year = :y", scope)
                .param("rp", rp).param("ip", ip).param("y", year)
                .withFetchSize(5000)
                .query(rs -> {
                    String u = rs.getString(1);
                    long up = rs.getLong(5);
                    if (!rs.wasNull()) {
                        energyUpload.merge(u, up, Math::max);
                    }
                    try {
                        fuels.computeIfAbsent(u, k -> new ArrayList<>()).add(new Quantity(EnergyType.parse(rs.getString(2)), rs.getBigDecimal(3), rs.getString(4)));
                    } catch (IllegalArgumentException e) {
                        skipped.computeIfAbsent(u, k -> new int[1])[0]++;
                        fuels.computeIfAbsent(u, k -> new ArrayList<>());
                    }
                });
        record Kwh(BigDecimal kwh, boolean fromMonths, Long upload) {
        }
        Map<String, Kwh> kwh = new HashMap<>();
        jurisdiction.sql("""
                        select x.uscc, coalesce(max(x.kwh) filter (where x.month = 0), sum(x.kwh) filter (where x.month between 1 and 12)),
                               not bool_or(x.month = 0), max(x.upload_id)
                        from electricity_record x join enterprise e on e.uscc = x.uscc where""" + filter + "and x.year = :y group by x.uscc", scope)
                .param("rp", rp).param("ip", ip).param("y", year)
                .query(rs -> {
                    long up = rs.getLong(4);
                    kwh.put(rs.getString(1), new Kwh(rs.getBigDecimal(2), rs.getBoolean(3), rs.wasNull() ? null : up));
                });
        Map<String, YearTotals> out = new HashMap<>((fuels.size() + kwh.size()) * 2);
        java.util.Set<String> all = new java.util.HashSet<>(fuels.keySet());
        all.addAll(kwh.keySet());
        for (String u : all) {
            Kwh k = kwh.get(u);
            BigDecimal kw = k == null ? null : k.kwh();
            List<Quantity> q = withoutElectricityIf(fuels.getOrDefault(u, List.of()), kw != null);
            int skip = skipped.containsKey(u) ? skipped.get(u)[0] : 0;
            Result r;
            try {
                r = EnergyAccounting.account(q, kw, elecKgce, t);
            } catch (IllegalArgumentException e) {
                r = EnergyAccounting.account(List.of(), kw, elecKgce, t);
                skip += q.size();
            }
            out.put(u, new YearTotals(kw, k != null && k.fromMonths(), r.totalTce(), r.totalCo2Tonnes(), skip, k == null ? null : k.upload(),
                    energyUpload.get(u)));
        }
        return new Bulk(year, t.version(), out);
    }

    public Listing list(int year, String regionPrefix, String industryPrefix, Scope scope) {
        String rp = (regionPrefix == null ? "" : regionPrefix.trim()) + "%";
        String ip = (industryPrefix == null ? "" : industryPrefix.trim().toUpperCase()) + "%";
        String filter = " SCOPE(e.region_code, e.uscc) and e.region_code like :rp and coalesce(e.industry_code, '') like :ip ";
        Bulk bulk = accounts(year, rp, ip, scope);
        List<Row> rows = new ArrayList<>();
        jurisdiction.sql("select e.id, e.uscc, e.name, e.region_code, e.industry_code, s.value_added, s.revenue from enterprise e"
                        + " left join stats_record s on s.uscc = e.uscc and s.year = :y where" + filter
                        + "and (exists (select 1 from energy_record r where r.uscc = e.uscc and r.year = :y)"
                        + " or exists (select 1 from electricity_record x where x.uscc = e.uscc and x.year = :y))", scope)
                .param("rp", rp).param("ip", ip).param("y", year)
                .query(rs -> {
                    YearTotals a = bulk.byUscc().get(rs.getString(2));
                    if (a == null) {
                        return;
                    }
                    rows.add(new Row(rs.getLong(1), rs.getString(2).trim(), rs.getString(3), rs.getString(4), rs.getString(5), a.electricityKwh(),
                            a.tce(), a.co2Tonnes(), rs.getBigDecimal(6), rs.getBigDecimal(7), a.skippedRows()));
                });
        rows.sort(Comparator.comparing(Row::tce).reversed().thenComparing(Row::uscc));
        BigDecimal tce = BigDecimal.ZERO, co2 = BigDecimal.ZERO, e = BigDecimal.ZERO, va = BigDecimal.ZERO;
        for (Row r : rows) {
            tce = tce.add(r.tce());
            co2 = co2.add(r.co2Tonnes());
            e = r.electricityKwh() == null ? e : e.add(r.electricityKwh());
            va = r.valueAdded() == null ? va : va.add(r.valueAdded());
        }
        return new Listing(year, bulk.version(), rows, new Totals(rows.size(), tce, co2, e, va));
    }

    /** The account of one enterprise for every year with data; empty when it is outside the user's scope. */
    public Optional<Account> enterprise(long id) {
        record Ent(long id, String uscc, String name, String region, String industry) { }
        Optional<Ent> ent = jurisdiction.sql("select id, uscc, name, region_code, industry_code from enterprise e where SCOPE(e.region_code, e.uscc) and e.id = :id")
                .param("id", id).query((rs, n) -> new Ent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).optional();
        if (ent.isEmpty()) {
            return Optional.empty();
        }
        String uscc = ent.get().uscc();
        Map<Integer, List<Quantity>> fuels = new TreeMap<>();
        Map<Integer, List<String>> problems = new HashMap<>();
        jurisdiction.sql("select r.year, r.energy_type, r.quantity, r.unit from energy_record r join enterprise e on e.uscc = r.uscc where SCOPE(e.region_code, e.uscc) and r.uscc = :u")
                .param("u", uscc).query(rs -> {
                    int y = rs.getInt(1);
                    try {
                        EnergyType type = EnergyType.parse(rs.getString(2));
                        type.toBase(rs.getBigDecimal(3), rs.getString(4));
                        fuels.computeIfAbsent(y, k -> new ArrayList<>()).add(new Quantity(type, rs.getBigDecimal(3), rs.getString(4)));
                    } catch (IllegalArgumentException e) {
                        problems.computeIfAbsent(y, k -> new ArrayList<>()).add(e.getMessage());
                    }
                });
        Map<Integer, BigDecimal> whole = new HashMap<>();
        Map<Integer, BigDecimal> months = new HashMap<>();
        jurisdiction.sql("select x.year, x.month, x.kwh from electricity_record x join enterprise e on e.uscc = x.uscc where SCOPE(e.region_code, e.uscc) and x.uscc = :u")
                .param("u", uscc).query(rs -> {
                    if (rs.getInt(2) == 0) {
                        whole.put(rs.getInt(1), rs.getBigDecimal(3));
                    } else {
                        months.merge(rs.getInt(1), rs.getBigDecimal(3), BigDecimal::add);
                    }
                });
        Map<Integer, BigDecimal[]> stats = new HashMap<>();
        jurisdiction.sql("select s.year, s.value_added, s.revenue from stats_record s join enterprise e on e.uscc = s.uscc where SCOPE(e.region_code, e.uscc) and s.uscc = :u")
                .param("u", uscc).query(rs -> {
                    stats.put(rs.getInt(1), new BigDecimal[]{rs.getBigDecimal(2), rs.getBigDecimal(3)});
                });
        TreeSet<Integer> years = new TreeSet<>(fuels.keySet());
        years.addAll(whole.keySet());
        years.addAll(months.keySet());
        years.addAll(problems.keySet());
        EnergyAccounting.Table t = coefficients.active().table();
        Map<Integer, Year> byYear = new LinkedHashMap<>();
        for (int y : years) {
            BigDecimal k = whole.containsKey(y) ? whole.get(y) : months.get(y);
            BigDecimal override = coefficients.electricityOverride(y);
            Result r = EnergyAccounting.account(withoutElectricityIf(fuels.getOrDefault(y, List.of()), k != null), k, override, t);
            BigDecimal[] s = stats.getOrDefault(y, new BigDecimal[2]);
            Year prev = byYear.get(y - 1);
            byYear.put(y, new Year(y, r, k, !whole.containsKey(y) && months.containsKey(y), s[0], s[1],
                    prev == null ? null : change(prev.result().totalTce(), r.totalTce()),
                    prev == null ? null : change(prev.result().totalCo2Tonnes(), r.totalCo2Tonnes()),
                    override, problems.getOrDefault(y, List.of())));
        }
        List<Year> list = new ArrayList<>(byYear.values());
        java.util.Collections.reverse(list);
        Ent e = ent.get();
        return Optional.of(new Account(e.id(), e.uscc(), e.name(), e.region(), e.industry(), t.version(), list));
    }

    /** Electricity comes from the 电力 data set when it has the year; an ELECTRICITY row in 能源 is then ignored. */
    private static List<Quantity> withoutElectricityIf(List<Quantity> q, boolean haveKwh) {
        return haveKwh ? q.stream().filter(x -> x.type() != EnergyType.ELECTRICITY).toList() : q;
    }

    /** Year-on-year change in percent, 2 decimals; null when the previous value is zero. */
    static BigDecimal change(BigDecimal previous, BigDecimal current) {
        if (previous == null || current == null || previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).multiply(new BigDecimal("100")).divide(previous, 2, RoundingMode.HALF_UP);
    }
}
