package org.mujun.land;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.mujun.common.Mu;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks parcel and zone polygons given as GeoJSON (RFC 7946: WGS84 longitude/latitude) and
 * measures them. Every rejection is an {@link IllegalArgumentException} with a bilingual message
 * saying what is wrong and where: malformed JSON (line and column), a geometry that is not a Polygon
 * or MultiPolygon, coordinates that look projected (|x| &gt; 180 or |y| &gt; 90: a wrong CRS, e.g. metres
 * of CGCS2000 Gauss-Krüger) or swapped, rings that are open or too short, topology errors found by
 * JTS {@link IsValidOp} (self-intersection … with the location) and a polygon outside a given
 * boundary (e.g. the county), with the share that lies outside.
 * <p>
 * Area: exact on the WGS84 ellipsoid up to edge shape, by Lambert's cylindrical equal-area projection
 * of the ellipsoid (Snyder, <i>Map Projections — A Working Manual</i>, 1987, eq. 3-12 and 10-15) and
 * the planar area. The only approximation is that edges are straight in that projection instead of
 * geodesics; for parcels up to a few kilometres across the difference is far below 0.01 % (see
 * {@code GeometryCheckUnitTest}, checked against GeographicLib's geodesic area).
 */
public final class GeometryCheck {

    /** WGS84 semi-major axis (m) and first eccentricity squared. */
    static final double A = 6_378_137.0;
    static final double E2 = 6.694379990141317e-3;
    static final double E = Math.sqrt(E2);
    /** Metres per degree of latitude, rounded; used only to turn a simplification tolerance into degrees. */
    static final double METRES_PER_DEGREE = 111_320.0;
    /** Longest GeoJSON text accepted (characters); a county boundary is well below this. */
    public static final int MAX_CHARS = 20_000_000;

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeometryCheck() {
    }

    /**
     * A named area a polygon must lie in (e.g. 临海市), prepared once for fast repeated checks.
     */
    public static final class Boundary {
        private final String name;
        private final Geometry geometry;
        private final PreparedGeometry prepared;

        public Boundary(String name, Geometry geometry) {
            this.name = Objects.requireNonNull(name, "name");
            this.geometry = Objects.requireNonNull(geometry, "geometry");
            this.prepared = PreparedGeometryFactory.prepare(geometry);
        }

        public String name() {
            return name;
        }

        public Geometry geometry() {
            return geometry;
        }
    }

    /** Parses and checks a Polygon or MultiPolygon (bare, or the geometry of a Feature). */
    public static Geometry parse(String geojson) {
        if (geojson == null || geojson.isBlank()) {
            throw new IllegalArgumentException("GeoJSON 为空 / GeoJSON is empty");
        }
        if (geojson.length() > MAX_CHARS) {
            throw new IllegalArgumentException("GeoJSON 过大（最多 " + MAX_CHARS + " 个字符） / GeoJSON too large (at most " + MAX_CHARS + " characters)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(geojson);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at == TokenStreamLocation.NA ? "" : "第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列";
            String whereEn = at == null || at == TokenStreamLocation.NA ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException("不是有效的 JSON" + (where.isEmpty() ? "" : "（" + where + "）") + " / malformed JSON" + whereEn);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("GeoJSON 应为一个对象 / GeoJSON must be an object");
        }
        if ("Feature".equals(node.path("type").asString(""))) {
            node = node.path("geometry");
            if (!node.isObject()) {
                throw new IllegalArgumentException("Feature 缺少 geometry / the Feature has no geometry");
            }
        }
        checkCrs(node);
        String type = node.path("type").asString("");
        JsonNode coordinates = node.path("coordinates");
        Geometry g;
        if (type.equals("Polygon")) {
            g = polygon(coordinates, "");
        } else if (type.equals("MultiPolygon")) {
            if (!coordinates.isArray() || coordinates.isEmpty()) {
                throw new IllegalArgumentException("MultiPolygon 缺少坐标 / the MultiPolygon has no coordinates");
            }
            List<Polygon> polygons = new ArrayList<>();
            for (int i = 0; i < coordinates.size(); i++) {
                polygons.add(polygon(coordinates.get(i), "第 " + (i + 1) + " 个多边形 / polygon " + (i + 1) + ": "));
            }
            g = FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        } else {
            throw new IllegalArgumentException("GeoJSON 类型为 " + (type.isEmpty() ? "（无）" : type) + "，应为 Polygon 或 MultiPolygon / GeoJSON type is "
                    + (type.isEmpty() ? "missing" : type) + "; expected Polygon or MultiPolygon");
        }
        requireValid(g);
        return g;
    }

    /** Parses, checks and requires the polygon to lie inside {@code boundary}. */
    public static Geometry parse(String geojson, Boundary boundary) {
        Geometry g = parse(geojson);
        requireWithin(g, boundary);
        return g;
    }

    /** Throws with the JTS reason and location when {@code g} is not a valid (OGC) geometry. */
    public static void requireValid(Geometry g) {
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            Coordinate c = err.getCoordinate();
            String at = c == null ? "" : " (" + fmt(c.x) + ", " + fmt(c.y) + ")";
            throw new IllegalArgumentException("多边形无效：" + reasonZh(err.getErrorType()) + (at.isEmpty() ? "" : "，位置" + at)
                    + " / invalid polygon: " + err.getMessage() + (at.isEmpty() ? "" : " at" + at));
        }
    }

    /** Throws when {@code g} is not covered by the boundary, saying how much of it lies outside. */
    public static void requireWithin(Geometry g, Boundary boundary) {
        if (boundary.prepared.covers(g)) {
            return;
        }
        if (!boundary.prepared.intersects(g)) {
            throw new IllegalArgumentException("多边形完全位于" + boundary.name() + "范围之外 / the polygon lies entirely outside " + boundary.name());
        }
        String pct;
        try {
            double total = areaSquareMetres(g);
            double outside = areaSquareMetres(g.difference(boundary.geometry()));
            pct = total > 0 ? String.format(Locale.ROOT, "%.1f", 100 * outside / total) : "?";
        } catch (RuntimeException e) { // an imperfect boundary can make the overlay fail; the verdict stands
            throw new IllegalArgumentException("多边形部分位于" + boundary.name() + "范围之外 / part of the polygon lies outside " + boundary.name());
        }
        throw new IllegalArgumentException("多边形约 " + pct + "% 位于" + boundary.name() + "范围之外 / about " + pct + " % of the polygon lies outside "
                + boundary.name());
    }

    /**
     * Area in m² of a WGS84 Polygon or MultiPolygon (holes subtracted): planar area in Lambert's
     * cylindrical equal-area projection of the WGS84 ellipsoid, centred on the geometry.
     */
    public static double areaSquareMetres(Geometry g) {
        if (g.isEmpty()) {
            return 0;
        }
        Coordinate centre = g.getEnvelopeInternal().centre();
        double lon0 = Math.toRadians(centre.x);
        double q0 = q(Math.toRadians(centre.y));
        double sum = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                sum += Math.abs(ringArea(p.getExteriorRing().getCoordinates(), lon0, q0));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    sum -= Math.abs(ringArea(p.getInteriorRingN(h).getCoordinates(), lon0, q0));
                }
            }
        }
        return sum;
    }

    /** The area in 亩 (1 亩 = 666.67 m²). */
    public static Mu areaMu(Geometry g) {
        return Mu.ofSquareMetres(BigDecimal.valueOf(areaSquareMetres(g)));
    }

    /**
     * Simplifies a polygon for the map without changing its topology (rings stay valid and do not cross):
     * JTS {@link TopologyPreservingSimplifier} with the tolerance turned from metres into degrees at
     * 111,320 m per degree (the latitude scale; along a parallel a degree is shorter, so the tolerance
     * there is finer than asked, never coarser).
     */
    public static Geometry simplify(Geometry g, double toleranceMetres) {
        if (toleranceMetres < 0) {
            throw new IllegalArgumentException("简化容差不能为负 / the simplification tolerance must not be negative");
        }
        return TopologyPreservingSimplifier.simplify(g, toleranceMetres / METRES_PER_DEGREE);
    }

    /**
     * Douglas-Peucker simplification (faster, may make a polygon invalid or drop small parts); for
     * aggregated layers at low zoom where topology does not matter.
     */
    public static Geometry simplifyFast(Geometry g, double toleranceMetres) {
        if (toleranceMetres < 0) {
            throw new IllegalArgumentException("简化容差不能为负 / the simplification tolerance must not be negative");
        }
        return DouglasPeuckerSimplifier.simplify(g, toleranceMetres / METRES_PER_DEGREE);
    }

    /** Writes a Polygon or MultiPolygon as GeoJSON with coordinates rounded to {@code decimals} (7 ≈ 1 cm). */
    public static String toGeoJson(Geometry g, int decimals) {
        StringBuilder s = new StringBuilder();
        if (g instanceof Polygon p) {
            s.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygonJson(s, p, decimals);
        } else if (g instanceof MultiPolygon m) {
            s.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < m.getNumGeometries(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                polygonJson(s, (Polygon) m.getGeometryN(i), decimals);
            }
            s.append(']');
        } else {
            throw new IllegalArgumentException("只能输出 Polygon 或 MultiPolygon / only Polygon and MultiPolygon can be written, not " + g.getGeometryType());
        }
        return s.append('}').toString();
    }

    // --- parsing ---------------------------------------------------------------------------------

    private static void checkCrs(JsonNode node) {
        JsonNode crs = node.get("crs");
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asString("");
        if (!(name.endsWith("CRS84") || name.endsWith("EPSG::4326") || name.equals("EPSG:4326"))) {
            throw new IllegalArgumentException("坐标系为 " + (name.isEmpty() ? "（未知）" : name) + "，只接受 WGS84 经纬度（EPSG:4326 / CRS84），请先转换 / the CRS is "
                    + (name.isEmpty() ? "unknown" : name) + "; only WGS84 longitude/latitude (EPSG:4326 / CRS84) is accepted: reproject first");
        }
    }

    private static Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(zh(where) + "多边形缺少坐标 / " + en(where) + "the polygon has no coordinates");
        }
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            LinearRing ring = ring(rings.get(r), where, r);
            if (shell == null) {
                shell = ring;
            } else {
                holes.add(ring);
            }
        }
        return FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static LinearRing ring(JsonNode ring, String where, int index) {
        String ringZh = zh(where) + (index == 0 ? "外环" : "第 " + index + " 个内环");
        String ringEn = en(where) + (index == 0 ? "outer ring" : "hole " + index);
        if (!ring.isArray()) {
            throw new IllegalArgumentException(ringZh + "应为坐标数组 / " + ringEn + " must be an array of positions");
        }
        Coordinate[] cs = new Coordinate[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            JsonNode p = ring.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException(ringZh + "第 " + (i + 1) + " 个点应为 [经度, 纬度] / " + ringEn + ", position " + (i + 1)
                        + " must be [longitude, latitude]");
            }
            double x = p.get(0).doubleValue();
            double y = p.get(1).doubleValue();
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException(ringZh + "第 " + (i + 1) + " 个点坐标无效 / " + ringEn + ", position " + (i + 1) + " is not a finite number");
            }
            checkLonLat(x, y, ringZh, ringEn, i + 1);
            cs[i] = new Coordinate(x, y);
        }
        if (cs.length < 4) {
            throw new IllegalArgumentException(ringZh + "只有 " + cs.length + " 个点，至少需要4个（首尾相同） / " + ringEn + " has " + cs.length
                    + " positions; a ring needs at least 4 (first = last)");
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException(ringZh + "未闭合（首点与末点不同） / " + ringEn + " is not closed (the first and last positions differ)");
        }
        return FACTORY.createLinearRing(cs);
    }

    private static void checkLonLat(double x, double y, String ringZh, String ringEn, int pos) {
        if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
            return;
        }
        String at = "(" + fmt(x) + ", " + fmt(y) + ")";
        if (Math.abs(x) <= 90 && Math.abs(y) <= 180) {
            throw new IllegalArgumentException(ringZh + "第 " + pos + " 个点 " + at + " 纬度超出 ±90°：经纬度顺序可能颠倒，GeoJSON 须为 [经度, 纬度] / "
                    + ringEn + ", position " + pos + " " + at + " has a latitude beyond ±90°: longitude and latitude look swapped; GeoJSON is [longitude, latitude]");
        }
        throw new IllegalArgumentException(ringZh + "第 " + pos + " 个点 " + at + " 超出经纬度范围，像是投影坐标（如 CGCS2000 高斯-克吕格，单位米）：坐标系错误，须为 WGS84 经纬度 / "
                + ringEn + ", position " + pos + " " + at + " is outside longitude/latitude range and looks projected (e.g. CGCS2000 Gauss-Krüger metres): "
                + "wrong CRS, use WGS84 longitude/latitude");
    }

    private static String reasonZh(int type) {
        return switch (type) {
            case TopologyValidationError.SELF_INTERSECTION -> "边界自相交";
            case TopologyValidationError.RING_SELF_INTERSECTION -> "环自相交";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "内环位于外环之外";
            case TopologyValidationError.NESTED_HOLES -> "内环相互嵌套";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "内部不连通";
            case TopologyValidationError.NESTED_SHELLS -> "多边形相互嵌套";
            case TopologyValidationError.DUPLICATE_RINGS -> "环重复";
            case TopologyValidationError.TOO_FEW_POINTS -> "不同的点太少";
            case TopologyValidationError.INVALID_COORDINATE -> "坐标无效";
            case TopologyValidationError.RING_NOT_CLOSED -> "环未闭合";
            default -> "拓扑错误";
        };
    }

    private static String zh(String where) {
        int slash = where.indexOf(" / ");
        return slash < 0 ? "" : where.substring(0, slash) + "：";
    }

    private static String en(String where) {
        int slash = where.indexOf(" / ");
        return slash < 0 ? "" : where.substring(slash + 3);
    }

    // --- area ------------------------------------------------------------------------------------

    /** Authalic function q(φ) of the ellipsoid (Snyder eq. 3-12). */
    static double q(double phi) {
        double s = Math.sin(phi);
        double es = E * s;
        return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
    }

    /** Shoelace area in the projection x = a(λ − λ0), y = a(q − q0)/2 (Snyder eq. 10-15, k0 = 1). */
    private static double ringArea(Coordinate[] ring, double lon0, double q0) {
        double sum = 0;
        double px = 0;
        double py = 0;
        for (int i = 0; i < ring.length; i++) {
            double x = A * (Math.toRadians(ring[i].x) - lon0);
            double y = A * (q(Math.toRadians(ring[i].y)) - q0) / 2;
            if (i > 0) {
                sum += px * y - x * py;
            }
            px = x;
            py = y;
        }
        return sum / 2;
    }

    // --- output ----------------------------------------------------------------------------------

    private static void polygonJson(StringBuilder s, Polygon p, int decimals) {
        s.append('[');
        ringJson(s, p.getExteriorRing().getCoordinates(), decimals);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            s.append(',');
            ringJson(s, p.getInteriorRingN(h).getCoordinates(), decimals);
        }
        s.append(']');
    }

    private static void ringJson(StringBuilder s, Coordinate[] cs, int decimals) {
        s.append('[');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append('[').append(round(cs[i].x, decimals)).append(',').append(round(cs[i].y, decimals)).append(']');
        }
        s.append(']');
    }

    private static String round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
