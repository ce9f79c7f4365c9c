package org.backproplab.expr;

import java.util.List;
import org.backproplab.engine.Choice;

/**
 * The graphs of the lecture, ready to load, each in two forms that build the same Values: the cleaned-up form
 * (a = 2.0, one assignment per line) and the form the lecture's notebook writes (Value(2.0, label='a'),
 * d = a*b; d.label = 'd', n.tanh(), draw_dot), so a student can match the lab's graph to the code they watched.
 */
public final class Presets {
    /** Which of its two texts a preset loads as; "form" in links and on widgets. */
    public enum Form implements Choice {
        CLEANED, NOTEBOOK
    }

    /** A named example in its cleaned-up form and in the notebook's Python. */
    public record Preset(String id, String title, String program, String notebook) {
        public String text(Form form) {
            return form == Form.NOTEBOOK ? notebook : program;
        }
    }

    /** The lecture's neuron up to n, as its notebook writes it (labels such as 'x1*w1' are the lecture's). */
    private static final String NEURON_NOTEBOOK = "# inputs x1, x2\nx1 = Value(2.0, label='x1')\n"
            + "x2 = Value(0.0, label='x2')\n# weights w1, w2\nw1 = Value(-3.0, label='w1')\n"
            + "w2 = Value(1.0, label='w2')\n# bias of the neuron\nb = Value(6.8813735870195432, label='b')\n"
            + "# x1*w1 + x2*w2 + b\nx1w1 = x1*w1; x1w1.label = 'x1*w1'\nx2w2 = x2*w2; x2w2.label = 'x2*w2'\n"
            + "x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.label = 'x1*w1 + x2*w2'\nn = x1w1x2w2 + b; n.label = 'n'\n";

    public static final List<Preset> ALL = List.of(
            new Preset("lecture", "L = (a·b + c)·f, the lecture's first graph",
                    "a = 2.0\nb = -3.0\nc = 10.0\nd = a * b\ne = d + c\nf = -2.0\nL = e * f\n",
                    "a = Value(2.0, label='a')\nb = Value(-3.0, label='b')\nc = Value(10.0, label='c')\n"
                            + "d = a*b; d.label = 'd'\ne = d + c; e.label = 'e'\nf = Value(-2.0, label='f')\n"
                            + "L = e * f; L.label = 'L'\ndraw_dot(L)\n"),
            new Preset("neuron", "A tanh neuron",
                    "# inputs x1, x2\nx1 = 2.0\nx2 = 0.0\n# weights w1, w2\nw1 = -3.0\nw2 = 1.0\n"
                            + "# bias of the neuron\nb = 6.8813735870195432\n"
                            + "x1w1 = x1 * w1\nx2w2 = x2 * w2\nx1w1x2w2 = x1w1 + x2w2\nn = x1w1x2w2 + b\n"
                            + "o = tanh(n)\n",
                    NEURON_NOTEBOOK + "o = n.tanh(); o.label = 'o'\no.backward()\n"),
            new Preset("neuron-exp", "The same neuron, tanh written through exp",
                    "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.8813735870195432\n"
                            + "x1w1 = x1 * w1\nx2w2 = x2 * w2\nx1w1x2w2 = x1w1 + x2w2\nn = x1w1x2w2 + b\n"
                            + "# tanh(n) = (e^2n - 1) / (e^2n + 1)\ne = exp(2 * n)\no = (e - 1) / (e + 1)\n",
                    NEURON_NOTEBOOK + "# ----\ne = (2*n).exp()\no = (e - 1) / (e + 1)\n# ----\n"
                            + "o.label = 'o'\no.backward()\n"),
            new Preset("a-plus-a", "b = a + a: a Value used twice",
                    "a = 3.0\nb = a + a\n",
                    "a = Value(3.0, label='a')\nb = a + a; b.label = 'b'\nb.backward()\n"),
            new Preset("reuse", "a and b each used twice: f = (a·b)·(a + b)",
                    "a = -2.0\nb = 3.0\nd = a * b\ne = a + b\nf = d * e\n",
                    "a = Value(-2.0, label='a')\nb = Value(3.0, label='b')\nd = a * b; d.label = 'd'\n"
                            + "e = a + b; e.label = 'e'\nf = d * e; f.label = 'f'\nf.backward()\n"),
            new Preset("readme", "micrograd's README example",
                    "a = -4.0\nb = 2.0\nc = a + b\nd = a * b + b**3\nc1 = c + (c + 1)\n"
                            + "c2 = c1 + (1 + c1 + (-a))\nd1 = d + (d * 2 + relu(b + a))\n"
                            + "d2 = d1 + (3 * d1 + relu(b - a))\ne = c2 - d2\nf = e**2\ng = f / 2.0\n"
                            + "g1 = g + 10.0 / f\n",
                    // The README rebinds c, d and g with +=; the cleaned-up form names each new Value instead.
                    "a = Value(-4.0)\nb = Value(2.0)\nc = a + b\nd = a * b + b**3\nc += c + 1\n"
                            + "c += 1 + c + (-a)\nd += d * 2 + (b + a).relu()\nd += 3 * d + (b - a).relu()\n"
                            + "e = c - d\nf = e**2\ng = f / 2.0\ng += 10.0 / f\n"
                            + "print(f'{g.data:.4f}') # the forward pass gives 24.7041\ng.backward()\n"
                            + "print(f'{a.grad:.4f}') # dg/da is 138.8338\nprint(f'{b.grad:.4f}') # dg/db is 645.5773\n"),
            new Preset("mlp", "One input through a 2-2-1 tanh MLP, written out",
                    "# one example with two inputs\nx1 = 1.0\nx2 = -2.0\n"
                            + "# hidden neuron 1\nw11 = 0.5\nw12 = -0.3\nb1 = 0.1\n"
                            + "h1 = tanh(b1 + w11 * x1 + w12 * x2)\n"
                            + "# hidden neuron 2\nw21 = -0.8\nw22 = 0.2\nb2 = -0.4\n"
                            + "h2 = tanh(b2 + w21 * x1 + w22 * x2)\n"
                            + "# output neuron\nv1 = 0.7\nv2 = -0.6\nc = 0.2\n"
                            + "out = tanh(c + v1 * h1 + v2 * h2)\n",
                    "# one example with two inputs\nx1 = Value(1.0, label='x1')\nx2 = Value(-2.0, label='x2')\n"
                            + "# hidden neuron 1\nw11 = Value(0.5, label='w11')\nw12 = Value(-0.3, label='w12')\n"
                            + "b1 = Value(0.1, label='b1')\n"
                            + "h1 = (b1 + w11*x1 + w12*x2).tanh(); h1.label = 'h1'\n"
                            + "# hidden neuron 2\nw21 = Value(-0.8, label='w21')\nw22 = Value(0.2, label='w22')\n"
                            + "b2 = Value(-0.4, label='b2')\n"
                            + "h2 = (b2 + w21*x1 + w22*x2).tanh(); h2.label = 'h2'\n"
                            + "# output neuron\nv1 = Value(0.7, label='v1')\nv2 = Value(-0.6, label='v2')\n"
                            + "c = Value(0.2, label='c')\n"
                            + "out = (c + v1*h1 + v2*h2).tanh(); out.label = 'out'\nout.backward()\n"));

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

    /** The preset whose text, in either form, is exactly this one, or null: the text is the student's own. */
    public static Preset holding(String text) {
        for (Preset p : ALL) {
            if (p.program().equals(text) || p.notebook().equals(text)) {
                return p;
            }
        }
        return null;
    }
}
