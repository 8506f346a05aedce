package org.mujun.setting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A module's rule parameters as data: one JSON body per kind and region, every save a new version,
 * audited with the old and new body. A region gets the latest version of the longest region prefix
 * that covers it (town, then county, city, province); without any, the module's shipped defaults.
 * Settings are not business rows: they are read without jurisdiction, and written only for the
 * writer's own region (the callers pass the writer's region). Each module keeps its own table of
 * the same shape ({@code id, kind, region_code, version, body, note, created_by, created_at}).
 */
public class VersionedSettings {

    public record Version(long id, String kind, String regionCode, int version, String body, String note, String createdBy, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final String table;
    private final String auditAction;

    /**
     * @param table       the module's settings table — a constant of the subclass, never input (it is written into the SQL)
     * @param auditAction the audit log's action for a save, e.g. {@code LAND_SETTING_SAVE}
     */
    protected VersionedSettings(JdbcClient jdbc, AuditLog audit, String table, String auditAction) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("settings table must be a plain name: " + table);
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.table = table;
        this.auditAction = auditAction;
    }

    private static Version map(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getLong("id"), rs.getString("kind"), rs.getString("region_code"), rs.getInt("version"), rs.getString("body"),
                rs.getString("note"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    /** The version in force for a region: the longest covering prefix, its latest version. */
    public Optional<Version> effective(String kind, String regionCode) {
        return jdbc.sql("select * from " + table + """
                         where kind = :k and :r like region_code || '%'
                        order by length(region_code) desc, version desc limit 1""")
                .param("k", kind).param("r", regionCode == null ? "" : regionCode).query(VersionedSettings::map).optional();
    }

    /** The latest version of every region that has one, longest region first (for batch lookups). */
    public List<Version> latestPerRegion(String kind) {
        return jdbc.sql("select distinct on (region_code) * from " + table + " where kind = :k order by region_code, version desc")
                .param("k", kind).query(VersionedSettings::map).list().stream()
                .sorted(Comparator.comparingInt((Version v) -> v.regionCode().length()).reversed()).toList();
    }

    /** Of {@link #latestPerRegion}'s list, the version covering a region. */
    public static Optional<Version> covering(List<Version> latest, String regionCode) {
        return latest.stream().filter(v -> regionCode.startsWith(v.regionCode())).findFirst();
    }

    /** Versions that apply to a region or lie inside it, newest first. */
    public List<Version> history(String kind, String regionCode) {
        String r = regionCode == null ? "" : regionCode;
        return jdbc.sql("select * from " + table + """
                         where kind = :k and (:r like region_code || '%' or region_code like :r || '%')
                        order by created_at desc, id desc limit 200""")
                .param("k", kind).param("r", r).query(VersionedSettings::map).list();
    }

    @Transactional
    public Version save(String kind, String regionCode, String body, String note, String actor) {
        Optional<Version> before = effective(kind, regionCode);
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from " + table + " where kind = :k and region_code = :r")
                .param("k", kind).param("r", regionCode).query(Integer.class).single();
        long id = jdbc.sql("insert into " + table + " (kind, region_code, version, body, note, created_by) values (:k, :r, :v, :b, :n, :by) returning id")
                .param("k", kind).param("r", regionCode).param("v", next).param("b", body).param("n", note).param("by", actor)
                .query(Long.class).single();
        audit.append(actor, auditAction, table + ":" + kind + ":" + regionCode + ":v" + next,
                "旧 / before: " + before.map(Version::body).orElse("默认 / defaults") + "\n新 / after: " + body + (note == null ? "" : "\n说明 / note: " + note));
        return jdbc.sql("select * from " + table + " where id = :id").param("id", id).query(VersionedSettings::map).single();
    }
}
