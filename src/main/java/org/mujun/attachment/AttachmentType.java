package org.mujun.attachment;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The accepted file types, recognised by their content (magic bytes), never by the name or the type the
 * browser claims: PDF, PNG, JPEG, and the Office Open XML documents XLSX and DOCX (zip packages whose
 * central directory lists {@code [Content_Types].xml} and the workbook or document part). The zip is
 * only read for its directory of names; nothing is inflated, so a zip bomb costs nothing.
 */
public enum AttachmentType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int MAX_ZIP_ENTRIES = 20_000;

    private final String contentType;
    private final String extension;

    AttachmentType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The file extension a download gets (without the dot). */
    public String extension() {
        return extension;
    }

    /** The type of the content, or empty when it is none of the accepted types. */
    public static Optional<AttachmentType> detect(byte[] b) {
        if (b == null || b.length < 4) {
            return Optional.empty();
        }
        if (startsWith(b, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(b, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(b, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, ZIP_MAGIC)) {
            return office(b);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, byte[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the zip's central directory (names only) and tells XLSX from DOCX; anything else is refused. */
    private static Optional<AttachmentType> office(byte[] b) {
        Set<String> names = zipNames(b);
        if (names == null || !names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (names.contains("xl/workbook.xml")) {
            return Optional.of(XLSX);
        }
        if (names.contains("word/document.xml")) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    /** The entry names of a zip from its end-of-central-directory record, or null when it is not a well-formed zip. */
    static Set<String> zipNames(byte[] b) {
        int eocd = -1;
        for (int p = b.length - 22; p >= Math.max(0, b.length - 22 - 65_535); p--) {
            if (b[p] == 'P' && b[p + 1] == 'K' && b[p + 2] == 5 && b[p + 3] == 6) {
                eocd = p;
                break;
            }
        }
        if (eocd < 0) {
            return null;
        }
        int entries = u16(b, eocd + 10);
        long size = u32(b, eocd + 12);
        long offset = u32(b, eocd + 16);
        if (entries > MAX_ZIP_ENTRIES || offset + size > eocd) {
            return null; // also ZIP64 markers (0xFFFF, 0xFFFFFFFF): not an office document we accept
        }
        Set<String> names = new HashSet<>();
        int p = (int) offset;
        for (int i = 0; i < entries; i++) {
            if (p + 46 > eocd || !(b[p] == 'P' && b[p + 1] == 'K' && b[p + 2] == 1 && b[p + 3] == 2)) {
                return null;
            }
            int nameLen = u16(b, p + 28);
            int extraLen = u16(b, p + 30);
            int commentLen = u16(b, p + 32);
            if (p + 46 + nameLen > eocd) {
                return null;
            }
            names.add(new String(b, p + 46, nameLen, StandardCharsets.UTF_8));
            p += 46 + nameLen + extraLen + commentLen;
        }
        return names;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xFFFFFFFFL;
    }
}
