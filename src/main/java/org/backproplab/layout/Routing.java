package org.backproplab.layout;

import java.util.Arrays;

/**
 * Step 5 of {@link LayeredLayout}: the edges as polylines, and the finished {@link Layout}. Each node's trunk runs
 * from the middle of its right side straight across every column its long edges skip, at its dummies' y; each edge
 * follows its source's trunk up to the column before its target, then goes to the middle of the target's left side.
 *
 * <p>A trunk on a lane ({@link Lanes}) instead turns up in the gap after its node's column to its lane, above the
 * drawing, and runs along it; each of its edges turns down in the gap before its target's column and goes in
 * horizontally. Gaps between columns hold no boxes, so these runs cross edges but never a box. The drawing moves
 * down to make room for the lanes.
 */
final class Routing {
    private Routing() {
    }

    static Layout route(LayerGraph graph, Placement placement, Spacing spacing, Ordering ordering) {
        int n = graph.n;
        int rankCount = graph.rankCount;
        double laneGap = spacing.edgeGap();
        double band = graph.lanes.count == 0 ? 0 : graph.lanes.count * laneGap + spacing.nodeGap();
        double[] y = placement.y;
        for (int v = 0; v < graph.total; v++) {
            y[v] += band;
        }
        double[] laneY = new double[n];
        for (int v = 0; v < n; v++) {
            int lane = graph.lanes.lane[v];
            // Lane 0 runs nearest the drawing, the last one nearest the margin.
            laneY[v] = lane < 0 ? Double.NaN : spacing.margin() + band - spacing.nodeGap() - lane * laneGap;
        }
        double[] gapX = new double[rankCount + 1]; // gapX[r]: the middle of the gap before column r
        for (int r = 1; r < rankCount; r++) {
            gapX[r] = placement.columnLeft[r] - spacing.rankGap() / 2;
        }
        int[] trunkStart = new int[n + 1];
        for (int v = 0; v < n; v++) {
            int dummies = graph.trunkStart[v + 1] - graph.trunkStart[v];
            trunkStart[v + 1] = trunkStart[v] + (Double.isNaN(laneY[v]) ? 1 + 2 * dummies : 4);
        }
        double[] px = new double[trunkStart[n]];
        double[] py = new double[trunkStart[n]];
        boolean[] shared = new boolean[n];
        for (int v = 0; v < n; v++) {
            trunk(graph, placement, v, laneY[v], gapX, px, py, trunkStart[v]);
            shared[v] = graph.longEdges[v] >= 2;
        }
        Dag dag = graph.dag;
        int edges = dag.edgeCount();
        int[] from = new int[edges];
        int[] to = new int[edges];
        double[] endX = new double[edges];
        for (int e = 0; e < edges; e++) {
            from[e] = dag.from(e);
            to[e] = dag.to(e);
            endX[e] = placement.x[to[e]] - graph.width[to[e]] / 2;
        }
        double right = rankCount == 0 ? spacing.margin()
                : placement.columnLeft[rankCount - 1] + placement.columnWidth[rankCount - 1];
        double bottom = spacing.margin();
        for (int v = 0; v < graph.total; v++) {
            bottom = Math.max(bottom, y[v] + graph.height[v] / 2);
        }
        return new Layout(Arrays.copyOf(placement.x, n), Arrays.copyOf(y, n), Arrays.copyOf(graph.rank, n),
                rankCount, from, to, new Layout.Trunks(trunkStart, px, py, shared, laneY, gapX), endX,
                right + spacing.margin(), bottom + spacing.margin(), ordering.crossings, ordering.inputOrderCrossings);
    }

    /**
     * Node v's trunk into px/py from index p: its right side, then either two points per dummy (entering and
     * leaving its column), or, on a lane, the turn up in the next gap and the lane up to the gap before its
     * farthest target's column.
     */
    private static void trunk(LayerGraph graph, Placement placement, int v, double laneY, double[] gapX, double[] px,
                              double[] py, int p) {
        double[] y = placement.y;
        px[p] = placement.x[v] + graph.width[v] / 2;
        py[p] = y[v];
        p++;
        if (!Double.isNaN(laneY)) {
            double turn = gapX[graph.rank[v] + 1];
            px[p] = turn;
            py[p] = y[v];
            px[p + 1] = turn;
            py[p + 1] = laneY;
            px[p + 2] = gapX[graph.farthest[v]];
            py[p + 2] = laneY;
            return;
        }
        for (int d = graph.trunkStart[v]; d < graph.trunkStart[v + 1]; d++) {
            int r = graph.rank[d];
            px[p] = placement.columnLeft[r];
            py[p] = y[d];
            p++;
            px[p] = placement.columnLeft[r] + placement.columnWidth[r];
            py[p] = y[d];
            p++;
        }
    }
}
