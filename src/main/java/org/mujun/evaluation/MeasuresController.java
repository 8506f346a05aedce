package org.mujun.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.mujun.common.ExcelExport;
import org.mujun.common.NavLink;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.MeasureSettings.MeasuresVersion;
import org.mujun.evaluation.Measures.ClassMeasures;
import org.mujun.evaluation.Measures.Surcharge;
import org.mujun.evaluation.Measures.Utility;
import org.mujun.evaluation.RunMeasures.ListKind;
import org.mujun.evaluation.RunMeasures.Listing;
import org.mujun.evaluation.RunMeasures.Row;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of 差别化要素配置 (SPEC §5): the settings per region and year (versioned), and a run's lists for the
 * utility companies, the tax bureau and the quotas, with totals and Excel exports.
 */
@Controller
class MeasuresController {

    private final MeasureSettings settings;
    private final RunMeasures runMeasures;
    private final EvaluationRuns runs;
    private final Jurisdiction jurisdiction;
    private final MessageSource messages;

    MeasuresController(MeasureSettings settings, RunMeasures runMeasures, EvaluationRuns runs, Jurisdiction jurisdiction, MessageSource messages) {
        this.settings = settings;
        this.runMeasures = runMeasures;
        this.runs = runs;
        this.jurisdiction = jurisdiction;
        this.messages = messages;
    }

    @Bean
    static NavLink measuresNavLink() {
        return new NavLink(46, "nav.measures", "/evaluation/measures", NavLink.OFFICIALS);
    }

    // ------------------------------------------------------------------ settings

    @GetMapping("/evaluation/measures")
    @PreAuthorize(PublicationController.OFFICIALS)
    String settings(@RequestParam(required = false) String region, @RequestParam(required = false) String year, Model model) {
        String r = PublicationController.region(region);
        Integer y = PublicationController.year(year);
        model.addAttribute("configured", settings.list(r, y));
        MujunUser u = Jurisdiction.currentUser();
        model.addAttribute("region", r != null ? r : u == null ? "" : u.regionCode());
        model.addAttribute("year", y != null ? y : java.time.Year.now(Publications.ZONE).getValue() - 1);
        return "evaluation/measures-settings";
    }

    @GetMapping("/evaluation/measures/{region}/{year}")
    @PreAuthorize(PublicationController.OFFICIALS)
    String edit(@PathVariable String region, @PathVariable int year, Model model) {
        requireVisible(region);
        var applicable = settings.applicable(region, year);
        Measures current = applicable.map(MeasuresVersion::measures).orElse(Measures.DEFAULT);
        model.addAttribute("regionCode", region);
        model.addAttribute("year", year);
        model.addAttribute("applicable", applicable.orElse(null));
        model.addAttribute("versions", settings.versions(region, year));
        model.addAttribute("values", formValues(current));
        model.addAttribute("classes", EvaluationClass.values());
        model.addAttribute("utilities", Utility.values());
        model.addAttribute("canEdit", canEdit(region));
        return "evaluation/measures-edit";
    }

    @PostMapping("/evaluation/measures/{region}/{year}")
    @PreAuthorize(PublicationController.ADMINS)
    String save(@PathVariable String region, @PathVariable int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        requireVisible(region);
        try {
            settings.save(region, year, parse(form), form.get("note"), PublicationController.actor());
            redirect.addFlashAttribute("ok", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluation/measures/" + region + "/" + year;
    }

    /** Region-level settings are visible when the region and the user's region overlap; otherwise 404. */
    private void requireVisible(String region) {
        Scope s = jurisdiction.current();
        if (region == null || !region.matches("\\d{2,12}") || s.regionPrefix() == null
                || !(region.startsWith(s.regionPrefix()) || s.regionPrefix().startsWith(region))) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                    "区划不存在或不在管辖范围内 / region not found");
        }
    }

    private static boolean canEdit(String region) {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && u.role().isAdmin() && u.regionCode() != null && region.startsWith(u.regionCode());
    }

    /** The form's fields: {class}_{utility}_rate / _rise / _max, {class}_landTax, _energy, _emission, highestOnly. */
    static Map<String, String> formValues(Measures m) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("highestOnly", Boolean.toString(m.highestOnly()));
        for (ClassMeasures c : m.classes()) {
            String k = c.evaluationClass().name();
            for (Surcharge s : c.surcharges()) {
                String p = k + "_" + s.utility().name();
                v.put(p + "_rate", plain(s.yuanPerUnit()));
                v.put(p + "_rise", s.risePerConsecutiveYear() == 0 ? "" : plain(s.risePerConsecutiveYear()));
                v.put(p + "_max", s.maxYuanPerUnit() == null ? "" : plain(s.maxYuanPerUnit()));
            }
            v.put(k + "_landTax", c.landUseTaxReductionPercent() == null ? "" : plain(c.landUseTaxReductionPercent()));
            v.put(k + "_energy", c.energyQuotaPercent() == null ? "" : plain(c.energyQuotaPercent()));
            v.put(k + "_emission", c.emissionQuotaPercent() == null ? "" : plain(c.emissionQuotaPercent()));
        }
        return v;
    }

    static Measures parse(Map<String, String> form) {
        String highest = form.get("highestOnly");
        if (!"true".equals(highest) && !"false".equals(highest)) {
            throw new IllegalArgumentException("请选择是否“就高不重复” / choose whether only the highest surcharge is charged (highestOnly)");
        }
        List<ClassMeasures> classes = new ArrayList<>();
        for (EvaluationClass c : EvaluationClass.values()) {
            List<Surcharge> surcharges = new ArrayList<>();
            for (Utility u : Utility.values()) {
                String p = c.name() + "_" + u.name();
                Double rate = number(form.get(p + "_rate"), c + " " + u.nameZh() + " 加价");
                Double rise = number(form.get(p + "_rise"), c + " " + u.nameZh() + " 逐年递增");
                Double max = number(form.get(p + "_max"), c + " " + u.nameZh() + " 上限");
                if (rate != null) {
                    surcharges.add(new Surcharge(u, rate, rise == null ? 0 : rise, max));
                } else if (rise != null || max != null) {
                    throw new IllegalArgumentException(c + " 类" + u.nameZh() + "：填写递增或上限时须填写加价 / class " + c + " " + u.nameEn()
                            + ": a rise or maximum needs the surcharge per unit");
                }
            }
            Double tax = number(form.get(c.name() + "_landTax"), c + " 城镇土地使用税减免");
            Double energy = number(form.get(c.name() + "_energy"), c + " 用能指标");
            Double emission = number(form.get(c.name() + "_emission"), c + " 排污指标");
            if (!surcharges.isEmpty() || tax != null || energy != null || emission != null) {
                classes.add(new ClassMeasures(c, surcharges, tax, energy, emission));
            }
        }
        return new Measures("true".equals(highest), classes);
    }

    private static Double number(String s, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + "：不是数字 “" + s + "” / not a number: " + s);
        }
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    // ------------------------------------------------------------------ a run's lists

    @GetMapping("/evaluation/runs/{id}/measures")
    @PreAuthorize(PublicationController.READERS)
    String lists(@PathVariable long id, @RequestParam(defaultValue = "ELECTRICITY") ListKind list, Model model) {
        requireTaxSight(list);
        Run run = runs.get(id);
        Scope scope = jurisdiction.current();
        Listing l = runMeasures.list(run, list, scope);
        Map<ListKind, RunMeasures.Totals> overview = new LinkedHashMap<>();
        for (ListKind k : ListKind.values()) {
            if (k != ListKind.LAND_USE_TAX || seesTax()) {
                overview.put(k, k == list ? l.totals() : runMeasures.list(run, k, scope).totals());
            }
        }
        model.addAttribute("listing", l);
        model.addAttribute("overview", overview);
        model.addAttribute("list", list);
        model.addAttribute("run", run);
        model.addAttribute("seesTax", seesTax());
        model.addAttribute("measures", l.applied().measures());
        return "evaluation/measures-run";
    }

    @GetMapping("/evaluation/runs/{id}/measures/export")
    @PreAuthorize(PublicationController.READERS)
    void export(@PathVariable long id, @RequestParam(defaultValue = "ELECTRICITY") ListKind list, HttpServletResponse response) throws IOException {
        requireTaxSight(list);
        Listing l = runMeasures.list(id, list);
        String file = "measures-" + id + "-" + list.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
        write(response.getOutputStream(), l, this::msg);
    }

    static void requireTaxSight(ListKind list) {
        if (list == ListKind.LAND_USE_TAX && !seesTax()) {
            throw new AccessDeniedException("tax figures are not shown to this role");
        }
    }

    static boolean seesTax() {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && u.role().seesTax();
    }

    /** One sheet of a list: its columns, its rows and a totals row. */
    static void write(OutputStream out, Listing l, Function<String, String> msg) throws IOException {
        List<String> headers = new ArrayList<>(List.of(msg.apply("measures.col.uscc"), msg.apply("measures.col.name"),
                msg.apply("measures.col.region"), msg.apply("measures.col.class"), msg.apply("measures.col.years")));
        List<List<?>> rows = new ArrayList<>();
        RunMeasures.Totals t = l.totals();
        switch (l.kind()) {
            case ELECTRICITY, WATER, GAS -> {
                headers.addAll(List.of(msg.apply("measures.col.quantity." + l.kind()), msg.apply("measures.col.rate." + l.kind()),
                        msg.apply("measures.col.amount")));
                for (Row r : l.rows()) {
                    rows.add(Arrays.asList(r.uscc(), r.name(), r.regionCode(), r.measureClass().name(), r.consecutiveYears(),
                            r.line().quantity(), r.line().rate(), r.line().amountYuan()));
                }
                rows.add(Arrays.asList(msg.apply("measures.total"), t.enterprises(), null, null, null, t.quantity(), null, t.amountYuan()));
            }
            case LAND_USE_TAX -> {
                headers.addAll(List.of(msg.apply("measures.col.landMu"), msg.apply("measures.col.landTax"), msg.apply("measures.col.reductionPercent"),
                        msg.apply("measures.col.reduction")));
                for (Row r : l.rows()) {
                    rows.add(Arrays.asList(r.uscc(), r.name(), r.regionCode(), r.measureClass().name(), r.consecutiveYears(), r.landMu(),
                            r.landUseTaxYuan(), r.landUseTaxReductionPercent(), r.landUseTaxReductionYuan()));
                }
                rows.add(Arrays.asList(msg.apply("measures.total"), t.enterprises(), null, null, null, null, t.landUseTaxYuan(), null, t.reductionYuan()));
            }
            case QUOTA -> {
                headers.addAll(List.of(msg.apply("measures.col.energy"), msg.apply("measures.col.energyQuota"), msg.apply("measures.col.emissions"),
                        msg.apply("measures.col.emissionQuota")));
                for (Row r : l.rows()) {
                    rows.add(Arrays.asList(r.uscc(), r.name(), r.regionCode(), r.measureClass().name(), r.consecutiveYears(), r.energyTce(),
                            r.energyQuotaChangeTce(), r.emissionsT(), r.emissionQuotaChangeT()));
                }
                rows.add(Arrays.asList(msg.apply("measures.total"), t.enterprises(), null, null, null, null, t.energyQuotaChangeTce(), null,
                        t.emissionQuotaChangeT()));
            }
        }
        ExcelExport.write(out, "measures-" + l.kind().name().toLowerCase(Locale.ROOT), headers, rows);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
