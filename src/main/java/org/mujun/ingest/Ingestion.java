package org.mujun.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Year;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.mujun.audit.AuditLog;
import org.mujun.common.DatasetType;
import org.mujun.region.Regions;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingestion pipeline (SPEC §3). One upload is one transaction: rows are validated while
 * streamed into a temporary staging table by COPY, the database-side checks (enterprise known, in
 * jurisdiction, key duplicated in the file) move failing rows to the error report, stored records
 * whose values changed are updated with their history, and new records inserted — all or nothing.
 * Imports of one data set are applied one at a time. Memory stays bounded: rows are never held in
 * a list (only an 8-byte hash of each key), and errors are spooled to a temporary file. Each
 * upload logs its time per stage ({@link StageClock}); {@code bench-import} measures the whole.
 */
@Service
public class Ingestion {

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);
    static final String UNKNOWN_ENTERPRISE = "企业不在企业名录中 / enterprise not in master data";
    /** work_mem of an import transaction (PostgreSQL's default is 4 MB): see {@link #apply}. */
    static final String MERGE_WORK_MEM = "64MB";
    /** First key of the transaction-level advisory lock that serialises imports of one data set. */
    static final int LOCK_NAMESPACE = 0x6D6A_0301;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Regions regions;
    private final AuditLog audit;
    private final IngestLimits limits;
    private final QualityChecks quality;
    /** Test hook: called with a stage name inside the transaction; throwing there simulates a crash. */
    volatile Consumer<String> faultInjector = stage -> { };

    Ingestion(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, Regions regions, AuditLog audit,
              IngestLimits limits, QualityChecks quality) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.regions = regions;
        this.audit = audit;
        this.limits = limits;
        this.quality = quality;
    }

    /** Who may upload which data set (SPEC §1): admins any inside their region, providers their own. */
    public static void checkMayUpload(MujunUser user, DatasetType type) {
        if (user == null) {
            throw new AccessDeniedException("not signed in");
        }
        boolean ok = user.role().isAdmin() || (user.role() == Role.DATA_PROVIDER && user.datasets().contains(type.name()));
        if (!ok) {
            throw new AccessDeniedException("您无权上传" + type.nameZh() + "数据 / you may not upload " + type.nameEn() + " data");
        }
    }

    public UploadResult ingest(DatasetType type, String fileName, Path file, String source, MujunUser user) throws IOException {
        checkMayUpload(user, type);
        DatasetSpec spec = DatasetSpec.of(type);
        String prefix = user.regionCode();
        StageClock clock = new StageClock();
        String sha = sha256(file);
        clock.lap("sha256");
        String safeName = fileName == null || fileName.isBlank() ? "upload" : fileName.replaceAll("[\\r\\n]", " ");
        if (safeName.length() > 200) {
            safeName = safeName.substring(0, 200);
        }

        Long sameAs = jdbc.sql("""
                select id from upload where dataset = :ds and uploader_region = :r and status = 'APPLIED' and invalid_rows = 0
                order by id desc limit 1""").param("ds", type.name()).param("r", prefix)
                .query((rs, n) -> rs.getLong(1)).optional()
                .filter(id -> sha.equals(jdbc.sql("select file_sha256 from upload where id = :id").param("id", id).query(String.class).single()))
                .orElse(null);
        if (sameAs != null) {
            String msg = "与批次 #" + sameAs + " 的文件完全相同，未做任何更改 / identical to upload #" + sameAs + "; nothing changed";
            return record(type, safeName, sha, "-", null, source, user, "DUPLICATE", 0, 0, 0, 0, List.of(), msg);
        }

        clock.lap("duplicate check");
        RowSource rows;
        try {
            rows = XlsxRowSource.open(file, safeName, limits);
            clock.lap("open and detect encoding");
        } catch (RejectedFileException e) {
            return record(type, safeName, sha, guessFormat(safeName), null, source, user, "REJECTED", 0, 0, 0, 0, List.of(), e.getMessage());
        }
        Path errorSpool = Files.createTempFile("mujun-errors", ".csv");
        String format = rows.format();
        String encoding = rows.encoding();
        final String name = safeName;
        try (rows) {
            Stats stats = tx.execute(status -> {
                try {
                    return apply(spec, rows, name, sha, source, user, errorSpool, clock);
                } catch (IOException | SQLException e) {
                    throw new IngestFailure(e);
                }
            });
            clock.lap("commit");
            audit.append(user.username(), "UPLOAD_" + stats.status, "upload:" + stats.id,
                    type.name() + " " + name + " rows=" + stats.total + " valid=" + stats.valid + " invalid=" + stats.invalid
                            + " changed=" + stats.changed);
            clock.lap("audit");
            if (!stats.years.isEmpty()) {
                quality.run(stats.years);
                clock.lap("quality checks");
            }
            log.info("Upload #{} {} ({} rows, {} changed): {}", stats.id, type, stats.total, stats.changed, clock);
            return result(stats.id);
        } catch (RejectedFileException e) {
            return record(type, safeName, sha, format, encoding, source, user, "REJECTED", 0, 0, 0, 0, List.of(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Upload of {} ({}) failed and was rolled back", safeName, type, e);
            String msg = "导入失败，已全部回滚，未做任何更改 / the import failed and was rolled back; nothing changed"
                    + (e instanceof IngestFailure ? ": " + e.getCause().getMessage() : "");
            return record(type, safeName, sha, format, encoding, source, user, "FAILED", 0, 0, 0, 0, List.of(), msg);
        } finally {
            Files.deleteIfExists(errorSpool);
        }
    }

    private record Stats(long id, String status, int total, int valid, int invalid, int changed, List<Integer> years) { }

    private Stats apply(DatasetSpec spec, RowSource rows, String fileName, String sha, String source, MujunUser user,
                        Path errorSpool, StageClock clock) throws IOException, SQLException {
        String prefix = user.regionCode();
        // Imports of one data set run one at a time (held to commit): what the merge reads of the
        // target table stays true until it writes, so new keys need no per-row conflict handling
        // and the history of two corrections in quick succession is not computed from the same old value.
        jdbc.sql("select pg_advisory_xact_lock(:ns, :ds)").param("ns", LOCK_NAMESPACE).param("ds", spec.type().ordinal())
                .query((rs, n) -> 1).list();
        clock.lap("wait for other imports of " + spec.type());
        long id = jdbc.sql("""
                insert into upload (dataset, file_name, file_sha256, file_format, encoding, source, uploaded_by, uploader_region, status)
                values (:ds, :fn, :sha, :fmt, :enc, :src, :by, :r, 'APPLIED') returning id""")
                .param("ds", spec.type().name()).param("fn", fileName).param("sha", sha).param("fmt", rows.format())
                .param("enc", rows.encoding()).param("src", source).param("by", user.username()).param("r", prefix)
                .query(Long.class).single();

        // Everything the validator looks up must be loaded now: during COPY the transaction's
        // connection is busy, and a query on it would wait forever.
        regions.exists(prefix);
        Set<String> divisions = Set.copyOf(jdbc.sql("select code from industry").query(String.class).list());
        Set<String> overrides = Set.copyOf(jdbc.sql("select uscc from uscc_override").query(String.class).list());
        RowValidator validator = new RowValidator(spec, rows.header(), new RowValidator.Context(prefix,
                code -> regions.find(code).map(r -> r.level().equals("town")).orElse(false), divisions::contains,
                overrides::contains, Year.now().getValue()));

        String stg = "stg_" + spec.type().name().toLowerCase();
        jdbc.sql("create temp table " + stg + " (row_no integer not null, "
                + spec.columns().stream().map(c -> c.code() + " " + c.kind().sqlType).collect(Collectors.joining(", "))
                + ") on commit drop").update();
        // The checks and merges below hash the whole staging table: with the default 4 MB they
        // spill to disk or fall back to sorts. Only this transaction's statements get more.
        jdbc.sql("set local work_mem = '" + MERGE_WORK_MEM + "'").update();

        clock.lap("staging table");
        int total = 0;
        int invalidInJava = 0;
        Connection con = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + stg + " from stdin with (format csv)");
        int[] keyPositions = spec.keyColumns().stream().mapToInt(spec.columns()::indexOf).toArray();
        KeyHashes keyHashes = new KeyHashes();
        try (BufferedWriter errors = Files.newBufferedWriter(errorSpool, StandardCharsets.UTF_8)) {
            StringBuilder buf = new StringBuilder(1 << 17);
            RowSource.SourceRow row;
            while ((row = rows.next()) != null) {
                if (blank(row)) {
                    continue;
                }
                if (++total > limits.maxRows()) {
                    throw new RejectedFileException("文件超过 " + limits.maxRows() + " 行上限，未导入任何数据 / the file has more than "
                            + limits.maxRows() + " rows; nothing was imported");
                }
                RowValidator.Result r = validator.validate(row);
                if (!r.ok()) {
                    invalidInJava++;
                    for (RowValidator.Problem p : r.problems()) {
                        csv(errors, Integer.toString(row.rowNo()), p.column(), p.value(), p.reason());
                    }
                    continue;
                }
                keyHashes.add(KeyHashes.hash(r.values(), keyPositions));
                buf.append(row.rowNo());
                for (String v : r.values()) {
                    buf.append(',');
                    if (v != null) {
                        copyValue(buf, v);
                    }
                }
                buf.append('\n');
                flushIfFull(copy, buf);
            }
            flush(copy, buf);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        if (total == 0) {
            throw new RejectedFileException("文件只有表头，没有数据行 / the file has a header but no data rows");
        }
        clock.lap("parse, validate and COPY");
        // a fresh temporary table has no statistics: without them the planner took 1,000,000
        // staged rows for about 370,000 and joined them by sorting both sides
        jdbc.sql("analyze " + stg).update();
        clock.lap("analyze staging");
        faultInjector.accept("after-copy");
        CopyIn errCopy = con.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy upload_error (upload_id, row_no, column_name, value, reason) from stdin with (format csv)");
        try (InputStream in = Files.newInputStream(errorSpool)) {
            // each spooled line is "row,column,value,reason": prefix the upload id line by line
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            String l;
            StringBuilder chunk = new StringBuilder();
            while ((l = reader.readLine()) != null) {
                chunk.append(id).append(',').append(l).append('\n');
                flushIfFull(errCopy, chunk);
            }
            flush(errCopy, chunk);
            errCopy.endCopy();
        } finally {
            if (errCopy.isActive()) {
                errCopy.cancelCopy();
            }
        }

        clock.lap("error report");
        int invalidInDb = databaseChecks(spec, stg, id, prefix, keyHashes.mayRepeat(), clock);
        faultInjector.accept("after-checks");
        int valid = jdbc.sql("select count(*) from " + stg).query(Integer.class).single();
        List<Integer> years = spec.yearExpression() == null ? List.of()
                : jdbc.sql("select distinct " + spec.yearExpression() + " from " + stg + " s order by 1").query(Integer.class).list();
        clock.lap("count and years");
        int changed = updateChanged(spec, stg, id, user.username());
        clock.lap("history and update of changed records");
        changed += insertNew(spec, stg, id);
        clock.lap("insert of new records");
        faultInjector.accept("after-merge");
        int invalid = invalidInJava + invalidInDb;
        String message = changed == 0 && valid > 0 ? "数据与现有记录相同，未做更改 / the data equals what is stored; nothing changed" : null;
        jdbc.sql("""
                update upload set total_rows = :t, valid_rows = :v, invalid_rows = :i, changed_rows = :c, years = :y, message = :m
                where id = :id""")
                .param("t", total).param("v", valid).param("i", invalid).param("c", changed)
                .param("y", years.toArray(Integer[]::new)).param("m", message).param("id", id).update();
        return new Stats(id, "APPLIED", total, valid, invalid, changed, years);
    }

    /** A row whose every cell is empty is skipped, as a spreadsheet's trailing empty lines. */
    private static boolean blank(RowSource.SourceRow row) {
        for (String c : row.cells()) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** One value in COPY's CSV form: quoted only when it must be (an unquoted empty value would be NULL). */
    private static void copyValue(StringBuilder buf, String v) {
        boolean plain = !v.isEmpty();
        for (int i = 0; plain && i < v.length(); i++) {
            char ch = v.charAt(i);
            plain = ch != '"' && ch != ',' && ch != '\n' && ch != '\r' && ch != '\\';
        }
        if (plain) {
            buf.append(v);
        } else {
            buf.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
    }

    private static void flushIfFull(CopyIn copy, StringBuilder buf) throws SQLException {
        if (buf.length() > (1 << 16)) {
            flush(copy, buf);
        }
    }

    /** Sends the buffered COPY text (64 KB chunks keep memory flat for any file size). */
    private static void flush(CopyIn copy, StringBuilder buf) throws SQLException {
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buf.setLength(0);
    }

    /** Moves rows failing a database-side check to the error report; returns how many rows failed. */
    private int databaseChecks(DatasetSpec spec, String stg, long id, String prefix, boolean keysMayRepeat, StageClock clock) {
        int failed = 0;
        String keys = spec.keyColumns().stream().map(c -> "s." + c.code()).collect(Collectors.joining(", "));
        String keyJoin = spec.keyColumns().stream().map(c -> "k." + c.code() + " = s." + c.code()).collect(Collectors.joining(" and "));
        String firstKeyHeader = spec.keyColumns().get(0).header();
        // in-file duplicates of the key: every occurrence is rejected, naming the others. The keys
        // that repeat are found by one hash aggregate; only their rows are then listed together.
        // Skipped when the keys' hashes (KeyHashes) prove that no key repeats.
        if (keysMayRepeat) {
            failed += moveToErrors(stg, id, """
                with k as (select %s from %s s group by %s having count(*) > 1),
                d as (select s.row_no, array_agg(s.row_no) over (partition by %s order by s.row_no
                                                                  rows between unbounded preceding and unbounded following) as all_rows
                      from %s s join k on %s)
                select d.row_no, :col as column_name, null as value,
                       '文件内键重复（第 ' || array_to_string(d.all_rows, '、') || ' 行） / duplicate key in the file (rows ' || array_to_string(d.all_rows, ', ') || ')' as reason
                from d""".formatted(keys, stg, keys, keys, stg, keyJoin), firstKeyHeader, null);
        }
        clock.lap("check duplicate keys");
        for (String col : spec.enterpriseColumns()) {
            Column c = spec.column(col).orElseThrow();
            int unknown = insertErrors(stg, id, """
                    select s.row_no, :col as column_name, s.%s as value, '%s' as reason from %s s
                    where s.%s is not null and not exists (select 1 from enterprise e where e.uscc = s.%s)"""
                    .formatted(col, UNKNOWN_ENTERPRISE, stg, col, col), c.header(), null);
            if (unknown > 0) {
                if (spec.yearExpression() != null) {
                    // the rows just reported, still staged: one finding each (the anti-join is not run twice)
                    jdbc.sql("""
                            insert into quality_finding (kind, uscc, year, region_code, detail, upload_id)
                            select 'UNKNOWN_ENTERPRISE', s.%s, %s, :r, :detail, :id from %s s
                            join upload_error u on u.upload_id = :id and u.row_no = s.row_no and u.column_name = :col and u.reason = :reason"""
                            .formatted(col, spec.yearExpression(), stg))
                            .param("r", prefix).param("detail", spec.type().nameZh() + "数据中的企业不在企业名录中 / " + spec.type().nameEn()
                                    + " data names an enterprise unknown to master data").param("id", id)
                            .param("col", c.header()).param("reason", UNKNOWN_ENTERPRISE).update();
                }
                failed += deleteReported(stg, id);
            }
            clock.lap("check unknown enterprises");
        }
        if (spec.scopeEnterpriseColumn() != null) {
            String col = spec.scopeEnterpriseColumn();
            failed += moveToErrors(stg, id, """
                    select s.row_no, :col as column_name, s.%s as value, '企业不在您的管辖范围内 / enterprise outside your jurisdiction' as reason
                    from %s s join enterprise e on e.uscc = s.%s where e.region_code not like :prefix"""
                    .formatted(col, stg, col), spec.column(col).orElseThrow().header(), prefix + "%");
        }
        if (spec.type() == DatasetType.ENTERPRISE) {
            failed += moveToErrors(stg, id, """
                    select s.row_no, :col as column_name, s.uscc as value,
                           '该企业已登记在您管辖范围以外的地区 / the enterprise is registered outside your jurisdiction' as reason
                    from %s s join enterprise e on e.uscc = s.uscc where e.region_code not like :prefix""".formatted(stg),
                    spec.column("uscc").orElseThrow().header(), prefix + "%");
        }
        if (spec.type() == DatasetType.LAND) {
            failed += moveToErrors(stg, id, """
                    select s.row_no, :col as column_name, s.certificate_no as value,
                           '该地块已登记在您管辖范围以外的地区 / the parcel is registered outside your jurisdiction' as reason
                    from %s s join parcel p on p.certificate_no = s.certificate_no where p.region_code not like :prefix""".formatted(stg),
                    spec.column("certificate_no").orElseThrow().header(), prefix + "%");
        }
        clock.lap("check jurisdiction");
        return failed;
    }

    /** Inserts the error rows the query yields and deletes those rows from staging; returns how many were deleted. */
    private int moveToErrors(String stg, long id, String query, String column, String prefixParam) {
        return insertErrors(stg, id, query, column, prefixParam) == 0 ? 0 : deleteReported(stg, id);
    }

    private int insertErrors(String stg, long id, String query, String column, String prefixParam) {
        var insert = jdbc.sql("insert into upload_error (upload_id, row_no, column_name, value, reason) select :id, q.row_no, q.column_name, q.value, q.reason from ("
                + query + ") q").param("id", id).param("col", column);
        if (query.contains(":prefix")) {
            insert = insert.param("prefix", prefixParam);
        }
        return insert.update();
    }

    /** Deletes from staging every row the error report names. */
    private int deleteReported(String stg, long id) {
        return jdbc.sql("delete from " + stg + " s where s.row_no in (select row_no from upload_error where upload_id = :id)")
                .param("id", id).update();
    }

    /**
     * Records stored under a staged key whose values differ: one row of history per changed value
     * (old → new, who, when) and the new values, in one statement over a single join of staging
     * with the target. Staged values are compared as the target column stores them (a file's
     * 100.123 against a stored numeric(18,2) 100.12 is no change). Returns how many records changed.
     */
    private int updateChanged(DatasetSpec spec, String stg, long id, String by) {
        List<Column> values = spec.valueColumns();
        if (values.isEmpty()) {
            return 0;
        }
        Map<String, String> types = columnTypes(spec.table());
        List<Column> keys = spec.keyColumns();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            select.add("s." + keys.get(i).code() + " as k" + i);
        }
        select.add("concat_ws('|', " + keys.stream().map(c -> "s." + c.code() + "::text").collect(Collectors.joining(", ")) + ") as record_key");
        select.add((spec.usccColumn() == null ? "null" : "s." + spec.usccColumn()) + " as uscc");
        List<String> fields = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Column c = values.get(i);
            String type = types.get(c.targetColumn());
            if (type == null) {
                throw new IllegalStateException(spec.table() + " has no column " + c.targetColumn());
            }
            select.add("t." + c.targetColumn() + " as o" + i);
            select.add("cast(" + c.selectExpression() + " as " + type + ") as n" + i);
            select.add("(" + c.selectExpression() + ")::text as f" + i); // the history shows the value as the file gave it
            fields.add("(:field%d, d.o%d::text, d.f%d, d.o%d is distinct from d.n%d)".formatted(i, i, i, i, i));
            sets.add(c.targetColumn() + " = d.n" + i);
        }
        String table = spec.table();
        if (table.endsWith("_record")) {
            sets.add("upload_id = :id");
            sets.add("updated_at = now()");
        } else if (table.equals("enterprise")) {
            sets.add("updated_at = now()");
            sets.add("version = t.version + 1");
        } else if (table.equals("parcel")) {
            sets.add("updated_at = now()");
        }
        String join = keys.stream().map(c -> "t." + c.targetColumn() + " = s." + c.code()).collect(Collectors.joining(" and "));
        String differs = "(" + values.stream().map(c -> "t." + c.targetColumn()).collect(Collectors.joining(", ")) + ") is distinct from ("
                + values.stream().map(c -> "cast(" + c.selectExpression() + " as " + types.get(c.targetColumn()) + ")")
                        .collect(Collectors.joining(", ")) + ")";
        String byKey = java.util.stream.IntStream.range(0, keys.size()).mapToObj(i -> "t." + keys.get(i).targetColumn() + " = d.k" + i)
                .collect(Collectors.joining(" and "));
        var stmt = jdbc.sql("""
                with d as materialized (
                    select %s from %s s join %s t on %s where %s),
                h as (
                    insert into data_change (upload_id, dataset, record_key, uscc, field, old_value, new_value, changed_by)
                    select :id, :ds, d.record_key, d.uscc, v.field, v.old_value, v.new_value, :by
                    from d cross join lateral (values %s) v(field, old_value, new_value, differs)
                    where v.differs)
                update %s t set %s from d where %s""".formatted(String.join(", ", select), stg, table, join, differs,
                String.join(", ", fields), table, String.join(", ", sets), byKey))
                .param("id", id).param("ds", spec.type().name()).param("by", by);
        for (int i = 0; i < values.size(); i++) {
            stmt = stmt.param("field" + i, values.get(i).header());
        }
        return stmt.update();
    }

    /**
     * Staged records whose key is not stored yet, inserted in key order (the key index is then
     * written page by page, not at random). A plain insert: with this data set's imports
     * serialised by the advisory lock, no other import can have stored one of these keys since
     * the anti-join read the table.
     */
    private int insertNew(DatasetSpec spec, String stg, long id) {
        List<String> targets = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        for (Column c : spec.columns()) {
            targets.add(c.targetColumn());
            exprs.add(c.selectExpression());
        }
        String table = spec.table();
        if (table.endsWith("_record")) {
            targets.add("upload_id");
            exprs.add(":id");
        }
        String stored = spec.keyColumns().stream().map(c -> "t." + c.targetColumn() + " = s." + c.code()).collect(Collectors.joining(" and "));
        // byte order ("C") sorts text keys fastest; any order gives the same rows
        String order = spec.keyColumns().stream().map(c -> "s." + c.code() + (c.kind().collatable() ? " collate \"C\"" : ""))
                .collect(Collectors.joining(", "));
        var stmt = jdbc.sql("insert into " + table + " (" + String.join(", ", targets) + ") select " + String.join(", ", exprs)
                + " from " + stg + " s where not exists (select 1 from " + table + " t where " + stored + ") order by " + order);
        if (table.endsWith("_record")) {
            stmt = stmt.param("id", id);
        }
        return stmt.update();
    }

    /** Column name → SQL type (with its precision, as {@code numeric(16,4)}) of a target table. */
    private Map<String, String> columnTypes(String table) {
        Map<String, String> types = new HashMap<>();
        jdbc.sql("""
                select attname, format_type(atttypid, atttypmod) from pg_attribute
                where attrelid = cast(:t as regclass) and attnum > 0 and not attisdropped""")
                .param("t", table).query(rs -> {
                    types.put(rs.getString(1), rs.getString(2));
                });
        return types;
    }

    private UploadResult record(DatasetType type, String fileName, String sha, String format, String encoding, String source,
                                MujunUser user, String status, int total, int valid, int invalid, int changed,
                                List<Integer> years, String message) {
        Long id = tx.execute(s -> {
            long newId = jdbc.sql("""
                    insert into upload (dataset, file_name, file_sha256, file_format, encoding, source, uploaded_by, uploader_region,
                                        status, total_rows, valid_rows, invalid_rows, changed_rows, message)
                    values (:ds, :fn, :sha, :fmt, :enc, :src, :by, :r, :st, :t, :v, :i, :c, :m) returning id""")
                    .param("ds", type.name()).param("fn", fileName).param("sha", sha).param("fmt", format).param("enc", encoding)
                    .param("src", source).param("by", user.username()).param("r", user.regionCode()).param("st", status)
                    .param("t", total).param("v", valid).param("i", invalid).param("c", changed).param("m", message)
                    .query(Long.class).single();
            audit.append(user.username(), "UPLOAD_" + status, "upload:" + newId, type.name() + " " + fileName + ": " + message);
            return newId;
        });
        return result(id);
    }

    UploadResult result(long id) {
        return jdbc.sql("select * from upload where id = :id").param("id", id).query((rs, n) -> new UploadResult(
                rs.getLong("id"), rs.getString("dataset"), rs.getString("status"), rs.getInt("total_rows"), rs.getInt("valid_rows"),
                rs.getInt("invalid_rows"), rs.getInt("changed_rows"),
                List.of((Integer[]) rs.getArray("years").getArray()), rs.getString("message"),
                firstErrors(id, 20))).single();
    }

    List<UploadResult.RowError> firstErrors(long id, int limit) {
        return jdbc.sql("select row_no, column_name, value, reason from upload_error where upload_id = :id order by row_no, column_name limit :l")
                .param("id", id).param("l", limit)
                .query((rs, n) -> new UploadResult.RowError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private static void csv(BufferedWriter w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) w.write(',');
            if (cells[i] != null) {
                w.write('"');
                w.write(cells[i].replace("\"", "\"\"").replace("\r", " ").replace("\n", " "));
                w.write('"');
            }
        }
        w.write('\n');
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String guessFormat(String name) {
        return name.toLowerCase().endsWith(".xlsx") ? "XLSX" : "CSV";
    }

    static final class IngestFailure extends RuntimeException {
        IngestFailure(Exception cause) {
            super(cause);
        }
    }
}
