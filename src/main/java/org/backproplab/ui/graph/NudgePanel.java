package org.backproplab.ui.graph;

import java.util.HashMap;
import java.util.Map;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluation;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * "Nudge the inputs", as the lecture does by hand: move every named leaf a small step along its grad (against it,
 * with descent), run forward again, and see the output go up (or down). The moved leaves are written into the
 * program, which stays the single source of truth. The step is read as every typed number is (Numbers.read), so
 * NaN, Infinity or hex is refused with a message rather than written into the program.
 */
final class NudgePanel {
    private final GraphView view;
    private final HTMLElement panel = Dom.el("div", "bpl-panel");
    private final HTMLInputElement stepSize = Dom.numberField("0.01", "step-size");
    private final HTMLInputElement descent = Dom.checkbox("descent");
    private final HTMLElement result = Dom.el("div", "bpl-nudge-result");

    NudgePanel(GraphView view) {
        this.view = view;
        panel.appendChild(Dom.text("h2", "", "Nudge the inputs"));
        panel.appendChild(Dom.text("p", "bpl-hint", "Move every leaf a small step along its grad, then run "
                + "forward again: the output goes up (or down, with descent)."));
        HTMLElement row = Dom.el("div", "bpl-row");
        row.appendChild(Dom.labelled(stepSize, "step"));
        row.appendChild(Dom.labelled(descent, "descent"));
        row.appendChild(Dom.button("Nudge", "nudge", this::nudge));
        panel.appendChild(row);
        result.setAttribute("data-testid", "nudge-result");
        result.setAttribute("aria-live", "polite");
        panel.appendChild(result);
    }

    HTMLElement element() {
        return panel;
    }

    private void nudge() {
        if (view.evaluation() == null || !view.evaluate(false)) {
            return;
        }
        Numbers.Reading step = Numbers.read("step", stepSize.getValue());
        stepSize.setAttribute("aria-invalid", step.ok() ? "false" : "true");
        if (!step.ok()) {
            result.setTextContent(step.error()); // and the program stays as it is
            return;
        }
        view.gradsShown();
        Evaluation evaluation = view.evaluation();
        String name = evaluation.outputName();
        double before = evaluation.output().data;
        double sign = descent.isChecked() ? -1 : 1;
        Map<String, Double> moved = new HashMap<>();
        for (Map.Entry<String, Value> e : evaluation.named().entrySet()) {
            Value v = e.getValue();
            if (v.isLeaf() && v.label.equals(e.getKey())) {
                moved.put(e.getKey(), v.data + sign * step.value() * v.grad);
            }
        }
        if (!view.setLeaves(moved)) {
            result.setTextContent("The step is too large: a leaf would leave the range of numbers. Nothing moved.");
            return;
        }
        double after = view.evaluation().output().data;
        result.setTextContent(name + ": " + Numbers.fixed(before, 4) + " → " + Numbers.fixed(after, 4)
                + (after > before ? "  (up " : after < before ? "  (down " : "  (")
                + Numbers.compact(Math.abs(after - before), 4) + ")");
        result.setAttribute("data-old", Double.toString(before));
        result.setAttribute("data-value", Double.toString(after));
    }
}
