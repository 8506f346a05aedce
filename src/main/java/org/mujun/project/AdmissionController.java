package org.mujun.project;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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

/** Pages of 两高 project admission: enter a project, the decision with its reasons, the list, the standards. */
@Controller
class AdmissionController {

    private final Admissions admissions;
    private final ProjectSettings settings;
    private final MessageSource messages;

    AdmissionController(Admissions admissions, ProjectSettings settings, MessageSource messages) {
        this.admissions = admissions;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/projects/admission")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String verdict,
                @RequestParam(defaultValue = "false") boolean lianggao, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Admissions.Page l = admissions.list(region, verdict, lianggao, q, Math.max(0, page), 50);
        model.addAttribute("listing", l);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("verdict", verdict == null ? "" : verdict);
        model.addAttribute("lianggao", lianggao);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pages", ProjectWeb.pages(l.total(), 50));
        model.addAttribute("effective", admissions.effective(ProjectWeb.userRegion()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "project/admission";
    }

    @PostMapping("/projects/admission")
    @PreAuthorize(ProjectWeb.WRITE)
    String decide(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            Admissions.Decision d = admissions.decide(new Admissions.Input(f.get("uscc"), f.get("applicantName"), f.get("regionCode"),
                    f.get("projectName"), f.get("industryCode"), ProjectWeb.number(f.get("annualEnergyTce"), msg("project.adm.energy")),
                    ProjectWeb.number(f.get("annualOutputWan"), msg("project.adm.output")), ProjectWeb.number(f.get("newCapacity"), msg("project.adm.newCapacity")),
                    ProjectWeb.number(f.get("replacedCapacity"), msg("project.adm.replacedCapacity")), f.get("capacityUnit")), ProjectWeb.actor());
            return "redirect:/projects/admission/" + d.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", f);
            return "redirect:/projects/admission";
        }
    }

    @GetMapping("/projects/admission/{id}")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    String decision(@PathVariable long id, Model model) {
        model.addAttribute("d", admissions.find(id));
        return "project/admission-decision";
    }

    @GetMapping("/projects/admission/export")
    @PreAuthorize(ProjectWeb.OFFICIALS)
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) String verdict,
                @RequestParam(defaultValue = "false") boolean lianggao, @RequestParam(required = false) String q,
                HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (Admissions.Decision d : admissions.list(region, verdict, lianggao, q, 0, 1_000_000).items()) {
            rows.add(Arrays.asList(d.id(), d.regionCode(), d.uscc(), d.applicantName(), d.projectName(), d.industryCode(), d.annualEnergyTce(),
                    d.annualOutputWan(), d.intensity(), d.maxIntensity(), d.newCapacity(), d.replacedCapacity(), d.capacityUnit(),
                    d.lianggao() ? msg("project.yes") : msg("project.no"), msg("project.adm.verdict." + d.verdict()), String.join("；", d.reasons()),
                    d.decidedBy(), d.decidedAt().toString()));
        }
        ProjectWeb.xlsx(response, "lianggao-admission.xlsx", msg("project.adm.title"), List.of("#", msg("project.col.region"), msg("project.col.uscc"),
                msg("project.adm.applicant"), msg("project.col.name"), msg("project.col.industry"), msg("project.adm.energy"), msg("project.adm.output"),
                msg("project.adm.intensity"), msg("project.adm.standard"), msg("project.adm.newCapacity"), msg("project.adm.replacedCapacity"),
                msg("project.adm.unit"), msg("project.adm.lianggao"), msg("project.adm.verdict"), msg("project.col.reasons"), msg("project.col.by"),
                msg("project.col.at")), rows);
    }

    @GetMapping("/projects/admission/settings")
    @PreAuthorize(ProjectWeb.SETTINGS)
    String settings(Model model) {
        Admissions.Effective e = admissions.effective(ProjectWeb.userRegion());
        model.addAttribute("effective", e);
        model.addAttribute("form", LianggaoRulesForm.of(e.rules()));
        model.addAttribute("intensityLines", LianggaoRulesForm.lines(e.rules().maxIntensityByIndustry()));
        model.addAttribute("ratioLines", LianggaoRulesForm.lines(e.rules().replacementRatioByIndustry()));
        model.addAttribute("prefixes", admissions.lianggaoPrefixes());
        model.addAttribute("region", ProjectWeb.userRegion());
        model.addAttribute("canEdit", ProjectWeb.isAdmin());
        model.addAttribute("history", settings.history(ProjectSettings.LIANGGAO, ProjectWeb.userRegion()));
        return "project/admission-settings";
    }

    @PostMapping("/projects/admission/settings")
    @PreAuthorize(ProjectWeb.WRITE)
    String saveSettings(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            LianggaoRulesForm form = new LianggaoRulesForm(ProjectWeb.required(f.get("defaultMaxIntensity"), msg("project.adm.defaultStandard")),
                    LianggaoRulesForm.parseLines(f.get("intensityLines"), msg("project.adm.industryStandards")),
                    LianggaoRulesForm.parseLines(f.get("ratioLines"), msg("project.adm.ratios")));
            settings.save(ProjectSettings.LIANGGAO, ProjectWeb.userRegion(), form.toJson(), ProjectWeb.blankToNull(f.get("note")), ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/admission/settings";
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
