package org.backproplab.ui.train;

import org.backproplab.engine.Numbers;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The run bar and the loop behind it: Play, Pause, Step and Reset, the step, loss and accuracy read-outs, and where
 * the run stops. While playing, each of its turns in the page's frames (FrameShare) trains for a slice of time (up to
 * 7 ms, less what its drawing takes out of FrameShare.WORK_MS), and then draws, so the page stays responsive while
 * it learns. A step whose loss or parameters stop being numbers pauses the run and says which.
 */
final class RunLoop {
    private final TrainView view;
    private final HTMLElement root;
    private final FrameShare share;
    private final HTMLElement bar = Dom.el("div", "bpl-toolbar bpl-run-bar");
    private final HTMLElement playButton;
    private final Readout stepCount = new Readout("step-count");
    private final Readout lossOut = new Readout("loss");
    private final Readout testLossOut = new Readout("test-loss");
    private final Readout accuracyOut = new Readout("accuracy");
    private final Readout testAccuracyOut = new Readout("test-accuracy");
    private final Readout rmseOut = new Readout("rmse");
    private final Readout testRmseOut = new Readout("test-rmse");
    /** Classification shows the accuracy; regression the root mean squared error in its place. */
    private final HTMLElement accuracyFigure = figure("Accuracy", accuracyOut, testAccuracyOut);
    private final HTMLElement rmseFigure = figure("RMSE", rmseOut, testRmseOut);
    private final HTMLSelectElement budget = SettingsPanel.select("budget", "100", "500", "1000", "∞");
    private TrainView.RunListener listener;
    private boolean playing;
    private boolean shown;
    private boolean inView = true;
    private double drawMs;
    /** The last turn's work besides training: the loss and accuracy of every point, the charts and the picture. */
    private double overheadMs;
    private boolean dirty = true;

    /** The loop of a view whose root carries data-playing (and data-nan-step once a step breaks). */
    RunLoop(TrainView view, HTMLElement root, FrameShare share) {
        this.view = view;
        this.root = root;
        this.share = share;
        bar.setAttribute("role", "toolbar");
        bar.setAttribute("aria-label", "Training");
        playButton = Dom.button("▶ Play", "train-play", this::toggle);
        playButton.setAttribute("title", "Train continuously (Space)");
        bar.appendChild(playButton);
        HTMLElement stepButton = Dom.button("Step", "train-step", this::stepOnce);
        stepButton.setAttribute("title", "One training step (S)");
        bar.appendChild(stepButton);
        HTMLElement resetButton = Dom.button("Reset", "train-reset", () -> view.restart("Started again from step "
                + "0, with the weights drawn from the seed."));
        resetButton.setAttribute("title", "Start again from the initial weights (R)");
        bar.appendChild(resetButton);
        bar.appendChild(figure("Step", stepCount, null));
        bar.appendChild(figure("Loss", lossOut, testLossOut));
        bar.appendChild(accuracyFigure);
        rmseFigure.setAttribute("title", "Root mean squared error: the typical distance of a prediction from its "
                + "target, in the targets' own units");
        bar.appendChild(rmseFigure);
        // before the first drawing too, only the task's own figure shows (a widget may wait a while to be drawn)
        accuracyFigure.setHidden(view.settings().regression());
        rmseFigure.setHidden(!view.settings().regression());
        bar.appendChild(Dom.el("span", "bpl-spacer"));
        bar.appendChild(Controls.extra(Dom.labelled(budget, "stop at")));
        Dom.on(budget, "change", e -> view.setStepLimit(budget.getValue().equals("∞") ? 0
                : (int) Numbers.parse(budget.getValue())));
    }

    /** The run bar; the view adds its Inspect and Export buttons at the end. */
    HTMLElement bar() {
        return bar;
    }

    void setListener(TrainView.RunListener listener) {
        this.listener = listener;
    }

    /** Shows a step limit in the "stop at" menu (0: none), adding it to the menu if a link asked for another. */
    void showLimit(int limit) {
        String text = limit == 0 ? "∞" : Integer.toString(limit);
        budget.setValue(text);
        if (budget.getSelectedIndex() < 0) {
            budget.appendChild(Dom.option(text, text));
            budget.setValue(text);
        }
    }

    void toggle() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    void play() {
        Trainer trainer = view.trainer();
        if (trainer == null) {
            return;
        }
        int limit = view.settings().budget;
        if (limit > 0 && trainer.stepCount() >= limit) {
            view.say("The run reached its " + limit + " steps: choose a longer one (stop at), or press Reset.");
            return;
        }
        playing = true;
        playButton.setTextContent("❚❚ Pause");
        playButton.setAttribute("aria-pressed", "true");
        root.setAttribute("data-playing", "true");
        requestFrame();
    }

    void pause() {
        playing = false;
        playButton.setTextContent("▶ Play");
        playButton.setAttribute("aria-pressed", "false");
        root.setAttribute("data-playing", "false");
        redrawSoon(); // a playing trainer's frames draw its pictures in turns: a paused one shows them all current
    }

    void stepOnce() {
        pause();
        if (view.trainer() != null) {
            if (takeStep()) {
                view.evaluate();
                view.record();
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
        Trainer trainer = view.trainer();
        Trainer.Evaluation testBefore = view.test().size() > 0 ? trainer.evaluate(view.test()) : null;
        Trainer.Step s = trainer.step();
        String bad = firstBad(trainer, s.loss());
        if (bad != null) {
            pause();
            double lr = view.settings().lr;
            if (!(lr > 0)) {
                view.say("Training stopped at step " + s.step() + ": " + bad + ". Press Reset.", true);
                root.setAttribute("data-nan-step", Integer.toString(s.step()));
                view.evaluate();
                return false;
            }
            double safer = TrainSettings.saferRate(lr);
            view.say("Training stopped at step " + s.step() + ": " + bad + ". The learning rate ("
                    + Numbers.trimmed(lr, 4) + ") is probably too large for this network: try a smaller one, such as "
                    + Numbers.trimmed(safer, 4) + ".", true);
            HTMLElement retry = Dom.button("Start again with " + Numbers.trimmed(safer, 4), "use-safer-rate", () -> {
                view.settings().lr = safer;
                view.settings().lrEnd = Math.min(view.settings().lrEnd, safer);
                view.rebuild(true);
                view.say("Started again from step 0 with the learning rate " + Numbers.trimmed(safer, 4) + ".");
            });
            retry.setAttribute("data-value", Double.toString(safer));
            view.addToMessage(retry);
            root.setAttribute("data-nan-step", Integer.toString(s.step()));
            view.evaluate();
            return false;
        }
        view.charts().put(s.step(), s.loss(), s.accuracy(), testBefore);
        if (listener != null) {
            listener.stepped(s);
        }
        return true;
    }

    /** Names the first non-finite number of the run (the parameters in order, then the loss), or null. */
    private String firstBad(Trainer trainer, double lossValue) {
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
        int[] sizes = view.settings().sizes();
        int width = view.settings().features().count();
        int p = 0;
        for (int l = 0; l < sizes.length; l++) {
            int per = width + 1;
            if (index < p + sizes[l] * per) {
                int j = (index - p) / per;
                int k = (index - p) % per;
                String neuron = l < sizes.length - 1 ? "neuron " + (j + 1) + " of hidden layer " + (l + 1)
                        : sizes[l] == 1 ? "the output neuron" : "output neuron " + (j + 1) + " (class " + j + ")";
                return k == width ? "the bias of " + neuron : "weight " + (k + 1) + " of " + neuron;
            }
            p += sizes[l] * per;
            width = sizes[l];
        }
        return "parameter " + index;
    }

    // ---- frames ----

    void shown() {
        shown = true;
        redrawSoon();
    }

    void hidden() {
        shown = false;
        pause();
        share.leave(this);
    }

    boolean isPlaying() {
        return playing;
    }

    /** Out of view, a playing trainer rests (and still shows Pause): it goes on where it was when it comes back. */
    void setInView(boolean visible) {
        inView = visible;
        if (visible) {
            requestFrame();
        } else {
            share.leave(this);
        }
    }

    /** Draws on the next frame. */
    void redrawSoon() {
        dirty = true;
        requestFrame();
    }

    /** Draws at once (after a click or a setting), so every read-out is current when the handler returns. */
    void redrawNow() {
        if (shown) {
            view.draw(false);
            dirty = false;
        } else {
            dirty = true;
        }
    }

    private void requestFrame() {
        if (shown && inView) {
            share.want(this);
        }
    }

    /**
     * This trainer's turn in an animation frame: train for a slice of time, then draw. The slice is the page's share,
     * but never less than the drawing takes (up to a whole share): a turn that drew for longer than it trained would
     * spend a crowded page's frames mostly on pictures of the same weights.
     */
    void frame(double shareMs) {
        double sliceMs = Math.min(FrameShare.TRAIN_MS, Math.max(shareMs, drawMs));
        // What the turn does besides training comes out of the frame's work too, so that the browser still has the
        // rest of a 60 Hz frame to paint: training past that skips a frame and the picture stutters.
        sliceMs = Math.max(FrameShare.LEAST_TRAIN_MS, Math.min(sliceMs, FrameShare.WORK_MS - overheadMs));
        double start = Dom.now();
        double trainedMs = 0;
        if (playing && view.trainer() != null) {
            double stepMs = 0;
            int limit = view.settings().budget;
            // Stop before a step that would run past the slice, rather than after it.
            while (Dom.now() - start + stepMs < sliceMs) {
                double stepStart = Dom.now();
                if (limit > 0 && view.trainer().stepCount() >= limit) {
                    pause();
                    view.say("Reached step " + limit + ". Press Play with a longer run (stop at) to go on.");
                    break;
                }
                if (!takeStep()) {
                    break;
                }
                stepMs = Dom.now() - stepStart;
            }
            trainedMs = Dom.now() - start;
            view.evaluate();
            view.record();
            dirty = true;
        }
        if (dirty) {
            double drawStart = Dom.now();
            view.draw(playing);
            drawMs = Dom.now() - drawStart;
            dirty = false;
        }
        overheadMs = Dom.now() - start - trainedMs;
        if (listener != null) {
            listener.framed(Dom.now() - start);
        }
        if (playing) {
            requestFrame();
        }
    }

    // ---- read-outs ----

    /** Shows the step count (of the limit) and the current weights' figures, or dashes when there are none. */
    void showFigures(int steps, int limit, Trainer.Evaluation current, Trainer.Evaluation currentTest) {
        stepCount.show(steps, Integer.toString(steps) + (limit > 0 ? " / " + limit : ""));
        lossOut.show(current == null ? Double.NaN : current.loss(), current == null ? "–"
                : Numbers.compact(current.loss(), 5));
        accuracyOut.show(current == null ? Double.NaN : current.accuracy(), current == null ? "–"
                : Numbers.fixed(current.accuracy() * 100, 0) + "%");
        testLossOut.show(currentTest == null ? Double.NaN : currentTest.loss(), currentTest == null ? "no test set"
                : "test " + Numbers.compact(currentTest.loss(), 5));
        testAccuracyOut.show(currentTest == null ? Double.NaN : currentTest.accuracy(), currentTest == null
                ? "no test set" : "test " + Numbers.fixed(currentTest.accuracy() * 100, 0) + "%");
        boolean regression = view.settings().regression();
        if (accuracyFigure.isHidden() != regression) {
            accuracyFigure.setHidden(regression);
            rmseFigure.setHidden(!regression);
        }
        rmseOut.show(current == null ? Double.NaN : current.rmse(), current == null ? "–"
                : Numbers.compact(current.rmse(), 4));
        testRmseOut.show(currentTest == null ? Double.NaN : currentTest.rmse(), currentTest == null ? "no test set"
                : "test " + Numbers.compact(currentTest.rmse(), 4));
    }

    private static HTMLElement figure(String name, Readout value, Readout second) {
        HTMLElement f = Dom.el("div", "bpl-figure");
        f.appendChild(Dom.text("span", "bpl-figure-name", name));
        f.appendChild(value.element());
        if (second != null) {
            f.appendChild(second.element());
        }
        return f;
    }
}
