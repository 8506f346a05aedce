package org.mujun.energy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mujun.common.ExcelExport;
import org.mujun.energy.EnergyCoefficients.Coefficient;
import org.mujun.energy.EnergyCoefficients.ElectricityMethod;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of energy and carbon accounting: the list, an enterprise's carbon account, the coefficient tables. */
@Controller
class EnergyController {

    private final EnergyCoefficients coefficients;
    private final CarbonAccounts accounts;
    private final MessageSource messages;
    private final CarbonEfficiencyCodes codes;

    EnergyController(EnergyCoefficients coefficients, CarbonAccounts accounts, MessageSource messages, CarbonEfficiencyCodes codes) {
        this.coefficients = coefficients;
        this.accounts = accounts;
        this.messages = messages;
        this.codes = codes;
    }

    @GetMapping("/energy")
    @PreAuthorize(EnergyApiController.BUSINESS)
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                @RequestParam(required = false) String industry, @RequestParam(defaultValue = "0") int page, Model model) {
        int y = year != null ? year : accounts.latestYear().orElse(java.time.Year.now().getValue() - 1);
        int size = 50;
        int p = Math.max(0, page);
        CarbonAccounts.Listing l = accounts.list(y, region, industry);
        model.addAttribute("listing", l);
        model.addAttribute("rows", l.rows().stream().skip((long) p * size).limit(size).toList());
        model.addAttribute("year", y);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("industry", industry == null ? "" : industry);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (l.rows().size() + size - 1) / size));
        return "energy/list";
    }

    @GetMapping("/energy/export")
    @PreAuthorize(EnergyApiController.BUSINESS)
    void export(@RequestParam int year, @RequestParam(required = false) String region, @RequestParam(required = false) String industry,
                HttpServletResponse response) throws IOException {
        CarbonAccounts.Listing l = accounts.list(year, region, industry);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode("energy-" + year + ".xlsx", StandardCharsets.UTF_8));
        List<String> headers = List.of(msg("energy.col.uscc"), msg("energy.col.name"), msg("energy.col.region"), msg("energy.col.industry"),
                msg("energy.col.kwh"), msg("energy.col.tce"), msg("energy.col.co2"), msg("energy.col.valueAdded"), msg("energy.col.co2PerVa"));
        List<List<?>> rows = new ArrayList<>();
        for (CarbonAccounts.Row r : l.rows()) {
            rows.add(java.util.Arrays.asList(r.uscc(), r.name(), r.regionCode(), r.industryCode(), r.electricityKwh(), r.tce(), r.co2Tonnes(),
                    r.valueAdded(), r.co2PerValueAdded()));
        }
        ExcelExport.write(response.getOutputStream(), "energy-" + year, headers, rows);
    }

    @GetMapping("/energy/enterprises/{id}")
    @PreAuthorize(EnergyApiController.BUSINESS)
    String enterprise(@PathVariable long id, Model model) {
        CarbonAccounts.Account account = accounts.enterprise(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "企业不存在 / enterprise not found"));
        model.addAttribute("account", account);
        model.addAttribute("method", coefficients.electricityMethod());
        // 碳效码 of each year (SPEC §4), graded against the industry of the whole province
        model.addAttribute("carbonCodes", codes.forEnterprise(account.uscc(), account.years().stream().map(CarbonAccounts.Year::year).toList()));
        return "energy/enterprise";
    }

    @GetMapping("/energy/coefficients")
    @PreAuthorize(EnergyApiController.VIEWERS)
    String coefficients(Model model) {
        model.addAttribute("active", coefficients.active());
        model.addAttribute("versions", coefficients.versions());
        model.addAttribute("method", coefficients.electricityMethod());
        model.addAttribute("equivalents", coefficients.equivalentFactors());
        model.addAttribute("types", EnergyType.values());
        return "energy/coefficients";
    }

    @GetMapping("/energy/coefficients/{version}")
    @PreAuthorize(EnergyApiController.VIEWERS)
    String version(@PathVariable int version, Model model) {
        model.addAttribute("table", coefficients.find(version).orElseThrow(() -> new EnergyCoefficients.NotFound(version)));
        return "energy/version";
    }

    @PostMapping("/energy/coefficients/drafts")
    @PreAuthorize(EnergyApiController.EDITORS)
    String createDraft(@RequestParam(required = false) String note) {
        EnergyCoefficients.Version v = coefficients.createDraft(EnergyApiController.actor(), note);
        return "redirect:/energy/coefficients/" + v.version();
    }

    @PostMapping("/energy/coefficients/{version}")
    @PreAuthorize(EnergyApiController.EDITORS)
    String save(@PathVariable int version, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            List<Coefficient> list = new ArrayList<>();
            for (EnergyType t : EnergyType.values()) {
                list.add(new Coefficient(t, EnergyApiController.number(form.get("kgce_" + t.name()), t.nameZh() + " kgce"),
                        EnergyApiController.number(form.get("co2_" + t.name()), t.nameZh() + " CO₂"),
                        form.get("tceNote_" + t.name()), form.get("co2Note_" + t.name())));
            }
            coefficients.updateDraft(version, list, form.get("note"), EnergyApiController.actor());
            redirect.addFlashAttribute("ok", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/energy/coefficients/" + version;
    }

    @PostMapping("/energy/coefficients/{version}/activate")
    @PreAuthorize(EnergyApiController.EDITORS)
    String activate(@PathVariable int version, RedirectAttributes redirect) {
        try {
            coefficients.activate(version, EnergyApiController.actor());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/energy/coefficients/" + version;
        }
        return "redirect:/energy/coefficients";
    }

    @PostMapping("/energy/settings/method")
    @PreAuthorize(EnergyApiController.EDITORS)
    String method(@RequestParam(required = false) String method) {
        // parsed here, not bound, so that a refused role gets 403 before a missing or wrong value is answered with 400
        ElectricityMethod m;
        try {
            m = ElectricityMethod.valueOf(method == null ? "" : method.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("电力折标方法应为 CALORIFIC（当量值）或 EQUIVALENT（等价值） / method must be CALORIFIC or EQUIVALENT");
        }
        coefficients.setElectricityMethod(m, EnergyApiController.actor());
        return "redirect:/energy/coefficients";
    }

    @PostMapping("/energy/equivalent-factors")
    @PreAuthorize(EnergyApiController.EDITORS)
    String equivalent(@RequestParam(required = false) String year, @RequestParam(required = false) String kgcePerKwh,
                      @RequestParam(required = false) String note, RedirectAttributes redirect) {
        // all parameters optional and parsed here: the role is checked first, bad input is shown on the page
        try {
            int y;
            try {
                y = Integer.parseInt(year == null ? "" : year.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("年份必填，应为整数 / the year is required and must be a whole number");
            }
            BigDecimal v = EnergyApiController.number(kgcePerKwh, "kgce/kWh");
            coefficients.setEquivalentFactor(y, v, note, EnergyApiController.actor());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/energy/coefficients";
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
