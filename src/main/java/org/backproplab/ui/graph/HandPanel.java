package org.backproplab.ui.graph;

import java.util.List;
import org.backproplab.engine.BackwardLine;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The panel under the drawing in by-hand mode, in the step panel's place: how many grads are right, what the last
 * check said (a live region, so a screen reader hears it), micrograd's {@code _backward} line behind a right answer
 * with its numbers put in, and the helpers: Hint, Reveal, Start over, and whether the output's grad is asked too.
 */
final class HandPanel {
    private final HTMLElement root = Dom.el("div", "bpl-hand-panel");
    private final HTMLElement progress = Dom.el("p", "bpl-hand-progress");
    private final HTMLElement feedback = Dom.el("p", "bpl-hand-feedback");
    private final HTMLElement code = Dom.el("div", "bpl-hand-code");
    private final HTMLElement done = Dom.el("p", "bpl-hand-done");
    private final HTMLInputElement askOutput = Dom.checkbox("hand-ask-output");

    HandPanel(Runnable hint, Runnable reveal, Runnable startOver, Runnable askChanged) {
        root.setAttribute("data-testid", "hand-panel");
        HTMLElement left = Dom.el("div", "bpl-hand-main");
        HTMLElement head = Dom.el("div", "bpl-hand-head");
        head.appendChild(Dom.text("h2", "", "Backprop by hand"));
        progress.setAttribute("data-testid", "hand-progress");
        head.appendChild(progress);
        left.appendChild(head);
        feedback.setAttribute("data-testid", "hand-feedback");
        feedback.setAttribute("role", "status");
        feedback.setAttribute("aria-live", "polite");
        left.appendChild(feedback);
        code.setAttribute("data-testid", "hand-code");
        code.setAttribute("role", "group");
        code.setAttribute("aria-label", "micrograd's code for this grad");
        left.appendChild(code);
        done.setAttribute("data-testid", "hand-done");
        done.setHidden(true);
        left.appendChild(done);
        root.appendChild(left);

        HTMLElement right = Dom.el("div", "bpl-hand-tools");
        HTMLElement buttons = Dom.el("div", "bpl-row");
        buttons.appendChild(titled(Dom.button("Hint", "hand-hint", hint),
                "Show the local derivative on the selected box's outgoing edges"));
        buttons.appendChild(titled(Dom.button("Reveal", "hand-reveal", reveal),
                "Fill in the selected box's grad (it counts as revealed, not as right)"));
        buttons.appendChild(titled(Dom.button("Start over", "hand-reset", startOver), "Empty every answer"));
        right.appendChild(buttons);
        right.appendChild(Dom.labelled(askOutput, "ask for the output's grad too"));
        right.appendChild(Dom.text("p", "bpl-hint", "Type each grad in its box, from the output back. Enter (or "
                + "leaving the box) checks it; Tab goes to the next box in the order backward visits them."));
        root.appendChild(right);
        Dom.on(askOutput, "change", e -> askChanged.run());
    }

    HTMLElement element() {
        return root;
    }

    boolean askOutput() {
        return askOutput.isChecked();
    }

    void setAskOutput(boolean on) {
        askOutput.setChecked(on);
    }

    /** "5 of 7 right", with the numbers in data-value and data-total; revealed ones are counted apart. */
    void progress(int right, int total, int revealed) {
        progress.setAttribute("data-value", Integer.toString(right));
        progress.setAttribute("data-total", Integer.toString(total));
        progress.setTextContent(right + " of " + total + " right" + (revealed > 0 ? ", " + revealed + " revealed"
                : ""));
    }

    /** What the last check said; kind (right, wrong or info) colours it. */
    void say(String text, String kind) {
        feedback.setTextContent(text);
        feedback.setAttribute("data-kind", kind);
    }

    /**
     * The code behind a grad: under a heading per term ("from d = a * b"), micrograd's line and the same line with
     * the numbers in, then the sum when there is more than one term. Empty lines clear it.
     */
    void code(List<String> froms, List<BackwardLine> lines, String total) {
        code.setTextContent("");
        for (int k = 0; k < lines.size(); k++) {
            HTMLElement term = Dom.el("div", "bpl-hand-term");
            term.appendChild(Dom.text("span", "bpl-hand-from", froms.get(k)));
            HTMLElement python = Dom.text("code", "bpl-hand-python", lines.get(k).code());
            term.appendChild(python);
            HTMLElement filled = Dom.text("code", "bpl-hand-filled", lines.get(k).withNumbers() + "   → "
                    + BackwardLine.number(lines.get(k).contribution(), false));
            filled.setAttribute("data-testid", "code-line");
            term.appendChild(filled);
            code.appendChild(term);
        }
        if (total != null) {
            code.appendChild(Dom.text("code", "bpl-hand-total", total));
        }
    }

    /** The message once every grad is right or revealed, or null to hide it. */
    void finished(String message) {
        done.setHidden(message == null);
        done.setTextContent(message == null ? "" : message);
    }

    private static HTMLElement titled(HTMLElement button, String title) {
        button.setAttribute("title", title);
        return button;
    }
}
