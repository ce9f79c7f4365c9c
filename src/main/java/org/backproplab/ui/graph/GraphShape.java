package org.backproplab.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Value;
import org.backproplab.layout.Dag;
import org.backproplab.layout.LayeredLayout;
import org.backproplab.layout.Layout;
import org.backproplab.layout.Spacing;

/**
 * How a graph of Values is laid out for the drawing: each Value a box as wide as its text, each op a circle of its
 * own between its operands and its result, and where the layered layout puts them all.
 *
 * @param layout the layout: Values are nodes 0..n-1, op circles follow
 * @param boxWidths each Value box's width
 * @param opNode for each Value, the layout node of its op circle (-1 for a leaf)
 * @param operandEdges for each result, the layout edge from each operand to its op circle (null for a leaf)
 */
record GraphShape(Layout layout, double[] boxWidths, int[] opNode, int[][] operandEdges) {
    /**
     * Lays out the graph with each op as a node of its own between its operands and its result. Values are nodes
     * 0..n-1 and op circles follow; the edges run child -> op (one per operand) and op -> value. indexOf gives
     * each Value's place in order.
     */
    static GraphShape of(List<Value> order, Map<Value, Integer> indexOf) {
        int n = order.size();
        Dag dag = new Dag(2 * n, 3 * n);
        double[] boxWidths = new double[n];
        int[] opNode = new int[n];
        for (int i = 0; i < n; i++) {
            boxWidths[i] = Math.max(96, boxChars(order.get(i)) * GraphScene.FONT_SIZE * 0.62 + 2 * GraphScene.PAD);
            dag.addNode(boxWidths[i], GraphScene.BOX_HEIGHT);
        }
        int[][] operandEdges = new int[n][];
        for (int i = 0; i < n; i++) {
            Value v = order.get(i);
            if (v.isLeaf()) {
                opNode[i] = -1;
                continue;
            }
            opNode[i] = dag.addNode(opWidth(v), GraphScene.OP_HEIGHT);
            operandEdges[i] = new int[v.arity()];
            for (int c = 0; c < v.arity(); c++) {
                operandEdges[i][c] = dag.addEdge(indexOf.get(v.child(c)), opNode[i]);
            }
            dag.addEdge(opNode[i], i);
        }
        // Big graphs get fewer sweeps: they are read zoomed out, where a few crossings more don't show.
        Layout layout = LayeredLayout.layout(dag, new Spacing(34, 16, 8, 24),
                dag.nodeCount() > 400 ? 4 : LayeredLayout.DEFAULT_SWEEPS);
        return new GraphShape(layout, boxWidths, opNode, operandEdges);
    }

    /** A string that is equal for two graphs exactly when they would be drawn the same way. */
    static String key(List<Value> order) {
        Map<Value, Integer> index = new HashMap<>();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            Value v = order.get(i);
            index.put(v, i);
            s.append(v.label).append(':').append(v.op()).append('(');
            for (int c = 0; c < v.arity(); c++) {
                s.append(index.get(v.child(c))).append(',');
            }
            s.append(')').append(boxChars(v)).append(';');
        }
        return s.toString();
    }

    /**
     * How many characters wide a Value's box is. At least "grad -00.0000" (13), so that typing a digit, which
     * changes numbers and signs all over a graph, keeps the boxes' widths, and with them the layout: the shape
     * changed with a sign before, and each keystroke in a 1,500-Value program laid it out anew.
     */
    static int boxChars(Value v) {
        int chars = Math.max(v.label.length(), 13);
        return Math.max(chars, Math.max(rowChars("data", v.data), rowChars("grad", v.grad)));
    }

    /**
     * The length of a row "data x" or "grad x". A number under 99.99 takes at most 8 characters (see
     * {@link NodeText#number}), so its row is 13 at most: known without formatting it, which for every Value of a
     * 1,500-Value program was 12 ms of each keystroke.
     */
    private static int rowChars(String name, double x) {
        return Math.abs(x) < 99.99 ? 13 : NodeText.row(name, x).length();
    }

    static double opWidth(Value v) {
        return Math.max(GraphScene.OP_HEIGHT, v.op().length() * GraphScene.FONT_SIZE * 0.62 + 14);
    }
}
