package org.backproplab.nn;

import java.util.Map;
import org.backproplab.data.Dataset;
import org.backproplab.data.Json;
import org.backproplab.engine.Numbers;

/**
 * A trained model as a file: a {@link TrainSpec} in JSON whose {@code init} is the model's current weights. So the
 * same file re-imports into the trainer (same weights, same predictions) and runs with
 * {@code java -jar backprop-lab.jar train --spec FILE}, which trains on from those weights. Besides the spec's own
 * fields it says how far it was trained ({@code trained_steps}) and, as a check for anyone loading the weights into
 * their own MLP, the score it gives each of its points ({@code scores}); {@link TrainSpec#parse} ignores both.
 *
 * <p>Every number is written with Double.toString, which parses back to the same double.
 */
public final class ModelFile {
    public static final String FORMAT = "backprop-lab-model/1";

    private ModelFile() {
    }

    /**
     * Where a run's points came from, so that re-importing it gives back the same dataset by name, with its test
     * points: a generator's name with its n and noise (the seed is the spec's), or "custom" with every point, test
     * points included, in order; and the share of them held out for testing. The trainer checks, on import, that
     * these make exactly the file's training points before it believes them.
     */
    public record Origin(String dataset, int n, double noise, double testShare, Dataset all) {
    }

    /** What a model file adds to its spec: how many steps it was trained, and its origin (null when absent). */
    public record Saved(int trainedSteps, Origin origin) {
    }

    public static String write(TrainSpec spec, int trainedSteps, double[] scores) {
        return write(spec, trainedSteps, scores, null);
    }

    /**
     * @param spec the run, with init = the current weights and data = the points it trained on
     * @param scores the model's score for each point of the data (k in a row for k classes), or null to leave them
     *               out
     * @param origin where the points came from, or null to leave it out
     */
    public static String write(TrainSpec spec, int trainedSteps, double[] scores, Origin origin) {
        StringBuilder json = new StringBuilder("{\n");
        field(json, "about", string("A model trained in Backprop Lab: its settings, its weights (init) and the points "
                + "it learnt from (data). Import it in the trainer (import a run) to get the same predictions, or "
                + "train on from these weights: java -jar backprop-lab.jar train --spec FILE. The optimizer's own "
                + "state (momentum, Adam's moments) is not kept."));
        field(json, "format", string(FORMAT));
        field(json, "trained_steps", Integer.toString(trainedSteps));
        if (spec.regression()) {
            field(json, "task", string("regression"));
        }
        if (!spec.features().isRaw()) {
            StringBuilder ids = new StringBuilder("[");
            for (Features.Feature f : spec.features().chosen()) {
                ids.append(ids.length() == 1 ? "" : ", ").append(string(f.id()));
            }
            field(json, "features", ids.append(']').toString());
        }
        field(json, "model", "{\"inputs\": " + spec.inputs() + ", \"layers\": " + integers(spec.layers())
                + ", \"activation\": " + string(spec.activation().id()) + ", \"output\": " + string(spec.output().id())
                + ", \"bias\": " + string(spec.uniformBias() ? "uniform" : "zero") + "}");
        field(json, "parameter_order", string("layer by layer, neuron by neuron, and within a neuron "
                + "[w_0, ..., w_{nin-1}, b]"));
        if (spec.init() != null) {
            field(json, "init", numbers(spec.init()));
        }
        Loss loss = spec.loss();
        field(json, "loss", "{\"type\": " + string(loss.type().id()) + ", \"reduction\": "
                + string(loss.reduction().id()) + ", \"l2\": " + number(loss.l2()) + "}");
        Optimizer.Settings o = spec.optimizer();
        field(json, "optimizer", "{\"type\": " + string(o.kind().id()) + ", \"lr_start\": " + number(o.lrStart())
                + ", \"lr_end\": " + number(o.lrEnd()) + ", \"decay\": " + string(o.linearDecay() ? "linear" : "none")
                + ", \"momentum\": " + number(o.momentum()) + ", \"beta1\": " + number(o.beta1()) + ", \"beta2\": "
                + number(o.beta2()) + ", \"eps\": " + number(o.eps()) + (o.zeroGrad() ? "" : ", \"zero_grad\": false")
                + "}");
        field(json, "steps", Integer.toString(spec.steps()));
        if (spec.batch() > 0) {
            field(json, "batch", Integer.toString(spec.batch()));
        }
        field(json, "seed", Integer.toString(spec.seed()));
        field(json, "data", data(spec.data()));
        if (origin != null) {
            field(json, "dataset", "{\"name\": " + string(origin.dataset()) + ", \"n\": " + origin.n()
                    + ", \"noise\": " + number(origin.noise()) + ", \"test_share\": " + number(origin.testShare())
                    + (origin.all() == null ? "" : ", \"all\": " + data(origin.all())) + "}");
        }
        int k = spec.layers()[spec.layers().length - 1];
        if (scores != null) {
            field(json, "scores", k == 1 ? numbers(scores) : rows(scores, k));
        }
        json.setLength(json.length() - 2); // the last field's ",\n"
        return json.append("\n}\n").toString();
    }

    /**
     * Reads what a model file adds to its spec, from the text {@link TrainSpec#parse} accepted. Both parts are
     * optional (a plain run spec has neither) and read leniently: a missing or ill-typed part is simply absent.
     */
    public static Saved read(String text) {
        Object root = Json.parse(text);
        if (!(root instanceof Map<?, ?> spec)) {
            return new Saved(0, null);
        }
        double steps = spec.get("trained_steps") instanceof Double d && d >= 0 && d <= Integer.MAX_VALUE
                && d == Math.rint(d) ? d : 0;
        return new Saved((int) steps, origin(spec.get("dataset")));
    }

    private static Origin origin(Object value) {
        if (!(value instanceof Map<?, ?> o) || !(o.get("name") instanceof String name)
                || !(o.get("n") instanceof Double n) || !(o.get("noise") instanceof Double noise)
                || !(o.get("test_share") instanceof Double share) || n != Math.rint(n) || n < 0
                || n > TrainSpec.MAX_POINTS) {
            return null;
        }
        Dataset all = null;
        if (o.get("all") instanceof Map<?, ?> points) {
            try {
                // the page's own points, with classes or (for a regression) targets
                all = TrainSpec.points(points, 2, points.containsKey("targets") ? Dataset.Labels.TARGETS
                        : Dataset.Labels.SIGNS);
            } catch (TrainSpec.SpecException e) {
                return null;
            }
        }
        return new Origin(name, (int) (double) n, noise, share, all);
    }

    private static void field(StringBuilder json, String key, String value) {
        json.append("  ").append(string(key)).append(": ").append(value).append(",\n");
    }

    /** k numbers per point, a row each. */
    private static String rows(double[] values, int k) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i + k <= values.length; i += k) {
            double[] row = new double[k];
            System.arraycopy(values, i, row, 0, k);
            s.append(i == 0 ? "\n    " : ",\n    ").append(numbers(row));
        }
        return s.append("\n  ]").toString();
    }

    /** The points one per line, so that the file reads (and diffs) well. */
    private static String data(Dataset data) {
        StringBuilder points = new StringBuilder("{\n    \"points\": [");
        for (int i = 0; i < data.size(); i++) {
            points.append(i == 0 ? "\n      " : ",\n      ").append(numbers(data.xs()[i]));
        }
        boolean targets = data.labels() == Dataset.Labels.TARGETS;
        points.append("\n    ],\n    \"").append(targets ? "targets" : "labels").append("\": [");
        for (int i = 0; i < data.size(); i++) {
            double y = data.ys()[i];
            points.append(i == 0 ? "" : ", ").append(targets ? number(y) : Numbers.format(y));
        }
        return points.append("]\n  }").toString();
    }

    private static String numbers(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return s.append(']').toString();
    }

    private static String integers(int[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return s.append(']').toString();
    }

    /** Full precision; JSON has no NaN or infinity, so a diverged number is null (and the file won't import). */
    static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    /** Only our own fixed words and sentences are written, but quote them properly all the same. */
    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                String hex = Integer.toHexString(c);
                out.append("\\u").append("0000", hex.length(), 4).append(hex);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
