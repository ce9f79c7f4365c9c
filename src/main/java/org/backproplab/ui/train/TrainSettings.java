package org.backproplab.ui.train;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.data.Datasets;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Text;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Features;
import org.backproplab.nn.Loss;
import org.backproplab.engine.Choice;
import org.backproplab.nn.MLP;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.TrainSpec;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Settings;

/**
 * Everything the trainer view lets a person set, as plain data that goes to and from the URL hash. The defaults are
 * micrograd's demo: moons, 100 points, noise 0.1, layers 16,16, relu, SVM + L2 1e-4, SGD 1.0 to 0.1 over 100 steps.
 * The choices are enums from the hash reader on: a link names them by id, and {@link #read} reports any other text.
 */
public final class TrainSettings {
    /** Custom points beyond this many are not put in links (they still work on the page). */
    static final int MAX_POINTS_IN_LINK = 400;
    static final int MAX_LAYERS = 6;
    static final int MAX_NEURONS = 64;

    DatasetChoice dataset = DatasetChoice.MOONS;
    /** Spiral's arms or the blobs' centres, 2 to 5; a link's spiral without it is the binary one (see read). */
    int classes = 3;
    int points = 100;
    double noise = 0.1;
    int seed = 1337;
    double testRatio = 0.2;
    boolean showTest = true;
    String layers = "16,16";
    Activation activation = Activation.RELU;
    Activation output = Activation.LINEAR;
    Loss.Type loss = Loss.Type.SVM;
    Loss.Reduction reduction = Loss.Reduction.MEAN;
    double l2 = 1e-4;
    Optimizer.Kind optimizer = Optimizer.Kind.SGD;
    double lr = 1.0;
    double lrEnd = 0.1;
    boolean decay = true;
    int batch;
    /** False is the lecture's bug: micrograd's p.grad = 0.0 forgotten, so grads pile up across steps (nozero=1). */
    boolean zeroGrad = true;
    Trainer.Engine engine = Trainer.Engine.TAPE;
    int budget = 100;
    /** x, y, label of each custom point: +1 or -1, or a class index (see Classes). */
    List<double[]> custom = new ArrayList<>();
    /** The initial parameters from an imported run, or null to draw them from the seed. */
    double[] init;
    /** What the network sees of a point of the plane (TF Playground's features); x1, x2 is the point itself. */
    Features.Feature[] features = TaskLink.XY;
    /** Custom points whose third number is a real target (regression) rather than a class. */
    boolean targets;

    TrainSettings copy() {
        TrainSettings s = new TrainSettings();
        s.dataset = dataset;
        s.classes = classes;
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
        s.zeroGrad = zeroGrad;
        s.engine = engine;
        s.budget = budget;
        for (double[] p : custom) {
            s.custom.add(p.clone());
        }
        s.init = init == null ? null : init.clone();
        s.features = features.clone();
        s.targets = targets;
        return s;
    }

    /** The hidden layer sizes, or null (with why) if the text is not a list of 1 to 64 neurons per layer. */
    static int[] parseLayers(String text, StringBuilder why) {
        String t = text.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = Text.split(t, ',');
        if (parts.length > MAX_LAYERS) {
            why.append("at most ").append(MAX_LAYERS).append(" hidden layers");
            return null;
        }
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            double n = Numbers.readWhole("", p).value();
            if (Double.isNaN(n)) {
                why.append("'").append(Settings.shorten(p)).append("' is not a whole number");
                return null;
            }
            if (n < 1 || n > MAX_NEURONS) {
                why.append("each layer needs 1 to ").append(MAX_NEURONS).append(" neurons, not ").append(p);
                return null;
            }
            sizes[i] = (int) n;
        }
        return sizes;
    }

    /**
     * The lecture's own setup, which choosing its dataset brings: the network MLP(3, [4, 4, 1]) with tanh in every
     * neuron, the squared error summed over all four examples (none held out), and plain SGD at 0.1, the rate of the
     * lecture's final training loop (earlier cells try 0.05), for that loop's 20 steps.
     */
    void useLectureSetup() {
        dataset = DatasetChoice.LECTURE;
        testRatio = 0;
        layers = "4,4";
        activation = Activation.TANH;
        output = Activation.TANH;
        loss = Loss.Type.MSE;
        reduction = Loss.Reduction.SUM;
        l2 = 0;
        optimizer = Optimizer.Kind.SGD;
        lr = LECTURE_RATE;
        lrEnd = LECTURE_RATE;
        decay = false;
        batch = 0;
        budget = 20;
        init = null;
    }

    static final double LECTURE_RATE = 0.1;

    /** Back from the lecture's setup to the demo's network and training, keeping the seed. */
    void leaveLectureSetup() {
        TrainSettings demo = new TrainSettings();
        testRatio = demo.testRatio;
        layers = demo.layers;
        activation = demo.activation;
        output = demo.output;
        loss = demo.loss;
        reduction = demo.reduction;
        l2 = demo.l2;
        lr = demo.lr;
        lrEnd = demo.lrEnd;
        decay = demo.decay;
        budget = demo.budget;
        init = null;
    }

    /**
     * The learning rate to suggest after training blew up with this one: ten times smaller, but never above 0.1, a
     * rate at which these small networks learn. A tenth of 1e6 would blow up again just the same.
     */
    static double saferRate(double lr) {
        return Math.min(0.1, lr / 10);
    }

    /** Hidden sizes plus the output layer: one score, or one per class for softmax. */
    int[] sizes() {
        int[] hidden = parseLayers(layers, new StringBuilder());
        int[] all = new int[hidden.length + 1];
        System.arraycopy(hidden, 0, all, 0, hidden.length);
        all[hidden.length] = softmax() ? classCount() : 1;
        return all;
    }

    /** How many classes the data has: spiral's and the blobs' setting, the custom points' own, else 2. */
    int classCount() {
        if (regression()) {
            return 2; // real targets, no classes: the binary case's one output
        }
        return dataset == DatasetChoice.CUSTOM ? Classes.count(custom) : dataset.takesClasses() ? classes : 2;
    }

    /** One score per class and softmax cross-entropy: for 3 or more classes, or when the loss menu says so. */
    boolean softmax() {
        return !regression() && (classCount() >= 3 || loss == Loss.Type.SOFTMAX);
    }

    /** All the points, before the train/test split. */
    Dataset allPoints() {
        Dataset all = dataset == DatasetChoice.CUSTOM ? Classes.dataset(custom, targets)
                : dataset.generator.generate(points, noise, seed, dataset.takesClasses() ? classes : 2);
        return softmax() ? all.signsAsClasses() : Classes.asSigns(all);
    }

    /** Inputs per point: 2 for the plane, 1 for the curve y = sin x, 3 for the lecture's four examples. */
    int inputs() {
        return dataset == DatasetChoice.LECTURE ? 3 : dataset == DatasetChoice.SINE ? 1 : 2;
    }

    /** True when the points have real targets to fit: a regression set, or custom points with targets. */
    boolean regression() {
        return dataset.regression() || dataset == DatasetChoice.CUSTOM && targets;
    }

    /** What the first layer sees: the chosen features of a point of the plane, or the coordinates themselves. */
    Features features() {
        return TaskLink.of(features, inputs());
    }

    Dataset.Split split() {
        Dataset all = allPoints();
        if (testRatio <= 0 || all.size() < 4) {
            return new Dataset.Split(all, new Dataset(new double[0][], new double[0], all.labels()));
        }
        return all.split(testRatio, seed);
    }

    /** A training spec for the trainer, over the given training points. */
    TrainSpec spec(Dataset train) {
        Optimizer.Settings opt = new Optimizer.Settings(optimizer, lr, decay ? lrEnd : lr, decay, 0.9, 0.9, 0.999,
                1e-8).withZeroGrad(zeroGrad);
        int steps = budget > 0 ? budget : 100;
        int b = batch > 0 && batch < train.size() ? batch : 0;
        return new TrainSpec(train, inputs(), sizes(), activation, output, false, init,
                new Loss(softmax() ? Loss.Type.SOFTMAX : loss, reduction, l2), opt, steps, b, seed, features());
    }

    /** Settings that reproduce a training spec (a run file a teacher hands out): its data, model and schedule. */
    static TrainSettings fromSpec(TrainSpec spec) {
        TrainSettings s = new TrainSettings();
        double lectureShare = lectureTestShare(spec.data(), spec.seed());
        s.dataset = lectureShare >= 0 ? DatasetChoice.LECTURE : spec.inputs() == 1 ? DatasetChoice.SINE
                : DatasetChoice.CUSTOM; // one input: only the curve, if the model's origin gives back its points
        if (s.dataset == DatasetChoice.CUSTOM) {
            s.custom = Classes.points(spec.data()); // a class, a -1/+1 label or a real target, as the data has it
        }
        s.targets = spec.regression();
        s.features = spec.features().isRaw() ? TaskLink.XY : spec.features().chosen();
        s.points = spec.data().size();
        s.testRatio = Math.max(0, lectureShare);
        StringBuilder layers = new StringBuilder();
        for (int l = 0; l + 1 < spec.layers().length; l++) {
            layers.append(l == 0 ? "" : ",").append(spec.layers()[l]);
        }
        s.layers = layers.toString();
        s.activation = spec.activation();
        s.output = spec.output();
        s.loss = spec.loss().type();
        s.reduction = spec.loss().reduction();
        s.l2 = spec.loss().l2();
        s.optimizer = spec.optimizer().kind();
        s.lr = spec.optimizer().lrStart();
        s.lrEnd = spec.optimizer().lrEnd();
        s.decay = spec.optimizer().linearDecay();
        s.batch = spec.batch();
        s.zeroGrad = spec.optimizer().zeroGrad();
        s.seed = spec.seed();
        s.budget = spec.steps();
        s.init = spec.init() == null ? null : spec.init().clone();
        return s;
    }

    /** Where this run's points come from, for a saved model (see ModelFile.Origin). */
    ModelFile.Origin origin() {
        return new ModelFile.Origin(dataset.id(), points, noise, testRatio, dataset == DatasetChoice.CUSTOM
                ? allPoints() : null);
    }

    /**
     * These settings with the dataset a saved model names (its generator, or every custom point, and the test
     * share), if that makes exactly the model's training points; otherwise null, and the file's points are used as
     * they are.
     */
    TrainSettings withOrigin(ModelFile.Origin origin, Dataset train) {
        DatasetChoice named = Choice.byId(DatasetChoice.values(), origin.dataset());
        if (named == null || (named == DatasetChoice.CUSTOM) != (origin.all() != null)
                || !(origin.testShare() >= 0 && origin.testShare() <= 0.9) || !(origin.noise() >= 0)) {
            return null;
        }
        TrainSettings s = copy();
        s.dataset = named;
        s.points = origin.n();
        s.noise = origin.noise();
        s.testRatio = origin.testShare();
        s.custom = origin.all() == null ? new ArrayList<>() : Classes.points(origin.all());
        // a saved model does not name the arms or centres: the count that gives its points back
        for (int k = named.takesClasses() ? 2 : Classes.MAX; k <= Classes.MAX; k++) {
            s.classes = named.takesClasses() ? k : classes;
            if (sameData(s.split().train(), train)) {
                return s;
            }
        }
        return null;
    }

    /** The same points with the same labels in the same order, to the last bit. */
    private static boolean sameData(Dataset a, Dataset b) {
        boolean same = a.size() == b.size() && a.dims() == b.dims();
        for (int i = 0; same && i < a.size(); i++) {
            same = java.util.Arrays.equals(a.xs()[i], b.xs()[i]) && a.ys()[i] == b.ys()[i];
        }
        return same;
    }

    /**
     * The test share that, with this seed, leaves exactly these training points of the lecture's four examples (so
     * that a run or a saved model on them imports as that dataset, with the same split), or -1 if there is none.
     */
    static double lectureTestShare(Dataset data, int seed) {
        for (double share : new double[] {0, 0.2, 0.5, 0.7}) { // 0, 1, 2 or 3 of the 4 held out
            TrainSettings s = new TrainSettings();
            s.dataset = DatasetChoice.LECTURE;
            s.seed = seed;
            s.testRatio = share;
            if (sameData(s.split().train(), data)) {
                return share;
            }
        }
        return -1;
    }

    /** Reads what it can from the hash; each part that can't be used is named in the state and left at its default. */
    static TrainSettings read(Settings h) {
        TrainSettings s = new TrainSettings();
        s.dataset = h.choice("dataset", DatasetChoice.values(), s.dataset);
        if (s.dataset.takesClasses()) { // links from before classes meant spiral's two arms
            s.classes = h.integer("classes", s.dataset == DatasetChoice.SPIRAL ? 2 : 3, 2, Classes.MAX);
        }
        if (s.dataset == DatasetChoice.LECTURE) {
            s.useLectureSetup(); // what the link leaves out is the lecture's
        }
        TaskLink.read(h, s); // likewise regression's setup, and the features
        s.points = h.integer("n", s.points, 4, 1000);
        s.noise = h.number("noise", s.noise, 0, Datasets.MAX_NOISE);
        s.seed = h.integer("seed", s.seed, Integer.MIN_VALUE, Integer.MAX_VALUE);
        s.testRatio = h.number("test", s.testRatio, 0, 0.9);
        s.showTest = h.flag("showtest", s.showTest);
        if (h.has("layers")) {
            StringBuilder why = new StringBuilder();
            if (parseLayers(h.get("layers"), why) == null) {
                h.ignore("layers", why.toString());
            } else {
                s.layers = h.get("layers").trim();
            }
        }
        s.activation = h.choice("act", Activation.HIDDEN, s.activation);
        s.output = h.choice("out", Activation.OUTPUT, s.output);
        s.loss = h.choice("loss", Loss.Type.values(), s.loss);
        s.reduction = h.choice("reduce", Loss.Reduction.values(), s.reduction);
        s.l2 = h.number("l2", s.l2, 0, 10);
        s.optimizer = h.choice("opt", Optimizer.Kind.values(), s.optimizer);
        s.lr = h.number("lr", s.lr, 0, 1e9);
        s.lrEnd = h.number("lrend", s.lrEnd, 0, 1e9);
        s.decay = h.flag("decay", s.decay);
        s.batch = h.integer("batch", s.batch, 0, 1000);
        s.zeroGrad = !h.flag("nozero", false);
        s.engine = h.choice("engine", Trainer.Engine.values(), s.engine);
        s.budget = h.integer("budget", s.budget, 0, 1_000_000);
        readPoints(h, s);
        if (h.has("init")) {
            double[] init = Numbers.parseList(h.get("init"));
            if (init == null || init.length != MLP.parameterCount(s.features().count(), s.sizes())) {
                h.ignore("init", "expected one number per parameter of the network");
            } else {
                s.init = init;
            }
        }
        s.fitEngine(h);
        return s;
    }

    /** The link's custom points (checked as every other way in checks them), or moons or plane if it has none. */
    private static void readPoints(Settings h, TrainSettings s) {
        if (h.has("pts")) {
            StringBuilder why = new StringBuilder();
            List<double[]> pts = s.targets ? TaskLink.parseTargets(h.get("pts"), why) : Classes.parse(h.get("pts"));
            if (pts == null) {
                h.ignore("pts", s.targets ? why.toString() : "expected x,y,label triples separated by ';', x and y "
                        + "each " + Dataset.COORDINATE_RANGE + " and each label -1, 1 or a class 0 to "
                        + (Classes.MAX - 1));
            } else {
                s.custom = pts;
            }
        }
        if (s.dataset == DatasetChoice.CUSTOM && s.custom.isEmpty() && h.has("dataset")) {
            // a regression link keeps its task (and the setup TaskLink gave it) on the tilted plane
            s.dataset = s.targets ? DatasetChoice.PLANE : DatasetChoice.MOONS;
            h.ignore("dataset", "'custom' needs points; showing " + s.dataset.id());
        }
    }

    /** A run too big for the Value engine (it would run the tab out of memory) trains on the tape, and says so. */
    private void fitEngine(Settings h) {
        Dataset train = engine == Trainer.Engine.VALUE ? split().train() : null;
        if (train != null && train.size() >= 2) {
            long work = Trainer.valueEngineWork(spec(train));
            if (work > Trainer.MAX_VALUE_ENGINE_WORK) {
                h.ignore("engine", "the Value engine would build about " + work + " Values every step, more than a "
                        + "page can hold; training uses the compiled tape, with the same numbers");
                engine = Trainer.Engine.TAPE;
            }
        }
    }

    /**
     * Writes every setting to the hash.
     *
     * @return false if the custom points were too many to put in the link
     */
    boolean write(Settings h) {
        h.put("dataset", dataset.id()).put("n", Integer.toString(points)).put("noise", Numbers.shortLiteral(noise))
                .put("seed", Integer.toString(seed)).put("test", Numbers.shortLiteral(testRatio))
                .putFlag("showtest", showTest).put("layers", layers).put("act", activation.id())
                .put("out", output.id()).put("loss", loss.id()).put("reduce", reduction.id())
                .put("l2", Numbers.shortLiteral(l2)).put("opt", optimizer.id()).put("lr", Numbers.shortLiteral(lr))
                .put("lrend", Numbers.shortLiteral(lrEnd)).putFlag("decay", decay).put("batch", Integer.toString(batch))
                .put("engine", engine.id()).put("budget", Integer.toString(budget));
        if (!zeroGrad) {
            h.putFlag("nozero", true); // only the bug is written: links from before it read the same
        }
        if (dataset.takesClasses()) {
            h.put("classes", Integer.toString(classes));
        }
        TaskLink.write(h, this);
        boolean fits = true;
        if (dataset == DatasetChoice.CUSTOM) {
            if (custom.size() <= MAX_POINTS_IN_LINK) {
                h.put("pts", targets ? TaskLink.writeTargets(custom) : Classes.write(custom));
            } else {
                fits = false;
            }
        }
        if (init != null) {
            h.put("init", Numbers.shortList(init));
        }
        return fits;
    }
}
