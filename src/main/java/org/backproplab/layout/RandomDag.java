package org.backproplab.layout;

/**
 * Seeded random DAGs for the layout's tests and benchmark. The generator is int-only (xorshift), so the same seed
 * gives the same graph on the JVM and in TeaVM (whose {@code Random.nextInt(bound)} differs from the JVM's).
 */
public final class RandomDag {
    private int state;

    private RandomDag(int seed) {
        state = seed * 0x9E3779B9 + 0x6D2B79F5;
        if (state == 0) {
            state = 1; // xorshift stays at 0 forever
        }
    }

    /**
     * A DAG shaped a little like a micrograd graph: wide record boxes and small op circles. Node i takes 0 to
     * maxParents parents among the {@code window} nodes before it, the same parent possibly twice (like a + a);
     * a node that takes none and is taken by none is isolated.
     */
    public static Dag generate(int nodes, int maxParents, int window, int seed) {
        RandomDag random = new RandomDag(seed);
        Dag dag = new Dag(nodes, nodes * maxParents / 2 + 1);
        for (int i = 0; i < nodes; i++) {
            if (random.below(3) == 0) {
                dag.addNode(32, 32);
            } else {
                dag.addNode(120 + random.below(100), 36);
            }
        }
        for (int i = 1; i < nodes; i++) {
            int parents = random.below(maxParents + 1);
            for (int p = 0; p < parents; p++) {
                dag.addEdge(i - 1 - random.below(Math.min(i, window)), i);
            }
        }
        return dag;
    }

    /** A number in 0..bound-1. */
    private int below(int bound) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 1) % bound;
    }
}
