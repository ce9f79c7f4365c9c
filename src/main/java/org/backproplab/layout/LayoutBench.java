package org.backproplab.layout;

import java.util.Arrays;

/**
 * The layout benchmark: a 500-node random DAG laid out many times, and a leaf used 5,000 times. The test-side {@code LayoutBenchmark} prints its
 * figure, and the CLI's {@code bench} command can call {@link #run()}. The target is well under 100 ms per layout on
 * the JVM.
 */
public final class LayoutBench {
    public static final int NODES = 500;
    private static final int WARM_UPS = 30;
    private static final int RUNS = 51;

    /** Read by nothing: it only keeps the JIT from dropping layouts whose result is unused. */
    static int sink;

    private LayoutBench() {
    }

    /** The median time, in milliseconds, of laying out the 500-node benchmark DAG (a micrograd-like mix). */
    public static double run() {
        return medianMillis(RandomDag.generate(NODES, 2, 40, 1), WARM_UPS, RUNS);
    }

    /**
     * The median time, in milliseconds, of laying out {@code b = a + a + … + a} with 5,000 terms as the graph view
     * draws it (a leaf used by every op of a long chain: before trunks, minutes of work).
     */
    public static double runReuse() {
        return medianMillis(reuse(5000), 3, 11);
    }

    /**
     * {@code b = a + a + … + a} with {@code terms} terms, as the parser builds it and the graph view draws it: node 0
     * is leaf a, and each op circle takes the sum so far and a, then feeds its result box. ((a + a) + a) + …: a's
     * edges reach farther and farther along the chain.
     */
    public static Dag reuse(int terms) {
        Dag dag = new Dag(2 * terms, 3 * terms);
        int a = dag.addNode(110, 60);
        int sum = a;
        for (int i = 1; i < terms; i++) {
            int op = dag.addNode(26, 26);
            dag.addEdge(sum, op);
            dag.addEdge(a, op);
            sum = dag.addNode(110, 60);
            dag.addEdge(op, sum);
        }
        return dag;
    }

    /** The median of {@code runs} timed layouts of the dag, after {@code warmUps} untimed ones. */
    public static double medianMillis(Dag dag, int warmUps, int runs) {
        for (int i = 0; i < warmUps; i++) {
            sink += LayeredLayout.layout(dag).crossings();
        }
        double[] millis = new double[Math.max(1, runs)];
        for (int i = 0; i < runs; i++) {
            double start = System.nanoTime();
            sink += LayeredLayout.layout(dag).crossings();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis, 0, runs);
        return millis[runs / 2];
    }
}
