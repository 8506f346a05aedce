package org.mujun.land;

import java.math.BigDecimal;
import java.util.List;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** REST API of parcels and leases (SPEC §2, §10); a parcel comes with its polygon as a GeoJSON object. */
@RestController
@RequestMapping("/api/v1")
class LandApiController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Parcels parcels;
    private final Leases leases;
    private final Jurisdiction jurisdiction;

    LandApiController(Parcels parcels, Leases leases, Jurisdiction jurisdiction) {
        this.parcels = parcels;
        this.leases = leases;
        this.jurisdiction = jurisdiction;
    }

    record ParcelPage(List<Parcels.Row> items, int page, int size, long total, boolean totalExact, boolean hasNext) {
    }

    record LeasePage(List<Leases.Row> items, int page, int size, long total, boolean totalExact, boolean hasNext) {
    }

    /** A parcel: its row (area in m² and 亩), the GeoJSON geometry (null when none) and the leases on it. */
    record ParcelDetail(Parcels.Row parcel, JsonNode geometry, List<Leases.Row> leases) {
    }

    @GetMapping("/parcels")
    @PreAuthorize(LandController.BUSINESS)
    ParcelPage parcels(@RequestParam(required = false) String region, @RequestParam(required = false) String owner,
                       @RequestParam(required = false) Boolean standardLand, @RequestParam(required = false) BigDecimal minMu,
                       @RequestParam(required = false) BigDecimal maxMu,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Parcels.Page p = parcels.search(new Parcels.Filter(region, owner, standardLand, minMu, maxMu), page, size, jurisdiction.current());
        return new ParcelPage(p.items(), p.page(), p.size(), p.total(), p.totalExact(), p.hasNext());
    }

    @GetMapping("/parcels/{id}")
    @PreAuthorize(LandController.BUSINESS)
    ParcelDetail parcel(@PathVariable long id) {
        Scope scope = jurisdiction.current();
        Parcels.Parcel p = parcels.find(id, scope).orElseThrow(() -> LandController.notFound(id));
        return new ParcelDetail(p.row(), p.geojson() == null ? null : JSON.readTree(p.geojson()), leases.onParcel(id, scope));
    }

    @GetMapping("/leases")
    @PreAuthorize(LandController.BUSINESS)
    LeasePage leases(@RequestParam(required = false) String uscc, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) String region,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Leases.Page p = leases.search(uscc, year, region, page, size, jurisdiction.current());
        return new LeasePage(p.items(), p.page(), p.size(), p.total(), p.totalExact(), p.hasNext());
    }
}
