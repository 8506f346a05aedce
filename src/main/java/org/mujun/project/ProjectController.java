package org.mujun.project;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.ObjectMapper;

/** Pages of the project register: list with statistics and chart, register, a project (stage moves, investment reports). */
@Controller
class ProjectController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Projects projects;
    private final MessageSource messages;

    ProjectController(Projects projects, MessageSource messages) {
        this.projects = projects;
        this.messages = messages;
    }

    @GetMapping("/projects")
    @PreAuthorize(ProjectWeb.READ)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) ProjectStage stage,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer signedYear,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Projects.Page l = projects.list(region, stage, q, Math.max(0, page), 50);
        Projects.Statistics s = projects.statistics(region, signedYear);
        model.addAttribute("listing", l);
        model.addAttribute("stats", s);
        model.addAttribute("chart", chartJson(s));
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("stage", stage);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("signedYear", signedYear);
        model.addAttribute("stages", ProjectStage.values());
        model.addAttribute("pages", ProjectWeb.pages(l.total(), 50));
        return "project/projects";
    }

    /** The chart's data for static/js/projects.js, as a data attribute (no inline script under the CSP). */
    private String chartJson(Projects.Statistics s) {
        List<String> labels = new ArrayList<>();
        List<Integer> yi = new ArrayList<>();
        List<Integer> tenYi = new ArrayList<>();
        List<Object> landing = new ArrayList<>();
        List<Object> completion = new ArrayList<>();
        for (ProjectStatistics.Figures f : s.groups()) {
            labels.add(s.names().getOrDefault(f.group(), f.group()));
            yi.add(f.yiYuanProjects());
            tenYi.add(f.tenYiYuanProjects());
            landing.add(f.landingRatePercent());
            completion.add(f.completionRatePercent());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labels", labels);
        m.put("yi", yi);
        m.put("tenYi", tenYi);
        m.put("landing", landing);
        m.put("completion", completion);
        m.put("names", Map.of("yi", msg("project.stats.yi"), "tenYi", msg("project.stats.tenYi"), "landing", msg("project.stats.landing"),
                "completion", msg("project.stats.completion"), "count", msg("project.stats.count"), "percent", "%"));
        return JSON.writeValueAsString(m);
    }

    @GetMapping("/projects/export")
    @PreAuthorize(ProjectWeb.READ)
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) ProjectStage stage,
                @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (Projects.Row r : projects.list(region, stage, q, 0, 1_000_000).items()) {
            rows.add(Arrays.asList(r.id(), r.name(), r.regionCode(), r.uscc(), r.investor(), r.industryCode(), r.plannedWan(), r.completedWan(),
                    msg("project.stage." + r.stage()), r.reachedOn().get(ProjectStage.SIGNED), r.reachedOn().get(ProjectStage.LANDED),
                    r.reachedOn().get(ProjectStage.STARTED), r.reachedOn().get(ProjectStage.IN_PRODUCTION)));
        }
        ProjectWeb.xlsx(response, "projects.xlsx", msg("project.list.title"), List.of("#", msg("project.col.name"), msg("project.col.region"),
                msg("project.col.uscc"), msg("project.col.investor"), msg("project.col.industry"), msg("project.col.planned"),
                msg("project.col.completed"), msg("project.col.stage"), msg("project.stage.SIGNED"), msg("project.stage.LANDED"),
                msg("project.stage.STARTED"), msg("project.stage.IN_PRODUCTION")), rows);
    }

    @GetMapping("/projects/new")
    @PreAuthorize(ProjectWeb.WRITE)
    String newForm(Model model) {
        model.addAttribute("form", Map.of());
        return "project/project-form";
    }

    @PostMapping("/projects")
    @PreAuthorize(ProjectWeb.WRITE)
    String register(@RequestParam Map<String, String> f, Model model) {
        try {
            long id = projects.register(new Projects.Form(f.get("regionCode"), f.get("uscc"), f.get("investorName"), f.get("name"),
                    f.get("industryCode"), ProjectWeb.number(f.get("plannedWan"), msg("project.col.planned")),
                    ProjectWeb.date(f.get("since"), msg("project.col.since")), f.get("note")), ProjectWeb.actor());
            return "redirect:/projects/" + id;
        } catch (IllegalArgumentException e) {
            model.addAttribute("form", f);
            model.addAttribute("error", e.getMessage());
            return "project/project-form";
        }
    }

    @GetMapping("/projects/{id}")
    @PreAuthorize(ProjectWeb.READ)
    String project(@PathVariable long id, Model model) {
        model.addAttribute("d", projects.find(id));
        return "project/project";
    }

    @PostMapping("/projects/{id}/move")
    @PreAuthorize(ProjectWeb.WRITE)
    String move(@PathVariable long id, @RequestParam(required = false) String to, @RequestParam(required = false) String date,
                @RequestParam(required = false) String version, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        projects.find(id); // 404 outside the jurisdiction, before any message about the form
        try {
            ProjectStage stage;
            try {
                stage = ProjectStage.valueOf(to == null ? "" : to);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("未知阶段 / unknown stage: " + to);
            }
            projects.move(id, ProjectWeb.requireVersion(ProjectWeb.integer(version, "version")), stage, ProjectWeb.date(date, msg("project.col.date")),
                    note, ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.moved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/investment")
    @PreAuthorize(ProjectWeb.PROGRESS)
    String investment(@PathVariable long id, @RequestParam(required = false) String date, @RequestParam(required = false) String completedWan,
                      @RequestParam(required = false) String version, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        projects.find(id); // 404 outside the jurisdiction, before any message about the form
        try {
            projects.report(id, ProjectWeb.requireVersion(ProjectWeb.integer(version, "version")), ProjectWeb.date(date, msg("project.col.date")),
                    ProjectWeb.required(completedWan, msg("project.col.completed")), note, ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.reported"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/" + id;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
