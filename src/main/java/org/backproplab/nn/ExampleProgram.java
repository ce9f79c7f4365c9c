package org.backproplab.nn;

import org.backproplab.engine.Numbers;

/**
 * One training example's forward pass and loss term, written out as a program in the expression language, so the
 * graph view can draw it, run backward on it and check its grads: the scalar graph behind one point of the
 * trainer. Names follow the network: x1, x2 for the inputs, w2_3_1 for layer 2, neuron 3, weight 1 (all counted
 * from 1), b2_3 for its bias, h2_3 for its output, s for the score, y for the label and loss for the loss term.
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
        return nodes + 1 + (loss == Loss.Type.MSE ? 4 : loss == Loss.Type.SVM ? 6 : 8);
    }

    public static String write(double[] params, int nin, int[] sizes, Activation hidden, Activation output,
                               Loss.Type loss, double[] x, double y) {
        StringBuilder p = new StringBuilder("# one training example through the current weights\n");
        String[] in = new String[nin];
        for (int i = 0; i < nin; i++) {
            in[i] = "x" + (i + 1);
            p.append(in[i]).append(" = ").append(Numbers.literal(x[i])).append('\n');
        }
        int k = 0;
        for (int l = 0; l < sizes.length; l++) {
            boolean last = l == sizes.length - 1;
            Activation act = last ? output : hidden;
            String[] out = new String[sizes[l]];
            p.append("# layer ").append(l + 1).append(last ? " (the output)" : "").append('\n');
            for (int j = 0; j < sizes[l]; j++) {
                String id = (l + 1) + "_" + (j + 1);
                StringBuilder sum = new StringBuilder("b" + id);
                for (int i = 0; i < in.length; i++) {
                    String w = "w" + id + "_" + (i + 1);
                    p.append(w).append(" = ").append(Numbers.literal(params[k++])).append('\n');
                    sum.append(" + ").append(w).append(" * ").append(in[i]);
                }
                p.append("b").append(id).append(" = ").append(Numbers.literal(params[k++])).append('\n');
                out[j] = last ? "s" : "h" + id;
                String f = act.op == null ? "" : act.op.symbol;
                p.append(out[j]).append(" = ").append(f).append(f.isEmpty() ? "" : "(").append(sum)
                        .append(f.isEmpty() ? "" : ")").append('\n');
            }
            in = out;
        }
        p.append("# the loss term of this example\ny = ").append(Numbers.literal(y)).append('\n');
        double score = new Forward(nin, sizes, hidden, output).neuron(params, x, sizes.length - 1, 0);
        p.append(Loss.pointLossProgram(loss, score, y));
        return p.toString();
    }
}
