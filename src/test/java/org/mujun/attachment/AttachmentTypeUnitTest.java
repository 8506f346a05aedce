package org.mujun.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Types recognised by content, never by name; display names never carry a path. */
class AttachmentTypeUnitTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void acceptedTypesByMagicBytes() throws IOException {
        assertThat(AttachmentType.detect(PDF)).contains(AttachmentType.PDF);
        assertThat(AttachmentType.detect(PNG)).contains(AttachmentType.PNG);
        assertThat(AttachmentType.detect(JPEG)).contains(AttachmentType.JPEG);
        assertThat(AttachmentType.detect(zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml")))
                .contains(AttachmentType.XLSX);
        assertThat(AttachmentType.detect(zip("[Content_Types].xml", "word/document.xml"))).contains(AttachmentType.DOCX);
        assertThat(AttachmentType.XLSX.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void everythingElseIsRefused() throws IOException {
        assertThat(AttachmentType.detect("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AttachmentType.detect("MZ\u0090\u0000 executable".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(AttachmentType.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AttachmentType.detect(new byte[0])).isEmpty();
        assertThat(AttachmentType.detect(null)).isEmpty();
        // a zip that is not an office document (a plain archive, or one claiming only [Content_Types].xml)
        assertThat(AttachmentType.detect(zip("evil.exe"))).isEmpty();
        assertThat(AttachmentType.detect(zip("[Content_Types].xml"))).isEmpty();
        // a truncated zip (the central directory cut off)
        byte[] x = zip("[Content_Types].xml", "xl/workbook.xml");
        assertThat(AttachmentType.detect(java.util.Arrays.copyOf(x, x.length - 30))).isEmpty();
        // PDF magic not at the start
        assertThat(AttachmentType.detect((" " + new String(PDF, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void displayNamesNeverCarryAPath() {
        assertThat(Attachments.displayName("../../etc/passwd", AttachmentType.PDF)).isEqualTo("passwd.pdf");
        assertThat(Attachments.displayName("..\\..\\windows\\system32\\evil.pdf", AttachmentType.PDF)).isEqualTo("evil.pdf");
        assertThat(Attachments.displayName("/var/data/证明材料.PDF", AttachmentType.PDF)).isEqualTo("证明材料.PDF");
        assertThat(Attachments.displayName("..", AttachmentType.PNG)).isEqualTo("file.png");
        assertThat(Attachments.displayName(".htaccess", AttachmentType.PDF)).isEqualTo("htaccess.pdf");
        assertThat(Attachments.displayName(null, AttachmentType.JPEG)).isEqualTo("file.jpg");
        assertThat(Attachments.displayName("photo.jpeg", AttachmentType.JPEG)).isEqualTo("photo.jpeg");
        // the extension follows the content: an HTML name on PDF bytes downloads as .pdf
        assertThat(Attachments.displayName("report.html", AttachmentType.PDF)).isEqualTo("report.html.pdf");
        // control characters, quotes and header-breaking characters are removed
        assertThat(Attachments.displayName("a\"b\r\nX:y<z>|?*.pdf", AttachmentType.PDF)).isEqualTo("abXyz.pdf");
        assertThat(Attachments.displayName("a.pdf\r\nContent-Type: text/html", AttachmentType.PDF)).isEqualTo("html.pdf");
        // at most 200 characters, the extension kept
        String longName = "x".repeat(300) + ".pdf";
        assertThat(Attachments.displayName(longName, AttachmentType.PDF)).hasSize(200).endsWith(".pdf");
    }
}
