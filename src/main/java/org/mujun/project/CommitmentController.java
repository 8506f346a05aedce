package org.mujun.project;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mujun.project.Commitments.ClawbackMode;
import org.mujun.project.Commitments.SourceKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of commitments (承诺) and the credit record / 失信 list. */
@Controller
class CommitmentController {

    static final int CONDITION_ROWS = 5;
    static final int BENEFIT_ROWS = 3;

    private final TrackedCommitments commitments;
    private final CreditRecords credit;
    private final MessageSource messages;
    private final org.mujun.security.Jurisdiction jurisdiction;

    CommitmentController(TrackedCommitments commitments, CreditRecords credit, MessageSource messages, org.mujun.security.Jurisdiction jurisdiction) {
        this.commitments = commitments;
        this.credit = credit;
        this.messages = messages;
        this.jurisdiction = jurisdiction;
    }

    @GetMapping("/commitments")
    @PreAuthorize(ProjectWeb.READ)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
                @RequestParam(required = false) String source, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        TrackedCommitments.Page l = commitments.list(region, status, source, q, Math.max(0, page), 50);
        model.addAttribute("listing", l);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("source", source == null ? "" : source);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pages", ProjectWeb.pages(l.total(), 50));
        model.addAttribute("today", LocalDate.now(TrackedCommitments.ZONE));
        return "project/commitments";
    }

    @GetMapping("/commitments/export")
    @PreAuthorize(ProjectWeb.READ)
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
                @RequestParam(required = false) String source, @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (TrackedCommitments.Row r : commitments.list(region, status, source, q, 0, 1_000_000).items()) {
            rows.add(Arrays.asList(r.id(), r.uscc(), r.enterpriseName(), r.regionCode(), msg("project.cm.source." + r.sourceKind()), r.reference(),
                    msg("project.cm.status." + r.status()), r.lastEvaluatedOn()));
        }
        ProjectWeb.xlsx(response, "commitments.xlsx", msg("project.cm.title"), List.of("#", msg("project.col.uscc"), msg("project.col.investor"),
                msg("project.col.region"), msg("project.cm.source"), msg("project.cm.reference"), msg("project.col.status"), msg("project.cm.lastEvaluated")), rows);
    }

    @PostMapping("/commitments/evaluate")
    @PreAuthorize(ProjectWeb.WRITE)
    String evaluateAll(@RequestParam(required = false) String asOf, RedirectAttributes redirect) {
        try {
            LocalDate d = ProjectWeb.date(asOf, msg("project.cm.asOf"));
            TrackedCommitments.RunSummary s = commitments.evaluateAll(d == null ? LocalDate.now(TrackedCommitments.ZONE) : d, ProjectWeb.actor(),
                    jurisdiction.current());
            redirect.addFlashAttribute("ok", messages.getMessage("project.cm.ran", new Object[]{s.asOf(), s.evaluated(), s.met(), s.breached(), s.pending()},
                    LocaleContextHolder.getLocale()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/commitments";
    }

    @GetMapping("/commitments/new")
    @PreAuthorize(ProjectWeb.WRITE)
    String newForm(Model model) {
        return form(model, Map.of("interestPercent", Commitments.ClawbackRule.defaults().annualInterestPercent().toPlainString(),
                "dayCountBasis", "360", "clawbackMode", "PRO_RATA", "sourceKind", "SUBSIDY"), null);
    }

    private String form(Model model, Map<String, String> f, String error) {
        model.addAttribute("form", f);
        model.addAttribute("error", error);
        model.addAttribute("indicators", TrackedCommitments.Indicator.values());
        model.addAttribute("conditionRows", CONDITION_ROWS);
        model.addAttribute("benefitRows", BENEFIT_ROWS);
        return "project/commitment-form";
    }

    @PostMapping("/commitments")
    @PreAuthorize(ProjectWeb.WRITE)
    String create(@RequestParam Map<String, String> f, Model model) {
        try {
            List<TrackedCommitments.ConditionForm> conditions = new ArrayList<>();
            for (int i = 0; i < CONDITION_ROWS; i++) {
                String ind = f.get("indicator_" + i);
                if (ind == null || ind.isBlank()) {
                    continue;
                }
                String dir = f.get("direction_" + i);
                conditions.add(new TrackedCommitments.ConditionForm(ind, f.get("name_" + i),
                        dir == null || dir.isBlank() ? Commitments.Direction.AT_LEAST : Commitments.Direction.valueOf(dir),
                        ProjectWeb.required(f.get("threshold_" + i), msg("project.cm.threshold")), ProjectWeb.date(f.get("deadline_" + i), msg("project.cm.deadline")),
                        ProjectWeb.integer(f.get("dataYear_" + i), msg("project.cm.dataYear"))));
            }
            List<TrackedCommitments.BenefitForm> benefits = new ArrayList<>();
            for (int i = 0; i < BENEFIT_ROWS; i++) {
                BigDecimal a = ProjectWeb.number(f.get("amount_" + i), msg("project.cm.amount"));
                if (a == null) {
                    continue;
                }
                benefits.add(new TrackedCommitments.BenefitForm(a, ProjectWeb.date(f.get("receivedOn_" + i), msg("project.cm.receivedOn")), f.get("description_" + i)));
            }
            String sk = f.get("sourceKind");
            String mode = f.get("clawbackMode");
            long id = commitments.create(new TrackedCommitments.Form(f.get("uscc"), sk == null || sk.isBlank() ? null : SourceKind.valueOf(sk), f.get("reference"),
                    mode == null || mode.isBlank() ? null : ClawbackMode.valueOf(mode), ProjectWeb.number(f.get("interestPercent"), msg("project.cm.interest")),
                    ProjectWeb.integer(f.get("dayCountBasis"), msg("project.cm.dayCount")), f.get("note"), conditions, benefits), ProjectWeb.actor());
            return "redirect:/commitments/" + id;
        } catch (IllegalArgumentException e) {
            return form(model, f, e.getMessage());
        }
    }

    @GetMapping("/commitments/{id}")
    @PreAuthorize(ProjectWeb.READ)
    String commitment(@PathVariable long id, Model model) {
        model.addAttribute("d", commitments.find(id));
        model.addAttribute("today", LocalDate.now(TrackedCommitments.ZONE));
        return "project/commitment";
    }

    @PostMapping("/commitments/{id}/evaluate")
    @PreAuthorize(ProjectWeb.WRITE)
    String evaluate(@PathVariable long id, @RequestParam(required = false) String asOf, RedirectAttributes redirect) {
        commitments.find(id); // 404 outside the jurisdiction, before the body is checked
        try {
            LocalDate d = ProjectWeb.date(asOf, msg("project.cm.asOf"));
            TrackedCommitments.Outcome o = commitments.evaluate(id, d == null ? LocalDate.now(TrackedCommitments.ZONE) : d, ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.cm.status." + o.status()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/commitments/" + id;
    }

    @PostMapping("/commitments/{id}/benefits")
    @PreAuthorize(ProjectWeb.WRITE)
    String benefit(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        commitments.find(id); // 404 outside the jurisdiction, before the body is checked
        try {
            commitments.addBenefit(id, ProjectWeb.requireVersion(ProjectWeb.integer(f.get("version"), "version")),
                    new TrackedCommitments.BenefitForm(ProjectWeb.required(f.get("amountWan"), msg("project.cm.amount")),
                            ProjectWeb.date(f.get("receivedOn"), msg("project.cm.receivedOn")), f.get("description")), ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/commitments/" + id;
    }

    @PostMapping("/commitments/{id}/conditions/{conditionId}/actual")
    @PreAuthorize(ProjectWeb.WRITE)
    String actual(@PathVariable long id, @PathVariable long conditionId, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        commitments.find(id); // 404 outside the jurisdiction, before the body is checked
        try {
            commitments.reportActual(id, ProjectWeb.requireVersion(ProjectWeb.integer(f.get("version"), "version")), conditionId,
                    ProjectWeb.number(f.get("value"), msg("project.cm.actual")), f.get("reason"), ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/commitments/" + id;
    }

    // ---------------------------------------------------------------- credit

    @GetMapping("/credit")
    @PreAuthorize(ProjectWeb.READ)
    String credit(@RequestParam(required = false) String region, @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        CreditRecords.Page l = credit.list(region, kind, q, Math.max(0, page), 50);
        model.addAttribute("listing", l);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("kind", kind == null || kind.isBlank() ? "BROKEN" : kind);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pages", ProjectWeb.pages(l.total(), 50));
        return "project/credit";
    }

    @GetMapping("/credit/export")
    @PreAuthorize(ProjectWeb.READ)
    void creditExport(@RequestParam(required = false) String region, @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                      HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (CreditRecords.Entry e : credit.list(region, kind, q, 0, 1_000_000).items()) {
            rows.add(Arrays.asList(e.onDate(), e.uscc(), e.enterpriseName(), e.regionCode(), msg("project.credit.kind." + e.kind()),
                    msg("project.credit.source." + e.sourceKind()), e.sourceRef(), e.reason(), e.penaltyWan(), e.clawbackWan(),
                    e.reclaim() ? msg("project.yes") : msg("project.no")));
        }
        ProjectWeb.xlsx(response, "credit.xlsx", msg("project.credit.title"), List.of(msg("project.col.date"), msg("project.col.uscc"),
                msg("project.col.investor"), msg("project.col.region"), msg("project.credit.kind"), msg("project.credit.source"),
                msg("project.cm.reference"), msg("project.col.reasons"), msg("project.credit.penalty"), msg("project.credit.clawback"),
                msg("project.credit.reclaim")), rows);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
