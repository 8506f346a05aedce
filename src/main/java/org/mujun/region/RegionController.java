package org.mujun.region;

import java.util.List;
import java.util.Map;
import org.mujun.common.NavLink;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The regions tree from the user's own region downward, a region's page and the htmx children fragment. */
@Controller
class RegionController {

    static final String BUSINESS = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";
    /** Reference data (region codes) also for data providers, who fill town codes into templates. */
    static final String READERS = "isAuthenticated() and !hasRole('SECURITY_ADMIN')";
    static final String ADMINS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN')";

    private final Regions regions;
    private final RegionCounts counts;
    private final Zones zones;
    private final Jurisdiction jurisdiction;

    RegionController(Regions regions, RegionCounts counts, Zones zones, Jurisdiction jurisdiction) {
        this.regions = regions;
        this.counts = counts;
        this.zones = zones;
        this.jurisdiction = jurisdiction;
    }

    @Bean
    static NavLink regionNavLink() {
        return new NavLink(10, "nav.regions", "/regions", NavLink.BUSINESS);
    }

    /** A region with its counts and whether it has children (for the expand button). */
    record Node(Region region, RegionCounts.Counts counts, boolean hasChildren) {
    }

    @GetMapping("/regions")
    @PreAuthorize(BUSINESS)
    String tree(Model model) {
        Scope scope = jurisdiction.current();
        Region root = visible(rootCode(), scope);
        model.addAttribute("root", new Node(root, counts.of(root.code(), scope), !regions.children(root.code()).isEmpty()));
        model.addAttribute("children", children(root.code(), scope));
        model.addAttribute("path", regions.path(root.code()));
        return "region/tree";
    }

    @GetMapping("/regions/{code}/children")
    @PreAuthorize(BUSINESS)
    String childrenFragment(@PathVariable String code, Model model) {
        Scope scope = jurisdiction.current();
        visible(code, scope);
        model.addAttribute("children", children(code, scope));
        return "region/tree :: children";
    }

    @GetMapping("/regions/{code}")
    @PreAuthorize(BUSINESS)
    String region(@PathVariable String code, Model model) {
        Scope scope = jurisdiction.current();
        Region r = visible(code, scope);
        model.addAttribute("node", new Node(r, counts.of(r.code(), scope), !regions.children(r.code()).isEmpty()));
        model.addAttribute("path", regions.path(r.code()));
        model.addAttribute("children", children(r.code(), scope));
        model.addAttribute("zones", zones.list(scope, r.code(), null).stream()
                .filter(z -> z.regionCode().startsWith(r.code())).toList());
        model.addAttribute("scopePrefix", scope.regionPrefix());
        return "region/region";
    }

    List<Node> children(String code, Scope scope) {
        List<Region> kids = regions.children(code);
        if (kids.isEmpty()) {
            return List.of();
        }
        Map<String, RegionCounts.Counts> c = counts.byPrefix(code, kids.get(0).code().length(), scope);
        return kids.stream().filter(k -> scope.coversRegion(k.code()))
                .map(k -> new Node(k, c.getOrDefault(k.code(), RegionCounts.Counts.ZERO), !k.level().equals("town")))
                .toList();
    }

    /** The region when it lies inside the user's region; otherwise 404 (never 403, SPEC §1). */
    Region visible(String code, Scope scope) {
        if (code == null || !scope.coversRegion(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "区划不存在或不在管辖范围内 / region not found");
        }
        return regions.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "区划不存在 / region not found"));
    }

    static String rootCode() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null ? null : u.regionCode();
    }
}
