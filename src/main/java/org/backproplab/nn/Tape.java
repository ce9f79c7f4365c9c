package org.backproplab.nn;

import static org.backproplab.nn.Checked.add;
import static org.backproplab.nn.Checked.get;
import static org.backproplab.nn.Checked.set;
import static org.backproplab.nn.Checked.zero;

import java.util.List;
import org.backproplab.engine.Value;

/**
 * The compiled fast path. One training step of the demo builds ~66,000 Value objects, but their shape never changes
 * from step to step: only the numbers do. So the step is compiled once, for a given model, loss and batch size,
 * into a flat tape: op codes and operand indices in int arrays, and every number the step computes in one
 * {@code data} array with a matching {@code grad} array. Replaying the tape forward and then backward runs the
 * same arithmetic as the Value graph, in the same order, and allocates nothing.
 *
 * <p>A tape op is coarser than a Value op: one NEURON op does a neuron's whole {@code act(b + w0*x0 + ...)}, and its
 * backward pass does what the graph's chain of + and * nodes would do. The backward pass visits the ops in reverse,
 * which hands every gradient its contributions in the same order as the Value engine's reverse topological order,
 * so the two engines agree to the last bit (the unit tests hold them to 1e-9).
 *
 * <p>Products are written with any compound factor on the left, {@code (x * y) * z} rather than {@code z * (x * y)}:
 * TeaVM 0.16's JavaScript output drops the parentheses of a right-hand product or quotient ({@code z * x * y}),
 * which rounds differently. Multiplication is commutative in IEEE arithmetic, so the left form loses nothing.
 *
 * <p>The replay reads and writes its arrays through {@link #get}, {@link #set} and {@link #add}, which check the bounds
 * themselves, and not with {@code a[i]}: see there for why.
 *
 * <p>The layout of {@code data} and {@code grad}: the parameters first, in micrograd's order (so an optimizer updates
 * {@code data[0..parameterCount)} in place), then each batch point's inputs (its features, when the spec chooses
 * some: they are data, so nothing passes a grad into them), then the labels, then each point's
 * neuron outputs, then the per-point losses, then the data loss, the L2 term and the total.
 */
public final class Tape {
    // Op codes. Operands: out = where the result goes, in = first input, par = first parameter (or the label), n.
    private static final int NEURON = 0;       // data[out] = act(data[par+n] + data[par]*data[in] + ...), n inputs
    private static final int INPUT_NEURON = 1; // the same, in the first layer: its inputs are data, so they get no grad
    private static final int LOSS = 2;         // data[out] = the point loss of the n scores from data[in], label data[par]
    private static final int SUM = 3;          // data[out] = 0 + data[in] + ... + data[in+n-1]
    private static final int MEAN = 4;         // data[out] = (0 + data[in] + ... + data[in+n-1]) * (1.0/n)
    private static final int L2 = 5;           // data[out] = (0 + p0*p0 + ... ) * alpha, over the n parameters
    private static final int ADD = 6;          // data[out] = data[in] + data[par]

    public final double[] data;
    public final double[] grad;
    public final int parameterCount;
    public final int batchSize;

    private final int[] op;
    private final int[] out;
    private final int[] in;
    private final int[] par;
    private final int[] len;
    private final Activation[] act;
    private final double[] constant; // alpha for L2, 1.0/n for MEAN
    private final Loss.Type lossType;
    private int opCount;

    private final Features features;
    private final double[] featureScratch;
    private final int nin;
    private final int nout;
    private final int[] sizes;
    private final Activation[] layerActivation;
    private final int inputStart;
    private final int labelStart;
    private final int outputsStart;
    private final int outputsPerPoint;
    private final int root;

    // predict()'s scratch space, reused so that a heatmap allocates nothing
    private final double[] scratchIn;
    private final double[] scratchOut;

    /** Compiles one step of training this model's architecture with this loss on batches of batchSize points. */
    public Tape(MLP model, Loss loss, int batchSize) {
        this(model, loss, batchSize, Features.raw(model.nin));
    }

    /** The same, for a model whose inputs are these features of each point. */
    public Tape(MLP model, Loss loss, int batchSize, Features features) {
        check(model, loss, features);
        this.sizes = model.sizes();
        this.nout = sizes[sizes.length - 1];
        this.features = features;
        this.featureScratch = new double[features.count()];
        this.nin = model.nin;
        this.batchSize = batchSize;
        this.parameterCount = model.parameterCount();
        this.layerActivation = new Activation[sizes.length];
        int width = nin;
        int outputs = 0;
        for (int l = 0; l < sizes.length; l++) {
            layerActivation[l] = model.layers[l].neurons[0].activation;
            outputs += sizes[l];
            width = Math.max(width, sizes[l]);
        }
        this.outputsPerPoint = outputs;
        this.inputStart = parameterCount;
        this.labelStart = inputStart + batchSize * nin;
        this.outputsStart = labelStart + batchSize;
        int lossStart = outputsStart + batchSize * outputs;
        int dataLoss = lossStart + batchSize;
        int reg = dataLoss + 1;
        int total = reg + 1;
        this.data = new double[total + 1];
        this.grad = new double[total + 1];

        int neuronCount = outputs * batchSize;
        int capacity = neuronCount + batchSize + 3;
        op = new int[capacity];
        out = new int[capacity];
        in = new int[capacity];
        par = new int[capacity];
        len = new int[capacity];
        act = new Activation[capacity];
        constant = new double[capacity];

        lossType = loss.type();
        for (int b = 0; b < batchSize; b++) {
            emitPoint(b, lossStart + b);
        }
        emit(loss.reduction() == Loss.Reduction.MEAN ? MEAN : SUM, dataLoss, lossStart, 0, batchSize, 1.0 / batchSize);
        if (loss.l2() != 0) {
            emit(L2, reg, 0, 0, parameterCount, loss.l2());
            emit(ADD, total, dataLoss, reg, 2, 0);
            root = total;
        } else {
            root = dataLoss;
        }
        scratchIn = new double[width];
        scratchOut = new double[width];
        loadParameters(model.parameterValues());
    }

    private static void check(MLP model, Loss loss, Features features) {
        int scores = model.sizes()[model.sizes().length - 1];
        if (loss.type() == Loss.Type.SOFTMAX ? scores < 2 : scores != 1) {
            throw new IllegalArgumentException(loss.type() == Loss.Type.SOFTMAX
                    ? "the softmax loss needs a score per class: the last layer must have at least 2 neurons"
                    : "the loss needs one score per point: the last layer must have 1 neuron");
        }
        if (features.count() != model.nin) {
            throw new IllegalArgumentException("the model takes " + model.nin + " inputs, the features are "
                    + features.count());
        }
    }

    /** Batch point b's forward pass, neuron by neuron and layer by layer, then its loss into data[lossAt]. */
    private void emitPoint(int b, int lossAt) {
        int layerIn = inputStart + b * nin;
        int layerOut = outputsStart + b * outputsPerPoint;
        int layerWidth = nin;
        int param = 0;
        for (int l = 0; l < sizes.length; l++) {
            for (int j = 0; j < sizes[l]; j++) {
                emit(l == 0 ? INPUT_NEURON : NEURON, layerOut + j, layerIn, param, layerWidth, 0);
                act[opCount - 1] = layerActivation[l];
                param += layerWidth + 1;
            }
            layerIn = layerOut;
            layerOut += sizes[l];
            layerWidth = sizes[l];
        }
        emit(LOSS, lossAt, layerIn, labelStart + b, nout, 0); // layerIn is now the first score
    }

    private void emit(int code, int outIndex, int inIndex, int parIndex, int n, double k) {
        op[opCount] = code;
        out[opCount] = outIndex;
        in[opCount] = inIndex;
        par[opCount] = parIndex;
        len[opCount] = n;
        constant[opCount] = k;
        opCount++;
    }

    // ---- parameters and batches ----

    public void loadParameters(double[] values) {
        if (values.length != parameterCount) {
            throw new IllegalArgumentException("expected " + parameterCount + " parameter values, got " + values.length);
        }
        System.arraycopy(values, 0, data, 0, parameterCount);
    }

    public double[] parameterValues() {
        double[] values = new double[parameterCount];
        System.arraycopy(data, 0, values, 0, parameterCount);
        return values;
    }

    /** Copies the parameters into a Value model of the same architecture. */
    public void copyParametersTo(MLP model) {
        List<Value> params = model.parameters();
        for (int i = 0; i < parameterCount; i++) {
            params.get(i).data = data[i];
        }
    }

    /** Puts a point (its coordinates, which become its features) into batch slot b. */
    public void setPoint(int b, double[] x, double y) {
        features.apply(x, featureScratch);
        System.arraycopy(featureScratch, 0, data, inputStart + b * nin, nin);
        data[labelStart + b] = y;
    }

    /** The model's (first) score for batch point b after {@link #forward()}. */
    public double score(int b) {
        return data[firstScore(b)];
    }

    /** Where batch point b's scores start: its last layer's first output. */
    private int firstScore(int b) {
        return outputsStart + b * outputsPerPoint + outputsPerPoint - nout;
    }

    /** The fraction of the batch classified right, as {@link Loss#accuracy}, after {@link #forward()}. */
    public double accuracy() {
        int correct = 0;
        for (int b = 0; b < batchSize; b++) {
            double y = data[labelStart + b];
            if (nout == 1 ? (y > 0) == (score(b) > 0) : Loss.argmax(data, firstScore(b), nout) == y) {
                correct++;
            }
        }
        return (double) correct / batchSize;
    }

    /** How many ops one replay runs (each NEURON op stands for a whole neuron). */
    public int opCount() {
        return opCount;
    }

    // ---- replay ----

    /** Runs the ops in order and returns the loss. */
    public double forward() {
        final double[] v = data;
        for (int k = 0; k < opCount; k++) {
            int o = get(out, k);
            int a = get(in, k);
            int p = get(par, k);
            int n = get(len, k);
            int code = get(op, k);
            switch (code) {
                case NEURON:
                case INPUT_NEURON: {
                    double s = get(v, p + n); // the bias first: ((b + w0*x0) + w1*x1) + ...
                    for (int i = 0; i < n; i++) {
                        s = s + get(v, p + i) * get(v, a + i);
                    }
                    set(v, o, get(act, k).apply(s));
                    break;
                }
                case LOSS:
                    set(v, o, lossType == Loss.Type.SOFTMAX ? Loss.softmaxValue(v, a, n, (int) get(v, p))
                            : Loss.pointLossValue(lossType, get(v, a), get(v, p)));
                    break;
                case SUM:
                case MEAN: {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s = s + get(v, a + i);
                    }
                    set(v, o, code == MEAN ? s * get(constant, k) : s); // constant = 1.0/n, as micrograd's * (1.0/len)
                    break;
                }
                case L2: {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s = s + get(v, i) * get(v, i);
                    }
                    set(v, o, s * get(constant, k));
                    break;
                }
                case ADD:
                    set(v, o, get(v, a) + get(v, p));
                    break;
                default:
                    throw new IllegalStateException("bad op " + code);
            }
        }
        return get(v, root);
    }

    /**
     * Zeroes every grad, sets the loss's grad to 1 and runs the ops backwards, each applying the chain rule for the
     * Value nodes it stands for. Each line below names the Value op whose backward step it repeats.
     */
    public void backward() {
        backward(true);
    }

    /**
     * The same, but with {@code zeroParameterGrads} false the parameters' grads are kept and added to, as in
     * micrograd when {@code p.grad = 0.0} is left out (the rest of the graph is new each step there, so only the
     * parameters carry grads over).
     */
    public void backward(boolean zeroParameterGrads) {
        final double[] v = data;
        final double[] g = grad;
        zero(g, zeroParameterGrads ? 0 : parameterCount);
        set(g, root, 1);
        for (int k = opCount - 1; k >= 0; k--) {
            int o = get(out, k);
            int a = get(in, k);
            int p = get(par, k);
            int n = get(len, k);
            int code = get(op, k);
            switch (code) {
                case NEURON:
                case INPUT_NEURON: {
                    double up = get(act, k).derivativeFromOutput(get(v, o)) * get(g, o); // through the activation
                    if (up == 0) {
                        break; // a dead relu: every contribution below would be a zero
                    }
                    add(g, p + n, up); // +: the bias
                    if (code == NEURON) {
                        for (int i = 0; i < n; i++) {
                            add(g, p + i, get(v, a + i) * up); // *: w.grad += x * grad
                            add(g, a + i, get(v, p + i) * up); // *: x.grad += w * grad
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            add(g, p + i, get(v, a + i) * up);
                        }
                    }
                    break;
                }
                case LOSS:
                    lossGrad(a, n, get(v, p), get(g, o));
                    break;
                case SUM:
                case MEAN: {
                    double up = code == MEAN ? get(constant, k) * get(g, o) : get(g, o);
                    for (int i = n - 1; i >= 0; i--) {
                        add(g, a + i, up);
                    }
                    break;
                }
                case L2: {
                    double up = get(constant, k) * get(g, o);
                    for (int i = n - 1; i >= 0; i--) {
                        add(g, i, get(v, i) * up); // p * p: once for each operand
                        add(g, i, get(v, i) * up);
                    }
                    break;
                }
                case ADD:
                    add(g, a, get(g, o));
                    add(g, p, get(g, o));
                    break;
                default:
                    throw new IllegalStateException("bad op " + code);
            }
        }
    }

    /** The LOSS op's backward step: what the point loss passes back to its n scores from data[a], given its grad. */
    private void lossGrad(int a, int n, double label, double up) {
        if (lossType == Loss.Type.SOFTMAX) {
            Loss.softmaxGrad(data, grad, a, n, (int) label, up);
        } else {
            add(grad, a, Loss.pointLossGrad(lossType, get(data, a), label, up));
        }
    }

    /**
     * The model's first output for input x, from the current parameters, without a graph or a tape replay: the same
     * arithmetic as {@link MLP#predict}, reading the parameters from the front of {@code data}. Allocates nothing.
     */
    public double predict(double[] x) {
        return run(x)[0];
    }

    /** Every score for input x into outputs, as {@link #predict} computes the first. */
    public void predict(double[] x, double[] outputs) {
        System.arraycopy(run(x), 0, outputs, 0, nout);
    }

    /** The forward pass from the parameters; returns the scratch array that holds the last layer's outputs. */
    private double[] run(double[] x) {
        final double[] v = data;
        double[] inputs = scratchIn;
        double[] outputs = scratchOut;
        for (int i = 0; i < nin; i++) {
            set(inputs, i, get(x, i));
        }
        int width = nin;
        int p = 0;
        for (int l = 0; l < sizes.length; l++) {
            Activation activation = get(layerActivation, l);
            int size = get(sizes, l);
            for (int j = 0; j < size; j++) {
                double s = get(v, p + width);
                for (int i = 0; i < width; i++) {
                    s = s + get(v, p + i) * get(inputs, i);
                }
                set(outputs, j, activation.apply(s));
                p += width + 1;
            }
            width = size;
            double[] t = inputs;
            inputs = outputs;
            outputs = t;
        }
        return inputs;
    }
}
