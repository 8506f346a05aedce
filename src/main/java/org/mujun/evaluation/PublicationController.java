package org.mujun.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.attachment.Attachments;
import org.mujun.common.NavLink;
import org.mujun.evaluation.EvaluationRuns.ResultRow;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.Objections.Filter;
import org.mujun.evaluation.Objections.Objection;
import org.mujun.evaluation.Publications.Publication;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of 公示 and 异议 (SPEC §5 "Publish"): the history of published runs ("what was published on date
 * X"), a run's publication page (publish, finalize; an enterprise's result and its objection form), the
 * objection list and an objection with its evidence and decision.
 */
@Controller
class PublicationController {

    /** Roles that read business data (jurisdiction narrows what they see). */
    static final String BUSINESS = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";
    /** Region administrators: publish, finalize, decide, configure. */
    static final String ADMINS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN')";
    /** Administrators and the auditor (read-only): what-if, settings. */
    static final String OFFICIALS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','AUDITOR')";
    /** Officials and town officers (their town's rows): measures lists, statistics. */
    static final String READERS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','AUDITOR','TOWN_OFFICER')";
    static final String ENTERPRISE = "hasRole('ENTERPRISE')";

    private final Publications publications;
    private final Objections objections;
    private final EvaluationRuns runs;
    private final Attachments attachments;

    PublicationController(Publications publications, Objections objections, EvaluationRuns runs, Attachments attachments) {
        this.publications = publications;
        this.objections = objections;
        this.runs = runs;
        this.attachments = attachments;
    }

    @Bean
    static NavLink publicationNavLink() {
        return new NavLink(44, "nav.publications", "/evaluation/publications", NavLink.BUSINESS);
    }

    static String actor() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null ? "system" : u.username();
    }

    static LocalDate date(String s, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + "应为日期 yyyy-mm-dd / " + what + " must be a date (yyyy-mm-dd): " + s);
        }
    }

    static Integer year(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (!s.trim().matches("\\d{4}")) {
            throw new IllegalArgumentException("年度应为四位数字 / year must have four digits: " + s);
        }
        return Integer.parseInt(s.trim());
    }

    static String region(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (!s.trim().matches("\\d{2,12}")) {
            throw new IllegalArgumentException("区划代码应为数字 / region must be a code of digits: " + s);
        }
        return s.trim();
    }

    /** One line of the history list: the run and, for an enterprise, its own result in it. */
    record HistoryRow(Publication publication, ResultRow mine) {
    }

    @GetMapping("/evaluation/publications")
    @PreAuthorize(BUSINESS)
    String history(@RequestParam(required = false) String region, @RequestParam(required = false) String year,
                   @RequestParam(required = false) String date, Model model) {
        String r = region(region);
        Integer y = year(year);
        LocalDate d = date(date, "日期");
        MujunUser u = Jurisdiction.currentUser();
        List<HistoryRow> rows = new ArrayList<>();
        for (Publication p : publications.history(r, y)) {
            ResultRow mine = null;
            if (u != null && u.role() == Role.ENTERPRISE) {
                mine = runs.find(p.runId()).flatMap(run -> runs.result(run, u.uscc(), u.scope())).orElse(null);
            }
            rows.add(new HistoryRow(p, mine));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("region", r == null ? "" : r);
        model.addAttribute("year", y);
        model.addAttribute("date", d);
        model.addAttribute("asked", r != null && y != null && d != null);
        model.addAttribute("answer", r != null && y != null && d != null ? publications.publishedOn(r, y, d).orElse(null) : null);
        model.addAttribute("enterprise", u != null && u.role() == Role.ENTERPRISE);
        model.addAttribute("uscc", u == null ? null : u.uscc());
        return "evaluation/publications";
    }

    @GetMapping("/evaluation/runs/{id}/publication")
    @PreAuthorize(BUSINESS)
    String publication(@PathVariable long id, Model model) {
        Run run = runs.get(id);
        Publication p = publications.read(run.id());
        MujunUser u = Jurisdiction.currentUser();
        boolean enterprise = u != null && u.role() == Role.ENTERPRISE;
        LocalDate today = publications.today();
        model.addAttribute("run", run);
        model.addAttribute("pub", p);
        model.addAttribute("today", today);
        model.addAttribute("windowOpen", p.windowOpen(today));
        model.addAttribute("canManage", publications.canManage(run.header().regionCode()));
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("defaultDeadline", today.plusDays(publications.defaultObjectionDays()));
        model.addAttribute("maxFiles", attachments.maxFiles());
        model.addAttribute("maxSize", attachments.maxSizeText());
        if (enterprise) {
            Optional<ResultRow> mine = runs.result(run, u.uscc(), u.scope());
            model.addAttribute("mine", mine.orElse(null));
        }
        model.addAttribute("objections", objections.list(new Filter(id, null, null, null), 0, 200));
        return "evaluation/publication";
    }

    @PostMapping("/evaluation/runs/{id}/publicize")
    @PreAuthorize(ADMINS)
    String publicize(@PathVariable long id, @RequestParam(required = false) String deadline, RedirectAttributes redirect) {
        publications.get(id); // 404 before anything else
        try {
            LocalDate d = date(deadline, "异议截止日期");
            if (d == null) {
                throw new IllegalArgumentException("请填写异议截止日期 / the objection deadline is required");
            }
            publications.publicize(id, d, actor());
            redirect.addFlashAttribute("ok", "publicized");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluation/runs/" + id + "/publication";
    }

    @PostMapping("/evaluation/runs/{id}/finalize")
    @PreAuthorize(ADMINS)
    String finalizeRun(@PathVariable long id, RedirectAttributes redirect) {
        publications.get(id);
        try {
            publications.finalizeRun(id, actor());
            redirect.addFlashAttribute("ok", "finalized");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluation/runs/" + id + "/publication";
    }

    @PostMapping("/evaluation/runs/{id}/objections")
    @PreAuthorize(ENTERPRISE)
    String file(@PathVariable long id, @RequestParam(required = false) String body,
                @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        publications.get(id);
        try {
            Objection o = objections.file(id, body, files, actor());
            redirect.addFlashAttribute("ok", "filed");
            return "redirect:/evaluation/objections/" + o.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("draft", body);
            return "redirect:/evaluation/runs/" + id + "/publication";
        }
    }

    @GetMapping("/evaluation/objections")
    @PreAuthorize(BUSINESS)
    String list(@RequestParam(required = false) Long run, @RequestParam(required = false) ObjectionStatus status,
                @RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", objections.list(new Filter(run, status, region(region), null), page, 50));
        model.addAttribute("run", run);
        model.addAttribute("status", status);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("statuses", ObjectionStatus.values());
        return "evaluation/objections";
    }

    @GetMapping("/evaluation/objections/{id}")
    @PreAuthorize(BUSINESS)
    String objection(@PathVariable long id, Model model) {
        Objection o = objections.get(id);
        model.addAttribute("o", o);
        model.addAttribute("files", objections.attachments(id));
        model.addAttribute("canDecide", o.status() == ObjectionStatus.OPEN && publications.canManage(o.runRegion()));
        return "evaluation/objection";
    }

    @PostMapping("/evaluation/objections/{id}/decision")
    @PreAuthorize(ADMINS)
    String decide(@PathVariable long id, @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        objections.get(id); // 404 before anything else
        try {
            if ("ACCEPTED".equals(decision)) {
                objections.accept(id, note, actor());
            } else if ("REJECTED".equals(decision)) {
                objections.reject(id, note, actor());
            } else {
                throw new IllegalArgumentException("请选择采纳或驳回 / choose accept or reject");
            }
            redirect.addFlashAttribute("ok", "decided");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluation/objections/" + id;
    }

    @GetMapping("/evaluation/objections/{id}/attachments/{attachmentId}")
    @PreAuthorize(BUSINESS)
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        return Attachments.response(objections.attachment(id, attachmentId));
    }

    static Map<String, Object> page(EvaluationRuns.Page<?> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", p.items());
        m.put("page", p.page());
        m.put("size", p.size());
        m.put("total", p.total());
        return m;
    }
}
