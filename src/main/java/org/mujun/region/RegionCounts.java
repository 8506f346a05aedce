package org.mujun.region;

import java.util.HashMap;
import java.util.Map;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * Enterprises (规上/规下) and parcels per region, counted inside the reader's jurisdiction: one
 * grouped query over enterprise and one over parcel for all children of a region at once.
 */
@Component
public class RegionCounts {

    public record Counts(long above, long below, long parcels) {
        public static final Counts ZERO = new Counts(0, 0, 0);

        @com.fasterxml.jackson.annotation.JsonProperty
        public long enterprises() {
            return above + below;
        }

        Counts plus(Counts o) {
            return new Counts(above + o.above, below + o.below, parcels + o.parcels);
        }
    }

    private final Jurisdiction jurisdiction;

    RegionCounts(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    /**
     * Counts grouped by the first {@code length} characters of the region code, for rows under
     * {@code parentCode} (children of a region have codes of one length: 4, 6 or 9).
     */
    public Map<String, Counts> byPrefix(String parentCode, int length, Scope scope) {
        Map<String, Counts> out = new HashMap<>();
        jurisdiction.sql("""
                        select substr(e.region_code, 1, :len) c,
                               count(*) filter (where e.size_class = 'ABOVE') above,
                               count(*) filter (where e.size_class = 'BELOW') below
                        from enterprise e
                        where SCOPE(e.region_code, e.uscc) and e.region_code like :p
                        group by 1""", scope)
                .param("len", length).param("p", parentCode + "%")
                .query(rs -> {
                    out.merge(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), 0), Counts::plus);
                });
        jurisdiction.sql("""
                        select substr(p.region_code, 1, :len) c, count(*)
                        from parcel p
                        where SCOPE(p.region_code, p.owner_uscc) and p.region_code like :p
                        group by 1""", scope)
                .param("len", length).param("p", parentCode + "%")
                .query(rs -> {
                    out.merge(rs.getString(1), new Counts(0, 0, rs.getLong(2)), Counts::plus);
                });
        return out;
    }

    /** Counts for one region as a whole. */
    public Counts of(String code, Scope scope) {
        return byPrefix(code, code.length(), scope).getOrDefault(code, Counts.ZERO);
    }
}
