package org.mujun.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.mujun.common.DatasetType;

/** The downloadable template of each data set: XLSX (with a sheet explaining each column) and CSV (UTF-8 with BOM). */
final class Templates {

    private Templates() {
    }

    static void xlsx(DatasetType type, OutputStream out) throws IOException {
        DatasetSpec spec = DatasetSpec.of(type);
        Workbook wb = new Workbook(out, "Mujun", "1.0");
        Worksheet data = wb.newWorksheet(type.nameZh().replaceAll("[（）()]", ""));
        List<Column> cols = spec.columns();
        for (int c = 0; c < cols.size(); c++) {
            data.value(0, c, cols.get(c).header());
            data.style(0, c).bold().fillColor(cols.get(c).required() ? "FCE4D6" : "E8F4EF").set();
            data.width(c, Math.max(14, cols.get(c).header().length() * 2 + 4));
        }
        Worksheet help = wb.newWorksheet("填写说明 Notes");
        String[] heads = {"列 Column", "字段代码 API field", "必填 Required", "说明 Meaning"};
        for (int c = 0; c < heads.length; c++) {
            help.value(0, c, heads[c]);
            help.style(0, c).bold().set();
        }
        for (int i = 0; i < cols.size(); i++) {
            Column col = cols.get(i);
            help.value(i + 1, 0, col.header());
            help.value(i + 1, 1, col.code());
            help.value(i + 1, 2, col.key() ? "是（键）key" : col.required() ? "是 yes" : "否 no");
            help.value(i + 1, 3, col.headerEn() + " — " + explain(col));
        }
        help.width(0, 30);
        help.width(3, 90);
        wb.finish();
    }

    static void csv(DatasetType type, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<Column> cols = DatasetSpec.of(type).columns();
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) w.write(',');
            w.write(cols.get(i).header());
        }
        w.write("\r\n");
        w.flush();
    }

    static String explain(Column col) {
        return switch (col.kind()) {
            case USCC -> "18位统一社会信用代码（GB 32100） / 18-character unified social credit code";
            case YEAR -> "四位年度，如 2024 / four-digit year";
            case MONTH -> "0 表示全年合计，1-12 为月份 / 0 = whole year, 1-12 = month";
            case DECIMAL -> "非负数" + (col.unit() == null ? "" : "，单位 " + col.unit()) + " / non-negative number" + (col.unit() == null ? "" : " in " + col.unit());
            case TEXT -> "文本 / text";
            case BOOL -> "是 / 否 (yes / no)";
            case DATE -> "日期 yyyy-MM-dd / date";
            case TOWN -> "9位乡镇（街道）代码，如 331082001 / 9-digit town code";
            case INDUSTRY -> "GB/T 4754-2017 行业代码，如 C3411 或 3411 / industry code";
            case ENERGY_TYPE -> "原煤、焦炭、原油、燃料油、汽油、煤油、柴油、液化石油气、天然气、蒸汽、热力 / RAW_COAL, COKE, CRUDE_OIL, FUEL_OIL, GASOLINE, KEROSENE, DIESEL, LPG, NATURAL_GAS, STEAM, HEAT";
            case ENERGY_UNIT -> "t 或 kg（煤、油、气体燃料）；m3 或 万m3（天然气）；t（蒸汽）；GJ 或 MJ（热力） / t or kg; m3 or 万m3 for gas; t for steam; GJ or MJ for heat";
            case SIZE -> "规上 或 规下 / above or below designated size";
            case STATUS -> "在营、停产、注销、被兼并（空为在营） / operating, suspended, closed, merged (blank = operating)";
            case FLAGS -> "多个以分号分隔：高新技术;专精特新;小巨人;单项冠军;上市;未来工厂 / several, separated by semicolons";
            case EVENT_TYPE -> "重大安全事故、环保处罚、失信、其他 / major safety accident, environmental penalty, dishonest, other";
            case GEOJSON -> "可选：WGS84 经纬度的 Polygon/MultiPolygon GeoJSON / optional polygon in WGS84 lon/lat";
        };
    }
}
