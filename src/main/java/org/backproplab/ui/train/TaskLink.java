package org.backproplab.ui.train;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Text;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Features;
import org.backproplab.nn.Features.Feature;
import org.backproplab.nn.Loss;
import org.backproplab.ui.dom.Settings;

/**
 * The link keys of what the trainer learns and from what: {@code task=regression} (real targets, the MSE loss and a
 * linear output neuron) and {@code features=x1^2,x2^2} (TF Playground's input features, in the order given). A
 * value that can't be used is named in the link's message, and that part stays as it was.
 */
final class TaskLink {
    /** The network sees the coordinates themselves: a link leaves features out for these. */
    static final Feature[] XY = {Feature.X1, Feature.X2};

    /** The regression problem's tasks, as links name them. */
    enum Task implements Choice {
        CLASSIFICATION, REGRESSION
    }

    private TaskLink() {
    }

    /** The features of a comma-separated list of ids, or null (with why) if one is unknown, repeated or none is given. */
    static Feature[] parseFeatures(String text, StringBuilder why) {
        List<Feature> chosen = new ArrayList<>();
        for (String part : Text.split(text, ',')) {
            String id = part.trim();
            Feature f = Choice.byId(Feature.values(), id);
            if (f == null) {
                why.append(id.isEmpty() ? "an empty name" : "'" + Settings.shorten(id) + "' is not a feature")
                        .append("; expected ").append(Choice.ids(Feature.values()));
                return null;
            }
            if (chosen.contains(f)) {
                why.append(id).append(" is listed twice");
                return null;
            }
            chosen.add(f);
        }
        return chosen.toArray(new Feature[0]);
    }

    /** "x1^2,x2^2": how a link and the Features panel's message write a choice. */
    static String writeFeatures(Feature[] features) {
        StringBuilder s = new StringBuilder();
        for (Feature f : features) {
            s.append(s.length() == 0 ? "" : ",").append(f.id());
        }
        return s.toString();
    }

    /** Whether these are x1 and x2 in that order: the raw coordinates, as before there were features. */
    static boolean isRaw(Feature[] features) {
        return features.length == 2 && features[0] == Feature.X1 && features[1] == Feature.X2;
    }

    /** The Features of a choice, for a point of inputs coordinates: only points of the plane have features. */
    static Features of(Feature[] features, int inputs) {
        return inputs != 2 || isRaw(features) ? Features.raw(inputs) : Features.of(features);
    }

    /**
     * Reads the task and the features, after the dataset and before the other keys: a regression set brings the task
     * and its setup (and a classification set refuses the task); custom points take the task the link says.
     */
    static void read(Settings h, TrainSettings s) {
        Task task = h.choice("task", Task.values(), null);
        boolean regressionSet = s.dataset.regression();
        if (task == Task.REGRESSION && !regressionSet && s.dataset != DatasetChoice.CUSTOM) {
            h.ignore("task", s.dataset.id() + " is a classification set; regression needs plane, gaussians, sine or "
                    + "custom points");
        } else if (task == Task.CLASSIFICATION && regressionSet) {
            h.ignore("task", s.dataset.id() + " is a regression set: its points have real targets");
        } else if (task == Task.REGRESSION) {
            s.targets = true;
        }
        if (s.regression()) {
            if (h.has("loss") && !"mse".equals(h.get("loss"))) {
                h.ignore("loss", "regression learns real targets with mse");
            }
            if (h.has("out") && !"linear".equals(h.get("out"))) {
                h.ignore("out", "regression's output neuron is linear, so it can reach any target");
            }
            useRegressionSetup(s);
        }
        if (h.has("features")) {
            StringBuilder why = new StringBuilder();
            Feature[] features = parseFeatures(h.get("features"), why);
            if (features == null) {
                h.ignore("features", why.toString());
            } else if (s.inputs() != 2) {
                h.ignore("features", "they are made from x1 and x2, and " + s.dataset.id() + " has "
                        + s.inputs() + (s.inputs() == 1 ? " input" : " inputs"));
            } else {
                s.features = features;
            }
        }
    }

    /**
     * Regression's setup, which choosing a regression set brings (a link's own keys still win): the squared error, a
     * linear output neuron that can reach any target, smooth tanh neurons (a fitted curve shows relu's kinks), and
     * SGD from 0.05 to 0.005, which fits all three sets with the 16,16 network where the classification rate of 1.0
     * blows up.
     */
    static void useRegressionSetup(TrainSettings s) {
        s.loss = Loss.Type.MSE;
        s.output = Activation.LINEAR;
        s.activation = Activation.TANH;
        s.lr = 0.05;
        s.lrEnd = 0.005;
        s.decay = true;
    }

    /**
     * After a new dataset is chosen: regression brings its squared error and linear output, and leaving it gives
     * classification the demo's SVM loss back. Returns what changed, for the message ("" when nothing did).
     */
    static String taskChosen(TrainSettings s, boolean wasRegression) {
        if (s.regression() && !wasRegression) {
            useRegressionSetup(s);
            return " Regression: the network predicts a number for each point, learning with the mean squared error "
                    + "(mse), tanh neurons, a linear output neuron and a learning rate of 0.05.";
        }
        if (!s.regression() && wasRegression) {
            TrainSettings demo = new TrainSettings();
            s.loss = demo.loss;
            s.activation = demo.activation;
            s.lr = demo.lr;
            s.lrEnd = demo.lrEnd;
            return " Classification again: the demo's " + s.loss.id() + " loss, relu and a learning rate of 1.";
        }
        return "";
    }

    /** Writes the task when it is regression, and the features when they are not x1, x2. */
    static void write(Settings h, TrainSettings s) {
        if (s.regression()) {
            h.put("task", Task.REGRESSION.id());
        }
        if (!isRaw(s.features) && s.inputs() == 2) {
            h.put("features", writeFeatures(s.features));
        }
    }

    /**
     * Custom points with real targets: x,y,target triples separated by ';', or null (with why) if one is not, or is
     * outside the ranges every way in keeps to (Dataset.MAX_COORDINATE, Dataset.MAX_TARGET).
     */
    static List<double[]> parseTargets(String text, StringBuilder why) {
        List<double[]> pts = new ArrayList<>();
        if (text.trim().isEmpty()) {
            return pts;
        }
        String[] triples = Text.split(text, ';');
        for (int i = 0; i < triples.length; i++) {
            double[] v = Numbers.parseList(triples[i]);
            if (v == null || v.length != 3) {
                why.append("expected x,y,target triples separated by ';'; point ").append(i + 1).append(" is '")
                        .append(Settings.shorten(triples[i].trim())).append('\'');
                return null;
            }
            if (!Classes.inRange(v)) {
                why.append("point ").append(i + 1).append(" is out of range; expected x and y, each ")
                        .append(Dataset.COORDINATE_RANGE);
                return null;
            }
            String problem = Dataset.labelProblem(Dataset.Labels.TARGETS, v[2]);
            if (problem != null) {
                why.append("point ").append(i + 1).append("'s target ").append(Numbers.trimmed(v[2], 6))
                        .append(" is out of range; expected ").append(problem);
                return null;
            }
            pts.add(v);
        }
        return pts;
    }

    /** Custom points with real targets for a link: x,y,target triples separated by ';'. */
    static String writeTargets(List<double[]> custom) {
        StringBuilder pts = new StringBuilder();
        for (double[] p : custom) {
            pts.append(pts.length() == 0 ? "" : ";").append(Numbers.shortLiteral(p[0])).append(',')
                    .append(Numbers.shortLiteral(p[1])).append(',').append(Numbers.shortLiteral(p[2]));
        }
        return pts.toString();
    }
}
