package org.backproplab.ui.graph;

import java.util.List;
import org.backproplab.engine.BackwardTrace;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluation;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Backward, one node at a time: the Step and Play buttons, the text that explains the step just taken (each child
 * gets upstream grad × local derivative) and the topological order, with the node being processed marked. The
 * drawing shows the same step through {@link GraphCanvas#highlight}.
 */
final class StepPanel {
    private static final int PLAY_DELAY_MS = 650;

    private final GraphView view;
    private final GraphCanvas canvas;
    private final HTMLElement panel = Dom.el("div", "bpl-step-panel");
    private final HTMLElement text = Dom.el("div", "bpl-step-text");
    private final HTMLElement topoList = Dom.el("ol", "bpl-topo");
    private final HTMLElement stepButton = Dom.button("Step", "step-backward", this::step);
    private final HTMLElement playButton = Dom.button("Play", "play-backward", this::togglePlay);
    private BackwardTrace trace;
    private int playTimer = -1;

    StepPanel(GraphView view, GraphCanvas canvas) {
        this.view = view;
        this.canvas = canvas;
        panel.setAttribute("data-testid", "step-panel");
        panel.appendChild(Dom.text("h2", "", "Backward, step by step"));
        text.setAttribute("data-testid", "step-text");
        text.setAttribute("aria-live", "polite");
        panel.appendChild(text);
        panel.appendChild(Dom.text("h2", "", "Topological order"));
        topoList.setAttribute("data-testid", "topo");
        panel.appendChild(topoList);
    }

    HTMLElement element() {
        return panel;
    }

    /** The Step and Play buttons, which live in the view's toolbar. */
    HTMLElement stepButton() {
        return stepButton;
    }

    HTMLElement playButton() {
        return playButton;
    }

    /** Starts over at no step taken, saying message (or how to start) and listing the output's order. */
    void reset(Value output, String message) {
        trace = null;
        text.setTextContent("");
        text.appendChild(Dom.text("p", "", message != null ? message
                : "Press Step (S) to run backward one node at a time, from the output back to the leaves."));
        showOrder(output.topologicalOrder(), -1);
    }

    /** One node of the backward pass; the first step after the last one starts again from the output. */
    void step() {
        Evaluation evaluation = view.evaluation();
        if (evaluation == null) {
            return;
        }
        boolean buggy = view.buggy();
        if (trace == null || trace.finished()) {
            trace = new BackwardTrace(evaluation.output(), buggy);
        }
        BackwardTrace.Step step = trace.step();
        canvas.show(evaluation.output(), true);
        canvas.highlight(step, buggy);
        describe(step, buggy);
        showOrder(trace.order(), trace.order().size() - trace.position());
        if (trace.finished()) {
            view.gradsFinished();
            stop();
        }
    }

    /** Plays the steps one after another, or pauses them; with reduced motion, takes them all at once. */
    void togglePlay() {
        if (playTimer >= 0) {
            stop();
            return;
        }
        if (Dom.prefersReducedMotion()) {
            trace = null;
            while (trace == null || !trace.finished()) {
                step();
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
        step();
        if (trace != null && !trace.finished()) {
            playTimer = Window.setTimeout(this::playStep, PLAY_DELAY_MS);
        } else {
            stop();
        }
    }

    /** Stops playing, if it was. */
    void stop() {
        if (playTimer >= 0) {
            Window.clearTimeout(playTimer);
            playTimer = -1;
        }
        playButton.setTextContent("Play");
    }

    private void describe(BackwardTrace.Step step, boolean buggy) {
        text.setTextContent("");
        Value node = step.node();
        int position = trace.position();
        text.appendChild(Dom.text("p", "bpl-step-count", "Step " + position + " of " + trace.order().size()));
        if (position == 1) {
            text.appendChild(Dom.text("p", "", label(node) + ".grad = 1, because d" + label(node) + "/d"
                    + label(node) + " = 1."));
        }
        if (step.contributions().isEmpty()) {
            text.appendChild(Dom.text("p", "", label(node) + " is a leaf: it has no children to pass its grad "
                    + "to. Its grad is final: " + Numbers.compact(node.grad, 6) + "."));
        } else {
            text.appendChild(Dom.text("p", "", label(node) + " = " + describeOp(node) + ", and "
                    + label(node) + ".grad = " + Numbers.compact(node.grad, 6) + ". Each child gets upstream grad "
                    + "× local derivative:"));
            HTMLElement list = Dom.el("ul", "bpl-contributions");
            for (BackwardTrace.Contribution c : step.contributions()) {
                String line = label(c.child()) + ".grad" + (buggy ? " = " : " += ") + Numbers.fixed(c.upstream(), 4)
                        + " × " + Numbers.fixed(c.local(), 4) + " = " + Numbers.fixed(c.contribution(), 4) + "   ("
                        + Numbers.fixed(c.before(), 4) + " → " + Numbers.fixed(c.after(), 4) + ")";
                HTMLElement item = Dom.text("li", "", line);
                item.setAttribute("data-testid", "contribution");
                list.appendChild(item);
            }
            text.appendChild(list);
        }
        if (trace.finished()) {
            text.appendChild(Dom.text("p", "bpl-step-done", buggy
                    ? "Done, with the = bug: compare with Backward with the bug switched off."
                    : "Done: these are exactly the grads Backward gives."));
        }
    }

    /** The order backward visits the nodes in, with the current one marked and those already done greyed. */
    private void showOrder(List<Value> order, int current) {
        topoList.setTextContent("");
        if (order.size() > 400) {
            topoList.appendChild(Dom.text("li", "", order.size() + " nodes: too many to list."));
            return;
        }
        for (int i = 0; i < order.size(); i++) {
            HTMLElement item = Dom.text("li", i == current ? "bpl-topo-current"
                    : current >= 0 && i > current ? "bpl-topo-done" : "", label(order.get(i)));
            if (i == current) {
                item.setAttribute("aria-current", "step");
            }
            topoList.appendChild(item);
        }
    }

    /** What an op computes and its local derivative, in words, from the op's single home in engine/Op. */
    static String describeOp(Value v) {
        String[] in = new String[v.arity()];
        for (int i = 0; i < in.length; i++) {
            in[i] = label(v.child(i));
        }
        return v.kind().describe(in, v.op());
    }

    /** How the text names a Value: its label, or its op and number for unnamed ones. */
    static String label(Value v) {
        if (!v.label.isEmpty()) {
            return v.label;
        }
        return v.isLeaf() ? Numbers.format(v.data) : "(" + v.op() + ")";
    }
}
