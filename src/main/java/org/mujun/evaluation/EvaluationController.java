package org.mujun.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mujun.evaluation.EvaluationRuns.Page;
import org.mujun.evaluation.EvaluationRuns.ResultQuery;
import org.mujun.evaluation.EvaluationRuns.ResultRow;
import org.mujun.evaluation.EvaluationRuns.ResultSort;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationRuns.RunFilter;
import org.mujun.evaluation.EvaluationSchemes.InvalidSchemeException;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
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

/**
 * Pages of the evaluation: schemes (list, editor, publish, versions, export/import), runs (list, summaries
 * and results, Excel), the explanation of one enterprise, and the register of exemption applications.
 */
@Controller
class EvaluationController {

    private final EvaluationSchemes schemes;
    private final EvaluationRuns runs;
    private final ExemptionApplications exemptions;
    private final Jurisdiction jurisdiction;

    EvaluationController(EvaluationSchemes schemes, EvaluationRuns runs, ExemptionApplications exemptions, Jurisdiction jurisdiction) {
        this.schemes = schemes;
        this.runs = runs;
        this.exemptions = exemptions;
        this.jurisdiction = jurisdiction;
    }

    // ------------------------------------------------------------------ schemes

    @GetMapping("/evaluation/schemes")
    @PreAuthorize(EvaluationApiController.OFFICIALS)
    String schemes(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year, Model model) {
        MujunUser u = Jurisdiction.currentUser();
        model.addAttribute("schemes", schemes.list(region, year));
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("year", year);
        model.addAttribute("defaultRegion", u.regionCode());
        model.addAttribute("defaultYear", Year.now().getValue() - 1);
        model.addAttribute("canEdit", u.role().isAdmin());
        return "evaluation/schemes";
    }

    @PostMapping("/evaluation/schemes/default")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String openDefault(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        if (region == null || region.isBlank() || year == null) {
            throw new IllegalArgumentException("请填写区划代码和年度 / give the region code and the year");
        }
        SchemeVersion v = schemes.openDefault(region.trim(), year, EvaluationApiController.actor());
        return "redirect:/evaluation/schemes/" + v.id();
    }

    @PostMapping("/evaluation/schemes/import")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String importNew(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        try {
            SchemeVersion v = schemes.createDraft(EvaluationApiController.readFile(file), EvaluationApiController.actor());
            flash.addFlashAttribute("ok", "imported");
            return "redirect:/evaluation/schemes/" + v.id();
        } catch (InvalidSchemeException e) {
            flash.addFlashAttribute("problems", e.problems());
            flash.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluation/schemes";
    }

    @GetMapping("/evaluation/schemes/{id}")
    @PreAuthorize(EvaluationApiController.OFFICIALS)
    String scheme(@PathVariable long id, Model model) {
        SchemeVersion v = schemes.get(id);
        return editor(v, SchemeForm.values(v.scheme()), Map.of(), model);
    }

    private String editor(SchemeVersion v, Map<String, String> values, Map<String, List<String>> errors, Model model) {
        model.addAttribute("s", v);
        model.addAttribute("v", values);
        model.addAttribute("errors", errors);
        model.addAttribute("rows", SchemeForm.rows(values));
        model.addAttribute("editable", v.draft() && schemes.canEdit(v.regionCode()));
        model.addAttribute("canRun", schemes.canEdit(v.regionCode()));
        model.addAttribute("populationKinds", PopulationKind.values());
        model.addAttribute("indicatorKinds", IndicatorKind.values());
        model.addAttribute("events", SchemeForm.EVENTS);
        model.addAttribute("measures", v.scheme().measures());
        model.addAttribute("runs", runs.list(new RunFilter(v.regionCode(), v.year(), null)).stream()
                .filter(r -> r.schemeId() == v.id()).limit(20).toList());
        return "evaluation/scheme";
    }

    @PostMapping("/evaluation/schemes/{id}")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String save(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        SchemeVersion v = schemes.get(id);
        Integer lock = lockOf(form);
        SchemeForm.Parsed parsed = SchemeForm.parse(form, v.scheme());
        if (!parsed.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "方案有误，请按字段旁的提示修改，未保存 / the scheme has problems (see the messages beside the fields); nothing was saved");
            return editor(v, form, parsed.errors(), model);
        }
        schemes.saveDraft(id, parsed.scheme(), lock, EvaluationApiController.actor());
        flash.addFlashAttribute("ok", "saved");
        return "redirect:/evaluation/schemes/" + id;
    }

    private static Integer lockOf(Map<String, String> form) {
        String l = form.get("lockVersion");
        if (l == null || !l.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("缺少 lockVersion（读取时的版本号） / lockVersion (the version read) is required");
        }
        return Integer.parseInt(l);
    }

    @PostMapping("/evaluation/schemes/{id}/publish")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String publish(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        schemes.get(id);
        try {
            schemes.publish(id, lockOf(form), EvaluationApiController.actor());
            flash.addFlashAttribute("ok", "published");
        } catch (InvalidSchemeException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluation/schemes/" + id;
    }

    @PostMapping("/evaluation/schemes/{id}/new-version")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String newVersion(@PathVariable long id) {
        return "redirect:/evaluation/schemes/" + schemes.newVersion(id, EvaluationApiController.actor()).id();
    }

    @PostMapping("/evaluation/schemes/{id}/delete")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String delete(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        schemes.get(id);
        schemes.deleteDraft(id, lockOf(form), EvaluationApiController.actor());
        flash.addFlashAttribute("ok", "deleted");
        return "redirect:/evaluation/schemes";
    }

    @PostMapping("/evaluation/schemes/{id}/import")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String importInto(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                      @RequestParam Map<String, String> form, RedirectAttributes flash) throws IOException {
        schemes.get(id);
        Integer lock = lockOf(form);
        try {
            schemes.saveDraft(id, EvaluationApiController.readFile(file), lock, EvaluationApiController.actor());
            flash.addFlashAttribute("ok", "imported");
        } catch (InvalidSchemeException e) {
            flash.addFlashAttribute("problems", e.problems());
            flash.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e instanceof SchemeFiles.SchemeFormatException || schemes.find(id).isPresent()) {
                flash.addFlashAttribute("error", e.getMessage());
            } else {
                throw e;
            }
        }
        return "redirect:/evaluation/schemes/" + id;
    }

    @GetMapping("/evaluation/schemes/{id}/export")
    @PreAuthorize(EvaluationApiController.OFFICIALS)
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
        return EvaluationApiController.exportFile(schemes.get(id), format);
    }

    @PostMapping("/evaluation/schemes/{id}/run")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String run(@PathVariable long id, @RequestParam(required = false) RunKind kind, RedirectAttributes flash) {
        try {
            Run r = kind == null ? runs.run(id, EvaluationApiController.actor()) : runs.run(id, kind, EvaluationApiController.actor());
            return "redirect:/evaluation/runs/" + r.id();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/evaluation/schemes/" + id;
        }
    }

    // ------------------------------------------------------------------ runs

    @GetMapping("/evaluation/runs")
    @PreAuthorize(EvaluationApiController.BUSINESS)
    String runs(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) RunKind kind, Model model) {
        model.addAttribute("runs", runs.list(new RunFilter(region, year, kind)));
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("year", year);
        model.addAttribute("kind", kind);
        MujunUser u = Jurisdiction.currentUser();
        model.addAttribute("officials", u.role().isAdmin() || u.role() == org.mujun.security.Role.AUDITOR);
        return "evaluation/runs";
    }

    @GetMapping("/evaluation/runs/{id}")
    @PreAuthorize(EvaluationApiController.BUSINESS)
    String run(@PathVariable long id, @RequestParam(required = false) PopulationKind population,
               @RequestParam(name = "class", required = false) String cls, @RequestParam(required = false) String region,
               @RequestParam(required = false) String industry, @RequestParam(required = false) String q,
               @RequestParam(defaultValue = "RANK") ResultSort sort, @RequestParam(defaultValue = "false") boolean desc,
               @RequestParam(defaultValue = "0") int page, Model model) {
        Run run = runs.get(id);
        ResultQuery query = new ResultQuery(population, blank(cls), blank(region), blank(industry), blank(q), sort, desc, page, 50);
        Page<ResultRow> results = runs.results(run, query, jurisdiction.current());
        model.addAttribute("run", run);
        model.addAttribute("results", new Page<>(results.items().stream().map(TaxMask::row).toList(), results.page(), results.size(),
                results.total(), results.totalExact()));
        model.addAttribute("query", query);
        model.addAttribute("filter", filterParams(query));
        model.addAttribute("kinds", run.scheme().populations().stream().map(Scheme.Population::kind).toList());
        model.addAttribute("sorts", ResultSort.values());
        MujunUser u = Jurisdiction.currentUser();
        model.addAttribute("officials", u.role().isAdmin() || u.role() == org.mujun.security.Role.AUDITOR);
        return "evaluation/run";
    }

    private static Map<String, Object> filterParams(ResultQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("population", q.population() == null ? "" : q.population().name());
        m.put("class", q.outcome() == null ? "" : q.outcome());
        m.put("region", q.region() == null ? "" : q.region());
        m.put("industry", q.industry() == null ? "" : q.industry());
        m.put("q", q.q() == null ? "" : q.q());
        m.put("sort", q.sort().name());
        m.put("desc", q.descending());
        return m;
    }

    @GetMapping("/evaluation/runs/{id}/export")
    @PreAuthorize(EvaluationApiController.BUSINESS)
    void export(@PathVariable long id, @RequestParam(required = false) PopulationKind population,
                @RequestParam(name = "class", required = false) String cls, @RequestParam(required = false) String region,
                @RequestParam(required = false) String industry, @RequestParam(required = false) String q,
                HttpServletResponse response) throws IOException {
        Run run = runs.get(id);
        ResultQuery query = new ResultQuery(population, blank(cls), blank(region), blank(industry), blank(q), ResultSort.RANK, false, 0, 50);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("evaluation-" + run.header().regionCode() + "-" + run.header().year() + "-run" + id + ".xlsx", StandardCharsets.UTF_8));
        ResultsExport.write(response.getOutputStream(), runs, run, query, jurisdiction.current(), TaxMask.applies());
    }

    @GetMapping("/evaluation/runs/{id}/enterprises/{uscc}")
    @PreAuthorize(EvaluationApiController.BUSINESS)
    String explanation(@PathVariable long id, @PathVariable String uscc, Model model) {
        EvaluationRuns.Explained e = TaxMask.explained(runs.explanation(id, uscc.trim().toUpperCase())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "该企业不在本次评价结果中 / no such enterprise in this run")));
        model.addAttribute("e", e);
        model.addAttribute("run", e.run());
        model.addAttribute("r", e.result());
        model.addAttribute("in", e.input());
        model.addAttribute("x", e.explanation());
        model.addAttribute("summary", e.result().population() == null ? null : e.run().population(e.result().population()));
        model.addAttribute("taxMasked", TaxMask.applies());
        return "evaluation/explanation";
    }

    // ------------------------------------------------------------------ exemption applications

    @GetMapping("/evaluation/exemptions")
    @PreAuthorize(EvaluationApiController.OFFICIALS)
    String exemptions(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("applications", exemptions.list(year));
        model.addAttribute("year", year);
        model.addAttribute("defaultYear", Year.now().getValue() - 1);
        model.addAttribute("canEdit", Jurisdiction.currentUser().role().isAdmin());
        return "evaluation/exemptions";
    }

    @PostMapping("/evaluation/exemptions")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String addExemption(@RequestParam(required = false) String uscc, @RequestParam(required = false) Integer year,
                        @RequestParam(required = false) String reason, @RequestParam(required = false) String approvedBy,
                        RedirectAttributes flash) {
        if (year == null) {
            throw new IllegalArgumentException("请填写年度 / give the year");
        }
        exemptions.add(uscc, year, reason, approvedBy, EvaluationApiController.actor());
        flash.addFlashAttribute("ok", "recorded");
        return "redirect:/evaluation/exemptions?year=" + year;
    }

    @PostMapping("/evaluation/exemptions/{id}/delete")
    @PreAuthorize(EvaluationApiController.ADMINS)
    String deleteExemption(@PathVariable long id, RedirectAttributes flash) {
        exemptions.delete(id, EvaluationApiController.actor());
        flash.addFlashAttribute("ok", "withdrawn");
        return "redirect:/evaluation/exemptions";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
