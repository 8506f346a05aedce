package org.mujun.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mujun.common.Mu;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Repository;

/**
 * Leases (出租/承租, SPEC §2). A lease has no region of its own: it is visible when either party's
 * enterprise or the leased parcel is inside the reader's jurisdiction.
 */
@Repository
public class Leases {

    public static final int COUNT_CAP = 1_000;

    /** A lease with both parties' names; an id only for a party whose page the reader may open. */
    public record Row(long id, Long parcelId, String certificateNo, String lessorUscc, String lessorName, Long lessorId,
                      String lesseeUscc, String lesseeName, Long lesseeId, BigDecimal areaM2, int startYear, int endYear) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public BigDecimal areaMu() {
            return Mu.ofSquareMetres(areaM2).value().setScale(2, RoundingMode.HALF_UP);
        }
    }

    public record Page(List<Row> items, int page, int size, long total, boolean totalExact, boolean hasNext) {
    }

    private final Jurisdiction jurisdiction;

    Leases(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    private static final String SELECT = """
            select l.id, l.parcel_id, p.certificate_no, l.lessor_uscc, a.name lessor_name,
                   case when SCOPE(a.region_code, a.uscc) then a.id end lessor_id,
                   l.lessee_uscc, b.name lessee_name, case when SCOPE(b.region_code, b.uscc) then b.id end lessee_id,
                   l.area_m2, l.start_year, l.end_year""";
    private static final String FROM = "\n" + """
             from lease l
             left join enterprise a on a.uscc = l.lessor_uscc
             left join enterprise b on b.uscc = l.lessee_uscc
             left join parcel p on p.id = l.parcel_id
             where (SCOPE(a.region_code, a.uscc) or SCOPE(b.region_code, b.uscc) or SCOPE(p.region_code, p.owner_uscc))""";

    record Where(String sql, Map<String, Object> params) {
    }

    static Where where(String uscc, Integer year, String region) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> p = new LinkedHashMap<>();
        if (uscc != null && !uscc.isBlank()) {
            String u = uscc.trim().toUpperCase(Locale.ROOT);
            if (!u.matches("[0-9A-HJ-NP-RTUWXY]{18}")) {
                throw new IllegalArgumentException("统一社会信用代码应为18位 / the USCC must have 18 characters");
            }
            sql.append(" and (l.lessor_uscc = cast(:u as bpchar) or l.lessee_uscc = cast(:u as bpchar))");
            p.put("u", u);
        }
        if (year != null) {
            sql.append(" and l.start_year <= :y and l.end_year >= :y");
            p.put("y", year);
        }
        if (region != null && !region.isBlank()) {
            sql.append(" and (a.region_code like :rp or b.region_code like :rp or p.region_code like :rp)");
            p.put("rp", org.mujun.common.RegionCode.ofLoose(region).value() + "%");
        }
        return new Where(sql.toString(), p);
    }

    public Page search(String uscc, Integer year, String region, int page, int size, Scope scope) {
        int s = Math.max(1, Math.min(size, 500));
        int pg = Math.max(0, page);
        Where w = where(uscc, year, region);
        var spec = jurisdiction.sql(SELECT + FROM + w.sql() + " order by l.start_year desc, l.id limit :limit offset :offset", scope);
        for (var e : w.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        List<Row> items = spec.param("limit", s + 1).param("offset", (long) pg * s).query(Leases::row).list();
        boolean hasNext = items.size() > s;
        List<Row> rows = hasNext ? items.subList(0, s) : items;
        long total;
        boolean exact;
        if (pg == 0 && !hasNext) {
            total = rows.size();
            exact = true;
        } else {
            var count = jurisdiction.sql("select count(*) from (select 1" + FROM + w.sql() + " limit :cap) t", scope);
            for (var e : w.params().entrySet()) {
                count = count.param(e.getKey(), e.getValue());
            }
            long n = count.param("cap", COUNT_CAP + 1).query(Long.class).single();
            exact = n <= COUNT_CAP;
            total = Math.min(n, COUNT_CAP);
        }
        return new Page(List.copyOf(rows), pg, s, total, exact, hasNext);
    }

    public Stream<Row> stream(String uscc, Integer year, String region, Scope scope) {
        Where w = where(uscc, year, region);
        var spec = jurisdiction.sql(SELECT + FROM + w.sql() + " order by l.start_year desc, l.id", scope);
        for (var e : w.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(Leases::row).stream();
    }

    /** Leases on a parcel the reader may see. */
    public List<Row> onParcel(long parcelId, Scope scope) {
        return jurisdiction.sql(SELECT + FROM + " and l.parcel_id = :pid order by l.start_year desc, l.id", scope)
                .param("pid", parcelId).query(Leases::row).list();
    }

    /** Leases an enterprise is a party to (both directions). */
    public List<Row> ofEnterprise(String uscc, Scope scope) {
        return jurisdiction.sql(SELECT + FROM + " and (l.lessor_uscc = cast(:u as bpchar) or l.lessee_uscc = cast(:u as bpchar))"
                        + " order by l.start_year desc, l.id", scope)
                .param("u", uscc).query(Leases::row).list();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getObject("parcel_id", Long.class), rs.getString("certificate_no"), rs.getString("lessor_uscc"),
                rs.getString("lessor_name"), rs.getObject("lessor_id", Long.class), rs.getString("lessee_uscc"), rs.getString("lessee_name"),
                rs.getObject("lessee_id", Long.class), rs.getBigDecimal("area_m2"), rs.getInt("start_year"), rs.getInt("end_year"));
    }
}
