package org.mujun.enterprise;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mujun.audit.AuditLog;
import org.mujun.common.RegionCode;
import org.mujun.common.Uscc;
import org.mujun.industry.Industries;
import org.mujun.region.Regions;
import org.mujun.region.Zones;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The enterprises (SPEC §2), always read through {@link Jurisdiction}. The list is built for
 * province scale (200,000 rows, SPEC §11 p95 &lt; 100 ms): each filter adds a fixed SQL fragment
 * with a bound value (never user text in SQL), the name search is served by a trigram index
 * (V65, character bigrams), pages use LIMIT/OFFSET with one extra row to know whether a next page exists, and the
 * total is counted only up to {@link #COUNT_CAP} so a province-wide list never counts 200,000
 * rows on every page.
 */
@Repository
public class Enterprises {

    /** Beyond this many matches the list says "more than 1,000" instead of counting them all. */
    public static final int COUNT_CAP = 1_000;
    public static final Set<String> SIZES = Set.of("ABOVE", "BELOW");
    public static final List<String> STATUSES = List.of("OPERATING", "SUSPENDED", "CLOSED", "MERGED");
    /** SPEC §2 flags, offered in the editor; other flags are accepted as typed. */
    public static final List<String> KNOWN_FLAGS = List.of("高新技术", "专精特新", "小巨人", "单项冠军", "上市", "未来工厂", "utility");

    /** List filters; every field optional. {@code q} is a name substring or a USCC (prefix). */
    public record Filter(String q, String region, String industry, String size, String status, Long zone, String flag) {
        public static final Filter NONE = new Filter(null, null, null, null, null, null, null);
    }

    public enum Sort {
        NAME("e.name %s, e.id %s"), USCC("e.uscc %s"), REGISTERED("e.registered_on %s nulls last, e.id %s"),
        REGION("e.region_code %s, e.name %s, e.id %s");

        private final String order;

        Sort(String order) {
            this.order = order;
        }

        String sql(boolean desc) {
            String d = desc ? "desc" : "asc";
            return order.replace("%s", d);
        }

        public static Sort parse(String s) {
            if (s == null || s.isBlank()) {
                return NAME;
            }
            for (Sort v : values()) {
                if (v.name().equalsIgnoreCase(s.trim())) {
                    return v;
                }
            }
            throw new IllegalArgumentException("排序字段应为 name/uscc/registered/region / sort must be one of name, uscc, registered, region");
        }
    }

    /** One row of the list. */
    public record Row(long id, String uscc, String name, String regionCode, Long zoneId, String zoneName, String industryCode,
                      String sizeClass, String status, String mergedIntoUscc, LocalDate registeredOn, List<String> flags) {
    }

    /** A page: {@code total} is exact when {@code totalExact}, otherwise "more than COUNT_CAP". */
    public record Page(List<Row> items, int page, int size, long total, boolean totalExact, boolean hasNext) {
    }

    /** An enterprise's master record. */
    public record Enterprise(long id, String uscc, String name, String regionCode, Long zoneId, String zoneName,
                             String industryCode, String sizeClass, String status, String mergedIntoUscc,
                             LocalDate registeredOn, List<String> flags, Instant createdAt, Instant updatedAt, int version) {
    }

    /** The master fields an administrator may edit, with the version read (optimistic locking). */
    public record Update(String name, String regionCode, Long zoneId, String industryCode, String sizeClass, String status,
                         String mergedIntoUscc, List<String> flags, Integer version) {
    }

    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final Zones zones;
    private final Industries industries;
    private final AuditLog audit;

    public Enterprises(Jurisdiction jurisdiction, JdbcClient jdbc, Regions regions, Zones zones, Industries industries, AuditLog audit) {
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.regions = regions;
        this.zones = zones;
        this.industries = industries;
        this.audit = audit;
    }

    private static final String COLUMNS = """
            e.id, e.uscc, e.name, e.region_code, e.zone_id, z.name zone_name, e.industry_code, e.size_class, e.status,
            e.merged_into_uscc, e.registered_on, e.flags""";

    /** A WHERE clause of fixed fragments and the values bound to them. */
    record Where(String sql, Map<String, Object> params) {
    }

    /**
     * The jurisdiction predicate plus the filters. The region prefix (the filter's, or else the
     * reader's own) is added as a range in the "C" collation, which an index serves in every plan;
     * SCOPE still decides what the reader may see.
     */
    static Where where(Filter f, Scope scope) {
        StringBuilder sql = new StringBuilder(" where SCOPE(e.region_code, e.uscc)");
        Map<String, Object> p = new LinkedHashMap<>();
        String prefix = effectivePrefix(scope, f.region() == null || f.region().isBlank() ? null : RegionCode.ofLoose(f.region()).value());
        if (!prefix.isEmpty()) {
            String[] r = range(prefix);
            sql.append(" and (e.region_code collate \"C\") >= :rlo and (e.region_code collate \"C\") < :rhi");
            p.put("rlo", r[0]);
            p.put("rhi", r[1]);
        }
        if (f.industry() != null && !f.industry().isBlank()) {
            String i = f.industry().trim().toUpperCase(Locale.ROOT);
            if (!i.matches("[A-T]\\d{0,4}|\\d{2,4}")) {
                throw new IllegalArgumentException("行业代码应为门类字母加数字，如 C26 / the industry code must look like C26");
            }
            if (Character.isDigit(i.charAt(0))) {
                i = org.mujun.common.IndustryCode.of(i).value();
            }
            sql.append(" and e.industry_code like :ip");
            p.put("ip", i + "%");
        }
        if (f.size() != null && !f.size().isBlank()) {
            sql.append(" and e.size_class = :size");
            p.put("size", size(f.size()));
        }
        if (f.status() != null && !f.status().isBlank()) {
            sql.append(" and e.status = :status");
            p.put("status", status(f.status()));
        }
        if (f.zone() != null) {
            sql.append(" and e.zone_id = :zone");
            p.put("zone", f.zone());
        }
        if (f.flag() != null && !f.flag().isBlank()) {
            sql.append(" and e.flags @> array[cast(:flag as text)]");
            p.put("flag", f.flag().trim());
        }
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().strip();
            if (q.length() > 100) {
                throw new IllegalArgumentException("搜索词过长 / the search text is too long");
            }
            String upper = q.toUpperCase(Locale.ROOT);
            if (upper.matches("[0-9A-HJ-NP-RTUWXY]{18}")) {
                sql.append(" and e.uscc = cast(:uscc as bpchar)");
                p.put("uscc", upper);
            } else if (upper.matches("[0-9A-HJ-NP-RTUWXY]{4,17}") && upper.matches(".*\\d.*")) {
                // digits and the USCC alphabet: a USCC prefix, not a name
                sql.append(" and e.uscc like :uq");
                p.put("uq", upper + "%");
            } else if (upper.matches("[A-Z]{4,17}")) {
                sql.append(" and (e.uscc like :uq or ").append(nameMatch("e.name", q)).append(")");
                p.put("uq", upper + "%");
                p.put("nq", "%" + likeEscape(q) + "%");
                p.put("nb", q);
            } else {
                sql.append(" and ").append(nameMatch("e.name", q));
                p.put("nq", "%" + likeEscape(q) + "%");
                p.put("nb", q);
            }
        }
        return new Where(sql.toString(), p);
    }

    public Page search(Filter filter, Sort sort, boolean desc, int page, int size, Scope scope) {
        int s = Math.max(1, Math.min(size, 500));
        int pg = Math.max(0, page);
        Where w = where(filter, scope);
        var items = bind(jurisdiction.sql("select " + COLUMNS + " from enterprise e left join zone z on z.id = e.zone_id" + w.sql()
                + " order by " + sort.sql(desc) + " limit :limit offset :offset", scope), w)
                .param("limit", s + 1).param("offset", (long) pg * s)
                .query(Enterprises::row).list();
        boolean hasNext = items.size() > s;
        List<Row> rows = hasNext ? items.subList(0, s) : items;
        long total;
        boolean exact;
        if (pg == 0 && !hasNext) {
            total = rows.size();
            exact = true;
        } else {
            long n = bind(jurisdiction.sql("select count(*) from (select 1 from enterprise e" + w.sql() + " limit :cap) t", scope), w)
                    .param("cap", COUNT_CAP + 1).query(Long.class).single();
            exact = n <= COUNT_CAP;
            total = Math.min(n, COUNT_CAP);
        }
        return new Page(List.copyOf(rows), pg, s, total, exact, hasNext);
    }

    /** Every matching row in list order, streamed for export; close the stream. */
    public Stream<Row> stream(Filter filter, Sort sort, boolean desc, Scope scope) {
        Where w = where(filter, scope);
        return bind(jurisdiction.sql("select " + COLUMNS + " from enterprise e left join zone z on z.id = e.zone_id" + w.sql()
                + " order by " + sort.sql(desc), scope), w).query(Enterprises::row).stream();
    }

    /** Enterprises in the scope (the home card). */
    public long count(Scope scope) {
        Where w = where(Filter.NONE, scope);
        return bind(jurisdiction.sql("select count(*) from enterprise e" + w.sql(), scope), w).query(Long.class).single();
    }

    public Optional<Enterprise> find(long id, Scope scope) {
        return jurisdiction.sql("select e.*, z.name zone_name from enterprise e left join zone z on z.id = e.zone_id"
                        + " where SCOPE(e.region_code, e.uscc) and e.id = :id", scope)
                .param("id", id).query(Enterprises::enterprise).optional();
    }

    public Optional<Enterprise> findByUscc(String uscc, Scope scope) {
        String u = Uscc.normalise(uscc);
        if (u == null || u.length() != 18) {
            return Optional.empty();
        }
        return jurisdiction.sql("select e.*, z.name zone_name from enterprise e left join zone z on z.id = e.zone_id"
                        + " where SCOPE(e.region_code, e.uscc) and e.uscc = cast(:u as bpchar)", scope)
                .param("u", u).query(Enterprises::enterprise).optional();
    }

    /**
     * Changes an enterprise's master fields (administrators, inside their region). The update
     * carries the version the editor read: when someone changed the row since, nothing is written
     * and {@link OptimisticLockingFailureException} answers 409. The change is audited in the same
     * transaction, field by field.
     */
    @Transactional
    public Enterprise update(long id, Update u, Scope scope, String actor) {
        Enterprise old = find(id, scope).orElseThrow(() -> notFound(id));
        if (u == null) {
            throw new IllegalArgumentException("请求体为空 / the body is empty");
        }
        if (u.version() == null) {
            throw new IllegalArgumentException("缺少 version（乐观锁） / version is required (optimistic locking)");
        }
        String name = u.name() == null ? "" : u.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("企业名称必填，最多200字 / the name is required, at most 200 characters");
        }
        String town = u.regionCode() == null ? "" : u.regionCode().trim();
        if (!regions.find(town).map(r -> r.level().equals("town")).orElse(false)) {
            throw new IllegalArgumentException("所在乡镇街道代码应为9位且存在 / the town code must be an existing nine-digit town: " + town);
        }
        if (!scope.coversRegion(town)) {
            throw new IllegalArgumentException("乡镇街道不在您的管辖范围内 / the town is outside your jurisdiction: " + town);
        }
        if (u.zoneId() != null && zones.find(u.zoneId(), scope).isEmpty()) {
            throw new IllegalArgumentException("园区不存在或不在管辖范围内 / unknown zone: " + u.zoneId());
        }
        String industry = u.industryCode() == null || u.industryCode().isBlank() ? null : industries.validate(u.industryCode()).value();
        if (industry == null) {
            throw new IllegalArgumentException("行业代码必填 / the industry code is required");
        }
        String size = size(u.sizeClass());
        String status = u.status() == null || u.status().isBlank() ? "OPERATING" : status(u.status());
        String mergedInto = null;
        if (status.equals("MERGED")) {
            if (u.mergedIntoUscc() == null || u.mergedIntoUscc().isBlank()) {
                throw new IllegalArgumentException("状态为被兼并时须填写兼并方统一社会信用代码 / a merged enterprise needs the acquirer's USCC");
            }
            Set<String> overrides = Set.copyOf(jdbc.sql("select uscc from uscc_override").query(String.class).list());
            mergedInto = Uscc.parse(u.mergedIntoUscc(), overrides::contains).value();
            if (mergedInto.equals(old.uscc())) {
                throw new IllegalArgumentException("兼并方不能是企业自身 / an enterprise cannot be merged into itself");
            }
        } else if (u.mergedIntoUscc() != null && !u.mergedIntoUscc().isBlank()) {
            throw new IllegalArgumentException("只有状态为被兼并时才填写兼并方 / the acquirer is set only when the status is MERGED");
        }
        List<String> flags = flags(u.flags());

        int n = jurisdiction.sql("""
                        update enterprise e set name = :name, region_code = :town, zone_id = :zone, industry_code = :industry,
                               size_class = :size, status = :status, merged_into_uscc = :merged, flags = :flags,
                               updated_at = now(), version = e.version + 1
                        where SCOPE(e.region_code, e.uscc) and e.id = :id and e.version = :version""", scope)
                .param("name", name).param("town", town).param("zone", u.zoneId()).param("industry", industry)
                .param("size", size).param("status", status).param("merged", mergedInto)
                .param("flags", flags.toArray(String[]::new)).param("id", id).param("version", u.version())
                .update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("enterprise " + id + " changed since version " + u.version());
        }
        StringBuilder d = new StringBuilder();
        diff(d, "name", old.name(), name);
        diff(d, "town", old.regionCode(), town);
        diff(d, "zone", old.zoneId(), u.zoneId());
        diff(d, "industry", old.industryCode(), industry);
        diff(d, "size", old.sizeClass(), size);
        diff(d, "status", old.status(), status);
        diff(d, "mergedInto", old.mergedIntoUscc(), mergedInto);
        diff(d, "flags", String.join(";", old.flags()), String.join(";", flags));
        audit.append(actor, "ENTERPRISE_UPDATE", "enterprise:" + old.uscc(), d.isEmpty() ? "no change" : d.toString().trim());
        return find(id, scope).orElseThrow();
    }

    static ResponseStatusException notFound(Object id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "企业不存在或不在管辖范围内 / enterprise " + id + " not found");
    }

    static String size(String s) {
        String v = s == null ? "" : s.trim();
        return switch (v) {
            case "ABOVE", "above", "规上", "规模以上" -> "ABOVE";
            case "BELOW", "below", "规下", "规模以下" -> "BELOW";
            default -> throw new IllegalArgumentException("规模应为规上(ABOVE)或规下(BELOW) / size must be ABOVE (规上) or BELOW (规下)");
        };
    }

    static String status(String s) {
        String v = s == null ? "" : s.trim();
        return switch (v) {
            case "OPERATING", "operating", "在营", "存续" -> "OPERATING";
            case "SUSPENDED", "suspended", "停产", "停业" -> "SUSPENDED";
            case "CLOSED", "closed", "注销", "关闭", "吊销" -> "CLOSED";
            case "MERGED", "merged", "被兼并" -> "MERGED";
            default -> throw new IllegalArgumentException("状态应为 OPERATING/SUSPENDED/CLOSED/MERGED（在营/停产/注销/被兼并） / status must be OPERATING, SUSPENDED, CLOSED or MERGED");
        };
    }

    static List<String> flags(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (String f : raw) {
                if (f == null) {
                    continue;
                }
                for (String part : f.split("[;；,，、|]")) {
                    String t = part.strip();
                    if (t.isEmpty()) {
                        continue;
                    }
                    if (t.length() > 30) {
                        throw new IllegalArgumentException("标志过长（最多30字）：" + t + " / a flag has at most 30 characters");
                    }
                    out.add(t);
                }
            }
        }
        if (out.size() > 20) {
            throw new IllegalArgumentException("标志最多20个 / at most 20 flags");
        }
        return List.copyOf(out);
    }

    /**
     * A name substring match on {@code column} with the parameters {@code nq} (the LIKE pattern) and
     * {@code nb} (the query): from two characters on, the bigram GIN index of V65 narrows the rows
     * ({@code mujun_bigrams(name) @> mujun_bigrams(query)}) and LIKE confirms; ILIKE only when the
     * query has Latin letters (Chinese has no case, and LIKE is several times cheaper).
     */
    public static String nameMatch(String column, String q) {
        boolean latin = q.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
        String like = column + (latin ? " ilike :nq" : " like :nq");
        return q.codePointCount(0, q.length()) >= 2 ? "(mujun_bigrams(" + column + ") @> mujun_bigrams(cast(:nb as text)) and " + like + ")" : like;
    }

    /** The longer of the reader's region and the filter's (a filter outside the region finds nothing through SCOPE). */
    static String effectivePrefix(Scope scope, String filterRegion) {
        String prefix = scope.regionPrefix() == null ? "" : scope.regionPrefix();
        if (filterRegion != null && (filterRegion.length() > prefix.length() || !prefix.startsWith(filterRegion))) {
            prefix = filterRegion;
        }
        return prefix;
    }

    /** [prefix, next) in the "C" collation: every code starting with {@code prefix} and nothing else. */
    static String[] range(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return new String[]{prefix, prefix.substring(0, prefix.length() - 1) + (char) (last + 1)};
    }

    /** Escapes LIKE wildcards in user text (PostgreSQL's default escape character is the backslash). */
    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Where w) {
        for (var e : w.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    private static void diff(StringBuilder d, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            d.append(field).append(": ").append(a).append(" → ").append(b).append("; ");
        }
    }

    static List<String> array(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) {
            return List.of();
        }
        return List.copyOf(Arrays.asList((String[]) a.getArray()));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), rs.getString("region_code"),
                rs.getObject("zone_id", Long.class), rs.getString("zone_name"), rs.getString("industry_code"), rs.getString("size_class"),
                rs.getString("status"), rs.getString("merged_into_uscc"), rs.getObject("registered_on", LocalDate.class),
                array(rs, "flags"));
    }

    private static Enterprise enterprise(ResultSet rs, int n) throws SQLException {
        return new Enterprise(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), rs.getString("region_code"),
                rs.getObject("zone_id", Long.class), rs.getString("zone_name"), rs.getString("industry_code"), rs.getString("size_class"),
                rs.getString("status"), rs.getString("merged_into_uscc"), rs.getObject("registered_on", LocalDate.class),
                array(rs, "flags"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
