package org.backproplab.ui.train;

import org.backproplab.data.Dataset;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Settings;
import org.backproplab.ui.dom.View;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * #view=train: train a tiny MLP on toy 2-D data, with a live decision boundary, loss and accuracy charts and a
 * network diagram, and open any example's scalar graph in the graph view. This class holds the run (the settings,
 * the data split, the trainer and the figures of its current weights) and wires the parts that show and change it:
 * the settings panel, the run loop, the point editor, the exports, the plot, the diagram and the charts.
 */
public final class TrainView implements View {
    /** Opens a program (one example's graph) in a graph view, with a title and the loss term it should show. */
    public interface Inspector {
        void inspect(String program, String title, double lossTerm);
    }

    /** Hears the run as it plays: each training step that went well, and each animation frame's own work time. */
    public interface RunListener {
        void stepped(Trainer.Step step);

        void framed(double workMs);
    }

    private final HTMLElement root = Dom.el("section", "bpl-train-view");
    private final Runnable changed;
    private final TrainMessage message = new TrainMessage();
    private final HTMLElement plotHint = Dom.el("p", "bpl-hint bpl-plot-hint");
    private final BoundaryPlot boundary = new BoundaryPlot();
    private final ClassLegend legend = new ClassLegend();
    private final ClassMap classMap = new ClassMap((x, scores) -> this.trainer.predict(x, scores));
    private final RegressionPlots regression = new RegressionPlots(this::plotClicked);
    private final LectureTable lectureTable = new LectureTable();
    private final NetworkDiagram diagram = new NetworkDiagram(this::setParameter);
    private final TrainCharts charts = new TrainCharts();
    private final PointEditor points;
    private final TrainExports exports;
    private final ExampleGraphs examples;
    private final SettingsPanel panel;
    private final RunLoop loop;
    private final RunKeeper keeper = new RunKeeper(this);

    // the run
    private TrainSettings settings;
    private Dataset train;
    private Dataset test;
    private Trainer trainer;
    private Trainer.Evaluation current;
    private Trainer.Evaluation currentTest;
    /** Which of the pictures besides the map a training frame redraws (see draw). */
    private int drawTurn;
    /** Tells the run loop when the trainer is scrolled out of view and back, while it is shown. */
    private org.teavm.jso.JSObject inView;

    /**
     * A trainer with the settings from the state. With less than the full controls the settings panels go (the
     * settings then come only from the widget's attributes or the link); with none, points and weights are locked.
     * Every trainer on a page shares the page's frames.
     */
    public TrainView(Settings state, Controls controls, Runnable changed, Inspector inspector, FrameShare frames) {
        this.changed = changed;
        root.setAttribute("data-testid", "train-view");
        settings = TrainSettings.read(state);
        points = new PointEditor(this, controls.canEdit());
        exports = new TrainExports(this, boundary, regression.curve().canvas());
        examples = new ExampleGraphs(this, inspector);
        panel = new SettingsPanel(this, points.element(), exports.importField());
        loop = new RunLoop(this, root, frames);

        HTMLElement main = Dom.el("div", "bpl-train-main");
        HTMLElement bar = loop.bar();
        HTMLElement inspect = Dom.button("Inspect", "inspect", () -> examples.inspect(examples.worstPoint()));
        inspect.setAttribute("title", "Open the scalar graph of the training point with the largest loss (or click a "
                + "point to pick one)");
        bar.appendChild(inspect);
        bar.appendChild(examples.modeMenu());
        bar.appendChild(exports.menu());
        main.appendChild(bar);
        main.appendChild(message.element());
        main.appendChild(stage());
        root.appendChild(panel.element());
        root.appendChild(main);
        boundary.onClick(this::plotClicked);
        Dom.on(root, "keydown", e -> shortcut((KeyboardEvent) e));
        rebuild(true);
    }

    /** The plot (or the lecture's table) with its explanation, and beside it the network diagram and the charts. */
    private HTMLElement stage() {
        HTMLElement stage = Dom.el("div", "bpl-train-stage");
        HTMLElement plotPanel = Dom.el("div", "bpl-panel bpl-plot-panel");
        plotPanel.appendChild(boundary.element());
        plotPanel.appendChild(legend.element());
        plotPanel.appendChild(lectureTable.element());
        plotPanel.appendChild(regression.element());
        plotPanel.appendChild(plotHint);
        stage.appendChild(plotPanel);
        HTMLElement right = Dom.el("div", "bpl-train-right");
        HTMLElement net = Controls.extra(Dom.el("div", "bpl-panel"));
        net.appendChild(diagram.element());
        right.appendChild(net);
        right.appendChild(charts.element());
        stage.appendChild(right);
        return stage;
    }

    // ---- View ----

    @Override
    public HTMLElement element() {
        return root;
    }

    @Override
    public void shown() {
        loop.shown();
        if (inView == null) {
            inView = Dom.watchInView(root, loop::setInView);
        }
    }

    @Override
    public void hidden() {
        loop.hidden();
        Dom.stopWatching(inView);
        inView = null;
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
        if (Dom.typingOrModified(e)) {
            return;
        }
        switch (e.getKey()) {
            case " " -> loop.toggle();
            case "s", "S" -> loop.stepOnce();
            case "r", "R" -> restart("Started again from step 0, with the weights drawn from the seed.");
            default -> {
                return;
            }
        }
        e.preventDefault();
    }

    // ---- what a page (or the benchmark) may do with a trainer ----

    /** Trains continuously, as the Play button does. */
    public void play() {
        loop.play();
    }

    /** Where the run stops, as the "stop at" menu sets it: at this many steps, or with 0 only when paused. */
    public void setStepLimit(int steps) {
        settings.budget = Math.max(0, steps);
        loop.showLimit(settings.budget);
        hyperChanged(settings.budget == 0 ? "Training runs until paused."
                : "Training stops at step " + settings.budget + ".");
    }

    /** Hears every step and frame of the run from now on (null: nobody). */
    public void setRunListener(RunListener listener) {
        loop.setListener(listener);
    }

    // ---- the run, for the parts ----

    TrainSettings settings() {
        return settings;
    }

    Dataset train() {
        return train;
    }

    Dataset test() {
        return test;
    }

    /** Null when there are fewer than two points or the settings can't train. */
    Trainer trainer() {
        return trainer;
    }

    /** The loss and accuracy of the current weights on the training points, or null without a trainer. */
    Trainer.Evaluation current() {
        return current;
    }

    TrainCharts charts() {
        return charts;
    }

    void dataChanged(String what) {
        restart(what + " Training starts again from step 0.");
    }

    void architectureChanged(String what) {
        settings.init = null;
        restart(what + " A new network: training starts again from step 0.");
    }

    /** Starts again from the settings as they now are, says so, and offers to undo if a trained run goes. */
    void restart(String what) {
        keeper.restart(what);
    }

    /** An Undo that brings back the run as it is now, or null when no trained run would be lost. */
    HTMLElement undoButton() {
        return keeper.undoButton();
    }

    // ---- keeping a trained run (see RunKeeper), for the app ----

    /** How many steps the run on show has trained. */
    public int trainedSteps() {
        return trainer == null ? 0 : trainer.stepCount();
    }

    /**
     * Keeps the run in the tab's session storage under key; with takeBack (the page was reloaded, or its link
     * changed), takes back a run stored with these very settings.
     */
    public void keepRunAcrossReloads(String key, boolean takeBack) {
        keeper.keepAcrossReloads(key, takeBack);
    }

    /** Stores the run now, if it is kept across reloads. */
    public void saveRun() {
        keeper.save();
    }

    /** Whether a link's settings give this very run, so that it can go on rather than start again. */
    public boolean sameRun(Settings link) {
        return keeper.sameRun(link);
    }

    /** The trainer's weights and step were put back (see RunKeeper): every read-out and picture follows. */
    void resumed() {
        evaluate();
        record();
        loop.redrawNow();
    }

    /** Starts again with an example's settings (see TrainExamples), offering to undo. */
    void useExample(TrainSettings next, String what) {
        settings = next;
        restart(what + " Training starts from step 0.");
    }

    /** Puts back settings that a trainer was built with (an Undo), and builds it again. */
    void startAgainWith(TrainSettings next) {
        settings = next;
        rebuild(true);
    }

    /** A hyper-parameter changed: carry on from the current weights and step, with the new setting. */
    void hyperChanged(String what) {
        if (trainer == null) {
            rebuild(true);
            return;
        }
        int at = trainer.stepCount();
        TrainSettings next = settings.copy();
        next.init = trainer.parameterValues();
        fitEngine(next.spec(train));
        trainer = new Trainer(next.spec(train), settings.engine);
        trainer.resumeAt(at);
        keeper.built(settings);
        evaluate();
        say(what + " The weights are kept.");
        loop.redrawNow();
        changed.run();
    }

    void showTestChanged() {
        boundary.setData(train, test, settings.showTest);
        regression.showTestChanged(settings, train, test);
        loop.redrawSoon();
        changed.run();
    }

    /** Starts the run again from the settings: data, split, network, initial weights. */
    void rebuild(boolean resetCharts) {
        loop.pause();
        keeper.built(settings);
        panel.show(settings);
        points.show(settings);
        loop.showLimit(settings.budget);
        Dataset.Split split = settings.split();
        train = split.train();
        test = split.test();
        int[] sizes = settings.sizes();
        boolean lecture = settings.dataset == DatasetChoice.LECTURE;
        boundary.element().setHidden(settings.inputs() != 2);
        lectureTable.element().setHidden(!lecture);
        boundary.setData(train, test, settings.showTest);
        legend.show(lecture || train.labels() != Dataset.Labels.CLASSES ? 0 : sizes[sizes.length - 1]);
        regression.rebuild(settings, train, test, boundary, charts);
        panel.showPointCount(train.size(), test.size());
        showPlotHint();
        diagram.setArchitecture(settings.features(), sizes, new Forward(settings.features().count(), sizes,
                settings.activation, settings.output));
        double[] region = boundary.region();
        diagram.setRegion(region[0], region[1], region[2], region[3]);
        if (train.size() < 2) {
            trainer = null;
            say("Add at least two points (click the plot) to train.");
        } else {
            try {
                fitEngine(settings.spec(train));
                trainer = new Trainer(settings.spec(train), settings.engine);
            } catch (RuntimeException e) {
                trainer = null;
                say("Can't train with these settings: " + e.getMessage());
            }
        }
        if (resetCharts) {
            charts.clear();
        }
        boundary.highlight(-1);
        evaluate();
        record();
        loop.redrawNow();
        changed.run();
    }

    /** What the plot shows and what a click on it does (see PointEditor.clickHint). */
    void showPlotHint() {
        plotHint.setAttribute("data-testid", "plot-hint");
        String regressionHint = RegressionPlots.hint(settings, points.clickHint());
        plotHint.setTextContent(regressionHint != null ? regressionHint
                : ClassLegend.plotHint(settings.softmax()) + points.clickHint());
    }

    /** A weight or bias typed on the network diagram. */
    private void setParameter(int index, double value) {
        if (trainer == null) {
            return;
        }
        trainer.setParameter(index, value);
        evaluate();
        loop.redrawNow();
        say("Parameter " + index + " set to " + Numbers.compact(value, 6) + ".");
    }

    /** The loss and accuracy of the current weights, on the training and the test points. */
    void evaluate() {
        current = trainer == null ? null : trainer.evaluate(train);
        currentTest = trainer == null || test.size() == 0 ? null : trainer.evaluate(test);
    }

    /** Shows the current weights' figures as the charts' last point (the next step will report the same ones). */
    void record() {
        if (current != null) {
            charts.put(trainer.stepCount(), current.loss(), current.accuracy(), currentTest);
        }
    }

    /**
     * Updates every read-out and picture from the current weights. While training, frames take turns: every other
     * one redraws the map, those between the charts, the network or the read-outs (30 and 10 times a second). All of
     * it every frame had a browser drawing in software repaint most of the trainer, and one frame in ten came late.
     */
    void draw(boolean training) {
        int turn = training ? drawTurn++ % 6 : -1;
        if (turn < 0 || turn == 5) {
            loop.showFigures(trainer == null ? 0 : trainer.stepCount(), settings.budget, current, currentTest);
        }
        if (trainer != null) {
            boolean map = turn < 0 || turn % 2 == 0;
            if (settings.inputs() == 2) {
                boundary.useClasses(trainer.outputs() > 1 ? classMap.forClasses(trainer.outputs()) : null);
                boundary.refresh(trainer::predict, training, map);
            } else if (map && !regression.draw(trainer)) {
                lectureTable.show(train, trainer);
            }
            if (turn < 0 || turn == 3) {
                diagram.update(trainer.parameterValues(), trainer.parameterGrads());
            }
        }
        if (turn < 0 || turn == 1) {
            charts.draw();
        }
    }

    // ---- the plot, and messages ----

    private void plotClicked(double x, double y, int index, boolean isTest, boolean shift, boolean secondary) {
        if (points.clicked(x, y, shift, secondary) || index < 0) {
            return;
        }
        if (isTest) {
            say("That is a test point: the network never trains on it. Click a filled training point.");
        } else {
            examples.inspect(index);
        }
    }

    /** Marks training point i on the plot, and pauses: its graph is about to open. */
    void highlight(int i) {
        boundary.highlight(i);
        regression.highlight(i);
        loop.redrawSoon();
        loop.pause();
    }

    void say(String text) {
        say(text, false);
    }

    /**
     * The Value engine builds (points per step) × (parameters) Values every step and keeps them until backward: past
     * Trainer.MAX_VALUE_ENGINE_WORK that runs the tab out of memory. Such a run trains on the tape instead (the
     * same numbers), and the next message says so.
     */
    private void fitEngine(org.backproplab.nn.TrainSpec spec) {
        long work = Trainer.valueEngineWork(spec);
        if (settings.engine == Trainer.Engine.VALUE && work > Trainer.MAX_VALUE_ENGINE_WORK) {
            settings.engine = Trainer.Engine.TAPE;
            panel.show(settings);
            message.noteForNext(" The Value engine would build about " + work + " Values every step, more than this page "
                    + "can hold, so training uses the compiled tape (the same numbers).");
        }
    }

    void say(String text, boolean problem) {
        message.say(text, problem);
    }

    /** Adds a control to the message just said (a way out of what it reports). */
    void addToMessage(HTMLElement e) {
        message.add(e);
    }
}
