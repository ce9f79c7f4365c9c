package org.backproplab.layout;

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
 *   <li>{@link Routing}: each trunk, through its dummies (or along its lane), becomes a polyline, and each edge
 *       follows its source's trunk to the column before its target.</li>
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
        return Routing.route(graph, placement, spacing, ordering);
    }
}
