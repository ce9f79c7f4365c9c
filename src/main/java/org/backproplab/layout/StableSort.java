package org.backproplab.layout;

/**
 * A stable merge sort of int items by a double key, with int arrays only: a {@code Comparator} over boxed Integers
 * is slow in TeaVM-JS, and both the barycentre sweeps and the crossing count sort on every pass.
 */
final class StableSort {
    private StableSort() {
    }

    /**
     * Sorts {@code items[0..n)} by {@code key[item]}, ascending, keeping items with equal keys in their order. It
     * returns how many pairs were out of order before (i before j with {@code key[i] > key[j]}, equal keys not
     * counted), which is exactly a crossing count when the keys are the right-hand ends of edges (see
     * {@link Crossings}). {@code scratch} needs room for n items.
     */
    static int sortByKey(int[] items, int n, double[] key, int[] scratch) {
        int inversions = 0;
        int[] from = items;
        int[] to = scratch;
        // Bottom up, with no recursion: merge runs of 1, then 2, 4, ... until one run is left.
        for (int run = 1; run < n; run *= 2) {
            for (int lo = 0; lo < n; lo += 2 * run) {
                int mid = Math.min(lo + run, n);
                int hi = Math.min(lo + 2 * run, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (key[from[j]] < key[from[i]]) {
                        inversions += mid - i; // from[j] jumps ahead of every item left in the first run
                        to[k++] = from[j++];
                    } else {
                        to[k++] = from[i++];
                    }
                }
                while (i < mid) {
                    to[k++] = from[i++];
                }
                while (j < hi) {
                    to[k++] = from[j++];
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != items) {
            System.arraycopy(from, 0, items, 0, n);
        }
        return inversions;
    }
}
