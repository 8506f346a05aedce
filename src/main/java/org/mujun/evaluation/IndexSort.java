package org.mujun.evaluation;

/**
 * Primitive index sorts for the hot path: no boxing, no comparator objects per element.
 * {@link #byKeyDescending} is an LSD radix sort (stable) on the IEEE bits of a double key, so a million
 * keys sort in a few tens of milliseconds; runs of equal keys are then ordered by a tie-break.
 */
final class IndexSort {

    /** Compares two indices; negative when {@code a} comes first. */
    interface IntComparator {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    /**
     * Positions 0..n−1 ordered by key descending (−0.0 and 0.0 equal; no NaN expected), equal keys
     * ordered by {@code tieBreak}.
     */
    static int[] byKeyDescending(double[] key, int n, IntComparator tieBreak) {
        int[] idx = new int[n];
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            k[i] = descendingUnsigned(key[i]);
        }
        if (n > 1) {
            radix(k, idx, n);
            // equal keys: order the run by the tie-break
            int start = 0;
            for (int i = 1; i <= n; i++) {
                if (i == n || k[i] != k[start]) {
                    if (i - start > 1) {
                        mergeSort(idx, start, i, tieBreak);
                    }
                    start = i;
                }
            }
        }
        return idx;
    }

    /** Maps a double to a long whose unsigned ascending order is the double's descending order. */
    static long descendingUnsigned(double d) {
        long b = Double.doubleToRawLongBits(d + 0.0); // −0.0 → 0.0
        // signed-comparable: flip all but the sign bit of negatives
        b ^= (b >> 63) & Long.MAX_VALUE;
        // to unsigned order, then reverse for descending
        return ~(b ^ Long.MIN_VALUE);
    }

    private static void radix(long[] k, int[] idx, int n) {
        long[] k2 = new long[n];
        int[] i2 = new int[n];
        int[] count = new int[1 << 11];
        long[] srcK = k;
        int[] srcI = idx;
        long[] dstK = k2;
        int[] dstI = i2;
        for (int shift = 0; shift < 64; shift += 11) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((srcK[i] >>> shift) & 0x7FF)]++;
            }
            if (count[(int) ((srcK[0] >>> shift) & 0x7FF)] == n) {
                continue; // every key has this digit: the pass changes nothing
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) ((srcK[i] >>> shift) & 0x7FF);
                int p = count[d]++;
                dstK[p] = srcK[i];
                dstI[p] = srcI[i];
            }
            long[] tk = srcK;
            srcK = dstK;
            dstK = tk;
            int[] ti = srcI;
            srcI = dstI;
            dstI = ti;
        }
        if (srcK != k) {
            System.arraycopy(srcK, 0, k, 0, n);
            System.arraycopy(srcI, 0, idx, 0, n);
        }
    }

    /** Stable merge sort of a[from, to) by the comparator. */
    static void mergeSort(int[] a, int from, int to, IntComparator c) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        if (n <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && c.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int[] tmp = new int[n];
        mergeSort(a, tmp, from, to, c);
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, IntComparator c) {
        int n = to - from;
        if (n <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && c.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, c);
        mergeSort(a, tmp, mid, to, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, 0, n);
        int i = 0;
        int j = mid - from;
        int k = from;
        int mEnd = mid - from;
        while (i < mEnd && j < n) {
            a[k++] = c.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        }
        while (i < mEnd) {
            a[k++] = tmp[i++];
        }
        while (j < n) {
            a[k++] = tmp[j++];
        }
    }
}
