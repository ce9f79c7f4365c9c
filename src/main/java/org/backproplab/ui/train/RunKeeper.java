package org.backproplab.ui.train;

import java.util.Map;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.SessionStore;
import org.backproplab.ui.dom.Settings;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Sees that a trained run is never thrown away without a word: a change of data or model (or Reset) offers an Undo
 * that brings the run back, and the app keeps the run in the tab's session storage, so that a reload, or a changed
 * link that gives the same settings, carries on from the same step with the same weights and charts.
 */
final class RunKeeper {
    private final TrainView view;
    /** The settings the trainer was built with (and hyper-parameters changed to since): what an Undo goes back to. */
    private TrainSettings built;
    /** Where the app keeps the run across a reload; null in a widget (widgets on one page would share it). */
    private String storeKey;

    RunKeeper(TrainView view) {
        this.view = view;
    }

    /** The view built (or re-parametrised) its trainer with these settings. */
    void built(TrainSettings settings) {
        built = settings.copy();
    }

    /** Starts again from the view's settings as they now are and says what; a trained run gets an Undo button. */
    void restart(String what) {
        HTMLElement undo = undoButton();
        view.rebuild(true);
        view.say(what);
        if (undo != null) {
            view.addToMessage(undo);
        }
    }

    /**
     * A button that brings back the run as it is now (its settings, weights, step and charts), for the message
     * of a change about to replace it; null when there is no trained run to lose.
     */
    HTMLElement undoButton() {
        RunSnapshot before = snapshot();
        TrainSettings beforeSettings = built;
        if (before == null) {
            return null;
        }
        return Dom.button("Undo: back to step " + before.step(), "undo-restart", () -> {
            view.startAgainWith(beforeSettings.copy());
            restore(before);
            view.say("Back to the run at step " + before.step() + ".");
        });
    }

    /**
     * Saves the run whenever the page goes away; with takeBack (a reload, or a changed link in the same page), takes
     * back now a stored run with these very settings.
     */
    void keepAcrossReloads(String key, boolean takeBack) {
        storeKey = key;
        RunSnapshot stored = takeBack ? RunSnapshot.read(SessionStore.get(key)) : null;
        if (stored != null && stored.settingsKey().equals(RunSnapshot.key(view.settings())) && restore(stored)) {
            view.say("Your run was kept: step " + stored.step() + ", with its weights and charts.");
        }
        // (only while this trainer is the page's: one a changed link replaced must neither save nor be kept alive)
        Dom.onWindowWhileAlive(view.element(), "pagehide", this::save);
        Dom.onWindowWhileAlive(view.element(), "visibilitychange", this::save);
    }

    /** Stores the run now; a run at step 0 has nothing to keep. */
    void save() {
        if (storeKey == null) {
            return;
        }
        RunSnapshot now = snapshot();
        if (now == null) {
            SessionStore.remove(storeKey);
        } else {
            SessionStore.put(storeKey, now.write());
        }
    }

    /** Whether a link's settings give the run on show. */
    boolean sameRun(Settings link) {
        Settings copy = new Settings(); // reading marks what it ignores: leave the app's own copy alone
        for (Map.Entry<String, String> e : link.values().entrySet()) {
            copy.put(e.getKey(), e.getValue());
        }
        return RunSnapshot.key(TrainSettings.read(copy)).equals(RunSnapshot.key(view.settings()));
    }

    /** The run as it is now, or null before its first step. */
    private RunSnapshot snapshot() {
        Trainer trainer = view.trainer();
        if (trainer == null || trainer.stepCount() == 0) {
            return null;
        }
        return new RunSnapshot(RunSnapshot.key(view.settings()), trainer.stepCount(), trainer.parameterValues(),
                view.charts().histories(RunSnapshot.MAX_HISTORY));
    }

    /** Puts a snapshot's weights, step and charts into the trainer just built; false if they don't fit it. */
    private boolean restore(RunSnapshot snapshot) {
        Trainer trainer = view.trainer();
        if (trainer == null || snapshot.weights().length != trainer.parameterValues().length) {
            return false;
        }
        for (int i = 0; i < snapshot.weights().length; i++) {
            trainer.setParameter(i, snapshot.weights()[i]);
        }
        trainer.resumeAt(snapshot.step());
        view.charts().restore(snapshot.histories());
        view.resumed();
        return true;
    }
}
