package org.mujun.energy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.energy.CarbonEfficiency.Config;
import org.mujun.energy.CarbonEfficiency.Level;
import org.mujun.energy.CarbonEfficiencyCodes.Listing;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of 碳效码 (SPEC §4, §10). */
@RestController
@RequestMapping("/api/v1/energy/carbon-efficiency")
class CarbonEfficiencyApiController {

    private final CarbonEfficiencyCodes codes;
    private final CarbonEfficiencySettings settings;

    CarbonEfficiencyApiController(CarbonEfficiencyCodes codes, CarbonEfficiencySettings settings) {
        this.codes = codes;
        this.settings = settings;
    }

    record SaveRequest(Config config, String note) {
    }

    @GetMapping
    @PreAuthorize(EnergyApiController.BUSINESS)
    Map<String, Object> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                             @RequestParam(required = false) String industry, @RequestParam(required = false) Integer grade,
                             @RequestParam(required = false) Level level, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        int y = year != null ? year : codes.latestYear().orElse(java.time.Year.now().getValue() - 1);
        Listing l = codes.list(y, new CarbonEfficiencyCodes.Filter(region, industry, grade, level));
        int s = Math.max(1, Math.min(size, 1000));
        int p = Math.max(0, page);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", y);
        m.put("settingsVersion", l.settingsVersion());
        m.put("coefficientVersion", l.coefficientVersion());
        m.put("gradeCounts", l.gradeCounts());
        m.put("withoutGrade", l.withoutGrade());
        m.put("items", l.rows().stream().skip((long) p * s).limit(s).toList());
        m.put("page", p);
        m.put("size", s);
        m.put("total", l.rows().size());
        return m;
    }

    /** Counts per grade per region: {@code length} 2, 4, 6 or 9 (default the level below the user's region). */
    @GetMapping("/distribution")
    @PreAuthorize(EnergyApiController.BUSINESS)
    Map<String, Object> distribution(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int length,
                                     @RequestParam(required = false) String region) {
        int y = year != null ? year : codes.latestYear().orElse(java.time.Year.now().getValue() - 1);
        int len = CarbonEfficiencyController.length(length);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", y);
        m.put("length", len);
        m.put("gradeColours", settings.current().config().gradeColours());
        m.put("regions", codes.distribution(y, len, region));
        return m;
    }

    @GetMapping("/config")
    @PreAuthorize(EnergyApiController.VIEWERS)
    List<CarbonEfficiencySettings.Version> config() {
        return settings.versions();
    }

    /** Saves a new version: {@code {"config": {"levelMax": [0.6, 2.0], "gradeMax": [...4], "levelColours": [...3], "gradeColours": [...5]}, "note": "…"}}. */
    @PutMapping("/config")
    @PreAuthorize(EnergyApiController.EDITORS)
    CarbonEfficiencySettings.Version save(@RequestBody(required = false) SaveRequest body) {
        if (body == null || body.config() == null) {
            throw new IllegalArgumentException("请求体须包含 config / the body must contain config");
        }
        return settings.save(body.config(), body.note(), EnergyApiController.actor());
    }
}
