package org.backproplab.layout;

import java.util.Arrays;

/**
 * A layered left-to-right drawing of a DAG, in the style of graphviz with {@code rankdir=LR} as micrograd's
 * {@code draw_dot} uses it: operands on the left, results on the right, each rank a column.
 *
 * <p>{@link #layout(Dag, Spacing, int)} runs these steps, one method each:
 * <ol>
 *   <li>{@link #assignRanks()}: by longest path, then each node pulled right to just before its first use, so a
 *       leaf sits beside the op that uses it and every edge goes to a higher rank;</li>
 *   <li>{@link #addDummyPoints()}: an edge that skips ranks gets a dummy node in each rank it skips, so that every
 *       segment joins two neighbouring ranks;</li>
 *   <li>{@link #reduceCrossings()}: barycentre sweeps reorder the ranks, keeping the best ordering seen, starting
 *       from the input order so the result is never worse than it;</li>
 *   <li>{@link #assignCoordinates()}: one column per rank, as wide as its widest node; within a column, nodes in
 *       their order, pulled toward the median of their neighbours without coming closer than the gaps allow;</li>
 *   <li>{@link #routeEdges()}: each edge, through its dummies, becomes a polyline.</li>
 * </ol>
 *
 * <p>Everything is iterative (a chain 10,000 long is fine), uses int and double arrays rather than collections
 * (TeaVM-JS is slow with boxing), and never depends on hash order or randomness: the same Dag gives the same Layout.
 */
public final class LayeredLayout {
    /** Barycentre sweeps at most, alternately down (by predecessors) and up (by successors). */
    public static final int DEFAULT_SWEEPS = 24;
    /** The sweeps stop early after this many sweeps in a row without fewer crossings. */
    private static final int SWEEPS_WITHOUT_GAIN = 4;
    /**
     * Passes that pull nodes toward their neighbours' median y, alternately down and up. An odd number ends on a
     * down pass, so, as in micrograd's drawings, each op circle sits between its operands and each result box
     * beside its op.
     */
    private static final int STRAIGHTEN_PASSES = 9;

    private final Dag dag;
    private final Spacing spacing;
    private final int sweeps;
    private final int n; // real nodes; dummies are numbered n, n+1, ... after them

    // Step 1 and 2: ranks of all nodes, real and dummy.
    private int[] rank;
    private int rankCount;

    // Step 2: the "proper" graph, where every segment joins two neighbouring ranks.
    private int total;                    // real + dummy nodes
    private double[] width;               // of every node; a dummy is a point, 0 x 0
    private double[] height;
    private int[] firstDummy;             // edge e's dummies are firstDummy[e], +1, ... one per skipped rank
    private int[] segmentFrom;            // segments are numbered by the gap they span: see gapStart
    private int[] segmentTo;
    private int[] gapStart;               // gap g (between ranks g and g+1) holds segments gapStart[g]..gapStart[g+1]-1
    private int[] predStart;              // v's predecessors are preds[predStart[v]..predStart[v+1]-1]
    private int[] preds;
    private int[] succStart;              // v's successors are succs[succStart[v]..succStart[v+1]-1]
    private int[] succs;

    // Step 3: the order within each rank.
    private int[] layerStart;             // rank r holds layer[layerStart[r]..layerStart[r+1]-1], top to bottom
    private int[] layer;
    private int[] position;               // v's index within its rank
    private int crossings;
    private int inputOrderCrossings;

    // Step 4: coordinates (centres) of all nodes, and the columns.
    private double[] x;
    private double[] y;
    private double[] columnLeft;
    private double[] columnWidth;

    // Reused by the steps so the sweeps and passes allocate nothing.
    private int[] items;                  // sorts, and the blocks of placeRank
    private int[] scratch;
    private double[] key;                 // barycentre of each node
    private double[] left;                // crossing count: the ends of each segment
    private double[] right;
    private double[] offset;              // placeRank, per node of the rank: see there
    private double[] blockWeight;         // placeRank, per block
    private double[] blockMean;
    private double[] neighbourY;          // medianY

    private LayeredLayout(Dag dag, Spacing spacing, int sweeps) {
        this.dag = dag;
        this.spacing = spacing;
        this.sweeps = sweeps;
        this.n = dag.nodeCount();
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
        LayeredLayout l = new LayeredLayout(dag, spacing, sweeps);
        l.assignRanks();
        l.addDummyPoints();
        l.reduceCrossings();
        l.assignCoordinates();
        return l.routeEdges();
    }

    /**
     * Step 1: longest path from the sources, by Kahn's topological order (a queue, no recursion), then each node as
     * late as its successors allow.
     */
    private void assignRanks() {
        int edges = dag.edgeCount();
        int[] outStart = new int[n + 1];
        int[] indegree = new int[n];
        for (int e = 0; e < edges; e++) {
            outStart[dag.from(e) + 1]++;
            indegree[dag.to(e)]++;
        }
        countsToStarts(outStart);
        int[] outEdges = new int[edges];
        int[] next = Arrays.copyOf(outStart, n);
        for (int e = 0; e < edges; e++) {
            outEdges[next[dag.from(e)]++] = e;
        }

        rank = new int[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (indegree[v] == 0) {
                queue[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            int u = queue[head];
            rankCount = Math.max(rankCount, rank[u] + 1);
            for (int i = outStart[u]; i < outStart[u + 1]; i++) {
                int v = dag.to(outEdges[i]);
                rank[v] = Math.max(rank[v], rank[u] + 1);
                if (--indegree[v] == 0) {
                    queue[tail++] = v;
                }
            }
        }
        if (tail < n) {
            throw new IllegalArgumentException("Expect a graph without cycles, but " + (n - tail)
                    + " nodes are on a cycle or after one");
        }
        // Then, from the sinks back, pull every node right to just before its first use. Longest path from the
        // sources would put every leaf in rank 0, so a constant used at the far end of a long chain would drag an
        // edge across the whole drawing; graphviz's drawings put it beside its use, and so does this.
        for (int head = tail - 1; head >= 0; head--) {
            int u = queue[head];
            int first = Integer.MAX_VALUE;
            for (int i = outStart[u]; i < outStart[u + 1]; i++) {
                first = Math.min(first, rank[dag.to(outEdges[i])]);
            }
            if (first != Integer.MAX_VALUE) {
                rank[u] = first - 1;
            }
        }
    }

    /** Step 2: a dummy node in every rank a long edge skips, and the segments that join them. */
    private void addDummyPoints() {
        int edges = dag.edgeCount();
        firstDummy = new int[edges];
        total = n;
        for (int e = 0; e < edges; e++) {
            firstDummy[e] = total;
            total += span(e) - 1;
        }
        rank = Arrays.copyOf(rank, total);
        width = new double[total];
        height = new double[total];
        for (int v = 0; v < n; v++) {
            width[v] = dag.width(v);
            height[v] = dag.height(v);
        }
        for (int e = 0; e < edges; e++) {
            for (int k = 1; k < span(e); k++) {
                rank[firstDummy[e] + k - 1] = rank[dag.from(e)] + k;
            }
        }

        // Number the segments gap by gap, so the crossing count can take each gap as one slice of the arrays.
        int segments = edges + (total - n);
        gapStart = new int[rankCount + 1];
        for (int e = 0; e < edges; e++) {
            for (int k = 0; k < span(e); k++) {
                gapStart[rank[dag.from(e)] + k + 1]++;
            }
        }
        countsToStarts(gapStart);
        segmentFrom = new int[segments];
        segmentTo = new int[segments];
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

        predStart = new int[total + 1];
        preds = new int[segments];
        succStart = new int[total + 1];
        succs = new int[segments];
        groupByNode(segmentTo, segmentFrom, predStart, preds);
        groupByNode(segmentFrom, segmentTo, succStart, succs);

        // The input order: real nodes by index, then dummies in edge order (both are the node numbering).
        layerStart = new int[rankCount + 1];
        for (int v = 0; v < total; v++) {
            layerStart[rank[v] + 1]++;
        }
        countsToStarts(layerStart);
        layer = new int[total];
        position = new int[total];
        int[] fill = Arrays.copyOf(layerStart, rankCount);
        for (int v = 0; v < total; v++) {
            int i = fill[rank[v]]++;
            layer[i] = v;
            position[v] = i - layerStart[rank[v]];
        }

        int room = Math.max(total, segments);
        items = new int[room];
        scratch = new int[room];
        key = new double[room];
        left = new double[segments];
        right = new double[segments];
    }

    /** How many ranks edge e goes forward: 1 for an edge to the next rank. */
    private int span(int e) {
        return rank[dag.to(e)] - rank[dag.from(e)];
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

    /**
     * Turns bucket sizes into bucket starts, in place: {@code start[b + 1]} holds how many items go in bucket b, and
     * afterwards bucket b holds items {@code start[b]..start[b+1]-1} of a flat array (a counting sort's offsets).
     */
    private static void countsToStarts(int[] start) {
        for (int b = 1; b < start.length; b++) {
            start[b] += start[b - 1];
        }
    }

    /** Step 3: barycentre sweeps, down then up, keeping the ordering with the fewest crossings seen. */
    private void reduceCrossings() {
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
        layer = bestLayer;
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

    /** Step 4: x from the columns, y from the order within each column. */
    private void assignCoordinates() {
        assignX();
        assignY();
    }

    /** Each rank is a column as wide as its widest node; nodes (and dummies) sit on the column's centre line. */
    private void assignX() {
        columnLeft = new double[rankCount];
        columnWidth = new double[rankCount];
        for (int v = 0; v < n; v++) {
            columnWidth[rank[v]] = Math.max(columnWidth[rank[v]], width[v]);
        }
        double at = spacing.margin();
        for (int r = 0; r < rankCount; r++) {
            columnLeft[r] = at;
            at += columnWidth[r] + spacing.rankGap();
        }
        x = new double[total];
        for (int v = 0; v < total; v++) {
            x[v] = columnLeft[rank[v]] + columnWidth[rank[v]] / 2;
        }
    }

    /**
     * Stacks each column top to bottom, then pulls nodes toward their neighbours: alternately toward the median y of
     * their predecessors (sweeping right) and of their successors (sweeping left). See {@link #placeRank}.
     */
    private void assignY() {
        int widestRank = 0;
        for (int r = 0; r < rankCount; r++) {
            widestRank = Math.max(widestRank, layerStart[r + 1] - layerStart[r]);
        }
        offset = new double[widestRank];
        blockWeight = new double[widestRank];
        blockMean = new double[widestRank];
        int maxDegree = 0;
        for (int v = 0; v < total; v++) {
            maxDegree = Math.max(maxDegree, Math.max(predStart[v + 1] - predStart[v], succStart[v + 1] - succStart[v]));
        }
        neighbourY = new double[maxDegree];

        y = new double[total];
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
        int[] blockStart = items; // block b starts at the rank's node blockStart[b]
        int blocks = 0;
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

    /**
     * Step 5: each edge as a polyline from the middle of its source's right side, straight across every column it
     * skips (at its dummy's y), to the middle of its target's left side.
     */
    private Layout routeEdges() {
        int edges = dag.edgeCount();
        int[] pointStart = new int[edges + 1];
        for (int e = 0; e < edges; e++) {
            pointStart[e + 1] = pointStart[e] + 2 * span(e);
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
            for (int d = firstDummy[e]; d < firstDummy[e] + span(e) - 1; d++) {
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

        double right = rankCount == 0 ? spacing.margin()
                : columnLeft[rankCount - 1] + columnWidth[rankCount - 1];
        double bottom = spacing.margin();
        for (int v = 0; v < total; v++) {
            bottom = Math.max(bottom, y[v] + height[v] / 2);
        }
        return new Layout(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(rank, n), rankCount, from, to,
                pointStart, px, py, right + spacing.margin(), bottom + spacing.margin(), crossings,
                inputOrderCrossings);
    }
}
