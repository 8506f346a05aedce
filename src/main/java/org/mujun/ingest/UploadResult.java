package org.mujun.ingest;

import java.util.List;

/** What an upload did: its status, counts, the years it touched and its first errors. */
public record UploadResult(long id, String dataset, String status, int totalRows, int validRows, int invalidRows,
                           int changedRows, List<Integer> years, String message, List<RowError> firstErrors) {

    public record RowError(int row, String column, String value, String reason) { }

    public boolean applied() {
        return "APPLIED".equals(status) || "DUPLICATE".equals(status);
    }
}
