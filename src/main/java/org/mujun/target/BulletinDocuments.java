package org.mujun.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.mujun.common.ExcelExport;

/**
 * The bulletin as PDF (PDFBox, the bundled OFL Noto Sans SC subset, embedded as a subset of the glyphs
 * used) and as Excel. A character the font lacks is printed as "?" rather than failing the document.
 */
final class BulletinDocuments {

    static final String FONT = "/fonts/NotoSansSC-Subset.ttf";
    private static final float MARGIN = 36;
    private static final float ROW = 26;

    private BulletinDocuments() {
    }

    static String title(Bulletin b) {
        return b.regionName() + " " + b.year() + "年第" + b.quarter() + "季度目标任务完成情况通报";
    }

    static String pct(BigDecimal p) {
        return p == null ? "—" : p.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String num(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }

    static void pdf(Bulletin b, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(); InputStream fontStream = BulletinDocuments.class.getResourceAsStream(FONT)) {
            if (fontStream == null) {
                throw new IllegalStateException("bundled font " + FONT + " is missing");
            }
            PDType0Font font = PDType0Font.load(doc, fontStream, true);
            Writer w = new Writer(doc, font);
            w.text(MARGIN, 16, title(b));
            w.down(22);
            w.text(MARGIN, 9, "数据来源 / source: " + b.source() + "    排名按综合进度（各指标完成进度封顶100%后的平均）");
            w.down(20);
            int n = b.indicators().size();
            float width = w.width() - 2 * MARGIN;
            float fixed = 32 + 110 + 130;
            float col = n == 0 ? 0 : (width - fixed) / n;
            // header
            w.text(MARGIN, 9, "排名");
            w.text(MARGIN + 32, 9, "地区");
            w.text(MARGIN + 142, 9, "综合进度");
            for (int k = 0; k < n; k++) {
                TargetIndicator i = b.indicators().get(k);
                String name = i.nameZh() + "(" + i.unit() + ")";
                int cut = Math.max(4, (int) (col / 8));
                w.text(MARGIN + fixed + k * col, 8, name.length() > cut ? name.substring(0, cut) : name);
                if (name.length() > cut) {
                    w.textAt(MARGIN + fixed + k * col, w.y - 10, 8, name.substring(cut, Math.min(name.length(), 2 * cut)));
                }
            }
            w.down(16);
            w.line(MARGIN, width);
            w.down(14);
            for (Bulletin.Row r : b.rows()) {
                if (w.y < MARGIN + ROW) {
                    w.newPage();
                }
                w.text(MARGIN, 10, r.rank() == 0 ? "—" : String.valueOf(r.rank()));
                w.text(MARGIN + 32, 10, r.name() + (r.behind().isEmpty() ? "" : " ▲"));
                w.bar(MARGIN + 142, 80, r.overall(), r.behind().isEmpty());
                w.text(MARGIN + 226, 9, pct(r.overall()));
                for (int k = 0; k < n; k++) {
                    Progress.Figures f = r.of(b.indicators().get(k));
                    float x = MARGIN + fixed + k * col;
                    if (f == null) {
                        w.text(x, 8, "—");
                        continue;
                    }
                    w.text(x, 8, pct(f.percent()) + (f.target() != null && !f.onTrack() ? " 落后" : ""));
                    w.textAt(x, w.y - 10, 7, num(f.actual()) + "/" + num(f.target()));
                }
                w.down(ROW);
            }
            if (b.rows().isEmpty()) {
                w.text(MARGIN, 10, "下级地区均未设置目标 / no child region has a target");
                w.down(ROW);
            }
            w.down(6);
            if (w.y < MARGIN + 40) {
                w.newPage();
            }
            w.text(MARGIN, 11, "落后地区（未达到序时进度）/ laggards:");
            w.down(16);
            if (b.laggards().isEmpty()) {
                w.text(MARGIN + 12, 10, "无 / none");
                w.down(14);
            }
            for (Bulletin.Laggard l : b.laggards()) {
                if (w.y < MARGIN + 14) {
                    w.newPage();
                }
                w.text(MARGIN + 12, 10, "• " + l.name() + "（" + l.region() + "）：" + l.behind().stream().map(TargetIndicator::nameZh)
                        .collect(Collectors.joining("、")));
                w.down(14);
            }
            w.close();
            doc.save(out);
        }
    }

    /** One sheet: rank, region, overall progress, then target, actual and progress % of each indicator, and the indicators behind. */
    static void xlsx(Bulletin b, OutputStream out) throws IOException {
        List<String> headers = new ArrayList<>(List.of("排名 rank", "区划代码 code", "地区 region", "综合进度% overall"));
        for (TargetIndicator i : b.indicators()) {
            headers.add(i.nameZh() + " 目标(" + i.unit() + ")");
            headers.add(i.nameZh() + " 实际");
            headers.add(i.nameZh() + " 进度%");
        }
        headers.add("落后指标 behind");
        List<List<Object>> rows = new ArrayList<>();
        for (Bulletin.Row r : b.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.rank(), r.region(), r.name()));
            row.add(r.overall());
            for (TargetIndicator i : b.indicators()) {
                Progress.Figures f = r.of(i);
                row.add(f == null ? null : f.target());
                row.add(f == null ? null : f.actual());
                row.add(f == null ? null : f.percent());
            }
            row.add(r.behind().stream().map(TargetIndicator::nameZh).collect(Collectors.joining("、")));
            rows.add(row);
        }
        ExcelExport.write(out, b.year() + "Q" + b.quarter() + " " + b.regionName(), headers, rows);
    }

    /** A top-down text writer over landscape A4 pages. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream cs;
        private PDPage page;
        float y;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        float width() {
            return page.getMediaBox().getWidth();
        }

        void newPage() throws IOException {
            close();
            page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN - 10;
        }

        void down(float dy) {
            y -= dy;
        }

        void text(float x, float size, String s) throws IOException {
            textAt(x, y, size, s);
        }

        void textAt(float x, float at, float size, String s) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, at);
            cs.showText(safe(s));
            cs.endText();
        }

        void line(float x, float w) throws IOException {
            cs.setLineWidth(0.5f);
            cs.moveTo(x, y + 10);
            cs.lineTo(x + w, y + 10);
            cs.stroke();
        }

        void bar(float x, float w, BigDecimal percent, boolean ok) throws IOException {
            cs.setNonStrokingColor(0.93f, 0.94f, 0.96f);
            cs.addRect(x, y - 1, w, 8);
            cs.fill();
            if (percent != null) {
                float p = Math.max(0, Math.min(100, percent.floatValue()));
                if (ok) {
                    cs.setNonStrokingColor(0.04f, 0.43f, 0.31f);
                } else {
                    cs.setNonStrokingColor(0.94f, 0.42f, 0f);
                }
                cs.addRect(x, y - 1, w * p / 100f, 8);
                cs.fill();
            }
            cs.setNonStrokingColor(0f, 0f, 0f);
        }

        String safe(String s) {
            StringBuilder sb = new StringBuilder();
            s.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    sb.append(c);
                } catch (IllegalArgumentException | IOException e) {
                    sb.append('?');
                }
            });
            return sb.toString();
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }
    }
}
