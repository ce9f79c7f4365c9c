package org.backproplab.nn;

import java.util.List;
import java.util.Map;
import org.backproplab.data.Dataset;
import org.backproplab.data.Datasets;
import org.backproplab.data.Json;
import org.backproplab.data.Rng;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;

import static org.backproplab.nn.SpecFields.array;
import static org.backproplab.nn.SpecFields.asArray;
import static org.backproplab.nn.SpecFields.asObject;
import static org.backproplab.nn.SpecFields.atMost;
import static org.backproplab.nn.SpecFields.choice;
import static org.backproplab.nn.SpecFields.describe;
import static org.backproplab.nn.SpecFields.integer;
import static org.backproplab.nn.SpecFields.nonNegative;
import static org.backproplab.nn.SpecFields.number;
import static org.backproplab.nn.SpecFields.object;
import static org.backproplab.nn.SpecFields.positiveInt;
import static org.backproplab.nn.SpecFields.required;

/**
 * A training run as plain data: the {@code train --spec FILE.json} contract. The format (see
 * src/main/resources/micrograd-demo.json, micrograd's own demo run):
 *
 * <pre>
 * task       optional: "classification" (the default) or "regression"
 * data       {"points": [[x, y], ...], "labels": [-1 or 1, ...]}: labels are class indices 0..k-1 for the softmax
 *            loss; for regression, "targets": [numbers from -100 to 100] in place of labels; x and y from -1e6 to 1e6
 *            or {"generator": "moons|circles|xor|spiral|gauss|lecture|blobs|boundary_sin|boundary_cubic|boundary_abs",
 *            "n": 100, "noise": 0.1, "seed": 0, "classes": 3} (n, noise and seed may be left out: 100, 0.1 and 0;
 *            noise is at most 2;
 *            classes is for spiral (2 arms unless given) and blobs (3 unless given), 2 to 8), or for regression
 *            {"generator": "plane|gaussians|sine", ...} (sine's points have 1 coordinate)
 * features   optional: any of "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)", made from each point's two
 *            coordinates before the first layer (default: the coordinates themselves)
 * model      {"inputs": 2, "layers": [16, 16, 1], "activation": "relu|tanh|sigmoid" (relu),
 *             "output": "linear|tanh" (linear), "bias": "zero|uniform" (zero)}; inputs counts the coordinates; the
 *             last layer has 1 neuron, or k >= 2 for softmax (left linear by any output activation)
 * init       optional: every parameter's initial value, in micrograd's order (the network after the features);
 *            otherwise drawn from seed
 * loss       {"type": "svm|mse|logistic|softmax", "l2": 0 (0), "reduction": "mean|sum" (mean)}; regression uses mse
 * optimizer  {"type": "sgd|momentum|adam", "lr_start": 1.0, "lr_end": (lr_start), "decay": "linear|none" (linear),
 *             "momentum": 0.9, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "zero_grad": true|false (true)}
 * steps      the number of steps
 * batch      optional: points per step (full batch when absent)
 * seed       optional: for the initial parameters and the minibatches (0)
 * </pre>
 *
 * Unknown fields (such as "about" and "expected") are ignored. A missing or ill-typed field is an error that names
 * it, e.g. {@code model.layers[1]: expected a positive integer, got a string}.
 *
 * <p>A run file may come from anyone, so its sizes are limited before anything is built from it: the same limits as
 * the trainer's own controls and links (MAX_POINTS, MAX_NEURONS, MAX_HIDDEN_LAYERS), a cap on the text, and finite
 * numbers only, within the ranges Dataset keeps users' points and targets to (a target from -100 to 100). The page and
 * the command line both read files through {@link #parse}, so both get them.
 */
public record TrainSpec(Dataset data, int inputs, int[] layers, Activation activation, Activation output,
                        boolean uniformBias, double[] init, Loss loss, Optimizer.Settings optimizer, int steps, int batch,
                        int seed, Features features) {

    /** The most points a run trains on, generated (data.n) or listed (data.points). */
    public static final int MAX_POINTS = 1000;
    /** The most hidden layers: model.layers holds at most this many, plus the output layer. */
    public static final int MAX_HIDDEN_LAYERS = 6;
    /** The most neurons in one layer. */
    public static final int MAX_NEURONS = 64;
    /** The most coordinates per point (model.inputs); the page's own data has 2, the lecture's 3. */
    public static final int MAX_INPUTS = 64;
    /**
     * The longest text {@link #parse} reads, in characters: 5 MB. The biggest model file the limits allow, with its
     * weights, points and scores at full precision, is about 1.9 MB (ModelFileTest keeps it under half the cap). On
     * the command line the cap is on the file's size in bytes, which is never less than its length in characters.
     */
    public static final int MAX_TEXT_LENGTH = 5_000_000;

    /** A spec that cannot be used; the message starts with the field (or the line and column) at fault. */
    public static final class SpecException extends RuntimeException {
        public SpecException(String message) {
            super(message);
        }
    }

    /** A run whose network sees the coordinates themselves. */
    public TrainSpec(Dataset data, int inputs, int[] layers, Activation activation, Activation output,
                     boolean uniformBias, double[] init, Loss loss, Optimizer.Settings optimizer, int steps, int batch,
                     int seed) {
        this(data, inputs, layers, activation, output, uniformBias, init, loss, optimizer, steps, batch, seed,
                Features.raw(inputs));
    }

    public TrainSpec {
        boolean softmax = loss.type() == Loss.Type.SOFTMAX;
        int scores = layers.length == 0 ? 0 : layers[layers.length - 1];
        if (!softmax && scores != 1) {
            throw new SpecException("model.layers: the last layer must have 1 neuron (the score)");
        }
        if (softmax && scores < 2) {
            throw new SpecException("model.layers: the softmax loss needs one score per class: the last layer must have"
                    + " at least 2 neurons");
        }
        if (data.size() == 0) {
            throw new SpecException("data: no points");
        }
        if (data.dims() != inputs) {
            throw new SpecException("model.inputs: is " + inputs + ", but the data has " + data.dims()
                    + " coordinates per point");
        }
        checkLabels(data, loss.type(), scores);
        if (features.inputs() != inputs) {
            throw new SpecException("features: they are made from a point's x1 and x2, so model.inputs must be 2, not "
                    + inputs);
        }
        int parameters = MLP.parameterCount(features.count(), layers);
        if (init != null && init.length != parameters) {
            throw new SpecException("init: expected " + parameters + " numbers (one per parameter),"
                    + " got " + init.length);
        }
        if (batch < 0 || batch > data.size()) {
            throw new SpecException("batch: expected at most the " + data.size() + " points, got " + batch);
        }
    }

    /** Whether the data's labels suit the loss: real targets for mse regression, class indices for softmax. */
    private static void checkLabels(Dataset data, Loss.Type loss, int scores) {
        switch (data.labels()) {
            case TARGETS:
                if (loss != Loss.Type.MSE) {
                    throw new SpecException("loss.type: regression learns real targets with mse, got " + loss.id());
                }
                break;
            case CLASSES:
                if (loss != Loss.Type.SOFTMAX) {
                    throw new SpecException("loss.type: class indices 0.." + (data.classes() - 1) + " need the softmax "
                            + "loss, got " + loss.id());
                }
                if (data.classes() > scores) {
                    throw new SpecException("model.layers: the data has " + data.classes() + " classes, so the last "
                            + "layer needs at least " + data.classes() + " neurons, one score per class; it has "
                            + scores);
                }
                break;
            default:
                if (loss == Loss.Type.SOFTMAX) {
                    throw new SpecException("data.labels: the softmax loss needs class indices 0..k-1, not -1 and 1");
                }
        }
    }

    /** The same run starting from these weights (a trained model's, for its model file). */
    public TrainSpec withInit(double[] weights) {
        return new TrainSpec(data, inputs, layers, activation, output, uniformBias, weights, loss, optimizer, steps,
                batch, seed, features);
    }

    /** True when the run learns real targets (task regression) rather than classes. */
    public boolean regression() {
        return data.labels() == Dataset.Labels.TARGETS;
    }

    /** A fresh model as the spec describes it, with the spec's init or drawn from its seed. */
    public MLP model() {
        // a softmax's scores are left linear: its exp turns them into probabilities, and tanh would cap them at 1
        Activation last = loss.type() == Loss.Type.SOFTMAX ? Activation.LINEAR : output;
        MLP model = new MLP(features.count(), layers, activation, last, new Rng(seed), uniformBias);
        if (init != null) {
            model.load(init);
        }
        return model;
    }

    // ---- parsing ----

    public static TrainSpec parse(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new SpecException("spec: the text has " + text.length() + " characters; expected at most "
                    + MAX_TEXT_LENGTH + " (5 MB)");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.ParseException e) {
            throw new SpecException(e.getMessage());
        }
        if (!(root instanceof Map)) {
            throw new SpecException("spec: expected an object, got " + Json.typeName(root));
        }
        Map<String, Object> spec = asObject(root, "spec");

        Map<String, Object> model = object(spec, "model", "model");
        int inputs = atMost(positiveInt(model, "inputs", "model.inputs"), MAX_INPUTS, "model.inputs", " inputs");
        int[] layers = layers(model);
        Activation activation = choice(model, "activation", "model.activation", Activation.RELU, Activation.HIDDEN);
        Activation output = choice(model, "output", "model.output", Activation.LINEAR, Activation.OUTPUT);
        boolean uniformBias = choice(model, "bias", "model.bias", Bias.ZERO, Bias.values()) == Bias.UNIFORM;
        Map<String, Object> lossSpec = object(spec, "loss", "loss");
        Loss loss = new Loss(
                choice(lossSpec, "type", "loss.type", null, Loss.Type.values()),
                choice(lossSpec, "reduction", "loss.reduction", Loss.Reduction.MEAN, Loss.Reduction.values()),
                nonNegative(lossSpec, "l2", "loss.l2", 0));
        boolean regression = choice(spec, "task", "task", Task.CLASSIFICATION, Task.values()) == Task.REGRESSION;
        if (regression && loss.type() != Loss.Type.MSE) {
            throw new SpecException("loss.type: regression learns real targets with mse, got " + loss.type().id());
        }
        Dataset.Labels labels = regression ? Dataset.Labels.TARGETS
                : loss.type() == Loss.Type.SOFTMAX ? Dataset.Labels.CLASSES : Dataset.Labels.SIGNS;
        Dataset data = data(object(spec, "data", "data"), inputs, labels);
        Features features = features(spec, inputs);
        double[] init = init(spec);
        Optimizer.Settings optimizer = optimizer(object(spec, "optimizer", "optimizer"));
        int steps = integer(required(spec, "steps", "steps", "a non-negative integer"), "steps", 0,
                "a non-negative integer");
        int batch = spec.containsKey("batch") ? positiveInt(spec, "batch", "batch") : 0;
        int seed = spec.containsKey("seed") ? integer(spec.get("seed"), "seed", Integer.MIN_VALUE, "an integer") : 0;
        return new TrainSpec(data, inputs, layers, activation, output, uniformBias, init, loss, optimizer, steps, batch,
                seed, features);
    }

    /** "features": a non-empty list of distinct feature ids, for points of the plane; missing: the raw inputs. */
    private static Features features(Map<String, Object> spec, int inputs) {
        if (!spec.containsKey("features")) {
            return Features.raw(inputs);
        }
        List<Object> ids = array(spec, "features", "features");
        if (ids.isEmpty()) {
            throw new SpecException("features: expected at least one of " + Choice.ids(Features.Feature.values()));
        }
        if (inputs != 2) {
            throw new SpecException("features: they are made from a point's x1 and x2, so model.inputs must be 2, not "
                    + inputs);
        }
        Features.Feature[] chosen = new Features.Feature[ids.size()];
        for (int i = 0; i < chosen.length; i++) {
            String path = "features[" + i + "]";
            Object id = ids.get(i);
            if (!(id instanceof String)) {
                throw new SpecException(path + ": expected " + Choice.ids(Features.Feature.values()) + ", got "
                        + Json.typeName(id));
            }
            try {
                chosen[i] = Choice.parse(path, Features.Feature.values(), (String) id);
            } catch (IllegalArgumentException e) {
                throw new SpecException(e.getMessage());
            }
            for (int j = 0; j < i; j++) {
                if (chosen[j] == chosen[i]) {
                    throw new SpecException(path + ": '" + id + "' is already features[" + j + "]");
                }
            }
        }
        return Features.of(chosen);
    }

    private static int[] layers(Map<String, Object> model) {
        List<Object> layerList = array(model, "layers", "model.layers");
        if (layerList.isEmpty()) {
            throw new SpecException("model.layers: expected at least one layer");
        }
        if (layerList.size() > MAX_HIDDEN_LAYERS + 1) {
            throw new SpecException("model.layers: expected at most " + MAX_HIDDEN_LAYERS + " hidden layers and the "
                    + "output layer, got " + layerList.size() + " layers");
        }
        int[] layers = new int[layerList.size()];
        for (int i = 0; i < layers.length; i++) {
            String path = "model.layers[" + i + "]";
            layers[i] = atMost(positiveInt(layerList.get(i), path), MAX_NEURONS, path, " neurons");
        }
        return layers;
    }

    private static Optimizer.Settings optimizer(Map<String, Object> opt) {
        Optimizer.Kind kind = choice(opt, "type", "optimizer.type", null, Optimizer.Kind.values());
        double lrStart = nonNegative(opt, "lr_start", "optimizer.lr_start", Double.NaN);
        return new Optimizer.Settings(kind, lrStart,
                nonNegative(opt, "lr_end", "optimizer.lr_end", lrStart),
                choice(opt, "decay", "optimizer.decay", Decay.LINEAR, Decay.values()) == Decay.LINEAR,
                number(opt, "momentum", "optimizer.momentum", 0.9),
                number(opt, "beta1", "optimizer.beta1", 0.9),
                number(opt, "beta2", "optimizer.beta2", 0.999),
                number(opt, "eps", "optimizer.eps", 1e-8),
                bool(opt, "zero_grad", "optimizer.zero_grad", true));
    }

    /** A true/false field; missing gives fallback. */
    private static boolean bool(Map<String, Object> obj, String key, String path, boolean fallback) {
        Object value = obj.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw new SpecException(path + ": expected true or false, got " + describe(value));
        }
        return (Boolean) value;
    }

    private static double[] init(Map<String, Object> spec) {
        if (!spec.containsKey("init")) {
            return null;
        }
        List<Object> values = array(spec, "init", "init");
        double[] init = new double[values.size()];
        for (int i = 0; i < init.length; i++) {
            init[i] = number(values.get(i), "init[" + i + "]");
        }
        return init;
    }

    /** The points, their labels read as kind says (the task and the loss decide it). */
    private static Dataset data(Map<String, Object> data, int inputs, Dataset.Labels kind) {
        String ys = kind == Dataset.Labels.TARGETS ? "targets" : "labels";
        String other = kind == Dataset.Labels.TARGETS ? "labels" : "targets";
        if (data.containsKey(other)) {
            throw new SpecException("data." + other + ": " + (kind == Dataset.Labels.TARGETS
                    ? "a regression run has targets, not labels" : "targets are for \"task\": \"regression\""));
        }
        boolean hasPoints = data.containsKey("points") || data.containsKey(ys);
        if (hasPoints && data.containsKey("generator")) {
            throw new SpecException("data: expected either points and " + ys + ", or generator, not both");
        }
        if (!hasPoints) {
            if (!data.containsKey("generator")) {
                throw new SpecException("data: missing points and " + ys + ", or generator");
            }
            return generated(data, kind);
        }
        return points(data, inputs, kind);
    }

    /**
     * Listed points: {"points": [[x, y], ...], "labels": [...]} (or "targets", for regression), each point of
     * {@code inputs} finite numbers, at most MAX_POINTS of them. Also how a saved model's dataset block lists every
     * point (see ModelFile).
     */
    static Dataset points(Map<?, ?> listed, int inputs, Dataset.Labels kind) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) listed;
        String ys = kind == Dataset.Labels.TARGETS ? "targets" : "labels";
        List<Object> points = array(data, "points", "data.points");
        atMost(points.size(), MAX_POINTS, "data.points", " points");
        List<Object> labels = array(data, ys, "data." + ys);
        if (labels.size() != points.size()) {
            throw new SpecException("data." + ys + ": expected " + points.size() + " " + ys + " (one per point), got "
                    + labels.size());
        }
        double[][] xs = new double[points.size()][];
        double[] values = new double[labels.size()];
        for (int i = 0; i < xs.length; i++) {
            String at = "data.points[" + i + "]";
            if (!(points.get(i) instanceof List)) {
                throw new SpecException(at + ": expected an array of " + inputs + " numbers, got "
                        + Json.typeName(points.get(i)));
            }
            List<Object> point = asArray(points.get(i));
            if (point.size() != inputs) {
                throw new SpecException(at + ": expected " + inputs + " numbers (model.inputs), got " + point.size());
            }
            xs[i] = new double[inputs];
            for (int d = 0; d < inputs; d++) {
                xs[i][d] = number(point.get(d), at + "[" + d + "]");
                if (!(Math.abs(xs[i][d]) <= Dataset.MAX_COORDINATE)) {
                    throw new SpecException(at + "[" + d + "]: expected " + Dataset.COORDINATE_RANGE + ", got "
                            + Numbers.trimmed(xs[i][d], 6));
                }
            }
            String path = "data." + ys + "[" + i + "]";
            // a number too large for a double (1e400) is refused below with the range, as 1e300 is
            Object y = labels.get(i);
            values[i] = y instanceof Double big && Double.isInfinite(big) ? big : number(y, path);
            String problem = Dataset.labelProblem(kind, values[i]);
            if (problem != null) {
                throw new SpecException(path + ": expected " + problem + ", got " + (Double.isInfinite(values[i])
                        ? "one too large for a double" : Numbers.trimmed(values[i], 6)));
            }
        }
        return new Dataset(xs, values, kind);
    }

    /** A generated set; a binary one becomes classes 0 and 1 for the softmax loss. */
    private static Dataset generated(Map<String, Object> data, Dataset.Labels kind) {
        Datasets.Generator generator = choice(data, "generator", "data.generator", null, Datasets.Generator.values());
        if (generator.isRegression() != (kind == Dataset.Labels.TARGETS)) {
            throw new SpecException("data.generator: " + generator.id() + (generator.isRegression()
                    ? " makes real targets: it needs \"task\": \"regression\" and the mse loss"
                    : " makes classes; a regression run needs plane, gaussians or sine"));
        }
        int n = data.containsKey("n") ? atMost(positiveInt(data, "n", "data.n"), MAX_POINTS, "data.n", " points")
                : 100;
        double noise = nonNegative(data, "noise", "data.noise", 0.1);
        if (noise > Datasets.MAX_NOISE) {
            throw new SpecException("data.noise: expected a number from 0 to " + Numbers.format(Datasets.MAX_NOISE)
                    + ", got " + Numbers.trimmed(noise, 6));
        }
        int seed = data.containsKey("seed") ? integer(data.get("seed"), "data.seed", Integer.MIN_VALUE, "an integer")
                : 0;
        int classes = generator == Datasets.Generator.BLOBS ? 3 : 2;
        if (data.containsKey("classes")) {
            if (!generator.takesClasses()) {
                throw new SpecException("data.classes: only spiral and blobs take a number of classes, not "
                        + generator.id());
            }
            classes = integer(data.get("classes"), "data.classes", 2, "a whole number from 2 to "
                    + Dataset.MAX_CLASSES);
            atMost(classes, Dataset.MAX_CLASSES, "data.classes", " classes");
        }
        Dataset points = generator.generate(n, noise, seed, classes);
        return kind == Dataset.Labels.CLASSES ? points.signsAsClasses() : points;
    }

    /** model.bias: micrograd's zero biases, or uniform ones drawn like the weights. */
    private enum Bias implements Choice {
        ZERO, UNIFORM
    }

    /** task: learn classes (labels) or real numbers (targets). */
    private enum Task implements Choice {
        CLASSIFICATION, REGRESSION
    }

    /** optimizer.decay: the learning rate falls linearly from lr_start to lr_end, or stays at lr_start. */
    private enum Decay implements Choice {
        LINEAR, NONE
    }
}
