package org.backproplab.nn;

import org.backproplab.engine.Choice;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;

/**
 * A neuron's nonlinearity. micrograd's hidden neurons use relu and its output neuron is linear; the lecture uses
 * tanh everywhere. Each is a function {@link Op}, whose single home gives its value on a Value (the graph), on a
 * double (for predict) and its derivative from the output (for the tape's backward pass), so the three agree.
 */
public enum Activation implements Choice {
    LINEAR(null), RELU(Op.RELU), TANH(Op.TANH), SIGMOID(Op.SIGMOID);

    /** The choices for hidden layers, and for the output layer (whose score the loss reads). */
    public static final Activation[] HIDDEN = {RELU, TANH, SIGMOID};
    public static final Activation[] OUTPUT = {LINEAR, TANH};
    /** The op this activation applies, or null for LINEAR. */
    public final Op op;

    Activation(Op op) {
        this.op = op;
    }

    public Value apply(Value x) {
        return op == null ? x : x.apply(op);
    }

    /** The same number {@link #apply(Value)} computes, without a graph. */
    public double apply(double x) {
        return op == null ? x : op.forward(x, 0);
    }

    /**
     * d out / d in from the output alone: the activations' ops write their derivative from their output, as
     * micrograd does, so the input is not needed (the tape keeps only outputs).
     */
    public double derivativeFromOutput(double out) {
        return op == null ? 1 : op.local(0, Double.NaN, 0, out);
    }
}
