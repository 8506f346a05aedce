package org.mujun.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
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

/** REST API of the project register (SPEC §7, §10). An illegal move is 400 with the reason; a stale version 409. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectApiController {

    private final Projects projects;

    ProjectApiController(Projects projects) {
        this.projects = projects;
    }

    record MoveRequest(ProjectStage to, LocalDate date, Integer version, String note) {
    }

    record InvestmentRequest(LocalDate date, BigDecimal completedWan, Integer version, String note) {
    }

    @GetMapping
    @PreAuthorize(ProjectWeb.READ)
    Map<String, Object> list(@RequestParam(required = false) String region, @RequestParam(required = false) ProjectStage stage,
                             @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        int s = Math.max(1, Math.min(size, 1000));
        Projects.Page p = projects.list(region, stage, q, Math.max(0, page), s);
        return Map.of("items", p.items(), "page", p.page(), "size", p.size(), "total", p.total());
    }

    /** 亿元/10亿元 counts, 落地率 and 投资完成率 by region (SPEC §7), optionally of the projects signed in a year. */
    @GetMapping("/statistics")
    @PreAuthorize(ProjectWeb.READ)
    Projects.Statistics statistics(@RequestParam(required = false) String region, @RequestParam(required = false) Integer signedYear) {
        return projects.statistics(region, signedYear);
    }

    @PostMapping
    @PreAuthorize(ProjectWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Projects.Detail register(@RequestBody(required = false) Projects.Form body) {
        body = ProjectWeb.body(body);
        return projects.find(projects.register(body, ProjectWeb.actor()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(ProjectWeb.READ)
    Projects.Detail get(@PathVariable long id) {
        return projects.find(id);
    }

    @PostMapping("/{id}/moves")
    @PreAuthorize(ProjectWeb.WRITE)
    Projects.Detail move(@PathVariable long id, @RequestBody(required = false) MoveRequest b) {
        projects.find(id); // 404 outside the jurisdiction, before the body is checked
        b = ProjectWeb.body(b);
        return projects.move(id, ProjectWeb.requireVersion(b.version()), b.to(), b.date(), b.note(), ProjectWeb.actor());
    }

    @PostMapping("/{id}/investment")
    @PreAuthorize(ProjectWeb.PROGRESS)
    Projects.Detail investment(@PathVariable long id, @RequestBody(required = false) InvestmentRequest b) {
        projects.find(id); // 404 outside the jurisdiction, before the body is checked
        b = ProjectWeb.body(b);
        if (b.completedWan() == null) {
            throw new IllegalArgumentException("请填写累计完成投资 / completedWan is required");
        }
        return projects.report(id, ProjectWeb.requireVersion(b.version()), b.date(), b.completedWan(), b.note(), ProjectWeb.actor());
    }
}
