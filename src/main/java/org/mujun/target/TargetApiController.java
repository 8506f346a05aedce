package org.mujun.target;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.security.Jurisdiction;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of targets and their progress (SPEC §8, §10). A stale version is 409; bad input 400; a region outside the jurisdiction 404. */
@RestController
@RequestMapping("/api/v1/targets")
class TargetApiController {

    private final Targets targets;
    private final TargetBoard board;
    private final Jurisdiction jurisdiction;

    TargetApiController(Targets targets, TargetBoard board, Jurisdiction jurisdiction) {
        this.targets = targets;
        this.board = board;
        this.jurisdiction = jurisdiction;
    }

    record SetRequest(String regionCode, String indicator, Integer year, BigDecimal value, String note, Integer version) {
    }

    /** The targets of a region and every region below it (default: the user's region), optionally of one year. */
    @GetMapping
    @PreAuthorize(TargetWeb.READ)
    Map<String, Object> list(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        String r = board.region(jurisdiction.current(), region);
        return Map.of("region", r, "items", targets.list(jurisdiction.current(), r, year));
    }

    /**
     * Sets one target (creates it, or replaces it when {@code version} matches). The answer carries the
     * decomposition check of the parent for the indicator: whether the children now add up.
     */
    @PutMapping
    @PreAuthorize(TargetWeb.WRITE)
    Map<String, Object> set(@RequestBody(required = false) SetRequest b) {
        b = TargetWeb.body(b);
        if (b.year() == null) {
            throw new IllegalArgumentException("缺少年度 / the year is required");
        }
        TargetIndicator indicator = TargetIndicator.parse(b.indicator());
        Targets.Target t = targets.set(jurisdiction.current(), b.regionCode(), indicator, b.year(), b.value(), b.note(), TargetWeb.actor(),
                b.version());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", t);
        out.put("children", board.check(jurisdiction.current(), t.regionCode(), indicator, t.year()));
        String parent = board.parent(t.regionCode());
        if (parent != null && jurisdiction.current().coversRegion(parent)) {
            out.put("parent", board.check(jurisdiction.current(), parent, indicator, t.year()));
        }
        return out;
    }

    /** Actual against target for the region and each child region, with the decomposition checks. */
    @GetMapping("/progress")
    @PreAuthorize(TargetWeb.READ)
    TargetBoard.Overview progress(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        return board.overview(jurisdiction.current(), region, year == null ? board.today().getYear() : year);
    }

    /** The indicators: code, names, unit, whether additive and whether higher is better. */
    @GetMapping("/indicators")
    @PreAuthorize(TargetWeb.READ)
    List<Map<String, Object>> indicators() {
        return java.util.Arrays.stream(TargetIndicator.values()).map(i -> Map.<String, Object>of("code", i.name(), "nameZh", i.nameZh(),
                "nameEn", i.nameEn(), "unit", i.unit(), "additive", i.additive(), "higherIsBetter", i.higherIsBetter())).toList();
    }
}
