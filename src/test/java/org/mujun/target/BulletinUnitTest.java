package org.mujun.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The quarterly bulletin: hand-worked ranking and laggards; the PDF's text (Chinese, bundled font) and the Excel sheet. */
class BulletinUnitTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Progress.Figures f(TargetIndicator i, String target, String actual) {
        // end of Q3: time share 0.75
        return Progress.of(i, d(target), actual == null ? null : d(actual), d("0.75"));
    }

    static Bulletin sample() {
        return Bulletin.of("331082", "临海市", 2023, 3, "快照 snapshot 2023-09", List.of(TargetIndicator.ENTERPRISES_REMEDIATED,
                        TargetIndicator.LAND_FREED_MU, TargetIndicator.CO2_CUT_T),
                List.of(
                        // 古城街道: 80/100 = 80 %, 300/400 = 75 %: overall 77.5, both on track (expected 75, 300)
                        new TargetBoard.RegionProgress("331082001", "古城街道", List.of(f(TargetIndicator.ENTERPRISES_REMEDIATED, "100", "80"),
                                f(TargetIndicator.LAND_FREED_MU, "400", "300"))),
                        // 大洋街道: 60/100 = 60 % (behind, expected 75), 500/400 = 125 % → capped 100: overall 80
                        new TargetBoard.RegionProgress("331082002", "大洋街道", List.of(f(TargetIndicator.ENTERPRISES_REMEDIATED, "100", "60"),
                                f(TargetIndicator.LAND_FREED_MU, "400", "500"))),
                        // 大田街道: 40/50 = 80 %, 225/300 = 75 %: overall 77.5 — ties with 古城街道
                        new TargetBoard.RegionProgress("331082003", "大田街道", List.of(f(TargetIndicator.ENTERPRISES_REMEDIATED, "50", "40"),
                                f(TargetIndicator.LAND_FREED_MU, "300", "225"))),
                        // 邵家渡街道: no target on these indicators: left out
                        new TargetBoard.RegionProgress("331082004", "邵家渡街道", List.of())));
    }

    @Test
    void regionsAreRankedWithTiesAndLaggardsNamed() {
        Bulletin b = sample();
        assertThat(b.indicators()).containsExactly(TargetIndicator.ENTERPRISES_REMEDIATED, TargetIndicator.LAND_FREED_MU); // no CO2 target
        assertThat(b.rows()).extracting(Bulletin.Row::name).containsExactly("大洋街道", "古城街道", "大田街道");
        assertThat(b.rows()).extracting(Bulletin.Row::rank).containsExactly(1, 2, 2);
        assertThat(b.rows()).extracting(r -> r.overall().toPlainString()).containsExactly("80.00", "77.50", "77.50");
        assertThat(b.laggards()).extracting(Bulletin.Laggard::name).containsExactly("大洋街道");
        assertThat(b.laggards().get(0).behind()).containsExactly(TargetIndicator.ENTERPRISES_REMEDIATED);
        // per indicator: enterprises 80, 80, 60 → 古城 1, 大田 1, 大洋 3; land 125, 75, 75 → 大洋 1
        assertThat(b.rank(TargetIndicator.ENTERPRISES_REMEDIATED, "331082001")).isEqualTo(1);
        assertThat(b.rank(TargetIndicator.ENTERPRISES_REMEDIATED, "331082003")).isEqualTo(1);
        assertThat(b.rank(TargetIndicator.ENTERPRISES_REMEDIATED, "331082002")).isEqualTo(3);
        assertThat(b.rank(TargetIndicator.LAND_FREED_MU, "331082002")).isEqualTo(1);
    }

    @Test
    void pdfCarriesTheChineseTextWithTheBundledFont() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulletinDocuments.pdf(sample(), out);
        assertThat(out.size()).isLessThan(400_000); // the font is embedded as a subset
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("临海市 2023年第3季度目标任务完成情况通报");
            assertThat(text).contains("古城街道", "大洋街道", "大田街道");
            assertThat(text).contains("整治提升企业数", "腾出用地");
            assertThat(text).contains("80.0%", "77.5%", "60.0%", "60/100", "500/400");
            assertThat(text).contains("落后地区", "大洋街道（331082002）：整治提升企业数");
            assertThat(text).doesNotContain("邵家渡街道");
        }
    }

    @Test
    void excelHasOneRowPerRegion() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulletinDocuments.xlsx(sample(), out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(4)).contains("整治提升企业数");
            assertThat(rows.get(1).getCellText(2)).isEqualTo("大洋街道");
            assertThat(new BigDecimal(rows.get(1).getCellText(3))).isEqualByComparingTo("80");
            assertThat(rows.get(1).getCellText(rows.get(1).getCellCount() - 1)).isEqualTo("整治提升企业数");
        }
    }
}
