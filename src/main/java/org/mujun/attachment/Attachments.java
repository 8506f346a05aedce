package org.mujun.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments of business objects, kept in PostgreSQL (bytea) so that app nodes stay stateless.
 * <ul>
 * <li>Stored only when the content is an accepted type ({@link AttachmentType#detect}, by magic bytes) and
 * within the size limit ({@code mujun.attachment.max-bytes}, default 10 MiB; {@code max-files} per upload,
 * default 5); the stored content type is the detected one.</li>
 * <li>The uploader's file name is display text only: its directories are dropped, control and
 * reserved characters removed, and the extension made to match the detected type.</li>
 * <li>Every read goes through {@link Jurisdiction} on the owner's region and USCC; the caller first checks
 * that the user may see the owning object (an objection, a plan …) and passes its type and id.</li>
 * <li>Served as a download ({@link #response}): the stored content type, {@code Content-Disposition:
 * attachment}, {@code X-Content-Type-Options: nosniff}, a sandboxing CSP, no caching.</li>
 * </ul>
 */
@Component
public class Attachments {

    /** The owning object: its type (e.g. "evaluation-objection"), id, and the region and USCC it belongs to. */
    public record Owner(String type, long id, String regionCode, String uscc) {
        public Owner {
            if (type == null || !type.matches("[a-z][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("owner type must be lower-case words: " + type);
            }
            if (regionCode == null || !regionCode.matches("\\d{2,12}")) {
                throw new IllegalArgumentException("owner region must be a region code: " + regionCode);
            }
        }
    }

    /** A stored attachment (without its content). */
    public record Attachment(long id, String ownerType, long ownerId, String fileName, String contentType, int sizeBytes, String sha256,
                             String uploadedBy, Instant uploadedAt) {
        public AttachmentType type() {
            for (AttachmentType t : AttachmentType.values()) {
                if (t.contentType().equals(contentType)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** An attachment with its content, for serving. */
    public record Download(Attachment attachment, byte[] content) {
    }

    private static final String COLUMNS = "a.id, a.owner_type, a.owner_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.uploaded_by, a.uploaded_at";
    private static final RowMapper<Attachment> MAPPER = (rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final AuditLog audit;
    private final long maxBytes;
    private final int maxFiles;

    Attachments(JdbcClient jdbc, Jurisdiction jurisdiction, AuditLog audit,
                @Value("${mujun.attachment.max-bytes:10485760}") long maxBytes, @Value("${mujun.attachment.max-files:5}") int maxFiles) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.audit = audit;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxFiles() {
        return maxFiles;
    }

    /** "10 MB" for the form's hint. */
    public String maxSizeText() {
        return maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
    }

    /**
     * Stores the uploaded files of one form (empty file inputs are skipped), all or none: the first file
     * refused raises IllegalArgumentException with its name and the reason, and the caller's transaction
     * rolls back.
     */
    public List<Attachment> storeAll(Owner owner, List<MultipartFile> files, String actor) {
        List<MultipartFile> real = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))) {
                    real.add(f);
                }
            }
        }
        if (real.size() > maxFiles) {
            throw new IllegalArgumentException("一次最多上传 " + maxFiles + " 个附件 / at most " + maxFiles + " files per upload");
        }
        List<Attachment> out = new ArrayList<>();
        for (MultipartFile f : real) {
            if (f.getSize() > maxBytes) {
                throw tooLarge(displayText(f.getOriginalFilename()));
            }
            byte[] content;
            try (InputStream in = f.getInputStream()) {
                content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            } catch (IOException e) {
                throw new IllegalArgumentException("附件读取失败 / the file could not be read: " + displayText(f.getOriginalFilename()));
            }
            out.add(store(owner, f.getOriginalFilename(), content, actor));
        }
        return out;
    }

    /** Stores one file after checking its size and type; audited. */
    public Attachment store(Owner owner, String originalName, byte[] content, String actor) {
        String shown = displayText(originalName);
        if (content == null || content.length == 0) {
            throw new IllegalArgumentException("附件为空：" + shown + " / the file is empty: " + shown);
        }
        if (content.length > maxBytes) {
            throw tooLarge(shown);
        }
        AttachmentType type = AttachmentType.detect(content).orElseThrow(() -> new IllegalArgumentException(
                "附件类型不受支持：" + shown + "（仅接受 PDF、PNG、JPEG、XLSX、DOCX，按文件内容识别）/ file type not accepted: " + shown
                        + " (only PDF, PNG, JPEG, XLSX and DOCX, recognised by their content)"));
        String name = displayName(originalName, type);
        String sha = sha256(content);
        long id = jdbc.sql("""
                        insert into attachment (owner_type, owner_id, region_code, uscc, file_name, content_type, size_bytes, sha256, content, uploaded_by)
                        values (:t, :o, :r, :u, :n, :ct, :s, :h, :c, :by) returning id""")
                .param("t", owner.type()).param("o", owner.id()).param("r", owner.regionCode()).param("u", owner.uscc())
                .param("n", name).param("ct", type.contentType()).param("s", content.length).param("h", sha).param("c", content)
                .param("by", actor).query(Long.class).single();
        audit.append(actor, "ATTACHMENT_ADD", "attachment:" + id, owner.type() + ":" + owner.id() + " " + name + " " + type + " "
                + content.length + " bytes sha256=" + sha);
        return new Attachment(id, owner.type(), owner.id(), name, type.contentType(), content.length, sha, actor, Instant.now());
    }

    private IllegalArgumentException tooLarge(String shown) {
        return new IllegalArgumentException("附件超过 " + maxSizeText() + "：" + shown + " / the file is larger than " + maxSizeText() + ": " + shown);
    }

    /** The attachments of an object inside the current user's jurisdiction, oldest first. */
    public List<Attachment> list(String ownerType, long ownerId) {
        return list(ownerType, ownerId, jurisdiction.current());
    }

    public List<Attachment> list(String ownerType, long ownerId, Scope scope) {
        return jurisdiction.sql("select " + COLUMNS + " from attachment a where a.owner_type = :t and a.owner_id = :o"
                        + " and SCOPE(a.region_code, a.uscc) order by a.id", scope)
                .param("t", ownerType).param("o", ownerId).query(MAPPER).list();
    }

    /** One attachment of the object with its content, inside the current user's jurisdiction. */
    public Optional<Download> find(String ownerType, long ownerId, long id) {
        return jurisdiction.sql("select " + COLUMNS + ", a.content from attachment a where a.id = :id and a.owner_type = :t and a.owner_id = :o"
                        + " and SCOPE(a.region_code, a.uscc)")
                .param("id", id).param("t", ownerType).param("o", ownerId)
                .query((rs, n) -> new Download(MAPPER.mapRow(rs, n), rs.getBytes(10))).optional();
    }

    /** The download response: stored type, attachment disposition with the display name, nosniff, sandbox, no caching. */
    public static ResponseEntity<byte[]> response(Download d) {
        Attachment a = d.attachment();
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(a.contentType()));
        h.setContentDisposition(ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", "default-src 'none'; sandbox");
        h.setCacheControl("private, no-store");
        h.setContentLength(d.content().length);
        return ResponseEntity.ok().headers(h).body(d.content());
    }

    /**
     * The display name: the last path segment only (both separators), without control characters, quotes
     * and the characters Windows reserves, without leading dots, at most 200 characters, ending in the
     * detected type's extension ("report.html" → "report.html.pdf").
     */
    static String displayName(String original, AttachmentType type) {
        String n = clean(original);
        String lower = n.toLowerCase(Locale.ROOT);
        String ext;
        if (lower.endsWith("." + type.extension())) {
            ext = n.substring(n.length() - type.extension().length() - 1);
        } else if (type == AttachmentType.JPEG && lower.endsWith(".jpeg")) {
            ext = n.substring(n.length() - 5);
        } else {
            ext = "." + type.extension();
            n = n + ext;
        }
        if (n.length() > 200) {
            n = n.substring(0, 200 - ext.length()) + ext;
        }
        return n;
    }

    /** The name reduced to safe display text (also used in messages). */
    static String displayText(String original) {
        String n = clean(original);
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static String clean(String original) {
        String n = original == null ? "" : original;
        int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(cut + 1);
        n = n.replaceAll("[\\p{Cntrl}\"<>:|?*\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        n = n.replaceFirst("^\\.+", "").strip();
        return n.isEmpty() ? "file" : n;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
