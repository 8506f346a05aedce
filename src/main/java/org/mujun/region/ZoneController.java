package org.mujun.region;

import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Zones: list, page (with the polygon and the enterprises in it) and the administrators' editor. */
@Controller
class ZoneController {

    private final Zones zones;
    private final Regions regions;
    private final Jurisdiction jurisdiction;

    ZoneController(Zones zones, Regions regions, Jurisdiction jurisdiction) {
        this.zones = zones;
        this.regions = regions;
        this.jurisdiction = jurisdiction;
    }

    /** An enterprise in a zone, for the zone page (links to the enterprise page). */
    record Member(long id, String uscc, String name, String regionCode, String sizeClass) {
    }

    @GetMapping("/zones")
    @PreAuthorize(RegionController.BUSINESS)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String kind, Model model) {
        Zones.Kind k = kind == null || kind.isBlank() ? null : Zones.Kind.parse(kind);
        model.addAttribute("zones", zones.list(jurisdiction.current(), region, k));
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("kinds", Zones.Kind.values());
        model.addAttribute("regions", regions);
        return "region/zones";
    }

    @GetMapping("/zones/{id}")
    @PreAuthorize(RegionController.BUSINESS)
    String zone(@PathVariable long id, Model model) {
        Scope scope = jurisdiction.current();
        Zones.Zone z = zones.find(id, scope).orElseThrow(() -> new Zones.NotFound(id));
        model.addAttribute("zone", z);
        model.addAttribute("regionPath", regions.pathName(z.regionCode()));
        model.addAttribute("members", jurisdiction.sql("""
                        select e.id, e.uscc, e.name, e.region_code, e.size_class from enterprise e
                        where SCOPE(e.region_code, e.uscc) and e.zone_id = :z order by e.name, e.id limit 200""")
                .param("z", id)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list());
        model.addAttribute("editable", mayEdit(z, scope));
        return "region/zone";
    }

    @GetMapping("/zones/new")
    @PreAuthorize(RegionController.ADMINS)
    String create(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Zones.Input("", "INDUSTRIAL_PARK", RegionController.rootCode(), null, ""));
        }
        model.addAttribute("kinds", Zones.Kind.values());
        model.addAttribute("zoneId", null);
        model.addAttribute("version", 0);
        return "region/zone-edit";
    }

    @PostMapping("/zones")
    @PreAuthorize(RegionController.ADMINS)
    String save(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String regionCode, @RequestParam(required = false) String starRating,
                @RequestParam(required = false) String geojson, RedirectAttributes redirect) {
        required(name, "name");
        required(kind, "kind");
        required(regionCode, "regionCode");
        Zones.Input in = new Zones.Input(name, kind, regionCode, null, geojson);
        try {
            in = new Zones.Input(name, kind, regionCode, star(starRating), geojson);
            Zones.Zone z = zones.create(in, jurisdiction.current(), actor());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/zones/" + z.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", in);
            return "redirect:/zones/new";
        }
    }

    @GetMapping("/zones/{id}/edit")
    @PreAuthorize(RegionController.ADMINS)
    String edit(@PathVariable long id, Model model) {
        Scope scope = jurisdiction.current();
        Zones.Zone z = zones.find(id, scope).filter(x -> mayEdit(x, scope)).orElseThrow(() -> new Zones.NotFound(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Zones.Input(z.name(), z.kind().name(), z.regionCode(), z.starRating(), z.geojson()));
        }
        model.addAttribute("kinds", Zones.Kind.values());
        model.addAttribute("zoneId", id);
        model.addAttribute("version", z.version());
        return "region/zone-edit";
    }

    /** A stale version is answered 409 by the error advice (optimistic locking). */
    @PostMapping("/zones/{id}")
    @PreAuthorize(RegionController.ADMINS)
    String update(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String regionCode,
                  @RequestParam(required = false) String starRating, @RequestParam(required = false) String geojson,
                  RedirectAttributes redirect) {
        Scope scope = jurisdiction.current();
        zones.find(id, scope).filter(z -> mayEdit(z, scope)).orElseThrow(() -> new Zones.NotFound(id));
        required(version, "version");
        required(name, "name");
        required(kind, "kind");
        required(regionCode, "regionCode");
        Zones.Input in = new Zones.Input(name, kind, regionCode, null, geojson);
        try {
            in = new Zones.Input(name, kind, regionCode, star(starRating), geojson);
            zones.update(id, version, in, scope, actor());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/zones/" + id;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", in);
            return "redirect:/zones/" + id + "/edit";
        }
    }

    static boolean mayEdit(Zones.Zone z, Scope scope) {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && u.role().isAdmin() && scope.coversRegion(z.regionCode());
    }

    /** The star field of the form: blank is none. */
    static Integer star(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("星级应为1至5的整数 / the star rating must be a whole number 1 to 5");
        }
    }

    static String actor() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null ? "system" : u.username();
    }

    /** A form field the handler needs; checked after the role check, so a refused role gets 403, a bad form 400. */
    static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException("缺少必填项 " + field + " / " + field + " is required");
        }
        return value;
    }
}
