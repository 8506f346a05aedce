package org.mujun.land;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mujun.security.Jurisdiction;
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

/** REST API of the 闲置土地 check (SPEC §7, §10). */
@RestController
@RequestMapping("/api/v1/land/idle")
class IdleLandApiController {

    private final IdleLandCheck check;
    private final LandSettings settings;
    private final Jurisdiction jurisdiction;

    IdleLandApiController(IdleLandCheck check, LandSettings settings, Jurisdiction jurisdiction) {
        this.check = check;
        this.settings = settings;
        this.jurisdiction = jurisdiction;
    }

    record RunRequest(LocalDate asOf) {
    }

    record DevelopmentRequest(Integer version, LocalDate agreedStart, LocalDate actualStart, java.math.BigDecimal developedAreaM2,
                              java.math.BigDecimal investedWan, java.math.BigDecimal totalInvestmentWan, LocalDate stoppedOn,
                              Boolean governmentCaused, String note) {
    }

    record SettingsRequest(IdleRulesForm rules, String note) {
    }

    /** Current findings: {@code status} = IDLE, RECLAIM_CANDIDATE, INCOMPLETE, NOT_IDLE, FLAGGED (default) or ALL. */
    @GetMapping
    @PreAuthorize(LandWeb.READ)
    Map<String, Object> list(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int s = Math.max(1, Math.min(size, 1000));
        IdleLandCheck.Page p = check.list(region, status, Math.max(0, page), s);
        return Map.of("items", p.items(), "page", p.page(), "size", p.size(), "total", p.total());
    }

    @PostMapping("/runs")
    @PreAuthorize(LandWeb.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    IdleLandCheck.RunSummary run(@RequestBody(required = false) RunRequest body) {
        LocalDate d = body == null || body.asOf() == null ? LocalDate.now(IdleLandCheck.ZONE) : body.asOf();
        return check.run(d, "API", LandWeb.actor(), jurisdiction.current());
    }

    @GetMapping("/runs")
    @PreAuthorize(LandWeb.SETTINGS)
    List<IdleLandCheck.RunRow> runs() {
        return check.runs(LandWeb.userRegion(), 50);
    }

    @GetMapping("/parcels/{id}")
    @PreAuthorize(LandWeb.READ)
    IdleLandCheck.ParcelInfo parcel(@PathVariable long id) {
        return check.parcel(id);
    }

    @PutMapping("/parcels/{id}/development")
    @PreAuthorize(LandWeb.WRITE)
    IdleLandCheck.ParcelInfo development(@PathVariable long id, @RequestBody(required = false) DevelopmentRequest b) {
        check.parcel(id); // 404 outside the jurisdiction, before the body is checked
        b = LandWeb.body(b);
        check.saveDevelopment(id, LandWeb.requireVersion(b.version()), new IdleLandCheck.Development(b.agreedStart(), b.actualStart(),
                b.developedAreaM2(), b.investedWan(), b.totalInvestmentWan(), b.stoppedOn(), Boolean.TRUE.equals(b.governmentCaused()), b.note(),
                0, null, null), LandWeb.actor());
        return check.parcel(id);
    }

    @GetMapping("/settings")
    @PreAuthorize(LandWeb.SETTINGS)
    Map<String, Object> settings() {
        IdleLandCheck.Effective e = check.effective(LandWeb.userRegion());
        return Map.of("rules", e.form(), "source", e.label(), "history", settings.history(LandSettings.IDLE_LAND, LandWeb.userRegion()));
    }

    @PutMapping("/settings")
    @PreAuthorize(LandWeb.WRITE)
    Map<String, Object> saveSettings(@RequestBody(required = false) SettingsRequest body) {
        body = LandWeb.body(body);
        if (body.rules() == null) {
            throw new IllegalArgumentException("请求体需包含 rules / the body must contain rules");
        }
        body.rules().toRules();
        settings.save(LandSettings.IDLE_LAND, LandWeb.userRegion(), body.rules().toJson(), body.note(), LandWeb.actor());
        return settings();
    }
}
