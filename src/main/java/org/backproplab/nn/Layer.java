package org.backproplab.nn;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Rng;
import org.backproplab.engine.Value;

/** micrograd's Layer: nout neurons that all see the same nin inputs. */
public final class Layer {
    public final Neuron[] neurons;

    public Layer(int nin, int nout, Activation activation, Rng rng, boolean uniformBias) {
        neurons = new Neuron[nout];
        for (int i = 0; i < nout; i++) {
            neurons[i] = new Neuron(nin, activation, rng, uniformBias);
        }
    }

    public Value[] forward(Value[] x) {
        Value[] out = new Value[neurons.length];
        for (int i = 0; i < neurons.length; i++) {
            out[i] = neurons[i].forward(x);
        }
        return out;
    }

    /** Neuron by neuron. */
    public List<Value> parameters() {
        List<Value> params = new ArrayList<>();
        for (Neuron n : neurons) {
            params.addAll(n.parameters());
        }
        return params;
    }
}
