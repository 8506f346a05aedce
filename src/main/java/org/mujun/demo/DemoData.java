package org.mujun.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.mujun.audit.AuditLog;
import org.mujun.demo.DemoWorld.Zone;
import org.mujun.ingest.QualityChecks;
import org.mujun.region.Region;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads and removes the demo world (SPEC §12). A load is one transaction: the zones are inserted,
 * then each table is streamed from {@link DemoWorld} into PostgreSQL with COPY in 64 KB chunks
 * (memory stays flat for any size), the load is recorded in {@code demo_load} and the audit log,
 * and the data-quality checks are re-run so that the planted problems show up. Demo rows are the
 * enterprises flagged {@value DemoWorld#DEMO_FLAG} and the rows keyed by their USCCs.
 */
@Service
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** 临海市, 黄岩区 (台州) and 长兴县 (湖州): the default demo counties. */
    public static final List<String> DEFAULT_COUNTIES = List.of("331082", "331003", "330522");
    private static final long LOCK_KEY = 0x64656d6fL; // "demo"
    private static final Scope ALL = Scope.system("");

    public enum Mode {
        /** Refuse when demo data exists. */
        NEW,
        /** Add another batch beside existing demo data. */
        APPEND,
        /** Delete existing demo data first. */
        REPLACE,
        /** Load only into a database with no enterprises that never had demo data (first start). */
        FIRST_START
    }

    public record Request(long seed, int enterprises, List<String> counties, Mode mode, int lastYear) { }

    /** Aggregates of one county's operating demo enterprises with land in the last year (utilities left out). */
    public record CountyFigures(String code, String name, long above, double aboveMu, double aboveTaxPerMu, double aboveValueAddedPerMu,
                                long below, double belowTaxPerMu) { }

    public record Result(long loadId, int batch, int enterprises, List<String> counties, Map<String, Long> rows, int findings,
                         List<CountyFigures> figures, double seconds) {

        Result took(double s) {
            return new Result(loadId, batch, enterprises, counties, rows, findings, figures, s);
        }
    }

    /** Demo data exists and the request neither appends nor replaces. */
    public static class DemoExistsException extends RuntimeException {
        public final long enterprises;

        DemoExistsException(long enterprises) {
            super(String.format("已有演示数据（%,d 家企业）。追加请加 --append，替换请加 --replace / demo data already exists (%,d enterprises): "
                    + "add --append to add more or --replace to replace it", enterprises, enterprises));
            this.enterprises = enterprises;
        }
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Regions regions;
    private final AuditLog audit;
    private final QualityChecks quality;

    DemoData(JdbcClient jdbc, Jurisdiction jurisdiction, DataSource dataSource, TransactionTemplate tx, Regions regions, AuditLog audit,
             QualityChecks quality) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.dataSource = dataSource;
        this.tx = tx;
        this.regions = regions;
        this.audit = audit;
        this.quality = quality;
    }

    /** Enterprises the demo made (flag DEMO). */
    public long demoEnterprises() {
        return jurisdiction.sql("select count(*) from enterprise e where SCOPE(e.region_code, e.uscc) and :flag = any(e.flags)", ALL)
                .param("flag", DemoWorld.DEMO_FLAG).query(Long.class).single();
    }

    /** True in a database without enterprises that never held demo data: where first start loads the demo. */
    public boolean isFirstStart() {
        boolean noEnterprises = jurisdiction.sql("select not exists (select 1 from enterprise e where SCOPE(e.region_code, e.uscc))", ALL)
                .query(Boolean.class).single();
        return noEnterprises && !jdbc.sql("select exists (select 1 from demo_load)").query(Boolean.class).single();
    }

    /** Every county of the region table that has a boundary (87 of Zhejiang's 90). */
    public List<String> allCounties() {
        return jdbc.sql("select r.code from region r join region_geometry g on g.code = r.code where r.level = 'county' order by r.code")
                .query(String.class).list();
    }

    /**
     * Loads a demo world; null when {@link Mode#FIRST_START} finds the database not empty.
     *
     * @throws DemoExistsException      when demo data exists and the mode is {@link Mode#NEW}
     * @throws IllegalArgumentException for an unknown county or a bad size
     */
    public Result load(Request request, String actor) {
        long t0 = System.nanoTime();
        List<DemoCounty> counties = counties(request.counties());
        Result r = tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK_KEY).query().singleRow();
            if (request.mode() == Mode.FIRST_START && !isFirstStart()) {
                return null;
            }
            long existing = demoEnterprises();
            if (existing > 0 && request.mode() == Mode.NEW) {
                throw new DemoExistsException(existing);
            }
            if (existing > 0 && request.mode() == Mode.REPLACE) {
                deleteRows();
            }
            int batch = jdbc.sql("select coalesce(max(batch) + 1, 0) from demo_load").query(Integer.class).single();
            DemoWorld world = new DemoWorld(request.seed(), request.enterprises(), counties, request.lastYear(), batch);
            List<Long> created = new ArrayList<>();
            long[] zoneIds = zones(world, created);
            Map<String, Long> rows = new LinkedHashMap<>();
            try {
                copyAll(world, zoneIds, rows);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            }
            long id = jdbc.sql("""
                    insert into demo_load (batch, seed, enterprises, counties, last_year, zone_ids, loaded_by)
                    values (:b, :s, :n, :c, :y, :z, :by) returning id""")
                    .param("b", batch).param("s", request.seed()).param("n", request.enterprises())
                    .param("c", counties.stream().map(DemoCounty::code).toArray(String[]::new)).param("y", request.lastYear())
                    .param("z", created.toArray(Long[]::new)).param("by", actor).query(Long.class).single();
            audit.append(actor, "DEMO_LOADED", "demo_load:" + id, String.format("seed %d, %d enterprises in %s, batch %d, mode %s",
                    request.seed(), request.enterprises(), String.join(",", request.counties()), batch, request.mode()));
            long q0 = System.nanoTime();
            int findings = qualityChecks();
            log.debug("demo: quality checks in {} ms", (System.nanoTime() - q0) / 1_000_000);
            List<String> names = request.counties().stream().distinct().map(regions::name).toList(); // in the order asked for
            return new Result(id, batch, request.enterprises(), names, rows, findings,
                    figures(counties.stream().map(DemoCounty::code).toList(), request.lastYear()), 0);
        });
        return r == null ? null : r.took((System.nanoTime() - t0) / 1e9);
    }

    /** Deletes every demo row (enterprises flagged DEMO, their land and data, the zones the demo created); returns the enterprises deleted. */
    public long delete(String actor) {
        return tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK_KEY).query().singleRow();
            long n = deleteRows();
            if (n > 0) {
                audit.append(actor, "DEMO_DELETED", "demo", n + " demo enterprises deleted");
                qualityChecks();
            }
            return n;
        });
    }

    /**
     * Re-runs the cross-source checks in the current transaction. The zero-energy check's correlated
     * filter is estimated at a handful of rows, so the planner nests a loop over every enterprise for
     * each of them (minutes at 200,000 enterprises); hash joins, for this transaction only, take seconds.
     */
    private int qualityChecks() {
        jdbc.sql("set local enable_nestloop = off").update();
        int findings = quality.runAll();
        jdbc.sql("set local enable_nestloop = on").update();
        return findings;
    }

    private long deleteRows() {
        long t0 = System.nanoTime();
        jurisdiction.sql("""
                create temp table demo_uscc on commit drop as
                select e.uscc from enterprise e where SCOPE(e.region_code, e.uscc) and :flag = any(e.flags)""", ALL)
                .param("flag", DemoWorld.DEMO_FLAG).update();
        jdbc.sql("alter table demo_uscc add primary key (uscc)").update();
        jdbc.sql("analyze demo_uscc").update();
        List<String> statements = new ArrayList<>(List.of(
                // two statements: with OR the planner cannot hash the USCC list and compares every pair
                "delete from lease where lessor_uscc in (select uscc from demo_uscc)",
                "delete from lease where lessee_uscc in (select uscc from demo_uscc)",
                "delete from parcel where owner_uscc in (select uscc from demo_uscc)"));
        for (String table : List.of("tax_record", "stats_record", "electricity_record", "energy_record", "emission_record", "event_record",
                "quality_finding")) {
            statements.add("delete from " + table + " where uscc in (select uscc from demo_uscc)");
        }
        for (String sql : statements) {
            long t = System.nanoTime();
            long rows = jdbc.sql(sql).update();
            log.debug("demo: {} rows deleted in {} ms: {}", rows, (System.nanoTime() - t) / 1_000_000, sql);
        }
        long n = jdbc.sql("delete from enterprise where uscc in (select uscc from demo_uscc)").update();
        // zones the demo created that no enterprise is left in (one pass: enterprise.zone_id has no index)
        jdbc.sql("""
                delete from zone z where z.id in (select unnest(zone_ids) from demo_load)
                and z.id not in (select e.zone_id from enterprise e where e.zone_id is not null)""").update();
        jdbc.sql("delete from demo_load").update();
        jdbc.sql("drop table demo_uscc").update();
        log.debug("demo: {} demo enterprises and their rows deleted in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
        return n;
    }

    /** The counties with their towns and boundaries; refuses codes that are not counties with a boundary. */
    List<DemoCounty> counties(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("至少需要一个县（市、区） / at least one county is needed");
        }
        List<DemoCounty> out = new ArrayList<>();
        for (String code : codes.stream().distinct().sorted().toList()) {
            Region county = regions.find(code).filter(r -> r.level().equals("county"))
                    .orElseThrow(() -> new IllegalArgumentException("不是县级区划代码：" + code + " / not a county code: " + code));
            String geojson = jdbc.sql("select geojson from region_geometry where code = :c").param("c", code).query(String.class).optional()
                    .orElseThrow(() -> new IllegalArgumentException("县（市、区）" + county.name() + " 没有边界数据 / county " + code + " has no boundary"));
            String city = county.parentCode() == null ? "" : regions.name(county.parentCode());
            List<DemoCounty.Town> towns = regions.children(code).stream().filter(r -> r.level().equals("town"))
                    .map(r -> new DemoCounty.Town(r.code(), r.name())).toList();
            out.add(new DemoCounty(code, county.name(), city, towns, DemoGeometry.parse(geojson)));
        }
        return out;
    }

    private long[] zones(DemoWorld world, List<Long> created) {
        long[] ids = new long[world.zones().size()];
        for (Zone z : world.zones()) {
            Long id = jdbc.sql("""
                    insert into zone (name, kind, region_code, star_rating, geojson) values (:n, :k, :r, :s, :g)
                    on conflict (region_code, name) do nothing returning id""")
                    .param("n", z.name()).param("k", z.kind().name()).param("r", z.regionCode()).param("s", z.stars())
                    .param("g", z.geojson()).query(Long.class).optional().orElse(null);
            if (id != null) {
                created.add(id);
            } else { // an earlier load or an administrator made it: use it
                id = jdbc.sql("select id from zone where region_code = :r and name = :n").param("r", z.regionCode()).param("n", z.name())
                        .query(Long.class).single();
            }
            ids[z.index()] = id;
        }
        return ids;
    }

    private void copyAll(DemoWorld world, long[] zoneIds, Map<String, Long> rows) throws SQLException {
        jdbc.sql("""
                create temp table demo_lease_stage (certificate_no text, lessor_uscc char(18), lessee_uscc char(18), area_m2 numeric(14, 2),
                start_year integer, end_year integer) on commit drop""").update();
        Connection con = DataSourceUtils.getConnection(dataSource);
        CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
        for (DemoTable t : DemoTable.values()) {
            long t0 = System.nanoTime();
            String name = t == DemoTable.LEASE ? "lease" : t.table;
            rows.put(name, copy(copy, world, zoneIds, t));
            log.debug("demo: {} rows of {} in {} ms", rows.get(name), name, (System.nanoTime() - t0) / 1_000_000);
        }
        jdbc.sql("""
                insert into lease (parcel_id, lessor_uscc, lessee_uscc, area_m2, start_year, end_year)
                select p.id, s.lessor_uscc, s.lessee_uscc, s.area_m2, s.start_year, s.end_year
                from demo_lease_stage s left join parcel p on p.certificate_no = s.certificate_no""").update();
        // fresh statistics: without them the planner takes the just-filled tables for empty, and the
        // quality checks that follow in this transaction crawl through nested loops
        for (String table : List.of("enterprise", "parcel", "lease", "stats_record", "tax_record", "electricity_record", "energy_record",
                "emission_record", "event_record", "zone")) {
            jdbc.sql("analyze " + table).update();
        }
    }

    /** Streams one table: every enterprise's lines, sent in 64 KB chunks. */
    private static long copy(CopyManager copy, DemoWorld world, long[] zoneIds, DemoTable table) throws SQLException {
        CopyIn in = copy.copyIn("copy " + table.table + " (" + table.columns + ") from stdin with (format csv)");
        StringBuilder buf = new StringBuilder(1 << 17);
        try {
            for (int i = 0; i < world.size(); i++) {
                table.write(world, world.firm(i), zoneIds, buf);
                if (buf.length() > (1 << 16)) {
                    send(in, buf);
                }
            }
            send(in, buf);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder buf) throws SQLException {
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buf.setLength(0);
    }

    /**
     * 规上 亩均税收 and 亩均增加值 per county for a year, over operating demo enterprises with evaluated
     * land (owned + leased-in − leased-out, SPEC §2) above zero, utilities left out: Σ tax / Σ 亩 as
     * statistics publish them (SPEC §5.1 step 3).
     */
    public List<CountyFigures> figures(List<String> countyCodes, int year) {
        record Sums(long n, double mu, double tax, double va) { }
        Map<String, Sums> sums = new LinkedHashMap<>();
        jurisdiction.sql("""
                with own as (select owner_uscc uscc, sum(area_m2) m2 from parcel group by owner_uscc),
                     lin as (select lessee_uscc uscc, sum(area_m2) m2 from lease where :y between start_year and end_year group by lessee_uscc),
                     lout as (select lessor_uscc uscc, sum(area_m2) m2 from lease where :y between start_year and end_year group by lessor_uscc),
                     land as (select e.uscc, substr(e.region_code, 1, 6) county, e.size_class,
                                     (coalesce(own.m2, 0) + coalesce(lin.m2, 0) - coalesce(lout.m2, 0)) / 666.67 mu
                              from enterprise e left join own on own.uscc = e.uscc left join lin on lin.uscc = e.uscc
                              left join lout on lout.uscc = e.uscc
                              where SCOPE(e.region_code, e.uscc) and :flag = any(e.flags) and e.status = 'OPERATING'
                                and not ('公用事业' = any(e.flags)))
                select l.county, l.size_class, count(*), sum(l.mu), sum(t.total_tax), sum(s.value_added)
                from land l join tax_record t on t.uscc = l.uscc and t.year = :y join stats_record s on s.uscc = l.uscc and s.year = :y
                where l.mu > 0 group by l.county, l.size_class""", ALL)
                .param("y", year).param("flag", DemoWorld.DEMO_FLAG)
                .query(rs -> {
                    sums.put(rs.getString(1) + rs.getString(2), new Sums(rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)));
                });
        List<CountyFigures> out = new ArrayList<>();
        Sums none = new Sums(0, 0, 0, 0);
        for (String code : countyCodes.stream().sorted().toList()) {
            Sums a = sums.getOrDefault(code + "ABOVE", none);
            Sums b = sums.getOrDefault(code + "BELOW", none);
            out.add(new CountyFigures(code, regions.name(code), a.n(), a.mu(), a.mu() > 0 ? a.tax() / a.mu() : 0,
                    a.mu() > 0 ? a.va() / a.mu() : 0, b.n(), b.mu() > 0 ? b.tax() / b.mu() : 0));
        }
        return out;
    }
}
