package org.backproplab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scalar in a computation graph, as in micrograd's engine.py: it holds its {@code data}, the {@code grad} of the
 * final output with respect to it, a {@code label}, the {@code op} that made it, and its children in operand order.
 *
 * <p>Each op's result and, right beside it, its local derivatives (d out / d child) come from its one home in
 * {@link Op}. The backward pass is then the same for every op: {@code child.grad += local * out.grad}. Storing the
 * local derivatives lets the step-by-step view show "upstream x local = contribution" without recomputing anything.
 */
public final class Value {
    public double data;
    public double grad;
    public String label;

    private final Op op;
    private final double exponent; // only for Op.POW: micrograd's x**k takes a constant k
    private final Value left;      // first operand, or null for a leaf
    private final Value right;     // second operand, or null for a leaf or a unary op
    private double localLeft;      // d this / d left
    private double localRight;     // d this / d right
    private int visitMark;         // see linkOrder(): a mark is ~5x faster than a HashSet in TeaVM-JS
    private Value link;            // see linkOrder(): the stack below this Value, then the Value before it in order

    private static int visitGeneration;

    public Value(double data) {
        this(data, "");
    }

    public Value(double data, String label) {
        this.data = data;
        this.label = label;
        this.op = Op.LEAF;
        this.exponent = 0;
        this.left = null;
        this.right = null;
    }

    private Value(Op op, Value left, Value right, double exponent) {
        this.op = op;
        this.left = left;
        this.right = right;
        this.exponent = exponent;
        this.label = "";
        forward();
    }

    /**
     * Recomputes data from the children, and the local derivatives with it, both from the op's single home in
     * {@link Op}: the backward pass then only multiplies and accumulates.
     */
    private void forward() {
        if (left == null) {
            return; // a leaf: its data is set, not computed
        }
        double x = left.data;
        double y = right == null ? exponent : right.data;
        data = op.forward(x, y);
        localLeft = op.local(0, x, y, data);
        localRight = right == null ? 0 : op.local(1, x, y, data);
    }

    // ---- ops (micrograd's semantics exactly: see DESIGN.md) ----

    public Value add(Value other) {
        return new Value(Op.ADD, this, other, 0);
    }

    public Value add(double other) {
        return add(new Value(other));
    }

    public Value mul(Value other) {
        return new Value(Op.MUL, this, other, 0);
    }

    public Value mul(double other) {
        return mul(new Value(other));
    }

    /** micrograd's -a is a * -1. */
    public Value neg() {
        return mul(-1);
    }

    /** micrograd's a - b is a + (-b). */
    public Value sub(Value other) {
        return add(other.neg());
    }

    public Value sub(double other) {
        return sub(new Value(other));
    }

    /** micrograd's a / b is a * b**-1. */
    public Value div(Value other) {
        return mul(other.pow(-1));
    }

    public Value div(double other) {
        return div(new Value(other));
    }

    public Value pow(double k) {
        return new Value(Op.POW, this, null, k);
    }

    public Value tanh() {
        return apply(Op.TANH);
    }

    public Value exp() {
        return apply(Op.EXP);
    }

    public Value sin() {
        return apply(Op.SIN);
    }

    public Value log() {
        return apply(Op.LOG);
    }

    public Value relu() {
        return apply(Op.RELU);
    }

    public Value sigmoid() {
        return apply(Op.SIGMOID);
    }

    /** A function op (tanh, exp, log, relu, sigmoid) applied to this Value. */
    public Value apply(Op function) {
        if (!function.isFunction()) {
            throw new IllegalArgumentException(function + " is not a function of one Value");
        }
        return new Value(function, this, null, 0);
    }

    // ---- structure ----

    public Op kind() {
        return op;
    }

    /** The op as micrograd names it: "", "+", "*", "**2", "tanh", ... */
    public String op() {
        return op == Op.POW ? "**" + Numbers.format(exponent) : op.symbol;
    }

    /** The constant k of x**k (0 for other ops). */
    public double exponent() {
        return exponent;
    }

    public boolean isLeaf() {
        return op == Op.LEAF;
    }

    public int arity() {
        return left == null ? 0 : right == null ? 1 : 2;
    }

    /** Child i in operand order: a + a has children [a, a]. */
    public Value child(int i) {
        if (i == 0 && left != null) {
            return left;
        }
        if (i == 1 && right != null) {
            return right;
        }
        throw new IndexOutOfBoundsException("child " + i + " of a Value with " + arity() + " children");
    }

    /** d this / d child(i), as computed by the last forward pass. */
    public double localDerivative(int i) {
        child(i);
        return i == 0 ? localLeft : localRight;
    }

    public List<Value> children() {
        List<Value> list = new ArrayList<>(2);
        for (int i = 0; i < arity(); i++) {
            list.add(child(i));
        }
        return list;
    }

    // ---- graph walks ----

    /**
     * Every Value this one depends on, children before parents, ending with this one: micrograd's build_topo, but
     * iterative with an explicit stack so that a chain a million deep does not overflow the thread stack.
     */
    public List<Value> topologicalOrder() {
        int n = linkOrder();
        Value[] order = new Value[n];
        Value v = this;
        while (v != null) {
            order[--n] = v;
            v = unlink(v);
        }
        return Arrays.asList(order);
    }

    /**
     * Puts the graph below this Value in topological order, as {@link #topologicalOrder()} lists it, through the
     * {@code link} fields: from this Value (last in the order) each link names the Value before it, and the first
     * has none. Returns how many Values there are.
     *
     * <p>It is a depth-first walk with the stack in the Values themselves ({@code link} names the Value below on the
     * stack) rather than in arrays: the Value engine's step sorts ~66,000 Values, and in TeaVM's JavaScript every
     * array access goes through a shared bounds-check function that is slow once the page has used arrays of many
     * kinds (the sort ran 3x slower after the graph view had been used). A Value leaves the stack exactly when it
     * joins the order, so one field serves both. The Value on top of the stack goes on to its first child in operand
     * order not yet reached (marked), else joins the order: the same order as micrograd's recursive build_topo.
     */
    private int linkOrder() {
        int mark = ++visitGeneration;
        int count = 0;
        Value last = null; // the last Value put in order so far
        Value top = this;
        visitMark = mark;
        link = null;
        while (top != null) {
            Value v = top;
            Value next = v.left != null && v.left.visitMark != mark ? v.left
                    : v.right != null && v.right.visitMark != mark ? v.right : null;
            if (next != null) {
                next.visitMark = mark;
                next.link = v; // push
                top = next;
            } else {
                top = v.link; // pop v, and put it in order after last
                v.link = last;
                last = v;
                count++;
            }
        }
        return count;
    }

    /** The Value before v in the order {@link #linkOrder()} made; clears v's link so it holds no old graph alive. */
    private static Value unlink(Value v) {
        Value before = v.link;
        v.link = null;
        return before;
    }

    /**
     * Sets this grad to 1 and applies the chain rule in reverse topological order. Gradients accumulate (+=), so a
     * second call without {@link #zeroGrad()} adds to every grad but this one, exactly as in micrograd: the
     * output's children get twice their grad, deeper nodes more, because each inner node passes on its
     * accumulated grad (the lecture's a goes 6, then 24).
     */
    public void backward() {
        linkOrder();
        grad = 1;
        Value v = this;
        while (v != null) {
            v.backwardStep();
            v = unlink(v);
        }
    }

    /** One node's share of the backward pass: pass this grad to each child, times the local derivative. */
    public void backwardStep() {
        if (left != null) {
            left.grad += localLeft * grad;
        }
        if (right != null) {
            right.grad += localRight * grad;
        }
    }

    /** Resets the grad of every Value in this graph. */
    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.grad = 0;
        }
    }

    /** Re-runs the forward computation over a topological order, e.g. after leaves changed. */
    public static void recompute(List<Value> order) {
        for (Value v : order) {
            v.forward();
        }
    }

    @Override
    public String toString() {
        return "Value(" + (label.isEmpty() ? "" : label + ", ") + "data=" + data + ", grad=" + grad + ")";
    }
}
