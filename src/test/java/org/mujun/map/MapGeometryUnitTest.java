package org.mujun.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class MapGeometryUnitTest {

    @Test
    void toleranceIsOnePixelOfAWebMapTile() {
        // 360° over 256 pixels at zoom 0; halves with every zoom level
        assertThat(MapGeometry.tolerance(0)).isEqualTo(1.40625);
        assertThat(MapGeometry.tolerance(8)).isEqualTo(360.0 / 65536);           // 0.0054931640625°
        assertThat(MapGeometry.tolerance(13)).isEqualTo(360.0 / (256.0 * 8192)); // 0.000171661…° ≈ 19 m
    }

    @Test
    void decimalsKeepAQuarterPixel() {
        // zoom 8: 0.00549 / 4 = 0.00137 → 3 decimals (0.001); zoom 13: 0.0000429 → 5; zoom 18: 0.00000134 → 6
        assertThat(MapGeometry.decimals(8)).isEqualTo(3);
        assertThat(MapGeometry.decimals(13)).isEqualTo(5);
        assertThat(MapGeometry.decimals(18)).isEqualTo(6);
        assertThat(MapGeometry.decimals(0)).isEqualTo(3);  // floor
        assertThat(MapGeometry.decimals(22)).isEqualTo(7); // cap
    }

    /** A 0.1° square whose edges carry a point every 0.0001° (4,001 vertices), like a detailed boundary. */
    static Polygon denseSquare() {
        Coordinate[] cs = new Coordinate[4001];
        int i = 0;
        for (int k = 0; k < 1000; k++) {
            cs[i++] = new Coordinate(121 + k * 0.0001, 28);
        }
        for (int k = 0; k < 1000; k++) {
            cs[i++] = new Coordinate(121.1, 28 + k * 0.0001);
        }
        for (int k = 0; k < 1000; k++) {
            cs[i++] = new Coordinate(121.1 - k * 0.0001, 28.1);
        }
        for (int k = 0; k < 1000; k++) {
            cs[i++] = new Coordinate(121, 28.1 - k * 0.0001);
        }
        cs[i] = new Coordinate(121, 28);
        return MapGeometry.FACTORY.createPolygon(cs);
    }

    @Test
    void simplificationDropsDetailBelowAPixelAndStaysValid() {
        Polygon square = denseSquare();
        assertThat(MapGeometry.vertices(square)).isEqualTo(4001);
        Geometry far = MapGeometry.simplify(square, 8);
        // collinear points vanish: the four corners and the closing point remain
        assertThat(MapGeometry.vertices(far)).isEqualTo(5);
        assertThat(far.isValid()).isTrue();
        assertThat(far.getArea()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aZigzagSmallerThanAPixelIsSmoothedFarOutAndKeptClose() {
        // bottom edge wiggles by 0.001° (≈ 100 m): a fifth of a pixel at zoom 8, 5.8 pixels at zoom 13
        Coordinate[] cs = new Coordinate[104];
        int i = 0;
        for (int k = 0; k <= 100; k++) {
            cs[i++] = new Coordinate(121 + k * 0.001, 28 + (k % 2 == 0 ? 0 : 0.001));
        }
        cs[i++] = new Coordinate(121.1, 28.1);
        cs[i++] = new Coordinate(121, 28.1);
        cs[i] = new Coordinate(121, 28);
        Polygon zigzag = MapGeometry.FACTORY.createPolygon(cs);
        Geometry far = MapGeometry.simplify(zigzag, 8);
        Geometry close = MapGeometry.simplify(zigzag, 13);
        assertThat(MapGeometry.vertices(far)).isLessThan(10);
        assertThat(MapGeometry.vertices(close)).isEqualTo(104);
        assertThat(far.isValid()).isTrue();
    }

    @Test
    void parsesAndWritesGeoJsonWithRoundedCoordinates() {
        Geometry g = MapGeometry.parse("{\"type\":\"Polygon\",\"coordinates\":[[[121.123456789,28.1],[121.2,28.1],[121.2,28.2],[121.123456789,28.1]]]}");
        StringBuilder sb = new StringBuilder();
        MapGeometry.write(sb, g, 5);
        assertThat(sb).hasToString("{\"type\":\"Polygon\",\"coordinates\":[[[121.12346,28.1],[121.2,28.1],[121.2,28.2],[121.12346,28.1]]]}");
    }

    @Test
    void parseClosesOpenRingsDropsSliversAndRefusesOtherTypes() {
        Geometry open = MapGeometry.parse("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1]]]}");
        assertThat(open.getNumPoints()).isEqualTo(4);
        Geometry multi = MapGeometry.parse("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,6]]]]}");
        assertThat(multi.getNumGeometries()).isEqualTo(1);
        assertThat(MapGeometry.parse("{\"type\":\"Point\",\"coordinates\":[1,2]}")).isNull();
        assertThat(MapGeometry.parse("not json")).isNull();
        assertThat(MapGeometry.parse((String) null)).isNull();
    }

    @Test
    void storedPolygonsPassThroughOnlyWhenPlainAndSmall() {
        String quad = "{\"type\":\"Polygon\",\"coordinates\":[[[121.1,28.8],[121.101,28.8],[121.101,28.801],[121.1,28.8]]]}";
        assertThat(MapGeometry.passThrough(quad, 1000)).isTrue();
        assertThat(MapGeometry.passThrough(quad, 50)).isFalse(); // too long to skip simplification
        assertThat(MapGeometry.passThrough("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[1,2],[3,4],[1,5],[1,2]]]]}", 1000)).isTrue();
        // anything but numbers and brackets in the coordinates, other members, unbalanced brackets: parsed and rewritten instead
        assertThat(MapGeometry.passThrough("{\"type\":\"Polygon\",\"coordinates\":[[[1,2]]],\"x\":[1]}", 1000)).isFalse();
        assertThat(MapGeometry.passThrough("{\"type\":\"Polygon\",\"coordinates\":[[[1,2]]]}]}", 1000)).isFalse();
        assertThat(MapGeometry.passThrough("{\"type\":\"Polygon\",\"coordinates\":[[[1,2],\"a\"]]}", 1000)).isFalse();
        assertThat(MapGeometry.passThrough("{\"coordinates\":[[[1,2]]],\"type\":\"Polygon\"}", 1000)).isFalse();
        assertThat(MapGeometry.passThrough(null, 1000)).isFalse();
    }

    @Test
    void jsonStringsAreEscaped() {
        StringBuilder sb = new StringBuilder();
        MapLayers.string(sb, "甲\"乙\\丙\n\u0001");
        assertThat(sb).hasToString("\"甲\\\"乙\\\\丙\\n\\u0001\"");
        sb.setLength(0);
        MapLayers.string(sb, null);
        assertThat(sb).hasToString("null");
    }
}
