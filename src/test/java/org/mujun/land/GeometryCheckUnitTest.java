package org.mujun.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.mujun.land.GeometryCheck.Boundary;

/** Parsing, rejections with their messages, area against GeographicLib, and simplification. */
class GeometryCheckUnitTest {

    /** A 0.001° × 0.001° square in 临海 (SW corner 121.1 E, 28.85 N). */
    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[121.1,28.85],[121.101,28.85],[121.101,28.851],[121.1,28.851],[121.1,28.85]]]}";

    static String polygon(String ring) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
    }

    static String square(double x0, double y0, double d) {
        return "[[" + x0 + "," + y0 + "],[" + (x0 + d) + "," + y0 + "],[" + (x0 + d) + "," + (y0 + d) + "],[" + x0 + "," + (y0 + d) + "],[" + x0 + "," + y0 + "]]";
    }

    static final Boundary COUNTY = new Boundary("临海市", GeometryCheck.parse(polygon("[[121.0,28.8],[121.2,28.8],[121.2,28.9],[121.0,28.9],[121.0,28.8]]")));

    @Test
    void parsesAPolygonAFeatureAndAMultiPolygon() {
        assertThat(GeometryCheck.parse(SQUARE)).isInstanceOf(Polygon.class);
        assertThat(GeometryCheck.parse("{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "}")).isInstanceOf(Polygon.class);
        Geometry m = GeometryCheck.parse("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + square(121.1, 28.85, 0.001) + "],[" + square(121.2, 28.85, 0.001) + "]]}");
        assertThat(m).isInstanceOf(MultiPolygon.class);
        assertThat(m.getNumGeometries()).isEqualTo(2);
        // a named WGS84 CRS is accepted; a third (altitude) ordinate is ignored
        assertThat(GeometryCheck.parse("{\"type\":\"Polygon\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},"
                + "\"coordinates\":[[[121.1,28.85,5],[121.101,28.85,5],[121.101,28.851,5],[121.1,28.85,5]]]}")).isInstanceOf(Polygon.class);
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> GeometryCheck.parse("{\"type\": \"Polygon\",\n \"coordinates\": [[[121.1, 28.85],]]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不是有效的 JSON（第 2 行").hasMessageContaining("malformed JSON at line 2");
        assertThatThrownBy(() -> GeometryCheck.parse(SQUARE + " x")).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> GeometryCheck.parse(" ")).hasMessageContaining("GeoJSON is empty");
        assertThatThrownBy(() -> GeometryCheck.parse("{\"type\":\"Feature\",\"geometry\":null}")).hasMessageContaining("the Feature has no geometry");
        assertThatThrownBy(() -> GeometryCheck.parse("[1,2]")).hasMessageContaining("must be an object");
    }

    @Test
    void wrongGeometryType() {
        assertThatThrownBy(() -> GeometryCheck.parse("{\"type\":\"Point\",\"coordinates\":[121.1,28.85]}"))
                .hasMessageContaining("GeoJSON 类型为 Point，应为 Polygon 或 MultiPolygon").hasMessageContaining("GeoJSON type is Point; expected Polygon or MultiPolygon");
        assertThatThrownBy(() -> GeometryCheck.parse("{\"coordinates\":[]}")).hasMessageContaining("type is missing");
    }

    @Test
    void projectedCoordinatesAreAWrongCrs() {
        // CGCS2000 3-degree Gauss-Krüger metres for 临海 look like (40 500 000, 3 190 000)
        assertThatThrownBy(() -> GeometryCheck.parse(polygon("[[40500000,3190000],[40500100,3190000],[40500100,3190100],[40500000,3190000]]")))
                .hasMessageContaining("外环第 1 个点 (40500000, 3190000) 超出经纬度范围，像是投影坐标").hasMessageContaining("坐标系错误")
                .hasMessageContaining("looks projected").hasMessageContaining("wrong CRS");
        assertThatThrownBy(() -> GeometryCheck.parse("{\"type\":\"Polygon\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4549\"}},\"coordinates\":[]}"))
                .hasMessageContaining("坐标系为 EPSG:4549").hasMessageContaining("reproject first");
    }

    @Test
    void swappedLatitudeAndLongitude() {
        assertThatThrownBy(() -> GeometryCheck.parse(polygon("[[28.85,121.1],[28.851,121.1],[28.851,121.101],[28.85,121.1]]")))
                .hasMessageContaining("经纬度顺序可能颠倒").hasMessageContaining("look swapped");
    }

    @Test
    void selfIntersectionGivesReasonAndLocation() {
        // a bow tie: the edges (121.1, 28.85)–(121.102, 28.852) and (121.102, 28.85)–(121.1, 28.852) cross at (121.101, 28.851)
        assertThatThrownBy(() -> GeometryCheck.parse(polygon("[[121.1,28.85],[121.102,28.852],[121.102,28.85],[121.1,28.852],[121.1,28.85]]")))
                .hasMessageContaining("多边形无效：边界自相交，位置 (121.101, 28.851)")
                .hasMessageContaining("invalid polygon: Self-intersection at (121.101, 28.851)");
    }

    @Test
    void holeOutsideTheShell() {
        String withHole = "{\"type\":\"Polygon\",\"coordinates\":[" + square(121.1, 28.85, 0.001) + "," + square(121.2, 28.85, 0.0001) + "]}";
        assertThatThrownBy(() -> GeometryCheck.parse(withHole)).hasMessageContaining("内环位于外环之外").hasMessageContaining("Hole lies outside shell");
    }

    @Test
    void ringsMustBeClosedAndLongEnough() {
        assertThatThrownBy(() -> GeometryCheck.parse(polygon("[[121.1,28.85],[121.101,28.85],[121.101,28.851],[121.1,28.851]]")))
                .hasMessageContaining("外环未闭合").hasMessageContaining("outer ring is not closed");
        assertThatThrownBy(() -> GeometryCheck.parse(polygon("[[121.1,28.85],[121.101,28.85],[121.1,28.85]]")))
                .hasMessageContaining("外环只有 3 个点").hasMessageContaining("needs at least 4");
        assertThatThrownBy(() -> GeometryCheck.parse(polygon("[[121.1,\"28.85\"],[121.101,28.85],[121.101,28.851],[121.1,28.85]]")))
                .hasMessageContaining("外环第 1 个点应为 [经度, 纬度]");
        assertThatThrownBy(() -> GeometryCheck.parse("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + square(121.1, 28.85, 0.001)
                + "],[[[121.2,28.85],[121.201,28.85],[121.2,28.85]]]]}"))
                .hasMessageContaining("第 2 个多边形：外环只有 3 个点").hasMessageContaining("polygon 2: outer ring has 3 positions");
    }

    @Test
    void insideOutsideAndPartlyOutsideABoundary() {
        // the county is 121.0–121.2 E × 28.8–28.9 N
        assertThat(GeometryCheck.parse(SQUARE, COUNTY)).isNotNull();
        assertThatThrownBy(() -> GeometryCheck.parse(polygon(square(121.5, 28.85, 0.001)), COUNTY))
                .hasMessageContaining("多边形完全位于临海市范围之外").hasMessageContaining("entirely outside 临海市");
        // straddling the east edge at 121.2: half of a 0.002° square lies outside
        assertThatThrownBy(() -> GeometryCheck.parse(polygon(square(121.199, 28.85, 0.002)), COUNTY))
                .hasMessageContaining("多边形约 50.0% 位于临海市范围之外").hasMessageContaining("about 50.0 % of the polygon lies outside 临海市");
        // a polygon touching the boundary from inside is covered
        assertThat(GeometryCheck.parse(polygon("[[121.199,28.85],[121.2,28.85],[121.2,28.851],[121.199,28.851],[121.199,28.85]]"), COUNTY)).isNotNull();
    }

    @Test
    void areaOfASmallSquareMatchesTheHandWorkedValueAndGeographicLib() {
        // At φ = 28.8505° (the square's middle): e² = 0.00669438, sin²φ = 0.232834, W² = 1 − e² sin²φ = 0.998441;
        // N = a / W = 6,383,113.49 m; M = a (1 − e²) / W³ = 6,350,280.44 m; cos φ = 0.875882; Δ = 0.001° = 1.745329e-5 rad
        // area ≈ M × N × cos φ × Δφ × Δλ = 10,814.98 m² (= 16.22 亩). GeographicLib's geodesic polygon area: 10,814.9788 m².
        Geometry g = GeometryCheck.parse(SQUARE);
        assertThat(GeometryCheck.areaSquareMetres(g)).isCloseTo(10_814.9788, within(0.001));
        // 10,814.9788 / 666.67 = 16.2224 亩
        assertThat(GeometryCheck.areaMu(g).value().doubleValue()).isCloseTo(16.2224, within(0.0001));
    }

    @Test
    void areaStaysAccurateForLargerShapes() {
        // GeographicLib (geodesic edges) for comparison; our edges are straight in the equal-area projection:
        // 0.01° square 1,081,452.0437 m² (ours differs by 8e-10), 0.1° square 108,099,327.84 m² (8e-8),
        // triangle (121.1, 28.85) (121.102, 28.85) (121.101, 28.852): 21,630.0225 m² (8e-6)
        assertThat(GeometryCheck.areaSquareMetres(GeometryCheck.parse(polygon(square(121.1, 28.85, 0.01)))))
                .isCloseTo(1_081_452.0437, within(1_081_452.0437 * 1e-8));
        assertThat(GeometryCheck.areaSquareMetres(GeometryCheck.parse(polygon(square(121.1, 28.85, 0.1)))))
                .isCloseTo(108_099_327.84, within(108_099_327.84 * 1e-6));
        assertThat(GeometryCheck.areaSquareMetres(GeometryCheck.parse(polygon("[[121.1,28.85],[121.102,28.85],[121.101,28.852],[121.1,28.85]]"))))
                .isCloseTo(21_630.0225, within(21_630.0225 * 1e-4));
    }

    @Test
    void holesAreSubtractedAndMultiPolygonsAdded() {
        double outer = GeometryCheck.areaSquareMetres(GeometryCheck.parse(polygon(square(121.1, 28.85, 0.002))));
        double hole = GeometryCheck.areaSquareMetres(GeometryCheck.parse(polygon(square(121.1005, 28.8505, 0.001))));
        Geometry withHole = GeometryCheck.parse("{\"type\":\"Polygon\",\"coordinates\":[" + square(121.1, 28.85, 0.002) + ","
                + square(121.1005, 28.8505, 0.001) + "]}");
        assertThat(GeometryCheck.areaSquareMetres(withHole)).isCloseTo(outer - hole, within(0.01));
        Geometry two = GeometryCheck.parse("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + square(121.1, 28.85, 0.001) + "],[" + square(121.1, 28.86, 0.001) + "]]}");
        double a = GeometryCheck.areaSquareMetres(GeometryCheck.parse(polygon(square(121.1, 28.85, 0.001))));
        double b = GeometryCheck.areaSquareMetres(GeometryCheck.parse(polygon(square(121.1, 28.86, 0.001))));
        assertThat(GeometryCheck.areaSquareMetres(two)).isCloseTo(a + b, within(0.01));
        // a square 0.01° further north is a little smaller (cos φ shrinks)
        assertThat(b).isLessThan(a);
    }

    @Test
    void simplifyDropsNearlyCollinearPointsAndKeepsTheShapeValid() {
        // the south edge of the square has 9 extra points each 0.00001° (≈ 1.1 m) off the straight line
        StringBuilder ring = new StringBuilder("[[121.1,28.85]");
        for (int i = 1; i <= 9; i++) {
            ring.append(",[").append(121.1 + i * 0.0001).append(',').append(28.85 + (i % 2 == 0 ? 0.00001 : -0.00001)).append(']');
        }
        ring.append(",[121.101,28.85],[121.101,28.851],[121.1,28.851],[121.1,28.85]]");
        Geometry g = GeometryCheck.parse(polygon(ring.toString()));
        assertThat(g.getNumPoints()).isEqualTo(14);
        Geometry s = GeometryCheck.simplify(g, 5); // 5 m tolerance removes the 1.1 m wiggles
        assertThat(s.getNumPoints()).isEqualTo(5);
        assertThat(s.isValid()).isTrue();
        assertThat(GeometryCheck.simplify(g, 0.1).getNumPoints()).isEqualTo(14); // 0.1 m keeps them
        assertThat(GeometryCheck.simplifyFast(g, 5).getNumPoints()).isEqualTo(5);
        assertThatThrownBy(() -> GeometryCheck.simplify(g, -1)).hasMessageContaining("must not be negative");
    }

    @Test
    void writesGeoJsonThatParsesBack() {
        Geometry g = GeometryCheck.parse(SQUARE);
        String json = GeometryCheck.toGeoJson(g, 7);
        assertThat(json).isEqualTo("{\"type\":\"Polygon\",\"coordinates\":[[[121.1,28.85],[121.101,28.85],[121.101,28.851],[121.1,28.851],[121.1,28.85]]]}");
        assertThat(GeometryCheck.parse(json).equalsExact(g)).isTrue();
        // rounding to 3 decimals (≈ 100 m)
        assertThat(GeometryCheck.toGeoJson(GeometryCheck.parse(polygon(square(121.12345, 28.85, 0.001))), 3)).startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[121.123,28.85]");
        Geometry m = GeometryCheck.parse("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + square(121.1, 28.85, 0.001) + "]]}");
        // square() sums doubles (121.1 + 0.001 = 121.10100000000001): 7 decimals give the coordinates back within 1e-7
        assertThat(GeometryCheck.parse(GeometryCheck.toGeoJson(m, 7)).equalsExact(m, 1e-7)).isTrue();
    }
}
