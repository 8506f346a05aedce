package org.mujun.target;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The targets (SPEC §8): one value per region, indicator and year, set by that region's officials, audited. */
@Repository
public class Targets {

    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditLog audit;

    public Targets(Jurisdiction jurisdiction, JdbcClient jdbc, Regions regions, AuditLog audit) {
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    public record Target(long id, String regionCode, TargetIndicator indicator, int year, BigDecimal value, String note,
                         String setBy, Instant setAt, int version) { }

    private static final String SELECT = "select t.* from target t where REGION_SCOPE(t.region_code) ";

    /** Targets of a year for regions under {@code regionPrefix} (inside the scope), by region and indicator. */
    public List<Target> list(Scope scope, String regionPrefix, Integer year) {
        return jurisdiction.sql(SELECT + """
                and (cast(:rp as text) is null or t.region_code like :rp) and (cast(:y as integer) is null or t.year = :y)
                order by t.year, t.region_code, t.indicator""", scope)
                .param("rp", regionPrefix == null || regionPrefix.isBlank() ? null : regionPrefix.trim() + "%")
                .param("y", year).query(Targets::map).list();
    }

    public Optional<Target> find(Scope scope, String regionCode, TargetIndicator indicator, int year) {
        return jurisdiction.sql(SELECT + "and t.region_code = :r and t.indicator = :i and t.year = :y", scope)
                .param("r", regionCode).param("i", indicator.name()).param("y", year).query(Targets::map).optional();
    }

    /**
     * Sets a target, creating it or, when {@code expectedVersion} matches, replacing its value; a
     * stale version is refused (409). The region must exist and lie inside the scope.
     */
    @Transactional
    public Target set(Scope scope, String regionCode, TargetIndicator indicator, int year, BigDecimal value, String note,
                      String actor, Integer expectedVersion) {
        if (regionCode == null || !regions.exists(regionCode)) {
            throw new IllegalArgumentException("区划不存在 / unknown region '" + regionCode + "'");
        }
        if (!scope.coversRegion(regionCode)) {
            throw new IllegalArgumentException("区划不在管辖范围内 / region " + regionCode + " is outside your jurisdiction");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("年度须在 2000–2100 之间 / the year must be between 2000 and 2100");
        }
        if (value == null) {
            throw new IllegalArgumentException("目标值不能为空 / the target value is required");
        }
        if (indicator.additive() && value.signum() < 0) {
            throw new IllegalArgumentException("目标值不能为负数 / a target of " + indicator.nameEn() + " cannot be negative");
        }
        Optional<Target> existing = find(scope, regionCode, indicator, year);
        if (existing.isPresent()) {
            Target old = existing.get();
            if (expectedVersion == null || expectedVersion != old.version()) {
                throw new OptimisticLockingFailureException("target " + old.id() + " changed");
            }
            jdbc.sql("update target set value = :v, note = :n, set_by = :a, set_at = now(), version = version + 1 where id = :id")
                    .param("v", value).param("n", note).param("a", actor).param("id", old.id()).update();
            audit.append(actor, "TARGET_CHANGED", "target:" + old.id(),
                    regionCode + " " + indicator + " " + year + ": " + old.value().toPlainString() + " → " + value.toPlainString());
        } else {
            long id = jdbc.sql("""
                    insert into target (region_code, indicator, year, value, note, set_by) values (:r, :i, :y, :v, :n, :a) returning id""")
                    .param("r", regionCode).param("i", indicator.name()).param("y", year).param("v", value).param("n", note)
                    .param("a", actor).query(Long.class).single();
            audit.append(actor, "TARGET_SET", "target:" + id, regionCode + " " + indicator + " " + year + " = " + value.toPlainString());
        }
        return find(scope, regionCode, indicator, year).orElseThrow();
    }

    static Target map(ResultSet rs, int n) throws SQLException {
        return new Target(rs.getLong("id"), rs.getString("region_code"), TargetIndicator.valueOf(rs.getString("indicator")),
                rs.getInt("year"), rs.getBigDecimal("value"), rs.getString("note"), rs.getString("set_by"),
                rs.getTimestamp("set_at").toInstant(), rs.getInt("version"));
    }
}
