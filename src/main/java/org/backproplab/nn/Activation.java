package org.backproplab.nn;

import org.backproplab.engine.Choice;
import org.backproplab.engine.Value;

/**
 * A neuron's nonlinearity. micrograd's hidden neurons use relu and its output neuron is linear; the lecture uses
 * tanh everywhere. Each one is written three ways that must agree exactly: on a Value (the graph), on a double (for
 * predict) and as its derivative from the output (for the tape's backward pass), mirroring Value's own ops.
 */
public enum Activation implements Choice {
    LINEAR("linear"), RELU("relu"), TANH("tanh"), SIGMOID("sigmoid");

    /** The choices for hidden layers, and for the output layer (whose score the loss reads). */
    public static final Activation[] HIDDEN = {RELU, TANH, SIGMOID};
    public static final Activation[] OUTPUT = {LINEAR, TANH};

    /** The name used in specs and menus. */
    private final String id;

    Activation(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public Value apply(Value x) {
        switch (this) {
            case RELU:
                return x.relu();
            case TANH:
                return x.tanh();
            case SIGMOID:
                return x.sigmoid();
            default:
                return x;
        }
    }

    /** The same number {@link #apply(Value)} computes, without a graph. */
    public double apply(double x) {
        switch (this) {
            case RELU:
                return x < 0 ? 0 : x;
            case TANH:
                return Math.tanh(x);
            case SIGMOID:
                return 1 / (1 + Math.exp(-x));
            default:
                return x;
        }
    }

    /** d out / d in, written in terms of the output, as Value's ops store it. */
    public double derivativeFromOutput(double out) {
        switch (this) {
            case RELU:
                return out > 0 ? 1 : 0;
            case TANH:
                return 1 - out * out;
            case SIGMOID:
                return out * (1 - out);
            default:
                return 1;
        }
    }
}
