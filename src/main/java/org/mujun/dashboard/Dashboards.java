package org.mujun.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mujun.common.DashboardWidget;
import org.mujun.common.ExcelExport;
import org.mujun.region.Region;
import org.mujun.region.Regions;
import org.mujun.security.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Gathers the widgets of a region and year from every {@link DashboardWidget.Provider} (in their order), for
 * a region inside the signed-in user's jurisdiction (another region is 404), and writes one widget's rows
 * as CSV or Excel (cells that look like formulas are escaped).
 */
@Component
class Dashboards {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final List<DashboardWidget.Provider> providers;
    private final Regions regions;
    private final MessageSource messages;

    Dashboards(List<DashboardWidget.Provider> providers, Regions regions, MessageSource messages) {
        this.providers = providers;
        this.regions = regions;
        this.messages = messages;
    }

    record Board(String region, String name, String level, int year, List<Region> path, List<Region> children, List<DashboardWidget> widgets) {
    }

    /** Last year: the latest year the annual evaluation covers (and its targets); the page offers any year. */
    int defaultYear() {
        return LocalDate.now(CHINA).getYear() - 1;
    }

    /** The region checked against the scope; blank = the user's own region (its level is the default dashboard). */
    String region(Scope scope, String region) {
        String own = scope.regionPrefix() == null ? "" : scope.regionPrefix();
        String r = region == null || region.isBlank() ? (own.isEmpty() ? "33" : own) : region.trim();
        if (!scope.businessData() || !r.startsWith(own) || !regions.exists(r)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "区划不存在或不在管辖范围内 / region not found");
        }
        return r;
    }

    Board board(Scope scope, String regionParam, Integer year) {
        String r = region(scope, regionParam);
        int y = year == null ? defaultYear() : year;
        if (y < 2000 || y > 2100) {
            throw new IllegalArgumentException("年度须在 2000–2100 之间 / the year must be between 2000 and 2100");
        }
        List<DashboardWidget> widgets = new ArrayList<>();
        for (DashboardWidget.Provider p : providers) {
            widgets.addAll(p.widgets(r, y));
        }
        widgets.sort(Comparator.comparingInt(DashboardWidget::order).thenComparing(DashboardWidget::key));
        String own = scope.regionPrefix() == null ? "" : scope.regionPrefix();
        List<Region> path = regions.path(r).stream().filter(x -> x.code().startsWith(own) || own.isEmpty()).toList();
        Region self = regions.find(r).orElseThrow();
        return new Board(r, self.name(), self.level(), y, path, regions.children(r), List.copyOf(widgets));
    }

    DashboardWidget widget(Scope scope, String region, Integer year, String key) {
        return board(scope, region, year).widgets().stream().filter(w -> w.key().equals(key)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "图表不存在 / no widget '" + key + "' here"));
    }

    /** A heading: a message key when one exists, else the text itself. */
    String label(String keyOrText) {
        return messages.getMessage(keyOrText, null, keyOrText, LocaleContextHolder.getLocale());
    }

    List<String> headers(DashboardWidget w) {
        return w.columns().stream().map(this::label).toList();
    }

    void csv(DashboardWidget w, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFF"); // BOM: Excel opens UTF-8 CSV with Chinese text correctly
        sb.append(String.join(",", headers(w).stream().map(Dashboards::cell).toList())).append("\r\n");
        for (List<Object> row : w.rows()) {
            sb.append(String.join(",", row.stream().map(v -> v == null ? "" : cell(v instanceof java.math.BigDecimal bd ? bd.toPlainString() : v instanceof Number ? v.toString() : label(v.toString()))).toList()))
                    .append("\r\n");
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    void xlsx(DashboardWidget w, OutputStream out) throws IOException {
        List<List<Object>> rows = w.rows().stream().map(r -> r.stream().map(v -> v instanceof String s ? (Object) label(s) : v).toList()).toList();
        ExcelExport.write(out, label(w.titleKey()), headers(w), rows);
    }

    /** A CSV field: quoted when needed, formula-like text neutralised. */
    static String cell(String s) {
        String v = ExcelExport.escapeFormula(s);
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
