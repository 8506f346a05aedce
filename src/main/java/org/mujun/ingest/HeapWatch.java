package org.mujun.ingest;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak memory of one benchmark phase. Heap: the heap in use just before each collection (reported
 * by the GC beans' notifications) is the highest it got between collections, so the maximum of
 * those and of the current use is the phase's peak. Process: Linux's VmHWM from
 * {@code /proc/self/status}, reset at the start of a phase through {@code /proc/self/clear_refs}
 * when the kernel allows it (otherwise the peak since the JVM started).
 */
final class HeapWatch implements NotificationListener, AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong gcCount = new AtomicLong();
    private final AtomicLong gcMillis = new AtomicLong();
    private volatile long phaseStart;
    private boolean rssResettable;

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Starts a phase: the peaks begin at what is in use now. */
    void reset() {
        // notifications arrive asynchronously: one of a collection that began before now is not this phase's
        phaseStart = ManagementFactory.getRuntimeMXBean().getUptime();
        peakHeap.set(heapUsed());
        gcCount.set(0);
        gcMillis.set(0);
        try {
            Files.writeString(CLEAR_REFS, "5"); // 5 = reset the peak RSS (Linux 4.0+)
            rssResettable = true;
        } catch (IOException | RuntimeException e) {
            rssResettable = false;
        }
    }

    long peakHeapBytes() {
        return Math.max(peakHeap.get(), heapUsed());
    }

    long gcCount() {
        return gcCount.get();
    }

    long gcMillis() {
        return gcMillis.get();
    }

    /** Whether {@link #peakRssBytes()} covers only the phase (true) or the whole JVM life (false). */
    boolean rssPerPhase() {
        return rssResettable;
    }

    /** The process's peak resident set (VmHWM), or -1 when not readable (not Linux). */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted
        }
        return -1;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
        if (info.getStartTime() < phaseStart) {
            return;
        }
        long before = info.getMemoryUsageBeforeGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
        peakHeap.accumulateAndGet(before, Math::max);
        gcCount.incrementAndGet();
        gcMillis.addAndGet(info.getDuration());
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
