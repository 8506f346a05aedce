package org.mujun.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mujun.common.CliCommand;
import org.mujun.common.DatasetType;
import org.mujun.common.Uscc;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench-import --rows 1000000 [--enterprises 200000] [--years 5] [--keep]}: the import
 * benchmark of SPEC §11 (a 1,000,000-row CSV in under 30 s), reproducible from nothing. It makes
 * its own input — enterprises with valid USCCs in real 临海市 towns, registered through the real
 * {@code ENTERPRISE} import, then a tax CSV — and runs the tax file through {@link Ingestion}, the
 * path of {@code import} and of an upload: a first import, a corrected re-import with one row in
 * ten changed, and the corrected file again (a duplicate). Every phase's outcome is checked against
 * what the generated files imply, so the figures are only printed for a pipeline that did its work.
 * Its rows (USCCs {@value #USCC_HEAD}…) are removed at the end unless {@code --keep}.
 */
@Component
class BenchImportCommand implements CliCommand {

    /** 临海市 (331082) enterprises, organisation codes beginning BN: no fixture or demo code looks like this. */
    static final String USCC_HEAD = "91331082BN";
    static final String FILE_PREFIX = "bench-import-";
    private static final String COUNTY = "331082";
    private static final String TAX_HEADER = "统一社会信用代码,年度,实缴税金合计(万元),增值税(万元),企业所得税(万元),其他税费(万元),退税(万元)\n";
    private static final String ENTERPRISE_HEADER = "统一社会信用代码,企业名称,所在乡镇街道代码,行业代码,规模,成立日期\n";
    private static final String[] INDUSTRIES = {"C13", "C17", "C26", "C29", "C30", "C33", "C34", "C35", "C38", "C39"};

    private final Ingestion ingestion;
    private final Users users;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final IngestLimits limits;

    BenchImportCommand(Ingestion ingestion, Users users, JdbcClient jdbc, TransactionTemplate tx, IngestLimits limits) {
        this.ingestion = ingestion;
        this.users = users;
        this.jdbc = jdbc;
        this.tx = tx;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "bench-import";
    }

    @Override
    public String usage() {
        return "bench-import [--rows 1000000] [--enterprises ROWS/5] [--years 5] [--dir PATH] [--as USERNAME] [--keep]";
    }

    /** One measured phase: what the pipeline reported and what it cost. */
    record Phase(String name, DatasetType dataset, int fileRows, UploadResult result, double seconds, long peakHeap,
                 long peakRss, long gcCount, long gcMillis, int expectedChanged, String expectedStatus) {
        boolean asExpected() {
            return result.status().equals(expectedStatus) && result.changedRows() == expectedChanged && result.invalidRows() == 0;
        }
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        int rows = intOption(args, "rows", 1_000_000);
        int years = intOption(args, "years", 5);
        int enterprises = intOption(args, "enterprises", Math.max(1, (rows + years - 1) / years));
        boolean keep = args.contains("--keep");
        if (rows < 1 || enterprises < 1 || years < 1 || years > 20) {
            throw new IllegalArgumentException("--rows and --enterprises must be positive, --years 1 to 20");
        }
        if ((long) enterprises * years < rows) {
            throw new IllegalArgumentException("--rows " + rows + " needs at least " + rows + " distinct (enterprise, year) keys; "
                    + enterprises + " enterprises × " + years + " years give " + (long) enterprises * years);
        }
        if (rows > limits.maxRows() || enterprises > limits.maxRows() || enterprises > 10_000_000) {
            throw new IllegalArgumentException("at most " + limits.maxRows() + " rows per file (mujun.ingest.max-rows)");
        }
        MujunUser user = user(CliCommand.option(args, "as"));
        String dirOption = CliCommand.option(args, "dir");
        Path dir = dirOption != null ? Files.createDirectories(Path.of(dirOption)) : Files.createTempDirectory("mujun-bench-");
        int firstYear = Year.now().getValue() - years; // the validator accepts years up to next year; stay in the past

        List<String> towns = jdbc.sql("select code from region where level = 'town' and code like :c order by code")
                .param("c", COUNTY + "%").query(String.class).list();
        if (towns.isEmpty()) {
            throw new IllegalStateException("no towns of " + COUNTY + " in the region table");
        }
        long leftovers = jdbc.sql("select count(*) from enterprise where uscc like :p").param("p", USCC_HEAD + "%").query(Long.class).single();
        if (leftovers > 0) {
            out.printf("removing %,d enterprises and their rows left by an earlier bench-import --keep%n", leftovers);
            cleanUp();
        }
        long otherTax = jdbc.sql("select count(*) from tax_record").query(Long.class).single();
        long otherEnterprises = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "bench-import: %,d tax rows (%,d enterprises × up to %d years, %d–%d), as %s (%s %s)%n", rows, enterprises, years,
                firstYear, firstYear + years - 1, user.username(), user.role(), user.regionCode());
        out.printf(Locale.ROOT, "JVM max heap %d MB, %d CPUs, load average %.2f; database already holds %,d enterprises and %,d tax records%n",
                rt.maxMemory() >> 20, rt.availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                otherEnterprises, otherTax);
        out.println("enterprises are registered through the real ENTERPRISE import pipeline (not a direct COPY); files in " + dir);

        Path entFile = dir.resolve(FILE_PREFIX + "enterprises.csv");
        Path taxFile = dir.resolve(FILE_PREFIX + "tax.csv");
        Path corrFile = dir.resolve(FILE_PREFIX + "tax-corrected.csv");
        long t0 = System.nanoTime();
        writeEnterprises(entFile, enterprises, towns);
        writeTax(taxFile, rows, enterprises, firstYear, false);
        writeTax(corrFile, rows, enterprises, firstYear, true);
        out.printf(Locale.ROOT, "generated 3 files (%,d MB) in %.1f s%n",
                (Files.size(entFile) + Files.size(taxFile) + Files.size(corrFile)) >> 20, (System.nanoTime() - t0) / 1e9);

        int corrected = correctedRows(rows);
        List<Phase> phases = new ArrayList<>();
        try (HeapWatch watch = new HeapWatch()) {
            phases.add(measure(watch, "enterprises (ENTERPRISE)", DatasetType.ENTERPRISE, entFile, enterprises, enterprises, "APPLIED", user));
            phases.add(measure(watch, "first import (TAX)", DatasetType.TAX, taxFile, rows, rows, "APPLIED", user));
            phases.add(measure(watch, "corrected re-import (TAX)", DatasetType.TAX, corrFile, rows, corrected, "APPLIED", user));
            phases.add(measure(watch, "same file again (TAX)", DatasetType.TAX, corrFile, rows, 0, "DUPLICATE", user));
            print(phases, watch.rssPerPhase(), out);
            long history = jdbc.sql("select count(*) from data_change where upload_id = :id")
                    .param("id", phases.get(2).result().id()).query(Long.class).single();
            out.printf(Locale.ROOT, "history written by the corrected re-import: %,d values (expected %,d: total tax and other taxes of %,d rows)%n",
                    history, 2L * corrected, corrected);
            boolean ok = phases.stream().allMatch(Phase::asExpected) && history == 2L * corrected;
            if (!ok) {
                out.println("FAILED: a phase did not do what its file implies (see status and changed); the figures are not valid");
            }
            return ok ? 0 : 1;
        } finally {
            if (keep) {
                out.println("--keep: the rows and files are kept (" + dir + "); the next bench-import removes the rows first");
            } else {
                long c0 = System.nanoTime();
                cleanUp();
                Files.deleteIfExists(entFile);
                Files.deleteIfExists(taxFile);
                Files.deleteIfExists(corrFile);
                if (dirOption == null) {
                    Files.deleteIfExists(dir);
                }
                out.printf(Locale.ROOT, "cleaned up the benchmark's rows and files in %.1f s (the audit log keeps its entries: it is append-only)%n",
                        (System.nanoTime() - c0) / 1e9);
            }
        }
    }

    private Phase measure(HeapWatch watch, String name, DatasetType type, Path file, int fileRows, int expectedChanged,
                          String expectedStatus, MujunUser user) throws IOException {
        System.gc(); // start every phase from the same baseline heap, so its peak is its own
        watch.reset();
        long t0 = System.nanoTime();
        UploadResult r = ingestion.ingest(type, file.getFileName().toString(), file, "CLI", user);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Phase(name, type, fileRows, r, secs, watch.peakHeapBytes(), HeapWatch.peakRssBytes(), watch.gcCount(),
                watch.gcMillis(), expectedChanged, expectedStatus);
    }

    private static void print(List<Phase> phases, boolean rssPerPhase, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-27s %10s %10s %8s %10s %10s %9s  %s%n", "phase", "rows", "changed", "seconds", "heap MB", "RSS MB",
                "GC ms", "status");
        for (Phase p : phases) {
            out.printf(Locale.ROOT, "%-27s %,10d %,10d %8.1f %10d %10s %9d  %s%s%n", p.name(), p.fileRows(), p.result().changedRows(),
                    p.seconds(), p.peakHeap() >> 20, p.peakRss() < 0 ? "—" : Long.toString(p.peakRss() >> 20), p.gcMillis(),
                    p.result().status(), p.asExpected() ? "" : "  ≠ expected " + p.expectedStatus() + ", " + p.expectedChanged()
                            + " changed, 0 invalid (got " + p.result().invalidRows() + " invalid: " + p.result().message() + ")");
        }
        out.println("heap MB: peak Java heap in use during the phase (GC notifications); RSS MB: peak resident set of the JVM process"
                + (rssPerPhase ? " during the phase" : " since start") + " (VmHWM; PostgreSQL runs in its own processes)");
    }

    /** Rows whose values the corrected file changes: those with index ≡ 3 (mod 10). */
    static int correctedRows(int rows) {
        return (rows + 6) / 10;
    }

    private static final long CODES = 27_512_614_111L; // 31^7 organisation-code tails

    /**
     * The n-th benchmark USCC. Real codes are not issued in the order a department's file lists
     * them, so the tail is a bijection of n scattered over all 31^7 tails (n·A + B mod 31^7, A prime
     * to 31): keys reach the database's indexes in random order, as they would from a real file.
     */
    static String uscc(int n) {
        long v = Math.floorMod(n * 9_576_890_767L + 1_234_567L, CODES);
        char[] c = new char[17];
        USCC_HEAD.getChars(0, USCC_HEAD.length(), c, 0);
        for (int i = 16; i >= USCC_HEAD.length(); i--) {
            c[i] = Uscc.ALPHABET.charAt((int) (v % 31));
            v /= 31;
        }
        String first17 = new String(c);
        return first17 + Uscc.checkChar(first17);
    }

    private static void writeEnterprises(Path file, int enterprises, List<String> towns) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF'); // as the downloadable template: UTF-8 with BOM
            w.write(ENTERPRISE_HEADER);
            for (int e = 0; e < enterprises; e++) {
                w.write(uscc(e));
                w.write(",临海基准企业");
                w.write(Integer.toString(e));
                w.write("有限公司,");
                w.write(towns.get(e % towns.size()));
                w.write(',');
                w.write(INDUSTRIES[(e / 7) % INDUSTRIES.length]);
                w.write(e % 4 == 0 ? ",规上," : ",规下,");
                w.write(Integer.toString(1995 + e % 28));
                w.write(e % 12 < 9 ? "-0" : "-");
                w.write(Integer.toString(e % 12 + 1));
                w.write("-15\n");
            }
        }
    }

    /**
     * Row {@code i} is enterprise {@code i mod enterprises} in year {@code firstYear + i / enterprises}.
     * Amounts (万元, 4 decimals) grow 5 % a year from a per-enterprise base, so no year-on-year jump
     * is flagged; the corrected file adds 1.2345 to the total and to other taxes of every tenth row.
     */
    private static void writeTax(Path file, int rows, int enterprises, int firstYear, boolean corrected) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(TAX_HEADER);
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                int e = i % enterprises;
                int y = i / enterprises;
                long base = 50_0000L + Math.floorMod(e * 2_654_435_761L, 2_000_0000L); // 50 to 2,050 万元 in units of 0.0001
                long total = base * (100 + 5L * y) / 100;
                long vat = total * 55 / 100;
                long cit = total * 25 / 100;
                long other = total - vat - cit;
                if (corrected && i % 10 == 3) {
                    total += 1_2345;
                    other += 1_2345;
                }
                line.setLength(0);
                line.append(uscc(e)).append(',').append(firstYear + y).append(',');
                amount(line, total).append(',');
                amount(line, vat).append(',');
                amount(line, cit).append(',');
                amount(line, other).append(',');
                if (e % 5 == 0) {
                    amount(line, total * 3 / 100);
                }
                line.append('\n');
                w.append(line);
            }
        }
    }

    private static StringBuilder amount(StringBuilder sb, long tenThousandths) {
        long frac = tenThousandths % 10_000;
        sb.append(tenThousandths / 10_000).append('.');
        if (frac < 1000) sb.append('0');
        if (frac < 100) sb.append('0');
        if (frac < 10) sb.append('0');
        return sb.append(frac);
    }

    /** Removes everything the benchmark wrote, in one transaction (the audit log is append-only and keeps its entries). */
    void cleanUp() {
        String p = USCC_HEAD + "%";
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    delete from data_change where uscc like :p
                       or upload_id in (select id from upload where file_name like :f and source = 'CLI')""")
                    .param("p", p).param("f", FILE_PREFIX + "%").update();
            jdbc.sql("delete from quality_finding where uscc like :p").param("p", p).update();
            jdbc.sql("delete from tax_record where uscc like :p").param("p", p).update();
            jdbc.sql("delete from upload where file_name like :f and source = 'CLI'").param("f", FILE_PREFIX + "%").update();
            jdbc.sql("delete from enterprise where uscc like :p").param("p", p).update();
        });
    }

    private MujunUser user(String as) {
        return as != null
                ? users.findByUsername(as).orElseThrow(() -> new IllegalArgumentException("no user " + as))
                : users.all().stream().filter(u -> u.role() == Role.PROVINCE_ADMIN && u.isEnabled()).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no PROVINCE_ADMIN account; pass --as USERNAME"));
    }

    private static int intOption(List<String> args, String key, int dflt) {
        String v = CliCommand.option(args, key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number: " + v);
        }
    }
}
