package org.mujun.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule parameters of the project module as data (两高 standards, 零增地技改 rules): a JSON body per
 * kind and region, every save a new version audited with the old and new body. A region gets the
 * latest version of the longest region prefix covering it, else the shipped defaults (version 0).
 * Settings are not business rows: read without jurisdiction, written only for the writer's region.
 */
@Component
class ProjectSettings {

    static final String LIANGGAO = "LIANGGAO_ADMISSION";
    static final String ZERO_LAND = "ZERO_LAND_TECH";

    record Version(long id, String kind, String regionCode, int version, String body, String note, String createdBy, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ProjectSettings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private static Version map(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getLong("id"), rs.getString("kind"), rs.getString("region_code"), rs.getInt("version"), rs.getString("body"),
                rs.getString("note"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    Optional<Version> effective(String kind, String regionCode) {
        return jdbc.sql("""
                        select * from project_setting where kind = :k and :r like region_code || '%'
                        order by length(region_code) desc, version desc limit 1""")
                .param("k", kind).param("r", regionCode == null ? "" : regionCode).query(ProjectSettings::map).optional();
    }

    List<Version> history(String kind, String regionCode) {
        String r = regionCode == null ? "" : regionCode;
        return jdbc.sql("""
                        select * from project_setting where kind = :k and (:r like region_code || '%' or region_code like :r || '%')
                        order by created_at desc, id desc limit 200""")
                .param("k", kind).param("r", r).query(ProjectSettings::map).list();
    }

    @Transactional
    Version save(String kind, String regionCode, String body, String note, String actor) {
        Optional<Version> before = effective(kind, regionCode);
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from project_setting where kind = :k and region_code = :r")
                .param("k", kind).param("r", regionCode).query(Integer.class).single();
        long id = jdbc.sql("insert into project_setting (kind, region_code, version, body, note, created_by) values (:k, :r, :v, :b, :n, :by) returning id")
                .param("k", kind).param("r", regionCode).param("v", next).param("b", body).param("n", note).param("by", actor)
                .query(Long.class).single();
        audit.append(actor, "PROJECT_SETTING_SAVE", "project_setting:" + kind + ":" + regionCode + ":v" + next,
                "旧 / before: " + before.map(Version::body).orElse("默认 / defaults") + "\n新 / after: " + body + (note == null ? "" : "\n说明 / note: " + note));
        return jdbc.sql("select * from project_setting where id = :id").param("id", id).query(ProjectSettings::map).single();
    }
}
