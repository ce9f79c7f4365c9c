package org.backproplab.ui.train;

import org.backproplab.data.Csv;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.Activation;
import org.backproplab.nn.ExampleProgram;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Loss;
import org.backproplab.nn.LossHistory;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.TrainSpec;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.bench.FrameStats;
import org.backproplab.ui.chart.LineChart;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Download;
import org.backproplab.ui.dom.ExportMenu;
import org.backproplab.ui.dom.Settings;
import org.backproplab.ui.dom.View;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * #view=train: train a tiny MLP on toy 2-D data, with a live decision boundary, loss and accuracy charts and a
 * network diagram, and open any example's scalar graph in the graph view. Training runs in slices of about 8 ms
 * inside requestAnimationFrame, then the frame draws, so the page stays responsive while it learns.
 */
public final class TrainView implements View {
    /** Opens a program (one example's graph) in a graph view, with a title and the loss term it should show. */
    public interface Inspector {
        void inspect(String program, String title, double lossTerm);
    }

    private static final double SLICE_MS = 7;
    private static final double HEATMAP_MS = 2;
    private static final int[] BUDGETS = {100, 500, 1000, 0};

    private final HTMLElement root = Dom.el("section", "bpl-train-view");
    private final Runnable changed;
    private final Inspector inspector;
    private final boolean canEdit;
    private TrainSettings settings;

    // controls
    private final HTMLSelectElement dataset = select("dataset", TrainSettings.DATASETS);
    private final HTMLInputElement points = numberInput("points");
    private final HTMLInputElement noise = numberInput("noise");
    private final HTMLInputElement seed = numberInput("seed");
    private final HTMLSelectElement testRatio = select("test-ratio", "0", "0.1", "0.2", "0.3", "0.5");
    private final HTMLInputElement showTest = Dom.checkbox("show-test");
    private final HTMLSelectElement clickMode = select("click-mode", "add", "remove", "inspect");
    private final HTMLSelectElement pointClass = select("point-class", "+1", "-1");
    private final HTMLElement customPanel = Dom.el("div", "bpl-custom");
    private final HTMLTextAreaElement csv = (HTMLTextAreaElement) Dom.el("textarea", "bpl-csv");
    private final HTMLElement csvBox = Dom.el("div", "bpl-csv-box");
    private final HTMLInputElement layers = textInput("layers");
    private final HTMLSelectElement activation = select("activation", "relu", "tanh", "sigmoid");
    private final HTMLSelectElement output = select("output", "linear", "tanh");
    private final HTMLSelectElement loss = select("loss-type", "svm", "mse", "logistic");
    private final HTMLInputElement l2 = numberInput("l2");
    private final HTMLSelectElement optimizer = select("optimizer", "sgd", "momentum", "adam");
    private final HTMLInputElement lr = numberInput("learning-rate");
    private final HTMLInputElement decay = Dom.checkbox("decay");
    private final HTMLInputElement lrEnd = numberInput("learning-rate-end");
    private final HTMLInputElement batch = numberInput("batch");
    private final HTMLSelectElement engine = select("engine", "tape", "value");
    private final HTMLSelectElement budget = select("budget", "100", "500", "1000", "∞");
    private final HTMLInputElement importSpec = (HTMLInputElement) Dom.el("input", "bpl-file");

    // read-outs and views
    private final HTMLElement playButton;
    private final HTMLElement stepCount = readout("step-count");
    private final HTMLElement lossOut = readout("loss");
    private final HTMLElement testLossOut = readout("test-loss");
    private final HTMLElement accuracyOut = readout("accuracy");
    private final HTMLElement testAccuracyOut = readout("test-accuracy");
    private final HTMLElement message = Dom.el("div", "bpl-train-message");
    private final HTMLElement pointCount = readout("point-count");
    private final BoundaryPlot boundary = new BoundaryPlot();
    private final HTMLElement lectureTable = Dom.el("table", "bpl-lecture-table");
    private final LineChart.Series trainLoss = new LineChart.Series("train", "#1d4f91", false);
    private final LineChart.Series testLoss = new LineChart.Series("test", "#c25e00", true);
    private final LineChart.Series trainAccuracy = new LineChart.Series("train", "#1d4f91", false);
    private final LineChart.Series testAccuracy = new LineChart.Series("test", "#c25e00", true);
    private final LineChart lossChart = new LineChart("Loss", "loss-chart", false, true, trainLoss, testLoss);
    private final LineChart accuracyChart = new LineChart("Accuracy", "accuracy-chart", true, false, trainAccuracy,
            testAccuracy);
    private final NetworkDiagram diagram = new NetworkDiagram(this::setParameter);

    // the run
    private Dataset train;
    private Dataset test;
    private Trainer trainer;
    private Forward forward;
    private boolean playing;
    private int frame = -1;
    private double predictMsPerRow = 0.5;
    private boolean dirty = true;
    private Trainer.Evaluation current;
    private Trainer.Evaluation currentTest;
    private int inspected = -1;
    private boolean shown;
    // the run's milestones: when play started, how long the first 100 steps took, the first step at 100% accuracy
    private double playStarted = Double.NaN;
    private int playStartStep;
    private double hundredStepsMs = Double.NaN;
    private int firstFullAccuracy = -1;
    private int chartTurn;

    /**
     * A trainer with the settings from the state. With less than the full controls the settings panels go (the
     * settings then come only from the widget's attributes or the link); with none, points and weights are locked.
     */
    public TrainView(Settings state, Controls controls, Runnable changed, Inspector inspector) {
        this.changed = changed;
        this.inspector = inspector;
        this.canEdit = controls.canEdit();
        root.setAttribute("data-testid", "train-view");
        settings = TrainSettings.read(state);

        HTMLElement side = Controls.extra(Dom.el("div", "bpl-side bpl-train-side"));
        side.appendChild(dataPanel());
        side.appendChild(modelPanel());
        side.appendChild(trainingPanel());

        HTMLElement main = Dom.el("div", "bpl-train-main");
        HTMLElement bar = Dom.el("div", "bpl-toolbar bpl-run-bar");
        bar.setAttribute("role", "toolbar");
        bar.setAttribute("aria-label", "Training");
        playButton = Dom.button("▶ Play", "train-play", this::togglePlay);
        playButton.setAttribute("title", "Train continuously (Space)");
        bar.appendChild(playButton);
        HTMLElement stepButton = Dom.button("Step", "train-step", this::stepOnce);
        stepButton.setAttribute("title", "One training step (S)");
        bar.appendChild(stepButton);
        HTMLElement resetButton = Dom.button("Reset", "train-reset", () -> {
            rebuild(true);
            say("Started again from step 0, with the weights drawn from the seed.");
        });
        resetButton.setAttribute("title", "Start again from the initial weights (R)");
        bar.appendChild(resetButton);
        bar.appendChild(figure("Step", stepCount, null));
        bar.appendChild(figure("Loss", lossOut, testLossOut));
        bar.appendChild(figure("Accuracy", accuracyOut, testAccuracyOut));
        bar.appendChild(Dom.el("span", "bpl-spacer"));
        bar.appendChild(Controls.extra(Dom.labelled(budget, "stop at")));
        HTMLElement inspect = Dom.button("Inspect", "inspect", () -> inspect(worstPoint()));
        inspect.setAttribute("title", "Open the scalar graph of the training point with the largest loss (or click a "
                + "point to pick one)");
        bar.appendChild(inspect);
        bar.appendChild(new ExportMenu("train-export", "Save the model, the loss curves or the picture as a file")
                .item("Model as JSON (settings and weights)", "export-model", this::exportModel)
                .item("Loss history as CSV", "export-loss-csv", this::exportLossCsv)
                .item("Decision boundary as PNG", "export-boundary-png", this::exportBoundaryPng)
                .element());
        main.appendChild(bar);
        message.setAttribute("data-testid", "train-message");
        message.setAttribute("role", "status");
        message.setHidden(true);
        main.appendChild(message);

        HTMLElement stage = Dom.el("div", "bpl-train-stage");
        HTMLElement plotPanel = Dom.el("div", "bpl-panel bpl-plot-panel");
        plotPanel.appendChild(boundary.element());
        lectureTable.setAttribute("data-testid", "lecture-table");
        lectureTable.setHidden(true);
        plotPanel.appendChild(lectureTable);
        plotPanel.appendChild(Dom.text("p", "bpl-hint bpl-plot-hint", "Background: the network's score (blue > 0, "
                + "orange < 0); the dark line is where it is 0. Filled dots: training points; rings: test points. "
                + "Click a point to see its scalar graph."));
        stage.appendChild(plotPanel);
        HTMLElement right = Dom.el("div", "bpl-train-right");
        HTMLElement net = Controls.extra(Dom.el("div", "bpl-panel"));
        net.appendChild(diagram.element());
        right.appendChild(net);
        HTMLElement charts = Dom.el("div", "bpl-panel bpl-charts");
        charts.appendChild(lossChart.element());
        charts.appendChild(accuracyChart.element());
        right.appendChild(charts);
        stage.appendChild(right);
        main.appendChild(stage);

        root.appendChild(side);
        root.appendChild(main);
        boundary.onClick(this::plotClicked);
        Dom.on(root, "keydown", e -> shortcut((KeyboardEvent) e));
        showSettings();
        rebuild(true);
    }

    // ---- View ----

    @Override
    public HTMLElement element() {
        return root;
    }

    @Override
    public void shown() {
        shown = true;
        dirty = true;
        requestFrame();
    }

    @Override
    public void writeState(Settings state) {
        if (!settings.write(state)) {
            say("The " + settings.custom.size() + " custom points are too many to share in a link (at most "
                    + TrainSettings.MAX_POINTS_IN_LINK + "): a link opens the other settings with moons.");
        }
    }

    @Override
    public void shortcut(KeyboardEvent e) {
        String tag = Dom.tagOf(e.getTarget());
        if (tag.equals("TEXTAREA") || tag.equals("INPUT") || tag.equals("SELECT") || e.isCtrlKey() || e.isMetaKey()) {
            return;
        }
        switch (e.getKey()) {
            case " " -> togglePlay();
            case "s", "S" -> stepOnce();
            case "r", "R" -> rebuild(true);
            default -> {
                return;
            }
        }
        e.preventDefault();
    }

    /** For the benchmark: play the current setup with no step limit. */
    public void benchPlay() {
        settings.budget = 0;
        budget.setValue("∞");
        play();
    }

    /** For the benchmark: ms for the first 100 steps of play (NaN until then), and the first step at 100%. */
    public double hundredStepsMs() {
        return hundredStepsMs;
    }

    public int firstFullAccuracy() {
        return firstFullAccuracy;
    }

    @Override
    public void hidden() {
        shown = false;
        pause();
    }

    // ---- panels ----

    private HTMLElement dataPanel() {
        HTMLElement panel = panel("Data");
        panel.appendChild(row(Dom.labelled(dataset, "dataset")));
        HTMLElement generated = Dom.el("div", "bpl-row");
        generated.appendChild(Dom.labelled(points, "points"));
        generated.appendChild(Dom.labelled(noise, "noise"));
        panel.appendChild(generated);
        HTMLElement seedRow = Dom.el("div", "bpl-row");
        seedRow.appendChild(Dom.labelled(seed, "seed"));
        seedRow.appendChild(Dom.button("New data", "regenerate", () -> {
            settings.seed = (int) (Math.random() * 100000);
            seed.setValue(Integer.toString(settings.seed));
            dataChanged("New data from seed " + settings.seed + ".");
        }));
        panel.appendChild(seedRow);
        HTMLElement split = Dom.el("div", "bpl-row");
        split.appendChild(Dom.labelled(testRatio, "test share"));
        split.appendChild(Dom.labelled(showTest, "show test points"));
        panel.appendChild(split);
        pointCount.setClassName("bpl-hint bpl-point-count");
        panel.appendChild(pointCount);

        customPanel.appendChild(Dom.text("p", "bpl-hint", "Click the plot to add a point of the chosen class "
                + "(shift-click: the other class); right-click removes the nearest point."));
        HTMLElement modeRow = Dom.el("div", "bpl-row");
        modeRow.appendChild(Dom.labelled(clickMode, "click to"));
        modeRow.appendChild(Dom.labelled(pointClass, "class"));
        customPanel.appendChild(modeRow);
        HTMLElement csvRow = Dom.el("div", "bpl-row");
        csvRow.appendChild(Dom.button("Paste CSV…", "paste-csv", () -> csvBox.setHidden(!csvBox.isHidden())));
        csvRow.appendChild(Dom.button("Clear points", "clear-points", () -> {
            settings.custom.clear();
            dataChanged("All points removed: click the plot to add some.");
        }));
        customPanel.appendChild(csvRow);
        csv.setAttribute("data-testid", "csv");
        csv.setAttribute("aria-label", "Points as CSV: x,y,label per line");
        csv.setAttribute("placeholder", "x,y,label\n0.5,1.2,1\n-0.3,0.8,-1");
        csv.setRows(6);
        csvBox.appendChild(csv);
        csvBox.appendChild(Dom.button("Use these points", "csv-apply", this::applyCsv));
        csvBox.setHidden(true);
        customPanel.appendChild(csvBox);
        panel.appendChild(customPanel);

        Dom.on(dataset, "change", e -> {
            settings.dataset = dataset.getValue();
            if (settings.dataset.equals("custom") && settings.custom.isEmpty()) {
                for (int i = 0; i < train.size(); i++) {
                    settings.custom.add(new double[] {train.xs()[i][0], train.xs()[i][1], train.ys()[i]});
                }
            }
            settings.init = null;
            dataChanged("Dataset: " + settings.dataset + ".");
        });
        Dom.on(points, "change", e -> {
            settings.points = clampInt(points.getValue(), settings.points, 4, 1000);
            dataChanged("Now " + settings.points + " points.");
        });
        Dom.on(noise, "change", e -> {
            settings.noise = clampNumber(noise.getValue(), settings.noise, 0, 2);
            dataChanged("Noise " + Numbers.compact(settings.noise, 3) + ".");
        });
        Dom.on(seed, "change", e -> {
            settings.seed = clampInt(seed.getValue(), settings.seed, Integer.MIN_VALUE, Integer.MAX_VALUE);
            dataChanged("Seed " + settings.seed + ".");
        });
        Dom.on(testRatio, "change", e -> {
            settings.testRatio = clampNumber(testRatio.getValue(), 0.2, 0, 0.9);
            dataChanged("Test share " + Numbers.compact(settings.testRatio * 100, 3) + "%.");
        });
        Dom.on(showTest, "change", e -> {
            settings.showTest = showTest.isChecked();
            boundary.setData(train, test, settings.showTest);
            dirty = true;
            requestFrame();
            changed.run();
        });
        return panel;
    }

    private HTMLElement modelPanel() {
        HTMLElement panel = panel("Model");
        HTMLElement layerRow = Dom.el("div", "bpl-row");
        layerRow.appendChild(Dom.labelled(layers, "hidden layers"));
        panel.appendChild(layerRow);
        HTMLElement buttons = Dom.el("div", "bpl-row bpl-small-buttons");
        buttons.appendChild(titled(Dom.button("+ layer", "add-layer", () -> changeLayers(1, 0)), "Add a layer"));
        buttons.appendChild(titled(Dom.button("− layer", "remove-layer", () -> changeLayers(-1, 0)),
                "Remove the last layer"));
        buttons.appendChild(titled(Dom.button("+ neuron", "add-neuron", () -> changeLayers(0, 1)),
                "One more neuron in each layer"));
        buttons.appendChild(titled(Dom.button("− neuron", "remove-neuron", () -> changeLayers(0, -1)),
                "One fewer neuron in each layer"));
        panel.appendChild(buttons);
        HTMLElement acts = Dom.el("div", "bpl-row");
        acts.appendChild(Dom.labelled(activation, "activation"));
        acts.appendChild(Dom.labelled(output, "output"));
        panel.appendChild(acts);
        Dom.on(layers, "change", e -> {
            StringBuilder why = new StringBuilder();
            if (TrainSettings.parseLayers(layers.getValue(), why) == null) {
                say("Hidden layers: " + why + ". Write sizes separated by commas, such as 16,16.");
                layers.setValue(settings.layers);
                return;
            }
            settings.layers = layers.getValue().trim();
            architectureChanged("Hidden layers: " + (settings.layers.isEmpty() ? "none" : settings.layers) + ".");
        });
        Dom.on(activation, "change", e -> {
            settings.activation = activation.getValue();
            architectureChanged("Activation: " + settings.activation + ".");
        });
        Dom.on(output, "change", e -> {
            settings.output = output.getValue();
            architectureChanged("Output: " + settings.output + ".");
        });
        return panel;
    }

    private HTMLElement trainingPanel() {
        HTMLElement panel = panel("Training");
        HTMLElement lossRow = Dom.el("div", "bpl-row");
        lossRow.appendChild(Dom.labelled(loss, "loss"));
        lossRow.appendChild(Dom.labelled(l2, "L2"));
        panel.appendChild(lossRow);
        HTMLElement optRow = Dom.el("div", "bpl-row");
        optRow.appendChild(Dom.labelled(optimizer, "optimizer"));
        optRow.appendChild(Dom.labelled(lr, "learning rate"));
        panel.appendChild(optRow);
        HTMLElement decayRow = Dom.el("div", "bpl-row");
        decayRow.appendChild(Dom.labelled(decay, "decay to"));
        decayRow.appendChild(lrEnd);
        lrEnd.setAttribute("aria-label", "final learning rate");
        panel.appendChild(decayRow);
        HTMLElement batchRow = Dom.el("div", "bpl-row");
        batchRow.appendChild(Dom.labelled(batch, "batch (0: all)"));
        batchRow.appendChild(Dom.labelled(engine, "engine"));
        panel.appendChild(batchRow);
        panel.appendChild(Dom.text("p", "bpl-hint", "Changing these keeps the weights; changing the data or the "
                + "model starts again."));
        HTMLElement importRow = Dom.el("div", "bpl-row");
        importSpec.setAttribute("type", "file");
        importSpec.setAttribute("accept", ".json,application/json");
        importSpec.setAttribute("data-testid", "import-spec");
        importRow.appendChild(Dom.labelled(importSpec, "import a run"));
        panel.appendChild(importRow);

        Dom.on(loss, "change", e -> {
            settings.loss = loss.getValue();
            hyperChanged("Loss: " + settings.loss + ".");
        });
        Dom.on(l2, "change", e -> {
            settings.l2 = clampNumber(l2.getValue(), settings.l2, 0, 10);
            hyperChanged("L2: " + Numbers.compact(settings.l2, 3) + ".");
        });
        Dom.on(optimizer, "change", e -> {
            settings.optimizer = optimizer.getValue();
            hyperChanged("Optimizer: " + settings.optimizer + ".");
        });
        Dom.on(lr, "change", e -> {
            settings.lr = clampNumber(lr.getValue(), settings.lr, 0, 1e9);
            hyperChanged("Learning rate: " + Numbers.compact(settings.lr, 4) + ".");
        });
        Dom.on(decay, "change", e -> {
            settings.decay = decay.isChecked();
            lrEnd.setDisabled(!settings.decay);
            hyperChanged(settings.decay ? "The learning rate decays." : "The learning rate stays fixed.");
        });
        Dom.on(lrEnd, "change", e -> {
            settings.lrEnd = clampNumber(lrEnd.getValue(), settings.lrEnd, 0, 1e9);
            hyperChanged("Final learning rate: " + Numbers.compact(settings.lrEnd, 4) + ".");
        });
        Dom.on(batch, "change", e -> {
            settings.batch = clampInt(batch.getValue(), settings.batch, 0, 1000);
            hyperChanged(settings.batch == 0 ? "Full batch." : "Batches of " + settings.batch + ".");
        });
        Dom.on(engine, "change", e -> {
            settings.engine = engine.getValue();
            hyperChanged(settings.engine.equals("value") ? "Engine: the Value graph, as micrograd builds it."
                    : "Engine: the compiled tape (same numbers, much faster).");
        });
        Dom.on(budget, "change", e -> {
            settings.budget = budget.getValue().equals("∞") ? 0 : Integer.parseInt(budget.getValue());
            hyperChanged(settings.budget == 0 ? "Training runs until paused." : "Training stops at step "
                    + settings.budget + ".");
        });
        Dom.on(importSpec, "change", e -> readFile(importSpec, this::importRun));
        return panel;
    }

    /** Puts the settings into the controls. */
    private void showSettings() {
        dataset.setValue(settings.dataset);
        points.setValue(Integer.toString(settings.points));
        noise.setValue(Numbers.shortLiteral(settings.noise));
        seed.setValue(Integer.toString(settings.seed));
        testRatio.setValue(Numbers.format(settings.testRatio).equals("0") ? "0" : Numbers.shortLiteral(
                settings.testRatio));
        if (testRatio.getSelectedIndex() < 0) {
            testRatio.appendChild(Dom.option(Numbers.shortLiteral(settings.testRatio), Numbers.shortLiteral(
                    settings.testRatio)));
            testRatio.setValue(Numbers.shortLiteral(settings.testRatio));
        }
        showTest.setChecked(settings.showTest);
        boolean custom = settings.dataset.equals("custom");
        customPanel.setHidden(!custom);
        points.setDisabled(custom || settings.dataset.equals("lecture"));
        noise.setDisabled(custom || settings.dataset.equals("lecture"));
        layers.setValue(settings.layers);
        activation.setValue(settings.activation);
        output.setValue(settings.output);
        loss.setValue(settings.loss);
        l2.setValue(Numbers.shortLiteral(settings.l2));
        optimizer.setValue(settings.optimizer);
        lr.setValue(Numbers.shortLiteral(settings.lr));
        decay.setChecked(settings.decay);
        lrEnd.setValue(Numbers.shortLiteral(settings.lrEnd));
        lrEnd.setDisabled(!settings.decay);
        batch.setValue(Integer.toString(settings.batch));
        engine.setValue(settings.engine);
        budget.setValue(settings.budget == 0 ? "∞" : Integer.toString(settings.budget));
        if (budget.getSelectedIndex() < 0) {
            budget.appendChild(Dom.option(Integer.toString(settings.budget), Integer.toString(settings.budget)));
            budget.setValue(Integer.toString(settings.budget));
        }
    }

    // ---- changes ----

    private void dataChanged(String what) {
        rebuild(true);
        say(what + " Training starts again from step 0.");
    }

    private void architectureChanged(String what) {
        settings.init = null;
        rebuild(true);
        say(what + " A new network: training starts again from step 0.");
    }

    /** A hyper-parameter changed: carry on from the current weights and step, with the new setting. */
    private void hyperChanged(String what) {
        if (trainer == null) {
            rebuild(true);
            return;
        }
        int at = trainer.stepCount();
        double[] weights = trainer.parameterValues();
        TrainSettings next = settings.copy();
        next.init = weights;
        trainer = new Trainer(next.spec(train), Choice.byId(Trainer.Engine.values(), settings.engine));
        trainer.resumeAt(at);
        evaluate();
        say(what + " The weights are kept.");
        redrawNow();
        changed.run();
    }

    private void changeLayers(int layerDelta, int neuronDelta) {
        int[] sizes = TrainSettings.parseLayers(settings.layers, new StringBuilder());
        StringBuilder text = new StringBuilder();
        int count = Math.max(0, Math.min(TrainSettings.MAX_LAYERS, sizes.length + layerDelta));
        for (int l = 0; l < count; l++) {
            int n = l < sizes.length ? sizes[l] : (sizes.length > 0 ? sizes[sizes.length - 1] : 4);
            n = Math.max(1, Math.min(TrainSettings.MAX_NEURONS, n + neuronDelta));
            text.append(l == 0 ? "" : ",").append(n);
        }
        settings.layers = text.toString();
        layers.setValue(settings.layers);
        architectureChanged("Hidden layers: " + (settings.layers.isEmpty() ? "none" : settings.layers) + ".");
    }

    /** Starts the run again from the settings: data, split, network, initial weights. */
    private void rebuild(boolean resetCharts) {
        pause();
        showSettings();
        Dataset.Split split = settings.split();
        train = split.train();
        test = split.test();
        int[] sizes = settings.sizes();
        forward = new Forward(settings.inputs(), sizes, Choice.byId(Activation.values(), settings.activation),
                Choice.byId(Activation.values(), settings.output));
        boolean lecture = settings.dataset.equals("lecture");
        boundary.element().setHidden(lecture);
        lectureTable.setHidden(!lecture);
        boundary.setData(train, test, settings.showTest);
        set(pointCount, train.size() + test.size(), (train.size() + test.size()) + " points: " + train.size()
                + " to train on, " + test.size() + " to test with");
        diagram.setArchitecture(settings.inputs(), sizes, forward);
        double[] region = boundary.region();
        diagram.setRegion(region[0], region[1], region[2], region[3]);
        if (train.size() < 2) {
            trainer = null;
            current = null;
            currentTest = null;
            say("Add at least two points (click the plot) to train.");
        } else {
            try {
                trainer = new Trainer(settings.spec(train), Choice.byId(Trainer.Engine.values(), settings.engine));
            } catch (RuntimeException e) {
                trainer = null;
                say("Can't train with these settings: " + e.getMessage());
            }
        }
        firstFullAccuracy = -1;
        hundredStepsMs = Double.NaN;
        root.removeAttribute("data-first-full-accuracy");
        root.removeAttribute("data-hundred-steps-ms");
        if (resetCharts) {
            trainLoss.clear();
            testLoss.clear();
            trainAccuracy.clear();
            testAccuracy.clear();
        }
        inspected = -1;
        boundary.highlight(-1);
        evaluate();
        record();
        redrawNow();
        changed.run();
    }

    /** Draws at once (after a click or a setting), so every read-out is current when the handler returns. */
    private void redrawNow() {
        if (shown) {
            draw(false);
            dirty = false;
        } else {
            dirty = true;
        }
    }

    private void setParameter(int index, double value) {
        if (trainer == null) {
            return;
        }
        trainer.setParameter(index, value);
        evaluate();
        redrawNow();
        say("Parameter " + index + " set to " + Numbers.compact(value, 6) + ".");
    }

    // ---- the run ----

    private void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    private void play() {
        if (trainer == null) {
            return;
        }
        if (settings.budget > 0 && trainer.stepCount() >= settings.budget) {
            say("The run reached its " + settings.budget + " steps: choose a longer one (stop at), or press Reset.");
            return;
        }
        playing = true;
        playStarted = Dom.now();
        playStartStep = trainer.stepCount();
        playButton.setTextContent("❚❚ Pause");
        playButton.setAttribute("aria-pressed", "true");
        root.setAttribute("data-playing", "true");
        requestFrame();
    }

    private void pause() {
        playing = false;
        playButton.setTextContent("▶ Play");
        playButton.setAttribute("aria-pressed", "false");
        root.setAttribute("data-playing", "false");
    }

    private void stepOnce() {
        pause();
        if (trainer != null) {
            if (takeStep()) {
                evaluate();
                record();
            }
            redrawNow();
        }
    }

    /**
     * One step, checked for NaN and infinity; false (and paused, with a message) if training broke. The charts get
     * the step's own loss and accuracy (those of the weights before its update, as micrograd prints them) and the
     * test figures of the same weights.
     */
    private boolean takeStep() {
        Trainer.Evaluation testBefore = test.size() > 0 ? trainer.evaluate(test) : null;
        Trainer.Step s = trainer.step();
        String bad = firstBad(s.loss());
        if (bad != null) {
            pause();
            say("Training stopped at step " + s.step() + ": " + bad + ". The learning rate ("
                    + Numbers.compact(settings.lr, 4) + ") is probably too large for this network: try a smaller "
                    + "one, such as " + Numbers.compact(settings.lr / 10, 4) + ", then press Reset.", true);
            root.setAttribute("data-nan-step", Integer.toString(s.step()));
            evaluate();
            return false;
        }
        put(trainLoss, s.step(), s.loss());
        put(trainAccuracy, s.step(), s.accuracy());
        if (s.accuracy() == 1.0 && firstFullAccuracy < 0 && s.loss() == s.loss()) {
            firstFullAccuracy = s.step();
            root.setAttribute("data-first-full-accuracy", Integer.toString(s.step()));
        }
        if (s.step() == 99 && playStartStep == 0 && playing) {
            hundredStepsMs = Dom.now() - playStarted;
            root.setAttribute("data-hundred-steps-ms", Double.toString(hundredStepsMs));
        }
        if (testBefore != null) {
            put(testLoss, s.step(), testBefore.loss());
            put(testAccuracy, s.step(), testBefore.accuracy());
        }
        return true;
    }

    /** Sets a chart's value at a step, dropping anything after it (a resumed or reset run). */
    private static void put(LineChart.Series series, int step, double value) {
        if (step < series.size) {
            series.size = step;
        }
        while (series.size < step) {
            series.add(Double.NaN);
        }
        series.add(value);
    }

    /** Names the first non-finite number of the run (the loss, then the parameters in order), or null. */
    private String firstBad(double lossValue) {
        int i = trainer.firstNonFinite();
        if (i >= 0) {
            double[] params = trainer.parameterValues();
            double[] grads = trainer.parameterGrads();
            boolean gradOnly = Double.isFinite(params[i]);
            double bad = gradOnly ? grads[i] : params[i];
            return (gradOnly ? "the grad of " : "") + parameterName(i) + " became "
                    + (Double.isNaN(bad) ? "NaN" : "infinite") + (Double.isFinite(lossValue) ? "" : " (and the loss "
                    + (Double.isNaN(lossValue) ? "NaN" : "infinite") + ")");
        }
        if (!Double.isFinite(lossValue)) {
            return "the loss became " + (Double.isNaN(lossValue) ? "NaN" : "infinite");
        }
        return null;
    }

    /** "weight 2 of neuron 3 in hidden layer 1", "the bias of the output neuron", ... for parameter i. */
    private String parameterName(int index) {
        int[] sizes = settings.sizes();
        int width = settings.inputs();
        int p = 0;
        for (int l = 0; l < sizes.length; l++) {
            int per = width + 1;
            if (index < p + sizes[l] * per) {
                int j = (index - p) / per;
                int k = (index - p) % per;
                String neuron = l == sizes.length - 1 ? "the output neuron" : "neuron " + (j + 1) + " of hidden layer "
                        + (l + 1);
                return k == width ? "the bias of " + neuron : "weight " + (k + 1) + " of " + neuron;
            }
            p += sizes[l] * per;
            width = sizes[l];
        }
        return "parameter " + index;
    }

    /** The loss and accuracy of the current weights, on the training and the test points. */
    private void evaluate() {
        if (trainer == null) {
            current = null;
            currentTest = null;
            return;
        }
        current = trainer.evaluate(train);
        currentTest = test.size() > 0 ? trainer.evaluate(test) : null;
    }

    /** Shows the current weights' figures as the charts' last point (the next step will report the same ones). */
    private void record() {
        if (current == null) {
            return;
        }
        int k = trainer.stepCount();
        put(trainLoss, k, current.loss());
        put(trainAccuracy, k, current.accuracy());
        if (currentTest != null) {
            put(testLoss, k, currentTest.loss());
            put(testAccuracy, k, currentTest.accuracy());
        }
    }

    private void requestFrame() {
        if (frame < 0 && shown) {
            frame = Window.requestAnimationFrame(t -> onFrame());
        }
    }

    /** One animation frame: train for a slice of time, then draw. */
    private void onFrame() {
        frame = -1;
        double start = Dom.now();
        if (playing && trainer != null) {
            int steps = 0;
            double stepMs = 0;
            // Stop before a step that would run past the slice, rather than after it.
            while (Dom.now() - start + stepMs < SLICE_MS) {
                double stepStart = Dom.now();
                if (settings.budget > 0 && trainer.stepCount() >= settings.budget) {
                    pause();
                    say("Reached step " + settings.budget + ". Press Play with a longer run (stop at) to go on.");
                    break;
                }
                if (!takeStep()) {
                    break;
                }
                steps++;
                stepMs = Dom.now() - stepStart;
            }
            evaluate();
            record();
            dirty = true;
        }
        if (dirty) {
            draw(playing);
            dirty = false;
        }
        FrameStats.record(Dom.now() - start);
        if (playing) {
            requestFrame();
        }
    }

    /** Updates every read-out and picture from the current weights. */
    private void draw(boolean training) {
        int steps = trainer == null ? 0 : trainer.stepCount();
        set(stepCount, steps, Integer.toString(steps) + (settings.budget > 0 ? " / " + settings.budget : ""));
        set(lossOut, current == null ? Double.NaN : current.loss(), current == null ? "–"
                : Numbers.compact(current.loss(), 5));
        set(accuracyOut, current == null ? Double.NaN : current.accuracy(), current == null ? "–"
                : Numbers.fixed(current.accuracy() * 100, 0) + "%");
        set(testLossOut, currentTest == null ? Double.NaN : currentTest.loss(), currentTest == null ? "no test set"
                : "test " + Numbers.compact(currentTest.loss(), 5));
        set(testAccuracyOut, currentTest == null ? Double.NaN : currentTest.accuracy(), currentTest == null
                ? "no test set" : "test " + Numbers.fixed(currentTest.accuracy() * 100, 0) + "%");
        if (trainer != null) {
            if (settings.inputs() == 2) {
                // A slow backend recomputes the heatmap a band of rows per frame while training; still, every frame
                // redraws it, and a paused plot is always complete.
                int rows = BoundaryPlot.GRID;
                if (training) {
                    rows = (int) Math.max(4, Math.min(BoundaryPlot.GRID, HEATMAP_MS / predictMsPerRow));
                }
                double t0 = Dom.now();
                boundary.computeRows(trainer::predict, rows);
                predictMsPerRow = Math.max(0.01, (Dom.now() - t0) / rows);
                boundary.draw();
            } else {
                drawLectureTable();
            }
            diagram.update(trainer.parameterValues(), trainer.parameterGrads());
        }
        // While training, the two charts take turns: each still moves 30 times a second, and a frame stays
        // inside its 16 ms with the browser's own drawing.
        chartTurn++;
        if (!training || chartTurn % 2 == 0) {
            lossChart.draw();
        }
        if (!training || chartTurn % 2 == 1) {
            accuracyChart.draw();
        }
    }

    private void drawLectureTable() {
        lectureTable.setTextContent("");
        HTMLElement head = Dom.el("tr", "");
        for (String h : new String[] {"example", "inputs", "target y", "prediction"}) {
            head.appendChild(Dom.text("th", "", h));
        }
        lectureTable.appendChild(head);
        for (int i = 0; i < train.size(); i++) {
            HTMLElement tr = Dom.el("tr", "");
            double[] x = train.xs()[i];
            StringBuilder in = new StringBuilder();
            for (int d = 0; d < x.length; d++) {
                in.append(d == 0 ? "" : ", ").append(Numbers.format(x[d]));
            }
            tr.appendChild(Dom.text("td", "", Integer.toString(i + 1)));
            tr.appendChild(Dom.text("td", "bpl-mono", in.toString()));
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.format(train.ys()[i])));
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.fixed(trainer.predict(x), 4)));
            lectureTable.appendChild(tr);
        }
    }

    // ---- points and inspection ----

    private void plotClicked(double x, double y, int index, boolean isTest, boolean shift, boolean secondary) {
        boolean custom = settings.dataset.equals("custom");
        if (custom && canEdit && !clickMode.getValue().equals("inspect")) {
            if (secondary || clickMode.getValue().equals("remove")) {
                removeNearest(x, y);
            } else {
                double label = pointClass.getValue().equals("+1") ? 1 : -1;
                settings.custom.add(new double[] {x, y, shift ? -label : label});
                rebuild(true);
                say("Added a " + ((shift ? -label : label) > 0 ? "+1" : "−1") + " point: " + settings.custom.size()
                        + " in all. Training starts again from step 0.");
            }
            return;
        }
        if (index >= 0) {
            if (isTest) {
                say("That is a test point: the network never trains on it. Click a filled training point.");
            } else {
                inspect(index);
            }
        }
    }

    private void removeNearest(double x, double y) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < settings.custom.size(); i++) {
            double[] p = settings.custom.get(i);
            double d = Math.hypot(p[0] - x, p[1] - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        if (best >= 0) {
            settings.custom.remove(best);
            rebuild(true);
            say("Removed a point: " + settings.custom.size() + " left.");
        }
    }

    private void applyCsv() {
        Csv.Result result = Csv.parse(csv.getValue());
        if (!result.ok()) {
            StringBuilder text = new StringBuilder("The CSV was not used, nothing was replaced. ");
            int shown = 0;
            for (Csv.LineError e : result.errors()) {
                if (shown++ == 5) {
                    text.append(" …and ").append(result.errors().size() - 5).append(" more.");
                    break;
                }
                text.append("Line ").append(e.line()).append(": ").append(e.reason()).append(". ");
            }
            say(text.toString().trim(), true);
            return;
        }
        if (result.points().dims() != 2) {
            say("The CSV was not used: each line needs x,y,label (2 coordinates).", true);
            return;
        }
        settings.dataset = "custom";
        settings.custom.clear();
        for (int i = 0; i < result.points().size(); i++) {
            double[] p = result.points().xs()[i];
            settings.custom.add(new double[] {p[0], p[1], result.points().ys()[i]});
        }
        settings.init = null;
        csvBox.setHidden(true);
        dataChanged("Using the " + settings.custom.size() + " points from the CSV.");
    }

    /** Opens training point i's whole Value graph (forward pass and loss term) in a graph view. */
    void inspect(int i) {
        if (trainer == null || train.size() == 0) {
            return;
        }
        i = Math.max(0, Math.min(train.size() - 1, i));
        inspected = i;
        boundary.highlight(i);
        dirty = true;
        requestFrame();
        pause();
        int[] sizes = settings.sizes();
        Loss.Type type = Choice.byId(Loss.Type.values(), settings.loss);
        int nodes = ExampleProgram.nodeCount(settings.inputs(), sizes, type);
        double[] x = train.xs()[i];
        double y = train.ys()[i];
        double term = new Loss(type, Loss.Reduction.MEAN, 0).pointLossValue(trainer.predict(x), y);
        if (nodes > 400) {
            say("One example's graph through this network has about " + nodes + " Values: too many to read. Try a "
                    + "smaller network such as 4,4 (+ and − neuron buttons), or look at one neuron's graph.", false);
            offerOneNeuron(i);
            return;
        }
        String program = ExampleProgram.write(trainer.parameterValues(), settings.inputs(), sizes,
                Choice.byId(Activation.values(), settings.activation), Choice.byId(Activation.values(), settings.output), type, x, y);
        inspector.inspect(program, "Training point " + (i + 1) + " (x = " + Numbers.compact(x[0], 4)
                + (x.length > 1 ? ", " + Numbers.compact(x[1], 4) : "") + ", label " + Numbers.format(y)
                + ") through the weights of step " + trainer.stepCount(), term);
    }

    /** The training point with the largest loss term: the most to learn from when inspecting. */
    private int worstPoint() {
        if (trainer == null) {
            return 0;
        }
        Loss terms = new Loss(Choice.byId(Loss.Type.values(), settings.loss), Loss.Reduction.MEAN, 0);
        int worst = 0;
        double most = -1;
        for (int i = 0; i < train.size(); i++) {
            double term = terms.pointLossValue(trainer.predict(train.xs()[i]), train.ys()[i]);
            if (term > most) {
                most = term;
                worst = i;
            }
        }
        return worst;
    }

    private void offerOneNeuron(int i) {
        HTMLElement button = Dom.button("Show neuron 1 of layer 1 for this point", "inspect-neuron", () -> {
            double[] x = train.xs()[i];
            double[] params = trainer.parameterValues();
            int width = settings.inputs();
            StringBuilder p = new StringBuilder("# neuron 1 of hidden layer 1, for training point " + (i + 1) + "\n");
            StringBuilder sum = new StringBuilder("b");
            for (int k = 0; k < width; k++) {
                p.append("x").append(k + 1).append(" = ").append(Numbers.literal(x[k])).append('\n');
            }
            for (int k = 0; k < width; k++) {
                p.append("w").append(k + 1).append(" = ").append(Numbers.literal(params[k])).append('\n');
                sum.append(" + w").append(k + 1).append(" * x").append(k + 1);
            }
            p.append("b = ").append(Numbers.literal(params[width])).append('\n');
            String act = settings.sizes().length == 1 ? settings.output : settings.activation;
            p.append("h = ").append(act.equals("linear") ? "" : act + "(").append(sum)
                    .append(act.equals("linear") ? "" : ")").append('\n');
            inspector.inspect(p.toString(), "Neuron 1 of hidden layer 1, for training point " + (i + 1), Double.NaN);
        });
        message.appendChild(button);
    }

    // ---- exports: the model, the curves, the picture ----

    /** The run's current weights and settings as a train --spec file, which "import a run" reads back. */
    private void exportModel() {
        if (trainer == null) {
            say("There is no model to save yet: add at least two points.", true);
            return;
        }
        TrainSettings now = settings.copy();
        now.init = trainer.parameterValues();
        for (double w : now.init) {
            if (!Double.isFinite(w)) {
                say("The weights are no longer numbers (training diverged): press Reset, then train again.", true);
                return;
            }
        }
        double[] scores = new double[train.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = trainer.predict(train.xs()[i]);
        }
        String name = fileName("model", "json");
        Download.text(name, "application/json", ModelFile.write(now.spec(train), trainer.stepCount(), scores));
        say("Saved " + name + ": the settings, the weights of step " + trainer.stepCount() + " and the "
                + train.size() + " training points. Import a run reads it back.");
    }

    /** Loss and accuracy by step, as the charts show them. */
    private void exportLossCsv() {
        String name = fileName("loss", "csv");
        Download.text(name, "text/csv", LossHistory.csv(trainLoss.size, values(trainLoss), values(trainAccuracy),
                values(testLoss), values(testAccuracy)));
        say("Saved " + name + ": " + trainLoss.size + " rows, one per step.");
    }

    private static double[] values(LineChart.Series series) {
        return java.util.Arrays.copyOf(series.values, series.size);
    }

    private void exportBoundaryPng() {
        if (settings.inputs() != 2) {
            say("The lecture's examples have 3 inputs: there is no boundary in the plane to save.", true);
            return;
        }
        String name = fileName("boundary", "png");
        Download.png(boundary.canvas(), name, ok -> say(ok ? "Saved " + name + "."
                : "The browser could not make the picture.", !ok));
    }

    /** backprop-model-moons-step100.json and the like: what, from which data, after how many steps. */
    private String fileName(String what, String extension) {
        return "backprop-" + what + "-" + settings.dataset + "-step" + (trainer == null ? 0 : trainer.stepCount())
                + "." + extension;
    }

    private void importRun(String text) {
        TrainSpec spec;
        try {
            spec = TrainSpec.parse(text);
        } catch (RuntimeException e) {
            say("That run file could not be used, nothing was changed: " + e.getMessage(), true);
            return;
        }
        if (spec.inputs() != 2 && TrainSettings.lectureTestShare(spec.data(), spec.seed()) < 0) {
            say("That run has " + spec.inputs() + " inputs per point; this view trains on points of the plane (2).",
                    true);
            return;
        }
        settings = TrainSettings.fromSpec(spec);
        rebuild(true);
        boolean model = text.contains("\"" + ModelFile.FORMAT + "\"");
        say("Imported a " + (model ? "saved model" : "run") + ": " + spec.data().size() + " points, layers "
                + settings.layers + ", " + settings.loss + " loss, " + settings.optimizer + " from "
                + Numbers.compact(settings.lr, 4) + ". Step 0's loss is "
                + Numbers.compact(current == null ? Double.NaN : current.loss(), 8) + ".");
    }

    // ---- helpers ----

    private void say(String text) {
        say(text, false);
    }

    private void say(String text, boolean problem) {
        message.setTextContent(text);
        message.setClassName(problem ? "bpl-train-message bpl-problem" : "bpl-train-message");
        message.setHidden(false);
    }

    private static void set(HTMLElement e, double value, String text) {
        e.setAttribute("data-value", Double.toString(value));
        e.setTextContent(text);
    }

    private static HTMLElement figure(String name, HTMLElement value, HTMLElement second) {
        HTMLElement f = Dom.el("div", "bpl-figure");
        f.appendChild(Dom.text("span", "bpl-figure-name", name));
        f.appendChild(value);
        if (second != null) {
            f.appendChild(second);
        }
        return f;
    }

    private static HTMLElement readout(String testId) {
        HTMLElement e = Dom.el("span", testId.startsWith("test") ? "bpl-figure-test" : "bpl-figure-value");
        e.setAttribute("data-testid", testId);
        e.setAttribute("aria-live", "off");
        return e;
    }

    private static HTMLElement panel(String title) {
        HTMLElement p = Dom.el("div", "bpl-panel");
        p.appendChild(Dom.text("h3", "", title));
        return p;
    }

    private static HTMLElement row(HTMLElement child) {
        HTMLElement r = Dom.el("div", "bpl-row");
        r.appendChild(child);
        return r;
    }

    private static HTMLElement titled(HTMLElement e, String title) {
        e.setAttribute("title", title);
        return e;
    }

    private static HTMLSelectElement select(String testId, String... values) {
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

    private static int clampInt(String text, int fallback, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double clampNumber(String text, double fallback, double min, double max) {
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Hears a file's text. */
    @org.teavm.jso.JSFunctor
    interface TextListener extends JSObject {
        void read(String text);
    }

    private static void readFile(HTMLInputElement input, TextListener listener) {
        readFirstFile(input, listener);
    }

    @JSBody(params = {"input", "listener"}, script = "var bplFile = input.files && input.files[0]; if (!bplFile) { return; }"
            + "var bplReader = new FileReader();"
            + "bplReader.onload = function () { listener(String(bplReader.result)); input.value = ''; };"
            + "bplReader.readAsText(bplFile);")
    private static native void readFirstFile(HTMLInputElement input, TextListener listener);
}
