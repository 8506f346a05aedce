package org.mujun.project;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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

/** Pages of 零增地技改: the calculator, the project register, the rules. */
@Controller
class ZeroLandController {

    private final ZeroLandProjects zeroLand;
    private final ProjectSettings settings;
    private final MessageSource messages;

    ZeroLandController(ZeroLandProjects zeroLand, ProjectSettings settings, MessageSource messages) {
        this.zeroLand = zeroLand;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/projects/zero-land")
    @PreAuthorize(ProjectWeb.READ)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        return render(model, region, q, page, Map.of(), null, null);
    }

    private String render(Model model, String region, String q, int page, Map<String, String> form, ZeroLandProjects.Calculation result, String error) {
        ZeroLandProjects.Page l = zeroLand.list(region, q, Math.max(0, page), 50);
        model.addAttribute("listing", l);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pages", ProjectWeb.pages(l.total(), 50));
        model.addAttribute("form", form);
        model.addAttribute("result", result);
        model.addAttribute("error", error);
        model.addAttribute("effective", zeroLand.effective(ProjectWeb.userRegion()));
        return "project/zero-land";
    }

    @PostMapping("/projects/zero-land/calculate")
    @PreAuthorize(ProjectWeb.READ)
    String calculate(@RequestParam Map<String, String> f, Model model) {
        try {
            return render(model, null, null, 0, f, zeroLand.calculate(input(f)), null);
        } catch (IllegalArgumentException e) {
            return render(model, null, null, 0, f, null, e.getMessage());
        }
    }

    @PostMapping("/projects/zero-land")
    @PreAuthorize(ProjectWeb.WRITE)
    String register(@RequestParam Map<String, String> f, Model model) {
        try {
            return "redirect:/projects/zero-land/" + zeroLand.register(input(f), ProjectWeb.actor());
        } catch (IllegalArgumentException e) {
            return render(model, null, null, 0, f, null, e.getMessage());
        }
    }

    @GetMapping("/projects/zero-land/{id}")
    @PreAuthorize(ProjectWeb.READ)
    String project(@PathVariable long id, Model model) {
        model.addAttribute("z", zeroLand.find(id));
        return "project/zero-land-project";
    }

    @GetMapping("/projects/zero-land/export")
    @PreAuthorize(ProjectWeb.READ)
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (ZeroLandProjects.Row r : zeroLand.list(region, q, 0, 1_000_000).items()) {
            rows.add(Arrays.asList(r.id(), r.name(), r.regionCode(), r.uscc(), r.enterpriseName(), r.projectInvestmentWan(), r.equipmentWan(),
                    r.newFloorAreaM2(), r.floors(), r.enterpriseClass(), r.equipmentSubsidyWan(), r.floorRewardWan(), r.totalWan(),
                    String.join("；", r.explanation())));
        }
        ProjectWeb.xlsx(response, "zero-land-projects.xlsx", msg("project.zl.title"), List.of("#", msg("project.col.name"), msg("project.col.region"),
                msg("project.col.uscc"), msg("project.col.investor"), msg("project.zl.projectInvestment"), msg("project.zl.equipment"),
                msg("project.zl.floorArea"), msg("project.zl.floors"), msg("project.zl.class"), msg("project.zl.subsidy"), msg("project.zl.reward"),
                msg("project.zl.total"), msg("project.col.reasons")), rows);
    }

    @GetMapping("/projects/zero-land/settings")
    @PreAuthorize(ProjectWeb.SETTINGS)
    String settings(Model model) {
        ZeroLandProjects.Effective e = zeroLand.effective(ProjectWeb.userRegion());
        model.addAttribute("effective", e);
        model.addAttribute("form", ZeroLandRulesForm.of(e.rules()));
        model.addAttribute("region", ProjectWeb.userRegion());
        model.addAttribute("canEdit", ProjectWeb.isAdmin());
        model.addAttribute("history", settings.history(ProjectSettings.ZERO_LAND, ProjectWeb.userRegion()));
        return "project/zero-land-settings";
    }

    @PostMapping("/projects/zero-land/settings")
    @PreAuthorize(ProjectWeb.WRITE)
    String saveSettings(@RequestParam Map<String, String> f, @RequestParam(required = false) List<String> barred, RedirectAttributes redirect) {
        try {
            List<ZeroLandRulesForm.Tier> tiers = ZeroLandRulesForm.numberLines(f.get("tierLines"), 4, msg("project.zl.tiers")).stream()
                    .map(v -> new ZeroLandRulesForm.Tier(v[0], v[1], v[2], v[3])).toList();
            List<ZeroLandRulesForm.Floor> floors = ZeroLandRulesForm.numberLines(f.get("floorLines"), 2, msg("project.zl.floorTiers")).stream()
                    .map(v -> new ZeroLandRulesForm.Floor(v[0].intValue(), v[1])).toList();
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            LianggaoRulesForm.parseLines(f.get("classLines"), msg("project.zl.classRates"))
                    .forEach((k, v) -> rates.put(ZeroLandRulesForm.cls(k).name(), v));
            ZeroLandRulesForm form = new ZeroLandRulesForm(tiers, rates, ProjectWeb.required(f.get("classRewardCap"), msg("project.zl.classCap")),
                    floors, ProjectWeb.required(f.get("floorRewardCap"), msg("project.zl.floorCap")), f.get("combination"),
                    ProjectWeb.number(f.get("combinedCap"), msg("project.zl.combinedCap")),
                    ProjectWeb.required(f.get("maxParcels"), msg("project.zl.maxParcels")).intValue(),
                    ProjectWeb.required(f.get("minParcelMu"), msg("project.zl.minParcel")), barred == null ? List.of() : barred);
            settings.save(ProjectSettings.ZERO_LAND, ProjectWeb.userRegion(), form.toJson(), ProjectWeb.blankToNull(f.get("note")), ProjectWeb.actor());
            redirect.addFlashAttribute("ok", msg("project.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/zero-land/settings";
    }

    ZeroLandProjects.Input input(Map<String, String> f) {
        List<BigDecimal> parcels = new ArrayList<>();
        String p = f.get("parcelsMu");
        if (p != null && !p.isBlank()) {
            for (String s : p.trim().split("[\\s,，;；]+")) {
                parcels.add(ProjectWeb.number(s, msg("project.zl.parcels")));
            }
        }
        return new ZeroLandProjects.Input(f.get("uscc"), f.get("name"), ProjectWeb.number(f.get("projectInvestmentWan"), msg("project.zl.projectInvestment")),
                ProjectWeb.number(f.get("equipmentWan"), msg("project.zl.equipment")), ProjectWeb.number(f.get("newFloorAreaM2"), msg("project.zl.floorArea")),
                ProjectWeb.integer(f.get("floors"), msg("project.zl.floors")), f.get("enterpriseClass"), parcels, f.get("transfereeClass"), f.get("note"));
    }

    static EnumSet<ZeroLandTechRules.EnterpriseClass> classes() {
        return EnumSet.allOf(ZeroLandTechRules.EnterpriseClass.class);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
