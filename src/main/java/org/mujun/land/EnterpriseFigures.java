package org.mujun.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mujun.common.Mu;
import org.mujun.energy.CarbonAccounts;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * An enterprise's figures for one year from the system's own data (SPEC §3 data sets): tax
 * (tax_record), revenue, value added and R&D (stats_record), energy in tce (the energy module's
 * {@link CarbonAccounts}), major pollutants (emission_record: COD + 氨氮 + SO₂ + NOx, t) and the
 * evaluated land (owned + leased-in − leased-out for the year, SPEC §2, never below 0). Always
 * read through {@link Jurisdiction}. Derived figures have 4 decimals, half-up; null when an input
 * is missing or a divisor is zero.
 */
@Component
public class EnterpriseFigures {

    public static final int SCALE = 4;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** One enterprise-year. Amounts in 万元, energy in tce, emissions in t, land in 亩. */
    public record Figures(String uscc, String regionCode, String sizeClass, int year, BigDecimal tax, BigDecimal revenue,
                          BigDecimal valueAdded, BigDecimal rnd, BigDecimal tce, BigDecimal emissionsTonnes, BigDecimal landMu) {

        public BigDecimal taxPerMu() {
            return divide(tax, landMu);
        }

        public BigDecimal valueAddedPerMu() {
            return divide(valueAdded, landMu);
        }

        public BigDecimal valueAddedPerEnergy() {
            return divide(valueAdded, tce);
        }

        public BigDecimal energyPerValueAdded() {
            return divide(tce, valueAdded);
        }

        public BigDecimal valueAddedPerEmission() {
            return divide(valueAdded, emissionsTonnes);
        }

        /** R&D spending as % of revenue. */
        public BigDecimal rdShare() {
            return rnd == null || revenue == null || revenue.signum() == 0 ? null
                    : rnd.multiply(HUNDRED).divide(revenue, SCALE, RoundingMode.HALF_UP);
        }

        /**
         * The figure for an indicator code (the names of {@link StandardLandContract.Indicator} plus
         * TAX, REVENUE, VALUE_ADDED, LAND_MU); null when the data cannot give it (investment, 容积率).
         */
        public BigDecimal indicator(String code) {
            return switch (code) {
                case "TAX_PER_MU" -> taxPerMu();
                case "VALUE_ADDED_PER_MU" -> valueAddedPerMu();
                case "VALUE_ADDED_PER_ENERGY" -> valueAddedPerEnergy();
                case "ENERGY_PER_VALUE_ADDED" -> energyPerValueAdded();
                case "VALUE_ADDED_PER_EMISSION" -> valueAddedPerEmission();
                case "RD_SHARE" -> rdShare();
                case "TAX" -> tax;
                case "REVENUE" -> revenue;
                case "VALUE_ADDED" -> valueAdded;
                case "LAND_MU" -> landMu;
                default -> null;
            };
        }
    }

    private final Jurisdiction jurisdiction;
    private final CarbonAccounts carbon;

    public EnterpriseFigures(Jurisdiction jurisdiction, CarbonAccounts carbon) {
        this.jurisdiction = jurisdiction;
        this.carbon = carbon;
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a == null || b == null || b.signum() == 0 ? null : a.divide(b, SCALE, RoundingMode.HALF_UP);
    }

    /** One enterprise's figures for a year; empty when it is outside {@code scope}. */
    public Optional<Figures> of(String uscc, int year, Scope scope) {
        String region = jurisdiction.sql("select e.region_code from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = :u", scope)
                .param("u", uscc).query(String.class).optional().orElse(null);
        if (region == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(read(year, region, uscc, scope).get(uscc));
    }

    /** Every enterprise in {@code scope} whose region starts with {@code regionPrefix}, by USCC. */
    public Map<String, Figures> forYear(int year, String regionPrefix, Scope scope) {
        return read(year, regionPrefix == null ? "" : regionPrefix, null, scope);
    }

    private Map<String, Figures> read(int year, String regionPrefix, String onlyUscc, Scope scope) {
        Map<String, BigDecimal> tce = new HashMap<>();
        for (CarbonAccounts.Row r : carbon.list(year, regionPrefix, null, scope).rows()) {
            tce.put(r.uscc(), r.tce());
        }
        Map<String, Figures> out = new HashMap<>();
        jurisdiction.sql("""
                        select e.uscc, e.region_code, e.size_class, t.total_tax, s.revenue, s.value_added, s.rnd_expense,
                               case when m.uscc is null then null
                                    else coalesce(m.cod, 0) + coalesce(m.ammonia_nitrogen, 0) + coalesce(m.so2, 0) + coalesce(m.nox, 0) end,
                               greatest(0, coalesce((select sum(p.area_m2) from parcel p where p.owner_uscc = e.uscc), 0)
                                 + coalesce((select sum(l.area_m2) from lease l where l.lessee_uscc = e.uscc and :y between l.start_year and l.end_year), 0)
                                 - coalesce((select sum(l.area_m2) from lease l where l.lessor_uscc = e.uscc and :y between l.start_year and l.end_year), 0))
                        from enterprise e
                        left join tax_record t on t.uscc = e.uscc and t.year = :y
                        left join stats_record s on s.uscc = e.uscc and s.year = :y
                        left join emission_record m on m.uscc = e.uscc and m.year = :y
                        where SCOPE(e.region_code, e.uscc) and e.region_code like :rp
                          and (cast(:only as text) is null or e.uscc = :only)""", scope)
                .param("y", year).param("rp", regionPrefix + "%").param("only", onlyUscc)
                .query(rs -> {
                    String u = rs.getString(1);
                    BigDecimal m2 = rs.getBigDecimal(9);
                    BigDecimal mu = m2 == null || m2.signum() == 0 ? null : Mu.ofSquareMetres(m2).value();
                    out.put(u, new Figures(u, rs.getString(2), rs.getString(3), year, rs.getBigDecimal(4), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(7), tce.get(u), rs.getBigDecimal(8), mu));
                });
        return out;
    }
}
