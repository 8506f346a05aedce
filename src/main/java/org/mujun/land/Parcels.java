package org.mujun.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mujun.common.Mu;
import org.mujun.common.RegionCode;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Land parcels (SPEC §2), read through {@link Jurisdiction} on the parcel's own region and owner.
 * Lists are built like the enterprise list: fixed SQL fragments per filter with bound values,
 * one extra row for "next page", a count capped at {@link #COUNT_CAP}.
 */
@Repository
public class Parcels {

    public static final int COUNT_CAP = 1_000;

    /**
     * Filters; all optional. {@code owner} is a USCC (exact) or part of the owner's name;
     * {@code minMu}/{@code maxMu} bound the area in 亩.
     */
    public record Filter(String region, String owner, Boolean standardLand, BigDecimal minMu, BigDecimal maxMu) {
        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /**
     * A parcel in a list; {@code ownerId} is set only when the owner's enterprise record is in the
     * reader's jurisdiction (its page can be opened).
     */
    public record Row(long id, String certificateNo, String ownerUscc, String ownerName, Long ownerId, String regionCode,
                      BigDecimal areaM2, String landUse, boolean standardLand, LocalDate transferDate, BigDecimal transferPriceWan) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public BigDecimal areaMu() {
            return Mu.ofSquareMetres(areaM2).value().setScale(2, RoundingMode.HALF_UP);
        }
    }

    public record Parcel(Row row, String geojson, Instant updatedAt) {
    }

    public record Page(List<Row> items, int page, int size, long total, boolean totalExact, boolean hasNext) {
    }

    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;

    Parcels(Jurisdiction jurisdiction, JdbcClient jdbc) {
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
    }

    /**
     * For the rest of the current transaction: no parallel workers (list pages are short queries under
     * concurrent load) and custom plans (a generic plan cannot turn LIKE or the bigram test on a parameter into index ranges).
     */
    private void serialPlans() {
        jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true), set_config('plan_cache_mode', 'force_custom_plan', true)")
                .query().listOfRows();
    }

    private static final String FROM = """
             from parcel p left join enterprise e on e.uscc = p.owner_uscc
            """;
    private static final String COLUMNS = """
            select p.id, p.certificate_no, p.owner_uscc, e.name owner_name,
                   case when SCOPE(e.region_code, e.uscc) then e.id end owner_id,
                   p.region_code, p.area_m2, p.land_use, p.standard_land, p.transfer_date, p.transfer_price_wan""";

    record Where(String sql, Map<String, Object> params) {
    }

    /**
     * The jurisdiction predicate plus the filters. The region prefix (the filter's, or else the
     * reader's own) is repeated in the "C" collation so that the list index gives both the range
     * and the order; SCOPE still decides what the reader may see.
     */
    static Where where(Filter f, Scope scope) {
        StringBuilder sql = new StringBuilder(" where SCOPE(p.region_code, p.owner_uscc)");
        Map<String, Object> p = new LinkedHashMap<>();
        String prefix = scope.regionPrefix() == null ? "" : scope.regionPrefix();
        if (f.region() != null && !f.region().isBlank()) {
            String r = RegionCode.ofLoose(f.region()).value();
            if (r.length() > prefix.length()) {
                prefix = r;
            } else if (!prefix.startsWith(r)) {
                prefix = r; // outside the reader's region: SCOPE leaves nothing
            }
        }
        if (!prefix.isEmpty()) {
            char last = prefix.charAt(prefix.length() - 1);
            sql.append(" and (p.region_code collate \"C\") >= :rlo and (p.region_code collate \"C\") < :rhi");
            p.put("rlo", prefix);
            p.put("rhi", prefix.substring(0, prefix.length() - 1) + (char) (last + 1));
        }
        if (f.owner() != null && !f.owner().isBlank()) {
            String o = f.owner().strip();
            if (o.length() > 100) {
                throw new IllegalArgumentException("权利人查询词过长 / the owner search text is too long");
            }
            if (o.toUpperCase(Locale.ROOT).matches("[0-9A-HJ-NP-RTUWXY]{18}")) {
                sql.append(" and p.owner_uscc = cast(:ou as bpchar)");
                p.put("ou", o.toUpperCase(Locale.ROOT));
            } else {
                sql.append(" and ").append(nameMatch("e.name", o));
                p.put("nq", "%" + o.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                p.put("nb", o);
            }
        }
        if (f.standardLand() != null) {
            sql.append(" and p.standard_land = :std");
            p.put("std", f.standardLand());
        }
        if (f.minMu() != null) {
            sql.append(" and p.area_m2 >= :minm2");
            p.put("minm2", f.minMu().multiply(Mu.SQUARE_METRES_PER_MU));
        }
        if (f.maxMu() != null) {
            sql.append(" and p.area_m2 <= :maxm2");
            p.put("maxm2", f.maxMu().multiply(Mu.SQUARE_METRES_PER_MU));
        }
        if (f.minMu() != null && f.maxMu() != null && f.minMu().compareTo(f.maxMu()) > 0) {
            throw new IllegalArgumentException("面积下限大于上限 / the minimum area is above the maximum");
        }
        return new Where(sql.toString(), p);
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Page search(Filter filter, int page, int size, Scope scope) {
        serialPlans();
        int s = Math.max(1, Math.min(size, 500));
        int pg = Math.max(0, page);
        Where w = where(filter, scope);
        List<Row> items = bind(jurisdiction.sql(COLUMNS + FROM + w.sql() + " order by (p.region_code collate \"C\"), (p.certificate_no collate \"C\") limit :limit offset :offset", scope), w)
                .param("limit", s + 1).param("offset", (long) pg * s).query(Parcels::row).list();
        boolean hasNext = items.size() > s;
        List<Row> rows = hasNext ? items.subList(0, s) : items;
        long total;
        boolean exact;
        if (pg == 0 && !hasNext) {
            total = rows.size();
            exact = true;
        } else {
            long n = bind(jurisdiction.sql("select count(*) from (select 1" + FROM + w.sql() + " limit :cap) t", scope), w)
                    .param("cap", COUNT_CAP + 1).query(Long.class).single();
            exact = n <= COUNT_CAP;
            total = Math.min(n, COUNT_CAP);
        }
        return new Page(List.copyOf(rows), pg, s, total, exact, hasNext);
    }

    public Stream<Row> stream(Filter filter, Scope scope) {
        Where w = where(filter, scope);
        return bind(jurisdiction.sql(COLUMNS + FROM + w.sql() + " order by (p.region_code collate \"C\"), (p.certificate_no collate \"C\")", scope), w)
                .query(Parcels::row).stream();
    }

    public Optional<Parcel> find(long id, Scope scope) {
        return jurisdiction.sql(COLUMNS + ", p.geojson, p.updated_at" + FROM + " where SCOPE(p.region_code, p.owner_uscc) and p.id = :id", scope)
                .param("id", id)
                .query((rs, n) -> new Parcel(row(rs, n), rs.getString("geojson"), rs.getTimestamp("updated_at").toInstant())).optional();
    }

    /** The parcels an enterprise owns, for its page (the enterprise is known to be in scope). */
    public List<Row> ownedBy(String uscc, Scope scope) {
        return jurisdiction.sql(COLUMNS + FROM + " where SCOPE(e.region_code, e.uscc) and p.owner_uscc = cast(:u as bpchar) order by p.certificate_no", scope)
                .param("u", uscc).query(Parcels::row).list();
    }

    /**
     * Moves every parcel an enterprise owns (inside the scope) to another owner — the land part of a 兼并重组
     * (SPEC §6); the caller audits the move. Returns the certificate numbers moved.
     */
    public List<String> transferOwnership(String fromUscc, String toUscc, Scope scope) {
        return jurisdiction.sql("update parcel p set owner_uscc = cast(:to as bpchar), updated_at = now()"
                        + " where SCOPE(p.region_code, p.owner_uscc) and p.owner_uscc = cast(:from as bpchar) returning p.certificate_no", scope)
                .param("to", toUscc).param("from", fromUscc).query(String.class).list();
    }

    public long count(Scope scope) {
        Where w = where(Filter.NONE, scope);
        return bind(jurisdiction.sql("select count(*) from parcel p" + w.sql(), scope), w).query(Long.class).single();
    }

    /** Owner-name match through the bigram index of V65 (as the enterprise search does); params nq and nb. */
    static String nameMatch(String column, String q) {
        boolean latin = q.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
        String like = column + (latin ? " ilike :nq" : " like :nq");
        return q.codePointCount(0, q.length()) >= 2 ? "(mujun_bigrams(" + column + ") @> mujun_bigrams(cast(:nb as text)) and " + like + ")" : like;
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Where w) {
        for (var e : w.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("certificate_no"), rs.getString("owner_uscc"), rs.getString("owner_name"),
                rs.getObject("owner_id", Long.class), rs.getString("region_code"), rs.getBigDecimal("area_m2"), rs.getString("land_use"),
                rs.getBoolean("standard_land"), rs.getObject("transfer_date", LocalDate.class), rs.getBigDecimal("transfer_price_wan"));
    }
}
