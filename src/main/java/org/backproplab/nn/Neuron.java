package org.backproplab.nn;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Rng;
import org.backproplab.engine.Value;

/**
 * micrograd's Neuron: weights w, a bias b, and an activation. It computes act(((b + w0*x0) + w1*x1) + ...), adding
 * in exactly that order, because the reference numbers of micrograd's demo depend on the order of the additions.
 */
public final class Neuron {
    public final Value[] w;
    public final Value b;
    public final Activation activation;

    /**
     * Draws the weights uniform(-1, 1) from rng, then the bias: 0 as in micrograd, or uniform(-1, 1) as in the
     * lecture. Drawing in parameter order makes the same seed give the same network however it is used.
     */
    public Neuron(int nin, Activation activation, Rng rng, boolean uniformBias) {
        this.w = new Value[nin];
        for (int i = 0; i < nin; i++) {
            w[i] = new Value(rng.uniform(-1, 1));
        }
        this.b = new Value(uniformBias ? rng.uniform(-1, 1) : 0);
        this.activation = activation;
    }

    /** micrograd's {@code n(x)}. */
    public Value forward(Value[] x) {
        if (x.length != w.length) {
            throw new IllegalArgumentException("a neuron with " + w.length + " inputs got " + x.length);
        }
        Value act = b;
        for (int i = 0; i < w.length; i++) {
            act = act.add(w[i].mul(x[i]));
        }
        return activation.apply(act);
    }

    /** [w0 ... w_{nin-1}, b], micrograd's order. */
    public List<Value> parameters() {
        List<Value> params = new ArrayList<>(w.length + 1);
        for (Value wi : w) {
            params.add(wi);
        }
        params.add(b);
        return params;
    }
}
