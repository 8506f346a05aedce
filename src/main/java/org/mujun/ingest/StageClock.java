package org.mujun.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wall-clock time per stage of one upload, logged at info so a slow import shows where its time
 * went; with the importing thread's CPU time beside it where the JVM did real work (the rest of
 * a stage is the database working, or waiting for a core).
 */
final class StageClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, long[]> stages = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long last = start;
    private long lastCpu = cpu();

    /** Ends the current stage under {@code name} (the same name twice adds up). */
    void lap(String name) {
        long now = System.nanoTime();
        long cpu = cpu();
        stages.merge(name, new long[] {now - last, cpu - lastCpu}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        last = now;
        lastCpu = cpu;
    }

    @Override
    public String toString() {
        return stages.entrySet().stream().map(e -> e.getKey() + " " + seconds(e.getValue()[0])
                        + (e.getValue()[1] > 100_000_000L ? " (JVM CPU " + seconds(e.getValue()[1]) + ")" : ""))
                .collect(Collectors.joining(", ")) + "; total " + seconds(last - start);
    }

    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
