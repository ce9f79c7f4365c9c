package org.backproplab.engine;

import java.util.List;

/**
 * Slopes from nudges, the lecture's first way to a derivative: move one leaf by a small h, run forward again and
 * divide the change of the output by h. Forward differences (f(x + h) − f(x)) / h, or central ones
 * (f(x + h) − f(x − h)) / 2h as in {@link GradCheck}.
 *
 * <p>How far they land from backward's exact slope as h shrinks from 1e-1 to 1e-32 is the reason autograd exists:
 * the truncation error falls with h (with h² for central differences), the round-off error grows like ε/h because
 * f(x + h) and f(x) share more and more of their digits, and once x + h == x in doubles the slope is exactly 0.
 */
public final class FiniteDifference {
    /** The sweep's largest and smallest h, as powers of ten. */
    public static final int LARGEST_EXPONENT = -1;
    public static final int SMALLEST_EXPONENT = -32;

    private FiniteDifference() {
    }

    /** (f(x + h) − f(x)) / h for one leaf, over a precomputed topological order; the leaf is put back. */
    public static double forward(Value output, List<Value> order, Value leaf, double h) {
        double saved = leaf.data;
        leaf.data = saved + h;
        Value.recompute(order);
        double plus = output.data;
        leaf.data = saved;
        Value.recompute(order);
        return (plus - output.data) / h;
    }

    /** The forward or the central difference. */
    public static double slope(Value output, List<Value> order, Value leaf, double h, boolean central) {
        return central ? GradCheck.centralDifference(output, order, leaf, h) : forward(output, order, leaf, h);
    }

    /**
     * 10 to a power. A whole exponent gives exactly the double the literal "1e-6" names (Math.pow(10, -31) can be
     * one bit off it), so h = 1e-31 on a slider is the h a reader would type.
     */
    public static double powerOfTen(double exponent) {
        if (exponent == Math.rint(exponent) && Math.abs(exponent) < 400) {
            return Double.parseDouble("1e" + (int) exponent);
        }
        return Math.pow(10, exponent);
    }

    /** h from 1e-1 down to 1e-32, largest first, with perDecade values per decade and whole powers among them. */
    public static double[] sweep(int perDecade) {
        int n = (LARGEST_EXPONENT - SMALLEST_EXPONENT) * perDecade + 1;
        double[] hs = new double[n];
        for (int i = 0; i < n; i++) {
            hs[i] = powerOfTen(LARGEST_EXPONENT - (double) i / perDecade);
        }
        return hs;
    }

    /**
     * |slope(h) − exact| for every h, each slope taken as {@link #slope} takes it (the same doubles, in the same
     * order, so a point on the curve is exactly the read-out for that h). The leaf and the forward pass are put back.
     */
    public static double[] errors(Value output, List<Value> order, Value leaf, double exact, double[] hs,
                                  boolean central) {
        double saved = leaf.data;
        Value.recompute(order);
        double here = output.data;
        double[] errors = new double[hs.length];
        for (int i = 0; i < hs.length; i++) {
            double h = hs[i];
            leaf.data = saved + h;
            Value.recompute(order);
            double plus = output.data;
            double numeric;
            if (central) {
                leaf.data = saved - h;
                Value.recompute(order);
                numeric = (plus - output.data) / (2 * h);
            } else {
                numeric = (plus - here) / h;
            }
            errors[i] = Math.abs(numeric - exact);
        }
        leaf.data = saved;
        Value.recompute(order);
        return errors;
    }

    /**
     * The largest h in the list for which the nudge is lost (x + h == x, and x − h == x too for central
     * differences): from there down the numeric slope is exactly 0. NaN if every h still moves x.
     */
    public static double lostBelow(double x, double[] hs, boolean central) {
        for (double h : hs) {
            if (x + h == x && (!central || x - h == x)) {
                return h;
            }
        }
        return Double.NaN;
    }
}
