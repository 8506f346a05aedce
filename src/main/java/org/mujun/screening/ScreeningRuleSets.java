package org.mujun.screening;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening rules per region and year (SPEC §6: configurable as data). A region without its own rules for a year uses
 * the nearest enclosing region's (town → county → city → province), else {@link ScreeningRules#DEFAULTS}. Saving
 * carries the version read (optimistic locking) and is audited.
 */
@Component
public class ScreeningRuleSets {

    /** The rules in force and where they come from ({@code regionCode} null: the SPEC defaults). */
    public record Effective(ScreeningRules rules, String regionCode, int year, Integer version, String updatedBy, Instant updatedAt) {
        public boolean own(String region) {
            return region != null && region.equals(regionCode);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ScreeningRuleSets(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * The rules for a region and year. Rules belong to regions, not enterprises; a town reads its county's rules,
     * so the lookup goes up the region's prefixes (the caller has checked the region is in the user's jurisdiction).
     */
    public Effective effective(String regionCode, int year) {
        Optional<Effective> own = jdbc.sql("""
                        select * from screening_rules where year = :y and cast(:rc as text) like region_code || '%'
                        order by length(region_code) desc limit 1""")
                .param("y", year).param("rc", regionCode == null ? "" : regionCode).query(ScreeningRuleSets::row).optional();
        return own.orElse(new Effective(ScreeningRules.DEFAULTS, null, year, null, null, null));
    }

    /**
     * Saves a region's rules for a year. {@code version} is the version read: null when the region had no rules of
     * its own (a concurrent first save then conflicts on the unique key), else it must still be current.
     */
    @Transactional
    public Effective save(String regionCode, int year, ScreeningRules r, Integer version, String actor) {
        if (regionCode == null || !regionCode.matches("\\d{2,9}")) {
            throw new IllegalArgumentException("区划代码无效 / invalid region code");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("年度无效 / invalid year");
        }
        BigDecimal[] tiers = r.taxTiers().toArray(BigDecimal[]::new);
        if (version == null) {
            boolean exists = jdbc.sql("select count(*) from screening_rules where region_code = :r and year = :y")
                    .param("r", regionCode).param("y", year).query(Long.class).single() > 0;
            if (exists) {
                throw new OptimisticLockingFailureException("screening rules " + regionCode + "/" + year + " exist already");
            }
            jdbc.sql("""
                            insert into screening_rules (region_code, year, tax_enabled, tax_tiers, class_d_enabled, class_d_years, energy_enabled,
                              energy_share, below_scale_enabled, below_scale_mu, lianggao_enabled, outside_zone_enabled, revenue_enabled, revenue_wan,
                              revenue_tax_per_mu, revenue_years, min_hits, updated_by)
                            values (:r, :y, :te, :tt, :de, :dy, :ee, :es, :be, :bm, :le, :oe, :re, :rw, :rt, :ry, :mh, :by)""")
                    .param("r", regionCode).param("y", year).param("te", r.taxEnabled()).param("tt", tiers).param("de", r.classDEnabled())
                    .param("dy", r.classDYears()).param("ee", r.energyEnabled()).param("es", r.energyShare()).param("be", r.belowScaleEnabled())
                    .param("bm", r.belowScaleMu()).param("le", r.lianggaoEnabled()).param("oe", r.outsideZoneEnabled()).param("re", r.revenueEnabled())
                    .param("rw", r.revenueWan()).param("rt", r.revenueTaxPerMu()).param("ry", r.revenueYears()).param("mh", r.minHits())
                    .param("by", actor).update();
        } else {
            int n = jdbc.sql("""
                            update screening_rules set tax_enabled = :te, tax_tiers = :tt, class_d_enabled = :de, class_d_years = :dy,
                              energy_enabled = :ee, energy_share = :es, below_scale_enabled = :be, below_scale_mu = :bm, lianggao_enabled = :le,
                              outside_zone_enabled = :oe, revenue_enabled = :re, revenue_wan = :rw, revenue_tax_per_mu = :rt, revenue_years = :ry,
                              min_hits = :mh, updated_by = :by, updated_at = now(), version = version + 1
                            where region_code = :r and year = :y and version = :v""")
                    .param("r", regionCode).param("y", year).param("te", r.taxEnabled()).param("tt", tiers).param("de", r.classDEnabled())
                    .param("dy", r.classDYears()).param("ee", r.energyEnabled()).param("es", r.energyShare()).param("be", r.belowScaleEnabled())
                    .param("bm", r.belowScaleMu()).param("le", r.lianggaoEnabled()).param("oe", r.outsideZoneEnabled()).param("re", r.revenueEnabled())
                    .param("rw", r.revenueWan()).param("rt", r.revenueTaxPerMu()).param("ry", r.revenueYears()).param("mh", r.minHits())
                    .param("by", actor).param("v", version).update();
            if (n == 0) {
                throw new OptimisticLockingFailureException("screening rules " + regionCode + "/" + year + " changed since version " + version);
            }
        }
        audit.append(actor, "SCREENING_RULES_SAVE", "screening-rules:" + regionCode + "/" + year, describe(r));
        return effective(regionCode, year);
    }

    /** One line listing the rules in force, for the audit log and the run record. */
    public static String describe(ScreeningRules r) {
        return "tax<" + r.tiersText() + (r.taxEnabled() ? "" : "(off)") + "; D≥" + r.classDYears() + "y" + (r.classDEnabled() ? "" : "(off)")
                + "; energy<" + r.energyShare().toPlainString() + "×mean" + (r.energyEnabled() ? "" : "(off)")
                + "; below-scale≥" + r.belowScaleMu().toPlainString() + "mu" + (r.belowScaleEnabled() ? "" : "(off)")
                + "; lianggao" + (r.lianggaoEnabled() ? "" : "(off)") + "; outside-zone" + (r.outsideZoneEnabled() ? "" : "(off)")
                + "; revenue≥" + r.revenueWan().toPlainString() + "&tax≤" + r.revenueTaxPerMu().toPlainString() + "×" + r.revenueYears() + "y"
                + (r.revenueEnabled() ? "" : "(off)") + "; min-hits=" + r.minHits();
    }

    private static Effective row(ResultSet rs, int n) throws SQLException {
        ScreeningRules r = new ScreeningRules(rs.getBoolean("tax_enabled"), decimals(rs.getArray("tax_tiers")), rs.getBoolean("class_d_enabled"),
                rs.getInt("class_d_years"), rs.getBoolean("energy_enabled"), rs.getBigDecimal("energy_share").stripTrailingZeros(),
                rs.getBoolean("below_scale_enabled"), rs.getBigDecimal("below_scale_mu").stripTrailingZeros(), rs.getBoolean("lianggao_enabled"),
                rs.getBoolean("outside_zone_enabled"), rs.getBoolean("revenue_enabled"), rs.getBigDecimal("revenue_wan").stripTrailingZeros(),
                rs.getBigDecimal("revenue_tax_per_mu").stripTrailingZeros(), rs.getInt("revenue_years"), rs.getInt("min_hits"));
        return new Effective(r, rs.getString("region_code"), rs.getInt("year"), rs.getInt("version"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<BigDecimal> decimals(Array a) throws SQLException {
        return Arrays.stream((BigDecimal[]) a.getArray()).map(BigDecimal::stripTrailingZeros).toList();
    }
}
