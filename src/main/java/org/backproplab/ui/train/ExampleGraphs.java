package org.backproplab.ui.train;

import org.backproplab.data.Dataset;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.Activation;
import org.backproplab.nn.ExampleProgram;
import org.backproplab.nn.Features;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * One training example's whole scalar graph (forward pass and loss term, through the current weights), written as a
 * program and opened in a graph view by the app: the point clicked, or with Inspect the point with the largest loss
 * term, the most to learn from. The menu beside Inspect chooses the whole graph (the default 2-16-16-1 network makes
 * about 1,000 Values, drawn as the graph view draws any big graph: text appears as you zoom in) or one neuron's.
 */
final class ExampleGraphs {
    /**
     * Larger graphs take seconds to lay out and are too many Values to follow: past this, one neuron is offered. The
     * demo's 2-16-16-1 network (about 1,000) is well inside; 2-32-32-1 (about 3,500) is not.
     */
    private static final int MAX_NODES = 2000;

    private final TrainView view;
    private final TrainView.Inspector inspector;
    private final HTMLSelectElement mode = SettingsPanel.select("inspect-mode", "graph", "neuron");

    ExampleGraphs(TrainView view, TrainView.Inspector inspector) {
        this.view = view;
        this.inspector = inspector;
        mode.setAttribute("aria-label", "What Inspect opens");
        mode.setAttribute("title", "What Inspect (or a click on a point) opens: the example's whole graph, or the "
                + "graph of neuron 1 of the first layer");
        ((HTMLElement) mode.getChildNodes().item(0)).setTextContent("whole graph");
        ((HTMLElement) mode.getChildNodes().item(1)).setTextContent("one neuron");
    }

    /** The menu that chooses between the whole graph and one neuron's. */
    HTMLElement modeMenu() {
        return mode;
    }

    /** Opens training point i's graph, or its first neuron's, as the menu says. */
    void inspect(int i) {
        Trainer trainer = view.trainer();
        Dataset train = view.train();
        if (trainer == null || train.size() == 0) {
            return;
        }
        i = Math.max(0, Math.min(train.size() - 1, i));
        view.highlight(i);
        if (mode.getValue().equals("neuron")) {
            inspectNeuron(i);
            return;
        }
        TrainSettings settings = view.settings();
        int[] sizes = settings.sizes();
        Loss.Type loss = settings.softmax() ? Loss.Type.SOFTMAX : settings.loss;
        int nodes = ExampleProgram.nodeCount(settings.features(), sizes, loss);
        double[] x = train.xs()[i];
        double y = train.ys()[i];
        double term = term(trainer, loss, x, y);
        if (nodes > MAX_NODES) {
            view.say("One example's graph through this network has about " + nodes + " Values, more than the "
                    + MAX_NODES + " the graph view lays out in good time. Try a smaller network (the + and − neuron "
                    + "buttons), or look at one neuron's graph.");
            int point = i;
            view.addToMessage(Dom.button("Show neuron 1 of layer 1 for this point", "inspect-neuron",
                    () -> inspectNeuron(point)));
            return;
        }
        String program = ExampleProgram.write(trainer.parameterValues(), settings.features(), sizes,
                settings.activation, settings.output, loss, x, y);
        String what = settings.regression() ? ", target " + Numbers.compact(y, 6)
                : (loss == Loss.Type.SOFTMAX ? ", class " : ", label ") + Numbers.format(y);
        inspector.inspect(program, "Training point " + (i + 1) + " (x = " + Numbers.compact(x[0], 4)
                + (x.length > 1 ? ", " + Numbers.compact(x[1], 4) : "") + what
                + ") through the weights of step " + trainer.stepCount() + (nodes > 300 ? ": all " + nodes + " Values in "
                + "view; their text appears as you zoom in" : ""), term);
    }

    /** The training point with the largest loss term. */
    int worstPoint() {
        Trainer trainer = view.trainer();
        if (trainer == null) {
            return 0;
        }
        Dataset train = view.train();
        Loss.Type loss = view.settings().softmax() ? Loss.Type.SOFTMAX : view.settings().loss;
        int worst = 0;
        double most = -1;
        for (int i = 0; i < train.size(); i++) {
            double term = term(trainer, loss, train.xs()[i], train.ys()[i]);
            if (term > most) {
                most = term;
                worst = i;
            }
        }
        return worst;
    }

    /** Point x's own loss term: its one score's, or for softmax the cross-entropy of all its scores. */
    private static double term(Trainer trainer, Loss.Type loss, double[] x, double y) {
        if (loss != Loss.Type.SOFTMAX) {
            return Loss.pointLossValue(loss, trainer.predict(x), y);
        }
        double[] scores = new double[trainer.outputs()];
        trainer.predict(x, scores);
        return Loss.softmaxValue(scores, 0, scores.length, (int) y);
    }

    /** Opens the graph of the first neuron of the first layer, for training point i. */
    private void inspectNeuron(int point) {
        if (view.trainer() == null || view.train().size() == 0) {
            return; // the data changed since the button was offered
        }
        int i = Math.min(point, view.train().size() - 1);
        double[] x = view.train().xs()[i];
        double[] params = view.trainer().parameterValues();
        TrainSettings settings = view.settings();
        Features features = settings.features();
        int width = features.count();
        StringBuilder p = new StringBuilder("# neuron 1 of hidden layer 1, for training point " + (i + 1) + "\n");
        StringBuilder sum = new StringBuilder("b");
        for (int k = 0; k < x.length; k++) {
            p.append("x").append(k + 1).append(" = ").append(Numbers.literal(x[k])).append('\n');
        }
        for (Features.Feature f : features.chosen()) {
            p.append(f.programLine()); // the features it sees, made from x1 and x2 (x1sq = x1**2)
        }
        for (int k = 0; k < width; k++) {
            String in = features.isRaw() ? "x" + (k + 1) : features.chosen()[k].variable;
            p.append("w").append(k + 1).append(" = ").append(Numbers.literal(params[k])).append('\n');
            sum.append(" + w").append(k + 1).append(" * ").append(in);
        }
        p.append("b = ").append(Numbers.literal(params[width])).append('\n');
        Activation act = settings.sizes().length == 1 ? settings.output : settings.activation;
        p.append("h = ").append(act == Activation.LINEAR ? sum : act.id() + "(" + sum + ")").append('\n');
        inspector.inspect(p.toString(), "Neuron 1 of hidden layer 1, for training point " + (i + 1), Double.NaN);
    }
}
