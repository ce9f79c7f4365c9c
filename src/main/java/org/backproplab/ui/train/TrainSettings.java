package org.backproplab.ui.train;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.data.Datasets;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.TrainSpec;
import org.backproplab.ui.dom.Settings;

/**
 * Everything the trainer view lets a person set, as plain data that goes to and from the URL hash. The defaults are
 * micrograd's demo: moons, 100 points, noise 0.1, layers 16,16, relu, SVM + L2 1e-4, SGD 1.0 to 0.1 over 100 steps.
 */
public final class TrainSettings {
    static final String[] DATASETS = {"moons", "circles", "xor", "spiral", "gauss", "lecture", "custom"};
    /** Custom points beyond this many are not put in links (they still work on the page). */
    static final int MAX_POINTS_IN_LINK = 400;
    static final int MAX_LAYERS = 6;
    static final int MAX_NEURONS = 64;

    String dataset = "moons";
    int points = 100;
    double noise = 0.1;
    int seed = 1337;
    double testRatio = 0.2;
    boolean showTest = true;
    String layers = "16,16";
    String activation = "relu";
    String output = "linear";
    String loss = "svm";
    String reduction = "mean";
    double l2 = 1e-4;
    String optimizer = "sgd";
    double lr = 1.0;
    double lrEnd = 0.1;
    boolean decay = true;
    int batch;
    String engine = "tape";
    int budget = 100;
    /** x, y, label (+1 or -1) of each custom point. */
    List<double[]> custom = new ArrayList<>();
    /** The initial parameters from an imported run, or null to draw them from the seed. */
    double[] init;

    TrainSettings copy() {
        TrainSettings s = new TrainSettings();
        s.dataset = dataset;
        s.points = points;
        s.noise = noise;
        s.seed = seed;
        s.testRatio = testRatio;
        s.showTest = showTest;
        s.layers = layers;
        s.activation = activation;
        s.output = output;
        s.loss = loss;
        s.reduction = reduction;
        s.l2 = l2;
        s.optimizer = optimizer;
        s.lr = lr;
        s.lrEnd = lrEnd;
        s.decay = decay;
        s.batch = batch;
        s.engine = engine;
        s.budget = budget;
        for (double[] p : custom) {
            s.custom.add(p.clone());
        }
        s.init = init == null ? null : init.clone();
        return s;
    }

    /** The hidden layer sizes, or null (with why) if the text is not a list of 1 to 64 neurons per layer. */
    static int[] parseLayers(String text, StringBuilder why) {
        String t = text.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split(",");
        if (parts.length > MAX_LAYERS) {
            why.append("at most ").append(MAX_LAYERS).append(" hidden layers");
            return null;
        }
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            int n;
            try {
                n = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                why.append("'").append(Settings.shorten(p)).append("' is not a whole number");
                return null;
            }
            if (n < 1 || n > MAX_NEURONS) {
                why.append("each layer needs 1 to ").append(MAX_NEURONS).append(" neurons, not ").append(n);
                return null;
            }
            sizes[i] = n;
        }
        return sizes;
    }

    /** Hidden sizes plus the one output neuron. */
    int[] sizes() {
        int[] hidden = parseLayers(layers, new StringBuilder());
        int[] all = new int[hidden.length + 1];
        System.arraycopy(hidden, 0, all, 0, hidden.length);
        all[hidden.length] = 1;
        return all;
    }

    /** All the points, before the train/test split. */
    Dataset allPoints() {
        if (dataset.equals("custom")) {
            double[][] xs = new double[custom.size()][];
            double[] ys = new double[custom.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = new double[] {custom.get(i)[0], custom.get(i)[1]};
                ys[i] = custom.get(i)[2];
            }
            return new Dataset(xs, ys);
        }
        if (dataset.equals("lecture")) {
            return Datasets.lecture();
        }
        return Choice.byId(Datasets.Generator.values(), dataset).generate(points, noise, seed);
    }

    /** Inputs per point: 2 for the plane, 3 for the lecture's four examples. */
    int inputs() {
        return dataset.equals("lecture") ? 3 : 2;
    }

    Dataset.Split split() {
        Dataset all = allPoints();
        if (testRatio <= 0 || all.size() < 4) {
            return new Dataset.Split(all, new Dataset(new double[0][], new double[0]));
        }
        return all.split(testRatio, seed);
    }

    /** A training spec for the trainer, over the given training points. */
    TrainSpec spec(Dataset train) {
        Optimizer.Kind kind = Choice.byId(Optimizer.Kind.values(), optimizer);
        Optimizer.Settings opt = new Optimizer.Settings(kind, lr, decay ? lrEnd : lr, decay, 0.9, 0.9, 0.999, 1e-8);
        Loss lossFunction = new Loss(Choice.byId(Loss.Type.values(), loss), Choice.byId(Loss.Reduction.values(), reduction), l2);
        int steps = budget > 0 ? budget : 100;
        int b = batch > 0 && batch < train.size() ? batch : 0;
        return new TrainSpec(train, inputs(), sizes(), Choice.byId(Activation.values(), activation), Choice.byId(Activation.values(), output), false,
                init, lossFunction, opt, steps, b, seed);
    }

    /** Settings that reproduce a training spec (a run file a teacher hands out): its data, model and schedule. */
    static TrainSettings fromSpec(TrainSpec spec) {
        TrainSettings s = new TrainSettings();
        double lectureShare = lectureTestShare(spec.data(), spec.seed());
        s.dataset = lectureShare >= 0 ? "lecture" : "custom";
        for (int i = 0; i < spec.data().size() && lectureShare < 0; i++) {
            double[] x = spec.data().xs()[i];
            s.custom.add(new double[] {x[0], x[1], spec.data().ys()[i] > 0 ? 1 : -1});
        }
        s.points = spec.data().size();
        s.testRatio = Math.max(0, lectureShare);
        StringBuilder layers = new StringBuilder();
        for (int l = 0; l + 1 < spec.layers().length; l++) {
            layers.append(l == 0 ? "" : ",").append(spec.layers()[l]);
        }
        s.layers = layers.toString();
        s.activation = spec.activation().id();
        s.output = spec.output().id();
        s.loss = spec.loss().type().id();
        s.reduction = spec.loss().reduction().id();
        s.l2 = spec.loss().l2();
        s.optimizer = spec.optimizer().kind().id();
        s.lr = spec.optimizer().lrStart();
        s.lrEnd = spec.optimizer().lrEnd();
        s.decay = spec.optimizer().linearDecay();
        s.batch = spec.batch();
        s.seed = spec.seed();
        s.budget = spec.steps();
        s.init = spec.init() == null ? null : spec.init().clone();
        return s;
    }

    /**
     * The test share that, with this seed, leaves exactly these training points of the lecture's four examples (so
     * that a run or a saved model on them imports as that dataset, with the same split), or -1 if there is none.
     */
    static double lectureTestShare(Dataset data, int seed) {
        for (double share : new double[] {0, 0.2, 0.5, 0.7}) { // 0, 1, 2 or 3 of the 4 held out
            TrainSettings s = new TrainSettings();
            s.dataset = "lecture";
            s.seed = seed;
            s.testRatio = share;
            Dataset train = s.split().train();
            boolean same = train.size() == data.size() && train.dims() == data.dims();
            for (int i = 0; same && i < data.size(); i++) {
                same = java.util.Arrays.equals(train.xs()[i], data.xs()[i]) && train.ys()[i] == data.ys()[i];
            }
            if (same) {
                return share;
            }
        }
        return -1;
    }

    /** Reads what it can from the hash; each part that can't be used is named in the state and left at its default. */
    static TrainSettings read(Settings h) {
        TrainSettings s = new TrainSettings();
        s.dataset = choice(h, "dataset", s.dataset, DATASETS);
        s.points = integer(h, "n", s.points, 4, 1000);
        s.noise = number(h, "noise", s.noise, 0, 2);
        s.seed = integer(h, "seed", s.seed, Integer.MIN_VALUE, Integer.MAX_VALUE);
        s.testRatio = number(h, "test", s.testRatio, 0, 0.9);
        s.showTest = !"0".equals(h.get("showtest"));
        if (h.has("layers")) {
            StringBuilder why = new StringBuilder();
            if (parseLayers(h.get("layers"), why) == null) {
                h.ignore("layers", why.toString());
            } else {
                s.layers = h.get("layers").trim();
            }
        }
        s.activation = choice(h, "act", s.activation, "relu", "tanh", "sigmoid");
        s.output = choice(h, "out", s.output, "linear", "tanh");
        s.loss = choice(h, "loss", s.loss, "svm", "mse", "logistic");
        s.reduction = choice(h, "reduce", s.reduction, "mean", "sum");
        s.l2 = number(h, "l2", s.l2, 0, 10);
        s.optimizer = choice(h, "opt", s.optimizer, "sgd", "momentum", "adam");
        s.lr = number(h, "lr", s.lr, 0, 1e9);
        s.lrEnd = number(h, "lrend", s.lrEnd, 0, 1e9);
        s.decay = !"0".equals(h.get("decay"));
        s.batch = integer(h, "batch", s.batch, 0, 1000);
        s.engine = choice(h, "engine", s.engine, "tape", "value");
        s.budget = integer(h, "budget", s.budget, 0, 1_000_000);
        if (h.has("pts")) {
            List<double[]> pts = parsePoints(h.get("pts"));
            if (pts == null) {
                h.ignore("pts", "expected x,y,label triples separated by ';'");
            } else {
                s.custom = pts;
            }
        }
        if (h.has("init")) {
            double[] init = parseNumbers(h.get("init"));
            if (init == null || init.length != org.backproplab.nn.MLP.parameterCount(s.inputs(), s.sizes())) {
                h.ignore("init", "expected one number per parameter of the network");
            } else {
                s.init = init;
            }
        }
        if (s.dataset.equals("custom") && s.custom.isEmpty() && h.has("dataset")) {
            h.ignore("dataset", "'custom' needs points; showing moons");
            s.dataset = "moons";
        }
        return s;
    }

    /**
     * Writes every setting to the hash.
     *
     * @return false if the custom points were too many to put in the link
     */
    boolean write(Settings h) {
        h.put("dataset", dataset).put("n", Integer.toString(points)).put("noise", Numbers.shortLiteral(noise))
                .put("seed", Integer.toString(seed)).put("test", Numbers.shortLiteral(testRatio))
                .put("showtest", showTest ? "1" : "0").put("layers", layers).put("act", activation)
                .put("out", output).put("loss", loss).put("reduce", reduction).put("l2", Numbers.shortLiteral(l2)).put("opt", optimizer)
                .put("lr", Numbers.shortLiteral(lr)).put("lrend", Numbers.shortLiteral(lrEnd))
                .put("decay", decay ? "1" : "0").put("batch", Integer.toString(batch)).put("engine", engine)
                .put("budget", Integer.toString(budget));
        boolean fits = true;
        if (dataset.equals("custom")) {
            if (custom.size() <= MAX_POINTS_IN_LINK) {
                StringBuilder pts = new StringBuilder();
                for (double[] p : custom) {
                    if (pts.length() > 0) {
                        pts.append(';');
                    }
                    pts.append(Numbers.shortLiteral(p[0])).append(',').append(Numbers.shortLiteral(p[1])).append(',')
                            .append(p[2] > 0 ? "1" : "-1");
                }
                h.put("pts", pts.toString());
            } else {
                fits = false;
            }
        }
        if (init != null) {
            StringBuilder s = new StringBuilder();
            for (double v : init) {
                if (s.length() > 0) {
                    s.append(',');
                }
                s.append(Numbers.shortLiteral(v));
            }
            h.put("init", s.toString());
        }
        return fits;
    }

    static List<double[]> parsePoints(String text) {
        List<double[]> pts = new ArrayList<>();
        if (text.trim().isEmpty()) {
            return pts;
        }
        for (String triple : text.split(";")) {
            double[] v = parseNumbers(triple);
            if (v == null || v.length != 3 || (v[2] != 1 && v[2] != -1)) {
                return null;
            }
            pts.add(v);
        }
        return pts;
    }

    static double[] parseNumbers(String text) {
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                return null;
            }
            if (!Double.isFinite(v[i])) {
                return null;
            }
        }
        return v;
    }

    private static String choice(Settings h, String key, String fallback, String... allowed) {
        if (!h.has(key)) {
            return fallback;
        }
        for (String a : allowed) {
            if (a.equals(h.get(key))) {
                return a;
            }
        }
        h.ignore(key, "expected one of " + String.join(", ", allowed));
        return fallback;
    }

    private static double number(Settings h, String key, double fallback, double min, double max) {
        if (!h.has(key)) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(h.get(key).trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        h.ignore(key, "expected a number from " + Numbers.format(min) + " to " + Numbers.format(max));
        return fallback;
    }

    private static int integer(Settings h, String key, int fallback, int min, int max) {
        if (!h.has(key)) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(h.get(key).trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        h.ignore(key, "expected a whole number from " + min + " to " + max);
        return fallback;
    }
}
