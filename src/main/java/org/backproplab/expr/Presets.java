package org.backproplab.expr;

import java.util.List;

/** The graphs of the lecture, ready to load: each one a program in the expression language. */
public final class Presets {
    /** A named example and its program. */
    public record Preset(String id, String title, String program) {
    }

    public static final List<Preset> ALL = List.of(
            new Preset("lecture", "L = (a·b + c)·f, the lecture's first graph",
                    "a = 2.0\nb = -3.0\nc = 10.0\nd = a * b\ne = d + c\nf = -2.0\nL = e * f\n"),
            new Preset("neuron", "A tanh neuron",
                    "# inputs x1, x2\nx1 = 2.0\nx2 = 0.0\n# weights w1, w2\nw1 = -3.0\nw2 = 1.0\n"
                            + "# bias of the neuron\nb = 6.8813735870195432\n"
                            + "x1w1 = x1 * w1\nx2w2 = x2 * w2\nx1w1x2w2 = x1w1 + x2w2\nn = x1w1x2w2 + b\n"
                            + "o = tanh(n)\n"),
            new Preset("neuron-exp", "The same neuron, tanh written through exp",
                    "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.8813735870195432\n"
                            + "x1w1 = x1 * w1\nx2w2 = x2 * w2\nx1w1x2w2 = x1w1 + x2w2\nn = x1w1x2w2 + b\n"
                            + "# tanh(n) = (e^2n - 1) / (e^2n + 1)\ne = exp(2 * n)\no = (e - 1) / (e + 1)\n"),
            new Preset("a-plus-a", "b = a + a: a Value used twice",
                    "a = 3.0\nb = a + a\n"),
            new Preset("reuse", "a and b each used twice: f = (a·b)·(a + b)",
                    "a = -2.0\nb = 3.0\nd = a * b\ne = a + b\nf = d * e\n"),
            new Preset("readme", "micrograd's README example",
                    "a = -4.0\nb = 2.0\nc = a + b\nd = a * b + b**3\nc1 = c + (c + 1)\n"
                            + "c2 = c1 + (1 + c1 + (-a))\nd1 = d + (d * 2 + relu(b + a))\n"
                            + "d2 = d1 + (3 * d1 + relu(b - a))\ne = c2 - d2\nf = e**2\ng = f / 2.0\n"
                            + "g1 = g + 10.0 / f\n"),
            new Preset("mlp", "One input through a 2-2-1 tanh MLP, written out",
                    "# one example with two inputs\nx1 = 1.0\nx2 = -2.0\n"
                            + "# hidden neuron 1\nw11 = 0.5\nw12 = -0.3\nb1 = 0.1\n"
                            + "h1 = tanh(b1 + w11 * x1 + w12 * x2)\n"
                            + "# hidden neuron 2\nw21 = -0.8\nw22 = 0.2\nb2 = -0.4\n"
                            + "h2 = tanh(b2 + w21 * x1 + w22 * x2)\n"
                            + "# output neuron\nv1 = 0.7\nv2 = -0.6\nc = 0.2\n"
                            + "out = tanh(c + v1 * h1 + v2 * h2)\n"));

    private Presets() {
    }

    /** The preset with this id, or null. */
    public static Preset find(String id) {
        for (Preset p : ALL) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
