package org.mujun.common;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Streams a table to XLSX with fastexcel (SPEC §10: every table exports to Excel). Text cells
 * that start with = + − - @ (or a tab / carriage return) are prefixed with an apostrophe so that
 * Excel never evaluates them as formulas (CSV/formula injection).
 */
public final class ExcelExport {

    private ExcelExport() {
    }

    /** Writes one sheet: a bold header row, then the rows. Cells may be String, Number, Boolean, LocalDate or null. */
    public static void write(OutputStream out, String sheetName, List<String> headers, Iterable<? extends List<?>> rows) throws IOException {
        Workbook wb = new Workbook(out, "Mujun", "1.0");
        Worksheet ws = wb.newWorksheet(safeSheetName(sheetName));
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            ws.style(0, c).bold().fillColor("E8F4EF").set();
            ws.width(c, Math.max(10, Math.min(40, headers.get(c).length() * 2 + 2)));
        }
        int r = 1;
        for (List<?> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof BigDecimal bd) {
                    ws.value(r, c, bd);
                } else if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else if (v instanceof Boolean b) {
                    ws.value(r, c, b);
                } else if (v instanceof LocalDate d) {
                    ws.value(r, c, d);
                    ws.style(r, c).format("yyyy-mm-dd").set();
                } else {
                    ws.value(r, c, escapeFormula(v.toString()));
                }
            }
            r++;
        }
        wb.finish();
    }

    /** Neutralises text that a spreadsheet would take as a formula. */
    public static String escapeFormula(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '−' || c == '@' || c == '\t' || c == '\r' || c == '＝' || c == '＋') {
            return "'" + s;
        }
        return s;
    }

    private static String safeSheetName(String name) {
        String s = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
