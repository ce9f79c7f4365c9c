package org.backproplab.layout;

import java.util.Arrays;

/**
 * Step 2 of {@link LayeredLayout}: the ranked graph made "proper", so that every segment joins two neighbouring
 * ranks. An edge that skips ranks runs through a dummy node (a point, 0 x 0) in each rank it skips. This class holds
 * that graph as flat int arrays, which TeaVM-JS handles far faster than collections of boxed ints, and the order of
 * the nodes within each rank, which {@link Ordering} then rearranges.
 *
 * <p>The long edges of one node share their dummies: the node gets one chain of them, its <em>trunk</em>, from the
 * rank after its own to the rank before its farthest use, and each long edge leaves the trunk in the rank just
 * before its target. With a dummy per edge per skipped rank, {@code b = a+a+…+a} with N terms needed about N²
 * dummies (25 million for N = 5,000, minutes of work); with a trunk, 2N. A node with one long edge gets exactly
 * that edge's dummies, as before.
 *
 * <p>Past a budget of dummies, the longest trunks run along lanes above the drawing instead ({@link Lanes}).
 *
 * <p>Lists are flat arrays with starts: v's predecessors are {@code preds[predStart[v]..predStart[v+1]-1]}, and the
 * same for successors, for the segments of each gap and for the nodes of each rank.
 */
final class LayerGraph {
    final Dag dag;
    final int n;                  // real nodes; dummies are numbered n, n+1, ... after them
    final int total;              // real + dummy nodes
    final int rankCount;
    final int[] rank;             // of every node, real and dummy
    final double[] width;         // of every node; a dummy is a point, 0 x 0
    final double[] height;
    final int[] trunkStart;       // real node u's trunk is dummies trunkStart[u]..trunkStart[u+1]-1, rank by rank
    final int[] longEdges;        // how many of u's out-edges skip a rank (2 or more: they share a drawn trunk)
    final int[] farthest;         // the highest rank among u's targets (u's own rank if it has none)
    final Lanes lanes;            // the trunks that run along lanes above the drawing, without dummies

    // Segments are numbered by the gap they span: gap g (between ranks g and g+1) holds segments
    // gapStart[g]..gapStart[g+1]-1, so the crossing count can take each gap as one slice of the arrays.
    final int[] segmentFrom;
    final int[] segmentTo;
    final int[] gapStart;
    final int[] predStart;
    final int[] preds;
    final int[] succStart;
    final int[] succs;

    // The order within each rank: rank r holds layer[layerStart[r]..layerStart[r+1]-1], top to bottom, and
    // position[v] is v's index within its rank. Ordering rewrites layer and position.
    final int[] layerStart;
    final int[] layer;
    final int[] position;

    /** @throws IllegalArgumentException if the graph has a cycle */
    LayerGraph(Dag dag) {
        this.dag = dag;
        n = dag.nodeCount();
        int[] realRank = Ranking.assign(dag);
        rankCount = Ranking.count(realRank);
        int edges = dag.edgeCount();
        // Each node's trunk reaches the rank before its farthest use, unless it runs along a lane.
        longEdges = new int[n];
        farthest = Arrays.copyOf(realRank, n);
        for (int e = 0; e < edges; e++) {
            int u = dag.from(e);
            farthest[u] = Math.max(farthest[u], realRank[dag.to(e)]);
            if (realRank[dag.to(e)] - realRank[u] > 1) {
                longEdges[u]++;
            }
        }
        int[] length = new int[n];
        for (int u = 0; u < n; u++) {
            length[u] = Math.max(0, farthest[u] - realRank[u] - 1);
        }
        lanes = new Lanes(length, realRank, Lanes.DUMMIES_PER_ITEM * (n + edges) + Lanes.FREE_DUMMIES);
        trunkStart = new int[n + 1];
        int laneEdges = 0;
        for (int u = 0; u < n; u++) {
            trunkStart[u + 1] = trunkStart[u] + (lanes.lane[u] < 0 ? length[u] : 0);
            laneEdges += lanes.lane[u] < 0 ? 0 : longEdges[u];
        }
        int dummies = trunkStart[n];
        for (int u = 0; u <= n; u++) {
            trunkStart[u] += n;
        }
        total = n + dummies;
        rank = Arrays.copyOf(realRank, total);
        width = new double[total];
        height = new double[total];
        addDummyPoints();

        int segments = edges - laneEdges + dummies;
        segmentFrom = new int[segments];
        segmentTo = new int[segments];
        gapStart = new int[rankCount + 1];
        numberSegments();
        predStart = new int[total + 1];
        preds = new int[segments];
        succStart = new int[total + 1];
        succs = new int[segments];
        groupByNode(segmentTo, segmentFrom, predStart, preds);
        groupByNode(segmentFrom, segmentTo, succStart, succs);

        layerStart = new int[rankCount + 1];
        layer = new int[total];
        position = new int[total];
        inputOrder();
    }

    /** How many ranks edge e goes forward: 1 for an edge to the next rank. */
    int span(int e) {
        return rank[dag.to(e)] - rank[dag.from(e)];
    }

    /** Edge e skips a rank and its source's trunk runs along a lane: it is no part of the layered graph. */
    boolean onLane(int e) {
        return lanes.lane[dag.from(e)] >= 0 && span(e) > 1;
    }

    /** Sizes of the real nodes, and the rank of each dummy: the trunk's k-th dummy sits k + 1 ranks after its node. */
    private void addDummyPoints() {
        for (int v = 0; v < n; v++) {
            width[v] = dag.width(v);
            height[v] = dag.height(v);
            for (int d = trunkStart[v]; d < trunkStart[v + 1]; d++) {
                rank[d] = rank[v] + 1 + d - trunkStart[v];
            }
        }
    }

    /**
     * The segments: each trunk, node to first dummy and dummy to dummy, then each edge's own last step (from its
     * source, or from the trunk's dummy in the rank before its target), numbered gap by gap. Edges on lanes have
     * none.
     */
    private void numberSegments() {
        int edges = dag.edgeCount();
        int count = segmentFrom.length;
        int[] from = new int[count];
        int[] to = new int[count];
        int s = 0;
        for (int u = 0; u < n; u++) {
            for (int d = trunkStart[u]; d < trunkStart[u + 1]; d++) {
                from[s] = d == trunkStart[u] ? u : d - 1;
                to[s++] = d;
            }
        }
        for (int e = 0; e < edges; e++) {
            if (!onLane(e)) {
                int u = dag.from(e);
                from[s] = span(e) == 1 ? u : trunkStart[u] + span(e) - 2;
                to[s++] = dag.to(e);
            }
        }
        for (int k = 0; k < count; k++) {
            gapStart[rank[from[k]] + 1]++;
        }
        countsToStarts(gapStart);
        int[] next = Arrays.copyOf(gapStart, rankCount);
        for (int k = 0; k < count; k++) {
            int at = next[rank[from[k]]]++;
            segmentFrom[at] = from[k];
            segmentTo[at] = to[k];
        }
    }

    /** Lists, for each node, the other ends of the segments it is the {@code by} end of, in segment order. */
    private void groupByNode(int[] by, int[] other, int[] start, int[] list) {
        for (int s = 0; s < by.length; s++) {
            start[by[s] + 1]++;
        }
        countsToStarts(start);
        int[] next = Arrays.copyOf(start, total);
        for (int s = 0; s < by.length; s++) {
            list[next[by[s]]++] = other[s];
        }
    }

    /** The input order: real nodes by index, then dummies in the order of their nodes (both are the numbering). */
    private void inputOrder() {
        for (int v = 0; v < total; v++) {
            layerStart[rank[v] + 1]++;
        }
        countsToStarts(layerStart);
        int[] fill = Arrays.copyOf(layerStart, rankCount);
        for (int v = 0; v < total; v++) {
            int i = fill[rank[v]]++;
            layer[i] = v;
            position[v] = i - layerStart[rank[v]];
        }
    }

    /**
     * Turns bucket sizes into bucket starts, in place: {@code start[b + 1]} holds how many items go in bucket b, and
     * afterwards bucket b holds items {@code start[b]..start[b+1]-1} of a flat array (a counting sort's offsets).
     */
    static void countsToStarts(int[] start) {
        for (int b = 1; b < start.length; b++) {
            start[b] += start[b - 1];
        }
    }
}
