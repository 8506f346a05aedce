package org.mujun.region;

import java.util.HashMap;
import java.util.Map;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * Enterprises (规上/规下) and parcels per region, counted inside the reader's jurisdiction: one
 * grouped query over enterprise and one over parcel for all children of a region at once.
 * <p>
 * Counting a whole province groups every row (about 0.1 s for 200,000 enterprises and as many
 * parcels), so counts under a province or a city are kept for {@code mujun.region.province-counts-seconds}
 * (default 60; 0 turns it off), per reader scope, and computed by one thread while the others wait.
 * Counts under a county or a town are always live.
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

    private record Key(String parent, int length, Scope scope) {
    }

    private record Cached(long expiresAt, Map<String, Counts> counts) {
    }

    private final Jurisdiction jurisdiction;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final long ttlNanos;
    private final Map<Key, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    RegionCounts(Jurisdiction jurisdiction, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                 @org.springframework.beans.factory.annotation.Value("${mujun.region.province-counts-seconds:60}") long seconds) {
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.ttlNanos = java.time.Duration.ofSeconds(Math.max(0, seconds)).toNanos();
    }

    /**
     * Counts grouped by the first {@code length} characters of the region code, for rows under
     * {@code parentCode} (children of a region have codes of one length: 4, 6 or 9).
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Map<String, Counts> byPrefix(String parentCode, int length, Scope scope) {
        if (parentCode.length() > 4 || ttlNanos == 0) {
            return count(parentCode, length, scope);
        }
        Key key = new Key(parentCode, length, scope);
        Cached c = cache.get(key);
        if (c != null && System.nanoTime() - c.expiresAt() < 0) {
            return c.counts();
        }
        synchronized (this) { // one computation at a time; the others then find it cached
            c = cache.get(key);
            long now = System.nanoTime();
            if (c == null || now - c.expiresAt() >= 0) {
                if (cache.size() > 1000) {
                    cache.clear();
                }
                c = new Cached(now + ttlNanos, count(parentCode, length, scope));
                cache.put(key, c);
            }
            return c.counts();
        }
    }

    private Map<String, Counts> count(String parentCode, int length, Scope scope) {
        // short grouped counts under concurrent load: no parallel workers (they add latency on a busy machine), custom plans
        jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true), set_config('plan_cache_mode', 'force_custom_plan', true)")
                .query().listOfRows();
        Map<String, Counts> out = new HashMap<>();
        jurisdiction.sql("""
                        select substr(e.region_code, 1, :len) c,
                               count(*) filter (where e.size_class = 'ABOVE') above,
                               count(*) filter (where e.size_class = 'BELOW') below
                        from enterprise e
                        where SCOPE(e.region_code, e.uscc) and (e.region_code collate "C") >= :lo and (e.region_code collate "C") < :hi
                        group by 1""", scope)
                .param("len", length).param("lo", parentCode).param("hi", next(parentCode))
                .query(rs -> {
                    out.merge(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), 0), Counts::plus);
                });
        jurisdiction.sql("""
                        select substr(p.region_code, 1, :len) c, count(*)
                        from parcel p
                        where SCOPE(p.region_code, p.owner_uscc) and (p.region_code collate "C") >= :lo and (p.region_code collate "C") < :hi
                        group by 1""", scope)
                .param("len", length).param("lo", parentCode).param("hi", next(parentCode))
                .query(rs -> {
                    out.merge(rs.getString(1), new Counts(0, 0, rs.getLong(2)), Counts::plus);
                });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The first string after every code starting with {@code prefix}, in the "C" collation (3310 → 3311, 3319 → 331:). */
    static String next(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    /**
     * Counts for one region as a whole: the total of its children's counts (GB/T 2260 children have
     * 4, 6 and 9 digits), so the home cards and the regions tree share one cached count.
     */
    public Counts of(String code, Scope scope) {
        int child = switch (code.length()) {
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            default -> code.length();
        };
        return total(byPrefix(code, child, scope));
    }

    /** The total of a {@link #byPrefix} result: every row under the parent, whatever child it falls in. */
    public static Counts total(Map<String, Counts> byPrefix) {
        Counts t = Counts.ZERO;
        for (Counts c : byPrefix.values()) {
            t = t.plus(c);
        }
        return t;
    }
}
