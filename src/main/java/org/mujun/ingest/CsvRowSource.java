package org.mujun.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * CSV in UTF-8 (with or without BOM) or GBK/GB18030, detected: a file that decodes as strict
 * UTF-8 is UTF-8; otherwise juniversalchardet decides, and any Chinese GB encoding is read as
 * GB18030 (a superset of GBK and GB2312). Anything else is refused with a clear message.
 */
final class CsvRowSource implements RowSource {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final String encoding;
    private final Reader reader;

    CsvRowSource(Path file) throws IOException {
        Charset charset = detect(file);
        this.encoding = charset.name();
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (charset.equals(StandardCharsets.UTF_8)) {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
                in.reset();
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new InputStreamReader(in, decoder);
        try {
            this.parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader);
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw new RejectedFileException("文件为空，没有表头 / the file is empty: no header row");
            }
            List<String> h = new ArrayList<>();
            records.next().forEach(h::add);
            this.header = h;
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            close();
            throw new RejectedFileException("CSV 格式错误 / malformed CSV: " + rootMessage(e), e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            List<String> cells = new ArrayList<>(r.size());
            r.forEach(cells::add);
            // the header is row 1, so record n (1-based, header included) is row n
            return new SourceRow((int) r.getRecordNumber(), cells);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new RejectedFileException("CSV 格式错误（第 " + (parser.getRecordNumber() + 1) + " 行附近） / malformed CSV near row "
                    + (parser.getRecordNumber() + 1) + ": " + rootMessage(e), e);
        }
    }

    @Override
    public String format() {
        return "CSV";
    }

    @Override
    public String encoding() {
        return encoding;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    static Charset detect(Path file) throws IOException {
        if (hasUtf8Bom(file)) {
            // A UTF-8 BOM says what the file is: no pre-pass over the whole file. The reader decodes
            // strictly, so an invalid byte further on still refuses the file (the upload rolls back).
            return StandardCharsets.UTF_8;
        }
        if (isStrictUtf8(file)) {
            return StandardCharsets.UTF_8;
        }
        UniversalDetector detector = new UniversalDetector();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0 && !detector.isDone()) {
                detector.handleData(buf, 0, n);
            }
        }
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        Charset gb = Charset.forName("GB18030");
        if (name != null && (name.startsWith("GB") || name.equalsIgnoreCase("HZ-GB-2312"))) {
            return gb;
        }
        // Short GBK files are often mis-detected: accept GB18030 when the whole file decodes cleanly.
        if (decodesCleanly(file, gb)) {
            return gb;
        }
        throw new RejectedFileException("无法识别文件编码" + (name == null ? "" : "（疑似 " + name + "）")
                + "，请保存为 UTF-8 或 GBK 编码的 CSV / unrecognised encoding" + (name == null ? "" : " (looks like " + name + ")")
                + ": save the CSV as UTF-8 or GBK");
    }

    private static boolean hasUtf8Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(3);
            return b.length == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
        }
    }

    private static boolean isStrictUtf8(Path file) throws IOException {
        return decodesCleanly(file, StandardCharsets.UTF_8);
    }

    private static boolean decodesCleanly(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buf = new char[1 << 16];
            while (r.read(buf) >= 0) {
                // reading is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof CharacterCodingException ? "字符编码错误 / invalid characters for the detected encoding" : String.valueOf(t.getMessage());
    }

}
