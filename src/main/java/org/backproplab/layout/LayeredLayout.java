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
 *   <li>{@link LayerGraph}: an edge that skips ranks gets a dummy node in each rank it skips, so that every
 *       segment joins two neighbouring ranks;</li>
 *   <li>{@link Ordering}: barycentre sweeps reorder the ranks, keeping the best ordering seen, starting from the
 *       input order so the result is never worse than it;</li>
 *   <li>{@link Placement}: one column per rank, as wide as its widest node; within a column, nodes in their order,
 *       pulled toward the median of their neighbours without coming closer than the gaps allow;</li>
 *   <li>{@link #routeEdges}, here: each edge, through its dummies, becomes a polyline.</li>
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
     * dummies of long edges in edge order.
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
     * Step 5: each edge as a polyline from the middle of its source's right side, straight across every column it
     * skips (at its dummy's y), to the middle of its target's left side.
     */
    private static Layout routeEdges(LayerGraph graph, Placement placement, Spacing spacing, Ordering ordering) {
        Dag dag = graph.dag;
        int[] rank = graph.rank;
        double[] width = graph.width;
        double[] x = placement.x;
        double[] y = placement.y;
        double[] columnLeft = placement.columnLeft;
        double[] columnWidth = placement.columnWidth;
        int edges = dag.edgeCount();
        int[] pointStart = new int[edges + 1];
        for (int e = 0; e < edges; e++) {
            pointStart[e + 1] = pointStart[e] + 2 * graph.span(e);
        }
        double[] px = new double[pointStart[edges]];
        double[] py = new double[pointStart[edges]];
        int[] from = new int[edges];
        int[] to = new int[edges];
        for (int e = 0; e < edges; e++) {
            from[e] = dag.from(e);
            to[e] = dag.to(e);
            int p = pointStart[e];
            px[p] = x[from[e]] + width[from[e]] / 2;
            py[p] = y[from[e]];
            p++;
            for (int d = graph.firstDummy[e]; d < graph.firstDummy[e] + graph.span(e) - 1; d++) {
                px[p] = columnLeft[rank[d]];
                py[p] = y[d];
                p++;
                px[p] = columnLeft[rank[d]] + columnWidth[rank[d]];
                py[p] = y[d];
                p++;
            }
            px[p] = x[to[e]] - width[to[e]] / 2;
            py[p] = y[to[e]];
        }

        int n = graph.n;
        int rankCount = graph.rankCount;
        double right = rankCount == 0 ? spacing.margin()
                : columnLeft[rankCount - 1] + columnWidth[rankCount - 1];
        double bottom = spacing.margin();
        for (int v = 0; v < graph.total; v++) {
            bottom = Math.max(bottom, y[v] + graph.height[v] / 2);
        }
        return new Layout(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(rank, n), rankCount, from, to,
                pointStart, px, py, right + spacing.margin(), bottom + spacing.margin(), ordering.crossings,
                ordering.inputOrderCrossings);
    }
}
