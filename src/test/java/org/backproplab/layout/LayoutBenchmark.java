package org.backproplab.layout;

/**
 * Prints how long the layout takes: not a test (no timing is asserted), run it by hand after
 * {@code mvn -q test-compile -DskipTeavm}:
 * {@code java -cp target/classes:target/test-classes org.backproplab.layout.LayoutBenchmark}
 */
public final class LayoutBenchmark {
    private LayoutBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("layout of a " + LayoutBench.NODES + "-node random DAG: median " + LayoutBench.run() + " ms");
        Dag big = RandomDag.generate(2000, 2, 40, 7);
        System.out.println("layout of a 2000-node random DAG: median " + LayoutBench.medianMillis(big, 10, 21) + " ms");
        System.out.println("layout of b = a+a+...+a, 5000 terms: median " + LayoutBench.runReuse() + " ms");
        Dag chain = Graphs.chain(10_000);
        System.out.println("layout of a chain 10000 long: median " + LayoutBench.medianMillis(chain, 5, 11) + " ms");
    }
}
