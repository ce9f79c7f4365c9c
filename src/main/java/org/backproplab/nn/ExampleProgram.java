package org.backproplab.nn;

import org.backproplab.engine.Numbers;

/**
 * One training example's forward pass and loss term, written out as a program in the expression language, so the
 * graph view can draw it, run backward on it and check its grads: the scalar graph behind one point of the
 * trainer. Names follow the network: x1, x2 for the inputs, then the features made from them (x1sq = x1**2),
 * w2_3_1 for layer 2, neuron 3, weight 1 (all counted from 1), b2_3 for its bias, h2_3 for its output, s for the
 * score (s1, s2, ... for one score per class), y for the label or target and loss for the loss term; a softmax loss
 * shows its m, d, e and sum Values (see {@link Loss#softmaxProgram}).
 */
public final class ExampleProgram {
    private ExampleProgram() {
    }

    /** How many Values the example's graph has (at most), to decide whether it is small enough to read. */
    public static int nodeCount(int nin, int[] sizes, Loss.Type loss) {
        int nodes = nin;
        int width = nin;
        for (int size : sizes) {
            // per neuron: weights and bias, a product and a sum per input, and the activation
            nodes += size * (width + 1 + 2 * width + 1);
            width = size;
        }
        // y, then the loss term's Values: (s - y)**2 makes 4, relu(s * -y + 1) 6, and the logistic loss 7 or,
        // for a negative margin, 8 (see Loss.pointLossProgram)
        if (loss == Loss.Type.SOFTMAX) {
            // m, then per class s - m (a -1, a product, a sum) and its exp, the sum's k - 1 additions, its log, and
            // the - d_y (a -1, a product, a sum); no y leaf: the class picks which d is subtracted
            int k = sizes[sizes.length - 1];
            return nodes + 1 + 4 * k + k - 1 + 1 + 3;
        }
        return nodes + 1 + (loss == Loss.Type.MSE ? 4 : loss == Loss.Type.SVM ? 6 : 8);
    }

    /** The same, for a network whose inputs are features: the coordinates come first, then a Value per feature. */
    public static int nodeCount(Features features, int[] sizes, Loss.Type loss) {
        int made = features.isRaw() ? 0 : features.inputs();
        for (Features.Feature f : features.chosen()) {
            made += f == Features.Feature.X1 || f == Features.Feature.X2 ? 0 : 1;
        }
        return made + nodeCount(features.count(), sizes, loss);
    }

    public static String write(double[] params, int nin, int[] sizes, Activation hidden, Activation output,
                               Loss.Type loss, double[] x, double y) {
        return write(params, Features.raw(nin), sizes, hidden, output, loss, x, y);
    }

    /**
     * The example for a point x with label (or class, or target) y, through a network that sees these features of
     * x; for the softmax loss the scores are left linear, as {@link TrainSpec#model} leaves them.
     */
    public static String write(double[] params, Features features, int[] sizes, Activation hidden, Activation output,
                               Loss.Type loss, double[] x, double y) {
        StringBuilder p = new StringBuilder("# one training example through the current weights\n");
        for (int i = 0; i < x.length; i++) {
            p.append("x").append(i + 1).append(" = ").append(Numbers.literal(x[i])).append('\n');
        }
        int nin = features.count();
        double[] inputs = new double[nin];
        features.apply(x, inputs);
        String[] in = new String[nin];
        Features.Feature[] chosen = features.chosen();
        if (chosen.length > 0) {
            p.append("# the features the network sees, made from x1 and x2\n");
        }
        for (int i = 0; i < nin; i++) {
            in[i] = features.isRaw() ? "x" + (i + 1) : chosen[i].variable;
            if (!features.isRaw()) {
                p.append(chosen[i].programLine());
            }
        }
        Activation last = loss == Loss.Type.SOFTMAX ? Activation.LINEAR : output;
        int k = 0;
        for (int l = 0; l < sizes.length; l++) {
            boolean isLast = l == sizes.length - 1;
            Activation act = isLast ? last : hidden;
            String[] out = new String[sizes[l]];
            p.append("# layer ").append(l + 1).append(isLast ? " (the output)" : "").append('\n');
            for (int j = 0; j < sizes[l]; j++) {
                String id = (l + 1) + "_" + (j + 1);
                StringBuilder sum = new StringBuilder("b" + id);
                for (int i = 0; i < in.length; i++) {
                    String w = "w" + id + "_" + (i + 1);
                    p.append(w).append(" = ").append(Numbers.literal(params[k++])).append('\n');
                    sum.append(" + ").append(w).append(" * ").append(in[i]);
                }
                p.append("b").append(id).append(" = ").append(Numbers.literal(params[k++])).append('\n');
                out[j] = !isLast ? "h" + id : sizes[l] == 1 ? "s" : "s" + (j + 1);
                String f = act.op == null ? "" : act.op.symbol;
                p.append(out[j]).append(" = ").append(f).append(f.isEmpty() ? "" : "(").append(sum)
                        .append(f.isEmpty() ? "" : ")").append('\n');
            }
            in = out;
        }
        Forward forward = new Forward(nin, sizes, hidden, last);
        if (loss == Loss.Type.SOFTMAX) {
            double[] scores = new double[sizes[sizes.length - 1]];
            for (int j = 0; j < scores.length; j++) {
                scores[j] = forward.neuron(params, inputs, sizes.length - 1, j);
            }
            p.append("# the loss term of this example, of class ").append((int) y).append(" (counted from 0)\n");
            return p.append(Loss.softmaxProgram(scores, (int) y)).toString();
        }
        p.append("# the loss term of this example\ny = ").append(Numbers.literal(y)).append('\n');
        double score = forward.neuron(params, inputs, sizes.length - 1, 0);
        p.append(Loss.pointLossProgram(loss, score, y));
        return p.toString();
    }
}
