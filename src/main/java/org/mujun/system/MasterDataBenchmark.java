package org.mujun.system;

import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.mujun.common.CliCommand;
import org.mujun.common.Uscc;
import org.mujun.enterprise.Enterprises;
import org.mujun.land.LandAreas;
import org.mujun.land.LandRule;
import org.mujun.land.Parcels;
import org.mujun.region.Region;
import org.mujun.region.RegionCounts;
import org.mujun.region.Regions;
import org.mujun.security.Scope;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bench-master-data [--enterprises 200000] [--threads 50] [--runs 20] [--keep]}: measures the
 * master-data queries at province scale (SPEC §11: list pages p95 &lt; 100 ms with 50 users; the
 * evaluation's bulk land query "well under a second or two"). It generates synthetic enterprises
 * (USCC prefix 913300BM), parcels (BENCH-…) and leases in Zhejiang's towns with COPY, runs each
 * scenario from {@code --threads} threads, prints p50/p95/max, and deletes its rows unless
 * {@code --keep} (a later run reuses kept rows). Queries run through the same repositories as the
 * pages (jurisdiction SQL included), without HTTP and templates.
 */
@Component
class MasterDataBenchmark implements CliCommand {

    static final String PREFIX = "913300BM";
    private static final String[] TRADE = {"恒达", "华宇", "金盛", "东方", "永信", "宏远", "鑫源", "天成", "海鹏", "中恒", "瑞丰", "联创", "新世纪",
            "博远", "佳禾", "润泽", "通宇", "盛世", "凯达", "银河", "长城", "明珠", "正泰", "万向", "双环", "开元", "精工", "泰隆", "富春", "钱江"};
    private static final String[] TRADE2 = {"", "", "兴", "新", "振", "顺", "昌", "发", "利", "达"};
    private static final String[] LINE = {"机械", "化工", "模具", "电子", "纺织", "塑料", "汽配", "阀门", "泵业", "五金", "新材料", "精密制造",
            "医药", "食品", "家具", "服饰", "包装", "光电", "电器", "铸造"};
    private static final String[] SUFFIX = {"有限公司", "有限公司", "股份有限公司", "科技有限公司"};
    private static final String[] DIVISIONS = {"C13", "C14", "C17", "C18", "C19", "C21", "C22", "C26", "C27", "C29", "C30", "C31", "C32",
            "C33", "C34", "C35", "C36", "C38", "C39", "C40", "C41", "D44", "B10"};

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Regions regions;
    private final Enterprises enterprises;
    private final Parcels parcels;
    private final LandAreas landAreas;
    private final RegionCounts regionCounts;

    MasterDataBenchmark(JdbcClient jdbc, DataSource dataSource, Regions regions, Enterprises enterprises, Parcels parcels,
                        LandAreas landAreas, RegionCounts regionCounts) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.regions = regions;
        this.enterprises = enterprises;
        this.parcels = parcels;
        this.landAreas = landAreas;
        this.regionCounts = regionCounts;
    }

    @Override
    public String name() {
        return "bench-master-data";
    }

    @Override
    public String usage() {
        return "bench-master-data [--enterprises 200000] [--threads 50] [--runs 20] [--keep]   list, search and land-area query times at province scale";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        int n = Integer.parseInt(opt(args, "enterprises", "200000"));
        int threads = Integer.parseInt(opt(args, "threads", "50"));
        int runs = Integer.parseInt(opt(args, "runs", "20"));
        boolean keep = args.contains("--keep");
        long existing = jdbc.sql("select count(*) from enterprise where uscc like :p").param("p", PREFIX + "%").query(Long.class).single();
        if (existing > 0 && existing != n) {
            out.println("found " + existing + " benchmark enterprises from an earlier --keep run; removing them first");
            cleanUp();
            existing = 0;
        }
        if (existing == 0) {
            long t0 = System.nanoTime();
            generate(n, out);
            out.printf("generated %,d enterprises, %,d parcels, %,d leases in %.1f s%n", n,
                    jdbc.sql("select count(*) from parcel where certificate_no like 'BENCH-%'").query(Long.class).single(),
                    jdbc.sql("select count(*) from lease where lessor_uscc like :p").param("p", PREFIX + "%").query(Long.class).single(),
                    (System.nanoTime() - t0) / 1e9);
        } else {
            out.println("reusing " + existing + " benchmark enterprises");
        }
        out.printf("enterprises in the database: %,d; parcels: %,d; load average: %s%n",
                jdbc.sql("select count(*) from enterprise").query(Long.class).single(),
                jdbc.sql("select count(*) from parcel").query(Long.class).single(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println();
        try {
            measure(threads, runs, out);
        } finally {
            if (!keep) {
                cleanUp();
                out.println("benchmark rows removed");
            }
        }
        return 0;
    }

    private void measure(int threads, int runs, PrintStream out) throws Exception {
        Scope province = Scope.system("33");
        Scope city = Scope.system("3310");
        Scope county = Scope.system("331082");
        Scope town = Scope.system("331082001");
        String rareName = jdbc.sql("select substr(name, 3, 6) from enterprise where uscc like :p order by uscc offset 12345 limit 1").param("p", PREFIX + "%")
                .query(String.class).optional().orElse("恒达机械");
        Enterprises.Sort name = Enterprises.Sort.NAME;
        out.printf("%-62s %8s %8s %8s%n", "scenario (" + threads + " threads × " + runs + " runs)", "p50 ms", "p95 ms", "max ms");
        row(out, "enterprises: province, first page by name", threads, runs,
                () -> enterprises.search(Enterprises.Filter.NONE, name, false, 0, 50, province));
        row(out, "enterprises: province, name contains 机械", threads, runs,
                () -> enterprises.search(filter("机械", null, null, null), name, false, 0, 50, province));
        row(out, "enterprises: province, name contains '" + rareName + "'", threads, runs,
                () -> enterprises.search(filter(rareName, null, null, null), name, false, 0, 50, province));
        row(out, "enterprises: province, USCC prefix " + PREFIX + "0012", threads, runs,
                () -> enterprises.search(filter(PREFIX + "0012", null, null, null), name, false, 0, 50, province));
        row(out, "enterprises: province, page 50 (offset 2,500)", threads, runs,
                () -> enterprises.search(Enterprises.Filter.NONE, name, false, 50, 50, province));
        row(out, "enterprises: city 3310, industry C34, 规上", threads, runs,
                () -> enterprises.search(filter(null, null, "C34", "ABOVE"), name, false, 0, 50, city));
        row(out, "enterprises: county 331082 by registration date desc", threads, runs,
                () -> enterprises.search(Enterprises.Filter.NONE, Enterprises.Sort.REGISTERED, true, 0, 50, county));
        row(out, "enterprises: town 331082001, first page", threads, runs,
                () -> enterprises.search(Enterprises.Filter.NONE, name, false, 0, 50, town));
        List<Long> ids = jdbc.sql("select id from enterprise where uscc like :p order by random() limit 1000").param("p", PREFIX + "%")
                .query(Long.class).list();
        Random r = new Random(7);
        row(out, "enterprise by id (master record)", threads, runs,
                () -> enterprises.find(ids.get(r.nextInt(ids.size())), province));
        row(out, "parcels: province, first page", threads, runs,
                () -> parcels.search(Parcels.Filter.NONE, 0, 50, province));
        row(out, "parcels: city 3310, 10-50 亩", threads, runs,
                () -> parcels.search(new Parcels.Filter(null, null, null, new BigDecimal("10"), new BigDecimal("50")), 0, 50, city));
        row(out, "regions tree: province, counts for 11 cities", threads, runs,
                () -> regionCounts.byPrefix("33", 4, province));
        row(out, "home cards: enterprises + parcels in the province", threads, runs,
                () -> enterprises.count(province) + parcels.count(province));
        out.println();
        out.printf("%-62s %8s %8s %8s%n", "bulk evaluated land (1 thread × 5 runs)", "p50 ms", "p95 ms", "max ms");
        row(out, "LandAreas.forYear(2024, province, default rule)", 1, 5,
                () -> landAreas.forYear(2024, province, LandRule.DEFAULT).byUscc().size());
        row(out, "LandAreas.forYear(2024, province, merge tenants)", 1, 5,
                () -> landAreas.forYear(2024, province, LandRule.MERGE_TENANTS).byUscc().size());
        LandAreas.Year y = landAreas.forYear(2024, province, LandRule.DEFAULT);
        out.printf("  → %,d enterprises evaluated, %,d clamped at 0, %,d with tenants%n", y.byUscc().size(), y.clamped().size(),
                y.byUscc().values().stream().filter(x -> x.tenants() > 0).count());
    }

    private static Enterprises.Filter filter(String q, String region, String industry, String size) {
        return new Enterprises.Filter(q, region, industry, size, null, null, null);
    }

    private static void row(PrintStream out, String label, int threads, int runs, Supplier<?> work) throws Exception {
        work.get(); // warm up
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < runs; i++) {
                        long s = System.nanoTime();
                        work.get();
                        ms.add((System.nanoTime() - s) / 1e6);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        out.printf("%-62s %8.1f %8.1f %8.1f%n", label, pct(sorted, 50), pct(sorted, 95), sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    /** Deterministic synthetic data: names from trade words, towns of all Zhejiang, ~1.1 parcels and 0.1 leases per enterprise. */
    private void generate(int n, PrintStream out) throws Exception {
        List<Region> towns = regions.ofLevel("town");
        Random rnd = new Random(20221);
        StringBuilder ent = new StringBuilder(n * 110);
        StringBuilder par = new StringBuilder(n * 70);
        StringBuilder lea = new StringBuilder(n / 10 * 60);
        String[] usccs = new String[n];
        int[] firstArea = new int[n];
        for (int i = 0; i < n; i++) {
            String first17 = PREFIX + String.format("%09d", i);
            usccs[i] = first17 + Uscc.checkChar(first17);
        }
        for (int i = 0; i < n; i++) {
            Region town = towns.get(rnd.nextInt(towns.size()));
            String place = town.name().length() >= 2 ? town.name().substring(0, 2) : town.name();
            String name = place + TRADE[rnd.nextInt(TRADE.length)] + TRADE2[rnd.nextInt(TRADE2.length)] + LINE[rnd.nextInt(LINE.length)]
                    + SUFFIX[rnd.nextInt(SUFFIX.length)];
            String flags = rnd.nextInt(20) == 0 ? "{专精特新}" : rnd.nextInt(50) == 0 ? "{高新技术,上市}" : "{}";
            LocalDate reg = LocalDate.of(1990, 1, 1).plusDays(rnd.nextInt(12_000));
            ent.append(usccs[i]).append(',').append(name).append(',').append(town.code()).append(',')
                    .append(DIVISIONS[rnd.nextInt(DIVISIONS.length)]).append(',').append(rnd.nextInt(5) == 0 ? "ABOVE" : "BELOW").append(',')
                    .append(rnd.nextInt(40) == 0 ? "SUSPENDED" : "OPERATING").append(',').append(reg).append(",\"").append(flags).append("\"\n");
            int parcelsOf = rnd.nextInt(10) < 8 ? 1 : rnd.nextInt(2) == 0 ? 0 : 2;
            for (int k = 0; k < parcelsOf; k++) {
                int m2 = 1_000 + rnd.nextInt(99_000);
                if (k == 0) {
                    firstArea[i] = m2;
                }
                par.append("BENCH-").append(i).append('-').append(k).append(',').append(usccs[i]).append(',').append(town.code()).append(',')
                        .append(m2).append(".00,工业用地,").append(rnd.nextInt(15) == 0).append(',')
                        .append(LocalDate.of(2000, 1, 1).plusDays(rnd.nextInt(9_000))).append('\n');
            }
        }
        for (int i = 0; i < n; i++) {
            if (firstArea[i] > 0 && rnd.nextInt(10) == 0) {
                int j = rnd.nextInt(n);
                if (j == i) {
                    continue;
                }
                int start = 2018 + rnd.nextInt(7);
                lea.append(usccs[i]).append(',').append(usccs[j]).append(',').append(firstArea[i] / (2 + rnd.nextInt(4))).append(".00,")
                        .append(start).append(',').append(start + rnd.nextInt(6)).append('\n');
            }
        }
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy enterprise (uscc, name, region_code, industry_code, size_class, status, registered_on, flags) from stdin with (format csv)",
                    new StringReader(ent.toString()));
            copy.copyIn("copy parcel (certificate_no, owner_uscc, region_code, area_m2, land_use, standard_land, transfer_date) from stdin with (format csv)",
                    new StringReader(par.toString()));
            copy.copyIn("copy lease (lessor_uscc, lessee_uscc, area_m2, start_year, end_year) from stdin with (format csv)",
                    new StringReader(lea.toString()));
        }
        jdbc.sql("analyze enterprise").update();
        jdbc.sql("analyze parcel").update();
        jdbc.sql("analyze lease").update();
    }

    private void cleanUp() {
        jdbc.sql("delete from lease where lessor_uscc like :p or lessee_uscc like :p").param("p", PREFIX + "%").update();
        jdbc.sql("delete from parcel where certificate_no like 'BENCH-%'").update();
        jdbc.sql("delete from enterprise where uscc like :p").param("p", PREFIX + "%").update();
    }

    private static String opt(List<String> args, String key, String dflt) {
        String v = CliCommand.option(args, key);
        return v == null ? dflt : v;
    }
}
