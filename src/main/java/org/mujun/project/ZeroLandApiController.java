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

/** REST API of the 零增地技改 calculators and register (SPEC §7, §10). */
@RestController
@RequestMapping("/api/v1/projects/zero-land")
class ZeroLandApiController {

    private final ZeroLandProjects zeroLand;
    private final ProjectSettings settings;

    ZeroLandApiController(ZeroLandProjects zeroLand, ProjectSettings settings) {
        this.zeroLand = zeroLand;
        this.settings = settings;
    }

    record SettingsRequest(ZeroLandRulesForm rules, String note) {
    }

    /** Equipment subsidy, floor-area reward and (with parcelsAfterSplitMu) the land-transfer checks; nothing stored. */
    @PostMapping("/calculate")
    @PreAuthorize(ProjectWeb.READ)
    ZeroLandProjects.Calculation calculate(@RequestBody(required = false) ZeroLandProjects.Input body) {
        body = ProjectWeb.body(body);
        return zeroLand.calculate(body);
    }

    @GetMapping
    @PreAuthorize(ProjectWeb.READ)
    Map<String, Object> list(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int s = Math.max(1, Math.min(size, 1000));
        ZeroLandProjects.Page p = zeroLand.list(region, q, Math.max(0, page), s);
        return Map.of("items", p.items(), "page", p.page(), "size", p.size(), "total", p.total());
    }

    @PostMapping
    @PreAuthorize(ProjectWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    ZeroLandProjects.Row register(@RequestBody(required = false) ZeroLandProjects.Input body) {
        body = ProjectWeb.body(body);
        return zeroLand.find(zeroLand.register(body, ProjectWeb.actor()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(ProjectWeb.READ)
    ZeroLandProjects.Row get(@PathVariable long id) {
        return zeroLand.find(id);
    }

    @GetMapping("/settings")
    @PreAuthorize(ProjectWeb.SETTINGS)
    Map<String, Object> settings() {
        ZeroLandProjects.Effective e = zeroLand.effective(ProjectWeb.userRegion());
        return Map.of("rules", ZeroLandRulesForm.of(e.rules()), "source", e.label(),
                "history", settings.history(ProjectSettings.ZERO_LAND, ProjectWeb.userRegion()));
    }

    @PutMapping("/settings")
    @PreAuthorize(ProjectWeb.WRITE)
    Map<String, Object> save(@RequestBody(required = false) SettingsRequest body) {
        body = ProjectWeb.body(body);
        if (body.rules() == null) {
            throw new IllegalArgumentException("请求体需包含 rules / the body must contain rules");
        }
        settings.save(ProjectSettings.ZERO_LAND, ProjectWeb.userRegion(), body.rules().toJson(), ProjectWeb.blankToNull(body.note()), ProjectWeb.actor());
        return settings();
    }
}
