package org.mujun.target;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The quarterly bulletin (季度通报: page, PDF, Excel, REST) and the annual assessment (年度考核: page, weights, REST). */
@Controller
class TargetReportController {

    private final TargetReports reports;
    private final TargetBoard board;
    private final Jurisdiction jurisdiction;

    TargetReportController(TargetReports reports, TargetBoard board, Jurisdiction jurisdiction) {
        this.reports = reports;
        this.board = board;
        this.jurisdiction = jurisdiction;
    }

    private int year(Integer year) {
        return year == null ? board.today().getYear() : year;
    }

    private int quarter(Integer quarter) {
        return quarter == null ? (board.today().getMonthValue() - 1) / 3 + 1 : quarter;
    }

    @GetMapping("/targets/bulletin")
    @PreAuthorize(TargetWeb.READ)
    String bulletin(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) Integer quarter, Model model) {
        Scope scope = jurisdiction.current();
        String r = board.region(scope, region);
        int y = year(year);
        int q = quarter(quarter);
        model.addAttribute("region", r);
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        try {
            model.addAttribute("b", reports.bulletin(scope, r, y, q));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("regionName", board.name(r));
        }
        return "target/bulletin";
    }

    @GetMapping("/targets/bulletin.pdf")
    @PreAuthorize(TargetWeb.READ)
    void bulletinPdf(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) Integer quarter, HttpServletResponse response) throws IOException {
        Bulletin b = reports.bulletin(jurisdiction.current(), region, year(year), quarter(quarter));
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(BulletinDocuments.title(b) + ".pdf", StandardCharsets.UTF_8));
        BulletinDocuments.pdf(b, response.getOutputStream());
    }

    @GetMapping("/targets/bulletin.xlsx")
    @PreAuthorize(TargetWeb.READ)
    void bulletinXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) Integer quarter, HttpServletResponse response) throws IOException {
        Bulletin b = reports.bulletin(jurisdiction.current(), region, year(year), quarter(quarter));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(BulletinDocuments.title(b) + ".xlsx", StandardCharsets.UTF_8));
        BulletinDocuments.xlsx(b, response.getOutputStream());
    }

    @GetMapping("/api/v1/targets/bulletin")
    @PreAuthorize(TargetWeb.READ)
    @ResponseBody
    Bulletin apiBulletin(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) Integer quarter) {
        return reports.bulletin(jurisdiction.current(), region, year(year), quarter(quarter));
    }

    // --- annual assessment

    @GetMapping("/targets/assessment")
    @PreAuthorize(TargetWeb.READ)
    String assessment(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year, Model model) {
        Scope scope = jurisdiction.current();
        String r = board.region(scope, region);
        int y = year(year);
        model.addAttribute("region", r);
        model.addAttribute("year", y);
        model.addAttribute("indicators", TargetIndicator.values());
        Map<String, String> weights = new java.util.LinkedHashMap<>();
        reports.weights(scope, r, y).forEach((i, w) -> weights.put(i.name(), w.stripTrailingZeros().toPlainString()));
        model.addAttribute("weights", weights);
        try {
            model.addAttribute("a", reports.assessment(scope, r, y));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("regionName", board.name(r));
        return "target/assessment";
    }

    @PostMapping("/targets/assessment/weights")
    @PreAuthorize(TargetWeb.WRITE)
    String weights(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Scope scope = jurisdiction.current();
        String r = board.region(scope, form.get("region"));
        Integer y = null;
        try {
            y = TargetWeb.integer(form.get("year"), "年度 / year");
            if (y == null) {
                throw new IllegalArgumentException("缺少年度 / the year is required");
            }
            Map<TargetIndicator, BigDecimal> w = new EnumMap<>(TargetIndicator.class);
            for (TargetIndicator i : TargetIndicator.values()) {
                BigDecimal v = TargetWeb.number(form.get("weight_" + i.name()), i.nameZh());
                if (v != null) {
                    w.put(i, v);
                }
            }
            reports.setWeights(scope, r, y, w, TargetWeb.actor());
            redirect.addFlashAttribute("notes", java.util.List.of("权重已保存 / weights saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/targets/assessment").queryParam("region", r).queryParam("year", y == null ? "" : y)
                .encode().build().toUriString();
    }

    @GetMapping("/api/v1/targets/assessment")
    @PreAuthorize(TargetWeb.READ)
    @ResponseBody
    TargetReports.AssessmentReport apiAssessment(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        return reports.assessment(jurisdiction.current(), region, year(year));
    }

    record WeightsRequest(String region, Integer year, Map<String, BigDecimal> weights) {
    }

    /** Replaces the assessment weights of a region and year ({"region": "331082", "year": 2026, "weights": {"TAX_PER_MU": 20, …}}). */
    @PutMapping("/api/v1/targets/assessment/weights")
    @PreAuthorize(TargetWeb.WRITE)
    @ResponseBody
    TargetReports.AssessmentReport apiWeights(@RequestBody(required = false) WeightsRequest b) {
        b = TargetWeb.body(b);
        if (b.year() == null || b.weights() == null) {
            throw new IllegalArgumentException("缺少年度或权重 / year and weights are required");
        }
        Scope scope = jurisdiction.current();
        Map<TargetIndicator, BigDecimal> w = new EnumMap<>(TargetIndicator.class);
        b.weights().forEach((k, v) -> {
            if (v == null) {
                throw new IllegalArgumentException("权重不能为空 / the weight of " + k + " is missing");
            }
            w.put(TargetIndicator.parse(k), v);
        });
        reports.setWeights(scope, b.region(), b.year(), w, TargetWeb.actor());
        return reports.assessment(scope, b.region(), b.year());
    }
}
