package org.mujun.target;

import java.util.ArrayList;
import java.util.List;
import org.mujun.common.DashboardWidget;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.springframework.stereotype.Component;

/** Target progress on the dashboards (SPEC §9): progress % per indicator (bars) and the figures behind them (table). */
@Component
class TargetDashboardWidgets implements DashboardWidget.Provider {

    private final TargetBoard board;
    private final Jurisdiction jurisdiction;

    TargetDashboardWidgets(TargetBoard board, Jurisdiction jurisdiction) {
        this.board = board;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public List<DashboardWidget> widgets(String regionCode, int year) {
        MujunUser u = Jurisdiction.currentUser();
        if (u == null || u.role() == Role.ENTERPRISE || !u.role().seesBusinessData()) {
            return List.of();
        }
        TargetBoard.RegionProgress p = board.progress(jurisdiction.current(), regionCode, year);
        List<List<Object>> bars = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        for (Progress.Figures f : p.figures()) {
            if (f.target() == null) {
                continue;
            }
            String name = f.indicator().nameZh();
            bars.add(List.of(name, f.percent() == null ? 0 : f.percent()));
            List<Object> row = new ArrayList<>();
            row.add(name);
            row.add(plain(f.target()));
            row.add(plain(f.actual()));
            row.add(f.percent());
            row.add(f.indicator().unit());
            row.add(f.onTrack() ? "target.onTrack" : "target.behind");
            table.add(row);
        }
        String link = "/targets?region=" + regionCode + "&year=" + year;
        return List.of(
                new DashboardWidget(50, "target-progress", "target.widget.progress", "bar", List.of("target.col.indicator", "target.col.progress"),
                        bars, link),
                new DashboardWidget(51, "target-figures", "target.widget.figures", "table", List.of("target.col.indicator", "target.col.target",
                        "target.col.actual", "target.col.progress", "target.col.unit", "target.col.status"), table, link));
    }

    /** 40.0000 → 40 (not 4E+1). */
    static java.math.BigDecimal plain(java.math.BigDecimal b) {
        return b == null ? null : new java.math.BigDecimal(b.stripTrailingZeros().toPlainString());
    }
}
