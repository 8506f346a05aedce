package org.mujun.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Enterprises counted by region at low zoom (SPEC §9: "aggregate at low zoom"): one bubble per county or
 * town instead of thousands of points. Pure Java: the enterprises (USCC and region code) and the chosen
 * status per USCC in, counts per region prefix and per status category out. An enterprise without a status
 * counts under {@link #NONE}.
 */
final class MapAggregation {

    /** The category of enterprises the chosen status knows nothing about. */
    static final String NONE = "NONE";

    /** An enterprise as the aggregation needs it. */
    record Member(String uscc, String regionCode) {
    }

    /** One region: its total and the count per category in legend order (then {@link #NONE}). */
    record RegionCount(String region, int total, Map<String, Integer> byCategory) {
    }

    private MapAggregation() {
    }

    /** The region level shown at {@code zoom}: county (6 digits) below {@code townZoom}, else town (9). */
    static int levelLength(int zoom, int townZoom) {
        return zoom < townZoom ? 6 : 9;
    }

    /**
     * Counts per region prefix of {@code length}; enterprises whose region code is shorter than that are left
     * out (they belong to no region of that level). Categories not in {@code categories} count under NONE.
     */
    static List<RegionCount> aggregate(Iterable<Member> members, Map<String, String> statuses, List<String> categories, int length) {
        Map<String, int[]> acc = new TreeMap<>();
        int n = categories.size();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(categories.get(i), i);
        }
        for (Member m : members) {
            if (m.regionCode() == null || m.regionCode().length() < length) {
                continue;
            }
            int[] c = acc.computeIfAbsent(m.regionCode().substring(0, length), k -> new int[n + 2]);
            String s = statuses.get(m.uscc());
            Integer i = s == null ? null : index.get(s);
            c[i == null ? n : i]++;
            c[n + 1]++;
        }
        List<RegionCount> out = new ArrayList<>(acc.size());
        for (Map.Entry<String, int[]> e : acc.entrySet()) {
            int[] c = e.getValue();
            Map<String, Integer> by = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                by.put(categories.get(i), c[i]);
            }
            by.put(NONE, c[n]);
            out.add(new RegionCount(e.getKey(), c[n + 1], by));
        }
        return out;
    }

    /** The worst (last in legend order) of several categories, e.g. an enterprise's parcels' idle statuses. */
    static String worst(String a, String b, List<String> categories) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return categories.indexOf(b) > categories.indexOf(a) ? b : a;
    }

    /** Legend colours for {@code n} categories, best (green) to worst (red), through yellow. */
    static List<String> colours(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0 : (double) i / (n - 1);
            // green #1a9641 → yellow #fee08b → red #d7191c
            int[] a = t <= 0.5 ? new int[] {0x1a, 0x96, 0x41} : new int[] {0xfe, 0xe0, 0x8b};
            int[] b = t <= 0.5 ? new int[] {0xfe, 0xe0, 0x8b} : new int[] {0xd7, 0x19, 0x1c};
            double u = t <= 0.5 ? t * 2 : (t - 0.5) * 2;
            out.add(String.format("#%02x%02x%02x", mix(a[0], b[0], u), mix(a[1], b[1], u), mix(a[2], b[2], u)));
        }
        return out;
    }

    private static int mix(int a, int b, double u) {
        return (int) Math.round(a + (b - a) * u);
    }
}
