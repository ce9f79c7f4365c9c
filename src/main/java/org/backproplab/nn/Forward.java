package org.backproplab.nn;

/**
 * A network's forward pass on plain numbers from its flat parameter list (micrograd's order: layer by layer,
 * neuron by neuron, [w_0 ... w_{nin-1}, b]), stopping at any neuron: what the trainer's diagram shows when a
 * student hovers a neuron, and the score itself at the last layer.
 */
public final class Forward {
    private final int nin;
    private final int[] sizes;
    private final Activation hidden;
    private final Activation output;
    private final double[] a;
    private final double[] b;

    public Forward(int nin, int[] sizes, Activation hidden, Activation output) {
        this.nin = nin;
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        int width = nin;
        for (int s : sizes) {
            width = Math.max(width, s);
        }
        a = new double[width];
        b = new double[width];
    }

    /** Where neuron j of layer l starts in the parameter list (its first weight; its bias follows the weights). */
    public int parameterIndex(int layer, int neuron) {
        int p = 0;
        int width = nin;
        for (int l = 0; l < layer; l++) {
            p += sizes[l] * (width + 1);
            width = sizes[l];
        }
        return p + neuron * (width + 1);
    }

    /** The output of neuron j in layer l for input x, with ((b + w0*x0) + w1*x1) + ... as micrograd adds. */
    public double neuron(double[] params, double[] x, int layer, int neuron) {
        double[] in = a;
        double[] out = b;
        System.arraycopy(x, 0, in, 0, nin);
        int width = nin;
        int p = 0;
        for (int l = 0; l <= layer; l++) {
            Activation act = l == sizes.length - 1 ? output : hidden;
            int first = l == layer ? neuron : 0;
            int last = l == layer ? neuron : sizes[l] - 1;
            p += first * (width + 1);
            for (int j = first; j <= last; j++) {
                double s = params[p + width];
                for (int i = 0; i < width; i++) {
                    s = s + params[p + i] * in[i];
                }
                out[j] = act.apply(s);
                p += width + 1;
            }
            p += (sizes[l] - 1 - last) * (width + 1);
            width = sizes[l];
            double[] t = in;
            in = out;
            out = t;
        }
        return in[neuron];
    }
}
