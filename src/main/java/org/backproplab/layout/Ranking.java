package org.backproplab.layout;

import java.util.Arrays;

/**
 * Step 1 of {@link LayeredLayout}: which column (rank) each node of a {@link Dag} goes in. Every edge goes to a higher
 * rank, and each node sits as far right as its uses allow, so a leaf lands just before the op that uses it.
 */
final class Ranking {
    private Ranking() {
    }

    /**
     * The rank of each node: longest path from the sources, by Kahn's topological order (a queue, no recursion),
     * then each node as late as its successors allow.
     *
     * @throws IllegalArgumentException if the graph has a cycle
     */
    static int[] assign(Dag dag) {
        int n = dag.nodeCount();
        int edges = dag.edgeCount();
        int[] outStart = new int[n + 1];
        int[] indegree = new int[n];
        for (int e = 0; e < edges; e++) {
            outStart[dag.from(e) + 1]++;
            indegree[dag.to(e)]++;
        }
        LayerGraph.countsToStarts(outStart);
        int[] outEdges = new int[edges];
        int[] next = Arrays.copyOf(outStart, n);
        for (int e = 0; e < edges; e++) {
            outEdges[next[dag.from(e)]++] = e;
        }

        int[] rank = new int[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (indegree[v] == 0) {
                queue[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            int u = queue[head];
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
        return rank;
    }

    /** How many ranks there are: one more than the highest, 0 for an empty graph. */
    static int count(int[] rank) {
        int count = 0;
        for (int r : rank) {
            count = Math.max(count, r + 1);
        }
        return count;
    }
}
