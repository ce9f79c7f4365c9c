package org.backproplab.layout;

import java.util.Arrays;

/**
 * The layout benchmark: a 500-node random DAG laid out many times. The test-side {@code LayoutBenchmark} prints its
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
