package org.mujun.common;

import java.util.List;

/**
 * A chart or table on the dashboards (SPEC §9), contributed by the module that owns the figures
 * (evaluation: class distribution and trends; screening: list progress and overdue plans; target:
 * target progress …), so the dashboard never reads other modules' tables. The dashboard draws
 * {@code rows} with ECharts as {@code kind} and offers the same rows for download (CSV/Excel).
 *
 * @param order    position on the dashboard (lower first)
 * @param key      stable identifier, used in the download URL (e.g. {@code "class-distribution"})
 * @param titleKey message key of the heading
 * @param kind     {@code bar}, {@code line}, {@code pie} or {@code table}
 * @param columns  column headings (message keys or literal text); the first column is the category axis
 * @param rows     data rows, one value per column (String, Number or null)
 * @param link     where the widget's detail lives (may be null)
 */
public record DashboardWidget(int order, String key, String titleKey, String kind, List<String> columns,
                              List<List<Object>> rows, String link) {

    public DashboardWidget {
        if (!List.of("bar", "line", "pie", "table").contains(kind)) {
            throw new IllegalArgumentException("unknown widget kind '" + kind + "'");
        }
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    public interface Provider {
        /**
         * Widgets for the region {@code regionCode} (already checked to lie inside the signed-in
         * user's jurisdiction) and {@code year}; empty when the module has nothing to show there or
         * the user's role may not see it.
         */
        List<DashboardWidget> widgets(String regionCode, int year);
    }
}
