package org.mujun.demo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Plane geometry for the demo (WGS84 longitude/latitude, small shapes measured in metres around a
 * point): parsing the shipped county GeoJSON, drawing parcel quadrilaterals and zone outlines, and
 * placing them inside an area with JTS point-in-polygon tests.
 */
final class DemoGeometry {

    static final GeometryFactory FACTORY = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double METRES_PER_DEGREE = 111_320.0;

    private DemoGeometry() {
    }

    /** A GeoJSON Polygon or MultiPolygon (or a Feature holding one) as a JTS geometry. */
    static Geometry parse(String geojson) {
        JsonNode node = JSON.readTree(geojson);
        if (node.has("geometry")) {
            node = node.get("geometry");
        }
        String type = node.path("type").asString("");
        List<Polygon> polygons = new ArrayList<>();
        if (type.equals("Polygon")) {
            addPolygon(polygons, node.get("coordinates"));
        } else if (type.equals("MultiPolygon")) {
            for (JsonNode p : node.get("coordinates")) {
                addPolygon(polygons, p);
            }
        } else {
            throw new IllegalArgumentException("GeoJSON must be a Polygon or MultiPolygon, not " + type);
        }
        Geometry g = polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        return g.isValid() ? g : g.buffer(0); // the shipped boundaries are simplified; heal any self-touching ring
    }

    /** Adds a polygon given as rings; degenerate rings (fewer than three distinct points: slivers of the simplified source) are dropped. */
    private static void addPolygon(List<Polygon> polygons, JsonNode rings) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        boolean first = true;
        for (JsonNode ring : rings) {
            List<Coordinate> cs = new ArrayList<>();
            for (JsonNode p : ring) {
                cs.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
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
            polygons.add(FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new)));
        }
    }

    static PreparedGeometry prepare(Geometry g) {
        return PreparedGeometryFactory.prepare(g);
    }

    /** A uniformly random point of {@code area} (rejection sampling in its envelope). */
    static Coordinate randomPointIn(PreparedGeometry area, DemoRandom r) {
        Envelope env = area.getGeometry().getEnvelopeInternal();
        for (int i = 0; i < 10_000; i++) {
            Coordinate c = new Coordinate(r.uniform(env.getMinX(), env.getMaxX()), r.uniform(env.getMinY(), env.getMaxY()));
            if (area.contains(point(c))) {
                return c;
            }
        }
        return area.getGeometry().getInteriorPoint().getCoordinate();
    }

    /** A random point about {@code centre}, Gaussian with the given standard deviation in metres, inside {@code area}. */
    static Coordinate randomPointNear(Coordinate centre, double sigmaMetres, PreparedGeometry area, DemoRandom r) {
        for (int i = 0; i < 200; i++) {
            Coordinate c = offset(centre, r.gaussian() * sigmaMetres, r.gaussian() * sigmaMetres);
            if (area.contains(point(c))) {
                return c;
            }
        }
        return new Coordinate(centre);
    }

    static Point point(Coordinate c) {
        return FACTORY.createPoint(c);
    }

    /** {@code c} moved east by {@code dx} and north by {@code dy} metres. */
    static Coordinate offset(Coordinate c, double dx, double dy) {
        double lat = c.y + dy / METRES_PER_DEGREE;
        double lon = c.x + dx / (METRES_PER_DEGREE * StrictMath.cos(StrictMath.toRadians(c.y)));
        return new Coordinate(round6(lon), round6(lat));
    }

    /**
     * A parcel: a rectangle of about {@code areaM2} with side ratio {@code aspect}, turned by
     * {@code angle} radians, its corners nudged a little so that it looks surveyed rather than drawn.
     */
    static Polygon quadrilateral(Coordinate centre, double areaM2, double aspect, double angle, DemoRandom r) {
        double h = StrictMath.sqrt(areaM2 / aspect);
        double w = areaM2 / h;
        double[][] corners = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
        Coordinate[] ring = new Coordinate[5];
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0] * (1 + r.uniform(-0.06, 0.06));
            double y = corners[i][1] * (1 + r.uniform(-0.06, 0.06));
            ring[i] = offset(centre, x * cos - y * sin, x * sin + y * cos);
        }
        ring[4] = new Coordinate(ring[0]);
        return FACTORY.createPolygon(ring);
    }

    /** A zone outline: an irregular convex-ish polygon of about {@code areaM2} with 7 to 10 vertices. */
    static Polygon outline(Coordinate centre, double areaM2, DemoRandom r) {
        int n = r.between(7, 10);
        double radius = StrictMath.sqrt(areaM2 / StrictMath.PI);
        double start = r.uniform(0, 2 * StrictMath.PI);
        double stretch = r.uniform(1.0, 1.8);
        double turn = r.uniform(0, StrictMath.PI);
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = start + 2 * StrictMath.PI * i / n + r.uniform(-0.15, 0.15);
            double rad = radius * r.uniform(0.85, 1.15);
            double x = rad * StrictMath.cos(a) * stretch;
            double y = rad * StrictMath.sin(a) / stretch;
            ring[i] = offset(centre, x * StrictMath.cos(turn) - y * StrictMath.sin(turn), x * StrictMath.sin(turn) + y * StrictMath.cos(turn));
        }
        ring[n] = new Coordinate(ring[0]);
        return FACTORY.createPolygon(ring);
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** {"type":"Polygon","coordinates":[[[lon,lat],…]]} with six decimals (about 0.1 m). */
    static String toGeoJson(Polygon p) {
        StringBuilder sb = new StringBuilder(200).append("{\"type\":\"Polygon\",\"coordinates\":[[");
        Coordinate[] cs = p.getExteriorRing().getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[');
            DemoText.fixed(sb, cs[i].x, 6);
            sb.append(',');
            DemoText.fixed(sb, cs[i].y, 6);
            sb.append(']');
        }
        return sb.append("]]}").toString();
    }
}
