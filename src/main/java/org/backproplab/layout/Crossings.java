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

    /**
     * The crossings of a finished layout, read from what a drawing draws between the columns: each shared trunk
     * once, and each edge whole, or only its last segment when it is bundled into its source's trunk. Segment k of
     * a polyline that starts at node v spans the gap after column rank(v) + k. Edges along lanes, above the
     * drawing, are left out: the ordering never saw them.
     */
    public static int count(Layout layout) {
        int gaps = Math.max(0, layout.rankCount() - 1);
        int[] gapStart = new int[gaps + 1];
        int segmentCount = forEachSegment(layout, gapStart, null, null);
        int widest = 0;
        for (int g = 0; g < gaps; g++) {
            widest = Math.max(widest, gapStart[g + 1]);
            gapStart[g + 1] += gapStart[g];
        }
        double[] left = new double[segmentCount];
        double[] right = new double[segmentCount];
        forEachSegment(layout, Arrays.copyOf(gapStart, gaps), left, right);
        int[] items = new int[widest];
        int[] scratch = new int[widest];
        int total = 0;
        for (int g = 0; g < gaps; g++) {
            total += between(left, right, gapStart[g], gapStart[g + 1], items, scratch);
        }
        return total;
    }

    /**
     * Goes through the drawn segments. Without left and right, counts them per gap into {@code next[gap + 1]};
     * with them, stores each segment's ends at {@code next[gap]++}. Returns how many there are.
     */
    private static int forEachSegment(Layout layout, int[] next, double[] left, double[] right) {
        int count = 0;
        for (int v = 0; v < layout.nodeCount(); v++) {
            if (layout.hasSharedTrunk(v) && !layout.trunkOnLane(v)) {
                for (int k = 0; k < layout.trunkPointCount(v) / 2; k++) {
                    count += segment(next, layout.rank(v) + k, left, right, layout.trunkY(v, 2 * k),
                            layout.trunkY(v, 2 * k + 1));
                }
            }
        }
        for (int e = 0; e < layout.edgeCount(); e++) {
            if (layout.onLane(e)) {
                continue;
            }
            int points = layout.pointCount(e);
            for (int k = layout.ownPartStart(e) / 2; k < points / 2; k++) {
                count += segment(next, layout.rank(layout.from(e)) + k, left, right, layout.pointY(e, 2 * k),
                        layout.pointY(e, 2 * k + 1));
            }
        }
        return count;
    }

    private static int segment(int[] next, int gap, double[] left, double[] right, double y0, double y1) {
        if (left == null) {
            next[gap + 1]++;
        } else {
            int s = next[gap]++;
            left[s] = y0;
            right[s] = y1;
        }
        return 1;
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
