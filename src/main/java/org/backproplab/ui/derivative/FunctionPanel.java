package org.backproplab.ui.derivative;

import org.backproplab.engine.FiniteDifference;
import org.backproplab.engine.Numbers;
import org.backproplab.expr.FunctionOfX;
import org.backproplab.expr.ParseError;
import org.backproplab.layout.Scale;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * Panel 1's controls and read-outs: f(x) with its examples and its errors, x, the plot range, the nudge h, forward or
 * central differences; f(x), the exact and the numeric slope, their difference, and the sentence on which way f moves.
 * The panel owns x, h, the range and the last good function, keeps its plot in step, and runs {@code moved} after
 * each change so the view can update the error chart and panel 2.
 */
final class FunctionPanel {
    private static final int DEBOUNCE_MS = 150;

    /** Functions worth a look, for the examples menu: {text, what it shows}. */
    private static final String[][] EXAMPLES = {
        {DerivativeSettings.DEFAULT_FX, "the lecture's parabola"},
        {"x**3 - 2*x", "a cubic: slope changes sign twice"},
        {"tanh(x)", "tanh: flat far out, steepest at 0"},
        {"exp(x)", "exp: its own slope"},
        {"log(x)", "log: undefined for x ≤ 0"},
        {"1/x", "1/x: a gap at 0"},
        {"relu(x)", "relu: a kink at 0"},
        {"sigmoid(x)", "sigmoid"},
    };

    private final HTMLElement controls = Dom.el("div", "bpl-deriv-controls");
    private final HTMLInputElement fxInput = textInput("fx", "f(x), an expression in x");
    private final HTMLSelectElement examples = (HTMLSelectElement) Dom.el("select", "bpl-select");
    private final HTMLElement error = Dom.el("div", "bpl-error bpl-deriv-error");
    private final HTMLInputElement xInput = textInput("x", "x");
    private final HTMLInputElement xminInput = textInput("xmin", "Plot from x =");
    private final HTMLInputElement xmaxInput = textInput("xmax", "Plot to x =");
    private final HTMLInputElement hSlider = (HTMLInputElement) Dom.el("input", "bpl-deriv-h");
    private final HTMLElement hValue = Dom.el("output", "bpl-deriv-h-value");
    private final HTMLInputElement centralBox = Dom.checkbox("central");
    private final HTMLElement fxOut = readout("fx-value");
    private final HTMLElement exactOut = readout("exact-slope");
    private final HTMLElement numericOut = readout("numeric-slope");
    private final HTMLElement slopeErrorOut = readout("slope-error");
    private final HTMLElement numericFormula = Dom.el("span", "bpl-deriv-formula");
    private final HTMLElement direction = Dom.el("p", "bpl-deriv-sentence");
    private final FunctionPlot plot;
    private final Runnable moved;
    private final Runnable changed;

    private FunctionOfX function;
    /** The text of the last function that parsed: the link keeps it, not a half-typed one. */
    private String functionText;
    private Slopes slopes;
    private double x;
    private double h;
    private double xmin;
    private double xmax;
    private int fxTimer = -1;

    /** moved runs after every change of x, h, the kind of difference or the function; changed saves the link. */
    FunctionPanel(DerivativeSettings s, boolean canEdit, Runnable moved, Runnable changed) {
        this.moved = moved;
        this.changed = changed;
        plot = new FunctionPlot(this::setX, changed);
        x = s.x();
        h = s.h();
        xmin = s.xmin();
        xmax = s.xmax();
        buildFunctionRow();
        buildNumberRows();
        buildReadouts();
        fxInput.setReadOnly(!canEdit);
        fxInput.setValue(s.fx());
        xInput.setValue(Numbers.format(x));
        xminInput.setValue(Numbers.format(xmin));
        xmaxInput.setValue(Numbers.format(xmax));
        centralBox.setChecked(s.central());
        showH();
        listenToFunction();
        listenToNumbers();
    }

    HTMLElement controls() {
        return controls;
    }

    FunctionPlot plot() {
        return plot;
    }

    /** The last function that parsed, or null if none has yet. */
    FunctionOfX function() {
        return function;
    }

    /** The numbers at x for the last good function, or null if there is none. */
    Slopes slopes() {
        return slopes;
    }

    double h() {
        return h;
    }

    boolean central() {
        return centralBox.isChecked();
    }

    /**
     * What the panel holds, for the link; panel 2's program is the view's to add. While f(x) has an error, the link
     * keeps the last function that parsed, so a reload or a shared link never opens a broken one.
     */
    DerivativeSettings settings(String multi) {
        return new DerivativeSettings(functionText != null ? functionText : fxInput.getValue(), x, h, xmin, xmax,
                central(), multi);
    }

    // ---- building ----

    private void buildFunctionRow() {
        HTMLElement fxRow = Dom.el("label", "bpl-deriv-fx");
        fxRow.appendChild(Dom.text("span", "bpl-deriv-fx-name", "f(x) ="));
        fxInput.setClassName("bpl-input bpl-deriv-fx-input");
        fxInput.setAttribute("spellcheck", "false");
        fxInput.setAttribute("autocapitalize", "off");
        fxInput.setAttribute("autocomplete", "off");
        fxRow.appendChild(fxInput);
        controls.appendChild(fxRow);

        examples.setAttribute("data-testid", "fx-examples");
        examples.setAttribute("aria-label", "Example functions");
        examples.appendChild(Dom.option("", "Example functions…"));
        for (String[] e : EXAMPLES) {
            examples.appendChild(Dom.option(e[0], e[0] + "  —  " + e[1]));
        }
        controls.appendChild(Controls.extra(examples));
        controls.appendChild(Parts.alertBox(error, "error"));
    }

    private void buildNumberRows() {
        HTMLElement xRow = Dom.el("div", "bpl-row bpl-deriv-xrow");
        xRow.appendChild(Dom.labelled(xInput, "x ="));
        HTMLElement range = Dom.el("span", "bpl-label bpl-deriv-range");
        range.appendChild(Dom.text("span", "", "plot"));
        range.appendChild(xminInput);
        range.appendChild(Dom.text("span", "", "to"));
        range.appendChild(xmaxInput);
        xRow.appendChild(Controls.extra(range));
        controls.appendChild(xRow);

        HTMLElement hBox = Dom.el("div", "bpl-deriv-hbox");
        HTMLElement hTop = Dom.el("label", "bpl-deriv-htop");
        hTop.appendChild(Dom.text("span", "", "nudge h ="));
        hValue.setAttribute("data-testid", "h-value");
        hTop.appendChild(hValue);
        hBox.appendChild(hTop);
        hSlider.setAttribute("type", "range");
        hSlider.setAttribute("data-testid", "h");
        hSlider.setAttribute("min", Integer.toString(FiniteDifference.SMALLEST_EXPONENT));
        hSlider.setAttribute("max", Integer.toString(FiniteDifference.LARGEST_EXPONENT));
        hSlider.setAttribute("step", "0.1");
        hSlider.setAttribute("dir", "rtl"); // the value is log10(h): large h on the left, shrinking to the right
        hSlider.setAttribute("aria-label", "h, the size of the nudge, as a power of ten (from 1e-1 down to 1e-32)");
        hBox.appendChild(hSlider);
        HTMLElement hEnds = Dom.el("div", "bpl-deriv-hends");
        hEnds.appendChild(Dom.text("span", "", "1e-1"));
        hEnds.appendChild(Dom.text("span", "", "smaller h →"));
        hEnds.appendChild(Dom.text("span", "", "1e-32"));
        hBox.appendChild(hEnds);
        controls.appendChild(hBox);

        HTMLElement centralLabel = Dom.labelled(centralBox, "central differences");
        centralLabel.getClassList().add("bpl-deriv-central");
        centralLabel.setAttribute("title", "(f(x+h) − f(x−h)) / 2h instead of (f(x+h) − f(x)) / h");
        controls.appendChild(centralLabel);
    }

    private void buildReadouts() {
        HTMLElement table = Dom.el("dl", "bpl-deriv-readouts");
        addReadout(table, "f(x)", fxOut, null);
        addReadout(table, "exact slope", exactOut, Dom.text("span", "bpl-deriv-formula", "backward: x.grad"));
        addReadout(table, "numeric slope", numericOut, numericFormula);
        addReadout(table, "|numeric − exact|", slopeErrorOut, null);
        controls.appendChild(table);
        direction.setAttribute("data-testid", "direction");
        direction.setAttribute("aria-live", "polite");
        controls.appendChild(direction);
    }

    private static void addReadout(HTMLElement list, String name, HTMLElement value, HTMLElement note) {
        list.appendChild(Dom.text("dt", "", name));
        HTMLElement dd = Dom.el("dd", "");
        dd.appendChild(value);
        if (note != null) {
            dd.appendChild(note);
        }
        list.appendChild(dd);
    }

    private static HTMLInputElement textInput(String testId, String label) {
        HTMLInputElement in = (HTMLInputElement) Dom.el("input", "bpl-input");
        in.setAttribute("type", "text");
        in.setAttribute("data-testid", testId);
        in.setAttribute("aria-label", label);
        if (!testId.equals("fx")) {
            in.setAttribute("inputmode", "decimal");
            in.setSize(6);
        }
        return in;
    }

    private static HTMLElement readout(String testId) {
        HTMLElement out = Dom.el("output", "bpl-mono bpl-deriv-value");
        out.setAttribute("data-testid", testId);
        return out;
    }

    // ---- listening ----

    /** f(x) is parsed a moment after typing stops, or at once when the field is left; an example replaces it. */
    private void listenToFunction() {
        Dom.on(fxInput, "input", e -> {
            if (fxTimer >= 0) {
                Window.clearTimeout(fxTimer);
            }
            fxTimer = Window.setTimeout(() -> {
                fxTimer = -1;
                parseFunction();
                changed.run();
            }, DEBOUNCE_MS);
        });
        Dom.on(fxInput, "change", e -> {
            if (fxTimer >= 0) {
                Window.clearTimeout(fxTimer);
                fxTimer = -1;
                parseFunction();
                changed.run();
            }
        });
        Dom.on(examples, "change", e -> {
            if (!examples.getValue().isEmpty()) {
                fxInput.setValue(examples.getValue());
                parseFunction();
                changed.run();
            }
            examples.setValue("");
        });
    }

    /**
     * x follows the field as it is typed; a finished entry that is not a number is named over the plot and the field
     * goes back to the last good x. The range is read when finished, both ends together.
     */
    private void listenToNumbers() {
        Dom.on(xInput, "input", e -> {
            Numbers.Reading typed = Numbers.read("x", xInput.getValue());
            xInput.setAttribute("aria-invalid", Boolean.toString(!typed.ok()));
            if (typed.ok()) {
                x = typed.value();
                refresh();
                changed.run();
            }
        });
        Dom.on(xInput, "change", e -> {
            Numbers.Reading typed = Numbers.read("x", xInput.getValue());
            if (!typed.ok()) {
                plot.message(typed.error());
            }
            xInput.setValue(Numbers.format(x));
            xInput.setAttribute("aria-invalid", "false");
        });
        for (HTMLInputElement end : new HTMLInputElement[] {xminInput, xmaxInput}) {
            Dom.on(end, "change", e -> rangeEdited());
            Dom.on(end, "keydown", e -> {
                if (((KeyboardEvent) e).getKey().equals("Enter")) {
                    rangeEdited();
                }
            });
        }
        Dom.on(hSlider, "input", e -> sliderMoved(false));
        Dom.on(hSlider, "change", e -> sliderMoved(true));
        Dom.on(centralBox, "change", e -> {
            refresh();
            changed.run();
        });
    }

    private void sliderMoved(boolean done) {
        double exponent = Numbers.parse(hSlider.getValue());
        if (!Double.isNaN(exponent)) {
            h = FiniteDifference.powerOfTen(Math.max(FiniteDifference.SMALLEST_EXPONENT,
                    Math.min(FiniteDifference.LARGEST_EXPONENT, exponent)));
            showH();
            refresh();
        }
        if (done) {
            changed.run();
        }
    }

    /** Puts h on the slider (to its nearest tenth of a decade) and in the read-out. */
    private void showH() {
        double exponent = Math.round(Math.log10(h) * 10) / 10.0;
        hSlider.setValue(Numbers.fixed(exponent, 1));
        hSlider.setAttribute("data-value", Double.toString(h));
        hSlider.setAttribute("aria-valuetext", "h = " + Sentences.hText(h));
        hValue.setTextContent(Sentences.hText(h));
        hValue.setAttribute("data-value", Double.toString(h));
    }

    private void rangeEdited() {
        Numbers.Reading lo = Numbers.read("Plot from x", xminInput.getValue());
        Numbers.Reading hi = Numbers.read("Plot to x", xmaxInput.getValue());
        if (!lo.ok() || !hi.ok() || !DerivativeSettings.plottable(lo.value(), hi.value())) {
            xminInput.setAttribute("aria-invalid", "true");
            xmaxInput.setAttribute("aria-invalid", "true");
            plot.message(!lo.ok() ? lo.error() : !hi.ok() ? hi.error()
                    : "The plot range needs two numbers, the first smaller than the second, such as −5 to 5.");
            return;
        }
        xminInput.setAttribute("aria-invalid", "false");
        xmaxInput.setAttribute("aria-invalid", "false");
        if (lo.value() == xmin && hi.value() == xmax) {
            plot.draw(); // nothing to resample, but a note about an earlier bad range must go
            return;
        }
        xmin = lo.value();
        xmax = hi.value();
        if (function != null) {
            plot.sample(function, xmin, xmax);
        }
        refresh();
        changed.run();
    }

    // ---- the function and the numbers at x ----

    /** Parses the typed function; on an error, says where and keeps the last good one on screen. */
    void parseFunction() {
        String text = fxInput.getValue();
        try {
            function = FunctionOfX.parse(text);
        } catch (ParseError e) {
            Parts.showParseError(error, e);
            if (text.length() <= 120) {
                String caret = Sentences.caret(text, e.column());
                error.appendChild(Dom.text("pre", "bpl-deriv-caret", text + "\n" + caret));
            }
            fxInput.setAttribute("aria-invalid", "true");
            if (function == null) {
                plot.message("Nothing to plot yet: the function has an error.");
            }
            return;
        }
        functionText = text;
        error.setHidden(true);
        fxInput.setAttribute("aria-invalid", "false");
        plot.sample(function, xmin, xmax);
        refresh();
    }

    /** Recomputes everything that depends on x, h and the kind of difference, and redraws. */
    private void refresh() {
        if (function != null) {
            slopes = Slopes.of(function, x, h, central());
            showReadouts();
            plot.show(slopes);
        }
        moved.run();
    }

    private void showReadouts() {
        xInput.setAttribute("data-value", Double.toString(x));
        Parts.show(fxOut, slopes.fx(), Sentences.format(slopes.fx(), 10));
        Parts.show(exactOut, slopes.exact(), Sentences.format(slopes.exact(), 12));
        Parts.show(numericOut, slopes.numeric(), Sentences.format(slopes.numeric(), 12));
        Parts.show(slopeErrorOut, slopes.error(), Sentences.slopeError(slopes.error()));
        numericFormula.setTextContent(Sentences.numericFormula(central()));
        Sentences.Sentence said = Sentences.direction(slopes);
        direction.setTextContent(said.text());
        direction.setAttribute("data-value", said.kind());
        direction.setClassName("bpl-deriv-sentence bpl-deriv-" + said.kind());
    }

    // ---- moves from the plot and the keyboard ----

    private void setX(double value) {
        if (Double.isNaN(value) || value == x) {
            return;
        }
        x = value;
        xInput.setValue(Numbers.format(x));
        xInput.setAttribute("aria-invalid", "false");
        refresh();
    }

    /** ← and → move x by a hundredth of the range (a thousandth with Shift); false for other keys. */
    boolean arrowMovesX(KeyboardEvent e) {
        int sign = e.getKey().equals("ArrowRight") ? 1 : e.getKey().equals("ArrowLeft") ? -1 : 0;
        if (sign == 0 || function == null) {
            return false;
        }
        double step = Scale.niceStep((xmax - xmin) / (e.isShiftKey() ? 1000 : 100));
        setX(FunctionPlot.snap(x + sign * step, step));
        changed.run();
        return true;
    }

    /** Sets h to the slider's nearest tenth of a decade within its ends ([ and ] make it 10× larger or smaller). */
    void setH(double value) {
        double exponent = Math.rint(Math.log10(value) * 10) / 10;
        exponent = Math.max(FiniteDifference.SMALLEST_EXPONENT, Math.min(FiniteDifference.LARGEST_EXPONENT,
                exponent));
        h = FiniteDifference.powerOfTen(exponent);
        showH();
        refresh();
        changed.run();
    }

    void toggleCentral() {
        centralBox.setChecked(!centralBox.isChecked());
        refresh();
        changed.run();
    }
}
