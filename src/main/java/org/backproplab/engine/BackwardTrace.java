package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The backward pass one node at a time, with every {@code +=} recorded, so a student can watch the chain rule
 * work: for each child, upstream grad x local derivative = contribution, added to what the child already had.
 *
 * <p>With {@code buggy} set, each contribution replaces the child's grad instead ({@code =} for {@code +=}), as in
 * the lecture's first version: then b = a + a gives a.grad = 1 instead of 2.
 */
public final class BackwardTrace {
    /** One {@code child.grad += upstream * local}: the numbers before and after, for display. */
    public record Contribution(Value parent, Value child, int operand, double upstream, double local,
                               double contribution, double before, double after) {
    }

    /** Processing one node: passing its grad to each of its children. A leaf has no contributions. */
    public record Step(Value node, List<Contribution> contributions) {
    }

    private final Value output;
    private final List<Value> order;
    private final boolean buggy;
    private int done;

    /** Starts a trace: zeroes every grad in the graph, so that stepping to the end equals one backward(). */
    public BackwardTrace(Value output, boolean buggy) {
        this.output = output;
        this.order = output.topologicalOrder();
        this.buggy = buggy;
        for (Value v : order) {
            v.grad = 0;
        }
    }

    /** The topological order, children first: the trace walks it from the end. */
    public List<Value> order() {
        return order;
    }

    /** How many nodes have been processed. */
    public int position() {
        return done;
    }

    public boolean finished() {
        return done == order.size();
    }

    /** The node the next step will process, or null at the end. */
    public Value next() {
        return finished() ? null : order.get(order.size() - 1 - done);
    }

    /** Processes the next node (the output first, after setting its grad to 1). */
    public Step step() {
        if (finished()) {
            throw new IllegalStateException("the backward pass is finished");
        }
        Value node = next();
        if (done == 0) {
            output.grad = 1;
        }
        List<Contribution> contributions = new ArrayList<>(node.arity());
        for (int i = 0; i < node.arity(); i++) {
            Value child = node.child(i);
            double local = node.localDerivative(i);
            double contribution = local * node.grad;
            double before = child.grad;
            child.grad = buggy ? contribution : before + contribution;
            contributions.add(new Contribution(node, child, i, node.grad, local, contribution, before, child.grad));
        }
        done++;
        return new Step(node, contributions);
    }

    /** Runs the remaining steps. */
    public void finish() {
        while (!finished()) {
            step();
        }
    }
}
