package org.mujun.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of screening and the closed loop (SPEC §6, §10). Errors are problem details: 400 bad input, 403 a role
 * that may not, 404 outside the jurisdiction, 409 a move the state does not allow or a stale version.
 */
@RestController
@RequestMapping("/api/v1/screening")
class ScreeningApiController {

    private final Screenings screenings;
    private final ScreeningRuleSets ruleSets;
    private final ScreeningCases cases;
    private final RemediationPlans plans;
    private final Remediation remediation;
    private final ScreeningTotals totals;
    private final Jurisdiction jurisdiction;

    ScreeningApiController(Screenings screenings, ScreeningRuleSets ruleSets, ScreeningCases cases, RemediationPlans plans, Remediation remediation,
                           ScreeningTotals totals, Jurisdiction jurisdiction) {
        this.screenings = screenings;
        this.ruleSets = ruleSets;
        this.cases = cases;
        this.plans = plans;
        this.remediation = remediation;
        this.totals = totals;
        this.jurisdiction = jurisdiction;
    }

    record RunRequest(String region, Integer year) {
    }

    record RulesRequest(Integer year, Integer version, ScreeningRules rules) {
    }

    record MilestoneRequest(String title, LocalDate deadline, String responsibleUnit) {
    }

    record PlanRequest(Integer version, String approach, String measures, BigDecimal freedMu, BigDecimal freedTce, BigDecimal cutCo2T,
                       BigDecimal taxUpliftWan, List<MilestoneRequest> milestones) {
    }

    record ProgressRequest(Integer percent, String note) {
    }

    @GetMapping("/cases")
    @PreAuthorize(ScreeningWeb.READ)
    ScreeningCases.Page list(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                             @RequestParam(required = false) String state, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        CaseState st = state == null || state.isBlank() ? null : parseState(state);
        return cases.list(new ScreeningCases.Filter(region, year, st, q, false), page, size, jurisdiction.current());
    }

    static CaseState parseState(String s) {
        try {
            return CaseState.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知状态 / unknown state '" + s + "'; one of " + java.util.Arrays.toString(CaseState.values()));
        }
    }

    /** One case with its history, evidence, plan (with milestones and progress) and merger. */
    @GetMapping("/cases/{id}")
    @PreAuthorize(ScreeningWeb.READ)
    Map<String, Object> one(@PathVariable long id) {
        Scope scope = jurisdiction.current();
        ScreeningCases.Case c = cases.get(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", c);
        m.put("allowedActions", c.state().allowed().stream().map(CaseAction::slug).toList());
        m.put("transitions", cases.transitions(id, scope));
        m.put("evidence", cases.evidence(id, scope));
        RemediationPlans.Plan p = plans.ofCase(id, scope).orElse(null);
        m.put("plan", p);
        m.put("progress", p == null ? List.of() : plans.progress(p.id(), scope));
        m.put("merger", remediation.merger(id, scope).orElse(null));
        return m;
    }

    /** A move (confirm, reject, list, …): form or multipart fields {@code version}, {@code reason}, {@code files}. */
    @PostMapping("/cases/{id}/actions/{action}")
    @PreAuthorize(ScreeningWeb.ACT)
    ScreeningCases.Case act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) Integer version,
                            @RequestParam(required = false) String reason, @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        cases.get(id);
        return remediation.act(id, CaseAction.parse(action), new ScreeningCases.Move(version, reason, files), ScreeningWeb.user());
    }

    /** 兼并重组: fields {@code acquirer} (USCC), {@code reason} (the reward basis), {@code version}, {@code files}. */
    @PostMapping("/cases/{id}/merger")
    @PreAuthorize(ScreeningWeb.ADMIN)
    ScreeningCases.Case merge(@PathVariable long id, @RequestParam(required = false) String acquirer, @RequestParam(required = false) String reason,
                              @RequestParam(required = false) Integer version, @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        cases.get(id);
        return remediation.merge(id, acquirer, reason, version, files, ScreeningWeb.user());
    }

    @PutMapping("/cases/{id}/plan")
    @PreAuthorize(ScreeningWeb.ACT)
    RemediationPlans.Plan plan(@PathVariable long id, @RequestBody(required = false) PlanRequest body) {
        cases.get(id); // 404 before the body is checked
        PlanRequest b = ScreeningWeb.body(body);
        List<RemediationPlans.MilestoneDraft> ms = new ArrayList<>();
        for (MilestoneRequest m : b.milestones() == null ? List.<MilestoneRequest>of() : b.milestones()) {
            ms.add(new RemediationPlans.MilestoneDraft(m.title(), m.deadline(), m.responsibleUnit()));
        }
        return plans.save(id, b.version(), new RemediationPlans.Draft(b.approach() == null ? null : Approach.parse(b.approach()), b.measures(),
                b.freedMu(), b.freedTce(), b.cutCo2T(), b.taxUpliftWan(), ms), ScreeningWeb.user());
    }

    @PostMapping("/milestones/{id}/progress")
    @PreAuthorize(ScreeningWeb.ACT)
    RemediationPlans.Milestone progress(@PathVariable long id, @RequestBody(required = false) ProgressRequest body) {
        ProgressRequest b = body == null ? new ProgressRequest(null, null) : body;
        return plans.report(id, b.percent(), b.note(), ScreeningWeb.user());
    }

    @PostMapping("/runs")
    @PreAuthorize(ScreeningWeb.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    Screenings.RunSummary run(@RequestBody(required = false) RunRequest body) {
        RunRequest b = ScreeningWeb.body(body);
        if (b.region() == null || b.year() == null) {
            throw new IllegalArgumentException("请求体需包含 region 和 year / the body must contain region and year");
        }
        return screenings.run(b.region().trim(), b.year(), ScreeningWeb.user().username(), jurisdiction.current());
    }

    @GetMapping("/runs")
    @PreAuthorize(ScreeningWeb.SETTINGS)
    List<Screenings.RunSummary> runs() {
        return screenings.list(jurisdiction.current(), 100);
    }

    @GetMapping("/rules")
    @PreAuthorize(ScreeningWeb.SETTINGS)
    ScreeningRuleSets.Effective rules(@RequestParam(required = false) Integer year) {
        return ruleSets.effective(ScreeningWeb.userRegion(), year == null ? ScreeningController.lastYear() : year);
    }

    @PutMapping("/rules")
    @PreAuthorize(ScreeningWeb.ADMIN)
    ScreeningRuleSets.Effective saveRules(@RequestBody(required = false) RulesRequest body) {
        RulesRequest b = ScreeningWeb.body(body);
        if (b.year() == null || b.rules() == null) {
            throw new IllegalArgumentException("请求体需包含 year 和 rules / the body must contain year and rules");
        }
        return ruleSets.save(ScreeningWeb.userRegion(), b.year(), b.rules(), b.version(), ScreeningWeb.user().username());
    }

    /** The 《高耗低效企业清单》: cases ever listed. */
    @GetMapping("/list")
    @PreAuthorize(ScreeningWeb.OFFICIALS)
    ScreeningCases.Page listed(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return cases.list(new ScreeningCases.Filter(region, year, null, null, true), page, size, jurisdiction.current());
    }

    @GetMapping("/overdue")
    @PreAuthorize(ScreeningWeb.OFFICIALS)
    List<RemediationPlans.Overdue> overdue(@RequestParam(required = false) String region) {
        return plans.overdue(region, jurisdiction.current());
    }

    @GetMapping("/totals")
    @PreAuthorize(ScreeningWeb.OFFICIALS)
    List<ScreeningTotals.Row> totals(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        return totals.byRegion(region == null || region.isBlank() ? ScreeningWeb.userRegion() : region.trim(), year, jurisdiction.current());
    }
}
