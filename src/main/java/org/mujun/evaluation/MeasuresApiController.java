package org.mujun.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.MeasureSettings.MeasuresVersion;
import org.mujun.evaluation.RunMeasures.ListKind;
import org.mujun.evaluation.RunMeasures.Listing;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** REST API of 差别化要素配置 (SPEC §5, §10): settings per region and year, and a run's lists. */
@RestController
@RequestMapping("/api/v1/evaluation")
class MeasuresApiController {

    private final MeasureSettings settings;
    private final RunMeasures runMeasures;
    private final Jurisdiction jurisdiction;

    MeasuresApiController(MeasureSettings settings, RunMeasures runMeasures, Jurisdiction jurisdiction) {
        this.settings = settings;
        this.runMeasures = runMeasures;
        this.jurisdiction = jurisdiction;
    }

    record SaveRequest(Measures measures, String note) {
    }

    @GetMapping("/measures")
    @PreAuthorize(PublicationController.OFFICIALS)
    List<MeasuresVersion> list(@RequestParam(required = false) String region, @RequestParam(required = false) String year) {
        return settings.list(PublicationController.region(region), PublicationController.year(year));
    }

    /** The measures that apply to a region and year (configured here or for an enclosing region) and this region's versions. */
    @GetMapping("/measures/{region}/{year}")
    @PreAuthorize(PublicationController.OFFICIALS)
    Map<String, Object> get(@PathVariable String region, @PathVariable int year) {
        requireVisible(region);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicable", settings.applicable(region, year).orElse(null));
        m.put("versions", settings.versions(region, year));
        return m;
    }

    /** Saves a new version: {@code {"measures": {"highestOnly": false, "classes": [...]}, "note": "…"}}. */
    @PutMapping("/measures/{region}/{year}")
    @PreAuthorize(PublicationController.ADMINS)
    MeasuresVersion save(@PathVariable String region, @PathVariable int year, @RequestBody(required = false) SaveRequest body) {
        requireVisible(region);
        if (body == null || body.measures() == null) {
            throw new IllegalArgumentException("请求体须包含 measures / the body must contain measures");
        }
        return settings.save(region, year, body.measures(), body.note(), PublicationController.actor());
    }

    @GetMapping("/runs/{id}/measures")
    @PreAuthorize(PublicationController.READERS)
    Map<String, Object> lists(@PathVariable long id, @RequestParam(defaultValue = "ELECTRICITY") ListKind list,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        MeasuresController.requireTaxSight(list);
        Listing l = runMeasures.list(id, list);
        int s = Math.max(1, Math.min(size, 1000));
        int p = Math.max(0, page);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", id);
        m.put("list", list);
        m.put("runStatus", l.run().header().status());
        m.put("measuresSource", l.applied().version() == null ? "scheme" : "configured");
        m.put("measuresVersion", l.applied().version());
        m.put("measures", l.applied().measures());
        m.put("previousFinalYears", l.previousFinalYears());
        m.put("totals", l.totals());
        m.put("items", l.rows().stream().skip((long) p * s).limit(s).toList());
        m.put("page", p);
        m.put("size", s);
        m.put("total", l.rows().size());
        return m;
    }

    private void requireVisible(String region) {
        Scope s = jurisdiction.current();
        if (region == null || !region.matches("\\d{2,12}") || s.regionPrefix() == null
                || !(region.startsWith(s.regionPrefix()) || s.regionPrefix().startsWith(region))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "区划不存在或不在管辖范围内 / region not found");
        }
    }
}
