package org.backproplab.layout;

import java.util.Arrays;

/**
 * A layered left-to-right drawing of a DAG, in the style of graphviz with {@code rankdir=LR} as micrograd's
 * {@code draw_dot} uses it: operands on the left, results on the right, each rank a column.
 *
 * <p>{@link #layout(Dag, Spacing, int)} runs these steps, one class each:
 * <ol>
 *   <li>{@link Ranking}: by longest path, then each node pulled right to just before its first use, so a leaf sits
 *       beside the op that uses it and every edge goes to a higher rank;</li>
 *   <li>{@link LayerGraph}: an edge that skips ranks runs through a dummy node in each rank it skips, so that
 *       every segment joins two neighbouring ranks; the long edges of one node share their dummies (its trunk), so
 *       a node used thousands of times costs as many dummies as its farthest use, not their sum;</li>
 *   <li>{@link Ordering}: barycentre sweeps reorder the ranks, keeping the best ordering seen, starting from the
 *       input order so the result is never worse than it;</li>
 *   <li>{@link Placement}: one column per rank, as wide as its widest node; within a column, nodes in their order,
 *       pulled toward the median of their neighbours without coming closer than the gaps allow;</li>
 *   <li>{@link #routeEdges}, here: each trunk, through its dummies, becomes a polyline, and each edge follows
 *       its source's trunk to the column before its target.</li>
 * </ol>
 *
 * <p>Everything is iterative (a chain 10,000 long is fine), uses int and double arrays rather than collections
 * (TeaVM-JS is slow with boxing), and never depends on hash order or randomness: the same Dag gives the same Layout.
 */
public final class LayeredLayout {
    /** Barycentre sweeps at most, alternately down (by predecessors) and up (by successors). */
    public static final int DEFAULT_SWEEPS = 24;

    private LayeredLayout() {
    }

    public static Layout layout(Dag dag) {
        return layout(dag, Spacing.DEFAULT, DEFAULT_SWEEPS);
    }

    public static Layout layout(Dag dag, Spacing spacing) {
        return layout(dag, spacing, DEFAULT_SWEEPS);
    }

    /**
     * Lays out the dag. {@code sweeps} = 0 keeps the input order: in each rank, real nodes in index order, then the
     * dummies of long edges in the order of their source nodes.
     *
     * @throws IllegalArgumentException if the graph has a cycle
     */
    public static Layout layout(Dag dag, Spacing spacing, int sweeps) {
        if (sweeps < 0) {
            throw new IllegalArgumentException("Expect sweeps >= 0, got " + sweeps);
        }
        LayerGraph graph = new LayerGraph(dag);
        Ordering ordering = new Ordering(graph);
        ordering.reduceCrossings(sweeps);
        Placement placement = new Placement(graph, spacing);
        return routeEdges(graph, placement, spacing, ordering);
    }

    /**
     * Step 5: each node's trunk as a polyline from the middle of its right side, straight across every column its
     * long edges skip (at its dummy's y); each edge follows its source's trunk up to the column before its target,
     * then goes to the middle of the target's left side.
     */
    private static Layout routeEdges(LayerGraph graph, Placement placement, Spacing spacing, Ordering ordering) {
        Dag dag = graph.dag;
        int n = graph.n;
        int[] rank = graph.rank;
        double[] width = graph.width;
        double[] x = placement.x;
        double[] y = placement.y;
        double[] columnLeft = placement.columnLeft;
        double[] columnWidth = placement.columnWidth;
        int[] trunkStart = new int[n + 1];
        for (int v = 0; v < n; v++) {
            trunkStart[v + 1] = trunkStart[v] + 1 + 2 * (graph.trunkStart[v + 1] - graph.trunkStart[v]);
        }
        double[] px = new double[trunkStart[n]];
        double[] py = new double[trunkStart[n]];
        boolean[] shared = new boolean[n];
        for (int v = 0; v < n; v++) {
            int p = trunkStart[v];
            px[p] = x[v] + width[v] / 2;
            py[p] = y[v];
            p++;
            for (int d = graph.trunkStart[v]; d < graph.trunkStart[v + 1]; d++) {
                px[p] = columnLeft[rank[d]];
                py[p] = y[d];
                p++;
                px[p] = columnLeft[rank[d]] + columnWidth[rank[d]];
                py[p] = y[d];
                p++;
            }
            shared[v] = graph.longEdges[v] >= 2;
        }
        int edges = dag.edgeCount();
        int[] from = new int[edges];
        int[] to = new int[edges];
        double[] endX = new double[edges];
        for (int e = 0; e < edges; e++) {
            from[e] = dag.from(e);
            to[e] = dag.to(e);
            endX[e] = x[to[e]] - width[to[e]] / 2;
        }

        int rankCount = graph.rankCount;
        double right = rankCount == 0 ? spacing.margin()
                : columnLeft[rankCount - 1] + columnWidth[rankCount - 1];
        double bottom = spacing.margin();
        for (int v = 0; v < graph.total; v++) {
            bottom = Math.max(bottom, y[v] + graph.height[v] / 2);
        }
        return new Layout(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(rank, n), rankCount, from, to,
                trunkStart, px, py, shared, endX, right + spacing.margin(), bottom + spacing.margin(),
                ordering.crossings, ordering.inputOrderCrossings);
    }
}
