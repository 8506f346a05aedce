package org.mujun.map;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.mujun.common.CliCommand;
import org.mujun.common.EnterpriseStatus;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code bench-map [--region 331082] [--runs 20] [--status class|idle|carbon|none] [--zoom 14]}: the server time of
 * the map's layer requests on whatever data is loaded (load demo data first, e.g. {@code demo --enterprises 200000
 * --counties all}), measured on the calls the API makes (SQL through the jurisdiction, status lookup, JTS
 * simplification and GeoJSON writing; not HTTP): a whole county's parcels (SPEC §9 bar: under 300 ms), a viewport of
 * parcels and of enterprises around the county's middle, and the region bubbles at county and town level. Runs as a
 * province administrator of the region's province; read-only.
 */
@Component
class MapBenchCommand implements CliCommand {

    private final MapLayers layers;
    private final MapStatuses statuses;
    private final JdbcClient jdbc;

    MapBenchCommand(MapLayers layers, MapStatuses statuses, JdbcClient jdbc) {
        this.layers = layers;
        this.statuses = statuses;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "bench-map";
    }

    @Override
    public String usage() {
        return "bench-map [--region 331082] [--runs 20] [--status class] [--zoom 14]   server time of the map layers (county parcels, viewport, bubbles)";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        String region = opt(args, "region", "331082");
        if (!region.matches("\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("--region 应为6位县或9位乡镇代码 / --region must be a county (6 digits) or town (9 digits) code");
        }
        int runs = Integer.parseInt(opt(args, "runs", "20"));
        int zoom = Viewport.zoom(opt(args, "zoom", "14"));
        EnterpriseStatus.Provider status = statuses.find(opt(args, "status", "class"));
        // a province administrator, so the status providers see what the API's users would
        MujunUser admin = new MujunUser(0, "bench-map", "bench-map", "", Role.PROVINCE_ADMIN, region.substring(0, 2), null, Set.of(), true,
                null, false);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
        try {
            Scope scope = admin.scope();
            long parcels = jdbc.sql("select count(*) from parcel where region_code like :r and map_box is not null").param("r", region + "%")
                    .query(Long.class).single();
            long all = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
            out.printf(Locale.ROOT, "bench-map: region %s, %,d parcels with a polygon there, %,d enterprises in the database, status %s, %d runs%n",
                    region, parcels, all, status == null ? "none" : status.key(), runs);
            String key = status == null ? "none" : status.key();
            double[] mid = jdbc.sql("select avg((center(map_box))[0]), avg((center(map_box))[1]) from parcel where region_code like :r and map_box is not null")
                    .param("r", region + "%").query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
            time(out, "county parcels (region=" + region + ", zoom " + zoom + ", " + key + ")", runs,
                    () -> layers.parcels(scope, null, region, zoom, status, null, layers.maxFeatures() * 5));
            Viewport v = new Viewport(mid[0] - 0.03, mid[1] - 0.02, mid[0] + 0.03, mid[1] + 0.02, 15);
            time(out, "viewport parcels (" + v + ")", runs, () -> layers.parcels(scope, v, null, v.zoom(), status, null, layers.maxFeatures()));
            time(out, "viewport enterprises (" + v + ")", runs, () -> layers.enterprises(scope, v, status, null, layers.maxFeatures()));
            time(out, "bubbles by county (zoom 8, whole province, uncached)", Math.max(3, runs / 4),
                    () -> layers.computeAggregates(scope, 6, status, null));
            time(out, "bubbles by town (zoom 11, whole province, uncached)", Math.max(3, runs / 4),
                    () -> layers.computeAggregates(scope, 9, status, null));
            time(out, "bubbles by county (cached, mujun.map.aggregate-cache-seconds)", runs, () -> layers.aggregates(scope, 8, 10, status, null));
            time(out, "county boundaries (zoom 8, cached after first)", runs, () -> new MapLayers.Layer(layers.boundaries(8), 0, false));
            return 0;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void time(PrintStream out, String what, int runs, Supplier<MapLayers.Layer> call) {
        MapLayers.Layer first = call.get(); // warm-up
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        out.printf(Locale.ROOT, "  %-60s %,7d features %,10d bytes  median %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", what, first.features(),
                first.geojson().length(), ms.get(ms.size() / 2), ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.95) - 1)),
                ms.get(ms.size() - 1));
    }

    private static String opt(List<String> args, String key, String dflt) {
        String v = CliCommand.option(args, key);
        return v == null || v.isBlank() ? dflt : v.trim();
    }
}
