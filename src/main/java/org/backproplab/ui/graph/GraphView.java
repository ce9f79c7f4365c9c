package org.backproplab.ui.graph;

import java.util.HashMap;
import java.util.Map;
import org.backproplab.engine.BackwardTrace;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.expr.Edits;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.backproplab.expr.ParseError;
import org.backproplab.expr.Presets;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.ProgramEditor;
import org.backproplab.ui.dom.Settings;
import org.backproplab.ui.dom.View;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * #view=graph: write a program (or pick one of the lecture's), see its Value graph, press Backward and watch the
 * grads colour the boxes, step through the chain rule one node at a time, check each grad numerically, and nudge
 * the inputs. The program text is the single source of truth: every edit on the graph is written back into it.
 * This class holds the program and its evaluation and lays out the page; the panels each own one of its parts.
 */
public final class GraphView implements View {
    public static final String DEFAULT_PROGRAM = Presets.ALL.get(0).program();
    /** Longer programs still work, but are left out of links (browsers and chat apps truncate long URLs). */
    private static final int MAX_PROGRAM_IN_LINK = 100_000;

    private final HTMLElement root = Dom.el("section", "bpl-graph-view");
    private final ProgramEditor editor = new ProgramEditor(this::edited);
    private final HTMLElement error = Dom.el("div", "bpl-error");
    private final HTMLElement notice = Dom.el("div", "bpl-notice");
    private final PresetPicker presets;
    private final ProgramNotes notes = new ProgramNotes();
    private final GraphCanvas canvas = new GraphCanvas(this::leafChanged, this::showNotice);
    private final StepPanel steps = new StepPanel(this, canvas);
    private final NudgePanel nudge = new NudgePanel(this);
    private final GradcheckPanel gradcheck = new GradcheckPanel();
    private final HandMode hand = new HandMode(this, canvas, steps);
    private final GraphExports exports = new GraphExports(this, canvas.scene(), hand::askOutput);
    private final HTMLElement bugBanner = Dom.text("div", "bpl-bug-banner",
            "Showing the “=” bug: each step overwrites a child's grad instead of adding to it (+=), as the "
                    + "lecture's first version did. Grads of Values used twice are wrong.");
    private final KeyHelp help = new KeyHelp();
    private final HTMLInputElement bugToggle = Dom.checkbox("bug-toggle");
    private final HTMLElement staleNote = Dom.text("p", "bpl-stale-note", "The program has an error, so this is the "
            + "last program that ran. Fix the error to see the new one.");
    private final Runnable changed;

    private Evaluation evaluation;
    private boolean gradsOn;

    /**
     * A graph view with the program and settings from the state, or the given program if the state has none. With
     * less than the full controls, the side panels go; with none, the program and the leaves can't be edited.
     */
    public GraphView(Settings state, String program, Controls controls, Runnable changed) {
        this.changed = changed;
        if (state.has("program")) {
            // A link with a broken program opens the default one, and the message says what was wrong. (No
            // assignment inside the try: TeaVM's JS output once kept one that the exception should have skipped.)
            String problem = org.backproplab.expr.Parser.problemWith(state.get("program"));
            if (problem == null) {
                program = state.get("program");
            } else {
                state.ignore("program", problem);
            }
        }
        presets = new PresetPicker(state, editor::value, this::setProgram, changed);
        if (!state.has("program")) {
            program = presets.inForm(program); // form=notebook opens the lecture's graph as its notebook writes it
        }
        root.setAttribute("data-testid", "graph-view");
        editor.setReadOnly(!controls.canEdit());
        canvas.setLeavesEditable(controls.canEdit());
        root.appendChild(side());
        HTMLElement main = Dom.el("div", "bpl-main");
        main.appendChild(toolbar());
        bugBanner.setAttribute("data-testid", "bug-banner");
        bugBanner.setHidden(true);
        main.appendChild(bugBanner);
        main.appendChild(help.element());
        HTMLElement stage = Dom.el("div", "bpl-stage");
        staleNote.setAttribute("data-testid", "stale");
        staleNote.setHidden(true);
        stage.appendChild(staleNote);
        stage.appendChild(canvas.element());
        stage.appendChild(steps.element());
        stage.appendChild(hand.panel());
        main.appendChild(stage);
        root.appendChild(main);

        Dom.on(bugToggle, "change", e -> {
            bugBanner.setHidden(!bugToggle.isChecked());
            if (evaluation != null) {
                if (gradsOn) {
                    runBackward();
                }
                canvas.clearHighlight();
                steps.reset(evaluation.output(), null);
                gradcheck.update(evaluation, buggy());
                showNotes();
            }
            changed.run();
        });
        Dom.on(root, "keydown", e -> shortcut((KeyboardEvent) e));

        if (state.flag("bug", false)) {
            setBuggy(true);
        }
        editor.setValue(program);
        evaluate(true);
        hand.start(state, controls.canEdit(), changed);
    }

    /** Left: presets, program, error, nudge, gradient check. */
    private HTMLElement side() {
        HTMLElement side = Dom.el("div", "bpl-side");
        side.appendChild(Controls.extra(presets.element()));
        side.appendChild(editor.element());
        error.setAttribute("data-testid", "error");
        error.setAttribute("role", "alert");
        error.setHidden(true);
        side.appendChild(error);
        notice.setAttribute("data-testid", "notice");
        notice.setAttribute("role", "status");
        notice.setHidden(true);
        side.appendChild(notice);
        side.appendChild(notes.element());
        side.appendChild(Controls.extra(nudge.element()));
        side.appendChild(Controls.extra(gradcheck.element()));
        return side;
    }

    private HTMLElement toolbar() {
        HTMLElement toolbar = Dom.el("div", "bpl-toolbar");
        toolbar.setAttribute("role", "toolbar");
        toolbar.setAttribute("aria-label", "Graph actions");
        toolbar.appendChild(titled(Dom.button("Backward", "backward", this::backward),
                "Run backward: fill in every grad (B)"));
        toolbar.appendChild(titled(steps.stepButton(), "One node of the backward pass (S)"));
        toolbar.appendChild(titled(steps.playButton(), "Animate the backward pass (P)"));
        toolbar.appendChild(titled(Dom.button("Zero grad", "zero-grad", this::zeroGrad), "Set every grad to 0 (Z)"));
        toolbar.appendChild(Controls.extra(Dom.labelled(bugToggle, "Show the = bug")));
        toolbar.appendChild(hand.toggle());
        toolbar.appendChild(Dom.el("span", "bpl-spacer"));
        toolbar.appendChild(Controls.extra(exports.menu()));
        HTMLElement helpButton = titled(Dom.button("?", "help", help::toggle), "Keyboard shortcuts (?)");
        helpButton.setAttribute("aria-label", "Keyboard shortcuts");
        help.setButton(helpButton);
        toolbar.appendChild(helpButton);
        return toolbar;
    }

    @Override
    public HTMLElement element() {
        return root;
    }

    @Override
    public void shown() {
        canvas.fit();
    }

    @Override
    public String notInLink() {
        return program().length() <= MAX_PROGRAM_IN_LINK ? null : "This program is too long for a link ("
                + program().length() + " characters; a link holds up to " + MAX_PROGRAM_IN_LINK + "): the link opens "
                + "the rest of this view without it. Export it instead (Export → Python), or copy its text.";
    }

    @Override
    public void writeState(Settings state) {
        if (program().length() <= MAX_PROGRAM_IN_LINK) {
            state.put("program", program());
        }
        if (buggy()) {
            state.putFlag("bug", true);
        }
        presets.writeState(state);
        hand.writeState(state);
    }

    /** By hand, how the answers stand (right, total, revealed, checks, done), for the page that embeds the view. */
    public void writeProgress(Settings state) {
        hand.writeProgress(state);
    }

    public String program() {
        return editor.value();
    }

    boolean buggy() {
        return bugToggle.isChecked();
    }

    void setBuggy(boolean on) {
        bugToggle.setChecked(on);
        bugBanner.setHidden(!on);
        if (evaluation != null) {
            gradcheck.update(evaluation, on);
        }
    }

    /** As if the user had typed this text and paused: re-evaluates at once (the benchmark calls this). */
    public void typeProgram(String program) {
        editor.setValue(program);
        evaluate(false);
    }

    public int nodeCount() {
        return canvas.nodeCount();
    }

    // ---- the program and its evaluation ----

    /** The program's last good run, or null before there is one. */
    Evaluation evaluation() {
        return evaluation;
    }

    private void edited() {
        evaluate(false);
    }

    /** A new program (a preset, or a page's handle.setProgram), with its grads unknown. */
    public void setProgram(String program) {
        steps.stop();
        editor.setValue(program);
        evaluate(true);
    }

    /**
     * Parses and runs the program; on an error, says where and keeps the last good graph on screen. Fresh forgets
     * the grads; otherwise, if they were on, backward runs again on the new graph.
     */
    boolean evaluate(boolean fresh) {
        double started = Dom.now();
        Evaluation next;
        try {
            next = Evaluator.run(editor.value());
        } catch (ParseError e) {
            error.setTextContent("Line " + e.line() + ", column " + e.column() + ": " + e.reason());
            error.setAttribute("data-line", Integer.toString(e.line()));
            error.setAttribute("data-column", Integer.toString(e.column()));
            error.setHidden(false);
            editor.markError(e.line());
            markStale(evaluation != null);
            return false;
        }
        markStale(false);
        error.setHidden(true);
        editor.markError(0);
        steps.stop();
        evaluation = next;
        if (fresh || hand.on()) { // by hand, the grads are the student's to find
            gradsOn = false;
        }
        if (gradsOn) {
            runBackward();
        } else {
            canvas.show(evaluation.output(), false);
        }
        canvas.clearHighlight();
        steps.reset(evaluation.output(), null);
        hand.update(evaluation);
        showNonFinite();
        gradcheck.update(evaluation, buggy());
        showNotes();
        root.setAttribute("data-eval-ms", Double.toString(Dom.now() - started));
        changed.run();
        return true;
    }

    /** Re-reads the program if it was edited since it last ran; false, with the error showing, if it has one. */
    boolean upToDate() {
        return evaluation != null && (editor.value().equals(evaluation.program().source()) || evaluate(false));
    }

    /**
     * Writes these values into the program's leaves (by name) and runs it; false, with a message and the program as
     * it was, if a value is not a finite number (a huge nudge step would write a = Infinity, which no program takes).
     */
    boolean setLeaves(Map<String, Double> values) {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                showNotice(e.getKey() + " would become " + Numbers.fixed(e.getValue(), 4) + ", which is not a number "
                        + "a program can hold: the program is left as it was. Try a smaller step.");
                return false;
            }
        }
        editor.setValue(Edits.setValues(evaluation.program(), values));
        evaluate(false);
        return true;
    }

    /**
     * The drawing no longer matches the text: dimmed, and said so. A warning about the old program goes with it, as
     * that program is no longer the text's.
     */
    private void markStale(boolean stale) {
        staleNote.setHidden(!stale);
        if (stale) {
            canvas.element().getClassList().add("bpl-stale");
            notice.setHidden(true);
            notes.hide();
        } else {
            canvas.element().getClassList().remove("bpl-stale");
        }
    }

    private void leafChanged(Value leaf, double value, boolean done) {
        if (evaluation == null || leaf.label.isEmpty()) {
            return;
        }
        if (!editor.value().equals(evaluation.program().source())) {
            // The text was edited since the graph ran and has an error: never write the old program over it.
            String edited = Edits.setValueInLine(editor.value(), leaf.label, value);
            if (edited == null) {
                showNotice("The program has an error, so " + leaf.label + " can't be changed from the graph: fix "
                        + "the error first. Your text is as you left it.");
                return;
            }
            editor.setValue(edited);
            evaluate(false);
            return;
        }
        Map<String, Double> change = new HashMap<>();
        change.put(leaf.label, value);
        setLeaves(change);
    }

    private void showNonFinite() {
        Evaluation.NonFinite bad = evaluation.firstNonFinite();
        if (bad == null) {
            notice.setHidden(true);
        } else {
            showNotice("Not an error, but a warning: " + bad.describe()
                    + ". Everything that depends on it is NaN or infinite too.");
        }
    }

    /** A message under the program that is not about an error in it. */
    void showNotice(String text) {
        notice.setTextContent(text);
        notice.setHidden(false);
    }

    // ---- backward and zero grad ----

    /** Fresh grads for the whole graph (the program is re-read first if it was just edited); none by hand. */
    public void backward() {
        steps.stop();
        if (!hand.on() && upToDate()) {
            runBackward();
        } // else the text has an error: keep the last good graph as it is
    }

    /** Fresh grads for the current graph, with the = bug when it is switched on. */
    private void runBackward() {
        Value output = evaluation.output();
        if (buggy()) {
            new BackwardTrace(output, true).finish();
        } else {
            output.zeroGrad();
            output.backward();
        }
        gradsOn = true;
        canvas.clearHighlight();
        canvas.show(output, true);
        steps.reset(output, buggy() ? "Backward with “=”: every child's grad was overwritten, not added to."
                : "Backward: every grad is d(" + StepPanel.label(output) + ")/d(node), by the chain rule.");
        showNotes();
    }

    /** The program's skipped lines and its x.grad = … answers, checked once the grads on screen are Backward's. */
    private void showNotes() {
        notes.update(evaluation, gradsOn, buggy());
    }

    /**
     * Makes sure the grads on screen are Backward's, with the = bug if it is on: a nudge moves the leaves by exactly
     * the grads the student sees, so with the bug on it shows what wrong grads do.
     */
    void gradsShown() {
        if (!gradsOn) {
            runBackward();
        }
    }

    /** The step panel took the last step: the grads on screen are complete. */
    void gradsFinished() {
        gradsOn = true;
        showNotes();
    }

    private void zeroGrad() {
        steps.stop();
        if (evaluation == null || hand.on()) {
            return;
        }
        evaluation.output().zeroGrad();
        gradsOn = false;
        canvas.clearHighlight();
        canvas.show(evaluation.output(), true);
        steps.reset(evaluation.output(), "Every grad is 0 again.");
        showNotes();
    }

    // ---- keyboard ----

    /** Keyboard shortcuts, when the focus is not in a text field. */
    @Override
    public void shortcut(KeyboardEvent e) {
        if (Dom.typingOrModified(e)) {
            return;
        }
        switch (e.getKey()) {
            case "b", "B" -> backward();
            case "s", "S" -> steps.step();
            case "p", "P" -> steps.togglePlay();
            case "z", "Z" -> zeroGrad();
            case "f", "F" -> canvas.fit();
            case "+", "=" -> canvas.zoom(1.25);
            case "-" -> canvas.zoom(1 / 1.25);
            case "?" -> help.toggle();
            case "Escape" -> help.hide();
            default -> {
                return;
            }
        }
        e.preventDefault();
    }

    // ---- small builders ----

    private static HTMLElement titled(HTMLElement button, String title) {
        button.setAttribute("title", title);
        return button;
    }
}
