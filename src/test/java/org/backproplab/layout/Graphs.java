package org.backproplab.layout;

/**
 * Known graphs for the layout tests, drawn the way the graph view draws micrograd: each Value a record box, each op
 * a small circle between its operands and its result. Node indices follow the order the Values are made, as the
 * UI numbers them.
 */
final class Graphs {
    static final double BOX_WIDTH = 200;
    static final double BOX_HEIGHT = 36;
    static final double OP_SIZE = 32;

    private final Dag dag = new Dag();

    private Graphs() {
    }

    /** A Value's record box. */
    private int value() {
        return dag.addNode(BOX_WIDTH, BOX_HEIGHT);
    }

    /** An op circle fed by the operands in order, and the box of its result. Returns the result box. */
    private int op(int... operands) {
        int circle = dag.addNode(OP_SIZE, OP_SIZE);
        for (int operand : operands) {
            dag.addEdge(operand, circle);
        }
        int result = value();
        dag.addEdge(circle, result);
        return result;
    }

    /** The lecture's first graph: a = 2, b = -3, c = 10, e = a*b, d = e + c, f = -2, L = d * f. */
    static Dag lecture() {
        Graphs g = new Graphs();
        int a = g.value();
        int b = g.value();
        int e = g.op(a, b);
        int c = g.value();
        int d = g.op(e, c);
        int f = g.value();
        g.op(d, f);
        return g.dag;
    }

    /** The lecture's neuron: o = tanh(x1*w1 + x2*w2 + b). */
    static Dag tanhNeuron() {
        Graphs g = new Graphs();
        int x1 = g.value();
        int x2 = g.value();
        int w1 = g.value();
        int w2 = g.value();
        int b = g.value();
        int x1w1 = g.op(x1, w1);
        int x2w2 = g.op(x2, w2);
        int sum = g.op(x1w1, x2w2);
        int n = g.op(sum, b);
        g.op(n);
        return g.dag;
    }

    /** A 2-2-1 MLP with tanh, written out: every weight, bias, product and sum. */
    static Dag mlp221() {
        Graphs g = new Graphs();
        int x1 = g.value();
        int x2 = g.value();
        int h1 = g.neuron(x1, x2);
        int h2 = g.neuron(x1, x2);
        g.neuron(h1, h2);
        return g.dag;
    }

    private int neuron(int in1, int in2) {
        int w1 = value();
        int w2 = value();
        int b = value();
        int sum = op(op(op(w1, in1), op(w2, in2)), b);
        return op(sum);
    }

    /** a + a: two parallel edges from a into one op. */
    static Dag doubled() {
        Graphs g = new Graphs();
        int a = g.value();
        g.op(a, a);
        return g.dag;
    }

    /**
     * Three operands each feeding one op, listed in the opposite order of their ops: every pair of edges crosses
     * in the input order (3 crossings), and one sweep removes them all.
     */
    static Dag reversed() {
        Dag dag = new Dag();
        for (int i = 0; i < 3; i++) {
            dag.addNode(BOX_WIDTH, BOX_HEIGHT);
        }
        for (int i = 0; i < 3; i++) {
            dag.addNode(OP_SIZE, OP_SIZE);
        }
        for (int i = 0; i < 3; i++) {
            dag.addEdge(i, 5 - i);
        }
        return dag;
    }

    /**
     * h1 = tanh(h0), h2 = tanh(h1), …, then out = h(m-1) + … + h1 + h0: each h is used right away and again
     * farther on, the first ones farthest, so every h has a long trunk (their dummies grow as m²).
     */
    static Dag usedAgainAtTheEnd(int m) {
        Graphs g = new Graphs();
        int[] h = new int[m];
        h[0] = g.value();
        for (int i = 1; i < m; i++) {
            h[i] = g.op(h[i - 1]);
        }
        int sum = g.op(h[m - 1], h[m - 2]);
        for (int i = m - 3; i >= 0; i--) {
            sum = g.op(sum, h[i]);
        }
        return g.dag;
    }

    /** A chain 0 -> 1 -> ... -> length-1 of boxes. */
    static Dag chain(int length) {
        Dag dag = new Dag(length, length);
        for (int i = 0; i < length; i++) {
            dag.addNode(BOX_WIDTH, BOX_HEIGHT);
            if (i > 0) {
                dag.addEdge(i - 1, i);
            }
        }
        return dag;
    }
}
