package org.backproplab.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The crossing count against the definition, and the stable sort it rests on. */
final class CrossingsTest {
    @Test
    void countsPairsOfSegmentsWhoseEndsComeInOppositeOrder() {
        int seed = 12345;
        for (int round = 0; round < 200; round++) {
            int n = round % 40;
            double[] left = new double[n];
            double[] right = new double[n];
            for (int s = 0; s < n; s++) {
                seed = seed * 1103515245 + 12345;
                left[s] = (seed >>> 16) % 6; // few distinct values, so many shared ends
                seed = seed * 1103515245 + 12345;
                right[s] = (seed >>> 16) % 6;
            }
            int expected = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if ((left[i] - left[j]) * (right[i] - right[j]) < 0) {
                        expected++;
                    }
                }
            }
            assertEquals(expected, Crossings.between(left, right, 0, n, new int[n], new int[n]), "round " + round);
        }
    }

    @Test
    void aCompleteBipartiteTwoByTwoHasOneCrossing() {
        Dag dag = new Dag();
        for (int i = 0; i < 4; i++) {
            dag.addNode(20, 20);
        }
        dag.addEdge(0, 2);
        dag.addEdge(0, 3);
        dag.addEdge(1, 2);
        dag.addEdge(1, 3);
        assertEquals(1, Crossings.count(LayeredLayout.layout(dag)));
    }

    @Test
    void aLongEdgeCountsOnceInEachGapItCrossesIn() {
        // A -> D skips rank 1 (A -> C keeps A in rank 0); B -> C, C -> D, C -> E. Input order: rank 0 A, B; rank 1
        // C, then A's dummy; rank 2 D, E. A's long edge crosses B -> C in gap 0 and C -> E in gap 1; it shares D
        // with C -> D and A with A -> C, which are no crossings.
        Dag dag = new Dag();
        for (int i = 0; i < 5; i++) {
            dag.addNode(20, 20);
        }
        int a = 0;
        int b = 1;
        int c = 2;
        int d = 3;
        int e = 4;
        dag.addEdge(a, d);
        dag.addEdge(b, c);
        dag.addEdge(c, d);
        dag.addEdge(c, e);
        dag.addEdge(a, c);
        Layout input = LayeredLayout.layout(dag, Spacing.DEFAULT, 0);
        assertEquals(2, Crossings.count(input));
        assertEquals(2, input.crossings());
        assertEquals(0, Crossings.count(LayeredLayout.layout(dag)), "the dummy moves above C");
    }

    @Test
    void theSortIsStableAndCountsInversions() {
        double[] key = {3, 1, 2, 1, 3, 0};
        int[] items = {0, 1, 2, 3, 4, 5};
        // Out-of-order pairs: (0,1) (0,2) (0,3) (0,5) (1,5) (2,3) (2,5) (3,5) (4,5); (1,3) and (0,4) are ties.
        assertEquals(9, StableSort.sortByKey(items, 6, key, new int[6]));
        assertArrayEquals(new int[] {5, 1, 3, 2, 0, 4}, items);
    }
}
