package org.mujun.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mujun.common.DashboardWidget;
import org.mujun.common.NavLink;
import org.mujun.security.Jurisdiction;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.ObjectMapper;

/** The dashboard page (监测), its REST form and the downloads of each widget's data. */
@Controller
class DashboardController {

    /** Officials, the town (its own town) and the auditor. */
    static final String READ = "hasAnyRole('PROVINCE_ADMIN','CITY_ADMIN','COUNTY_ADMIN','TOWN_OFFICER','AUDITOR')";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dashboards dashboards;
    private final Jurisdiction jurisdiction;

    DashboardController(Dashboards dashboards, Jurisdiction jurisdiction) {
        this.dashboards = dashboards;
        this.jurisdiction = jurisdiction;
    }

    @Bean
    static NavLink dashboardNavLink() {
        return new NavLink(1, "nav.dashboard", "/dashboard", Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "TOWN_OFFICER", "AUDITOR"));
    }

    @GetMapping("/dashboard")
    @PreAuthorize(READ)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year, Model model) {
        Dashboards.Board b = dashboards.board(jurisdiction.current(), region, year);
        model.addAttribute("b", b);
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
        for (DashboardWidget w : b.widgets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", w.kind());
            m.put("columns", dashboards.headers(w));
            List<List<Object>> labelled = w.rows().stream().map(r -> r.stream().map(v -> v instanceof String s ? (Object) dashboards.label(s) : v).toList())
                    .toList();
            m.put("rows", labelled);
            rows.put(w.key(), labelled);
            data.put(w.key(), JSON.writeValueAsString(m));
        }
        model.addAttribute("data", data);
        model.addAttribute("rows", rows);
        model.addAttribute("headers", b.widgets().stream().collect(java.util.stream.Collectors.toMap(DashboardWidget::key, dashboards::headers)));
        return "dashboard/dashboard";
    }

    @GetMapping("/dashboard/widgets/{key}.csv")
    @PreAuthorize(READ)
    void csv(@PathVariable String key, @RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
             HttpServletResponse response) throws IOException {
        DashboardWidget w = dashboards.widget(jurisdiction.current(), region, year, key);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(key + ".csv", StandardCharsets.UTF_8));
        dashboards.csv(w, response.getOutputStream());
    }

    @GetMapping("/dashboard/widgets/{key}.xlsx")
    @PreAuthorize(READ)
    void xlsx(@PathVariable String key, @RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
              HttpServletResponse response) throws IOException {
        DashboardWidget w = dashboards.widget(jurisdiction.current(), region, year, key);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(key + ".xlsx", StandardCharsets.UTF_8));
        dashboards.xlsx(w, response.getOutputStream());
    }

    record WidgetView(int order, String key, String title, String kind, List<String> columns, List<List<Object>> rows, String link) {
    }

    /** The dashboard of a region and year: its children (for drill-down) and every widget with headings resolved. */
    @GetMapping("/api/v1/dashboard")
    @PreAuthorize(READ)
    @ResponseBody
    Map<String, Object> api(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        Dashboards.Board b = dashboards.board(jurisdiction.current(), region, year);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", b.region());
        out.put("name", b.name());
        out.put("level", b.level());
        out.put("year", b.year());
        out.put("children", b.children().stream().map(c -> Map.of("code", c.code(), "name", c.name())).toList());
        out.put("widgets", b.widgets().stream().map(this::view).toList());
        return out;
    }

    /** One widget's data as JSON. */
    @GetMapping("/api/v1/dashboard/widgets/{key}")
    @PreAuthorize(READ)
    @ResponseBody
    WidgetView apiWidget(@PathVariable String key, @RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        return view(dashboards.widget(jurisdiction.current(), region, year, key));
    }

    private WidgetView view(DashboardWidget w) {
        return new WidgetView(w.order(), w.key(), dashboards.label(w.titleKey()), w.kind(), dashboards.headers(w),
                w.rows().stream().map(r -> r.stream().map(v -> v instanceof String s ? (Object) dashboards.label(s) : v).toList()).toList(), w.link());
    }
}
