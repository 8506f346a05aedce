package org.mujun.map;

import java.util.Locale;

/**
 * A map request's viewport: a bounding box in WGS84 degrees ({@code west,south,east,north}, the order of
 * GeoJSON and Leaflet's {@code toBBoxString()}) and a web-map zoom level. Parsed and checked here, with a
 * bilingual message for every way it can be wrong (answered 400 by the API).
 */
record Viewport(double west, double south, double east, double north, int zoom) {

    static final int MIN_ZOOM = 0;
    static final int MAX_ZOOM = 22;

    Viewport {
        if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom 应为 0 至 22 的整数，实为 " + zoom + " / zoom must be a whole number from 0 to 22, not " + zoom);
        }
        if (west < -180 || east > 180 || south < -90 || north > 90) {
            throw new IllegalArgumentException("bbox 超出经纬度范围（经度 -180 至 180，纬度 -90 至 90） / bbox outside longitude -180..180 or latitude -90..90");
        }
        if (!(west < east) || !(south < north)) {
            throw new IllegalArgumentException("bbox 应为 西,南,东,北 且西 < 东、南 < 北 / bbox must be west,south,east,north with west < east and south < north");
        }
    }

    /** Parses {@code "w,s,e,n"} and a zoom given as text (both required). */
    static Viewport parse(String bbox, String zoom) {
        int z = zoom(zoom);
        if (bbox == null || bbox.isBlank()) {
            throw new IllegalArgumentException("缺少 bbox（西,南,东,北） / bbox is required: west,south,east,north");
        }
        String[] parts = bbox.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox 应为4个数：西,南,东,北，实为 " + parts.length + " 个 / bbox must be 4 numbers west,south,east,north, got "
                    + parts.length);
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox 的第 " + (i + 1) + " 个值不是数字：'" + parts[i].trim() + "' / bbox value " + (i + 1)
                        + " is not a number: '" + parts[i].trim() + "'");
            }
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("bbox 的第 " + (i + 1) + " 个值不是有限数 / bbox value " + (i + 1) + " is not finite");
            }
        }
        return new Viewport(v[0], v[1], v[2], v[3], z);
    }

    /** A zoom given as text: required, a whole number 0–22. */
    static int zoom(String zoom) {
        if (zoom == null || zoom.isBlank()) {
            throw new IllegalArgumentException("缺少 zoom（0 至 22） / zoom is required (0 to 22)");
        }
        int z;
        try {
            z = Integer.parseInt(zoom.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("zoom 应为 0 至 22 的整数，实为 '" + zoom.trim() + "' / zoom must be a whole number from 0 to 22, not '"
                    + zoom.trim() + "'");
        }
        if (z < MIN_ZOOM || z > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom 应为 0 至 22 的整数，实为 " + z + " / zoom must be a whole number from 0 to 22, not " + z);
        }
        return z;
    }

    double width() {
        return east - west;
    }

    double height() {
        return north - south;
    }

    boolean contains(double lon, double lat) {
        return lon >= west && lon <= east && lat >= south && lat <= north;
    }

    boolean intersects(double minLon, double minLat, double maxLon, double maxLat) {
        return minLon <= east && maxLon >= west && minLat <= north && maxLat >= south;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f@%d", west, south, east, north, zoom);
    }
}
