package org.backproplab.layout;

import java.util.Arrays;

/**
 * Step 2 of {@link LayeredLayout}: the ranked graph made "proper", so that every segment joins two neighbouring
 * ranks. An edge that skips ranks gets a dummy node (a point, 0 x 0) in each rank it skips. This class holds that
 * graph as flat int arrays, which TeaVM-JS handles far faster than collections of boxed ints, and the order of the
 * nodes within each rank, which {@link Ordering} then rearranges.
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
    final int[] firstDummy;       // edge e's dummies are firstDummy[e], +1, ... one per skipped rank

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
        firstDummy = new int[edges];
        int dummies = 0;
        for (int e = 0; e < edges; e++) {
            firstDummy[e] = n + dummies;
            dummies += realRank[dag.to(e)] - realRank[dag.from(e)] - 1;
        }
        total = n + dummies;
        rank = Arrays.copyOf(realRank, total);
        width = new double[total];
        height = new double[total];
        addDummyPoints();

        int segments = edges + dummies;
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

    /** Sizes of the real nodes, and the rank of each dummy: one per rank its edge skips. */
    private void addDummyPoints() {
        for (int v = 0; v < n; v++) {
            width[v] = dag.width(v);
            height[v] = dag.height(v);
        }
        for (int e = 0; e < dag.edgeCount(); e++) {
            for (int k = 1; k < span(e); k++) {
                rank[firstDummy[e] + k - 1] = rank[dag.from(e)] + k;
            }
        }
    }

    /** Each edge becomes a run of segments through its dummies, numbered gap by gap. */
    private void numberSegments() {
        int edges = dag.edgeCount();
        for (int e = 0; e < edges; e++) {
            for (int k = 0; k < span(e); k++) {
                gapStart[rank[dag.from(e)] + k + 1]++;
            }
        }
        countsToStarts(gapStart);
        int[] next = Arrays.copyOf(gapStart, rankCount);
        for (int e = 0; e < edges; e++) {
            int from = dag.from(e);
            for (int k = 0; k < span(e); k++) {
                int to = k == span(e) - 1 ? dag.to(e) : firstDummy[e] + k;
                int s = next[rank[from]]++;
                segmentFrom[s] = from;
                segmentTo[s] = to;
                from = to;
            }
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

    /** The input order: real nodes by index, then dummies in edge order (both are the node numbering). */
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
