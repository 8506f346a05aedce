package org.mujun.ingest;

/**
 * 64-bit hashes of the keys of a file's valid rows, to learn cheaply whether any key may repeat.
 * Equal keys have equal hashes, so when no hash repeats no key does, and the exact check in SQL
 * (one hash aggregate over the whole staging table) can be skipped; when one repeats — a repeated
 * key, or once in billions of files two keys with one hash — the exact check runs. Open
 * addressing over a {@code long[]}: 16 MB at the 1,000,000-row limit, no object per row.
 */
final class KeyHashes {

    private static final long EMPTY = 0;

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean repeat;

    /** FNV-1a over the key values (null marked, values separated), never {@link #EMPTY}. */
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
        h ^= h >>> 33; // spread the high bits into the low ones the table indexes by
        return h == EMPTY ? 1 : h;
    }

    /** Adds a key's hash; remembers whether it was there already. */
    void add(long hash) {
        if (repeat) {
            return; // the exact check will run anyway: stop growing
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) hash & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == hash) {
                repeat = true;
                slots = new long[0];
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = hash;
        size++;
    }

    /** Whether some key may occur twice (false: certainly none does). */
    boolean mayRepeat() {
        return repeat;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long h : old) {
            if (h != EMPTY) {
                int i = (int) h & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = h;
            }
        }
    }
}
