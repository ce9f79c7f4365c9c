package org.backproplab.ui.train;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import org.backproplab.data.Dataset;
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
 * Numbers.read: a bad one is named in the message, and its field shows the last good value again.
 */
final class SettingsPanel {
    /** For {@link #onNumber}: whether a field takes whole numbers only. */
    private static final boolean WHOLE = true;
    private static final boolean DECIMAL = false;

    private final TrainView view;
    private final HTMLElement side = Controls.extra(Dom.el("div", "bpl-side bpl-train-side"));
    private final HTMLSelectElement dataset = menu("dataset", DatasetChoice.values());
    private final HTMLInputElement points = numberInput("points");
    private final HTMLInputElement noise = numberInput("noise");
    private final HTMLInputElement seed = numberInput("seed");
    private final HTMLSelectElement testRatio = select("test-ratio", "0", "0.1", "0.2", "0.3", "0.5");
    private final HTMLInputElement showTest = Dom.checkbox("show-test");
    private final HTMLElement pointCount = RunLoop.readout("point-count");
    private final HTMLInputElement layers = textInput("layers");
    private final HTMLSelectElement activation = menu("activation", Activation.HIDDEN);
    private final HTMLSelectElement output = menu("output", Activation.OUTPUT);
    private final HTMLSelectElement loss = menu("loss-type", Loss.Type.ONE_SCORE);
    private final HTMLInputElement l2 = numberInput("l2");
    private final HTMLSelectElement optimizer = menu("optimizer", Optimizer.Kind.values());
    private final HTMLInputElement lr = numberInput("learning-rate");
    private final HTMLInputElement decay = Dom.checkbox("decay");
    private final HTMLInputElement lrEnd = numberInput("learning-rate-end");
    private final HTMLInputElement batch = numberInput("batch");
    // the compiled tape first: it is the default, and the Value graph is there to compare with
    private final HTMLSelectElement engine = menu("engine", new Trainer.Engine[] {Trainer.Engine.TAPE,
        Trainer.Engine.VALUE});

    /** The panels, with the custom points' editor in Data and the import field in Training. */
    SettingsPanel(TrainView view, HTMLElement pointEditor, HTMLElement importField) {
        this.view = view;
        side.appendChild(dataPanel(pointEditor));
        side.appendChild(modelPanel());
        side.appendChild(trainingPanel(importField));
    }

    HTMLElement element() {
        return side;
    }

    private HTMLElement dataPanel(HTMLElement pointEditor) {
        HTMLElement panel = panel("Data");
        panel.appendChild(row(Dom.labelled(dataset, "dataset")));
        panel.appendChild(row(Dom.labelled(points, "points"), Dom.labelled(noise, "noise")));
        panel.appendChild(row(Dom.labelled(seed, "seed"), Dom.button("New data", "regenerate", () -> {
            view.settings().seed = (int) (Math.random() * 100000);
            view.dataChanged("New data from seed " + view.settings().seed + ".");
        })));
        panel.appendChild(row(Dom.labelled(testRatio, "test share"), Dom.labelled(showTest, "show test points")));
        pointCount.setClassName("bpl-hint bpl-point-count");
        panel.appendChild(pointCount);
        panel.appendChild(pointEditor);

        Dom.on(dataset, "change", e -> {
            TrainSettings s = view.settings();
            s.dataset = Choice.byId(DatasetChoice.values(), dataset.getValue());
            if (s.dataset == DatasetChoice.CUSTOM && s.custom.isEmpty()) {
                // start from the training points on show: clicks then change a dataset rather than fill an empty plot
                Dataset shown = view.train();
                for (int i = 0; i < shown.size(); i++) {
                    s.custom.add(new double[] {shown.xs()[i][0], shown.xs()[i][1], shown.ys()[i]});
                }
            }
            s.init = null;
            view.dataChanged("Dataset: " + s.dataset.id() + ".");
        });
        onNumber(points, "points", WHOLE, 4, 1000, () -> view.settings().points, n -> {
            view.settings().points = (int) n;
            view.dataChanged("Now " + (int) n + " points.");
        });
        onNumber(noise, "noise", DECIMAL, 0, 2, () -> view.settings().noise, v -> {
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
                titled(Dom.button("− layer", "remove-layer", () -> changeLayers(-1, 0)), "Remove the last layer"),
                titled(Dom.button("+ neuron", "add-neuron", () -> changeLayers(0, 1)), "One more neuron in each layer"),
                titled(Dom.button("− neuron", "remove-neuron", () -> changeLayers(0, -1)),
                        "One fewer neuron in each layer"));
        buttons.getClassList().add("bpl-small-buttons");
        panel.appendChild(buttons);
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

    /** The + and − layer and neuron buttons: sizes stay 1 to 64 neurons, in 0 to 6 hidden layers. */
    private void changeLayers(int layerDelta, int neuronDelta) {
        int[] sizes = TrainSettings.parseLayers(view.settings().layers, new StringBuilder());
        StringBuilder text = new StringBuilder();
        int count = Math.max(0, Math.min(TrainSettings.MAX_LAYERS, sizes.length + layerDelta));
        for (int l = 0; l < count; l++) {
            int n = l < sizes.length ? sizes[l] : (sizes.length > 0 ? sizes[sizes.length - 1] : 4);
            n = Math.max(1, Math.min(TrainSettings.MAX_NEURONS, n + neuronDelta));
            text.append(l == 0 ? "" : ",").append(n);
        }
        view.settings().layers = text.toString();
        layers.setValue(view.settings().layers);
        layersChanged();
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
        panel.appendChild(Dom.text("p", "bpl-hint", "Changing these keeps the weights; changing the data or the "
                + "model starts again."));
        panel.appendChild(row(importField));

        Dom.on(loss, "change", e -> {
            view.settings().loss = Choice.byId(Loss.Type.ONE_SCORE, loss.getValue());
            view.hyperChanged("Loss: " + loss.getValue() + ".");
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

    /**
     * Hears a field where a number is typed. The number is read by Numbers.read (a whole one by Numbers.readWhole),
     * kept from min to max, and used. If it is not a number, the message says why, naming the field, the field
     * shows the last good value again, and nothing changes.
     */
    private void onNumber(HTMLInputElement field, String name, boolean whole, double min, double max,
            DoubleSupplier last, DoubleConsumer use) {
        Dom.on(field, "change", e -> {
            String text = field.getValue();
            Numbers.Reading r = whole ? Numbers.readWhole(name, text) : Numbers.read(name, text);
            if (!r.ok()) {
                field.setValue(written(last.getAsDouble(), whole));
                view.say(r.error() + ". It stays " + field.getValue() + ".", true);
                return;
            }
            double v = Math.max(min, Math.min(max, r.value()));
            if (v != r.value()) {
                field.setValue(written(v, whole)); // the field shows the value in use
            }
            use.accept(v);
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
        activation.setValue(s.activation.id());
        output.setValue(s.output.id());
        loss.setValue(s.loss.id());
        l2.setValue(Numbers.shortLiteral(s.l2));
        optimizer.setValue(s.optimizer.id());
        lr.setValue(Numbers.shortLiteral(s.lr));
        decay.setChecked(s.decay);
        lrEnd.setValue(Numbers.shortLiteral(s.lrEnd));
        lrEnd.setDisabled(!s.decay);
        batch.setValue(Integer.toString(s.batch));
        engine.setValue(s.engine.id());
    }

    /** "100 points: 80 to train on, 20 to test with", with the total in data-value. */
    void showPointCount(int train, int test) {
        RunLoop.set(pointCount, train + test, (train + test) + " points: " + train + " to train on, " + test
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
