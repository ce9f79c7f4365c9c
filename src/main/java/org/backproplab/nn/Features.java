package org.backproplab.nn;

import org.backproplab.engine.Choice;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;

/**
 * What the network sees of a point, as TF Playground's feature toggles: from the coordinates x1 and x2, any of x1,
 * x2, x1², x2², x1·x2, sin x1 and sin x2, computed before the first layer. With x1² and x2² alone a single neuron
 * separates the circles: the features can make a problem linear. Without a choice (the raw features) the network
 * sees the coordinates themselves, however many a point has.
 *
 * <p>Each feature is built from Value ops on the coordinates (x1**2, x1*x2), so the graph of one example shows
 * them; its number on plain doubles comes from the same op, so both engines see the same bits.
 */
public final class Features {

    public enum Feature implements Choice {
        X1("x1", "x1"), X2("x2", "x2"), X1_SQUARED("x1^2", "x1sq"), X2_SQUARED("x2^2", "x2sq"),
        X1_TIMES_X2("x1*x2", "x1x2"), SIN_X1("sin(x1)", "sinx1"), SIN_X2("sin(x2)", "sinx2");

        private final String id;
        /** Its name in the inspected example's program: x1sq = x1**2. */
        public final String variable;

        Feature(String id, String variable) {
            this.id = id;
            this.variable = variable;
        }

        /** As run files and links write it: "x1^2", "sin(x1)". */
        @Override
        public String id() {
            return id;
        }

        /** The feature as a Value built from the coordinate Values. */
        public Value of(Value[] x) {
            return switch (this) {
                case X1 -> x[0];
                case X2 -> x[1];
                case X1_SQUARED -> x[0].pow(2);
                case X2_SQUARED -> x[1].pow(2);
                case X1_TIMES_X2 -> x[0].mul(x[1]);
                case SIN_X1 -> x[0].sin();
                case SIN_X2 -> x[1].sin();
            };
        }

        /** The same number, on plain doubles, through the same ops. */
        public double of(double[] x) {
            return switch (this) {
                case X1 -> x[0];
                case X2 -> x[1];
                case X1_SQUARED -> Op.POW.forward(x[0], 2);
                case X2_SQUARED -> Op.POW.forward(x[1], 2);
                case X1_TIMES_X2 -> Op.MUL.forward(x[0], x[1]);
                case SIN_X1 -> Op.SIN.forward(x[0], 0);
                case SIN_X2 -> Op.SIN.forward(x[1], 0);
            };
        }

        /** The line of the inspected example's program that makes it from x1 and x2 (none for x1 and x2). */
        public String programLine() {
            return switch (this) {
                case X1, X2 -> "";
                case X1_SQUARED -> "x1sq = x1**2\n";
                case X2_SQUARED -> "x2sq = x2**2\n";
                case X1_TIMES_X2 -> "x1x2 = x1 * x2\n";
                case SIN_X1 -> "sinx1 = sin(x1)\n";
                case SIN_X2 -> "sinx2 = sin(x2)\n";
            };
        }
    }

    private final int inputs;
    private final Feature[] chosen; // null: the raw coordinates

    private Features(int inputs, Feature[] chosen) {
        this.inputs = inputs;
        this.chosen = chosen;
    }

    /** The coordinates themselves, all {@code inputs} of them. */
    public static Features raw(int inputs) {
        return new Features(inputs, null);
    }

    /** The chosen features of a point of the plane, in the order given. */
    public static Features of(Feature... chosen) {
        if (chosen.length == 0) {
            throw new IllegalArgumentException("choose at least one feature");
        }
        return new Features(2, chosen.clone());
    }

    /** True for the raw coordinates (no "features" in a run file). */
    public boolean isRaw() {
        return chosen == null;
    }

    /** The chosen features, or an empty array for the raw coordinates. */
    public Feature[] chosen() {
        return chosen == null ? new Feature[0] : chosen.clone();
    }

    /** The coordinates of a point. */
    public int inputs() {
        return inputs;
    }

    /** The network's inputs: how many numbers the first layer sees. */
    public int count() {
        return chosen == null ? inputs : chosen.length;
    }

    /** The network's input Values for a point's coordinate Values. */
    public Value[] apply(Value[] x) {
        if (chosen == null) {
            return x;
        }
        Value[] out = new Value[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            out[i] = chosen[i].of(x);
        }
        return out;
    }

    /** The network's inputs for a point, into out (which may be longer); allocates nothing. */
    public void apply(double[] x, double[] out) {
        if (chosen == null) {
            System.arraycopy(x, 0, out, 0, inputs);
            return;
        }
        for (int i = 0; i < chosen.length; i++) {
            out[i] = chosen[i].of(x);
        }
    }
}
