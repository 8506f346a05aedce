package org.mujun.region;

import java.util.List;
import org.mujun.security.Jurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** REST API of zones (SPEC §2, §10). The polygon is given and returned as a GeoJSON object. */
@RestController
@RequestMapping("/api/v1/zones")
class ZoneApiController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Zones zones;
    private final Jurisdiction jurisdiction;

    ZoneApiController(Zones zones, Jurisdiction jurisdiction) {
        this.zones = zones;
        this.jurisdiction = jurisdiction;
    }

    record ZoneView(long id, String name, Zones.Kind kind, String regionCode, Integer starRating, long enterprises, int version,
                    JsonNode geometry) {
    }

    /** A zone as sent: {@code geometry} a GeoJSON Polygon/MultiPolygon object; {@code version} for updates. */
    record ZoneRequest(String name, String kind, String regionCode, Integer starRating, JsonNode geometry, Integer version) {
        Zones.Input input() {
            return new Zones.Input(name, kind, regionCode, starRating, geometry == null || geometry.isNull() ? null : geometry.toString());
        }
    }

    @GetMapping
    @PreAuthorize(RegionController.BUSINESS)
    List<ZoneView> list(@RequestParam(required = false) String region, @RequestParam(required = false) String kind) {
        Zones.Kind k = kind == null || kind.isBlank() ? null : Zones.Kind.parse(kind);
        return zones.list(jurisdiction.current(), region, k).stream().map(z -> view(z, false)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize(RegionController.BUSINESS)
    ZoneView zone(@PathVariable long id) {
        return view(zones.find(id, jurisdiction.current()).orElseThrow(() -> new Zones.NotFound(id)), true);
    }

    @PostMapping
    @PreAuthorize(RegionController.ADMINS)
    @ResponseStatus(HttpStatus.CREATED)
    ZoneView create(@RequestBody(required = false) ZoneRequest body) {
        if (body == null) {
            throw new IllegalArgumentException("请求体为空 / the body is empty");
        }
        return view(zones.create(body.input(), jurisdiction.current(), ZoneController.actor()), true);
    }

    @PutMapping("/{id}")
    @PreAuthorize(RegionController.ADMINS)
    ZoneView update(@PathVariable long id, @RequestBody(required = false) ZoneRequest body) {
        zones.find(id, jurisdiction.current()).filter(z -> ZoneController.mayEdit(z, jurisdiction.current()))
                .orElseThrow(() -> new Zones.NotFound(id));
        if (body == null || body.version() == null) {
            throw new IllegalArgumentException("请求体需包含 version（乐观锁） / the body must contain version (optimistic locking)");
        }
        return view(zones.update(id, body.version(), body.input(), jurisdiction.current(), ZoneController.actor()), true);
    }

    private static ZoneView view(Zones.Zone z, boolean geometry) {
        return new ZoneView(z.id(), z.name(), z.kind(), z.regionCode(), z.starRating(), z.enterprises(), z.version(),
                geometry && z.geojson() != null ? JSON.readTree(z.geojson()) : null);
    }
}
