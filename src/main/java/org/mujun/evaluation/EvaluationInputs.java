package org.mujun.evaluation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mujun.common.Mu;
import org.mujun.energy.CarbonAccounts;
import org.mujun.land.EvaluatedLand;
import org.mujun.land.LandAreas;
import org.mujun.land.LandRule;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * Reads the engine's input for a region and year from the database in a few set-based queries (no
 * query per enterprise), for every enterprise of the region: master data, the year's tax, statistics,
 * emissions, events and exemption applications (one joined query), evaluated land and tenants
 * ({@link LandAreas#forYear}, two queries), land transfer dates and build-period investment (two
 * queries), energy (the carbon accounts' own bulk computation, {@link CarbonAccounts#list}, so the tce
 * equals the carbon account pages) and where electricity came from (one query). Where each figure
 * comes from is documented in docs/evaluation.md ("Inputs").
 */
@Component
public class EvaluationInputs {

    /** One enterprise's input with what the engine does not read: its name and where the figures came from. */
    public record Row(EnterpriseInput input, String name, String sizeSource, BigDecimal landOwnedM2, BigDecimal landLeasedInM2,
                      BigDecimal landLeasedOutM2, String landMergedInto, boolean electricityFromMonths, Long taxUpload, Long statsUpload,
                      Long electricityUpload, Long energyUpload, Long emissionUpload) {
    }

    /**
     * The inputs of a region and year.
     *
     * @param rows              sorted by USCC
     * @param withData          enterprises with at least one figure of the year (tax, statistics, electricity, energy, emissions)
     * @param coefficientVersion the energy coefficient table used for tce
     */
    public record Loaded(String region, int year, List<Row> rows, int withData, int coefficientVersion, String hash) {
        public Enterprises enterprises() {
            Enterprises.Builder b = Enterprises.builder(rows.size());
            for (Row r : rows) {
                b.add(r.input());
            }
            return b.build();
        }
    }

    private final Jurisdiction jurisdiction;
    private final LandAreas land;
    private final CarbonAccounts carbon;

    EvaluationInputs(Jurisdiction jurisdiction, LandAreas land, CarbonAccounts carbon) {
        this.jurisdiction = jurisdiction;
        this.land = land;
        this.carbon = carbon;
    }

    /** Every enterprise whose region code starts with {@code region}, for the scheme's year, land rule and build period. */
    public Loaded load(Scheme scheme) {
        long t0 = System.nanoTime();
        String region = scheme.region();
        int year = scheme.year();
        Scope scope = Scope.system(region);
        int buildYears = scheme.exemptions().buildPeriodYears() == null ? 3 : scheme.exemptions().buildPeriodYears();

        // Four independent reads at once on their own connections (each a set-based query over the region);
        // the database and this JVM then work on both cores. Each statement sees committed data as of its
        // start, as it would one after another in one transaction.
        java.util.concurrent.CompletableFuture<Map<String, Set<String>>> eventsF = async(() -> events(year, scope));
        Scheme.Land lr = scheme.land();
        java.util.concurrent.CompletableFuture<LandAreas.Year> areasF = async(() -> land.forYear(year, scope,
                new LandRule(lr.includeLeasedIn(), lr.subtractLeasedOut(), lr.mergeTenants())));
        java.util.concurrent.CompletableFuture<Parcels> parcelsF = async(() -> parcels(year, buildYears, scope));
        java.util.concurrent.CompletableFuture<CarbonAccounts.Bulk> energyF = async(() -> carbon.bulk(year, scope));
        Map<String, Set<String>> events = join(eventsF);
        long tEvents = System.nanoTime();
        LandAreas.Year areas = join(areasF);
        long tLand = System.nanoTime();
        Parcels p = join(parcelsF);
        Map<String, LocalDate> transferred = p.transferred();
        Map<String, Double> investment = p.investment();
        long tParcels = System.nanoTime();
        CarbonAccounts.Bulk energy = join(energyF);
        long tEnergy = System.nanoTime();

        // last, streamed: master data with the year's tax, statistics, emissions and exemption application,
        // each row turned into the engine's input at once
        List<Row> rows = new ArrayList<>(Math.max(16, areas.byUscc().size()));
        int[] withData = {0};
        jurisdiction.sql("""
                        select e.uscc, e.name, e.region_code, e.industry_code, e.size_class, s.above_scale, e.status, e.registered_on,
                               array_to_string(e.flags, chr(31)),
                               t.total_tax, t.upload_id,
                               s.value_added, s.revenue, s.employees, s.rnd_expense, s.upload_id,
                               case when m.uscc is null or num_nulls(m.cod, m.ammonia_nitrogen, m.so2, m.nox) = 4 then null
                                    else coalesce(m.cod, 0) + coalesce(m.ammonia_nitrogen, 0) + coalesce(m.so2, 0) + coalesce(m.nox, 0) end,
                               m.upload_id, x.reason
                        from enterprise e
                        left join tax_record t on t.uscc = e.uscc and t.year = :y
                        left join stats_record s on s.uscc = e.uscc and s.year = :y
                        left join emission_record m on m.uscc = e.uscc and m.year = :y
                        left join exemption_application x on x.uscc = e.uscc and x.year = :y
                        where SCOPE(e.region_code, e.uscc)""", scope)
                .param("y", year)
                .withFetchSize(5000)
                .query(rs -> {
                    String uscc = rs.getString(1);
                    Object above = rs.getObject(6);
                    String size = above == null ? rs.getString(5) : ((Boolean) above ? "ABOVE" : "BELOW");
                    String fl = rs.getString(9);
                    Set<String> flags = fl == null || fl.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(fl.split("\u001f")));
                    Double tax = dbl(rs, 10);
                    Double va = dbl(rs, 12);
                    Double revenue = dbl(rs, 13);
                    Double emissions = dbl(rs, 17);
                    EvaluatedLand.Result l = areas.get(uscc);
                    CarbonAccounts.YearTotals en = energy.byUscc().get(uscc);
                    Double mu = l == null ? null : Mu.ofSquareMetres(l.evaluatedM2()).doubleValue();
                    boolean renter = l != null && l.ownedM2().signum() == 0 && l.leasedInM2().signum() > 0;
                    Double kwh = en == null || en.electricityKwh() == null ? null : en.electricityKwh().doubleValue();
                    Double tce = en == null ? null : en.tce().doubleValue();
                    EnterpriseInput in = new EnterpriseInput(uscc, rs.getString(3), rs.getString(4), SizeClass.valueOf(size),
                            Status.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), flags, renter, l == null ? 0 : l.tenants(), mu, tax,
                            va, revenue, tce, emissions, dbl(rs, 14), dbl(rs, 15), kwh, null, null, null, events.getOrDefault(uscc, Set.of()),
                            investment.get(uscc), transferred.get(uscc), rs.getString(19));
                    if (tax != null || va != null || revenue != null || kwh != null || tce != null || emissions != null) {
                        withData[0]++;
                    }
                    rows.add(new Row(in, rs.getString(2), above == null ? "MASTER" : "STATS", l == null ? null : l.ownedM2(),
                            l == null ? null : l.leasedInM2(), l == null ? null : l.leasedOutM2(), l == null ? null : l.mergedInto(),
                            en != null && en.electricityFromMonths(), lng(rs, 11), lng(rs, 16), en == null ? null : en.electricityUpload(),
                            en == null ? null : en.energyUpload(), lng(rs, 18)));
                });
        long tRows = System.nanoTime();
        rows.sort((x, y) -> x.input().uscc().compareTo(y.input().uscc()));
        String h = hash(rows.stream().map(Row::input).toList());
        long tHash = System.nanoTime();
        log.info("inputs {} {}: {} enterprises; ms: events {}, land {}, parcels {}, energy {}, enterprises and figures {}, hash {}",
                region, year, rows.size(), ms(tEvents - t0), ms(tLand - tEvents), ms(tParcels - tLand), ms(tEnergy - tParcels),
                ms(tRows - tEnergy), ms(tHash - tRows));
        return new Loaded(region, year, List.copyOf(rows), withData[0], energy.version(), h);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvaluationInputs.class);

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static <T> java.util.concurrent.CompletableFuture<T> async(java.util.function.Supplier<T> work) {
        return java.util.concurrent.CompletableFuture.supplyAsync(work, LOADERS);
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Loader threads (daemon, at most 4 at a time across runs). */
    private static final java.util.concurrent.ExecutorService LOADERS = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "evaluation-inputs");
        t.setDaemon(true);
        return t;
    });

    private Map<String, Set<String>> events(int year, Scope scope) {
        Map<String, Set<String>> events = new HashMap<>();
        jurisdiction.sql("""
                        select r.uscc, r.event_type from event_record r join enterprise e on e.uscc = r.uscc
                        where SCOPE(e.region_code, e.uscc) and r.event_date >= make_date(:y, 1, 1) and r.event_date < make_date(:y + 1, 1, 1)""", scope)
                .param("y", year)
                .query(rs -> {
                    events.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                });
        return events;
    }

    private record Parcels(Map<String, LocalDate> transferred, Map<String, Double> investment) {
    }

    private Parcels parcels(int year, int buildYears, Scope scope) {
        // The land transfer date for the build-period exemption: the earliest transfer of the parcels the
        // enterprise owns in the year; none when one of them has no transfer date (old land).
        Map<String, LocalDate> transferred = new HashMap<>();
        jurisdiction.sql("""
                        select p.owner_uscc, case when bool_or(p.transfer_date is null) then null else min(p.transfer_date) end
                        from parcel p join enterprise e on e.uscc = p.owner_uscc
                        where SCOPE(e.region_code, e.uscc) and (p.transfer_date is null or p.transfer_date < make_date(:y + 1, 1, 1))
                        group by p.owner_uscc""", scope)
                .param("y", year)
                .query(rs -> {
                    LocalDate d = rs.getObject(2, LocalDate.class);
                    if (d != null) {
                        transferred.put(rs.getString(1), d);
                    }
                });
        // Fixed-asset investment in the build period: the enterprise has a parcel whose build period
        // [transfer date, + N years) runs in the year; the investment of the years from that transfer's
        // year (the earliest such parcel) to the evaluation year, summed.
        Map<String, Double> investment = new HashMap<>();
        jurisdiction.sql("""
                        with bp as (
                          select p.owner_uscc uscc, min(p.transfer_date) t
                          from parcel p join enterprise e on e.uscc = p.owner_uscc
                          where SCOPE(e.region_code, e.uscc) and p.transfer_date < make_date(:y + 1, 1, 1)
                            and p.transfer_date + make_interval(years => :n) > make_date(:y, 1, 1)
                          group by p.owner_uscc)
                        select bp.uscc, sum(s.fixed_asset_investment)
                        from bp join stats_record s on s.uscc = bp.uscc and s.year between extract(year from bp.t) and :y
                        group by bp.uscc having sum(s.fixed_asset_investment) is not null""", scope)
                .param("y", year).param("n", buildYears)
                .query(rs -> {
                    investment.put(rs.getString(1), rs.getBigDecimal(2).doubleValue());
                });
        return new Parcels(transferred, investment);
    }

    private static Double dbl(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        BigDecimal v = rs.getBigDecimal(col);
        return v == null ? null : v.doubleValue();
    }

    private static Long lng(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    /**
     * SHA-256 (hex) of the canonical serialisation of the inputs: rows in USCC order, one line each, fields
     * separated by '|' in this order: uscc, region, industry, size, status, registered (ISO date), flags
     * (sorted, ','-joined), renter (true/false), tenants, the 13 {@link Quantity} figures in declaration
     * order, events (sorted, ','-joined), land transfer date, exemption application; a missing value is
     * the empty string; a number is the 16 lower-case hex digits of its IEEE 754 double (10.0 is
     * 4024000000000000, 1.5 is 3ff8000000000000: exact, and the same in any language); '|', '\', line breaks (and ',' inside flags and events) are escaped with '\'. UTF-8, each
     * line ended by '\n'. The same data gives the same hash whoever loads it and whenever.
     */
    public static String hash(List<EnterpriseInput> inputs) {
        List<EnterpriseInput> sorted = new ArrayList<>(inputs);
        sorted.sort((a, b) -> a.uscc().compareTo(b.uscc()));
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // the digest of the concatenated lines; encoded in chunks of about 64 KiB
        StringBuilder chunk = new StringBuilder(1 << 16);
        for (EnterpriseInput e : sorted) {
            canonical(e, chunk);
            if (chunk.length() >= (1 << 16) - 512) {
                md.update(chunk.toString().getBytes(StandardCharsets.UTF_8));
                chunk.setLength(0);
            }
        }
        md.update(chunk.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /** One input row as hashed (see {@link #hash}). */
    public static String canonical(EnterpriseInput e) {
        StringBuilder b = new StringBuilder();
        canonical(e, b);
        return b.toString();
    }

    private static void canonical(EnterpriseInput e, StringBuilder b) {
        text(b, e.uscc());
        text(b.append('|'), e.regionCode());
        text(b.append('|'), e.industryCode());
        b.append('|').append(e.sizeClass().name());
        b.append('|').append(e.status().name());
        b.append('|').append(e.registeredOn() == null ? "" : e.registeredOn().toString());
        b.append('|');
        sortedSet(b, e.flags());
        b.append('|').append(e.renter());
        b.append('|').append(e.tenantCount());
        for (Quantity q : Quantity.values()) {
            b.append('|').append(number(e.quantity(q)));
        }
        b.append('|');
        sortedSet(b, e.events());
        b.append('|').append(e.landTransferredOn() == null ? "" : e.landTransferredOn().toString());
        text(b.append('|'), e.exemptionApplied());
        b.append('\n');
    }

    /** The 16 lower-case hex digits of the double's IEEE 754 bits (exact, and much cheaper than a decimal). */
    static String number(Double v) {
        if (v == null) {
            return "";
        }
        String h = Long.toHexString(Double.doubleToLongBits(v));
        return h.length() == 16 ? h : "0".repeat(16 - h.length()) + h;
    }

    private static void sortedSet(StringBuilder b, Set<String> set) {
        String[] a = set.toArray(new String[0]);
        Arrays.sort(a);
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            text(b, a[i], true);
        }
    }

    private static void text(StringBuilder b, String s) {
        text(b, s, false);
    }

    private static void text(StringBuilder b, String s, boolean inList) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|', '\\' -> b.append('\\').append(c);
                case ',' -> {
                    if (inList) {
                        b.append('\\');
                    }
                    b.append(c);
                }
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
