package org.mujun.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits that keep a hostile or huge file from exhausting memory (SPEC §3). */
@ConfigurationProperties("mujun.ingest")
record IngestLimits(Integer maxRows, Long maxCells, Long maxUncompressedBytes, Integer maxCompressionRatio) {

    IngestLimits {
        maxRows = maxRows == null ? 1_000_000 : maxRows;
        maxCells = maxCells == null ? 40_000_000L : maxCells;
        maxUncompressedBytes = maxUncompressedBytes == null ? 1L << 30 : maxUncompressedBytes;
        maxCompressionRatio = maxCompressionRatio == null ? 200 : maxCompressionRatio;
    }
}
