package org.backproplab.nn;

import java.util.List;
import java.util.Map;
import org.backproplab.data.Dataset;
import org.backproplab.data.Datasets;
import org.backproplab.data.Json;
import org.backproplab.data.Rng;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;

/**
 * A training run as plain data: the {@code train --spec FILE.json} contract. The format (see
 * src/main/resources/micrograd-demo.json, micrograd's own demo run):
 *
 * <pre>
 * data       {"points": [[x, y], ...], "labels": [-1 or 1, ...]}
 *            or {"generator": "moons|circles|xor|spiral|gauss|lecture", "n": 100, "noise": 0.1, "seed": 0}
 *            (n, noise and seed may be left out: 100, 0.1 and 0)
 * model      {"inputs": 2, "layers": [16, 16, 1], "activation": "relu|tanh|sigmoid" (relu),
 *             "output": "linear|tanh" (linear), "bias": "zero|uniform" (zero)}; the last layer has 1 neuron
 * init       optional: every parameter's initial value, in micrograd's order; otherwise drawn from seed
 * loss       {"type": "svm|mse|logistic", "l2": 0 (0), "reduction": "mean|sum" (mean)}
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
 * numbers only. The page and the command line both read files through {@link #parse}, so both get them.
 */
public record TrainSpec(Dataset data, int inputs, int[] layers, Activation activation, Activation output,
                        boolean uniformBias, double[] init, Loss loss, Optimizer.Settings optimizer, int steps, int batch,
                        int seed) {

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

    public TrainSpec {
        if (layers.length == 0 || layers[layers.length - 1] != 1) {
            throw new SpecException("model.layers: the last layer must have 1 neuron (the score)");
        }
        if (data.size() == 0) {
            throw new SpecException("data: no points");
        }
        if (data.dims() != inputs) {
            throw new SpecException("model.inputs: is " + inputs + ", but the data has " + data.dims()
                    + " coordinates per point");
        }
        if (init != null && init.length != MLP.parameterCount(inputs, layers)) {
            throw new SpecException("init: expected " + MLP.parameterCount(inputs, layers) + " numbers (one per parameter),"
                    + " got " + init.length);
        }
        if (batch < 0 || batch > data.size()) {
            throw new SpecException("batch: expected at most the " + data.size() + " points, got " + batch);
        }
    }

    /** A fresh model as the spec describes it, with the spec's init or drawn from its seed. */
    public MLP model() {
        MLP model = new MLP(inputs, layers, activation, output, new Rng(seed), uniformBias);
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
        Dataset data = data(object(spec, "data", "data"), inputs);
        double[] init = init(spec);
        Map<String, Object> lossSpec = object(spec, "loss", "loss");
        Loss loss = new Loss(
                choice(lossSpec, "type", "loss.type", null, Loss.Type.values()),
                choice(lossSpec, "reduction", "loss.reduction", Loss.Reduction.MEAN, Loss.Reduction.values()),
                nonNegative(lossSpec, "l2", "loss.l2", 0));
        Optimizer.Settings optimizer = optimizer(object(spec, "optimizer", "optimizer"));
        int steps = integer(required(spec, "steps", "steps", "a non-negative integer"), "steps", 0,
                "a non-negative integer");
        int batch = spec.containsKey("batch") ? positiveInt(spec, "batch", "batch") : 0;
        int seed = spec.containsKey("seed") ? integer(spec.get("seed"), "seed", Integer.MIN_VALUE, "an integer") : 0;
        return new TrainSpec(data, inputs, layers, activation, output, uniformBias, init, loss, optimizer, steps, batch,
                seed);
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

    private static Dataset data(Map<String, Object> data, int inputs) {
        boolean hasPoints = data.containsKey("points") || data.containsKey("labels");
        if (hasPoints && data.containsKey("generator")) {
            throw new SpecException("data: expected either points and labels, or generator, not both");
        }
        if (!hasPoints) {
            if (!data.containsKey("generator")) {
                throw new SpecException("data: missing points and labels, or generator");
            }
            Datasets.Generator generator = choice(data, "generator", "data.generator", null,
                    Datasets.Generator.values());
            int n = data.containsKey("n") ? atMost(positiveInt(data, "n", "data.n"), MAX_POINTS, "data.n", " points")
                    : 100;
            double noise = nonNegative(data, "noise", "data.noise", 0.1);
            int seed = data.containsKey("seed") ? integer(data.get("seed"), "data.seed", Integer.MIN_VALUE, "an integer")
                    : 0;
            return generator.generate(n, noise, seed);
        }
        return points(data, inputs);
    }

    /**
     * Listed points: {"points": [[x, y], ...], "labels": [-1 or 1, ...]}, each of {@code inputs} finite numbers, at
     * most MAX_POINTS of them. Also how a saved model's dataset block lists every point (see ModelFile).
     */
    static Dataset points(Map<?, ?> listed, int inputs) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) listed;
        List<Object> points = array(data, "points", "data.points");
        atMost(points.size(), MAX_POINTS, "data.points", " points");
        List<Object> labels = array(data, "labels", "data.labels");
        if (labels.size() != points.size()) {
            throw new SpecException("data.labels: expected " + points.size() + " labels (one per point), got "
                    + labels.size());
        }
        double[][] xs = new double[points.size()][];
        double[] ys = new double[labels.size()];
        for (int i = 0; i < xs.length; i++) {
            String path = "data.points[" + i + "]";
            if (!(points.get(i) instanceof List)) {
                throw new SpecException(path + ": expected an array of " + inputs + " numbers, got "
                        + Json.typeName(points.get(i)));
            }
            List<Object> point = asArray(points.get(i));
            if (point.size() != inputs) {
                throw new SpecException(path + ": expected " + inputs + " numbers (model.inputs), got " + point.size());
            }
            xs[i] = new double[inputs];
            for (int d = 0; d < inputs; d++) {
                xs[i][d] = number(point.get(d), path + "[" + d + "]");
            }
            ys[i] = number(labels.get(i), "data.labels[" + i + "]");
            if (ys[i] != 1 && ys[i] != -1) {
                throw new SpecException("data.labels[" + i + "]: expected -1 or 1, got " + Numbers.format(ys[i]));
            }
        }
        return new Dataset(xs, ys);
    }

    // ---- typed field access: each names the field in its error ----

    private static Object required(Map<String, Object> obj, String key, String path, String expected) {
        Object value = obj.get(key);
        if (value == null) {
            throw new SpecException(path + ": missing (expected " + expected + ")");
        }
        return value;
    }

    private static Map<String, Object> object(Map<String, Object> obj, String key, String path) {
        Object value = required(obj, key, path, "an object");
        if (!(value instanceof Map)) {
            throw new SpecException(path + ": expected an object, got " + Json.typeName(value));
        }
        return asObject(value, path);
    }

    private static List<Object> array(Map<String, Object> obj, String key, String path) {
        Object value = required(obj, key, path, "an array");
        if (!(value instanceof List)) {
            throw new SpecException(path + ": expected an array, got " + Json.typeName(value));
        }
        return asArray(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value, String path) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asArray(Object value) {
        return (List<Object>) value;
    }

    /** A finite number: Json reads 1e309 as an infinity, which would poison every weight it touches. */
    private static double number(Object value, String path) {
        if (!(value instanceof Double)) {
            throw new SpecException(path + ": expected a number, got " + Json.typeName(value));
        }
        double d = (Double) value;
        if (Double.isInfinite(d)) {
            throw new SpecException(path + ": expected a number between -1e308 and 1e308, got one too large for a "
                    + "double");
        }
        return d;
    }

    /** A number field; missing gives fallback, or an error when fallback is NaN (the field is required). */
    private static double number(Map<String, Object> obj, String key, String path, double fallback) {
        if (!obj.containsKey(key)) {
            if (Double.isNaN(fallback)) {
                throw new SpecException(path + ": missing (expected a number)");
            }
            return fallback;
        }
        return number(obj.get(key), path);
    }

    private static double nonNegative(Map<String, Object> obj, String key, String path, double fallback) {
        double value = number(obj, key, path, fallback);
        if (!(value >= 0)) {
            throw new SpecException(path + ": expected a number >= 0, got " + describe(value));
        }
        return value;
    }

    /** A whole number >= min; expected says what, for the error ("a positive integer"). */
    private static int integer(Object value, String path, int min, String expected) {
        if (value instanceof Double) {
            double d = number(value, path);
            if (d == Math.rint(d) && d >= min && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw new SpecException(path + ": expected " + expected + ", got " + describe(value));
    }

    /** value itself, or an error if it is over max; what names the unit (" points"). */
    private static int atMost(int value, int max, String path, String what) {
        if (value > max) {
            throw new SpecException(path + ": expected at most " + max + what + ", got " + value);
        }
        return value;
    }

    private static int positiveInt(Object value, String path) {
        return integer(value, path, 1, "a positive integer");
    }

    private static int positiveInt(Map<String, Object> obj, String key, String path) {
        return positiveInt(required(obj, key, path, "a positive integer"), path);
    }

    /** A number as the user wrote it ("2.5", "-1"), anything else by its type ("a string"). */
    private static String describe(Object value) {
        return value instanceof Double ? Numbers.format((Double) value) : Json.typeName(value);
    }

    /** A field that names a choice; missing gives fallback, or an error (listing the choices) if it is null. */
    private static <C extends Choice> C choice(Map<String, Object> obj, String key, String path, C fallback,
                                               C[] allowed) {
        Object value = obj.get(key);
        if (value == null) {
            if (fallback == null) {
                throw new SpecException(path + ": missing (expected " + Choice.ids(allowed) + ")");
            }
            return fallback;
        }
        if (!(value instanceof String)) {
            throw new SpecException(path + ": expected " + Choice.ids(allowed) + ", got " + Json.typeName(value));
        }
        try {
            return Choice.parse(path, allowed, (String) value);
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage());
        }
    }

    /** model.bias: micrograd's zero biases, or uniform ones drawn like the weights. */
    private enum Bias implements Choice {
        ZERO, UNIFORM
    }

    /** optimizer.decay: the learning rate falls linearly from lr_start to lr_end, or stays at lr_start. */
    private enum Decay implements Choice {
        LINEAR, NONE
    }
}
