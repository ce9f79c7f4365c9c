package org.backproplab.ui.graph;

import org.backproplab.engine.GradCheck;
import org.backproplab.engine.Numbers;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The gradient check: for each leaf, the numeric slope (f(x+h) − f(x−h)) / 2h beside the grad backward gives, and
 * whether they agree. It runs on a copy of the graph, so it never disturbs the grads on screen.
 */
final class GradcheckPanel {
    private final HTMLElement panel = Dom.el("div", "bpl-panel bpl-hand-hides"); // by hand, it gives grads away
    private final HTMLInputElement hInput = Dom.numberField("1e-6", "h");
    private final HTMLElement table = Dom.el("table", "bpl-gradcheck");
    private Evaluation evaluation;
    private boolean buggy;

    GradcheckPanel() {
        panel.appendChild(Dom.text("h2", "", "Gradient check"));
        panel.appendChild(Dom.text("p", "bpl-hint", "Numeric: (f(x+h) − f(x−h)) / 2h for each leaf. Analytic: "
                + "the grad from backward. They should agree."));
        HTMLElement row = Dom.el("div", "bpl-row");
        row.appendChild(Dom.labelled(hInput, "h"));
        panel.appendChild(row);
        table.setAttribute("data-testid", "gradcheck");
        panel.appendChild(table);
        Dom.on(hInput, "change", e -> update(evaluation, buggy));
    }

    HTMLElement element() {
        return panel;
    }

    /**
     * Checks the program of this evaluation (the one the view shows) with the h typed, against the grads Backward
     * shows: with the = bug when it is switched on.
     */
    void update(Evaluation evaluation, boolean buggy) {
        this.evaluation = evaluation;
        this.buggy = buggy;
        table.setTextContent("");
        HTMLElement head = Dom.el("tr", "");
        for (String h : new String[] {"leaf", "numeric", "analytic", "rel. error"}) {
            head.appendChild(Dom.text("th", "", h));
        }
        HTMLElement verdict = Dom.el("th", "");
        verdict.appendChild(Dom.text("span", "bpl-visually-hidden", "verdict")); // for screen readers, not shown
        head.appendChild(verdict);
        table.appendChild(head);
        Numbers.Reading h = Numbers.read("h", hInput.getValue());
        String problem = !h.ok() ? h.error() : h.value() > 0 ? null : "h must be a positive number, such as 1e-6.";
        hInput.setAttribute("aria-invalid", problem == null ? "false" : "true");
        if (problem != null) {
            HTMLElement tr = Dom.el("tr", "");
            HTMLElement td = Dom.text("td", "bpl-mismatch", problem);
            td.setAttribute("colspan", "5");
            tr.appendChild(td);
            table.appendChild(tr);
            return;
        }
        Evaluation copy = Evaluator.evaluate(evaluation.program(), evaluation.outputName());
        if (copy.leaves().size() > 60) {
            HTMLElement tr = Dom.el("tr", "");
            tr.appendChild(Dom.text("td", "", copy.leaves().size() + " leaves: too many to check here."));
            table.appendChild(tr);
            return;
        }
        for (GradCheck.Row r : GradCheck.check(copy.output(), copy.leaves(), h.value(), buggy)) {
            HTMLElement tr = Dom.el("tr", "");
            tr.setAttribute("data-label", r.leaf().label);
            tr.setAttribute("data-numeric", Double.toString(r.numeric()));
            tr.setAttribute("data-analytic", Double.toString(r.analytic()));
            double rel = r.relativeError();
            boolean ok = rel <= 1e-5 || Math.abs(r.numeric() - r.analytic()) <= 1e-7;
            tr.appendChild(Dom.text("td", "bpl-mono", r.leaf().label));
            // six digits and a one-digit error: a row with a 6-letter leaf and "✓ ok" fits a 290px side panel
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.compact(r.numeric(), 6)));
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.compact(r.analytic(), 6)));
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.compact(rel, 1)));
            tr.appendChild(Dom.text("td", ok ? "bpl-ok" : "bpl-mismatch", ok ? "✓ ok" : "✗ mismatch"));
            table.appendChild(tr);
        }
    }
}
