package org.mujun.map;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Geometry for the map, pure Java: GeoJSON polygons to JTS and back, simplified for a zoom level. At zoom
 * {@code z} one screen pixel is {@code 360 / (256 · 2^z)} degrees of longitude (web-mercator tiles of 256
 * pixels), so detail finer than that cannot be seen: {@link #simplify} removes it with JTS's
 * {@link TopologyPreservingSimplifier} (rings stay valid, no self-intersections, holes stay inside), and
 * {@link #decimals} rounds coordinates to a quarter pixel. Both shrink a county boundary from thousands of
 * vertices to a few hundred at province zoom.
 */
final class MapGeometry {

    static final GeometryFactory FACTORY = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MapGeometry() {
    }

    /** Degrees per screen pixel at {@code zoom}: the simplification tolerance. */
    static double tolerance(int zoom) {
        return 360.0 / (256.0 * Math.pow(2, zoom));
    }

    /** Decimal places that keep a quarter pixel at {@code zoom}, between 3 and 7. */
    static int decimals(int zoom) {
        int d = (int) Math.ceil(-Math.log10(tolerance(zoom) / 4));
        return Math.max(3, Math.min(7, d));
    }

    /** The geometry without detail below one pixel at {@code zoom}; never empty for a non-empty input. */
    static Geometry simplify(Geometry g, int zoom) {
        if (g == null || g.isEmpty()) {
            return g;
        }
        Geometry s = TopologyPreservingSimplifier.simplify(g, tolerance(zoom));
        return s.isEmpty() ? g : s;
    }

    /** Vertex count (for tests and the bench). */
    static int vertices(Geometry g) {
        return g == null ? 0 : g.getNumPoints();
    }

    /**
     * A GeoJSON Polygon or MultiPolygon (or a Feature holding one) as JTS; rings are closed if open and
     * rings of fewer than 4 positions are dropped (slivers of simplified sources). Null for anything else.
     */
    static Geometry parse(String geojson) {
        if (geojson == null || geojson.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(geojson);
        } catch (RuntimeException e) {
            return null;
        }
        return parse(node);
    }

    static Geometry parse(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.has("geometry")) {
            node = node.get("geometry");
        }
        String type = node.path("type").asString("");
        JsonNode coords = node.get("coordinates");
        if (coords == null || !coords.isArray()) {
            return null;
        }
        List<Polygon> polygons = new ArrayList<>();
        if (type.equals("Polygon")) {
            polygon(coords, polygons);
        } else if (type.equals("MultiPolygon")) {
            for (JsonNode p : coords) {
                polygon(p, polygons);
            }
        } else {
            return null;
        }
        if (polygons.isEmpty()) {
            return null;
        }
        return polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static void polygon(JsonNode rings, List<Polygon> out) {
        if (rings == null || !rings.isArray()) {
            return;
        }
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        boolean first = true;
        for (JsonNode ring : rings) {
            List<Coordinate> cs = new ArrayList<>(ring.size() + 1);
            for (JsonNode p : ring) {
                if (p.isArray() && p.size() >= 2 && p.get(0).isNumber() && p.get(1).isNumber()) {
                    cs.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
                }
            }
            if (!cs.isEmpty() && !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
                cs.add(new Coordinate(cs.get(0)));
            }
            LinearRing r = cs.size() >= 4 ? FACTORY.createLinearRing(cs.toArray(Coordinate[]::new)) : null;
            if (first) {
                if (r == null) {
                    return;
                }
                shell = r;
                first = false;
            } else if (r != null) {
                holes.add(r);
            }
        }
        if (shell != null) {
            out.add(FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new)));
        }
    }

    private static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[";
    private static final String MULTIPOLYGON = "{\"type\":\"MultiPolygon\",\"coordinates\":[";

    /**
     * True when stored GeoJSON can be sent as it is: a plain Polygon or MultiPolygon object as the land module and
     * the demo write it (type, then coordinates, nothing else), at most {@code maxLength} characters, and nothing but
     * numbers, brackets and commas in its coordinates. Small parcels close up gain nothing from simplification, and
     * skipping the parse keeps a county's parcels fast.
     */
    static boolean passThrough(String geojson, int maxLength) {
        if (geojson == null || geojson.length() > maxLength || !geojson.endsWith("]}")) {
            return false;
        }
        int start = geojson.startsWith(POLYGON) ? POLYGON.length() : geojson.startsWith(MULTIPOLYGON) ? MULTIPOLYGON.length() : -1;
        if (start < 0) {
            return false;
        }
        int depth = 1;
        for (int i = start; i < geojson.length() - 1; i++) {
            char c = geojson.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth < 0) {
                    return false;
                }
            } else if (!((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == 'e' || c == 'E' || c == '+' || c == ' ')) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Appends the geometry as a GeoJSON geometry object with coordinates rounded to {@code decimals}. */
    static void write(StringBuilder sb, Geometry g, int decimals) {
        double scale = Math.pow(10, decimals);
        if (g instanceof Point p) {
            sb.append("{\"type\":\"Point\",\"coordinates\":");
            position(sb, p.getX(), p.getY(), scale);
            sb.append('}');
        } else if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(sb, p, scale);
            sb.append('}');
        } else if (g instanceof MultiPolygon m) {
            sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < m.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                polygon(sb, (Polygon) m.getGeometryN(i), scale);
            }
            sb.append("]}");
        } else {
            sb.append("null");
        }
    }

    private static void polygon(StringBuilder sb, Polygon p, double scale) {
        sb.append('[');
        ring(sb, p.getExteriorRing(), scale);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            ring(sb, p.getInteriorRingN(i), scale);
        }
        sb.append(']');
    }

    private static void ring(StringBuilder sb, LineString r, double scale) {
        sb.append('[');
        Coordinate[] cs = r.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            position(sb, cs[i].x, cs[i].y, scale);
        }
        sb.append(']');
    }

    private static void position(StringBuilder sb, double x, double y, double scale) {
        sb.append('[').append(round(x, scale)).append(',').append(round(y, scale)).append(']');
    }

    static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
