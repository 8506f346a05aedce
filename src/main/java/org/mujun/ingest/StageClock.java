package org.mujun.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Wall-clock time per stage of one upload, logged at info so a slow import shows where its time went. */
final class StageClock {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long last = start;

    /** Ends the current stage under {@code name} (the same name twice adds up). */
    void lap(String name) {
        long now = System.nanoTime();
        nanos.merge(name, now - last, Long::sum);
        last = now;
    }

    @Override
    public String toString() {
        return nanos.entrySet().stream().map(e -> e.getKey() + " " + seconds(e.getValue()))
                .collect(Collectors.joining(", ")) + "; total " + seconds(last - start);
    }

    private static String seconds(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }
}
