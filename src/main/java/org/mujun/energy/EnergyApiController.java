package org.mujun.energy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.mujun.energy.EnergyCoefficients.Coefficient;
import org.mujun.energy.EnergyCoefficients.Version;
import org.mujun.energy.EnergyCoefficients.VersionTable;
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
import org.springframework.web.server.ResponseStatusException;

/** REST API of energy and carbon accounting (SPEC §4, §10). */
@RestController
@RequestMapping("/api/v1/energy")
class EnergyApiController {

    static final String VIEWERS = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','AUDITOR')";
    static final String EDITORS = "hasRole('PROVINCE_ADMIN')";
    static final String BUSINESS = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";

    private final EnergyCoefficients coefficients;
    private final CarbonAccounts accounts;

    EnergyApiController(EnergyCoefficients coefficients, CarbonAccounts accounts) {
        this.coefficients = coefficients;
        this.accounts = accounts;
    }

    record FactorsRequest(String note, List<Coefficient> factors) {
    }

    record DraftRequest(String note) {
    }

    @GetMapping("/coefficients")
    @PreAuthorize(VIEWERS)
    Map<String, Object> coefficients(@RequestParam(required = false) Integer version) {
        VersionTable t = version == null ? coefficients.active()
                : coefficients.find(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "系数表第 " + version + " 版不存在 / coefficient version " + version + " not found"));
        return Map.of("version", t.version(), "factors", t.coefficients(), "baseUnits", baseUnits(),
                "electricityMethod", coefficients.electricityMethod(), "equivalentFactors", coefficients.equivalentFactors());
    }

    @GetMapping("/coefficients/versions")
    @PreAuthorize(VIEWERS)
    List<Version> versions() {
        return coefficients.versions();
    }

    @PostMapping("/coefficients/versions")
    @PreAuthorize(EDITORS)
    @ResponseStatus(HttpStatus.CREATED)
    Version createDraft(@RequestBody(required = false) DraftRequest body) {
        return coefficients.createDraft(actor(), body == null ? null : body.note());
    }

    @PutMapping("/coefficients/versions/{version}/factors")
    @PreAuthorize(EDITORS)
    VersionTable updateFactors(@PathVariable int version, @RequestBody(required = false) FactorsRequest body) {
        // body optional: a refused role gets 403 before an empty body would be answered with 400
        if (body == null || body.factors() == null) {
            throw new IllegalArgumentException("请求体需包含 factors / the body must contain factors");
        }
        return coefficients.updateDraft(version, body.factors(), body.note(), actor());
    }

    @PostMapping("/coefficients/versions/{version}/activate")
    @PreAuthorize(EDITORS)
    Version activate(@PathVariable int version) {
        return coefficients.activate(version, actor());
    }

    @GetMapping("/accounts")
    @PreAuthorize(BUSINESS)
    Map<String, Object> accounts(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                                 @RequestParam(required = false) String industry,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int y = year != null ? year : accounts.latestYear().orElse(java.time.Year.now().getValue() - 1);
        int s = Math.max(1, Math.min(size, 1000));
        int p = Math.max(0, page);
        CarbonAccounts.Listing l = accounts.list(y, region, industry);
        List<CarbonAccounts.Row> items = l.rows().stream().skip((long) p * s).limit(s).toList();
        return Map.of("items", items, "page", p, "size", s, "total", l.rows().size(),
                "year", y, "coefficientVersion", l.version(), "totals", l.totals());
    }

    @GetMapping("/enterprises/{id}")
    @PreAuthorize(BUSINESS)
    CarbonAccounts.Account enterprise(@PathVariable long id) {
        return accounts.enterprise(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "企业不存在 / enterprise not found"));
    }

    static Map<String, String> baseUnits() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (EnergyType t : EnergyType.values()) {
            m.put(t.name(), t.baseUnit());
        }
        return m;
    }

    static String actor() {
        var u = Jurisdiction.currentUser();
        return u == null ? "system" : u.username();
    }

    static BigDecimal number(String s, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + "：不是数字 '" + s + "' / not a number");
        }
    }
}
