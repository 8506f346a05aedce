package org.mujun.energy;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.mujun.audit.AuditLog;
import org.mujun.energy.CarbonEfficiency.Config;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 碳效码 thresholds and colours (SPEC §4: "thresholds and colours configurable") as versioned data:
 * each save adds a version (a trigger refuses updates and deletes), the newest applies, every save is
 * audited. Version 1 holds the SPEC defaults.
 */
@Component
public class CarbonEfficiencySettings {

    public record Version(int version, Config config, String note, String createdBy, Instant createdAt) {
    }

    private static final RowMapper<Version> MAPPER = (rs, n) -> new Version(rs.getInt(1), new Config(decimals(rs.getArray(2)),
            decimals(rs.getArray(3)), strings(rs.getArray(4)), strings(rs.getArray(5))), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant());
    private static final String COLUMNS = "version, level_max, grade_max, level_colours, grade_colours, note, created_by, created_at";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CarbonEfficiencySettings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The version in force (the newest). */
    public Version current() {
        return jdbc.sql("select " + COLUMNS + " from carbon_efficiency_config order by version desc limit 1").query(MAPPER).single();
    }

    public List<Version> versions() {
        return jdbc.sql("select " + COLUMNS + " from carbon_efficiency_config order by version desc").query(MAPPER).list();
    }

    /** Saves a new version; refused with every problem when the thresholds or colours are invalid. */
    @Transactional
    public Version save(Config config, String note, String actor) {
        List<String> problems = config == null ? List.of("碳效码设置为空 / the settings are missing") : config.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 500) {
            throw new IllegalArgumentException("说明不能超过 500 字 / the note is limited to 500 characters");
        }
        jdbc.sql("lock table carbon_efficiency_config in exclusive mode").update();
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from carbon_efficiency_config").query(Integer.class).single();
        jdbc.sql("""
                        insert into carbon_efficiency_config (version, level_max, grade_max, level_colours, grade_colours, note, created_by)
                        values (:v, cast(:lm as numeric[]), cast(:gm as numeric[]), cast(:lc as text[]), cast(:gc as text[]), :n, :a)""")
                .param("v", next).param("lm", array(config.levelMax())).param("gm", array(config.gradeMax()))
                .param("lc", textArray(config.levelColours())).param("gc", textArray(config.gradeColours())).param("n", n).param("a", actor)
                .update();
        audit.append(actor, "CARBON_EFFICIENCY_CONFIG_SAVE", "carbon-efficiency-config:" + next, "levels " + config.levelMax() + " grades "
                + config.gradeMax() + " colours " + config.levelColours() + " " + config.gradeColours());
        return current();
    }

    private static String array(List<BigDecimal> v) {
        return "{" + String.join(",", v.stream().map(BigDecimal::toPlainString).toList()) + "}";
    }

    /** Colours are validated as #RRGGBB before, so no quoting is needed. */
    private static String textArray(List<String> v) {
        return "{" + String.join(",", v) + "}";
    }

    private static List<BigDecimal> decimals(Array a) throws SQLException {
        return Arrays.stream((Object[]) a.getArray()).map(o -> ((BigDecimal) o).stripTrailingZeros()).toList();
    }

    private static List<String> strings(Array a) throws SQLException {
        return Arrays.asList((String[]) a.getArray());
    }
}
