package org.mujun.energy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mujun.common.ExcelExport;
import org.mujun.common.NavLink;
import org.mujun.energy.CarbonEfficiency.Config;
import org.mujun.energy.CarbonEfficiency.Level;
import org.mujun.energy.CarbonEfficiencyCodes.Code;
import org.mujun.energy.CarbonEfficiencyCodes.Filter;
import org.mujun.energy.CarbonEfficiencyCodes.Listing;
import org.mujun.energy.CarbonEfficiencyCodes.RegionDistribution;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of 碳效码 (SPEC §4): the list with filters, the region distribution of grades, the thresholds and colours. */
@Controller
class CarbonEfficiencyController {

    private final CarbonEfficiencyCodes codes;
    private final CarbonEfficiencySettings settings;
    private final MessageSource messages;

    CarbonEfficiencyController(CarbonEfficiencyCodes codes, CarbonEfficiencySettings settings, MessageSource messages) {
        this.codes = codes;
        this.settings = settings;
        this.messages = messages;
    }

    @Bean
    static NavLink carbonEfficiencyNavLink() {
        return new NavLink(62, "nav.carbonEfficiency", "/energy/carbon-efficiency", NavLink.BUSINESS);
    }

    int year(Integer year) {
        return year != null ? year : codes.latestYear().orElse(java.time.Year.now().getValue() - 1);
    }

    static Filter filter(String region, String industry, Integer grade, Level level) {
        return new Filter(region, industry, grade, level);
    }

    @GetMapping("/energy/carbon-efficiency")
    @PreAuthorize(EnergyApiController.BUSINESS)
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                @RequestParam(required = false) String industry, @RequestParam(required = false) Integer grade,
                @RequestParam(required = false) Level level, @RequestParam(defaultValue = "0") int page, Model model) {
        int y = year(year);
        Listing l = codes.list(y, filter(region, industry, grade, level));
        int size = 50;
        int p = Math.max(0, page);
        model.addAttribute("listing", l);
        model.addAttribute("rows", l.rows().stream().skip((long) p * size).limit(size).toList());
        model.addAttribute("year", y);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("industry", industry == null ? "" : industry);
        model.addAttribute("grade", grade);
        model.addAttribute("level", level);
        model.addAttribute("levels", Level.values());
        model.addAttribute("config", settings.current().config());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (l.rows().size() + size - 1) / size));
        return "energy/carbon-efficiency";
    }

    @GetMapping("/energy/carbon-efficiency/export")
    @PreAuthorize(EnergyApiController.BUSINESS)
    void export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                @RequestParam(required = false) String industry, @RequestParam(required = false) Integer grade,
                @RequestParam(required = false) Level level, HttpServletResponse response) throws IOException {
        int y = year(year);
        Listing l = codes.list(y, filter(region, industry, grade, level));
        attachment(response, "carbon-efficiency-" + y + ".xlsx");
        List<List<?>> rows = new ArrayList<>();
        for (Code c : l.rows()) {
            rows.add(Arrays.asList(c.uscc(), c.name(), c.regionCode(), c.industryCode(), c.co2Tonnes(), c.valueAdded(), c.result().intensity(),
                    c.result().level() == null ? null : levelName(c.result().level()), c.result().industryAverage(), c.result().k(), c.result().grade()));
        }
        ExcelExport.write(response.getOutputStream(), "carbon-efficiency-" + y, List.of(msg("ce.col.uscc"), msg("ce.col.name"), msg("ce.col.region"),
                msg("ce.col.industry"), msg("ce.col.co2"), msg("ce.col.valueAdded"), msg("ce.col.intensity"), msg("ce.col.level"),
                msg("ce.col.industryAverage"), msg("ce.col.k"), msg("ce.col.grade")), rows);
    }

    @GetMapping("/energy/carbon-efficiency/distribution")
    @PreAuthorize(EnergyApiController.BUSINESS)
    String distribution(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int length,
                        @RequestParam(required = false) String region, Model model) {
        int y = year(year);
        int len = length(length);
        model.addAttribute("rows", codes.distribution(y, len, region));
        model.addAttribute("year", y);
        model.addAttribute("length", len);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("config", settings.current().config());
        return "energy/carbon-efficiency-distribution";
    }

    @GetMapping("/energy/carbon-efficiency/distribution/export")
    @PreAuthorize(EnergyApiController.BUSINESS)
    void exportDistribution(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int length,
                            @RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
        int y = year(year);
        List<List<?>> rows = new ArrayList<>();
        for (RegionDistribution d : codes.distribution(y, length(length), region)) {
            rows.add(Arrays.asList(d.region(), d.name(), d.grades()[0], d.grades()[1], d.grades()[2], d.grades()[3], d.grades()[4], d.withoutGrade(), d.total()));
        }
        attachment(response, "carbon-efficiency-distribution-" + y + ".xlsx");
        ExcelExport.write(response.getOutputStream(), "distribution-" + y, List.of(msg("ce.col.region"), msg("ce.col.regionName"), msg("ce.grade.1"), msg("ce.grade.2"),
                msg("ce.grade.3"), msg("ce.grade.4"), msg("ce.grade.5"), msg("ce.col.noGrade"), msg("ce.col.total")), rows);
    }

    /** Region-code length of the distribution: the level below the user's own by default (county → towns). */
    static int length(int requested) {
        if (requested == 2 || requested == 4 || requested == 6 || requested == 9) {
            return requested;
        }
        MujunUser u = Jurisdiction.currentUser();
        int own = u == null || u.regionCode() == null ? 2 : u.regionCode().length();
        return own >= 9 ? 9 : own >= 6 ? 9 : own >= 4 ? 6 : 4;
    }

    @GetMapping("/energy/carbon-efficiency/config")
    @PreAuthorize(EnergyApiController.VIEWERS)
    String config(Model model) {
        model.addAttribute("current", settings.current());
        model.addAttribute("versions", settings.versions());
        MujunUser u = Jurisdiction.currentUser();
        model.addAttribute("canEdit", u != null && u.role() == org.mujun.security.Role.PROVINCE_ADMIN);
        return "energy/carbon-efficiency-config";
    }

    @PostMapping("/energy/carbon-efficiency/config")
    @PreAuthorize(EnergyApiController.EDITORS)
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            List<BigDecimal> levels = List.of(EnergyApiController.number(form.get("level1"), "低碳上限"), EnergyApiController.number(form.get("level2"), "中碳上限"));
            List<BigDecimal> grades = List.of(EnergyApiController.number(form.get("grade1"), "1 级上限"), EnergyApiController.number(form.get("grade2"), "2 级上限"),
                    EnergyApiController.number(form.get("grade3"), "3 级上限"), EnergyApiController.number(form.get("grade4"), "4 级上限"));
            List<String> levelColours = List.of(form.getOrDefault("levelColour1", ""), form.getOrDefault("levelColour2", ""), form.getOrDefault("levelColour3", ""));
            List<String> gradeColours = List.of(form.getOrDefault("gradeColour1", ""), form.getOrDefault("gradeColour2", ""),
                    form.getOrDefault("gradeColour3", ""), form.getOrDefault("gradeColour4", ""), form.getOrDefault("gradeColour5", ""));
            settings.save(new Config(levels, grades, levelColours, gradeColours), form.get("note"), EnergyApiController.actor());
            redirect.addFlashAttribute("ok", true);
        } catch (IllegalArgumentException | NullPointerException e) {
            redirect.addFlashAttribute("error", e instanceof NullPointerException
                    ? "请填写全部阈值 / every threshold is required" : e.getMessage());
        }
        return "redirect:/energy/carbon-efficiency/config";
    }

    private String levelName(Level l) {
        return msg("ce.level." + l.name());
    }

    private static void attachment(HttpServletResponse response, String file) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
