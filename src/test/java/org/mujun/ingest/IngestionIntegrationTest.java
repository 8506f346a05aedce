package org.mujun.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.common.DatasetType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Every bad input of issue #2 against the real pipeline and a real PostgreSQL. */
@MujunIntegrationTest
class IngestionIntegrationTest {

    static final String HEADER = "统一社会信用代码,年度,实缴税金合计(万元),增值税(万元)\n";

    @Autowired Ingestion ingestion;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @AfterEach
    void noFaults() {
        ingestion.faultInjector = s -> { };
    }

    private Path file(String name, String content, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(cs));
        return p;
    }

    private UploadResult upload(DatasetType t, Path p, String user) throws IOException {
        return ingestion.ingest(t, p.getFileName().toString(), p, "CLI", fx.user(user));
    }

    private BigDecimal tax(String uscc, int year) {
        return jdbc.sql("select total_tax from tax_record where uscc = :u and year = :y").param("u", uscc).param("y", year)
                .query(BigDecimal.class).optional().orElse(null);
    }

    @Test
    void validRowsApplyInvalidRowsAreReportedWithRowColumnAndReason() throws IOException {
        Path p = file("tax.csv", HEADER
                + TestFixture.USCC_1 + ",2021,120.5,60\n"          // row 2 ok
                + TestFixture.USCC_2 + ",2021,-3,\n"               // row 3 negative
                + TestFixture.USCC_2 + ",2021x,10,\n"              // row 4 bad year
                + "91331082MA2AAAAA1X,2021,10,\n"                  // row 5 bad check digit
                + TestFixture.USCC_1 + ",2022,abc,\n", StandardCharsets.UTF_8);  // row 6 not a number
        UploadResult r = upload(DatasetType.TAX, p, "fx-county");
        assertThat(r.status()).isEqualTo("APPLIED");
        assertThat(r.totalRows()).isEqualTo(5);
        assertThat(r.validRows()).isEqualTo(1);
        assertThat(r.invalidRows()).isEqualTo(4);
        assertThat(tax(TestFixture.USCC_1, 2021)).isEqualByComparingTo("120.5");
        assertThat(r.firstErrors()).extracting(UploadResult.RowError::row).containsExactly(3, 4, 5, 6);
        assertThat(r.firstErrors().get(0).column()).isEqualTo("实缴税金合计(万元)");
        assertThat(r.firstErrors().get(0).reason()).contains("负数");
        assertThat(r.firstErrors().get(2).reason()).contains("校验位");
        assertThat(r.firstErrors().get(3).reason()).contains("not a number");
    }

    @Test
    void gbkAndUtf8WithBomBothWork() throws IOException {
        String body = "统一社会信用代码,年度,实缴税金合计(万元)\n" + TestFixture.USCC_1 + ",2019,11\n";
        UploadResult gbk = upload(DatasetType.TAX, file("gbk.csv", body, Charset.forName("GBK")), "fx-county");
        assertThat(gbk.status()).isEqualTo("APPLIED");
        assertThat(gbk.validRows()).isEqualTo(1);
        String body2 = "\uFEFF统一社会信用代码,年度,实缴税金合计(万元)\n" + TestFixture.USCC_1 + ",2018,12\n";
        UploadResult bom = upload(DatasetType.TAX, file("bom.csv", body2, StandardCharsets.UTF_8), "fx-county");
        assertThat(bom.validRows()).isEqualTo(1);
        assertThat(tax(TestFixture.USCC_1, 2019)).isEqualByComparingTo("11");
        assertThat(tax(TestFixture.USCC_1, 2018)).isEqualByComparingTo("12");
        assertThat(jdbc.sql("select encoding from upload where id = :id").param("id", gbk.id()).query(String.class).single()).isEqualTo("GB18030");
    }

    @Test
    void aBomFileWithAnInvalidByteFarDownIsRefusedAndNothingApplied() throws IOException {
        // a BOM skips the encoding pre-pass: the strict decoder must still refuse the file mid-stream
        StringBuilder body = new StringBuilder("\uFEFF").append(HEADER);
        for (int i = 0; i < 5000; i++) {
            body.append(TestFixture.USCC_1).append(",2009,").append(i).append(",\n");
        }
        byte[] good = body.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
        bytes[good.length] = (byte) 0xFF;  // never valid in UTF-8
        bytes[good.length + 1] = ',';
        bytes[good.length + 2] = '\n';
        UploadResult r = upload(DatasetType.TAX, writeBytes("bom-bad.csv", bytes), "fx-county");
        assertThat(r.status()).isEqualTo("REJECTED");
        assertThat(r.message()).contains("invalid characters");
        assertThat(tax(TestFixture.USCC_1, 2009)).isNull();
    }

    @Test
    void wrongEncodingIsRefusedClearly() throws IOException {
        // UTF-16 with nulls is neither UTF-8 nor GB18030-clean
        Path p = file("u16.csv", "统一社会信用代码,年度\n", StandardCharsets.UTF_16LE);
        UploadResult r = upload(DatasetType.TAX, p, "fx-county");
        assertThat(r.status()).isIn("REJECTED");
        assertThat(r.message()).isNotBlank();
    }

    @Test
    void sameFileTwiceChangesNothingAndCorrectionKeepsHistory() throws IOException {
        String first = HEADER + TestFixture.USCC_1 + ",2017,100,50\n";
        UploadResult a = upload(DatasetType.TAX, file("a.csv", first, StandardCharsets.UTF_8), "fx-county");
        assertThat(a.changedRows()).isEqualTo(1);
        UploadResult again = upload(DatasetType.TAX, file("a2.csv", first, StandardCharsets.UTF_8), "fx-county");
        assertThat(again.status()).isEqualTo("DUPLICATE");
        assertThat(again.changedRows()).isZero();
        UploadResult corrected = upload(DatasetType.TAX, file("b.csv", HEADER + TestFixture.USCC_1 + ",2017,110,50\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(corrected.changedRows()).isEqualTo(1);
        assertThat(tax(TestFixture.USCC_1, 2017)).isEqualByComparingTo("110");
        var history = jdbc.sql("select field, old_value, new_value, changed_by from data_change where upload_id = :id")
                .param("id", corrected.id()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        assertThat(history).containsExactly(List.of("实缴税金合计(万元)", "100.0000", "110", "fx-county"));
        // a re-upload of the same values under another file name: applied, nothing changed
        UploadResult same = upload(DatasetType.TAX, file("c.csv", HEADER + TestFixture.USCC_1 + ",2017,110.00,50\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(same.changedRows()).isZero();
    }

    @Test
    void aCorrectionKeepsOneHistoryRowPerChangedFieldIncludingFilledAndEmptiedOnes() throws IOException {
        String h = "统一社会信用代码,年度,实缴税金合计(万元),增值税(万元),企业所得税(万元)\n";
        upload(DatasetType.TAX, file("h1.csv", h + TestFixture.USCC_1 + ",2008,100,50,\n" + TestFixture.USCC_2 + ",2008,20,,5\n"
                + TestFixture.USCC_2 + ",2007,9,,\n", StandardCharsets.UTF_8), "fx-county");
        UploadResult c = upload(DatasetType.TAX, file("h2.csv", h + TestFixture.USCC_1 + ",2008,101,51,\n" + TestFixture.USCC_2 + ",2008,20,7,\n"
                + TestFixture.USCC_2 + ",2007,9,,\n" + TestFixture.USCC_1 + ",2007,1,,\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(c.changedRows()).isEqualTo(3); // two corrected, one new, one the same
        var history = jdbc.sql("select record_key, field, old_value, new_value from data_change where upload_id = :id")
                .param("id", c.id()).query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        assertThat(history).containsExactlyInAnyOrder(
                java.util.Arrays.asList(TestFixture.USCC_1 + "|2008", "实缴税金合计(万元)", "100.0000", "101"),
                java.util.Arrays.asList(TestFixture.USCC_1 + "|2008", "增值税(万元)", "50.0000", "51"),
                java.util.Arrays.asList(TestFixture.USCC_2 + "|2008", "增值税(万元)", null, "7"),
                java.util.Arrays.asList(TestFixture.USCC_2 + "|2008", "企业所得税(万元)", "5.0000", null));
        assertThat(tax(TestFixture.USCC_1, 2007)).isEqualByComparingTo("1");
    }

    @Test
    void unknownEnterpriseOtherJurisdictionAndDuplicateKeysAreRowErrors() throws IOException {
        String unknown = TestFixture.withCheck("91331082MA2YYYYY9");
        Path p = file("mixed.csv", HEADER
                + unknown + ",2016,5,\n"                       // row 2 unknown enterprise
                + TestFixture.USCC_3 + ",2016,5,\n"            // row 3 other county
                + TestFixture.USCC_2 + ",2016,5,\n"            // rows 4 and 5 duplicate key
                + TestFixture.USCC_2 + ",2016,6,\n"
                + TestFixture.USCC_1 + ",2016,7,\n", StandardCharsets.UTF_8);
        UploadResult r = upload(DatasetType.TAX, p, "fx-county");
        assertThat(r.validRows()).isEqualTo(1);
        assertThat(r.invalidRows()).isEqualTo(4);
        assertThat(r.firstErrors()).extracting(UploadResult.RowError::reason)
                .anySatisfy(s -> assertThat(s).contains("not in master data"))
                .anySatisfy(s -> assertThat(s).contains("outside your jurisdiction"))
                .anySatisfy(s -> assertThat(s).contains("duplicate key in the file (rows 4, 5)"));
        assertThat(tax(TestFixture.USCC_2, 2016)).isNull();
        assertThat(tax(TestFixture.USCC_3, 2016)).isNull();
        assertThat(jdbc.sql("select count(*) from quality_finding where kind = 'UNKNOWN_ENTERPRISE' and uscc = :u").param("u", unknown)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyOccurrenceOfAKeyRepeatedInTheFileIsRejectedNamingAllInRowOrder() throws IOException {
        Path p = file("dups.csv", HEADER
                + TestFixture.USCC_1 + ",2006,1,\n"     // row 2
                + TestFixture.USCC_2 + ",2006,1,\n"     // row 3 fine
                + TestFixture.USCC_1 + ",2006,2,\n"     // row 4
                + TestFixture.USCC_2 + ",2005,1,\n"     // row 5 fine
                + TestFixture.USCC_1 + ",2006,3,\n", StandardCharsets.UTF_8);  // row 6
        UploadResult r = upload(DatasetType.TAX, p, "fx-county");
        assertThat(r.validRows()).isEqualTo(2);
        assertThat(r.invalidRows()).isEqualTo(3);
        assertThat(r.firstErrors()).extracting(UploadResult.RowError::row).containsExactly(2, 4, 6);
        assertThat(r.firstErrors()).extracting(UploadResult.RowError::reason)
                .allSatisfy(s -> assertThat(s).isEqualTo("文件内键重复（第 2、4、6 行） / duplicate key in the file (rows 2, 4, 6)"));
        assertThat(tax(TestFixture.USCC_1, 2006)).isNull();
        assertThat(tax(TestFixture.USCC_2, 2006)).isEqualByComparingTo("1");
    }

    @Test
    void twoImportsOfOneDataSetAtOnceBothApplyOneAfterTheOther() throws Exception {
        Path a = file("conc-a.csv", HEADER + TestFixture.USCC_1 + ",2003,1,\n", StandardCharsets.UTF_8);
        Path b = file("conc-b.csv", HEADER + TestFixture.USCC_1 + ",2003,2,\n", StandardCharsets.UTF_8);
        ingestion.faultInjector = stage -> {
            if (stage.equals("after-checks") && Thread.currentThread().getName().equals("import-a")) {
                // hold A open until B is waiting for a lock (A's import lock, or A's uncommitted key)
                for (int i = 0; i < 200 && jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single() == 0; i++) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        var first = new java.util.concurrent.CompletableFuture<UploadResult>();
        Thread ta = new Thread(() -> {
            try {
                first.complete(upload(DatasetType.TAX, a, "fx-county"));
            } catch (Throwable e) {
                first.completeExceptionally(e);
            }
        }, "import-a");
        ta.start();
        Thread.sleep(300);
        UploadResult second = upload(DatasetType.TAX, b, "fx-county");
        UploadResult firstResult = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(firstResult.status()).isEqualTo("APPLIED");
        assertThat(firstResult.changedRows()).isEqualTo(1);
        assertThat(second.status()).as(second.message()).isEqualTo("APPLIED");
        assertThat(second.changedRows()).isEqualTo(1);
        assertThat(tax(TestFixture.USCC_1, 2003)).isEqualByComparingTo("2");
        assertThat(jdbc.sql("select old_value || ' → ' || new_value from data_change where upload_id = :id").param("id", second.id())
                .query(String.class).list()).containsExactly("1.0000 → 2");
    }

    @Test
    void aValueBeyondTheStoredPrecisionIsNoChange() throws IOException {
        String h = "统一社会信用代码,年度,月份,用电量(kWh)\n";
        UploadResult a = upload(DatasetType.ELECTRICITY, file("kwh1.csv", h + TestFixture.USCC_1 + ",2002,0,100.12\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(a.changedRows()).isEqualTo(1);
        // kWh are stored with 2 decimals: 100.123 is stored as 100.12, so it changes nothing and has no history
        UploadResult b = upload(DatasetType.ELECTRICITY, file("kwh2.csv", h + TestFixture.USCC_1 + ",2002,0,100.123\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(b.changedRows()).isZero();
        assertThat(jdbc.sql("select count(*) from data_change where upload_id = :id").param("id", b.id()).query(Long.class).single()).isZero();
        UploadResult c = upload(DatasetType.ELECTRICITY, file("kwh3.csv", h + TestFixture.USCC_1 + ",2002,0,100.126\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(c.changedRows()).isEqualTo(1);
        assertThat(jdbc.sql("select old_value || ' → ' || new_value from data_change where upload_id = :id").param("id", c.id())
                .query(String.class).list()).containsExactly("100.12 → 100.126");
    }

    @Test
    void aCorrectedEnterpriseRecordIsVersionedWithHistory() throws IOException {
        String u = TestFixture.withCheck("91331082MA2RENAM1");
        String h = "统一社会信用代码,企业名称,所在乡镇街道代码,行业代码,规模\n";
        assertThat(upload(DatasetType.ENTERPRISE, file("v1.csv", h + u + ",版本企业,331082003,C34,规上\n", StandardCharsets.UTF_8), "fx-county")
                .changedRows()).isEqualTo(1);
        UploadResult same = upload(DatasetType.ENTERPRISE, file("v1b.csv", h + u + ",版本企业,331082003,34,规上\n",
                StandardCharsets.UTF_8), "fx-county");
        assertThat(same.changedRows()).isZero();
        UploadResult renamed = upload(DatasetType.ENTERPRISE, file("v2.csv", h + u + ",版本企业（更名）,331082003,C34,规下\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(renamed.changedRows()).isEqualTo(1);
        assertThat(jdbc.sql("select version from enterprise where uscc = :u").param("u", u).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select field || ': ' || old_value || ' → ' || new_value from data_change where upload_id = :id")
                .param("id", renamed.id()).query(String.class).list())
                .containsExactlyInAnyOrder("企业名称: 版本企业 → 版本企业（更名）", "规模(规上/规下): ABOVE → BELOW");
    }

    @Test
    void textWithQuotesCommasAndBackslashesIsStoredAsWritten() throws IOException {
        String u = TestFixture.withCheck("91331082MA2QUTED1");
        String name = "临海\"精工\",机械\\有限公司 ";
        Path p = file("quoted.csv", "统一社会信用代码,企业名称,所在乡镇街道代码,行业代码,规模\n" + u + ",\"" + name.replace("\"", "\"\"") + "\",331082003,C34,规上\n",
                StandardCharsets.UTF_8);
        assertThat(upload(DatasetType.ENTERPRISE, p, "fx-county").validRows()).isEqualTo(1);
        assertThat(jdbc.sql("select name from enterprise where uscc = :u").param("u", u).query(String.class).single()).isEqualTo(name.strip());
    }

    @Test
    void aCrashHalfwayLeavesNothingApplied() throws IOException {
        ingestion.faultInjector = stage -> {
            if (stage.equals("after-merge")) throw new IllegalStateException("simulated crash");
        };
        long uploadsBefore = jdbc.sql("select count(*) from upload_error").query(Long.class).single();
        UploadResult r = upload(DatasetType.TAX, file("crash.csv", HEADER + TestFixture.USCC_1 + ",2015,99,\n"
                + TestFixture.USCC_1 + ",2014,-1,\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.message()).contains("rolled back");
        assertThat(tax(TestFixture.USCC_1, 2015)).isNull();
        assertThat(jdbc.sql("select count(*) from upload_error").query(Long.class).single()).isEqualTo(uploadsBefore);
    }

    @Test
    void tooManyRowsIsRefusedAndNothingApplied() throws IOException {
        Ingestion limited = new Ingestion(jdbc, ctxDataSource(), ctxTx(), regions(), audit(), new IngestLimits(2, null, null, null), quality());
        Path p = file("many.csv", HEADER + TestFixture.USCC_1 + ",2013,1,\n" + TestFixture.USCC_2 + ",2013,1,\n"
                + TestFixture.USCC_1 + ",2012,1,\n", StandardCharsets.UTF_8);
        UploadResult r = limited.ingest(DatasetType.TAX, "many.csv", p, "CLI", fx.user("fx-county"));
        assertThat(r.status()).isEqualTo("REJECTED");
        assertThat(r.message()).contains("more than 2 rows");
        assertThat(tax(TestFixture.USCC_1, 2013)).isNull();
    }

    @Test
    void malformedCsvAndMissingColumnsAreRefused() throws IOException {
        UploadResult quote = upload(DatasetType.TAX, file("bad.csv", HEADER + "\"" + TestFixture.USCC_1 + ",2011,1\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(quote.status()).isEqualTo("REJECTED");
        assertThat(quote.message()).contains("CSV");
        UploadResult cols = upload(DatasetType.TAX, file("cols.csv", "名称,金额\nx,1\n", StandardCharsets.UTF_8), "fx-county");
        assertThat(cols.status()).isEqualTo("REJECTED");
        assertThat(cols.message()).contains("实缴税金合计(万元)");
        UploadResult xls = upload(DatasetType.TAX, writeBytes("old.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}), "fx-county");
        assertThat(xls.message()).contains(".xls");
    }

    @Test
    void xlsxImportsAndAZipBombIsRefusedWithoutRunningOutOfMemory() throws IOException {
        Path x = dir.resolve("tax.xlsx");
        try (OutputStream os = Files.newOutputStream(x)) {
            Workbook wb = new Workbook(os, "t", "1.0");
            Worksheet ws = wb.newWorksheet("s");
            ws.value(0, 0, "统一社会信用代码"); ws.value(0, 1, "年度"); ws.value(0, 2, "实缴税金合计(万元)");
            ws.value(1, 0, TestFixture.USCC_1); ws.value(1, 1, 2010); ws.value(1, 2, 33.25);
            wb.finish();
        }
        UploadResult ok = upload(DatasetType.TAX, x, "fx-county");
        assertThat(ok.validRows()).isEqualTo(1);
        assertThat(tax(TestFixture.USCC_1, 2010)).isEqualByComparingTo("33.25");

        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) { // 300 MB of zeros compress to ~300 KB
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        UploadResult r = upload(DatasetType.TAX, bomb, "fx-county");
        assertThat(r.status()).isEqualTo("REJECTED");
        assertThat(r.message()).contains("zip bomb");
    }

    @Test
    void dataProviderUploadsOnlyItsOwnDataSets() throws IOException {
        Path p = file("stats.csv", "统一社会信用代码,年度,营业收入(万元)\n" + TestFixture.USCC_1 + ",2020,1000\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> upload(DatasetType.STATS, p, "fx-provider")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> upload(DatasetType.TAX, p, "fx-town")).isInstanceOf(AccessDeniedException.class);
        UploadResult r = upload(DatasetType.TAX, file("t.csv", HEADER + TestFixture.USCC_2 + ",2020,8,\n", StandardCharsets.UTF_8), "fx-provider");
        assertThat(r.validRows()).isEqualTo(1);
    }

    @Test
    void enterpriseAndLandDataSetsCheckRegionsIndustriesAndGeometry() throws IOException {
        String newUscc = TestFixture.withCheck("91331082MA2NEWEN1");
        Path ent = file("ent.csv", "统一社会信用代码,企业名称,所在乡镇街道代码,行业代码,规模,标志\n"
                + newUscc + ",临海新企业有限公司,331082003,3411,规上,高新技术;专精特新\n"
                + TestFixture.withCheck("91331082MA2NEWEN2") + ",坏区划,339999999,3411,规上,\n"
                + TestFixture.withCheck("91331082MA2NEWEN3") + ",别县,331003001,3411,规上,\n"
                + TestFixture.withCheck("91331082MA2NEWEN4") + ",坏行业,331082003,9999,规上,\n", StandardCharsets.UTF_8);
        UploadResult r = upload(DatasetType.ENTERPRISE, ent, "fx-county");
        assertThat(r.validRows()).isEqualTo(1);
        assertThat(r.firstErrors()).extracting(UploadResult.RowError::reason)
                .anySatisfy(s -> assertThat(s).contains("unknown town code"))
                .anySatisfy(s -> assertThat(s).contains("outside your jurisdiction"))
                .anySatisfy(s -> assertThat(s).contains("industry"));
        assertThat(jdbc.sql("select flags::text from enterprise where uscc = :u").param("u", newUscc).query(String.class).single())
                .isEqualTo("{高新技术,专精特新}");

        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[121.1,28.8],[121.101,28.8],[121.101,28.801],[121.1,28.801],[121.1,28.8]]]}";
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[121.1,28.8],[121.101,28.801],[121.101,28.8],[121.1,28.801],[121.1,28.8]]]}";
        String mercator = "{\"type\":\"Polygon\",\"coordinates\":[[[13480000,3350000],[13480100,3350000],[13480100,3350100],[13480000,3350000]]]}";
        Path land = file("land.csv", "不动产权证号,权利人统一社会信用代码,所在乡镇街道代码,面积(平方米),地块范围GeoJSON\n"
                + "T-LAND-1," + newUscc + ",331082003,6666.7,\"" + square.replace("\"", "\"\"") + "\"\n"
                + "T-LAND-2," + newUscc + ",331082003,100,\"" + bowtie.replace("\"", "\"\"") + "\"\n"
                + "T-LAND-3," + newUscc + ",331082003,100,\"" + mercator.replace("\"", "\"\"") + "\"\n", StandardCharsets.UTF_8);
        UploadResult lr = upload(DatasetType.LAND, land, "fx-county");
        assertThat(lr.validRows()).isEqualTo(1);
        assertThat(lr.firstErrors()).extracting(UploadResult.RowError::reason)
                .anySatisfy(s -> assertThat(s).contains("self-intersecting"))
                .anySatisfy(s -> assertThat(s).contains("WGS84"));
    }

    @Test
    void optionalColumnsMayBeLeftOutAndAFileWithErrorsCanBeSentAgain() throws IOException {
        String a = TestFixture.withCheck("91331082MA2PTNKL1");
        Path ent = file("ent2.csv", "统一社会信用代码,企业名称,所在乡镇街道代码,行业代码,规模\n" + a + ",无标志企业,331082004,C38,规下\n", StandardCharsets.UTF_8);
        Path tax = file("tax-early.csv", HEADER + a + ",2020,3,\n", StandardCharsets.UTF_8);
        UploadResult early = upload(DatasetType.TAX, tax, "fx-county");
        assertThat(early.invalidRows()).isEqualTo(1);
        assertThat(upload(DatasetType.ENTERPRISE, ent, "fx-county").validRows()).isEqualTo(1);
        UploadResult again = upload(DatasetType.TAX, tax, "fx-county");
        assertThat(again.status()).isEqualTo("APPLIED");
        assertThat(again.validRows()).isEqualTo(1);
        assertThat(tax(a, 2020)).isEqualByComparingTo("3");
    }

    private Path writeBytes(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Autowired javax.sql.DataSource dataSource;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired org.mujun.region.Regions regions;
    @Autowired org.mujun.audit.AuditLog audit;
    @Autowired QualityChecks quality;

    private javax.sql.DataSource ctxDataSource() { return dataSource; }
    private org.springframework.transaction.support.TransactionTemplate ctxTx() { return tx; }
    private org.mujun.region.Regions regions() { return regions; }
    private org.mujun.audit.AuditLog audit() { return audit; }
    private QualityChecks quality() { return quality; }

    @SuppressWarnings("unused")
    private static byte[] bytes(ByteArrayOutputStream o) { return o.toByteArray(); }
}
