package org.backproplab.ui.derivative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.FiniteDifference;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.expr.Edits;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.backproplab.expr.ParseError;
import org.backproplab.layout.Scale;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.ProgramEditor;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Panel 2, a function of several inputs (the lecture's d = a*b + c): for each input a slider, the numeric slope for
 * panel 1's h and kind of difference, the exact partial from backward, and which way the output moves when that
 * input is nudged up. The program text is the single source of truth: a slider rewrites the input's line in it.
 */
final class PartialsPanel {
    private final HTMLElement panel;
    private final ProgramEditor editor = new ProgramEditor(this::edited);
    private final HTMLElement error = Dom.el("div", "bpl-error");
    private final HTMLElement output = Dom.el("p", "bpl-deriv-multi-output");
    private final HTMLElement head = Dom.el("thead", "");
    private final HTMLElement body = Dom.el("tbody", "");
    private final Map<String, InputRow> rows = new LinkedHashMap<>();
    private final Runnable changed;
    private Evaluation multi; // the last program that ran
    private double h;
    private boolean central;

    /** One input of panel 2: its slider and its cells. */
    private record InputRow(HTMLElement row, HTMLInputElement slider, HTMLElement value, HTMLElement numeric,
                            HTMLElement exact, HTMLElement direction) {
    }

    /** The panel with the program from the link, nudging by h; changed saves the link after an edit. */
    PartialsPanel(DerivativeSettings s, boolean canEdit, Runnable changed) {
        this.changed = changed;
        this.h = s.h();
        this.central = s.central();
        panel = Parts.panel("bpl-deriv-multi", "2 · A function of several inputs", "Nudge one input at a "
                + "time and watch the output: each input has its own slope, its partial derivative. One backward "
                + "pass finds all of them.");
        HTMLElement left = Dom.el("div", "bpl-deriv-multi-program");
        HTMLElement textarea = editor.element().querySelector("textarea");
        textarea.setAttribute("data-testid", "multi");
        textarea.setAttribute("aria-label", "The program of panel 2: inputs such as a = 2.0, then the output");
        left.appendChild(editor.element());
        left.appendChild(Parts.alertBox(error, "multi-error"));
        panel.appendChild(left);

        HTMLElement right = Dom.el("div", "bpl-deriv-multi-table");
        output.setAttribute("data-testid", "multi-output");
        right.appendChild(output);
        HTMLElement table = Dom.el("table", "bpl-deriv-partials");
        table.setAttribute("data-testid", "partials");
        table.appendChild(head);
        table.appendChild(body);
        right.appendChild(table);
        panel.appendChild(right);
        editor.setReadOnly(!canEdit);
        editor.setValue(s.multi());
        run();
    }

    HTMLElement element() {
        return panel;
    }

    /** The last program that ran, for the link: a half-typed one with an error never replaces it there. */
    String program() {
        return multi != null ? multi.program().source() : editor.value();
    }

    /** Replaces the program (a page calling the widget's setProgram). */
    void setProgram(String program) {
        editor.setValue(program);
        edited();
    }

    /** Panel 1's h or kind of difference changed: the numeric slopes follow. */
    void nudge(double nudgeH, boolean nudgeCentral) {
        h = nudgeH;
        central = nudgeCentral;
        update();
    }

    private void edited() {
        run();
        changed.run();
    }

    /** Runs the program; on an error, says where and keeps the last good table. */
    private boolean run() {
        Evaluation next;
        try {
            next = Evaluator.run(editor.value());
        } catch (ParseError e) {
            Parts.showParseError(error, e);
            editor.markError(e.line());
            return false;
        }
        error.setHidden(true);
        editor.markError(0);
        multi = next;
        List<String> names = new ArrayList<>();
        for (Value leaf : multi.leaves()) {
            names.add(leaf.label);
        }
        if (!names.equals(new ArrayList<>(rows.keySet()))) {
            buildRows();
        }
        update();
        return true;
    }

    private void buildRows() {
        rows.clear();
        body.setTextContent("");
        for (Value leaf : multi.leaves()) {
            String name = leaf.label;
            HTMLElement tr = cell("tr", "", "input-row", name);
            tr.appendChild(Dom.text("th", "bpl-mono", name));
            HTMLElement valueCell = Dom.el("td", "bpl-deriv-slider-cell");
            HTMLInputElement slider = (HTMLInputElement) Dom.el("input", "bpl-deriv-slider");
            slider.setAttribute("type", "range");
            slider.setAttribute("data-testid", "input-slider");
            slider.setAttribute("data-label", name);
            slider.setAttribute("aria-label", "Input " + name);
            fitSlider(slider, leaf.data);
            HTMLElement value = cell("output", "bpl-mono bpl-deriv-input-value", "input-value", name);
            valueCell.appendChild(slider);
            valueCell.appendChild(value);
            tr.appendChild(valueCell);
            HTMLElement numericCell = cell("td", "bpl-mono bpl-num", "numeric-partial", name);
            HTMLElement exactCell = cell("td", "bpl-mono bpl-num", "partial", name);
            HTMLElement directionCell = cell("td", "bpl-deriv-dir", "nudge-direction", name);
            tr.appendChild(numericCell);
            tr.appendChild(exactCell);
            tr.appendChild(directionCell);
            body.appendChild(tr);
            rows.put(name, new InputRow(tr, slider, value, numericCell, exactCell, directionCell));
            Dom.on(slider, "input", e -> inputSlid(name, slider, false));
            Dom.on(slider, "change", e -> inputSlid(name, slider, true));
        }
    }

    /** An element of an input's row, found by its test id and the input's name. */
    private static HTMLElement cell(String tag, String className, String testId, String label) {
        HTMLElement e = Dom.el(tag, className);
        e.setAttribute("data-testid", testId);
        e.setAttribute("data-label", label);
        return e;
    }

    /** A slider range symmetric around 0 that holds the value with room to spare, in 100 steps. */
    private static void fitSlider(HTMLInputElement slider, double value) {
        double reach = Scale.niceStep(Math.max(5, 1.5 * Math.abs(value)));
        slider.setAttribute("min", Numbers.format(-reach));
        slider.setAttribute("max", Numbers.format(reach));
        slider.setAttribute("step", Numbers.format(reach / 100));
        slider.setValue(Numbers.format(value));
    }

    /** A slider moved: its new value is written into the program text, which is then run again. */
    private void inputSlid(String name, HTMLInputElement slider, boolean done) {
        double v = Numbers.parse(slider.getValue());
        if (multi == null || Double.isNaN(v)) {
            return;
        }
        if (!editor.value().equals(multi.program().source()) && !run()) {
            return; // the text has an error: leave it for the reader to fix
        }
        Map<String, Double> change = new HashMap<>();
        change.put(name, v);
        editor.setValue(Edits.setValues(multi.program(), change));
        run();
        if (done) {
            changed.run();
        }
    }

    /** The numbers of panel 2, for the current h and kind of difference. */
    private void update() {
        if (multi == null) {
            return;
        }
        Value out = multi.output();
        List<Value> order = out.topologicalOrder();
        for (Value v : order) {
            v.grad = 0;
        }
        for (Value leaf : multi.leaves()) {
            leaf.grad = 0;
        }
        out.backward();
        showOutput(out, multi.outputName());
        for (Value leaf : multi.leaves()) {
            InputRow row = rows.get(leaf.label);
            if (row != null) {
                showRow(row, leaf, FiniteDifference.slope(out, order, leaf, h, central), multi.outputName());
            }
        }
    }

    /** "d = 4" with the nudges used, and the table's head, which names the output. */
    private void showOutput(Value out, String name) {
        output.setTextContent("");
        output.appendChild(Dom.text("span", "", name + " = "));
        output.appendChild(Dom.text("strong", "bpl-mono", Sentences.format(out.data, 10)));
        output.setAttribute("data-value", Double.toString(out.data));
        output.setAttribute("data-label", name);
        output.appendChild(Dom.text("span", "bpl-hint", Sentences.nudges(h, central)));

        head.setTextContent("");
        HTMLElement tr = Dom.el("tr", "");
        tr.appendChild(Dom.text("th", "", "input"));
        tr.appendChild(Dom.text("th", "", "value"));
        tr.appendChild(Dom.text("th", "bpl-num", "numeric slope"));
        tr.appendChild(Dom.text("th", "bpl-num", "exact ∂" + name + "/∂input"));
        tr.appendChild(Dom.text("th", "", "nudge the input up: " + name + "…"));
        head.appendChild(tr);
    }

    private void showRow(InputRow row, Value leaf, double slope, String outputName) {
        double partial = leaf.grad;
        row.row().setAttribute("data-value", Double.toString(leaf.data));
        Parts.show(row.value(), leaf.data, Sentences.format(leaf.data, 8));
        if (Numbers.parse(row.slider().getValue()) != leaf.data) {
            double min = Numbers.parse(row.slider().getAttribute("min"));
            double max = Numbers.parse(row.slider().getAttribute("max"));
            if (!(leaf.data >= min && leaf.data <= max)) {
                fitSlider(row.slider(), leaf.data);
            } else {
                row.slider().setValue(Numbers.format(leaf.data));
            }
        }
        Parts.show(row.numeric(), slope, Sentences.format(slope, 10));
        Parts.show(row.exact(), partial, Sentences.format(partial, 10));
        row.exact().setAttribute("data-exact", Double.toString(partial));
        row.exact().setAttribute("data-numeric", Double.toString(slope));
        row.exact().setAttribute("title", Sentences.partialTitle(outputName, leaf.label, partial));
        Sentences.Sentence said = Sentences.partial(partial);
        row.exact().setAttribute("data-direction", said.kind());
        row.direction().setAttribute("data-value", said.kind());
        row.direction().setClassName("bpl-deriv-dir bpl-deriv-" + said.kind());
        row.direction().setTextContent(said.text());
    }
}
