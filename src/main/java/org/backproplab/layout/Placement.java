package org.backproplab.layout;

import java.util.Arrays;

/**
 * Step 4 of {@link LayeredLayout}: the coordinates (centres) of every node of a {@link LayerGraph}, real and dummy,
 * once {@link Ordering} has fixed the order within each rank. Each rank is a column as wide as its widest node, and
 * within a column the nodes keep their order, pulled toward the median of their neighbours without coming closer
 * than the gaps allow, so long edges run straight and each op sits between its operands.
 */
final class Placement {
    /**
     * Passes that pull nodes toward their neighbours' median y, alternately down and up. An odd number ends on a
     * down pass, so, as in micrograd's drawings, each op circle sits between its operands and each result box
     * beside its op.
     */
    private static final int STRAIGHTEN_PASSES = 9;

    final double[] x;
    final double[] y;
    final double[] columnLeft;
    final double[] columnWidth;

    private final Spacing spacing;
    // The graph's arrays, held here too so the passes' inner loops reach them in one step, not through the graph.
    private final int n;
    private final int total;
    private final int rankCount;
    private final int[] rank;
    private final double[] width;
    private final double[] height;
    private final int[] layerStart;
    private final int[] layer;
    private final int[] predStart;
    private final int[] preds;
    private final int[] succStart;
    private final int[] succs;

    // Reused by every pass, so the passes allocate nothing: see placeRank and medianY.
    private final int[] blockStart;
    private final double[] offset;
    private final double[] blockWeight;
    private final double[] blockMean;
    private final double[] neighbourY;

    /** Places the graph's nodes: x from the columns, y from the order within each column. */
    Placement(LayerGraph graph, Spacing spacing) {
        this.spacing = spacing;
        n = graph.n;
        total = graph.total;
        rankCount = graph.rankCount;
        rank = graph.rank;
        width = graph.width;
        height = graph.height;
        layerStart = graph.layerStart;
        layer = graph.layer;
        predStart = graph.predStart;
        preds = graph.preds;
        succStart = graph.succStart;
        succs = graph.succs;
        columnLeft = new double[rankCount];
        columnWidth = new double[rankCount];
        x = new double[total];
        y = new double[total];
        int widest = widestRank();
        blockStart = new int[widest];
        offset = new double[widest];
        blockWeight = new double[widest];
        blockMean = new double[widest];
        neighbourY = new double[mostNeighbours()];
        assignX();
        assignY();
    }

    /** Each rank is a column as wide as its widest node; nodes (and dummies) sit on the column's centre line. */
    private void assignX() {
        for (int v = 0; v < n; v++) {
            columnWidth[rank[v]] = Math.max(columnWidth[rank[v]], width[v]);
        }
        double at = spacing.margin();
        for (int r = 0; r < rankCount; r++) {
            columnLeft[r] = at;
            at += columnWidth[r] + spacing.rankGap();
        }
        for (int v = 0; v < total; v++) {
            x[v] = columnLeft[rank[v]] + columnWidth[rank[v]] / 2;
        }
    }

    /**
     * Stacks each column top to bottom, then pulls nodes toward their neighbours: alternately toward the median y of
     * their predecessors (sweeping right) and of their successors (sweeping left). See {@link #placeRank}.
     */
    private void assignY() {
        for (int r = 0; r < rankCount; r++) {
            int lo = layerStart[r];
            for (int i = lo; i < layerStart[r + 1]; i++) {
                y[layer[i]] = i == lo ? height[layer[i]] / 2 : y[layer[i - 1]] + separation(layer[i - 1], layer[i]);
            }
        }
        for (int pass = 0; pass < STRAIGHTEN_PASSES; pass++) {
            if (pass % 2 == 0) {
                for (int r = 1; r < rankCount; r++) {
                    placeRank(r, predStart, preds);
                }
            } else {
                for (int r = rankCount - 2; r >= 0; r--) {
                    placeRank(r, succStart, succs);
                }
            }
        }
        double top = Double.POSITIVE_INFINITY;
        for (int v = 0; v < total; v++) {
            top = Math.min(top, y[v] - height[v] / 2);
        }
        for (int v = 0; v < total; v++) {
            y[v] += spacing.margin() - top;
        }
    }

    /** How many nodes, real and dummy, the fullest rank holds. */
    private int widestRank() {
        int widest = 0;
        for (int r = 0; r < rankCount; r++) {
            widest = Math.max(widest, layerStart[r + 1] - layerStart[r]);
        }
        return widest;
    }

    /** The most predecessors, or successors, of any one node. */
    private int mostNeighbours() {
        int most = 0;
        for (int v = 0; v < total; v++) {
            most = Math.max(most, Math.max(predStart[v + 1] - predStart[v], succStart[v + 1] - succStart[v]));
        }
        return most;
    }

    /**
     * Moves the nodes of rank r as close as it can to where their neighbours want them (the median y of the
     * neighbours), in the least-squares sense, while keeping their order and the least separations. With
     * {@code offset[i]} the least distance from the rank's first node down to its i-th, this is the isotonic
     * regression of {@code wanted[i] - offset[i]}: one pass down the rank that merges a block into the one above
     * whenever the two are out of order, and puts each block at its weighted mean ("pool adjacent violators").
     * A node without neighbours on this side has no say: it stays packed right below the node above it (or right
     * above the first node, if it comes first). A rank where no node has such neighbours stays where it is.
     */
    private void placeRank(int r, int[] start, int[] neighbours) {
        int lo = layerStart[r];
        int count = layerStart[r + 1] - lo;
        int blocks = 0; // block b starts at the rank's node blockStart[b]
        for (int i = 0; i < count; i++) {
            int v = layer[lo + i];
            offset[i] = i == 0 ? 0 : offset[i - 1] + separation(layer[lo + i - 1], v);
            if (start[v + 1] == start[v]) {
                continue;
            }
            blockStart[blocks] = i;
            blockWeight[blocks] = v >= n ? 2 : 1; // dummies pull harder, to keep long edges straight
            blockMean[blocks] = medianY(neighbours, start[v], start[v + 1]) - offset[i];
            blocks++;
            while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1]) {
                double w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockMean[blocks - 2] = (blockWeight[blocks - 2] * blockMean[blocks - 2]
                        + blockWeight[blocks - 1] * blockMean[blocks - 1]) / w;
                blockWeight[blocks - 2] = w;
                blocks--;
            }
        }
        for (int b = 0; b < blocks; b++) {
            int begin = b == 0 ? 0 : blockStart[b];
            int end = b + 1 < blocks ? blockStart[b + 1] : count;
            for (int i = begin; i < end; i++) {
                y[layer[lo + i]] = blockMean[b] + offset[i];
            }
        }
    }

    /** The median y of neighbours[from..to-1]; the mean of the middle two for an even count. */
    private double medianY(int[] neighbours, int from, int to) {
        int count = to - from;
        if (count == 1) { // most nodes: a result box after its op, a dummy, a unary op
            return y[neighbours[from]];
        }
        if (count == 2) { // a binary op
            return (y[neighbours[from]] + y[neighbours[from + 1]]) / 2;
        }
        for (int j = 0; j < count; j++) {
            neighbourY[j] = y[neighbours[from + j]];
        }
        Arrays.sort(neighbourY, 0, count);
        return count % 2 == 1 ? neighbourY[count / 2] : (neighbourY[count / 2 - 1] + neighbourY[count / 2]) / 2;
    }

    /** The least distance between the centres of a and b, one right above the other in a rank. */
    private double separation(int a, int b) {
        double gap = a < n && b < n ? spacing.nodeGap() : spacing.edgeGap();
        return (height[a] + height[b]) / 2 + gap;
    }
}
