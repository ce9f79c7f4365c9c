package org.backproplab.layout;

/**
 * Step 3 of {@link LayeredLayout}: the order of the nodes within each rank, chosen to cut edge crossings.
 * Barycentre sweeps, alternately down (each node by its predecessors) and up (by its successors), reorder the ranks
 * of a {@link LayerGraph} in place. The best ordering seen wins, and the input order is the first one seen, so the
 * result is never worse than it.
 */
final class Ordering {
    /** The sweeps stop early after this many sweeps in a row without fewer crossings. */
    private static final int SWEEPS_WITHOUT_GAIN = 4;

    // The graph's arrays, held here too so the sweeps' inner loops reach them in one step, not through the graph.
    private final int total;
    private final int rankCount;
    private final int[] layerStart;
    private final int[] layer;
    private final int[] position;
    private final int[] predStart;
    private final int[] preds;
    private final int[] succStart;
    private final int[] succs;
    private final int[] segmentFrom;
    private final int[] segmentTo;
    private final int[] gapStart;

    // Reused by every sweep, so the sweeps allocate nothing.
    private final int[] items;            // the sorts
    private final int[] scratch;
    private final double[] key;           // barycentre of each node
    private final double[] left;          // crossing count: the ends of each segment
    private final double[] right;

    /** Crossings of the ordering that {@link #reduceCrossings} settled on, and of the input order. */
    int crossings;
    int inputOrderCrossings;

    Ordering(LayerGraph graph) {
        total = graph.total;
        rankCount = graph.rankCount;
        layerStart = graph.layerStart;
        layer = graph.layer;
        position = graph.position;
        predStart = graph.predStart;
        preds = graph.preds;
        succStart = graph.succStart;
        succs = graph.succs;
        segmentFrom = graph.segmentFrom;
        segmentTo = graph.segmentTo;
        gapStart = graph.gapStart;
        int segments = segmentFrom.length;
        int room = Math.max(total, segments);
        items = new int[room];
        scratch = new int[room];
        key = new double[room];
        left = new double[segments];
        right = new double[segments];
    }

    /** Runs up to {@code sweeps} sweeps, down then up, and leaves the graph in the ordering with fewest crossings. */
    void reduceCrossings(int sweeps) {
        int best = countCrossings();
        inputOrderCrossings = best;
        int[] bestLayer = layer.clone();
        int withoutGain = 0;
        for (int sweep = 0; sweep < sweeps && best > 0 && withoutGain < SWEEPS_WITHOUT_GAIN; sweep++) {
            if (sweep % 2 == 0) {
                for (int r = 1; r < rankCount; r++) {
                    orderByBarycentre(r, predStart, preds);
                }
            } else {
                for (int r = rankCount - 2; r >= 0; r--) {
                    orderByBarycentre(r, succStart, succs);
                }
            }
            int c = countCrossings();
            if (c < best) {
                best = c;
                System.arraycopy(layer, 0, bestLayer, 0, total);
                withoutGain = 0;
            } else {
                withoutGain++;
            }
        }
        System.arraycopy(bestLayer, 0, layer, 0, total);
        for (int r = 0; r < rankCount; r++) {
            for (int i = layerStart[r]; i < layerStart[r + 1]; i++) {
                position[layer[i]] = i - layerStart[r];
            }
        }
        crossings = best;
    }

    /**
     * Sorts rank r by the mean position of each node's neighbours in the rank next to it. A node with no such
     * neighbour keeps its slot; equal means keep their current order (the sort is stable).
     */
    private void orderByBarycentre(int r, int[] start, int[] neighbours) {
        int lo = layerStart[r];
        int hi = layerStart[r + 1];
        int movable = 0;
        for (int i = lo; i < hi; i++) {
            int v = layer[i];
            int degree = start[v + 1] - start[v];
            if (degree > 0) {
                double sum = 0;
                for (int j = start[v]; j < start[v + 1]; j++) {
                    sum += position[neighbours[j]];
                }
                key[v] = sum / degree;
                items[movable++] = v;
            }
        }
        StableSort.sortByKey(items, movable, key, scratch);
        int k = 0;
        for (int i = lo; i < hi; i++) {
            int v = layer[i];
            if (start[v + 1] > start[v]) {
                layer[i] = items[k++];
            }
            position[layer[i]] = i - lo;
        }
    }

    /** Crossings of the current ordering, gap by gap. */
    private int countCrossings() {
        for (int s = 0; s < segmentFrom.length; s++) {
            left[s] = position[segmentFrom[s]];
            right[s] = position[segmentTo[s]];
        }
        int sum = 0;
        for (int g = 0; g + 1 < rankCount; g++) {
            sum += Crossings.between(left, right, gapStart[g], gapStart[g + 1], items, scratch);
        }
        return sum;
    }
}
