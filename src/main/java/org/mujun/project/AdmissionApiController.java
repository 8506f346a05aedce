package org.mujun.project;

import java.util.Map;
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

/** REST API of 两高 project admission (SPEC §7, §10). */
@RestController
@RequestMapping("/api/v1/projects/admission")
class AdmissionApiController {

    private final Admissions admissions;
    private final ProjectSettings settings;

    AdmissionApiController(Admissions admissions, ProjectSettings settings) {
        this.admissions = admissions;
        this.settings = settings;
    }

    record SettingsRequest(LianggaoRulesForm rules, String note) {
    }

    /** Decisions; {@code lianggao=true} gives the 两高 project list. */
    @GetMapping
    @PreAuthorize(ProjectWeb.OFFICIALS)
    Map<String, Object> list(@RequestParam(required = false) String region, @RequestParam(required = false) String verdict,
                             @RequestParam(defaultValue = "false") boolean lianggao, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int s = Math.max(1, Math.min(size, 1000));
        Admissions.Page p = admissions.list(region, verdict, lianggao, q, Math.max(0, page), s);
        return Map.of("items", p.items(), "page", p.page(), "size", p.size(), "total", p.total());
    }

    @PostMapping
    @PreAuthorize(ProjectWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Admissions.Decision decide(@RequestBody(required = false) Admissions.Input body) {
        body = ProjectWeb.body(body);
        return admissions.decide(body, ProjectWeb.actor());
    }

    @GetMapping("/{id}")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    Admissions.Decision get(@PathVariable long id) {
        return admissions.find(id);
    }

    @GetMapping("/settings")
    @PreAuthorize(ProjectWeb.SETTINGS)
    Map<String, Object> settings() {
        Admissions.Effective e = admissions.effective(ProjectWeb.userRegion());
        return Map.of("rules", LianggaoRulesForm.of(e.rules()), "source", e.label(), "lianggaoIndustries", admissions.lianggaoPrefixes(),
                "history", settings.history(ProjectSettings.LIANGGAO, ProjectWeb.userRegion()));
    }

    @PutMapping("/settings")
    @PreAuthorize(ProjectWeb.WRITE)
    Map<String, Object> save(@RequestBody(required = false) SettingsRequest body) {
        body = ProjectWeb.body(body);
        if (body.rules() == null) {
            throw new IllegalArgumentException("请求体需包含 rules / the body must contain rules");
        }
        settings.save(ProjectSettings.LIANGGAO, ProjectWeb.userRegion(), body.rules().toJson(), ProjectWeb.blankToNull(body.note()), ProjectWeb.actor());
        return settings();
    }
}
