package org.backproplab.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.BackwardTrace;
import org.backproplab.engine.GradCheck;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.expr.Edits;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.backproplab.expr.ParseError;
import org.backproplab.expr.Presets;
import org.backproplab.expr.PythonExport;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Download;
import org.backproplab.ui.dom.ExportMenu;
import org.backproplab.ui.dom.ProgramEditor;
import org.backproplab.ui.dom.Settings;
import org.backproplab.ui.dom.View;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * #view=graph: write a program (or pick one of the lecture's), see its Value graph, press Backward and watch the
 * grads colour the boxes, step through the chain rule one node at a time, check each grad numerically, and nudge
 * the inputs. The program text is the single source of truth: every edit on the graph is written back into it.
 */
public final class GraphView implements View {
    public static final String DEFAULT_PROGRAM = Presets.ALL.get(0).program();
    /** Longer programs still work, but are left out of links (browsers and chat apps truncate long URLs). */
    private static final int MAX_PROGRAM_IN_LINK = 100_000;
    private static final int PLAY_DELAY_MS = 650;
    /** Downloads are backprop-graph.svg, .png and .py. */
    private static final String EXPORT_NAME = "backprop-graph";

    private final HTMLElement root = Dom.el("section", "bpl-graph-view");
    private final ProgramEditor editor = new ProgramEditor(this::edited);
    private final HTMLElement error = Dom.el("div", "bpl-error");
    private final HTMLElement notice = Dom.el("div", "bpl-notice");
    private final HTMLSelectElement presets = (HTMLSelectElement) Dom.el("select", "bpl-select");
    private final GraphCanvas canvas = new GraphCanvas(this::leafChanged);
    private final HTMLElement stepPanel = Dom.el("div", "bpl-step-panel");
    private final HTMLElement stepText = Dom.el("div", "bpl-step-text");
    private final HTMLElement topoList = Dom.el("ol", "bpl-topo");
    private final HTMLElement gradcheck = Dom.el("table", "bpl-gradcheck");
    private final HTMLInputElement hInput = input("1e-6", "h");
    private final HTMLInputElement stepSize = input("0.01", "step-size");
    private final HTMLElement nudgeResult = Dom.el("div", "bpl-nudge-result");
    private final HTMLElement bugBanner = Dom.text("div", "bpl-bug-banner",
            "Showing the “=” bug: each step overwrites a child's grad instead of adding to it (+=), as the "
                    + "lecture's first version did. Grads of Values used twice are wrong.");
    private final HTMLElement help = Dom.el("div", "bpl-help");
    private final HTMLInputElement bugToggle = Dom.checkbox("bug-toggle");
    private final HTMLInputElement descent = Dom.checkbox("descent");
    private final HTMLElement playButton;
    private final Runnable changed;

    private Evaluation evaluation;
    private boolean gradsOn;
    private BackwardTrace trace;
    private int playTimer = -1;

    /**
     * A graph view with the program and settings from the state, or the given program if the state has none. With
     * less than the full controls, the side panels go; with none, the program and the leaves can't be edited.
     */
    public GraphView(Settings state, String program, Controls controls, Runnable changed) {
        this.changed = changed;
        if (state.has("program")) {
            // A link with a broken program opens the default one, and the message says what was wrong. (No
            // assignment inside the try: TeaVM's JS output once kept one that the exception should have skipped.)
            String problem = problemWith(state.get("program"));
            if (problem == null) {
                program = state.get("program");
            } else {
                state.ignore("program", problem);
            }
        }
        root.setAttribute("data-testid", "graph-view");

        // Left: presets, program, error, gradient check, nudge.
        HTMLElement side = Dom.el("div", "bpl-side");
        presets.setAttribute("data-testid", "presets");
        presets.setAttribute("aria-label", "Examples from the lecture");
        presets.appendChild(Dom.option("", "Examples from the lecture…"));
        for (Presets.Preset p : Presets.ALL) {
            presets.appendChild(Dom.option(p.id(), p.title()));
        }
        Dom.on(presets, "change", e -> {
            Presets.Preset p = Presets.find(presets.getValue());
            if (p != null) {
                loadProgram(p.program());
            }
            presets.setValue("");
        });
        side.appendChild(Controls.extra(presets));
        side.appendChild(editor.element());
        editor.setReadOnly(!controls.canEdit());
        canvas.setLeavesEditable(controls.canEdit());
        error.setAttribute("data-testid", "error");
        error.setAttribute("role", "alert");
        error.setHidden(true);
        side.appendChild(error);
        notice.setAttribute("data-testid", "notice");
        notice.setAttribute("role", "status");
        notice.setHidden(true);
        side.appendChild(notice);
        side.appendChild(Controls.extra(nudgePanel()));
        side.appendChild(Controls.extra(gradcheckPanel()));

        // Right: toolbar, canvas, step panel.
        HTMLElement main = Dom.el("div", "bpl-main");
        HTMLElement toolbar = Dom.el("div", "bpl-toolbar");
        toolbar.setAttribute("role", "toolbar");
        toolbar.setAttribute("aria-label", "Graph actions");
        toolbar.appendChild(Dom.button("Backward", "backward", this::backward));
        toolbar.appendChild(Dom.button("Step", "step-backward", this::stepBackward));
        playButton = Dom.button("Play", "play-backward", this::togglePlay);
        toolbar.appendChild(playButton);
        toolbar.appendChild(Dom.button("Zero grad", "zero-grad", this::zeroGrad));
        toolbar.appendChild(Controls.extra(Dom.labelled(bugToggle, "Show the = bug")));
        HTMLElement spacer = Dom.el("span", "bpl-spacer");
        toolbar.appendChild(spacer);
        toolbar.appendChild(Controls.extra(exportMenu()));
        toolbar.appendChild(Dom.button("?", "help", () -> help.setHidden(!help.isHidden())));
        titleOf(toolbar, "help", "Keyboard shortcuts (?)");
        toolbar.querySelector("[data-testid=help]").setAttribute("aria-label", "Keyboard shortcuts");
        titleOf(toolbar, "backward", "Run backward: fill in every grad (B)");
        titleOf(toolbar, "step-backward", "One node of the backward pass (S)");
        titleOf(toolbar, "play-backward", "Animate the backward pass (P)");
        titleOf(toolbar, "zero-grad", "Set every grad to 0 (Z)");
        main.appendChild(toolbar);
        bugBanner.setAttribute("data-testid", "bug-banner");
        bugBanner.setHidden(true);
        main.appendChild(bugBanner);
        buildHelp();
        main.appendChild(help);
        HTMLElement stage = Dom.el("div", "bpl-stage");
        stage.appendChild(canvas.element());
        stepPanel.setAttribute("data-testid", "step-panel");
        stepPanel.appendChild(Dom.text("h3", "", "Backward, step by step"));
        stepText.setAttribute("data-testid", "step-text");
        stepText.setAttribute("aria-live", "polite");
        stepPanel.appendChild(stepText);
        stepPanel.appendChild(Dom.text("h3", "", "Topological order"));
        topoList.setAttribute("data-testid", "topo");
        stepPanel.appendChild(topoList);
        stage.appendChild(stepPanel);
        main.appendChild(stage);

        root.appendChild(side);
        root.appendChild(main);

        Dom.on(bugToggle, "change", e -> {
            bugBanner.setHidden(!bugToggle.isChecked());
            if (gradsOn) {
                runBackward();
            }
            trace = null;
            canvas.clearHighlight();
            showStep(null);
            changed.run();
        });
        Dom.on(hInput, "change", e -> updateGradcheck());
        Dom.on(root, "keydown", e -> shortcut((KeyboardEvent) e));

        if ("1".equals(state.get("bug"))) {
            setBuggy(true);
        }
        editor.setValue(program);
        evaluate(true);
    }

    /** Why a program can't be used ("line L, column C: ..."), or null if it parses. */
    static String problemWith(String source) {
        try {
            org.backproplab.expr.Parser.parse(source);
            return null;
        } catch (ParseError e) {
            return "line " + e.line() + ", column " + e.column() + ": " + e.reason();
        }
    }

    @Override
    public HTMLElement element() {
        return root;
    }

    @Override
    public void shown() {
        canvas.fit(true);
    }

    @Override
    public void writeState(Settings state) {
        if (program().length() <= MAX_PROGRAM_IN_LINK) {
            state.put("program", program());
        }
        if (buggy()) {
            state.put("bug", "1");
        }
    }

    /**
     * For a widget or an exercise, which shows one example with little room to explore: fit it whole down to a
     * smaller, still legible scale (the tanh neuron beside its program in a 1024-pixel-wide page) before falling
     * back to showing it around its output. Call before the view is shown.
     */
    public void fitWholeExample() {
        canvas.setReadableScale(0.7);
    }

    String program() {
        return editor.value();
    }

    boolean buggy() {
        return bugToggle.isChecked();
    }

    void setBuggy(boolean on) {
        bugToggle.setChecked(on);
        bugBanner.setHidden(!on);
    }

    public void setProgram(String program) {
        loadProgram(program);
    }

    /** As if the user had typed this text and paused: re-evaluates at once (the benchmark calls this). */
    public void typeProgram(String program) {
        editor.setValue(program);
        evaluate(false);
    }

    public int nodeCount() {
        return canvas.nodeCount();
    }

    // ---- evaluation ----

    private void edited() {
        evaluate(false);
    }

    private void loadProgram(String program) {
        stopPlay();
        editor.setValue(program);
        evaluate(true);
    }

    /** Parses and runs the program; on an error, says where and keeps the last good graph on screen. */
    private boolean evaluate(boolean fresh) {
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
            return false;
        }
        error.setHidden(true);
        editor.markError(0);
        stopPlay();
        evaluation = next;
        trace = null;
        if (fresh) {
            gradsOn = false;
        }
        if (gradsOn) {
            runBackward();
        } else {
            canvas.show(evaluation.output(), false);
        }
        canvas.clearHighlight();
        showStep(null);
        showNonFinite();
        updateTopoList(-1);
        updateGradcheck();
        root.setAttribute("data-eval-ms", Double.toString(Dom.now() - started));
        changed.run();
        return true;
    }

    private void showNonFinite() {
        Evaluation.NonFinite bad = evaluation.firstNonFinite();
        if (bad == null) {
            notice.setHidden(true);
        } else {
            notice.setTextContent("Not an error, but a warning: " + bad.describe()
                    + ". Everything that depends on it is NaN or infinite too.");
            notice.setHidden(false);
        }
    }

    // ---- backward, zero grad, stepping ----

    /** Fresh grads for the whole graph (the program is re-read first if it was just edited). */
    public void backward() {
        stopPlay();
        if (evaluation == null) {
            return;
        }
        if (!editor.value().equals(evaluation.program().source()) && !evaluate(false)) {
            return; // the text has an error: keep the last good graph as it is
        }
        runBackward();
    }

    /** Fresh grads for the current graph, with the = bug when it is switched on. */
    private void runBackward() {
        trace = null;
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
        showStep(buggy() ? "Backward with “=”: every child's grad was overwritten, not added to."
                : "Backward: every grad is d(" + label(output) + ")/d(node), by the chain rule.");
        updateTopoList(-1);
    }

    private void zeroGrad() {
        stopPlay();
        if (evaluation == null) {
            return;
        }
        evaluation.output().zeroGrad();
        trace = null;
        gradsOn = false;
        canvas.clearHighlight();
        canvas.show(evaluation.output(), true);
        showStep("Every grad is 0 again.");
        updateTopoList(-1);
    }

    void stepBackward() {
        if (evaluation == null) {
            return;
        }
        if (trace == null || trace.finished()) {
            trace = new BackwardTrace(evaluation.output(), buggy());
        }
        BackwardTrace.Step step = trace.step();
        canvas.show(evaluation.output(), true);
        canvas.highlight(step, buggy());
        describe(step);
        updateTopoList(trace.order().size() - trace.position());
        if (trace.finished()) {
            gradsOn = true;
            stopPlay();
        }
    }

    private void describe(BackwardTrace.Step step) {
        stepText.setTextContent("");
        Value node = step.node();
        int position = trace.position();
        int total = trace.order().size();
        stepText.appendChild(Dom.text("p", "bpl-step-count", "Step " + position + " of " + total));
        if (position == 1) {
            stepText.appendChild(Dom.text("p", "", label(node) + ".grad = 1, because d" + label(node) + "/d"
                    + label(node) + " = 1."));
        }
        if (step.contributions().isEmpty()) {
            stepText.appendChild(Dom.text("p", "", label(node) + " is a leaf: it has no children to pass its grad "
                    + "to. Its grad is final: " + Numbers.compact(node.grad, 6) + "."));
        } else {
            stepText.appendChild(Dom.text("p", "", label(node) + " = " + describeOp(node) + ", and "
                    + label(node) + ".grad = " + Numbers.compact(node.grad, 6) + ". Each child gets upstream grad "
                    + "× local derivative:"));
            HTMLElement list = Dom.el("ul", "bpl-contributions");
            for (BackwardTrace.Contribution c : step.contributions()) {
                String op = buggy() ? " = " : " += ";
                String line = label(c.child()) + ".grad" + op + Numbers.fixed(c.upstream(), 4) + " × "
                        + Numbers.fixed(c.local(), 4) + " = " + Numbers.fixed(c.contribution(), 4) + "   ("
                        + Numbers.fixed(c.before(), 4) + " → " + Numbers.fixed(c.after(), 4) + ")";
                HTMLElement item = Dom.text("li", "", line);
                item.setAttribute("data-testid", "contribution");
                list.appendChild(item);
            }
            stepText.appendChild(list);
        }
        if (trace.finished()) {
            stepText.appendChild(Dom.text("p", "bpl-step-done", buggy()
                    ? "Done, with the = bug: compare with Backward with the bug switched off."
                    : "Done: these are exactly the grads Backward gives."));
        }
    }

    private static String describeOp(Value v) {
        switch (v.kind()) {
            case ADD:
                return label(v.child(0)) + " + " + label(v.child(1)) + " (local derivative 1 for each)";
            case MUL:
                return label(v.child(0)) + " × " + label(v.child(1)) + " (each child's local derivative is the "
                        + "other's data)";
            case POW:
                return label(v.child(0)) + v.op() + " (local derivative k·x^(k−1))";
            case TANH:
                return "tanh(" + label(v.child(0)) + ") (local derivative 1 − tanh²)";
            case EXP:
                return "exp(" + label(v.child(0)) + ") (local derivative exp itself)";
            case LOG:
                return "log(" + label(v.child(0)) + ") (local derivative 1/x)";
            case RELU:
                return "relu(" + label(v.child(0)) + ") (local derivative 1 if out > 0, else 0)";
            case SIGMOID:
                return "sigmoid(" + label(v.child(0)) + ") (local derivative s·(1 − s))";
            default:
                return v.op();
        }
    }

    /** How the text names a Value: its label, or its op and number for unnamed ones. */
    private static String label(Value v) {
        if (!v.label.isEmpty()) {
            return v.label;
        }
        return v.isLeaf() ? Numbers.format(v.data) : "(" + v.op() + ")";
    }

    private void showStep(String text) {
        stepText.setTextContent("");
        stepText.appendChild(Dom.text("p", "", text != null ? text
                : "Press Step (S) to run backward one node at a time, from the output back to the leaves."));
    }

    private void updateTopoList(int current) {
        topoList.setTextContent("");
        List<Value> order = trace != null ? trace.order() : evaluation.output().topologicalOrder();
        if (order.size() > 400) {
            topoList.appendChild(Dom.text("li", "", order.size() + " nodes: too many to list."));
            return;
        }
        for (int i = 0; i < order.size(); i++) {
            Value v = order.get(i);
            HTMLElement item = Dom.text("li", i == current ? "bpl-topo-current"
                    : current >= 0 && i > current ? "bpl-topo-done" : "", label(v));
            if (i == current) {
                item.setAttribute("aria-current", "step");
            }
            topoList.appendChild(item);
        }
    }

    private void togglePlay() {
        if (playTimer >= 0) {
            stopPlay();
            return;
        }
        if (Dom.prefersReducedMotion()) {
            trace = null;
            while (trace == null || !trace.finished()) {
                stepBackward();
            }
            return;
        }
        if (trace != null && trace.finished()) {
            trace = null;
        }
        playButton.setTextContent("Pause");
        playStep();
    }

    private void playStep() {
        stepBackward();
        if (trace != null && !trace.finished()) {
            playTimer = Window.setTimeout(this::playStep, PLAY_DELAY_MS);
        } else {
            stopPlay();
        }
    }

    private void stopPlay() {
        if (playTimer >= 0) {
            Window.clearTimeout(playTimer);
            playTimer = -1;
        }
        playButton.setTextContent("Play");
    }

    // ---- nudge, leaf edits ----

    private HTMLElement nudgePanel() {
        HTMLElement panel = Dom.el("div", "bpl-panel");
        panel.appendChild(Dom.text("h3", "", "Nudge the inputs"));
        panel.appendChild(Dom.text("p", "bpl-hint", "Move every leaf a small step along its grad, then run "
                + "forward again: the output goes up (or down, with descent)."));
        HTMLElement row = Dom.el("div", "bpl-row");
        row.appendChild(Dom.labelled(stepSize, "step"));
        row.appendChild(Dom.labelled(descent, "descent"));
        row.appendChild(Dom.button("Nudge", "nudge", this::nudge));
        panel.appendChild(row);
        nudgeResult.setAttribute("data-testid", "nudge-result");
        nudgeResult.setAttribute("aria-live", "polite");
        panel.appendChild(nudgeResult);
        return panel;
    }

    private void nudge() {
        if (evaluation == null || !evaluate(false)) {
            return;
        }
        double step;
        try {
            step = Double.parseDouble(stepSize.getValue().trim());
        } catch (NumberFormatException e) {
            nudgeResult.setTextContent("The step must be a number, such as 0.01.");
            return;
        }
        if (!gradsOn || buggy()) {
            setBuggy(false);
            runBackward();
        }
        String name = evaluation.outputName();
        double before = evaluation.output().data;
        double sign = descent.isChecked() ? -1 : 1;
        Map<String, Double> moved = new HashMap<>();
        for (Map.Entry<String, Value> e : evaluation.named().entrySet()) {
            Value v = e.getValue();
            if (v.isLeaf() && v.label.equals(e.getKey())) {
                moved.put(e.getKey(), v.data + sign * step * v.grad);
            }
        }
        editor.setValue(Edits.setValues(evaluation.program(), moved));
        evaluate(false);
        double after = evaluation.output().data;
        nudgeResult.setTextContent(name + ": " + Numbers.fixed(before, 4) + " → " + Numbers.fixed(after, 4)
                + (after > before ? "  (up " : after < before ? "  (down " : "  (")
                + Numbers.compact(Math.abs(after - before), 4) + ")");
        nudgeResult.setAttribute("data-old", Double.toString(before));
        nudgeResult.setAttribute("data-value", Double.toString(after));
    }

    private void leafChanged(Value leaf, double value, boolean done) {
        if (evaluation == null || leaf.label.isEmpty()) {
            return;
        }
        Map<String, Double> change = new HashMap<>();
        change.put(leaf.label, value);
        editor.setValue(Edits.setValues(evaluation.program(), change));
        evaluate(false);
    }

    // ---- gradient check ----

    private HTMLElement gradcheckPanel() {
        HTMLElement panel = Dom.el("div", "bpl-panel");
        panel.appendChild(Dom.text("h3", "", "Gradient check"));
        panel.appendChild(Dom.text("p", "bpl-hint", "Numeric: (f(x+h) − f(x−h)) / 2h for each leaf. Analytic: "
                + "the grad from backward. They should agree."));
        HTMLElement row = Dom.el("div", "bpl-row");
        row.appendChild(Dom.labelled(hInput, "h"));
        panel.appendChild(row);
        gradcheck.setAttribute("data-testid", "gradcheck");
        panel.appendChild(gradcheck);
        return panel;
    }

    private void updateGradcheck() {
        gradcheck.setTextContent("");
        HTMLElement head = Dom.el("tr", "");
        for (String h : new String[] {"leaf", "numeric", "analytic", "rel. error", ""}) {
            head.appendChild(Dom.text("th", "", h));
        }
        gradcheck.appendChild(head);
        double h;
        try {
            h = Double.parseDouble(hInput.getValue().trim());
        } catch (NumberFormatException e) {
            h = Double.NaN;
        }
        if (!(h > 0)) {
            HTMLElement tr = Dom.el("tr", "");
            HTMLElement td = Dom.text("td", "bpl-mismatch", "h must be a positive number, such as 1e-6.");
            td.setAttribute("colspan", "5");
            tr.appendChild(td);
            gradcheck.appendChild(tr);
            return;
        }
        // A separate copy of the graph, so the check never disturbs the grads on screen.
        Evaluation copy = Evaluator.evaluate(evaluation.program(), evaluation.outputName());
        if (copy.leaves().size() > 60) {
            HTMLElement tr = Dom.el("tr", "");
            tr.appendChild(Dom.text("td", "", copy.leaves().size() + " leaves: too many to check here."));
            gradcheck.appendChild(tr);
            return;
        }
        for (GradCheck.Row r : GradCheck.check(copy.output(), copy.leaves(), h)) {
            HTMLElement tr = Dom.el("tr", "");
            tr.setAttribute("data-label", r.leaf().label);
            tr.setAttribute("data-numeric", Double.toString(r.numeric()));
            tr.setAttribute("data-analytic", Double.toString(r.analytic()));
            double rel = r.relativeError();
            boolean ok = rel <= 1e-5 || Math.abs(r.numeric() - r.analytic()) <= 1e-7;
            tr.appendChild(Dom.text("td", "bpl-mono", r.leaf().label));
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.compact(r.numeric(), 7)));
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.compact(r.analytic(), 7)));
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.scientific(rel, 1)));
            tr.appendChild(Dom.text("td", ok ? "bpl-ok" : "bpl-mismatch", ok ? "✓ ok" : "✗ mismatch"));
            gradcheck.appendChild(tr);
        }
    }

    // ---- export, help, keyboard ----

    /** The files this view saves: the drawing (SVG, PNG) and the program as micrograd Python. */
    private HTMLElement exportMenu() {
        return new ExportMenu("export", "Save the graph or the program as a file")
                .item("Graph as SVG drawing", "export-svg", this::exportSvg)
                .item("Graph as PNG picture", "export-png", this::exportPng)
                .item("Program as Python (micrograd)", "export-python", this::exportPython)
                .element();
    }

    /**
     * Re-reads a just-edited program first (as Backward does), so that a file always matches the text; false, with
     * the error showing, if the text has one.
     */
    private boolean readyToExport() {
        return evaluation != null && (editor.value().equals(evaluation.program().source()) || evaluate(false));
    }

    private void exportSvg() {
        if (!readyToExport()) {
            return;
        }
        Download.text(EXPORT_NAME + ".svg", "image/svg+xml", canvas.exportSvg());
    }

    private void exportPng() {
        if (!readyToExport()) {
            return;
        }
        double[] size = canvas.exportSize();
        Download.svgAsPng(canvas.exportSvg(), size[0], size[1], EXPORT_NAME + ".png", ok -> {
            if (!ok) {
                notice.setTextContent("The browser could not draw the graph as a picture (it may be too big): "
                        + "Graph as SVG drawing still works.");
                notice.setHidden(false);
            }
        });
    }

    private void exportPython() {
        if (readyToExport()) {
            Download.text(EXPORT_NAME + ".py", "text/x-python",
                    PythonExport.toPython(evaluation.program(), evaluation.outputName()));
        }
    }

    private void buildHelp() {
        help.setAttribute("data-testid", "help-popover");
        help.setAttribute("role", "dialog");
        help.setAttribute("aria-label", "Keyboard shortcuts");
        help.setHidden(true);
        help.appendChild(Dom.text("h3", "", "Keyboard shortcuts"));
        HTMLElement list = Dom.el("dl", "");
        String[][] keys = {{"B", "Backward"}, {"S", "Step backward one node"}, {"P", "Play / pause the steps"},
            {"Z", "Zero grad"}, {"F", "Fit the graph"}, {"+ / −", "Zoom in / out"},
            {"Tab", "Move through the nodes"}, {"Enter", "Type a new value for the focused leaf"},
            {"?", "Show or hide this help"}};
        for (String[] k : keys) {
            list.appendChild(Dom.text("dt", "", k[0]));
            list.appendChild(Dom.text("dd", "", k[1]));
        }
        help.appendChild(list);
        help.appendChild(Dom.button("Close", "", () -> help.setHidden(true)));
    }

    /** Keyboard shortcuts, when the focus is not in a text field. */
    @Override
    public void shortcut(KeyboardEvent e) {
        String tag = Dom.tagOf(e.getTarget());
        if (tag.equals("TEXTAREA") || tag.equals("INPUT") || tag.equals("SELECT") || e.isCtrlKey()
                || e.isMetaKey() || e.isAltKey()) {
            return;
        }
        switch (e.getKey()) {
            case "b", "B" -> backward();
            case "s", "S" -> stepBackward();
            case "p", "P" -> togglePlay();
            case "z", "Z" -> zeroGrad();
            case "f", "F" -> canvas.fit(false);
            case "+", "=" -> canvas.zoom(1.25);
            case "-" -> canvas.zoom(1 / 1.25);
            case "?" -> help.setHidden(!help.isHidden());
            case "Escape" -> help.setHidden(true);
            default -> {
                return;
            }
        }
        e.preventDefault();
    }

    // ---- small builders ----

    private static HTMLInputElement input(String value, String testId) {
        HTMLInputElement in = (HTMLInputElement) Dom.el("input", "bpl-input");
        in.setAttribute("type", "text");
        in.setAttribute("inputmode", "decimal");
        in.setAttribute("data-testid", testId);
        in.setValue(value);
        in.setSize(7);
        return in;
    }

    private static void titleOf(HTMLElement toolbar, String testId, String title) {
        HTMLElement b = toolbar.querySelector("[data-testid=" + testId + "]");
        if (b != null) {
            b.setAttribute("title", title);
        }
    }
}
