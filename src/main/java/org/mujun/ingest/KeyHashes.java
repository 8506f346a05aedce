package org.mujun.ingest;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * 64-bit hashes of the keys of a file's valid rows, to learn cheaply whether any key may repeat.
 * Equal keys have equal hashes, so when no hash repeats no key does, and the exact check in SQL
 * (one hash aggregate over the whole staging table) can be skipped; when one repeats — a repeated
 * key, or once in billions of files two keys with one hash — the exact check runs. The hashes
 * are kept in small arrays (8 bytes a row, 8 MB at the 1,000,000-row limit, never copied to grow),
 * each sorted at the end and merged to find a repeat.
 */
final class KeyHashes {

    /** 256 KB a chunk: below G1's humongous-object size for a 512 MB heap. */
    private static final int CHUNK = 1 << 15;

    private long[][] chunks = new long[8][];
    private int size;

    /** FNV-1a over the key values (null marked, values separated). */
    static long hash(String[] values, int[] keyPositions) {
        long h = 0xcbf29ce484222325L;
        for (int p : keyPositions) {
            String v = values[p];
            if (v == null) {
                h = (h ^ 0x1F) * 0x100000001b3L;
                continue;
            }
            for (int i = 0; i < v.length(); i++) {
                h = (h ^ v.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0x1E) * 0x100000001b3L;
        }
        return h;
    }

    void add(long hash) {
        int c = size / CHUNK;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new long[CHUNK];
        }
        chunks[c][size % CHUNK] = hash;
        size++;
    }

    /** Whether some key may occur twice (false: certainly none does). Sorts the hashes: call once, at the end. */
    boolean mayRepeat() {
        int n = (size + CHUNK - 1) / CHUNK;
        for (int c = 0; c < n; c++) {
            int len = c == n - 1 ? size - c * CHUNK : CHUNK;
            Arrays.sort(chunks[c], 0, len);
            for (int i = 1; i < len; i++) {
                if (chunks[c][i] == chunks[c][i - 1]) {
                    return true;
                }
            }
        }
        // merge the sorted chunks: a repeat across chunks shows as two equal hashes in a row
        PriorityQueue<int[]> heads = new PriorityQueue<>((a, b) -> Long.compare(chunks[a[0]][a[1]], chunks[b[0]][b[1]]));
        for (int c = 0; c < n; c++) {
            heads.add(new int[] {c, 0});
        }
        boolean first = true;
        long previous = 0;
        while (!heads.isEmpty()) {
            int[] head = heads.poll();
            long h = chunks[head[0]][head[1]];
            if (!first && h == previous) {
                return true;
            }
            first = false;
            previous = h;
            int len = head[0] == n - 1 ? size - head[0] * CHUNK : CHUNK;
            if (++head[1] < len) {
                heads.add(head);
            }
        }
        return false;
    }
}
