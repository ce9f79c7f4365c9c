package org.backproplab.ui.train;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import org.backproplab.data.Dataset;
import org.backproplab.data.Datasets;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The trainer's side panels, which only the full controls show: Data (dataset, points, noise, seed, test share, and
 * the custom points' editor), Model (hidden layers, activations) and Training (loss, L2, optimizer, learning rate and
 * its decay, batch, engine, import a run). The menus list the enums' ids. Every number typed here is read by
 * Numbers.readBetween: a bad or out-of-range one is named in the message, and its field shows the last good value.
 */
final class SettingsPanel {
    /** For {@link #onNumber}: whether a field takes whole numbers only. */
    private static final boolean WHOLE = true;
    private static final boolean DECIMAL = false;

    private final TrainView view;
    private final HTMLElement side = Controls.extra(Dom.el("div", "bpl-side bpl-train-side"));
    private final HTMLSelectElement dataset = menu("dataset", DatasetChoice.values());
    private final HTMLSelectElement classes = select("classes", "2", "3", "4", "5");
    private final HTMLInputElement points = numberInput("points");
    private final HTMLInputElement noise = numberInput("noise");
    private final HTMLInputElement seed = numberInput("seed");
    private final HTMLSelectElement testRatio = select("test-ratio", "0", "0.1", "0.2", "0.3", "0.5");
    private final HTMLInputElement showTest = Dom.checkbox("show-test");
    private final Readout pointCount = new Readout("point-count");
    private final HTMLInputElement layers = textInput("layers");
    private final HTMLSelectElement neuronLayer = select("neuron-layer");
    private final HTMLSelectElement activation = menu("activation", Activation.HIDDEN);
    private final HTMLSelectElement output = menu("output", Activation.OUTPUT);
    private final HTMLSelectElement loss = menu("loss-type", Loss.Type.values());
    private final HTMLInputElement l2 = numberInput("l2");
    private final HTMLSelectElement optimizer = menu("optimizer", Optimizer.Kind.values());
    private final HTMLInputElement lr = numberInput("learning-rate");
    private final HTMLInputElement decay = Dom.checkbox("decay");
    private final HTMLInputElement lrEnd = numberInput("learning-rate-end");
    private final HTMLInputElement batch = numberInput("batch");
    private final HTMLInputElement forgetZeroGrad = Dom.checkbox("forget-zero-grad");
    private final HTMLElement forgetNote = Dom.text("p", "bpl-hint bpl-problem-note", "Without micrograd's p.grad = 0.0 "
            + "before backward, each step's grads are added to all the earlier ones: every step is bigger than it "
            + "should be, in a direction that is partly stale, and after a few steps the loss jumps back up.");
    // the compiled tape first: it is the default, and the Value graph is there to compare with
    private final HTMLSelectElement engine = menu("engine", new Trainer.Engine[] {Trainer.Engine.TAPE,
        Trainer.Engine.VALUE});

    private final FeatureToggles features;
    private final DatasetChange datasetChange;

    /** The panels, with the custom points' editor in Data and the import field in Training. */
    SettingsPanel(TrainView view, HTMLElement pointEditor, HTMLElement importField) {
        this.view = view;
        for (int i = 0; i < dataset.getOptions().getLength(); i++) {
            HTMLElement option = (HTMLElement) dataset.getOptions().get(i);
            option.setTextContent(DatasetChoice.values()[i].menuText());
        }
        this.features = new FeatureToggles(view);
        this.datasetChange = new DatasetChange(view, this);
        side.appendChild(dataPanel(pointEditor));
        side.appendChild(features.element());
        side.appendChild(modelPanel());
        side.appendChild(trainingPanel(importField));
    }

    HTMLElement element() {
        return side;
    }

    // long: the Data panel's rows and the handlers of its fields, which read best side by side
    private HTMLElement dataPanel(HTMLElement pointEditor) {
        HTMLElement panel = panel("Data");
        panel.appendChild(new TrainExamples(view).element());
        panel.appendChild(row(Dom.labelled(dataset, "dataset"), Dom.labelled(classes, "classes")));
        panel.appendChild(row(Dom.labelled(points, "points"), Dom.labelled(noise, "noise")));
        panel.appendChild(row(Dom.labelled(seed, "seed"), Dom.button("New data", "regenerate", () -> {
            view.settings().seed = (int) (Math.random() * 100000);
            view.dataChanged("New data from seed " + view.settings().seed + ".");
        })));
        panel.appendChild(row(Dom.labelled(testRatio, "test share"), Dom.labelled(showTest, "show test points")));
        pointCount.element().setClassName("bpl-hint bpl-point-count");
        panel.appendChild(pointCount.element());
        panel.appendChild(pointEditor);

        Dom.on(dataset, "change", e -> datasetChange.chosen(dataset.getValue()));
        Dom.on(classes, "change", e -> {
            view.settings().classes = (int) Numbers.parse(classes.getValue());
            view.settings().init = null;
            view.dataChanged("Now " + classes.getValue() + " classes: the network has one score per class.");
        });
        onNumber(points, "points", WHOLE, 4, 1000, () -> view.settings().points, n -> {
            view.settings().points = (int) n;
            view.dataChanged("Now " + (int) n + " points.");
        });
        onNumber(noise, "noise", DECIMAL, 0, Datasets.MAX_NOISE, () -> view.settings().noise, v -> {
            view.settings().noise = v;
            view.dataChanged("Noise " + Numbers.compact(v, 3) + ".");
        });
        onNumber(seed, "seed", WHOLE, Integer.MIN_VALUE, Integer.MAX_VALUE, () -> view.settings().seed, v -> {
            view.settings().seed = (int) v;
            view.dataChanged("Seed " + (int) v + ".");
        });
        Dom.on(testRatio, "change", e -> {
            view.settings().testRatio = Math.max(0, Math.min(0.9, Numbers.parse(testRatio.getValue())));
            view.dataChanged("Test share " + Numbers.compact(view.settings().testRatio * 100, 3) + "%.");
        });
        Dom.on(showTest, "change", e -> {
            view.settings().showTest = showTest.isChecked();
            view.showTestChanged();
        });
        return panel;
    }

    private HTMLElement modelPanel() {
        HTMLElement panel = panel("Model");
        panel.appendChild(row(Dom.labelled(layers, "hidden layers")));
        HTMLElement buttons = row(
                titled(Dom.button("+ layer", "add-layer", () -> changeLayers(1, 0)), "Add a layer"),
                titled(Dom.button("− layer", "remove-layer", () -> changeLayers(-1, 0)), "Remove the last layer"));
        buttons.getClassList().add("bpl-small-buttons");
        panel.appendChild(buttons);
        // as in TF Playground, a neuron is added to or taken from one layer: the one chosen here
        HTMLElement neurons = row(Dom.labelled(neuronLayer, "layer"),
                titled(Dom.button("+ neuron", "add-neuron", () -> changeLayers(0, 1)),
                        "One more neuron in the chosen layer"),
                titled(Dom.button("− neuron", "remove-neuron", () -> changeLayers(0, -1)),
                        "One fewer neuron in the chosen layer"));
        neurons.getClassList().add("bpl-small-buttons");
        panel.appendChild(neurons);
        panel.appendChild(row(Dom.labelled(activation, "activation"), Dom.labelled(output, "output")));
        Dom.on(layers, "change", e -> {
            StringBuilder why = new StringBuilder();
            if (TrainSettings.parseLayers(layers.getValue(), why) == null) {
                view.say("Hidden layers: " + why + ". Write sizes separated by commas, such as 16,16.");
                layers.setValue(view.settings().layers);
                return;
            }
            view.settings().layers = layers.getValue().trim();
            layersChanged();
        });
        Dom.on(activation, "change", e -> {
            view.settings().activation = Choice.byId(Activation.HIDDEN, activation.getValue());
            view.architectureChanged("Activation: " + activation.getValue() + ".");
        });
        Dom.on(output, "change", e -> {
            view.settings().output = Choice.byId(Activation.OUTPUT, output.getValue());
            view.architectureChanged("Output: " + output.getValue() + ".");
        });
        return panel;
    }

    /**
     * The + and − layer buttons (the last layer) and neuron buttons (the chosen layer only): sizes stay 1 to 64
     * neurons, in 0 to 6 hidden layers.
     */
    private void changeLayers(int layerDelta, int neuronDelta) {
        int[] sizes = TrainSettings.parseLayers(view.settings().layers, new StringBuilder());
        int chosen = (int) Numbers.parse(neuronLayer.getValue()) - 1;
        String next = LayerSizes.changed(sizes, layerDelta, neuronDelta, chosen);
        if (next.equals(view.settings().layers)) {
            view.say(sizes.length == 0 && neuronDelta != 0 ? "There is no hidden layer to change: add one with + layer."
                    : "The network can't change that way: 0 to " + TrainSettings.MAX_LAYERS + " hidden layers of 1 to "
                    + TrainSettings.MAX_NEURONS + " neurons.");
            return;
        }
        view.settings().layers = next;
        layers.setValue(next);
        layersChanged();
    }

    /** The layer menu of the neuron buttons: one entry per hidden layer, keeping the choice while it exists. */
    private void showNeuronLayers(int count) {
        String was = neuronLayer.getValue();
        neuronLayer.setTextContent("");
        for (int l = 1; l <= count; l++) {
            neuronLayer.appendChild(Dom.option(Integer.toString(l), Integer.toString(l)));
        }
        neuronLayer.setValue(was);
        if (neuronLayer.getSelectedIndex() < 0 && count > 0) {
            neuronLayer.setValue(Integer.toString(count));
        }
        if (count == 0) { // no hidden layer: the menu says so rather than stand empty
            neuronLayer.appendChild(Dom.option("", "none"));
        }
        neuronLayer.setDisabled(count == 0);
    }

    private void layersChanged() {
        String now = view.settings().layers;
        view.architectureChanged("Hidden layers: " + (now.isEmpty() ? "none" : now) + ".");
    }

    private HTMLElement trainingPanel(HTMLElement importField) {
        HTMLElement panel = panel("Training");
        panel.appendChild(row(Dom.labelled(loss, "loss"), Dom.labelled(l2, "L2")));
        panel.appendChild(row(Dom.labelled(optimizer, "optimizer"), Dom.labelled(lr, "learning rate")));
        lrEnd.setAttribute("aria-label", "final learning rate");
        panel.appendChild(row(Dom.labelled(decay, "decay to"), lrEnd));
        panel.appendChild(row(Dom.labelled(batch, "batch (0: all)"), Dom.labelled(engine, "engine")));
        panel.appendChild(zeroGradRow());
        panel.appendChild(Dom.text("p", "bpl-hint", "Changing these keeps the weights; changing the data or the "
                + "model starts again."));
        panel.appendChild(row(importField));

        Dom.on(loss, "change", e -> {
            boolean wasSoftmax = view.settings().softmax();
            view.settings().loss = Choice.byId(Loss.Type.values(), loss.getValue());
            if (view.settings().softmax() != wasSoftmax) { // one score or one per class: a new last layer
                view.architectureChanged("Loss: " + loss.getValue() + ".");
            } else {
                view.hyperChanged("Loss: " + loss.getValue() + ".");
            }
        });
        onNumber(l2, "L2", DECIMAL, 0, 10, () -> view.settings().l2, v -> {
            view.settings().l2 = v;
            view.hyperChanged("L2: " + Numbers.compact(v, 3) + ".");
        });
        Dom.on(optimizer, "change", e -> {
            view.settings().optimizer = Choice.byId(Optimizer.Kind.values(), optimizer.getValue());
            view.hyperChanged("Optimizer: " + optimizer.getValue() + ".");
        });
        onNumber(lr, "learning rate", DECIMAL, 0, 1e9, () -> view.settings().lr, v -> {
            view.settings().lr = v;
            view.hyperChanged("Learning rate: " + Numbers.compact(v, 4) + ".");
        });
        Dom.on(decay, "change", e -> {
            view.settings().decay = decay.isChecked();
            lrEnd.setDisabled(!decay.isChecked());
            view.hyperChanged(decay.isChecked() ? "The learning rate decays." : "The learning rate stays fixed.");
        });
        onNumber(lrEnd, "final learning rate", DECIMAL, 0, 1e9, () -> view.settings().lrEnd, v -> {
            view.settings().lrEnd = v;
            view.hyperChanged("Final learning rate: " + Numbers.compact(v, 4) + ".");
        });
        onNumber(batch, "batch", WHOLE, 0, 1000, () -> view.settings().batch, v -> {
            view.settings().batch = (int) v;
            view.hyperChanged(v == 0 ? "Full batch." : "Batches of " + (int) v + ".");
        });
        Dom.on(engine, "change", e -> {
            view.settings().engine = Choice.byId(Trainer.Engine.values(), engine.getValue());
            view.hyperChanged(view.settings().engine == Trainer.Engine.VALUE
                    ? "Engine: the Value graph, as micrograd builds it."
                    : "Engine: the compiled tape (same numbers, much faster).");
        });
        return panel;
    }

    /** The lecture's training bug, as a switch: forget zero_grad, with what goes wrong said under it. */
    private HTMLElement zeroGradRow() {
        HTMLElement wrap = Dom.el("div", "");
        forgetNote.setAttribute("data-testid", "forget-zero-grad-note");
        forgetNote.setHidden(true);
        HTMLElement label = Dom.labelled(forgetZeroGrad, "forget zero_grad (the lecture's bug)");
        label.getClassList().add("bpl-wrap"); // the longest label: it wraps in a narrow panel rather than overflow
        wrap.appendChild(row(label));
        wrap.appendChild(forgetNote);
        Dom.on(forgetZeroGrad, "change", e -> {
            view.settings().zeroGrad = !forgetZeroGrad.isChecked();
            forgetNote.setHidden(view.settings().zeroGrad);
            view.hyperChanged(view.settings().zeroGrad ? "The grads are zeroed before each backward pass again."
                    : "Forgetting zero_grad: from now on every parameter's grad keeps adding up, step after step.");
        });
        return wrap;
    }

    /**
     * Hears a field where a number is typed. The number is read by Numbers.readBetween: a whole one or not, from min
     * to max. If it is not a number, or out of range, the message says why, naming the field; the field shows the
     * last good value again and nothing changes. An out-of-range number is never clamped into a restart.
     */
    private void onNumber(HTMLInputElement field, String name, boolean whole, double min, double max,
            DoubleSupplier last, DoubleConsumer use) {
        Dom.on(field, "change", e -> {
            Numbers.Reading r = Numbers.readBetween(name, field.getValue(), whole, min, max);
            if (!r.ok()) {
                field.setValue(written(last.getAsDouble(), whole));
                view.say(r.error() + ". It stays " + field.getValue() + ".", true);
                return;
            }
            use.accept(r.value());
        });
    }

    private static String written(double value, boolean whole) {
        return whole ? Integer.toString((int) value) : Numbers.shortLiteral(value);
    }

    /** Puts the settings into the controls. */
    void show(TrainSettings s) {
        dataset.setValue(s.dataset.id());
        points.setValue(Integer.toString(s.points));
        noise.setValue(Numbers.shortLiteral(s.noise));
        seed.setValue(Integer.toString(s.seed));
        String share = s.testRatio == 0 ? "0" : Numbers.shortLiteral(s.testRatio);
        testRatio.setValue(share);
        if (testRatio.getSelectedIndex() < 0) {
            testRatio.appendChild(Dom.option(share, share));
            testRatio.setValue(share);
        }
        showTest.setChecked(s.showTest);
        points.setDisabled(!s.dataset.generated());
        noise.setDisabled(!s.dataset.generated());
        layers.setValue(s.layers);
        showNeuronLayers(s.sizes().length - 1);
        activation.setValue(s.activation.id());
        output.setValue(s.output.id());
        classes.setValue(Integer.toString(s.classes));
        ((HTMLElement) classes.getParentNode()).setHidden(!s.dataset.takesClasses()); // only spiral and blobs have it
        loss.setValue(s.softmax() ? Loss.Type.SOFTMAX.id() : s.loss.id());
        loss.setDisabled(s.classCount() >= 3); // more than two classes need a score each: softmax
        l2.setValue(Numbers.shortLiteral(s.l2));
        optimizer.setValue(s.optimizer.id());
        lr.setValue(Numbers.shortLiteral(s.lr));
        decay.setChecked(s.decay);
        lrEnd.setValue(Numbers.shortLiteral(s.lrEnd));
        lrEnd.setDisabled(!s.decay);
        batch.setValue(Integer.toString(s.batch));
        forgetZeroGrad.setChecked(!s.zeroGrad);
        forgetNote.setHidden(s.zeroGrad);
        engine.setValue(s.engine.id());
        loss.setDisabled(s.regression()); // regression learns with mse and a linear output neuron
        output.setDisabled(s.regression());
        features.show(s);
    }

    /** "100 points: 80 to train on, 20 to test with", with the total in data-value. */
    void showPointCount(int train, int test) {
        pointCount.show(train + test, (train + test) + " points: " + train + " to train on, " + test
                + " to test with");
    }

    // ---- small builders, also for the run bar's and the point editor's menus ----

    /** A menu of the choices, by id, in the order given. */
    static HTMLSelectElement menu(String testId, Choice[] choices) {
        String[] ids = new String[choices.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = choices[i].id();
        }
        return select(testId, ids);
    }

    static HTMLSelectElement select(String testId, String... values) {
        HTMLSelectElement s = (HTMLSelectElement) Dom.el("select", "bpl-select bpl-select-small");
        s.setAttribute("data-testid", testId);
        for (String v : values) {
            s.appendChild(Dom.option(v, v));
        }
        return s;
    }

    private static HTMLInputElement numberInput(String testId) {
        HTMLInputElement in = textInput(testId);
        in.setAttribute("inputmode", "decimal");
        return in;
    }

    private static HTMLInputElement textInput(String testId) {
        HTMLInputElement in = (HTMLInputElement) Dom.el("input", "bpl-input");
        in.setAttribute("type", "text");
        in.setAttribute("data-testid", testId);
        in.setAttribute("spellcheck", "false");
        return in;
    }

    private static HTMLElement panel(String title) {
        HTMLElement p = Dom.el("div", "bpl-panel");
        p.appendChild(Dom.text("h2", "", title));
        return p;
    }

    private static HTMLElement row(HTMLElement... children) {
        HTMLElement r = Dom.el("div", "bpl-row");
        for (HTMLElement child : children) {
            r.appendChild(child);
        }
        return r;
    }

    private static HTMLElement titled(HTMLElement e, String title) {
        e.setAttribute("title", title);
        return e;
    }
}
