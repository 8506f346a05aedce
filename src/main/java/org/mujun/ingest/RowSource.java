package org.mujun.ingest;

import java.io.IOException;
import java.util.List;

/** A streamed table: a header row, then rows numbered as the user sees them in the file. */
interface RowSource extends AutoCloseable {

    List<String> header();

    /** The next row, or null at the end. */
    SourceRow next() throws IOException;

    String format();

    String encoding();

    @Override
    void close() throws IOException;

    record SourceRow(int rowNo, List<String> cells) {
        String cell(int i) {
            return i < 0 || i >= cells.size() ? null : cells.get(i);
        }
    }
}
