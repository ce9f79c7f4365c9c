package org.backproplab.nn;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Rng;
import org.backproplab.engine.Value;

/**
 * micrograd's MLP: layers of neurons, each layer feeding the next. {@code new MLP(2, {16, 16, 1}, ...)} is micrograd's
 * demo network, with 337 parameters. Hidden layers use one activation, the last layer its own (micrograd: linear).
 */
public final class MLP {
    public final int nin;
    public final Layer[] layers;
    public final Activation hidden;
    public final Activation output;
    private final int[] sizes;

    // predict()'s scratch space, reused so that evaluating a heatmap allocates nothing
    private final double[] scratchIn;
    private final double[] scratchOut;

    public MLP(int nin, int[] sizes, Activation hidden, Activation output, Rng rng, boolean uniformBias) {
        if (nin < 1 || sizes.length == 0) {
            throw new IllegalArgumentException("an MLP needs at least one input and one layer");
        }
        this.nin = nin;
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        this.layers = new Layer[sizes.length];
        int width = nin;
        for (int i = 0; i < sizes.length; i++) {
            layers[i] = new Layer(i == 0 ? nin : sizes[i - 1], sizes[i], i == sizes.length - 1 ? output : hidden, rng,
                    uniformBias);
            width = Math.max(width, sizes[i]);
        }
        scratchIn = new double[width];
        scratchOut = new double[width];
    }

    /** micrograd's defaults: relu hidden layers, a linear output, biases 0. */
    public MLP(int nin, int[] sizes, Rng rng) {
        this(nin, sizes, Activation.RELU, Activation.LINEAR, rng, false);
    }

    /** Neurons per layer. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** micrograd's {@code model(x)}: the outputs of the last layer. */
    public Value[] forward(Value[] x) {
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    /** Layer by layer, neuron by neuron, [w0 ... w_{nin-1}, b]: micrograd's order. */
    public List<Value> parameters() {
        List<Value> params = new ArrayList<>();
        for (Layer layer : layers) {
            params.addAll(layer.parameters());
        }
        return params;
    }

    public int parameterCount() {
        return parameterCount(nin, sizes);
    }

    /** The number of parameters of MLP(nin, sizes): each neuron has one weight per input and a bias. */
    public static int parameterCount(int nin, int[] sizes) {
        int count = 0;
        int width = nin;
        for (int size : sizes) {
            count += size * (width + 1);
            width = size;
        }
        return count;
    }

    public void zeroGrad() {
        for (Value p : parameters()) {
            p.grad = 0;
        }
    }

    /** Sets every parameter's data, in {@link #parameters()} order (e.g. a spec's "init"). */
    public void load(double[] values) {
        List<Value> params = parameters();
        if (values.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " parameter values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            params.get(i).data = values[i];
        }
    }

    /** Every parameter's data, in {@link #parameters()} order. */
    public double[] parameterValues() {
        List<Value> params = parameters();
        double[] values = new double[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = params.get(i).data;
        }
        return values;
    }

    /**
     * The first output for input x, computed with plain doubles in the same order as {@link #forward}, so it equals
     * {@code forward(x)[0].data} to the last bit. It builds no graph and allocates nothing.
     */
    public double predict(double[] x) {
        return run(x)[0];
    }

    /** Every output for input x into outputs (the last layer's size of them), as {@link #predict} computes them. */
    public void predict(double[] x, double[] outputs) {
        System.arraycopy(run(x), 0, outputs, 0, sizes[sizes.length - 1]);
    }

    /** The forward pass on plain numbers; returns the scratch array that holds the last layer's outputs. */
    private double[] run(double[] x) {
        double[] in = scratchIn;
        double[] out = scratchOut;
        System.arraycopy(x, 0, in, 0, nin);
        int width = nin;
        for (Layer layer : layers) {
            Neuron[] neurons = layer.neurons;
            for (int j = 0; j < neurons.length; j++) {
                Neuron n = neurons[j];
                double act = n.b.data;
                for (int i = 0; i < width; i++) {
                    act = act + n.w[i].data * in[i];
                }
                out[j] = n.activation.apply(act);
            }
            width = neurons.length;
            double[] t = in;
            in = out;
            out = t;
        }
        return in;
    }
}
