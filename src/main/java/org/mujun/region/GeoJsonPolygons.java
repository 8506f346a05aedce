package org.mujun.region;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks a GeoJSON Polygon or MultiPolygon typed by an administrator (zones) before it is stored:
 * parseable, WGS84 longitude/latitude inside China's range, rings closed, geometrically valid by
 * JTS (no self-intersection). Returns the geometry re-serialised, so what is stored is exactly the
 * geometry that was checked (a Feature is reduced to its geometry).
 */
public final class GeoJsonPolygons {

    /** China's extent, generously: longitude 73–136 °E, latitude 3–54 °N. */
    public static final double MIN_LON = 73, MAX_LON = 136, MIN_LAT = 3, MAX_LAT = 54;
    static final int MAX_LENGTH = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private GeoJsonPolygons() {
    }

    /** The checked geometry as compact GeoJSON, or IllegalArgumentException with a bilingual message. */
    public static String validate(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("GeoJSON 为空 / GeoJSON is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("GeoJSON 过大（最多1MB） / GeoJSON too large (at most 1 MB)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("不是有效的 JSON / not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("GeoJSON 应为对象 / GeoJSON must be an object");
        }
        if ("Feature".equals(node.path("type").asString("")) && node.has("geometry")) {
            node = node.get("geometry");
        }
        if (node.has("crs")) {
            throw new IllegalArgumentException("只接受 WGS84 经纬度坐标，不能指定 crs / only WGS84 longitude/latitude is accepted; remove crs");
        }
        String type = node.path("type").asString("");
        List<Polygon> polygons = new ArrayList<>();
        if (type.equals("Polygon")) {
            polygons.add(polygon(node.get("coordinates")));
        } else if (type.equals("MultiPolygon")) {
            JsonNode all = node.get("coordinates");
            if (all == null || !all.isArray() || all.isEmpty()) {
                throw new IllegalArgumentException("GeoJSON 多边形缺少坐标 / polygon has no coordinates");
            }
            for (JsonNode p : all) {
                polygons.add(polygon(p));
            }
        } else {
            throw new IllegalArgumentException("GeoJSON 类型应为 Polygon 或 MultiPolygon，实为 '" + type + "' / GeoJSON must be a Polygon or MultiPolygon");
        }
        Geometry g = polygons.size() == 1 ? polygons.get(0) : GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        IsValidOp op = new IsValidOp(g);
        if (!op.isValid()) {
            var err = op.getValidationError();
            throw new IllegalArgumentException("多边形无效（" + err.getMessage() + "，位置 " + err.getCoordinate().x + ", " + err.getCoordinate().y
                    + "） / the polygon is invalid: " + err.getMessage() + " at " + err.getCoordinate().x + ", " + err.getCoordinate().y);
        }
        return JSON.writeValueAsString(node);
    }

    private static Polygon polygon(JsonNode rings) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("GeoJSON 多边形缺少坐标 / polygon has no coordinates");
        }
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray()) {
                throw new IllegalArgumentException("多边形的环应为坐标数组 / a polygon ring must be an array of positions");
            }
            List<Coordinate> cs = new ArrayList<>();
            for (JsonNode p : ring) {
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw new IllegalArgumentException("坐标应为 [经度, 纬度] 数字对 / a position must be [longitude, latitude] numbers");
                }
                double lon = p.get(0).asDouble(), lat = p.get(1).asDouble();
                if (lon < MIN_LON || lon > MAX_LON || lat < MIN_LAT || lat > MAX_LAT) {
                    throw new IllegalArgumentException("坐标 [" + lon + ", " + lat + "] 不在中国范围内，须为 WGS84 经纬度（经度73-136，纬度3-54） / coordinates ["
                            + lon + ", " + lat + "] outside China: use WGS84 longitude 73-136, latitude 3-54");
                }
                cs.add(new Coordinate(lon, lat));
            }
            if (cs.size() < 4) {
                throw new IllegalArgumentException("多边形的环至少需要4个坐标（首尾相同） / a ring needs at least 4 positions (first = last)");
            }
            if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
                throw new IllegalArgumentException("多边形的环未闭合（首尾坐标应相同） / a ring is not closed (first and last positions must be equal)");
            }
            LinearRing r = GEOMETRY.createLinearRing(cs.toArray(Coordinate[]::new));
            if (shell == null) {
                shell = r;
            } else {
                holes.add(r);
            }
        }
        return GEOMETRY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }
}
