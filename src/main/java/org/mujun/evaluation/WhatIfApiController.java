package org.mujun.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.WhatIf.Grade;
import org.mujun.evaluation.WhatIfComparisons.Mover;
import org.mujun.evaluation.WhatIfComparisons.View;
import org.mujun.security.Jurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the what-if comparison (SPEC §5, §10). */
@RestController
@RequestMapping("/api/v1/evaluation/what-if")
class WhatIfApiController {

    private final WhatIfComparisons comparisons;
    private final Jurisdiction jurisdiction;

    WhatIfApiController(WhatIfComparisons comparisons, Jurisdiction jurisdiction) {
        this.comparisons = comparisons;
        this.jurisdiction = jurisdiction;
    }

    record StartRequest(Long schemeId, Long baseRunId) {
    }

    /** Runs a scheme version as a what-if and compares it with the published run (or {@code baseRunId}). */
    @PostMapping
    @PreAuthorize(PublicationController.ADMINS)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> start(@RequestBody(required = false) StartRequest body) {
        if (body == null || body.schemeId() == null) {
            throw new IllegalArgumentException("请求体须包含 schemeId / the body must contain schemeId");
        }
        Run run = comparisons.start(body.schemeId(), PublicationController.actor());
        return json(comparisons.compare(run.id(), body.baseRunId()));
    }

    @GetMapping("/{runId}")
    @PreAuthorize(PublicationController.OFFICIALS)
    Map<String, Object> compare(@PathVariable long runId, @RequestParam(required = false) Long base) {
        return json(comparisons.compare(runId, base));
    }

    /** The movers (optionally of one cell of the matrix), paged. */
    @GetMapping("/{runId}/movers")
    @PreAuthorize(PublicationController.OFFICIALS)
    Map<String, Object> movers(@PathVariable long runId, @RequestParam(required = false) Long base, @RequestParam(required = false) Grade from,
                               @RequestParam(required = false) Grade to, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "100") int size) {
        View v = comparisons.compare(runId, base);
        List<Mover> all = comparisons.movers(v, from, to, jurisdiction.current());
        int s = Math.max(1, Math.min(size, 1000));
        int p = Math.max(0, page);
        return PublicationController.page(new EvaluationRuns.Page<>(all.stream().skip((long) p * s).limit(s).toList(), p, s, all.size()));
    }

    static Map<String, Object> json(View v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", v.run().id());
        m.put("baseRunId", v.base().id());
        m.put("baseStatus", v.base().header().status());
        m.put("regionCode", v.run().header().regionCode());
        m.put("year", v.run().header().year());
        m.put("measures", v.baseMeasures().version() == null ? "scheme" : "configured v" + v.baseMeasures().version().version()
                + " (" + v.baseMeasures().version().regionCode() + ")");
        m.put("grades", Grade.values());
        m.put("matrix", v.comparison().matrix());
        m.put("movers", v.comparison().moves().size());
        Map<String, BigDecimal> charges = new LinkedHashMap<>();
        charges.put("fromYuan", v.comparison().chargeFromYuan());
        charges.put("toYuan", v.comparison().chargeToYuan());
        charges.put("changeYuan", v.comparison().chargeChangeYuan());
        charges.put("landUseTaxReductionChangeYuan", v.comparison().landUseTaxReductionChangeYuan());
        m.put("charges", charges);
        return m;
    }
}
