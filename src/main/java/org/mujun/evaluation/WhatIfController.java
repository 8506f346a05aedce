package org.mujun.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mujun.common.ExcelExport;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationRuns.RunFilter;
import org.mujun.evaluation.WhatIf.Grade;
import org.mujun.evaluation.WhatIfComparisons.Mover;
import org.mujun.evaluation.WhatIfComparisons.View;
import org.mujun.security.Jurisdiction;
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

/** Pages of the what-if comparison (试算对比, SPEC §5): start a what-if run of a scheme, the migration matrix, the movers. */
@Controller
class WhatIfController {

    private final WhatIfComparisons comparisons;
    private final EvaluationSchemes schemes;
    private final EvaluationRuns runs;
    private final Jurisdiction jurisdiction;
    private final MessageSource messages;

    WhatIfController(WhatIfComparisons comparisons, EvaluationSchemes schemes, EvaluationRuns runs, Jurisdiction jurisdiction,
                     MessageSource messages) {
        this.comparisons = comparisons;
        this.schemes = schemes;
        this.runs = runs;
        this.jurisdiction = jurisdiction;
        this.messages = messages;
    }

    @org.springframework.context.annotation.Bean
    static org.mujun.common.NavLink whatIfNavLink() {
        return new org.mujun.common.NavLink(45, "nav.whatIf", "/evaluation/what-if", org.mujun.common.NavLink.OFFICIALS);
    }

    @GetMapping("/evaluation/what-if")
    @PreAuthorize(PublicationController.OFFICIALS)
    String index(@RequestParam(required = false) String region, @RequestParam(required = false) String year, Model model) {
        String r = PublicationController.region(region);
        Integer y = PublicationController.year(year);
        model.addAttribute("schemes", schemes.list(r, y));
        model.addAttribute("runs", runs.list(new RunFilter(r, y, RunKind.WHAT_IF)));
        model.addAttribute("region", r == null ? "" : r);
        model.addAttribute("year", y);
        return "evaluation/what-if";
    }

    @PostMapping("/evaluation/what-if")
    @PreAuthorize(PublicationController.ADMINS)
    String start(@RequestParam(required = false) Long schemeId, RedirectAttributes redirect) {
        try {
            if (schemeId == null) {
                throw new IllegalArgumentException("请选择评价方案 / choose a scheme");
            }
            Run run = comparisons.start(schemeId, PublicationController.actor());
            return "redirect:/evaluation/what-if/" + run.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/evaluation/what-if";
        }
    }

    @GetMapping("/evaluation/what-if/{runId}")
    @PreAuthorize(PublicationController.OFFICIALS)
    String compare(@PathVariable long runId, @RequestParam(required = false) Long base, Model model) {
        View v = comparisons.compare(runId, base);
        model.addAttribute("v", v);
        model.addAttribute("movers", comparisons.movers(v, null, null, jurisdiction.current()));
        model.addAttribute("from", null);
        model.addAttribute("to", null);
        return "evaluation/what-if-compare";
    }

    @GetMapping("/evaluation/what-if/{runId}/movers")
    @PreAuthorize(PublicationController.OFFICIALS)
    String movers(@PathVariable long runId, @RequestParam(required = false) Long base, @RequestParam(required = false) Grade from,
                  @RequestParam(required = false) Grade to, Model model) {
        View v = comparisons.compare(runId, base);
        model.addAttribute("v", v);
        model.addAttribute("movers", comparisons.movers(v, from, to, jurisdiction.current()));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "evaluation/what-if-movers";
    }

    @GetMapping("/evaluation/what-if/{runId}/movers/export")
    @PreAuthorize(PublicationController.OFFICIALS)
    void export(@PathVariable long runId, @RequestParam(required = false) Long base, @RequestParam(required = false) Grade from,
                @RequestParam(required = false) Grade to, HttpServletResponse response) throws IOException {
        View v = comparisons.compare(runId, base);
        List<Mover> movers = comparisons.movers(v, from, to, jurisdiction.current());
        String file = "what-if-" + runId + "-vs-" + v.base().id() + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
        List<List<?>> rows = new ArrayList<>();
        for (Mover m : movers) {
            rows.add(Arrays.asList(m.uscc(), m.name(), m.regionCode(), m.industryCode(), m.from().name(), m.to().name(), m.totalFrom(), m.totalTo(),
                    m.chargeFromYuan(), m.chargeToYuan(), m.chargeToYuan().subtract(m.chargeFromYuan())));
        }
        ExcelExport.write(response.getOutputStream(), "what-if", List.of(msg("whatif.col.uscc"), msg("whatif.col.name"), msg("whatif.col.region"),
                msg("whatif.col.industry"), msg("whatif.col.from"), msg("whatif.col.to"), msg("whatif.col.totalFrom"), msg("whatif.col.totalTo"),
                msg("whatif.col.chargeFrom"), msg("whatif.col.chargeTo"), msg("whatif.col.chargeChange")), rows);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
