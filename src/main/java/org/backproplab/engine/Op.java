package org.backproplab.engine;

/**
 * The ops a {@link Value} can come from, each with its whole story in one place, as micrograd's engine.py keeps an
 * op's local derivative right under its forward computation. An op is the single source of:
 * <ul>
 *   <li>its forward value, {@link #forward};</li>
 *   <li>its local derivative d out / d child, {@link #local};</li>
 *   <li>its symbol in drawings and programs;</li>
 *   <li>its Python: the micrograd {@code _backward} line for each child, and for the functions stock micrograd
 *       lacks, the forward line the exported code defines them with;</li>
 *   <li>its sentence in the step-by-step view, {@link #describe}, and its chain rule in words for a by-hand answer,
 *       {@link #rule}.</li>
 * </ul>
 * Value, the nn package's activations, losses and tape, the Python export, the step view and the trainer's inspected
 * example all read these from here, so adding an op touches this file (and Value's one-line method for it).
 *
 * <p>In {@link #forward} and {@link #local}, x is the first operand's data and y the second's, or the constant k of
 * x**k; out is the result. The functions write their derivative from their output where micrograd does (tanh's
 * {@code 1 - t**2}, sigmoid's {@code s*(1-s)}, exp's {@code out}, relu's {@code out > 0}), so the tape, which keeps
 * only outputs, can take them without the input.
 */
public enum Op {
    LEAF("", false, "", new String[0]) {
        @Override
        public double forward(double x, double y) {
            throw new IllegalStateException("a leaf has no forward computation");
        }

        @Override
        public double local(int child, double x, double y, double out) {
            throw new IllegalStateException("a leaf has no children");
        }

        @Override
        public String describe(String[] in, String out) {
            return out + " is a leaf";
        }

        @Override
        public String rule(String child, String out) {
            return out + " is a leaf: nothing passes a grad through it";
        }
    },

    ADD("+", true, "", new String[] {"self.grad += out.grad", "other.grad += out.grad"}) {
        @Override
        public double forward(double x, double y) {
            return x + y;
        }

        @Override
        public double local(int child, double x, double y, double out) {
            return 1; // + routes the grad to both inputs unchanged
        }

        @Override
        public String describe(String[] in, String out) {
            return in[0] + " + " + in[1] + " (local derivative 1 for each)";
        }

        @Override
        public String rule(String child, String out) {
            return child + " reaches " + out + " through +: a + passes " + out + "'s grad on unchanged";
        }
    },

    MUL("*", true, "", new String[] {"self.grad += other.data * out.grad", "other.grad += self.data * out.grad"}) {
        @Override
        public double forward(double x, double y) {
            return x * y;
        }

        @Override
        public double local(int child, double x, double y, double out) {
            return child == 0 ? y : x; // each input's local derivative is the other input's data
        }

        @Override
        public String describe(String[] in, String out) {
            return in[0] + " × " + in[1] + " (each child's local derivative is the other's data)";
        }

        @Override
        public String rule(String child, String out) {
            return child + " reaches " + out + " through ×: multiply " + out + "'s grad by the other input's data";
        }
    },

    /** x**k for a constant k, as micrograd's __pow__ takes only an int or float. */
    POW("**", true, "", new String[] {"self.grad += (other * self.data**(other-1)) * out.grad"}) {
        @Override
        public double forward(double x, double k) {
            return Math.pow(x, k);
        }

        @Override
        public double local(int child, double x, double k, double out) {
            return k * Math.pow(x, k - 1);
        }

        @Override
        public String describe(String[] in, String out) {
            return in[0] + out + " (local derivative k·x^(k−1))";
        }

        @Override
        public String rule(String child, String out) {
            return out + " = " + child + "**k: multiply " + out + "'s grad by k·" + child + "^(k−1)";
        }
    },

    TANH("tanh", false, "t = math.tanh(self.data)", new String[] {"self.grad += (1 - t**2) * out.grad"}) {
        @Override
        public double forward(double x, double y) {
            return Math.tanh(x);
        }

        @Override
        public double local(int child, double x, double y, double t) {
            return 1 - t * t;
        }

        @Override
        public String describe(String[] in, String out) {
            return "tanh(" + in[0] + ") (local derivative 1 − tanh²)";
        }

        @Override
        public String rule(String child, String out) {
            return out + " = tanh(" + child + "): multiply " + out + "'s grad by 1 − " + out + "²";
        }
    },

    EXP("exp", false, "e = math.exp(self.data)", new String[] {"self.grad += out.data * out.grad"}) {
        @Override
        public double forward(double x, double y) {
            return Math.exp(x);
        }

        @Override
        public double local(int child, double x, double y, double out) {
            return out; // exp is its own derivative
        }

        @Override
        public String describe(String[] in, String out) {
            return "exp(" + in[0] + ") (local derivative exp itself)";
        }

        @Override
        public String rule(String child, String out) {
            return out + " = exp(" + child + "): multiply " + out + "'s grad by " + out + "'s own data (exp is its own "
                    + "derivative)";
        }
    },

    LOG("log", false, "l = math.log(self.data)", new String[] {"self.grad += (1 / self.data) * out.grad"}) {
        @Override
        public double forward(double x, double y) {
            return Math.log(x);
        }

        @Override
        public double local(int child, double x, double y, double out) {
            return 1 / x;
        }

        @Override
        public String describe(String[] in, String out) {
            return "log(" + in[0] + ") (local derivative 1/x)";
        }

        @Override
        public String rule(String child, String out) {
            return out + " = log(" + child + "): multiply " + out + "'s grad by 1/" + child;
        }
    },

    RELU("relu", true, "", new String[] {"self.grad += (out.data > 0) * out.grad"}) {
        @Override
        public double forward(double x, double y) {
            return x < 0 ? 0 : x;
        }

        @Override
        public double local(int child, double x, double y, double out) {
            return out > 0 ? 1 : 0; // the grad passes only where the output is > 0
        }

        @Override
        public String describe(String[] in, String out) {
            return "relu(" + in[0] + ") (local derivative 1 if out > 0, else 0)";
        }

        @Override
        public String rule(String child, String out) {
            return out + " = relu(" + child + "): " + out + "'s grad passes on unchanged where " + out + " > 0, and "
                    + "as 0 where it isn't";
        }
    },

    /*
     * Java's 1 / (1 + Infinity) is 0 where e**-x passes the largest double, but Python's math.exp raises, so the
     * exported forward catches that and gives 0 as Java does.
     */
    SIGMOID("sigmoid", false, "try:\n    s = 1 / (1 + math.exp(-self.data))\nexcept OverflowError:\n    s = 0.0",
            new String[] {"self.grad += s * (1 - s) * out.grad"}) {
        @Override
        public double forward(double x, double y) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        public double local(int child, double x, double y, double s) {
            return s * (1 - s);
        }

        @Override
        public String describe(String[] in, String out) {
            return "sigmoid(" + in[0] + ") (local derivative s·(1 − s))";
        }

        @Override
        public String rule(String child, String out) {
            return out + " = sigmoid(" + child + "): multiply " + out + "'s grad by " + out + "·(1 − " + out + ")";
        }
    },

    /**
     * sin x, which TF Playground's sin x1 and sin x2 features need; stock micrograd lacks it. Its derivative cos x
     * needs the input, not the output (sin doesn't tell cos's sign), so the export's forward keeps only the result.
     */
    SIN("sin", false, "sn = math.sin(self.data)", new String[] {"self.grad += math.cos(self.data) * out.grad"}) {
        @Override
        public double forward(double x, double y) {
            return Math.sin(x);
        }

        @Override
        public double local(int child, double x, double y, double out) {
            return Math.cos(x);
        }

        @Override
        public String describe(String[] in, String out) {
            return "sin(" + in[0] + ") (local derivative cos x)";
        }

        @Override
        public String rule(String child, String out) {
            return out + " = sin(" + child + "): multiply " + out + "'s grad by cos(" + child + ")";
        }
    };

    /** How drawings and programs write the op: "+", "*", "**", or the function's name. */
    public final String symbol;
    /** True if stock micrograd (pip install micrograd) has the op; the export defines the others. */
    public final boolean inStockMicrograd;
    /**
     * For a function stock micrograd lacks: the Python that computes its result from {@code self.data} into a
     * variable its {@code _backward} line reads (t, e, l, s); "" otherwise.
     */
    public final String pythonForward;
    private final String[] backwardLines;

    Op(String symbol, boolean inStockMicrograd, String pythonForward, String[] backwardLines) {
        this.symbol = symbol;
        this.inStockMicrograd = inStockMicrograd;
        this.pythonForward = pythonForward;
        this.backwardLines = backwardLines;
    }

    /** The result for first operand x and second operand (or POW's constant) y. */
    public abstract double forward(double x, double y);

    /** d out / d child, from the operands and the result {@link #forward} gave. */
    public abstract double local(int child, double x, double y, double out);

    /**
     * The step view's sentence for this op applied to the named inputs: "a × b (each child's local derivative is the
     * other's data)". {@code out} is the op as {@link Value#op()} names it ("**2" for a square).
     */
    public abstract String describe(String[] in, String out);

    /**
     * The chain rule for a child of this op in words, without numbers, for a student whose by-hand answer for the
     * child was wrong: "e reaches L through ×: multiply L's grad by the other input's data".
     */
    public abstract String rule(String child, String out);

    /** How many inputs the op takes. */
    public int arity() {
        return backwardLines.length;
    }

    /**
     * micrograd's {@code _backward} line for a child, as engine.py and the lecture write it: self is the first input,
     * other the second (or POW's exponent), out the result.
     */
    public String backwardLine(int child) {
        return backwardLines[child];
    }

    /** True for the functions written f(x): tanh, exp, log, relu, sigmoid, sin. */
    public boolean isFunction() {
        return arity() == 1 && this != POW;
    }

    /** The function called name (tanh, exp, log, relu, sigmoid, sin), or null. */
    public static Op function(String name) {
        for (Op op : values()) {
            if (op.isFunction() && op.symbol.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
