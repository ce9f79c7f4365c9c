package org.backproplab.ui;

import java.util.Map;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.backproplab.expr.ParseError;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * The program editor and its Values: type a program, press Backward, read every named Value's data and grad.
 * A bad program shows its line, column and message, and the last good list stays on screen.
 */
final class GraphView {
    static final String LECTURE_PROGRAM = "a = 2.0\nb = -3.0\nc = 10.0\nd = a * b\ne = d + c\nf = -2.0\nL = e * f\n";

    private final HTMLElement root = Dom.el("section", "bpl-graph-view");
    private final HTMLTextAreaElement program = (HTMLTextAreaElement) Dom.el("textarea", "bpl-program");
    private final HTMLElement error = Dom.el("div", "bpl-error");
    private final HTMLElement nodes = Dom.el("ul", "bpl-nodes");

    GraphView(String source) {
        program.setAttribute("data-testid", "program");
        program.setAttribute("spellcheck", "false");
        program.setAttribute("aria-label", "Program");
        program.setValue(source);
        program.setRows(10);
        error.setAttribute("data-testid", "error");
        error.setAttribute("role", "alert");
        error.setHidden(true);

        HTMLElement toolbar = Dom.el("div", "bpl-toolbar");
        toolbar.appendChild(Dom.button("Backward", "backward", this::backward));
        root.appendChild(program);
        root.appendChild(toolbar);
        root.appendChild(error);
        root.appendChild(nodes);
        evaluate(false);
    }

    HTMLElement element() {
        return root;
    }

    void setProgram(String source) {
        program.setValue(source);
        evaluate(false);
    }

    void backward() {
        evaluate(true);
    }

    private void evaluate(boolean backward) {
        Evaluation evaluation;
        try {
            evaluation = Evaluator.run(program.getValue());
        } catch (ParseError e) {
            error.setTextContent("Line " + e.line() + ", column " + e.column() + ": " + e.reason());
            error.setHidden(false);
            return;
        }
        error.setHidden(true);
        if (backward) {
            evaluation.output().backward();
        }
        render(evaluation, backward);
    }

    private void render(Evaluation evaluation, boolean withGrads) {
        nodes.setTextContent("");
        for (Map.Entry<String, Value> e : evaluation.named().entrySet()) {
            Value v = e.getValue();
            HTMLElement item = Dom.el("li", "bpl-node");
            item.setAttribute("data-testid", "node");
            item.setAttribute("data-label", e.getKey());
            item.setAttribute("data-op", v.op());
            item.setAttribute("data-value", Double.toString(v.data));
            item.setAttribute("data-grad", withGrads ? Double.toString(v.grad) : "");
            item.appendChild(Dom.text("span", "bpl-node-label", e.getKey()));
            item.appendChild(Dom.text("span", "", "data " + Double.toString(v.data)));
            item.appendChild(Dom.text("span", "", withGrads ? "grad " + Double.toString(v.grad) : "grad –"));
            nodes.appendChild(item);
        }
    }
}
