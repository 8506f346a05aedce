package org.mujun.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zones (开发区, 工业园区, 小微企业园, 特色小镇, SPEC §2): named polygons that are not administrative
 * divisions. A zone is master data, visible to a user when it lies inside the user's region or
 * covers it (a town officer sees its county's parks); the enterprises counted in it are business
 * data and go through {@link Jurisdiction}. Administrators create and edit zones inside their own
 * region, with optimistic locking and an audit entry.
 */
@Repository
public class Zones {

    public enum Kind {
        DEVELOPMENT_ZONE("开发区"), INDUSTRIAL_PARK("工业园区"), MICRO_PARK("小微企业园"), CHARACTERISTIC_TOWN("特色小镇");

        private final String nameZh;

        Kind(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }

        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(s == null ? "" : s.trim()) || k.nameZh.equals(s == null ? "" : s.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("园区类型应为 开发区/工业园区/小微企业园/特色小镇 / zone kind must be one of "
                    + java.util.Arrays.toString(values()));
        }
    }

    /** A zone; {@code enterprises} counts those in the reader's jurisdiction. */
    public record Zone(long id, String name, Kind kind, String regionCode, Integer starRating, String geojson, int version,
                       long enterprises) {
    }

    /** What an administrator types. */
    public record Input(String name, String kind, String regionCode, Integer starRating, String geojson) {
    }

    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditLog audit;

    public Zones(Jurisdiction jurisdiction, JdbcClient jdbc, Regions regions, AuditLog audit) {
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    private static final String SELECT = """
            select z.id, z.name, z.kind, z.region_code, z.star_rating, z.geojson, z.version,
                   (select count(*) from enterprise e where e.zone_id = z.id and SCOPE(e.region_code, e.uscc)) enterprises
            from zone z
            where (z.region_code like :zp or cast(:zr as text) like z.region_code || '%')
            """;

    /** Zones visible to the scope, optionally inside a region and of one kind, by region and name. */
    public List<Zone> list(Scope scope, String regionPrefix, Kind kind) {
        if (scope.regionPrefix() == null) {
            return List.of();
        }
        return jurisdiction.sql(SELECT + """
                  and (cast(:rp as text) is null or z.region_code like :rp)
                  and (cast(:kind as text) is null or z.kind = :kind)
                order by z.region_code, z.name""", scope)
                .param("zp", scope.regionPrefix() + "%").param("zr", scope.regionPrefix())
                .param("rp", regionPrefix == null || regionPrefix.isBlank() ? null : regionPrefix.trim() + "%")
                .param("kind", kind == null ? null : kind.name())
                .query(Zones::map).list();
    }

    public Optional<Zone> find(long id, Scope scope) {
        if (scope.regionPrefix() == null) {
            return Optional.empty();
        }
        return jurisdiction.sql(SELECT + " and z.id = :id", scope)
                .param("zp", scope.regionPrefix() + "%").param("zr", scope.regionPrefix()).param("id", id)
                .query(Zones::map).optional();
    }

    /** The zone's name when it exists (any region); for labels on enterprise pages. */
    public Optional<String> name(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select name from zone where id = :id").param("id", id).query(String.class).optional();
    }

    @Transactional
    public Zone create(Input in, Scope scope, String actor) {
        Checked c = check(in, scope);
        long id = jdbc.sql("""
                insert into zone (name, kind, region_code, star_rating, geojson)
                values (:n, :k, :r, :s, :g) returning id""")
                .param("n", c.name).param("k", c.kind.name()).param("r", c.region).param("s", c.star).param("g", c.geojson)
                .query(Long.class).single();
        audit.append(actor, "ZONE_CREATE", "zone:" + id, c.name + " (" + c.kind + ", " + c.region + ")");
        return find(id, scope).orElseThrow();
    }

    /** Updates a zone the administrator may edit; a stale {@code version} is a conflict (409). */
    @Transactional
    public Zone update(long id, int version, Input in, Scope scope, String actor) {
        Zone old = find(id, scope).filter(z -> scope.coversRegion(z.regionCode()))
                .orElseThrow(() -> new NotFound(id));
        Checked c = check(in, scope);
        int n = jdbc.sql("""
                update zone set name = :n, kind = :k, region_code = :r, star_rating = :s, geojson = :g, version = version + 1
                where id = :id and version = :v""")
                .param("n", c.name).param("k", c.kind.name()).param("r", c.region).param("s", c.star).param("g", c.geojson)
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("zone " + id + " changed since version " + version);
        }
        StringBuilder d = new StringBuilder();
        diff(d, "name", old.name(), c.name);
        diff(d, "kind", old.kind().name(), c.kind.name());
        diff(d, "region", old.regionCode(), c.region);
        diff(d, "star", old.starRating(), c.star);
        if (!java.util.Objects.equals(old.geojson(), c.geojson)) {
            d.append("geojson: ").append(c.geojson == null ? "removed" : "changed (" + c.geojson.length() + " chars)").append("; ");
        }
        audit.append(actor, "ZONE_UPDATE", "zone:" + id, d.toString());
        return find(id, scope).orElseThrow();
    }

    /** Asked for a zone the user may not see or edit: 404, never 403. */
    public static class NotFound extends org.springframework.web.server.ResponseStatusException {
        public NotFound(long id) {
            super(org.springframework.http.HttpStatus.NOT_FOUND, "园区不存在 / zone " + id + " not found");
        }
    }

    private record Checked(String name, Kind kind, String region, Integer star, String geojson) {
    }

    private Checked check(Input in, Scope scope) {
        if (in == null) {
            throw new IllegalArgumentException("请求体为空 / the body is empty");
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("园区名称必填，最多100字 / the zone name is required, at most 100 characters");
        }
        Kind kind = Kind.parse(in.kind());
        String region = in.regionCode() == null ? "" : in.regionCode().trim();
        if (!regions.exists(region)) {
            throw new IllegalArgumentException("区划代码不存在 / unknown region code: " + region);
        }
        if (!scope.coversRegion(region)) {
            throw new IllegalArgumentException("区划不在您的管辖范围内 / the region is outside your jurisdiction: " + region);
        }
        Integer star = in.starRating();
        if (star != null && kind != Kind.MICRO_PARK) {
            throw new IllegalArgumentException("星级只适用于小微企业园 / a star rating applies only to 小微企业园 (micro-enterprise parks)");
        }
        if (star != null && (star < 1 || star > 5)) {
            throw new IllegalArgumentException("星级应为1至5 / the star rating must be 1 to 5");
        }
        String geojson = in.geojson() == null || in.geojson().isBlank() ? null : GeoJsonPolygons.validate(in.geojson());
        return new Checked(name, kind, region, star, geojson);
    }

    private static void diff(StringBuilder d, String field, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            d.append(field).append(": ").append(a).append(" → ").append(b).append("; ");
        }
    }

    private static Zone map(ResultSet rs, int n) throws SQLException {
        return new Zone(rs.getLong("id"), rs.getString("name"), Kind.valueOf(rs.getString("kind")), rs.getString("region_code"),
                rs.getObject("star_rating", Integer.class), rs.getString("geojson"),
                rs.getInt("version"), rs.getLong("enterprises"));
    }
}
