package org.mujun.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * XLSX streamed with fastexcel-reader (first sheet). Before opening, every zip entry is inflated
 * through a counting stream (never trusting the sizes the zip claims): a total beyond the limit or
 * an extreme compression ratio (a zip bomb) is refused before any XML is parsed.
 */
final class XlsxRowSource implements RowSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;
    private final IngestLimits limits;
    private long cells;

    XlsxRowSource(Path file, IngestLimits limits) throws IOException {
        this.limits = limits;
        checkZip(file, limits);
        try {
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
            this.stream = workbook.getFirstSheet().openStream();
            this.rows = stream.iterator();
            Row first = nextNonEmpty();
            if (first == null) {
                throw new RejectedFileException("工作表为空，没有表头 / the first sheet is empty: no header row");
            }
            this.header = texts(first);
        } catch (RejectedFileException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw new RejectedFileException("无法读取 XLSX 文件 / cannot read the XLSX file: " + e.getMessage(), e);
        }
    }

    static void checkZip(Path file, IngestLimits limits) throws IOException {
        long compressed = Math.max(1, Files.size(file));
        long total = 0;
        boolean sawWorkbook = false;
        byte[] buf = new byte[1 << 16];
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().equals("xl/workbook.xml")) {
                    sawWorkbook = true;
                }
                try (InputStream zin = zip.getInputStream(e)) {
                    int n;
                    while ((n = zin.read(buf)) > 0) {
                        total += n;
                        if (total > limits.maxUncompressedBytes()) {
                            throw new RejectedFileException("XLSX 解压后超过 " + limits.maxUncompressedBytes() / (1 << 20)
                                    + " MB，拒绝处理（可能是压缩炸弹） / the XLSX inflates beyond " + limits.maxUncompressedBytes() / (1 << 20)
                                    + " MB and is refused (possible zip bomb)");
                        }
                        if (total > (64L << 20) && total / compressed > limits.maxCompressionRatio()) {
                            throw new RejectedFileException("XLSX 压缩比异常（超过 " + limits.maxCompressionRatio()
                                    + " 倍），拒绝处理（疑似压缩炸弹） / the XLSX compression ratio exceeds " + limits.maxCompressionRatio()
                                    + ":1 and is refused (suspected zip bomb)");
                        }
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new RejectedFileException("不是有效的 XLSX 文件（zip 结构损坏） / not a valid XLSX file (broken zip)", e);
        }
        if (!sawWorkbook) {
            throw new RejectedFileException("不是有效的 XLSX 文件（缺少 xl/workbook.xml） / not a valid XLSX file (no xl/workbook.xml)");
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        try {
            Row r = nextNonEmpty();
            return r == null ? null : new SourceRow(r.getRowNum(), texts(r));
        } catch (RejectedFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RejectedFileException("XLSX 内容无法解析 / the XLSX content cannot be parsed: " + e.getMessage(), e);
        }
    }

    private Row nextNonEmpty() {
        while (rows.hasNext()) {
            Row r = rows.next();
            cells += r.getCellCount();
            if (cells > limits.maxCells()) {
                throw new RejectedFileException("XLSX 单元格数超过上限 " + limits.maxCells() + " / the XLSX has more than "
                        + limits.maxCells() + " cells");
            }
            if (r.stream().anyMatch(c -> c != null && !c.getText().isBlank())) {
                return r;
            }
        }
        return null;
    }

    private static List<String> texts(Row r) {
        List<String> out = new ArrayList<>(r.getCellCount());
        for (int i = 0; i < r.getCellCount(); i++) {
            Cell c = r.getCell(i);
            if (c == null) {
                out.add(null);
                continue;
            }
            switch (c.getType()) {
                case NUMBER -> {
                    BigDecimal n = c.asNumber();
                    out.add(n == null ? null : n.stripTrailingZeros().toPlainString());
                }
                case BOOLEAN -> out.add(Boolean.TRUE.equals(c.asBoolean()) ? "是" : "否");
                case EMPTY -> out.add(null);
                default -> {
                    String t = c.getText();
                    out.add(t == null ? null : t.trim());
                }
            }
        }
        return out;
    }

    @Override
    public String format() {
        return "XLSX";
    }

    @Override
    public String encoding() {
        return null;
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        if (workbook != null) {
            workbook.close();
        }
    }

    /** Opens a file by its content (zip magic → XLSX, OLE2 → old .xls refused), else CSV. */
    static RowSource open(Path file, String fileName, IngestLimits limits) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length == 0) {
            throw new RejectedFileException("文件为空 / the file is empty");
        }
        if (ReadableWorkbook.isOLE2Header(head)) {
            throw new RejectedFileException("不支持旧版 Excel (.xls)，请另存为 .xlsx 或 CSV / old Excel .xls is not supported: save as .xlsx or CSV");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K') {
            return new XlsxRowSource(file, limits);
        }
        String lower = fileName == null ? "" : fileName.toLowerCase();
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            throw new RejectedFileException("文件扩展名为 Excel，但内容不是有效的 XLSX / the file is named as Excel but is not a valid XLSX");
        }
        if (lower.endsWith(".pdf") || lower.endsWith(".doc") || lower.endsWith(".docx") || lower.endsWith(".zip")) {
            throw new RejectedFileException("只接受 CSV 或 XLSX 文件 / only CSV and XLSX files are accepted");
        }
        return new CsvRowSource(file);
    }
}
