package org.backproplab.layout;

/**
 * Part of step 2 of {@link LayeredLayout}: which trunks run along <em>lanes</em> above the drawing instead of
 * through a dummy node in every rank, and which lane each takes.
 *
 * <p>Trunks share dummies among the edges of one node, but a program whose lines keep using values from far back
 * still has many long trunks: a 300-line program of 1,496 Values needed 54,000 dummies, 18 per node, and the
 * ordering and placement work grows with them. So the dummies have a budget, a few per node and edge. Where the
 * trunks need more, the longest ones leave the layered graph: such a trunk rises from its node to a lane above the
 * drawing, runs along it, and each of its edges drops to its target in the gap before the target's column, where
 * no box is. Small graphs stay well inside the budget and are drawn exactly as before; big ones stay linear.
 *
 * <p>Lanes are reused: two trunks share a lane when one ends before the other starts (interval partitioning, a
 * min-heap of lane ends), so the band of lanes is as deep as the most trunks that run side by side.
 */
final class Lanes {
    /** Dummies allowed: this many per node and edge of the dag, plus {@link #FREE_DUMMIES}. */
    static final int DUMMIES_PER_ITEM = 2;
    static final int FREE_DUMMIES = 2000;

    /** Each real node's lane, or -1 when its trunk (if it has one) runs through dummies. */
    final int[] lane;
    /** How many lanes there are. */
    final int count;

    /**
     * @param length  each node's trunk length, the ranks its farthest edge skips (0: no trunk)
     * @param rank    each node's rank
     * @param budget  how many dummies the trunks that stay in the layered graph may have in all
     */
    Lanes(int[] length, int[] rank, int budget) {
        int n = length.length;
        lane = new int[n];
        java.util.Arrays.fill(lane, -1);
        double dummies = 0; // a double: the sum can pass 2^31, and a long is slow in TeaVM's JavaScript
        for (int len : length) {
            dummies += len;
        }
        if (dummies <= budget) {
            count = 0;
            return;
        }
        // The longest trunks go first: they cost the most dummies, and read best as a lane anyway.
        int[] byLength = new int[n];
        double[] key = new double[n];
        for (int v = 0; v < n; v++) {
            byLength[v] = v;
            key[v] = -length[v];
        }
        StableSort.sortByKey(byLength, n, key, new int[n]);
        boolean[] onLane = new boolean[n];
        for (int i = 0; i < n && dummies > budget; i++) {
            onLane[byLength[i]] = true;
            dummies -= length[byLength[i]];
        }
        count = assign(onLane, length, rank);
    }

    /**
     * Gives each trunk on a lane a lane, in order of where it starts: the lane that frees up first, if it is free
     * by then, else a new one. A trunk occupies the gaps from the one after its node's column to the one before
     * its farthest target's column: gaps rank + 1 to rank + length + 1.
     */
    private int assign(boolean[] onLane, int[] length, int[] rank) {
        int n = length.length;
        int[] byStart = new int[n];
        double[] key = new double[n];
        int m = 0;
        for (int v = 0; v < n; v++) {
            if (onLane[v]) {
                byStart[m] = v;
                key[v] = rank[v];
                m++;
            }
        }
        StableSort.sortByKey(byStart, m, key, new int[m]);
        int[] heapEnd = new int[m]; // lanes by the last gap they occupy, smallest first
        int[] heapLane = new int[m];
        int size = 0;
        int lanes = 0;
        for (int i = 0; i < m; i++) {
            int v = byStart[i];
            int start = rank[v] + 1;
            int end = rank[v] + length[v] + 1;
            if (size > 0 && heapEnd[0] < start) {
                lane[v] = heapLane[0];
                heapEnd[0] = end;
                siftDown(heapEnd, heapLane, size);
            } else {
                lane[v] = lanes++;
                heapEnd[size] = end;
                heapLane[size] = lane[v];
                siftUp(heapEnd, heapLane, size++);
            }
        }
        return lanes;
    }

    private static void siftUp(int[] end, int[] lane, int i) {
        while (i > 0 && end[(i - 1) / 2] > end[i]) {
            swap(end, lane, i, (i - 1) / 2);
            i = (i - 1) / 2;
        }
    }

    private static void siftDown(int[] end, int[] lane, int size) {
        int i = 0;
        while (2 * i + 1 < size) {
            int child = 2 * i + 2 < size && end[2 * i + 2] < end[2 * i + 1] ? 2 * i + 2 : 2 * i + 1;
            if (end[i] <= end[child]) {
                return;
            }
            swap(end, lane, i, child);
            i = child;
        }
    }

    private static void swap(int[] end, int[] lane, int a, int b) {
        int e = end[a];
        end[a] = end[b];
        end[b] = e;
        int l = lane[a];
        lane[a] = lane[b];
        lane[b] = l;
    }
}
