package org.mujun.land;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * Evaluated land in bulk: every enterprise in a scope for one year in two SQL statements (owned
 * area per enterprise; leases active in the year with a party in scope), then {@link EvaluatedLand}
 * in memory. This is what the evaluation calls for a whole province (200,000 enterprises).
 * <p>
 * A parcel counts as owned in year Y when it has no transfer date or was transferred in Y or
 * before. All of an in-scope enterprise's parcels count, wherever they lie.
 */
@Component
public class LandAreas {

    /** The results of a year by USCC, with the tenant count per landlord. */
    public record Year(int year, LandRule rule, Map<String, EvaluatedLand.Result> byUscc) {

        public EvaluatedLand.Result get(String uscc) {
            return byUscc.get(uscc);
        }

        /** Distinct enterprises renting from {@code uscc} in the year (0 when none or unknown). */
        public int tenants(String uscc) {
            EvaluatedLand.Result r = byUscc.get(uscc);
            return r == null ? 0 : r.tenants();
        }

        /** Enterprises whose area was clamped at 0 (they rent out more than they hold). */
        public List<EvaluatedLand.Result> clamped() {
            return byUscc.values().stream().filter(EvaluatedLand.Result::clamped).toList();
        }
    }

    private final Jurisdiction jurisdiction;

    LandAreas(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    /** Evaluated land of every enterprise in {@code scope} for {@code year} under {@code rule}. */
    public Year forYear(int year, Scope scope, LandRule rule) {
        Map<String, BigDecimal> owned = new HashMap<>(1 << 16);
        jurisdiction.sql("""
                        select e.uscc, coalesce(sum(p.area_m2), 0)
                        from enterprise e
                        left join parcel p on p.owner_uscc = e.uscc
                              and (p.transfer_date is null or p.transfer_date < make_date(:y + 1, 1, 1))
                        where SCOPE(e.region_code, e.uscc)
                        group by e.uscc""", scope)
                .param("y", year)
                .query(rs -> {
                    owned.put(rs.getString(1), rs.getBigDecimal(2));
                });
        List<EvaluatedLand.Lease> leases = new ArrayList<>();
        jurisdiction.sql("""
                        select l.lessor_uscc, l.lessee_uscc, l.area_m2, l.start_year, l.end_year
                        from lease l
                        left join enterprise a on a.uscc = l.lessor_uscc
                        left join enterprise b on b.uscc = l.lessee_uscc
                        where l.start_year <= :y and l.end_year >= :y
                          and (SCOPE(a.region_code, a.uscc) or SCOPE(b.region_code, b.uscc))""", scope)
                .param("y", year)
                .query(rs -> {
                    leases.add(new EvaluatedLand.Lease(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4), rs.getInt(5)));
                });
        return new Year(year, rule, EvaluatedLand.forAll(year, rule, owned, leases));
    }

    /**
     * One enterprise over several years (its page): its parcels and the leases it is a party to,
     * read once, evaluated per year. With {@link LandRule#mergeTenants()} the group's other members'
     * owned land is not read here; use {@link #forYear} for merged results.
     */
    public List<EvaluatedLand.Result> forEnterprise(String uscc, List<Integer> years, Scope scope, LandRule rule) {
        record Owned(BigDecimal m2, java.time.LocalDate transferred) { }
        List<Owned> parcels = jurisdiction.sql("""
                        select p.area_m2, p.transfer_date from parcel p join enterprise e on e.uscc = p.owner_uscc
                        where SCOPE(e.region_code, e.uscc) and p.owner_uscc = cast(:u as bpchar)""", scope)
                .param("u", uscc).query((rs, n) -> new Owned(rs.getBigDecimal(1), rs.getObject(2, java.time.LocalDate.class))).list();
        List<EvaluatedLand.Lease> leases = jurisdiction.sql("""
                        select l.lessor_uscc, l.lessee_uscc, l.area_m2, l.start_year, l.end_year
                        from lease l join enterprise e on e.uscc = cast(:u as bpchar)
                        where SCOPE(e.region_code, e.uscc) and (l.lessor_uscc = cast(:u as bpchar) or l.lessee_uscc = cast(:u as bpchar))""", scope)
                .param("u", uscc)
                .query((rs, n) -> new EvaluatedLand.Lease(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4), rs.getInt(5)))
                .list();
        List<EvaluatedLand.Result> out = new ArrayList<>();
        for (int y : years) {
            BigDecimal owned = parcels.stream().filter(p -> p.transferred() == null || p.transferred().getYear() <= y)
                    .map(Owned::m2).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(EvaluatedLand.of(uscc, y, rule, owned, leases));
        }
        return out;
    }
}
