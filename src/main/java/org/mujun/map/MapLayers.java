package org.mujun.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.mujun.common.EnterpriseStatus;
import org.mujun.common.Mu;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The map's layers as GeoJSON FeatureCollections (SPEC §9), written straight to text: county boundaries
 * (public reference data, simplified per zoom and cached), zones, parcels and enterprise points (by
 * viewport through the GiST index on {@code parcel.map_box}, or a whole region), and enterprises counted
 * per county or town at low zoom. Every business query goes through {@link Jurisdiction}.
 */
@Component
class MapLayers {

    /** Boundaries are simplified for zooms in this range (below: as at 5, above: as at 14). */
    static final int BOUNDARY_MIN_ZOOM = 5;
    static final int BOUNDARY_MAX_ZOOM = 14;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** From this zoom on, small stored polygons are sent as stored (one pixel is about 17 m: nothing to simplify). */
    static final int PASS_THROUGH_ZOOM = 13;
    static final int PASS_THROUGH_LENGTH = 1000;

    /** A layer's text and how many features it has (and whether it was cut at the limit). */
    record Layer(String geojson, int features, boolean truncated) {
    }

    private record County(String code, String name, Geometry geometry, Coordinate centre) {
    }

    private record Cached(long at, Layer layer) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final Regions regions;
    private final int maxFeatures;
    private volatile List<County> counties;
    private final Map<Integer, String> boundaryCache = new ConcurrentHashMap<>();
    private final Map<String, Cached> aggregateCache = new ConcurrentHashMap<>();
    private final long aggregateTtlMillis;
    private final TransactionTemplate readOnly;

    MapLayers(JdbcClient jdbc, Jurisdiction jurisdiction, Regions regions, PlatformTransactionManager transactions,
              @Value("${mujun.map.max-features:20000}") int maxFeatures, @Value("${mujun.map.aggregate-cache-seconds:60}") int aggregateSeconds) {
        this.jdbc = jdbc;
        this.aggregateTtlMillis = aggregateSeconds * 1000L;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jurisdiction = jurisdiction;
        this.regions = regions;
        this.maxFeatures = maxFeatures;
    }

    int maxFeatures() {
        return maxFeatures;
    }

    // ---------------------------------------------------------------- boundaries

    /** Every shipped county boundary (public reference data), simplified for {@code zoom}. */
    String boundaries(int zoom) {
        int z = Math.max(BOUNDARY_MIN_ZOOM, Math.min(BOUNDARY_MAX_ZOOM, zoom));
        return boundaryCache.computeIfAbsent(z, k -> {
            StringBuilder sb = new StringBuilder(64 * 1024).append("{\"type\":\"FeatureCollection\",\"features\":[");
            int d = MapGeometry.decimals(k);
            boolean first = true;
            for (County c : counties()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append("{\"type\":\"Feature\",\"id\":\"").append(c.code()).append("\",\"properties\":");
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("code", c.code());
                p.put("name", c.name());
                p.put("parent", c.code().substring(0, 4));
                sb.append(JSON.writeValueAsString(p)).append(",\"geometry\":");
                MapGeometry.write(sb, MapGeometry.simplify(c.geometry(), k), d);
                sb.append('}');
            }
            return sb.append("]}").toString();
        });
    }

    /** The envelope of the counties under {@code prefix} (a town: its county), as [west, south, east, north]; null when none. */
    double[] extent(String prefix) {
        String p = prefix == null ? "" : prefix.length() > 6 ? prefix.substring(0, 6) : prefix;
        Envelope env = new Envelope();
        for (County c : counties()) {
            if (c.code().startsWith(p)) {
                env.expandToInclude(c.geometry().getEnvelopeInternal());
            }
        }
        return env.isNull() ? null : new double[] {env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY()};
    }

    private List<County> counties() {
        List<County> c = counties;
        if (c == null) {
            List<County> loaded = new ArrayList<>();
            jdbc.sql("select g.code, r.name, g.geojson from region_geometry g join region r on r.code = g.code order by g.code")
                    .query((rs, n) -> {
                        Geometry g = MapGeometry.parse(rs.getString(3));
                        if (g != null) {
                            Geometry valid = g.isValid() ? g : g.buffer(0);
                            loaded.add(new County(rs.getString(1), rs.getString(2), valid, valid.getInteriorPoint().getCoordinate()));
                        }
                        return null;
                    }).list();
            counties = c = List.copyOf(loaded);
        }
        return c;
    }

    // ---------------------------------------------------------------- zones

    Layer zones(Scope scope, Viewport viewport, int zoom) {
        StringBuilder sb = collection();
        int d = MapGeometry.decimals(zoom);
        int[] n = {0};
        jurisdiction.sql("""
                        select z.id, z.name, z.kind, z.region_code, z.star_rating, z.geojson from zone z
                        where REGION_SCOPE(z.region_code) and z.geojson is not null order by z.id""", scope)
                .query(rs -> {
                    Geometry g = MapGeometry.parse(rs.getString(6));
                    if (g == null) {
                        return;
                    }
                    Envelope e = g.getEnvelopeInternal();
                    if (viewport != null && !viewport.intersects(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())) {
                        return;
                    }
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", rs.getLong(1));
                    p.put("name", rs.getString(2));
                    p.put("kind", rs.getString(3));
                    p.put("regionCode", rs.getString(4));
                    p.put("stars", rs.getObject(5));
                    feature(sb, n[0]++ == 0, "zone-" + rs.getLong(1), p, MapGeometry.simplify(g, zoom), d);
                });
        return close(sb, n[0], false);
    }

    // ---------------------------------------------------------------- parcels

    /**
     * Parcels with a polygon inside {@code viewport} (or, when it is null, inside {@code regionPrefix}),
     * simplified for {@code zoom}, each with its owner and the owner's category of {@code status} (may be null).
     */
    Layer parcels(Scope scope, Viewport viewport, String regionPrefix, int zoom, EnterpriseStatus.Provider status, Integer year, int limit) {
        record Row(long id, String cert, String region, BigDecimal m2, String owner, boolean standard, String geojson, Long enterpriseId,
                   String ownerName) {
        }
        // parenthesised: text blocks drop the spaces around the spliced condition
        String where = viewport != null ? "(p.map_box && box(point(:w, :s), point(:e, :n)))" : "(p.region_code like :rp)";
        var spec = jurisdiction.sql("""
                        select p.id, p.certificate_no, p.region_code, p.area_m2, p.owner_uscc, p.standard_land, p.geojson, e.id, e.name
                        from parcel p
                        left join lateral (select e.id, e.name from enterprise e where e.uscc = p.owner_uscc offset 0) e on true
                        where SCOPE(p.region_code, p.owner_uscc) and p.map_box is not null and """ + where + """
                         order by p.id limit :lim""", scope).param("lim", limit + 1);
        spec = viewport != null ? spec.param("w", viewport.west()).param("s", viewport.south()).param("e", viewport.east())
                .param("n", viewport.north()) : spec.param("rp", regionPrefix + "%");
        var query = spec;
        List<Row> rows = customPlan(() -> query.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getString(5), rs.getBoolean(6), rs.getString(7), (Long) rs.getObject(8), rs.getString(9))).list());
        boolean truncated = rows.size() > limit;
        if (truncated) {
            rows = rows.subList(0, limit);
        }
        Map<String, String> statuses = statuses(status, rows.stream().map(Row::region).toList(), scope, year);
        StringBuilder sb = collection(rows.size() * 400);
        int d = MapGeometry.decimals(zoom);
        int n = 0;
        boolean close = zoom >= PASS_THROUGH_ZOOM;
        for (Row r : rows) {
            boolean raw = close && MapGeometry.passThrough(r.geojson(), PASS_THROUGH_LENGTH);
            Geometry g = raw ? null : MapGeometry.parse(r.geojson());
            if (!raw && g == null) {
                continue;
            }
            if (n++ > 0) {
                sb.append(',');
            }
            sb.append("{\"type\":\"Feature\",\"id\":\"parcel-").append(r.id()).append("\",\"properties\":{\"kind\":\"parcel\",\"id\":")
                    .append(r.id()).append(",\"certificateNo\":");
            string(sb, r.cert());
            sb.append(",\"regionCode\":");
            string(sb, r.region());
            sb.append(",\"areaMu\":").append(Mu.ofSquareMetres(r.m2()).value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                    .append(",\"standardLand\":").append(r.standard()).append(",\"ownerUscc\":");
            string(sb, r.owner() == null ? null : r.owner().trim());
            sb.append(",\"ownerName\":");
            string(sb, r.ownerName());
            sb.append(",\"enterpriseId\":").append(r.enterpriseId()).append(",\"status\":");
            string(sb, r.owner() == null ? null : statuses.get(r.owner()));
            sb.append("},\"geometry\":");
            if (raw) {
                sb.append(r.geojson());
            } else {
                MapGeometry.write(sb, MapGeometry.simplify(g, zoom), d);
            }
            sb.append('}');
        }
        return close(sb, n, truncated);
    }

    // ---------------------------------------------------------------- enterprises

    /** Enterprises owning a parcel inside the viewport, each drawn at the centre of its first such parcel. */
    Layer enterprises(Scope scope, Viewport viewport, EnterpriseStatus.Provider status, Integer year, int limit) {
        record Row(long id, String uscc, String name, String region, String size, double x, double y) {
        }
        // the parcels in the viewport first (GiST index), then each owner by its key (never a join over all enterprises)
        List<Row> rows = customPlan(() -> jurisdiction.sql("""
                        select distinct on (e.id) e.id, e.uscc, e.name, e.region_code, e.size_class,
                               (center(p.map_box))[0], (center(p.map_box))[1]
                        from parcel p
                        join lateral (select e.id, e.uscc, e.name, e.region_code, e.size_class from enterprise e
                                      where e.uscc = p.owner_uscc and SCOPE(e.region_code, e.uscc) offset 0) e on true
                        where p.map_box && box(point(:w, :s), point(:e, :n))
                        order by e.id, p.id limit :lim""", scope)
                .param("w", viewport.west()).param("s", viewport.south()).param("e", viewport.east()).param("n", viewport.north())
                .param("lim", limit + 1)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDouble(6), rs.getDouble(7))).list());
        boolean truncated = rows.size() > limit;
        if (truncated) {
            rows = rows.subList(0, limit);
        }
        Map<String, String> statuses = statuses(status, rows.stream().map(Row::region).toList(), scope, year);
        StringBuilder sb = collection(rows.size() * 250);
        int d = MapGeometry.decimals(viewport.zoom());
        int n = 0;
        for (Row r : rows) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", "enterprise");
            p.put("id", r.id());
            p.put("uscc", r.uscc());
            p.put("name", r.name());
            p.put("regionCode", r.region());
            p.put("sizeClass", r.size());
            p.put("status", statuses.get(r.uscc()));
            feature(sb, n++ == 0, "enterprise-" + r.id(), p, MapGeometry.FACTORY.createPoint(new Coordinate(r.x(), r.y())), d);
        }
        return close(sb, n, truncated);
    }

    // ---------------------------------------------------------------- aggregates

    /**
     * Enterprises in the user's jurisdiction counted per county (zoom below {@code townZoom}) or town, with the
     * count per category of {@code status}; each region drawn at its county's interior point or at the mean
     * centre of its town's parcels. Regions without a place (towns without drawn parcels) are counted in
     * {@code unplaced} of the collection.
     */
    Layer aggregates(Scope scope, int zoom, int townZoom, EnterpriseStatus.Provider status, Integer year) {
        int length = MapAggregation.levelLength(zoom, townZoom);
        String key = scope.regionPrefix() + "|" + scope.uscc() + "|" + scope.businessData() + "|" + length + "|"
                + (status == null ? "" : status.key()) + "|" + year;
        long now = System.currentTimeMillis();
        Cached c = aggregateCache.get(key);
        if (c != null && now - c.at() < aggregateTtlMillis) {
            return c.layer();
        }
        Layer layer = computeAggregates(scope, length, status, year);
        if (aggregateTtlMillis > 0) {
            if (aggregateCache.size() > 500) {
                aggregateCache.clear();
            }
            aggregateCache.put(key, new Cached(now, layer));
        }
        return layer;
    }

    /** The bubbles without the cache (the bench measures this). */
    Layer computeAggregates(Scope scope, int length, EnterpriseStatus.Provider status, Integer year) {
        List<MapAggregation.Member> members = customPlan(() -> jurisdiction.sql(
                        "select e.uscc, e.region_code from enterprise e where SCOPE(e.region_code, e.uscc)", scope)
                .query((rs, i) -> new MapAggregation.Member(rs.getString(1), rs.getString(2))).list());
        List<String> categories = status == null ? List.of() : status.categories();
        Map<String, String> statuses = status == null || scope.regionPrefix() == null ? Map.of() : status.statuses(scope.regionPrefix(), year);
        List<MapAggregation.RegionCount> counts = MapAggregation.aggregate(members, statuses, categories, length);
        Map<String, double[]> places = new HashMap<>();
        if (length == 6) {
            for (County c : counties()) {
                places.put(c.code(), new double[] {c.centre().x, c.centre().y});
            }
        } else {
            customPlan(() -> {
                jurisdiction.sql("""
                                select substr(p.region_code, 1, 9), avg((center(p.map_box))[0]), avg((center(p.map_box))[1])
                                from parcel p where SCOPE(p.region_code, p.owner_uscc) and p.map_box is not null and length(p.region_code) >= 9
                                group by 1""", scope)
                        .query(rs -> {
                            places.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                        });
                return null;
            });
        }
        StringBuilder sb = collection();
        int n = 0;
        int unplaced = 0;
        for (MapAggregation.RegionCount c : counts) {
            double[] at = places.get(c.region());
            if (at == null) {
                unplaced += c.total();
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", "region");
            p.put("region", c.region());
            p.put("name", regions.name(c.region()));
            p.put("total", c.total());
            p.put("byCategory", c.byCategory());
            feature(sb, n++ == 0, "region-" + c.region(), p, MapGeometry.FACTORY.createPoint(new Coordinate(at[0], at[1])), 5);
        }
        sb.append("],\"unplaced\":").append(unplaced).append(",\"level\":\"").append(length == 6 ? "county" : "town").append("\"}");
        return new Layer(sb.toString(), n, false);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The chosen status for the enterprises of the rows, asked once for the longest region prefix the rows
     * share (at least the user's own), so a viewport inside one county asks about that county only.
     */
    private static Map<String, String> statuses(EnterpriseStatus.Provider status, List<String> regionCodes, Scope scope, Integer year) {
        if (status == null || regionCodes.isEmpty() || scope.regionPrefix() == null) {
            return Map.of();
        }
        String common = regionCodes.get(0);
        for (String r : regionCodes) {
            int i = 0;
            while (i < common.length() && i < r.length() && common.charAt(i) == r.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        String prefix = common.startsWith(scope.regionPrefix()) ? common : scope.regionPrefix();
        return status.statuses(prefix, year);
    }

    /**
     * Runs a query with custom plans only: the region prefix and the viewport are bind parameters, and a generic
     * plan of a prepared statement cannot use them to pick the index range (it would scan every parcel).
     */
    private <T> T customPlan(java.util.function.Supplier<T> query) {
        return readOnly.execute(s -> {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return query.get();
        });
    }

    /** A JSON string (or null), escaped per RFC 8259. */
    static void string(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static StringBuilder collection() {
        return collection(4096);
    }

    private static StringBuilder collection(int capacity) {
        return new StringBuilder(Math.max(256, capacity)).append("{\"type\":\"FeatureCollection\",\"features\":[");
    }

    private static void feature(StringBuilder sb, boolean first, String id, Map<String, Object> properties, Geometry g, int decimals) {
        if (!first) {
            sb.append(',');
        }
        sb.append("{\"type\":\"Feature\",\"id\":\"").append(id).append("\",\"properties\":").append(JSON.writeValueAsString(properties))
                .append(",\"geometry\":");
        MapGeometry.write(sb, g, decimals);
        sb.append('}');
    }

    private static Layer close(StringBuilder sb, int n, boolean truncated) {
        sb.append("],\"truncated\":").append(truncated).append('}');
        return new Layer(sb.toString(), n, truncated);
    }
}
