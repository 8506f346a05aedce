package org.mujun.evaluation;

import java.io.PrintStream;
import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.mujun.common.CliCommand;
import org.mujun.common.Uscc;
import org.mujun.evaluation.EvaluationRuns.ResultQuery;
import org.mujun.evaluation.EvaluationRuns.ResultSort;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.security.Scope;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bench-evaluation [--region 33] [--year Y] [--generate N] [--keep] [--runs 1] [--samples 20]}: runs official
 * evaluations of a region on whatever data is loaded and prints the phase times (read inputs, compute, write
 * rows), then the server time of the results and explanation pages measured on the repository calls the pages
 * make (SQL, jurisdiction and mapping; not template rendering). With {@code --generate N} it first creates N
 * synthetic enterprises (USCC prefix 913300EW) with a year of data in Zhejiang's towns (year 2090 unless given)
 * and removes them afterwards unless {@code --keep}. Runs are immutable: run this on a scratch data directory.
 */
@Component
class EvaluationBenchCommand implements CliCommand {

    static final String PREFIX = "913300EW";
    private static final String[] DIVISIONS = {"C13", "C14", "C17", "C18", "C19", "C21", "C22", "C26", "C27", "C29", "C30", "C31", "C32",
            "C33", "C34", "C35", "C36", "C38", "C39", "C40", "C41", "D44"};
    private static final String[] LINE = {"机械", "化工", "模具", "电子", "纺织", "塑料", "汽配", "阀门", "泵业", "五金", "新材料", "精密制造"};
    private static final String[] TRADE = {"恒达", "华宇", "金盛", "东方", "永信", "宏远", "鑫源", "天成", "海鹏", "中恒", "瑞丰", "联创"};

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final EvaluationSchemes schemes;
    private final EvaluationRuns runs;

    EvaluationBenchCommand(JdbcClient jdbc, DataSource dataSource, EvaluationSchemes schemes, EvaluationRuns runs) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.schemes = schemes;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "bench-evaluation";
    }

    @Override
    public String usage() {
        return "bench-evaluation [--region 33] [--year 2090] [--generate 200000] [--keep] [--runs 1]   full-run phase times and results/explanation page times";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        String region = opt(args, "region", "33");
        int generate = Integer.parseInt(opt(args, "generate", "0"));
        int year = Integer.parseInt(opt(args, "year", generate > 0 ? "2090" : String.valueOf(LocalDate.now().getYear() - 1)));
        int times = Integer.parseInt(opt(args, "runs", "1"));
        int samples = Integer.parseInt(opt(args, "samples", "20"));
        boolean keep = args.contains("--keep");
        if (!region.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            out.println("usage: " + usage());
            return 2;
        }
        if (generate > 0) {
            long existing = jdbc.sql("select count(*) from enterprise where uscc like :p").param("p", PREFIX + "%").query(Long.class).single();
            if (existing != generate) {
                if (existing > 0) {
                    cleanUp();
                }
                long t0 = System.nanoTime();
                generate(generate, year, region, out);
                out.printf("generated %,d synthetic enterprises with %d data in %.1f s%n", generate, year, (System.nanoTime() - t0) / 1e9);
            } else {
                out.println("reusing " + existing + " synthetic enterprises");
            }
        }
        try {
            Scope scope = Scope.system(region);
            SchemeVersion s = schemes.latestPublished(region, year, scope).orElseGet(() -> {
                SchemeVersion d = schemes.draft(region, year, scope).orElseGet(() -> schemes.openDefault(region, year, "bench", scope));
                return schemes.publish(d.id(), d.lockVersion(), "bench", scope);
            });
            out.printf("scheme %s %d version %d; enterprises in the database: %,d; load average %.2f%n", region, year, s.version(),
                    jdbc.sql("select count(*) from enterprise").query(Long.class).single(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            Run run = null;
            out.printf("%-8s %10s %10s %10s %10s %10s %10s %12s %12s%n", "run", "enterprises", "load ms", "compute ms", "write ms", "lock ms",
                    "total ms", "JVM CPU ms", "PG CPU ms");
            for (int k = 0; k < times; k++) {
                long jvm0 = jvmCpuMillis();
                long pg0 = postgresCpuMillis();
                long t0 = System.nanoTime();
                run = runs.run(s.id(), RunKind.OFFICIAL, "bench", scope);
                long wall = (System.nanoTime() - t0) / 1_000_000;
                long jvm = jvmCpuMillis() - jvm0;
                long pg = postgresCpuMillis() - pg0;
                var t = run.timings();
                out.printf("%-8d %,10d %10d %10d %10d %10d %10d %12s %12s (wall incl. commit %d ms)%n", run.id(), run.header().inputCount(),
                        t.loadMs(), t.computeMs(), t.writeMs(), t.lockWaitMs(), t.totalMs(), jvm0 < 0 ? "n/a" : jvm,
                        pg0 < 0 ? "n/a" : pg, wall);
            }
            out.println("(CPU times: this JVM's process time and the PostgreSQL server processes' (Linux /proc) during the run; on a busy machine");
            out.println(" they show the work done, the wall times the waiting too. Load average now: "
                    + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ")");
            pages(run, region, samples, out);
        } finally {
            if (generate > 0 && !keep) {
                cleanUp();
                out.println("synthetic enterprises removed (their runs stay: runs are immutable)");
            }
        }
        return 0;
    }

    private void pages(Run run, String region, int samples, PrintStream out) {
        Scope scope = Scope.system(region);
        out.println();
        out.printf("%-58s %8s %8s %8s%n", "page (repository calls, " + samples + " samples)", "p50 ms", "p95 ms", "max ms");
        row(out, "results: first page (rank order)", samples, () -> runs.results(run, ResultQuery.firstPage(), scope));
        row(out, "results: class D", samples, () -> runs.results(run, q(null, "D", null, null, ResultSort.RANK, 0), scope));
        row(out, "results: page 100 (offset 5,000)", samples, () -> runs.results(run, q(null, null, null, null, ResultSort.RANK, 100), scope));
        row(out, "results: sorted by USCC, page 10", samples, () -> runs.results(run, q(null, null, null, null, ResultSort.USCC, 10), scope));
        row(out, "results: industry C34, by 亩均税收", samples, () -> runs.results(run, q(null, null, "C34", null, ResultSort.TAX_PER_MU, 0), scope));
        row(out, "results: name contains 机械", samples, () -> runs.results(run, q(null, null, null, "机械", ResultSort.RANK, 0), scope));
        String town = jdbc.sql("select region_code from evaluation_result where run_id = :r and length(region_code) = 9 limit 1")
                .param("r", run.id()).query(String.class).optional().orElse(region);
        Scope townScope = Scope.system(town);
        row(out, "results: a town officer's view (" + town + ")", samples, () -> runs.results(run, ResultQuery.firstPage(), townScope));
        List<String> graded = jdbc.sql("select uscc from evaluation_result where run_id = :r and outcome = 'GRADED' order by md5(uscc) limit :n")
                .param("r", run.id()).param("n", Math.max(1, samples)).query(String.class).list();
        if (!graded.isEmpty()) {
            int[] i = {0};
            row(out, "explanation of a graded enterprise", samples,
                    () -> runs.explanation(run, graded.get(i[0]++ % graded.size()), scope).orElseThrow());
        }
    }

    private static long jvmCpuMillis() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean o ? o.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** CPU time (user + system) of the PostgreSQL postmaster's children, from /proc; −1 where that cannot be read. */
    private long postgresCpuMillis() {
        try {
            String dir = jdbc.sql("show data_directory").query(String.class).single();
            java.nio.file.Path pidFile = java.nio.file.Path.of(dir, "postmaster.pid");
            if (!java.nio.file.Files.isReadable(pidFile)) {
                return -1;
            }
            long postmaster = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).trim());
            long ticks = 0;
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) procs::iterator) {
                    if (!p.getFileName().toString().matches("\\d+")) {
                        continue;
                    }
                    try {
                        String stat = java.nio.file.Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(p.getFileName().toString());
                        if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks * 10; // USER_HZ = 100 on Linux
        } catch (Exception e) {
            return -1;
        }
    }

    private static ResultQuery q(String pop, String cls, String industry, String text, ResultSort sort, int page) {
        return new ResultQuery(pop == null ? null : PopulationKind.valueOf(pop), cls, null, industry, text, sort, false, page, 50);
    }

    private static void row(PrintStream out, String label, int samples, Supplier<?> work) {
        work.get(); // warm up
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long s = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - s) / 1e6);
        }
        Collections.sort(ms);
        out.printf("%-58s %8.1f %8.1f %8.1f%n", label, pct(ms, 50), pct(ms, 95), ms.get(ms.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    private static String opt(List<String> args, String key, String dflt) {
        String v = CliCommand.option(args, key);
        return v == null ? dflt : v;
    }

    /**
     * Deterministic synthetic enterprises in the region's towns with a year of data: 40 % 规上, 2.5 % suspended, one
     * parcel each (1,000–60,000 m², 3 % transferred within three years), 5 % leasing part of it out, tax, statistics
     * (a few with fixed-asset investment), electricity (month 0), energy for half, emissions for 90 %, events 0.5 %.
     */
    private void generate(int n, int year, String region, PrintStream out) throws Exception {
        List<String> towns = jdbc.sql("select code from region where level = 'town' and code like :p order by code").param("p", region + "%")
                .query(String.class).list();
        if (towns.isEmpty()) {
            throw new IllegalArgumentException("区域 " + region + " 下没有乡镇 / no towns under " + region);
        }
        Random rnd = new Random(2090);
        StringBuilder ent = new StringBuilder(n * 100);
        StringBuilder par = new StringBuilder(n * 60);
        StringBuilder lea = new StringBuilder(n / 20 * 60);
        StringBuilder tax = new StringBuilder(n * 40);
        StringBuilder stats = new StringBuilder(n * 60);
        StringBuilder elec = new StringBuilder(n * 40);
        StringBuilder energy = new StringBuilder(n / 2 * 50);
        StringBuilder emis = new StringBuilder(n * 50);
        StringBuilder events = new StringBuilder(n / 200 * 60);
        String[] usccs = new String[n];
        for (int i = 0; i < n; i++) {
            String first17 = PREFIX + String.format("%09d", i);
            usccs[i] = first17 + Uscc.checkChar(first17);
        }
        for (int i = 0; i < n; i++) {
            String town = towns.get(rnd.nextInt(towns.size()));
            boolean above = rnd.nextInt(10) < 4;
            String name = TRADE[rnd.nextInt(TRADE.length)] + LINE[rnd.nextInt(LINE.length)] + "评价基准" + i + "号有限公司";
            ent.append(usccs[i]).append(',').append(name).append(',').append(town).append(',').append(DIVISIONS[rnd.nextInt(DIVISIONS.length)])
                    .append(String.format("%02d", rnd.nextInt(100))).append(',').append(above ? "ABOVE" : "BELOW").append(',')
                    .append(rnd.nextInt(40) == 0 ? "SUSPENDED" : "OPERATING").append(',')
                    .append(LocalDate.of(1995, 1, 1).plusDays(rnd.nextInt(11_000))).append(",\"")
                    .append(rnd.nextInt(30) == 0 ? "{高新技术}" : rnd.nextInt(200) == 0 ? "{公用事业}" : "{}").append("\"\n");
            int m2 = 1_000 + rnd.nextInt(59_000);
            LocalDate transfer = rnd.nextInt(33) == 0 ? LocalDate.of(year - 1, 1, 1).plusDays(rnd.nextInt(365))
                    : LocalDate.of(2000, 1, 1).plusDays(rnd.nextInt(7_000));
            par.append("BENCH-EV-").append(i).append(',').append(usccs[i]).append(',').append(town).append(',').append(m2).append(".00,")
                    .append(transfer).append('\n');
            if (rnd.nextInt(20) == 0) {
                lea.append(usccs[i]).append(',').append(usccs[(i + 1 + rnd.nextInt(Math.max(1, n - 1))) % n]).append(',').append(m2 / 4).append(".00,").append(year - 1)
                        .append(',').append(year + 1).append('\n');
            }
            double mu = m2 / 666.67;
            double taxPerMu = Math.max(0, 5 + rnd.nextGaussian() * 12 + (above ? 15 : 0));
            tax.append(usccs[i]).append(',').append(year).append(',').append(String.format("%.2f", taxPerMu * mu)).append('\n');
            double va = taxPerMu * mu * (3 + rnd.nextDouble() * 4);
            stats.append(usccs[i]).append(',').append(year).append(',').append(String.format("%.2f", va * 4)).append(',')
                    .append(String.format("%.2f", va)).append(',').append(5 + rnd.nextInt(above ? 500 : 60)).append(',')
                    .append(String.format("%.2f", va * rnd.nextDouble() * 0.05)).append(',').append(above).append(',')
                    .append(rnd.nextInt(100) == 0 ? String.format("%.0f", 2000 + rnd.nextDouble() * 15000) : "").append('\n');
            elec.append(usccs[i]).append(',').append(year).append(",0,").append(50_000 + rnd.nextInt(5_000_000)).append('\n');
            if (rnd.nextBoolean()) {
                energy.append(usccs[i]).append(',').append(year).append(',').append(rnd.nextBoolean() ? "RAW_COAL,".concat(String.valueOf(1 + rnd.nextInt(500))).concat(",t")
                        : "NATURAL_GAS,".concat(String.valueOf(1 + rnd.nextInt(50))).concat(",万m3")).append('\n');
            }
            if (rnd.nextInt(10) != 0) {
                emis.append(usccs[i]).append(',').append(year).append(',').append(String.format("%.3f", rnd.nextDouble() * 5)).append(',')
                        .append(String.format("%.3f", rnd.nextDouble() * 0.5)).append(',').append(String.format("%.3f", rnd.nextDouble() * 3))
                        .append(',').append(String.format("%.3f", rnd.nextDouble() * 3)).append('\n');
            }
            if (rnd.nextInt(200) == 0) {
                events.append(usccs[i]).append(',').append(LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(360))).append(',')
                        .append(rnd.nextBoolean() ? "MAJOR_SAFETY_ACCIDENT" : "ENVIRONMENTAL_PENALTY").append('\n');
            }
        }
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy enterprise (uscc, name, region_code, industry_code, size_class, status, registered_on, flags) from stdin with (format csv)",
                    new StringReader(ent.toString()));
            copy.copyIn("copy parcel (certificate_no, owner_uscc, region_code, area_m2, transfer_date) from stdin with (format csv)",
                    new StringReader(par.toString()));
            copy.copyIn("copy lease (lessor_uscc, lessee_uscc, area_m2, start_year, end_year) from stdin with (format csv)", new StringReader(lea.toString()));
            copy.copyIn("copy tax_record (uscc, year, total_tax) from stdin with (format csv)", new StringReader(tax.toString()));
            copy.copyIn("copy stats_record (uscc, year, revenue, value_added, employees, rnd_expense, above_scale, fixed_asset_investment) "
                    + "from stdin with (format csv)", new StringReader(stats.toString()));
            copy.copyIn("copy electricity_record (uscc, year, month, kwh) from stdin with (format csv)", new StringReader(elec.toString()));
            copy.copyIn("copy energy_record (uscc, year, energy_type, quantity, unit) from stdin with (format csv)", new StringReader(energy.toString()));
            copy.copyIn("copy emission_record (uscc, year, cod, ammonia_nitrogen, so2, nox) from stdin with (format csv)", new StringReader(emis.toString()));
            copy.copyIn("copy event_record (uscc, event_date, event_type) from stdin with (format csv)", new StringReader(events.toString()));
        }
        for (String t : List.of("enterprise", "parcel", "lease", "tax_record", "stats_record", "electricity_record", "energy_record",
                "emission_record", "event_record")) {
            jdbc.sql("analyze " + t).update();
        }
    }

    private void cleanUp() {
        String p = PREFIX + "%";
        for (String sql : List.of("delete from event_record where uscc like :p", "delete from emission_record where uscc like :p",
                "delete from energy_record where uscc like :p", "delete from electricity_record where uscc like :p",
                "delete from stats_record where uscc like :p", "delete from tax_record where uscc like :p",
                "delete from lease where lessor_uscc like :p", "delete from parcel where owner_uscc like :p",
                "delete from enterprise where uscc like :p")) {
            jdbc.sql(sql).param("p", p).update();
        }
    }
}
