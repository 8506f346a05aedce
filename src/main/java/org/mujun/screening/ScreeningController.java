package org.mujun.screening;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mujun.attachment.Attachments;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of 高耗低效 screening and the closed loop (SPEC §6). */
@Controller
class ScreeningController {

    static final String STALE = "记录已被他人修改，请刷新后重试（您的修改未保存） / the record was changed by someone else; reload and try again (your change was not saved)";

    private final Screenings screenings;
    private final ScreeningRuleSets ruleSets;
    private final ScreeningCases cases;
    private final RemediationPlans plans;
    private final Remediation remediation;
    private final ScreeningTotals totals;
    private final Jurisdiction jurisdiction;
    private final Attachments attachments;
    private final MessageSource messages;
    private final org.mujun.target.Targets targets;

    ScreeningController(org.mujun.target.Targets targets, Screenings screenings, ScreeningRuleSets ruleSets, ScreeningCases cases, RemediationPlans plans, Remediation remediation,
                        ScreeningTotals totals, Jurisdiction jurisdiction, Attachments attachments, MessageSource messages) {
        this.screenings = screenings;
        this.ruleSets = ruleSets;
        this.cases = cases;
        this.plans = plans;
        this.remediation = remediation;
        this.totals = totals;
        this.jurisdiction = jurisdiction;
        this.attachments = attachments;
        this.messages = messages;
        this.targets = targets;
    }

    static int lastYear() {
        return LocalDate.now(ScreeningCases.ZONE).getYear() - 1;
    }

    @GetMapping("/screening")
    @PreAuthorize(ScreeningWeb.READ)
    String index(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) String state, @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        CaseState st = state == null || state.isBlank() ? null : CaseState.valueOf(state);
        Scope scope = jurisdiction.current();
        model.addAttribute("listing", cases.list(new ScreeningCases.Filter(region, year, st, q, false), page, 50, scope));
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("year", year);
        model.addAttribute("state", state == null ? "" : state);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("runs", screenings.list(scope, 10));
        model.addAttribute("defaultYear", lastYear());
        model.addAttribute("userRegion", ScreeningWeb.userRegion());
        return "screening/index";
    }

    @PostMapping("/screening/run")
    @PreAuthorize(ScreeningWeb.ADMIN)
    String run(@RequestParam(required = false) String region, @RequestParam(required = false) String year, RedirectAttributes redirect) {
        try {
            Integer y = ScreeningWeb.integer(year, msg("screening.year"));
            String r = region == null || region.isBlank() ? ScreeningWeb.userRegion() : region.trim();
            Screenings.RunSummary s = screenings.run(r, y == null ? lastYear() : y, ScreeningWeb.user().username(), jurisdiction.current());
            redirect.addFlashAttribute("ok", messages.getMessage("screening.ran", new Object[]{s.id(), s.regionCode(), s.year(), s.enterprises(),
                    s.candidates(), s.created(), s.skipped()}, LocaleContextHolder.getLocale()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/screening";
    }

    @GetMapping("/screening/rules")
    @PreAuthorize(ScreeningWeb.SETTINGS)
    String rules(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? lastYear() : year;
        String region = ScreeningWeb.userRegion();
        ScreeningRuleSets.Effective e = ruleSets.effective(region, y);
        model.addAttribute("e", e);
        model.addAttribute("r", e.rules());
        model.addAttribute("year", y);
        model.addAttribute("region", region);
        model.addAttribute("own", e.own(region));
        model.addAttribute("ruleCodes", RuleCode.values());
        return "screening/rules";
    }

    @PostMapping("/screening/rules")
    @PreAuthorize(ScreeningWeb.ADMIN)
    String saveRules(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        Integer year = null;
        try {
            year = ScreeningWeb.integer(f.get("year"), msg("screening.year"));
            if (year == null) {
                throw new IllegalArgumentException(msg("screening.year") + "：必填 / required");
            }
            ScreeningRules r = ScreeningWeb.rules(f);
            ruleSets.save(ScreeningWeb.userRegion(), year, r, ScreeningWeb.integer(f.get("version"), "version"), ScreeningWeb.user().username());
            redirect.addFlashAttribute("ok", msg("screening.saved"));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", STALE);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/screening/rules" + (year == null ? "" : "?year=" + year);
    }

    @GetMapping("/screening/list")
    @PreAuthorize(ScreeningWeb.OFFICIALS)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("listing", cases.list(new ScreeningCases.Filter(region, year, null, null, true), page, 100, jurisdiction.current()));
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("year", year);
        return "screening/list";
    }

    @GetMapping("/screening/list/export")
    @PreAuthorize(ScreeningWeb.OFFICIALS)
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        Scope scope = jurisdiction.current();
        List<ScreeningCases.Case> rows = new ArrayList<>();
        cases.forEach(new ScreeningCases.Filter(region, year, null, null, true), scope, rows::add);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode("高耗低效企业清单.xlsx",
                java.nio.charset.StandardCharsets.UTF_8));
        ScreeningWeb.writeList(response.getOutputStream(), rows, id -> plans.ofCase(id, scope).orElse(null));
    }

    @GetMapping("/screening/cases/{id}")
    @PreAuthorize(ScreeningWeb.READ)
    String caseView(@PathVariable long id, Model model) {
        Scope scope = jurisdiction.current();
        MujunUser u = ScreeningWeb.user();
        ScreeningCases.Case c = cases.get(id);
        model.addAttribute("c", c);
        model.addAttribute("history", cases.transitions(id, scope));
        model.addAttribute("evidence", cases.evidence(id, scope));
        RemediationPlans.Plan plan = plans.ofCase(id, scope).orElse(null);
        model.addAttribute("plan", plan);
        model.addAttribute("progress", plan == null ? List.of() : plans.progress(plan.id(), scope));
        model.addAttribute("merger", remediation.merger(id, scope).orElse(null));
        model.addAttribute("actions", c.state().allowed().stream().filter(a -> ScreeningCases.mayAct(a, u) && a != CaseAction.MERGE).toList());
        model.addAttribute("canMerge", c.state().allowed().contains(CaseAction.MERGE) && ScreeningCases.mayAct(CaseAction.MERGE, u));
        model.addAttribute("canEditPlan", c.state().planEditable() && ScreeningCases.mayAct(CaseAction.SUBMIT_PLAN, u));
        model.addAttribute("canReport", c.state().progressOpen() && ScreeningCases.mayAct(CaseAction.START, u));
        model.addAttribute("approaches", Approach.values());
        model.addAttribute("maxSize", attachments.maxSizeText());
        model.addAttribute("maxFiles", attachments.maxFiles());
        model.addAttribute("today", LocalDate.now(ScreeningCases.ZONE));
        return "screening/case";
    }

    @PostMapping("/screening/cases/{id}/actions/{action}")
    @PreAuthorize(ScreeningWeb.ACT)
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
               @RequestParam(required = false) String version, @RequestParam(name = "files", required = false) List<MultipartFile> files,
               RedirectAttributes redirect) {
        cases.get(id); // 404 outside the jurisdiction before anything else
        try {
            CaseAction a = CaseAction.parse(action);
            ScreeningCases.Case c = remediation.act(id, a, new ScreeningCases.Move(ScreeningWeb.integer(version, "version"), reason, files), ScreeningWeb.user());
            redirect.addFlashAttribute("ok", msg("screening.moved") + " " + c.state().nameZh());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", STALE);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/screening/cases/" + id;
    }

    @PostMapping("/screening/cases/{id}/merger")
    @PreAuthorize(ScreeningWeb.ADMIN)
    String merge(@PathVariable long id, @RequestParam(required = false) String acquirer, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String version, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                 RedirectAttributes redirect) {
        cases.get(id);
        try {
            remediation.merge(id, acquirer, reason, ScreeningWeb.integer(version, "version"), files, ScreeningWeb.user());
            redirect.addFlashAttribute("ok", msg("screening.merged"));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", STALE);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/screening/cases/" + id;
    }

    @PostMapping("/screening/cases/{id}/plan")
    @PreAuthorize(ScreeningWeb.ACT)
    String savePlan(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        cases.get(id);
        try {
            plans.save(id, ScreeningWeb.integer(f.get("version"), "version"), draft(f), ScreeningWeb.user());
            redirect.addFlashAttribute("ok", msg("screening.saved"));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", msg("screening.plan.stale"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/screening/cases/" + id;
    }

    /** The plan form: fields plus milestone rows m{i}.title / m{i}.deadline / m{i}.unit for i = 0… */
    RemediationPlans.Draft draft(Map<String, String> f) {
        List<RemediationPlans.MilestoneDraft> ms = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String t = f.get("m" + i + ".title");
            String d = f.get("m" + i + ".deadline");
            String u = f.get("m" + i + ".unit");
            if ((t == null || t.isBlank()) && (d == null || d.isBlank()) && (u == null || u.isBlank())) {
                continue;
            }
            ms.add(new RemediationPlans.MilestoneDraft(t, ScreeningWeb.date(d, msg("screening.plan.deadline")), u));
        }
        String a = f.get("approach");
        return new RemediationPlans.Draft(a == null || a.isBlank() ? null : Approach.parse(a), f.get("measures"),
                ScreeningWeb.number(f.get("freedMu"), msg("screening.plan.freedMu")), ScreeningWeb.number(f.get("freedTce"), msg("screening.plan.freedTce")),
                ScreeningWeb.number(f.get("cutCo2T"), msg("screening.plan.cutCo2")), ScreeningWeb.number(f.get("taxUpliftWan"), msg("screening.plan.taxUplift")), ms);
    }

    @PostMapping("/screening/milestones/{id}/progress")
    @PreAuthorize(ScreeningWeb.ACT)
    String progress(@PathVariable long id, @RequestParam(required = false) String percent, @RequestParam(required = false) String note,
                    @RequestParam(required = false) Long caseId, RedirectAttributes redirect) {
        try {
            plans.report(id, ScreeningWeb.integer(percent, msg("screening.plan.percent")), note, ScreeningWeb.user());
            redirect.addFlashAttribute("ok", msg("screening.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return caseId == null ? "redirect:/screening/overdue" : "redirect:/screening/cases/" + caseId;
    }

    @GetMapping("/screening/cases/{id}/evidence/{aid}")
    @PreAuthorize(ScreeningWeb.READ)
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long aid) {
        cases.get(id);
        return attachments.find(ScreeningCases.OWNER, id, aid).map(Attachments::response)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "附件不存在 / attachment not found"));
    }

    @GetMapping("/screening/overdue")
    @PreAuthorize(ScreeningWeb.OFFICIALS)
    String overdue(@RequestParam(required = false) String region, Model model) {
        model.addAttribute("rows", plans.overdue(region, jurisdiction.current()));
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("today", LocalDate.now(ScreeningCases.ZONE));
        return "screening/overdue";
    }

    @PostMapping("/screening/overdue/check")
    @PreAuthorize(ScreeningWeb.ADMIN)
    String check(RedirectAttributes redirect) {
        RemediationPlans.CheckSummary s = plans.check(LocalDate.now(ScreeningCases.ZONE), ScreeningWeb.user().username());
        redirect.addFlashAttribute("ok", messages.getMessage("screening.overdue.checked", new Object[]{s.milestones(), s.overdue(), s.newly()},
                LocaleContextHolder.getLocale()));
        return "redirect:/screening/overdue";
    }

    @GetMapping("/screening/totals")
    @PreAuthorize(ScreeningWeb.OFFICIALS)
    String totals(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year, Model model) {
        String r = region == null || region.isBlank() ? ScreeningWeb.userRegion() : region.trim();
        Scope scope = jurisdiction.current();
        model.addAttribute("rows", totals.byRegion(r, year, scope));
        model.addAttribute("region", r);
        model.addAttribute("year", year);
        int targetYear = year == null ? LocalDate.now(ScreeningCases.ZONE).getYear() : year;
        List<Map<String, Object>> against = new ArrayList<>();
        if (scope.coversRegion(r)) {
            for (org.mujun.target.TargetIndicator i : List.of(org.mujun.target.TargetIndicator.ENTERPRISES_REMEDIATED,
                    org.mujun.target.TargetIndicator.LAND_FREED_MU, org.mujun.target.TargetIndicator.ENERGY_FREED_TCE,
                    org.mujun.target.TargetIndicator.CO2_CUT_T)) {
                java.math.BigDecimal actual = totals.actual(i, r, targetYear).orElse(java.math.BigDecimal.ZERO);
                java.math.BigDecimal target = targets.find(scope, r, i, targetYear).map(org.mujun.target.Targets.Target::value).orElse(null);
                Map<String, Object> row = new java.util.HashMap<>();
                row.put("indicator", i);
                row.put("actual", actual.toPlainString());
                row.put("target", target == null ? null : target.stripTrailingZeros().toPlainString());
                row.put("percent", target == null || target.signum() == 0 ? null
                        : actual.multiply(java.math.BigDecimal.valueOf(100)).divide(target, 1, java.math.RoundingMode.HALF_UP).toPlainString());
                against.add(row);
            }
        }
        model.addAttribute("against", against);
        model.addAttribute("targetYear", targetYear);
        return "screening/totals";
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
