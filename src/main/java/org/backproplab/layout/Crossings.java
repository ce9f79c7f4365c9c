package org.backproplab.layout;

import java.util.Arrays;

/**
 * Counts edge crossings in a layered drawing. Between two neighbouring rank columns every edge is one straight
 * segment, and two such segments cross when their left ends and their right ends come in opposite vertical order.
 * Segments that share an end (two operands of one op, or the two edges of {@code a + a}) never cross.
 *
 * <p>Counts are ints: exact while no two neighbouring columns have more than about 65,000 segments between them.
 */
public final class Crossings {
    private Crossings() {
    }

    /** The crossings of a finished layout, read from its edge polylines and ranks. */
    public static int count(Layout layout) {
        int gaps = Math.max(0, layout.rankCount() - 1);
        // Group the segments by the gap they span: segment k of an edge spans gap rank(from) + k.
        int[] gapStart = new int[gaps + 1];
        for (int e = 0; e < layout.edgeCount(); e++) {
            int firstGap = firstGap(layout, e);
            for (int k = 0; k < layout.pointCount(e) / 2; k++) {
                gapStart[firstGap + k + 1]++;
            }
        }
        int widest = 0;
        for (int g = 0; g < gaps; g++) {
            widest = Math.max(widest, gapStart[g + 1]);
            gapStart[g + 1] += gapStart[g];
        }
        int segmentCount = gapStart[gaps];
        double[] left = new double[segmentCount];
        double[] right = new double[segmentCount];
        int[] next = Arrays.copyOf(gapStart, gaps);
        for (int e = 0; e < layout.edgeCount(); e++) {
            int firstGap = firstGap(layout, e);
            for (int k = 0; k < layout.pointCount(e) / 2; k++) {
                int s = next[firstGap + k]++;
                left[s] = layout.pointY(e, 2 * k);
                right[s] = layout.pointY(e, 2 * k + 1);
            }
        }
        int[] items = new int[widest];
        int[] scratch = new int[widest];
        int total = 0;
        for (int g = 0; g < gaps; g++) {
            total += between(left, right, gapStart[g], gapStart[g + 1], items, scratch);
        }
        return total;
    }

    private static int firstGap(Layout layout, int edge) {
        return layout.rank(layout.from(edge));
    }

    /**
     * Crossings among the segments {@code from..to-1}, whose ends are {@code left[s]} and {@code right[s]}
     * (y coordinates, or positions within a rank). items and scratch need room for {@code to - from} ints.
     */
    static int between(double[] left, double[] right, int from, int to, int[] items, int[] scratch) {
        int n = to - from;
        for (int i = 0; i < n; i++) {
            items[i] = from + i;
        }
        // Order the segments by left end, ties by right end; then each pair whose right ends are still out of
        // order is a crossing, and the last sort counts exactly those pairs.
        StableSort.sortByKey(items, n, right, scratch);
        StableSort.sortByKey(items, n, left, scratch);
        return StableSort.sortByKey(items, n, right, scratch);
    }
}
