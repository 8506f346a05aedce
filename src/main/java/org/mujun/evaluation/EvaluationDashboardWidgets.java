package org.mujun.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.mujun.common.DashboardWidget;
import org.mujun.evaluation.RegionStatistics.Sums;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * The evaluation's figures on the dashboards (SPEC §9), from the published official runs (as the region
 * statistics): class distribution of the year, trends of 规上 亩均税收 and 亩均增加值 over the years (tax masked
 * for roles that do not see tax), and the ten enterprises with the highest and the lowest total score.
 */
@Component
class EvaluationDashboardWidgets implements DashboardWidget.Provider {

    private final RegionStatisticsQuery statistics;
    private final Jurisdiction jurisdiction;

    EvaluationDashboardWidgets(RegionStatisticsQuery statistics, Jurisdiction jurisdiction) {
        this.statistics = statistics;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public List<DashboardWidget> widgets(String regionCode, int year) {
        MujunUser u = Jurisdiction.currentUser();
        if (u == null || u.role() == Role.ENTERPRISE || !u.role().seesBusinessData()) {
            return List.of();
        }
        Scope scope = jurisdiction.current();
        List<DashboardWidget> out = new ArrayList<>();
        List<Sums> sums = statistics.sums(year, regionCode.length(), regionCode, scope);
        List<List<Object>> classes = new ArrayList<>();
        if (!sums.isEmpty()) {
            Sums s = sums.get(0);
            classes.add(List.of("A", s.a()));
            classes.add(List.of("B", s.b()));
            classes.add(List.of("C", s.c()));
            classes.add(List.of("D", s.d()));
        }
        String link = "/evaluation/statistics?region=" + regionCode + "&year=" + year;
        out.add(new DashboardWidget(10, "class-distribution", "evaldash.classes", "pie", List.of("evaldash.col.class", "evaldash.col.count"),
                classes, link));
        List<List<Object>> trend = new ArrayList<>();
        for (RegionStatisticsQuery.Point p : statistics.trend(regionCode)) {
            List<Object> row = new ArrayList<>();
            row.add(String.valueOf(p.year()));
            row.add(round(p.figures().taxPerMu()));
            row.add(round(p.figures().valueAddedPerMu()));
            trend.add(row);
        }
        out.add(new DashboardWidget(20, "trends", "evaldash.trends", "line", List.of("evaldash.col.year", "evaldash.col.taxPerMu",
                "evaldash.col.valueAddedPerMu"), trend, link));
        List<List<Object>> top = new ArrayList<>();
        top.addAll(ranked(regionCode, year, scope, true));
        top.addAll(ranked(regionCode, year, scope, false));
        out.add(new DashboardWidget(30, "top-bottom", "evaldash.topBottom", "table", List.of("evaldash.col.group", "evaldash.col.enterprise",
                "evaldash.col.region", "evaldash.col.class", "evaldash.col.score"), top, "/evaluation/runs"));
        return out;
    }

    private List<List<Object>> ranked(String region, int year, Scope scope, boolean best) {
        String order = best ? "desc" : "asc";
        return jurisdiction.sql("""
                        with runs as (
                          select r.id, r.region_code from evaluation_run r
                          where r.kind = 'OFFICIAL' and r.status in ('PUBLICIZING', 'FINAL') and r.year = :y
                            and (r.region_code like :p || '%' or :p like r.region_code || '%')
                        ), rows as (
                          select distinct on (x.uscc) x.uscc, x.name, x.region_code, x.final_class, x.total
                          from evaluation_result x join runs r on r.id = x.run_id
                          where SCOPE(x.region_code, x.uscc) and x.region_code like :p || '%' and x.outcome = 'GRADED' and x.total is not null
                          order by x.uscc, length(r.region_code) desc, r.id desc
                        )
                        select name, region_code, final_class, total from rows order by total""" + " " + order + ", uscc limit 10", scope)
                .param("y", year).param("p", region)
                .query((rs, n) -> List.<Object>of(best ? "evaldash.top" : "evaldash.bottom", rs.getString(1), rs.getString(2),
                        rs.getString(3) == null ? "" : rs.getString(3), Math.round(rs.getDouble(4) * 100) / 100.0))
                .list();
    }

    private static Double round(Double d) {
        return d == null ? null : Math.round(d * 100) / 100.0;
    }
}
