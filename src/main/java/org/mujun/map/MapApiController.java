package org.mujun.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.common.EnterpriseStatus;
import org.mujun.evaluation.EvaluationClass;
import org.mujun.evaluation.RegionStatistics.RegionFigures;
import org.mujun.evaluation.RegionStatisticsQuery;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API of the map (SPEC §9, §10) under {@code /api/v1/map}: the layers as GeoJSON (RFC 7946,
 * {@code application/geo+json}; add {@code download=true} to save one as a file — the GeoJSON export), the
 * legend and settings, and the region figures for the choropleth. Parcels and enterprise points need a
 * viewport ({@code bbox=west,south,east,north}) at zoom {@code parcel-zoom} or closer, or a whole region
 * ({@code region=331082}); below that zoom the client asks for {@code aggregates}.
 */
@RestController
@RequestMapping("/api/v1/map")
class MapApiController {

    static final String BUSINESS = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    /** Largest viewport for parcels and enterprises, in degrees each way (about 100 km). */
    static final double MAX_SPAN = 1.0;
    static final List<String> INDICATORS = List.of("taxPerMu", "valueAddedPerMu", "labourProductivity", "valueAddedPerTce", "shareA", "shareD");

    private final MapLayers layers;
    private final MapStatuses statuses;
    private final RegionStatisticsQuery statistics;
    private final Jurisdiction jurisdiction;
    private final MessageSource messages;
    private final String tileUrl;
    private final String tileAttribution;
    private final int parcelZoom;
    private final int townZoom;

    MapApiController(MapLayers layers, MapStatuses statuses, RegionStatisticsQuery statistics, Jurisdiction jurisdiction, MessageSource messages,
                     @Value("${mujun.map.tile-url:}") String tileUrl, @Value("${mujun.map.tile-attribution:}") String tileAttribution,
                     @Value("${mujun.map.parcel-zoom:13}") int parcelZoom, @Value("${mujun.map.town-zoom:10}") int townZoom) {
        this.layers = layers;
        this.statuses = statuses;
        this.statistics = statistics;
        this.jurisdiction = jurisdiction;
        this.messages = messages;
        this.tileUrl = tileUrl == null ? "" : tileUrl.trim();
        this.tileAttribution = tileAttribution == null ? "" : tileAttribution.trim();
        this.parcelZoom = parcelZoom;
        this.townZoom = townZoom;
    }

    record Legend(String key, String label, List<String> categories, List<String> colours) {
    }

    record Config(String tileUrl, String tileAttribution, int parcelZoom, int townZoom, double[] home, List<Legend> statuses,
                  List<String> indicators, List<Integer> years) {
    }

    /** The map's settings for the signed-in user: tiles (none by default), zoom thresholds, home extent, legends. */
    @GetMapping("/config")
    @PreAuthorize(BUSINESS)
    Config config() {
        Scope scope = jurisdiction.current();
        List<Legend> legends = new ArrayList<>();
        for (EnterpriseStatus.Provider p : statuses.all()) {
            legends.add(new Legend(p.key(), msg(p.labelKey()), p.categories(), MapAggregation.colours(p.categories().size())));
        }
        double[] home = layers.extent(scope.regionPrefix());
        return new Config(tileUrl, tileAttribution, parcelZoom, townZoom, home == null ? layers.extent("33") : home, legends, INDICATORS,
                statistics.years(null));
    }

    @GetMapping("/boundaries")
    @PreAuthorize(BUSINESS)
    ResponseEntity<String> boundaries(@RequestParam(required = false) String zoom, @RequestParam(defaultValue = "false") boolean download) {
        return geojson(layers.boundaries(Viewport.zoom(zoom)), "boundaries", download);
    }

    @GetMapping("/zones")
    @PreAuthorize(BUSINESS)
    ResponseEntity<String> zones(@RequestParam(required = false) String bbox, @RequestParam(required = false) String zoom,
                                 @RequestParam(defaultValue = "false") boolean download) {
        int z = Viewport.zoom(zoom);
        Viewport v = bbox == null || bbox.isBlank() ? null : Viewport.parse(bbox, zoom);
        return geojson(layers.zones(jurisdiction.current(), v, z).geojson(), "zones", download);
    }

    @GetMapping("/parcels")
    @PreAuthorize(BUSINESS)
    ResponseEntity<String> parcels(@RequestParam(required = false) String bbox, @RequestParam(required = false) String region,
                                   @RequestParam(required = false) String zoom, @RequestParam(required = false) String status,
                                   @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean download) {
        Scope scope = jurisdiction.current();
        EnterpriseStatus.Provider s = statuses.find(status);
        if (region != null && !region.isBlank()) {
            if (bbox != null && !bbox.isBlank()) {
                throw new IllegalArgumentException("bbox 与 region 只能给一个 / give either bbox or region, not both");
            }
            String r = region(region, scope);
            int z = zoom == null || zoom.isBlank() ? 16 : Viewport.zoom(zoom);
            return geojson(layers.parcels(scope, null, r, z, s, year, layers.maxFeatures() * 5).geojson(), "parcels-" + r, download);
        }
        Viewport v = detailed(bbox, zoom, "parcels");
        return geojson(layers.parcels(scope, v, null, v.zoom(), s, year, layers.maxFeatures()).geojson(), "parcels", download);
    }

    @GetMapping("/enterprises")
    @PreAuthorize(BUSINESS)
    ResponseEntity<String> enterprises(@RequestParam(required = false) String bbox, @RequestParam(required = false) String zoom,
                                       @RequestParam(required = false) String status, @RequestParam(required = false) Integer year,
                                       @RequestParam(defaultValue = "false") boolean download) {
        Viewport v = detailed(bbox, zoom, "enterprises");
        return geojson(layers.enterprises(jurisdiction.current(), v, statuses.find(status), year, layers.maxFeatures()).geojson(),
                "enterprises", download);
    }

    @GetMapping("/aggregates")
    @PreAuthorize(BUSINESS)
    ResponseEntity<String> aggregates(@RequestParam(required = false) String zoom, @RequestParam(required = false) String status,
                                      @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean download) {
        int z = Viewport.zoom(zoom);
        return geojson(layers.aggregates(jurisdiction.current(), z, townZoom, statuses.find(status), year).geojson(), "aggregates", download);
    }

    record Statistics(Integer year, String indicator, String level, boolean taxMasked, Map<String, Double> values, Map<String, String> names,
                      List<Integer> years) {
    }

    /**
     * Region figures for the choropleth: the indicator for every county (town for a town officer) inside the
     * user's region in the year (default: the newest with a published official run), from the evaluation's
     * region statistics.
     */
    @GetMapping("/statistics")
    @PreAuthorize(BUSINESS)
    Statistics statistics(@RequestParam(defaultValue = "taxPerMu") String indicator, @RequestParam(required = false) Integer year) {
        if (!INDICATORS.contains(indicator)) {
            throw new IllegalArgumentException("未知的指标 '" + indicator + "'，可选：" + String.join(", ", INDICATORS) + " / unknown indicator '"
                    + indicator + "'; one of " + String.join(", ", INDICATORS));
        }
        List<Integer> years = statistics.years(null);
        Integer y = year != null ? year : years.isEmpty() ? null : years.get(0);
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        if (y == null) {
            return new Statistics(null, indicator, "county", false, values, names, years);
        }
        RegionStatisticsQuery.Table t = statistics.table(y, RegionStatisticsQuery.Level.COUNTY, null);
        for (RegionStatisticsQuery.Row r : t.rows()) {
            values.put(r.region(), value(r.current(), indicator));
            names.put(r.region(), r.name());
        }
        return new Statistics(y, indicator, t.level().name().toLowerCase(java.util.Locale.ROOT), t.taxMasked(), values, names, years);
    }

    static Double value(RegionFigures f, String indicator) {
        if (f == null) {
            return null;
        }
        return switch (indicator) {
            case "taxPerMu" -> f.taxPerMu();
            case "valueAddedPerMu" -> f.valueAddedPerMu();
            case "labourProductivity" -> f.labourProductivity();
            case "valueAddedPerTce" -> f.valueAddedPerTce();
            case "shareA" -> f.classShares() == null ? null : f.classShares().get(EvaluationClass.A);
            case "shareD" -> f.classShares() == null ? null : f.classShares().get(EvaluationClass.D);
            default -> null;
        };
    }

    /** A viewport close enough for single features: bbox and zoom valid, zoom at least parcel-zoom, at most 1° each way. */
    private Viewport detailed(String bbox, String zoom, String layer) {
        Viewport v = Viewport.parse(bbox, zoom);
        if (v.zoom() < parcelZoom) {
            throw new IllegalArgumentException("zoom " + v.zoom() + " 太小，" + layer + " 图层需要 zoom ≥ " + parcelZoom + "；更小比例尺请用 /api/v1/map/aggregates / zoom "
                    + v.zoom() + " is too far out for " + layer + " (needs zoom ≥ " + parcelZoom + "); use /api/v1/map/aggregates below that");
        }
        if (v.width() > MAX_SPAN || v.height() > MAX_SPAN) {
            throw new IllegalArgumentException("bbox 过大（最多 " + MAX_SPAN + "° × " + MAX_SPAN + "°） / bbox too large (at most " + MAX_SPAN + "° each way)");
        }
        return v;
    }

    /** A region code of 2 to 9 digits inside the jurisdiction; 404 outside it. */
    static String region(String region, Scope scope) {
        String r = region.trim();
        if (!r.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("region 应为2、4、6或9位数字区划代码 / region must be a code of 2, 4, 6 or 9 digits");
        }
        if (scope.regionPrefix() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "区划不在管辖范围内 / region not found");
        }
        if (r.startsWith(scope.regionPrefix())) {
            return r;
        }
        if (scope.regionPrefix().startsWith(r)) {
            return scope.regionPrefix(); // a wider region: the user's own part of it
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "区划不在管辖范围内 / region not found");
    }

    private static ResponseEntity<String> geojson(String body, String name, boolean download) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(GEOJSON);
        if (download) {
            b = b.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mujun-" + name + ".geojson\"");
        }
        return b.body(body);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
