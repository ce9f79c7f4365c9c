package org.backproplab.engine;

import java.util.List;

/**
 * The numerical gradient: for each leaf, move it by +h and -h, re-run the forward computation, and take the
 * central difference (f(x+h) - f(x-h)) / 2h. This is how one checks that backward() got the calculus right.
 */
public final class GradCheck {
    private GradCheck() {
    }

    /** One leaf's numeric and analytic derivative of the output. */
    public record Row(Value leaf, double numeric, double analytic) {
        /** |numeric - analytic| / max(|numeric|, |analytic|), or 0 when both are 0. */
        public double relativeError() {
            double scale = Math.max(Math.abs(numeric), Math.abs(analytic));
            return scale == 0 ? 0 : Math.abs(numeric - analytic) / scale;
        }
    }

    /**
     * Central differences of output with respect to each leaf, with the analytic grads beside them. Runs
     * backward on a zeroed graph first, and leaves every data as it found it.
     */
    public static Row[] check(Value output, List<Value> leaves, double h) {
        return check(output, leaves, h, false);
    }

    /**
     * The same, with the analytic grads from the backward pass the page shows: with {@code assignBug}, the lecture's
     * bug of setting a child's grad with = instead of adding to it, so the check says "mismatch" exactly where the
     * drawing's grads are wrong (a check that said "ok" beside wrong grads would lie).
     */
    public static Row[] check(Value output, List<Value> leaves, double h, boolean assignBug) {
        List<Value> order = output.topologicalOrder();
        if (assignBug) {
            new BackwardTrace(output, true).finish();
        } else {
            for (Value v : order) {
                v.grad = 0;
            }
            output.backward();
        }
        Row[] rows = new Row[leaves.size()];
        for (int i = 0; i < rows.length; i++) {
            Value leaf = leaves.get(i);
            rows[i] = new Row(leaf, centralDifference(output, order, leaf, h), leaf.grad);
        }
        return rows;
    }

    /** (f(x+h) - f(x-h)) / 2h for one leaf, over a precomputed topological order. */
    public static double centralDifference(Value output, List<Value> order, Value leaf, double h) {
        double saved = leaf.data;
        leaf.data = saved + h;
        Value.recompute(order);
        double plus = output.data;
        leaf.data = saved - h;
        Value.recompute(order);
        double minus = output.data;
        leaf.data = saved;
        Value.recompute(order);
        return (plus - minus) / (2 * h);
    }
}
