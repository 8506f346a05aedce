package org.mujun.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.mujun.common.ExcelExport;
import org.mujun.evaluation.EvaluationRuns.IndicatorValue;
import org.mujun.evaluation.EvaluationRuns.ResultQuery;
import org.mujun.evaluation.EvaluationRuns.ResultRow;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.security.Scope;

/**
 * A run's results as one XLSX sheet, streamed (fastexcel, flushed every 1,000 rows) so that 200,000 rows
 * need little memory. Headers are bilingual; text cells are escaped against formula injection
 * ({@link ExcelExport#escapeFormula}). One value and one score column per indicator of the scheme.
 */
final class ResultsExport {

    private ResultsExport() {
    }

    static int write(OutputStream out, EvaluationRuns runs, Run run, ResultQuery q, Scope scope, boolean maskTax) throws IOException {
        Set<IndicatorKind> kinds = new LinkedHashSet<>();
        for (Scheme.Population p : run.scheme().populations()) {
            p.indicators().forEach(i -> kinds.add(i.kind()));
        }
        List<IndicatorKind> ks = new ArrayList<>(kinds);
        List<String> headers = new ArrayList<>(List.of("评价对象 Population", "排名 Rank", "行业内排名 Rank in industry", "统一社会信用代码 USCC",
                "企业名称 Name", "区划 Region", "行业 Industry", "总分 Total", "类别 Class", "按得分类别 Class by score", "加减分 Adjustments"));
        for (IndicatorKind k : ks) {
            headers.add(k.nameZh() + "(" + k.unit() + ") " + k.nameEn());
            headers.add(k.nameZh() + "得分 score");
        }
        headers.add("调整及原因 Overrides");
        headers.add("说明 Note");
        Workbook wb = new Workbook(out, "Mujun", "1.0");
        Worksheet ws = wb.newWorksheet("run-" + run.id());
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            ws.style(0, c).bold().fillColor("E8F4EF").set();
            ws.width(c, Math.max(10, Math.min(36, headers.get(c).length() + 4)));
        }
        int[] r = {1};
        runs.forEachResult(run, q, scope, row -> {
            ResultRow x = maskTax ? TaxMask.row(row) : row;
            int c = 0;
            text(ws, r[0], c++, x.population() == null ? null : x.population().nameZh());
            num(ws, r[0], c++, x.rank());
            num(ws, r[0], c++, x.industryRank());
            text(ws, r[0], c++, x.uscc());
            text(ws, r[0], c++, x.name());
            text(ws, r[0], c++, x.regionCode());
            text(ws, r[0], c++, x.industryCode());
            if (x.total() != null) {
                ws.value(r[0], c, new java.math.BigDecimal(x.totalText()));
            }
            c++;
            text(ws, r[0], c++, x.finalClass() != null ? x.finalClass().name()
                    : x.outcome() == EvaluationResult.Outcome.EXEMPT ? "不定等级(按B类管理) exempt" : "未参评 not evaluated");
            text(ws, r[0], c++, x.scoreClass() == null ? null : x.scoreClass().name());
            num(ws, r[0], c++, x.adjustmentTotal());
            for (IndicatorKind k : ks) {
                IndicatorValue v = x.indicators().stream().filter(i -> i.kind() == k).findFirst().orElse(null);
                num(ws, r[0], c++, v == null ? null : v.value());
                num(ws, r[0], c++, v == null ? null : v.score());
            }
            text(ws, r[0], c++, x.overrides().stream().map(o -> o.type().nameZh() + "：" + o.reasonZh()).collect(Collectors.joining("；")));
            text(ws, r[0], c, x.reasonZh());
            r[0]++;
            if (r[0] % 1000 == 0) {
                try {
                    ws.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        wb.finish();
        return r[0] - 1;
    }

    private static void text(Worksheet ws, int r, int c, String v) {
        if (v != null && !v.isEmpty()) {
            ws.value(r, c, ExcelExport.escapeFormula(v));
        }
    }

    private static void num(Worksheet ws, int r, int c, Number v) {
        if (v != null) {
            ws.value(r, c, v);
        }
    }
}
