package org.mujun.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mujun.common.ExcelExport;
import org.mujun.common.NavLink;
import org.mujun.evaluation.RegionStatistics.RegionFigures;
import org.mujun.evaluation.RegionStatisticsQuery.Level;
import org.mujun.evaluation.RegionStatisticsQuery.Point;
import org.mujun.evaluation.RegionStatisticsQuery.Row;
import org.mujun.evaluation.RegionStatisticsQuery.Table;
import org.mujun.security.Jurisdiction;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The region statistics page (评价统计, SPEC §5): table, bar chart by region, line over years, class shares; Excel of the chart data. */
@Controller
class StatisticsController {

    private final RegionStatisticsQuery statistics;
    private final Jurisdiction jurisdiction;
    private final MessageSource messages;

    StatisticsController(RegionStatisticsQuery statistics, Jurisdiction jurisdiction, MessageSource messages) {
        this.statistics = statistics;
        this.jurisdiction = jurisdiction;
        this.messages = messages;
    }

    @Bean
    static NavLink statisticsNavLink() {
        return new NavLink(48, "nav.evalStatistics", "/evaluation/statistics",
                java.util.Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "TOWN_OFFICER", "AUDITOR"));
    }

    @GetMapping("/evaluation/statistics")
    @PreAuthorize(PublicationController.READERS)
    String page(@RequestParam(required = false) String year, @RequestParam(required = false) Level level,
                @RequestParam(required = false) String region, Model model) {
        String prefix = RegionStatisticsQuery.prefix(region, jurisdiction.current());
        List<Integer> years = statistics.years(prefix);
        Integer y = PublicationController.year(year);
        if (y == null) {
            y = years.isEmpty() ? java.time.Year.now(Publications.ZONE).getValue() - 1 : years.get(0);
        }
        Table t = statistics.table(y, level, prefix);
        model.addAttribute("table", t);
        model.addAttribute("years", years);
        model.addAttribute("year", y);
        model.addAttribute("levels", statistics.levels(jurisdiction.current()));
        model.addAttribute("level", t.level());
        model.addAttribute("region", t.region());
        model.addAttribute("regionName", statistics.name(t.region()));
        model.addAttribute("classes", EvaluationClass.values());
        return "evaluation/statistics";
    }

    @GetMapping("/evaluation/statistics/export")
    @PreAuthorize(PublicationController.READERS)
    void export(@RequestParam(required = false) String year, @RequestParam(required = false) Level level,
                @RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
        Integer y = PublicationController.year(year);
        String prefix = RegionStatisticsQuery.prefix(region, jurisdiction.current());
        if (y == null) {
            List<Integer> years = statistics.years(prefix);
            y = years.isEmpty() ? java.time.Year.now(Publications.ZONE).getValue() - 1 : years.get(0);
        }
        Table t = statistics.table(y, level, prefix);
        attachment(response, "statistics-" + t.region() + "-" + y + "-" + t.level().name().toLowerCase() + ".xlsx");
        List<List<?>> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            rows.add(line(r.region(), r.name(), r.current(), r));
        }
        if (t.total() != null) {
            rows.add(line(t.total().region(), msg("stats.total"), t.total().current(), t.total()));
        }
        ExcelExport.write(response.getOutputStream(), "statistics-" + y, headers(true), rows);
    }

    @GetMapping("/evaluation/statistics/trend/export")
    @PreAuthorize(PublicationController.READERS)
    void exportTrend(@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
        String prefix = RegionStatisticsQuery.prefix(region, jurisdiction.current());
        List<Point> points = statistics.trend(prefix);
        attachment(response, "statistics-trend-" + prefix + ".xlsx");
        List<String> headers = new ArrayList<>(List.of(msg("stats.col.year")));
        headers.addAll(headers(false).subList(2, headers(false).size()));
        List<List<?>> rows = new ArrayList<>();
        for (Point p : points) {
            List<Object> l = new ArrayList<>(List.of(p.year()));
            l.addAll(figures(p.figures()));
            rows.add(l);
        }
        ExcelExport.write(response.getOutputStream(), "trend-" + prefix, headers, rows);
    }

    private List<String> headers(boolean withChange) {
        List<String> h = new ArrayList<>(List.of(msg("stats.col.region"), msg("stats.col.name"), msg("stats.col.above"), msg("stats.col.taxPerMu"),
                msg("stats.col.valueAddedPerMu"), msg("stats.col.labour"), msg("stats.col.perTce"), msg("stats.col.graded"), msg("stats.col.exempt"),
                "A", "B", "C", "D", "A %", "B %", "C %", "D %"));
        if (withChange) {
            h.addAll(List.of(msg("stats.col.taxPerMuChange"), msg("stats.col.valueAddedPerMuChange"), msg("stats.col.labourChange"),
                    msg("stats.col.perTceChange")));
        }
        return h;
    }

    private static List<Object> figures(RegionFigures f) {
        return Arrays.asList(f.aboveCount(), f.taxPerMu(), f.valueAddedPerMu(), f.labourProductivity(), f.valueAddedPerTce(), f.graded(), f.exempt(),
                f.classCounts().get(EvaluationClass.A), f.classCounts().get(EvaluationClass.B), f.classCounts().get(EvaluationClass.C),
                f.classCounts().get(EvaluationClass.D), f.classShares().get(EvaluationClass.A), f.classShares().get(EvaluationClass.B),
                f.classShares().get(EvaluationClass.C), f.classShares().get(EvaluationClass.D));
    }

    private static List<Object> line(String region, String name, RegionFigures f, Row r) {
        List<Object> l = new ArrayList<>(Arrays.asList(region, name));
        l.addAll(figures(f));
        l.addAll(Arrays.asList(r.taxPerMuChange(), r.valueAddedPerMuChange(), r.labourProductivityChange(), r.valueAddedPerTceChange()));
        return l;
    }

    private static void attachment(HttpServletResponse response, String file) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8));
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
