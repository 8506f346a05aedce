package org.mujun.dossier;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.common.EnterprisePanel;
import org.mujun.common.ExcelExport;
import org.mujun.enterprise.Enterprises;
import org.mujun.industry.Industries;
import org.mujun.region.Regions;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.ObjectMapper;

/**
 * The enterprise dossier (一企一档, SPEC §7): master data, the yearly figures (table, trend chart, Excel),
 * and every section other modules contribute as {@link EnterprisePanel.Provider} beans (land and leases,
 * 标准地 and idle land, evaluation results per year, carbon account and 碳效码, projects, rosters,
 * commitments and credit, screening …). An enterprise outside the reader's jurisdiction is 404; the
 * ENTERPRISE role sees only its own.
 */
@Controller
class DossierController {

    static final String BUSINESS = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN','DATA_PROVIDER')";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Enterprises enterprises;
    private final DossierFigures figures;
    private final List<EnterprisePanel.Provider> panels;
    private final Regions regions;
    private final Industries industries;
    private final Jurisdiction jurisdiction;
    private final MessageSource messages;

    DossierController(Enterprises enterprises, DossierFigures figures, List<EnterprisePanel.Provider> panels, Regions regions,
                      Industries industries, Jurisdiction jurisdiction, MessageSource messages) {
        this.enterprises = enterprises;
        this.figures = figures;
        this.panels = panels;
        this.regions = regions;
        this.industries = industries;
        this.jurisdiction = jurisdiction;
        this.messages = messages;
    }

    /** The dossier's yearly figures as JSON (REST, SPEC §10). */
    record FiguresJson(long enterpriseId, String uscc, String name, boolean taxMasked, List<DossierFigures.Year> years) {
    }

    @GetMapping("/enterprises/{id}/dossier")
    @PreAuthorize(BUSINESS)
    String dossier(@PathVariable long id, Model model) {
        Scope scope = jurisdiction.current();
        Enterprises.Enterprise e = find(id, scope);
        DossierFigures.Table table = figures.of(e.uscc(), scope, masked());
        model.addAttribute("e", e);
        model.addAttribute("regionPath", regions.pathName(e.regionCode()));
        model.addAttribute("industryLabel", industries.label(e.industryCode(), LocaleContextHolder.getLocale()));
        model.addAttribute("table", table);
        model.addAttribute("columns", DossierFigures.COLUMNS);
        model.addAttribute("chartJson", chartJson(table));
        model.addAttribute("panels", panels.stream().map(p -> p.panel(e.id(), e.uscc())).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(EnterprisePanel::order)).toList());
        return "dossier/dossier";
    }

    @GetMapping(value = "/api/v1/enterprises/{id}/dossier/figures", produces = "application/json")
    @PreAuthorize(BUSINESS)
    @ResponseBody
    FiguresJson figuresJson(@PathVariable long id) {
        Scope scope = jurisdiction.current();
        Enterprises.Enterprise e = find(id, scope);
        DossierFigures.Table t = figures.of(e.uscc(), scope, masked());
        return new FiguresJson(e.id(), e.uscc(), e.name(), t.taxMasked(), t.years());
    }

    @GetMapping("/enterprises/{id}/dossier/figures.xlsx")
    @PreAuthorize(BUSINESS)
    void export(@PathVariable long id, HttpServletResponse response) throws IOException {
        Scope scope = jurisdiction.current();
        Enterprises.Enterprise e = find(id, scope);
        DossierFigures.Table t = figures.of(e.uscc(), scope, masked());
        List<String> headers = new ArrayList<>();
        headers.add(msg("dossier.col.year"));
        DossierFigures.COLUMNS.forEach(c -> headers.add(msg("dossier.col." + c)));
        List<List<?>> rows = new ArrayList<>();
        for (DossierFigures.Year y : t.years()) {
            List<Object> row = new ArrayList<>();
            row.add(y.year());
            for (String c : DossierFigures.COLUMNS) {
                BigDecimal v = DossierFigures.value(y, c);
                row.add(v == null && t.taxMasked() && (c.equals("tax") || c.equals("taxPerMu")) ? "***" : v);
            }
            rows.add(row);
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"dossier-" + e.uscc() + ".xlsx\"");
        ExcelExport.write(response.getOutputStream(), e.name(), headers, rows);
    }

    private Enterprises.Enterprise find(long id, Scope scope) {
        return enterprises.find(id, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "企业不存在或不在管辖范围内 / enterprise " + id + " not found"));
    }

    /** The chart's series as JSON for a data attribute (no inline script under the CSP). */
    private String chartJson(DossierFigures.Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("years", t.years().stream().map(DossierFigures.Year::year).toList());
        Map<String, Object> series = new LinkedHashMap<>();
        for (String c : DossierFigures.COLUMNS) {
            if (t.taxMasked() && (c.equals("tax") || c.equals("taxPerMu"))) {
                continue;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", msg("dossier.col." + c));
            s.put("values", t.years().stream().map(y -> DossierFigures.value(y, c)).toList());
            series.put(c, s);
        }
        m.put("series", series);
        return JSON.writeValueAsString(m);
    }

    private static boolean masked() {
        MujunUser u = Jurisdiction.currentUser();
        return u == null || !u.role().seesTax();
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
