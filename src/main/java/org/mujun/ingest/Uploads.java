package org.mujun.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reading uploads, their errors and the change history. Who sees an upload: admins and auditors
 * those made inside their region, a data provider only its own; no one else.
 */
@Repository
class Uploads {

    private final JdbcClient jdbc;

    Uploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Upload(long id, String dataset, String fileName, String format, String encoding, String source, String uploadedBy,
                  String uploaderRegion, Instant uploadedAt, String status, int totalRows, int validRows, int invalidRows,
                  int changedRows, String message) { }

    record Change(long id, long uploadId, String dataset, String recordKey, String uscc, String field, String oldValue,
                  String newValue, String changedBy, Instant changedAt) { }

    record Finding(long id, String kind, String uscc, String enterpriseName, Integer year, String regionCode, String detail, Instant foundAt) { }

    /** The visibility predicate over alias u, with its parameters (:vis_region, :vis_user). */
    private static String visible(MujunUser user) {
        if (user.role() == Role.DATA_PROVIDER) {
            return "u.uploaded_by = :vis_user";
        }
        if (user.role().isAdmin() || user.role() == Role.AUDITOR) {
            return "u.uploader_region like :vis_region";
        }
        return "false";
    }

    List<Upload> list(MujunUser user, String dataset, int page, int size) {
        return jdbc.sql("select u.* from upload u where " + visible(user) + " and (cast(:ds as text) is null or u.dataset = :ds) order by u.id desc limit :l offset :o")
                .param("vis_region", user.regionCode() + "%").param("vis_user", user.username()).param("ds", dataset)
                .param("l", size).param("o", page * size).query(Uploads::map).list();
    }

    long count(MujunUser user, String dataset) {
        return jdbc.sql("select count(*) from upload u where " + visible(user) + " and (cast(:ds as text) is null or u.dataset = :ds)")
                .param("vis_region", user.regionCode() + "%").param("vis_user", user.username()).param("ds", dataset)
                .query(Long.class).single();
    }

    Optional<Upload> find(MujunUser user, long id) {
        return jdbc.sql("select u.* from upload u where u.id = :id and " + visible(user))
                .param("id", id).param("vis_region", user.regionCode() + "%").param("vis_user", user.username())
                .query(Uploads::map).optional();
    }

    List<UploadResult.RowError> errors(long uploadId, int page, int size) {
        return jdbc.sql("select row_no, column_name, value, reason from upload_error where upload_id = :id order by row_no, column_name limit :l offset :o")
                .param("id", uploadId).param("l", size).param("o", page * size)
                .query((rs, n) -> new UploadResult.RowError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    long errorCount(long uploadId) {
        return jdbc.sql("select count(*) from upload_error where upload_id = :id").param("id", uploadId).query(Long.class).single();
    }

    /** Streams every error row of an upload (for downloads of any size). */
    void eachError(long uploadId, java.util.function.Consumer<UploadResult.RowError> sink) {
        jdbc.sql("select row_no, column_name, value, reason from upload_error where upload_id = :id order by row_no, column_name")
                .param("id", uploadId).query(rs -> {
                    sink.accept(new UploadResult.RowError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
    }

    static Upload map(ResultSet rs, int n) throws SQLException {
        return new Upload(rs.getLong("id"), rs.getString("dataset"), rs.getString("file_name"), rs.getString("file_format"),
                rs.getString("encoding"), rs.getString("source"), rs.getString("uploaded_by"), rs.getString("uploader_region"),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getString("status"), rs.getInt("total_rows"), rs.getInt("valid_rows"),
                rs.getInt("invalid_rows"), rs.getInt("changed_rows"), rs.getString("message"));
    }
}
