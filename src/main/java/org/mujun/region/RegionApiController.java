package org.mujun.region;

import java.util.List;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of regions (SPEC §2, §10): the user's region and everything under it. Counts of
 * enterprises and parcels are business data and given only to roles that see it (null otherwise).
 */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApiController {

    private final Regions regions;
    private final RegionController pages;
    private final RegionCounts counts;
    private final Jurisdiction jurisdiction;

    RegionApiController(Regions regions, RegionController pages, RegionCounts counts, Jurisdiction jurisdiction) {
        this.regions = regions;
        this.pages = pages;
        this.counts = counts;
        this.jurisdiction = jurisdiction;
    }

    record Item(String code, String name, String level, String parentCode, RegionCounts.Counts counts) {
    }

    record PathItem(String code, String name, String level) {
    }

    record Detail(String code, String name, String level, String parentCode, List<PathItem> path, RegionCounts.Counts counts,
                  List<Item> children) {
    }

    /** Without {@code parent}: the user's own region; with it: that region's children. */
    @GetMapping
    @PreAuthorize(RegionController.READERS)
    List<Item> list(@RequestParam(required = false) String parent) {
        Scope scope = jurisdiction.current();
        if (parent == null || parent.isBlank()) {
            Region root = pages.visible(RegionController.rootCode(), scope);
            return List.of(item(root, scope.businessData() ? counts.of(root.code(), scope) : null));
        }
        Region p = pages.visible(parent.trim(), scope);
        return children(p.code(), scope);
    }

    @GetMapping("/{code}")
    @PreAuthorize(RegionController.READERS)
    Detail region(@PathVariable String code) {
        Scope scope = jurisdiction.current();
        Region r = pages.visible(code, scope);
        return new Detail(r.code(), r.name(), r.level(), r.parentCode(),
                regions.path(r.code()).stream().map(x -> new PathItem(x.code(), x.name(), x.level())).toList(),
                scope.businessData() ? counts.of(r.code(), scope) : null, children(r.code(), scope));
    }

    private List<Item> children(String code, Scope scope) {
        if (scope.businessData()) {
            return pages.children(code, scope).stream().map(n -> item(n.region(), n.counts())).toList();
        }
        return regions.children(code).stream().filter(k -> scope.coversRegion(k.code())).map(k -> item(k, null)).toList();
    }

    private static Item item(Region r, RegionCounts.Counts c) {
        return new Item(r.code(), r.name(), r.level(), r.parentCode(), c);
    }
}
