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
import org.backproplab.expr.FunctionOfX;
import org.backproplab.expr.ParseError;
import org.backproplab.layout.Curve;
import org.backproplab.layout.Scale;
import org.backproplab.ui.chart.Axes;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.PointerEvent;
import org.backproplab.ui.dom.ProgramEditor;
import org.backproplab.ui.dom.Settings;
import org.backproplab.ui.dom.Svg;
import org.backproplab.ui.dom.View;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.dom.xml.Element;

/**
 * #view=derivative, the lecture's opening: what a derivative says, before any graph. Panel 1 is one function of x:
 * its plot, the point at x (drag it), the tangent with the exact slope that backward computes, and the secant of a
 * nudge h; a log-log chart of the secant's error over h from 1e-1 to 1e-32 shows why h can't simply shrink to zero.
 * Panel 2 is a function of several inputs (the lecture's d = a*b + c): for each input, the numeric slope for the
 * chosen h, the exact partial from backward, and which way d moves when that input is nudged up.
 *
 * <p>The hash keys are fx, x, h, xmin, xmax, central (0/1) and multi, the panel-2 program, whose text holds the
 * inputs' values: as in the graph view, the program text is the single source of truth and the sliders rewrite it.
 */
public final class DerivativeView implements View {
    static final String DEFAULT_FX = "3*x**2 - 4*x + 5";
    static final String DEFAULT_MULTI = "a = 2.0\nb = -3.0\nc = 10.0\nd = a*b + c";
    private static final double DEFAULT_X = 2;
    private static final double DEFAULT_H = 1e-3;
    private static final double DEFAULT_XMIN = -5;
    private static final double DEFAULT_XMAX = 5;
    private static final int SAMPLES = 401;
    private static final int SWEEP_PER_DECADE = 10;
    private static final int MAX_TEXT = 20_000;
    private static final int DEBOUNCE_MS = 150;

    private static final String CURVE = "#2f62c0";
    private static final String TANGENT = "#e8590c";
    private static final String SECANT = "#7b3fc4";
    private static final String OTHER = "#9aa3b0";
    private static final String INK = "#1d2430";
    private static final String MUTED = "#5b6472";

    /** Functions worth a look, for the examples menu: {text, what it shows}. */
    private static final String[][] EXAMPLES = {
        {DEFAULT_FX, "the lecture's parabola"},
        {"x**3 - 2*x", "a cubic: slope changes sign twice"},
        {"tanh(x)", "tanh: flat far out, steepest at 0"},
        {"exp(x)", "exp: its own slope"},
        {"log(x)", "log: undefined for x ≤ 0"},
        {"1/x", "1/x: a gap at 0"},
        {"relu(x)", "relu: a kink at 0"},
        {"sigmoid(x)", "sigmoid"},
    };

    private final HTMLElement root = Dom.el("section", "bpl-derivative-view");
    private final Runnable changed;

    // panel 1: controls and read-outs
    private final HTMLInputElement fxInput = textInput("fx", "f(x), an expression in x");
    private final HTMLSelectElement examples = (HTMLSelectElement) Dom.el("select", "bpl-select");
    private final HTMLElement error = Dom.el("div", "bpl-error bpl-deriv-error");
    private final HTMLInputElement xInput = textInput("x", "x");
    private final HTMLInputElement xminInput = textInput("xmin", "Plot from x =");
    private final HTMLInputElement xmaxInput = textInput("xmax", "Plot to x =");
    private final HTMLInputElement hSlider = (HTMLInputElement) Dom.el("input", "bpl-deriv-h");
    private final HTMLElement hValue = Dom.el("output", "bpl-deriv-h-value");
    private final HTMLInputElement centralBox = (HTMLInputElement) Dom.el("input", "");
    private final HTMLElement fxOut = readout("fx-value");
    private final HTMLElement exactOut = readout("exact-slope");
    private final HTMLElement numericOut = readout("numeric-slope");
    private final HTMLElement slopeErrorOut = readout("slope-error");
    private final HTMLElement numericFormula = Dom.el("span", "bpl-deriv-formula");
    private final HTMLElement direction = Dom.el("p", "bpl-deriv-sentence");

    // panel 1: the two charts
    private final Axes plot = new Axes("Plot of f(x) with the tangent and the secant at x", "x", "f(x)");
    private final HTMLElement plotKey = Dom.el("div", "bpl-deriv-key");
    private final HTMLElement plotNote = Dom.el("div", "bpl-deriv-plot-note");
    private final Axes errorChart = new Axes("Error of the numeric slope against h, both on log scales",
            "h  (smaller to the right →)", "|numeric − exact|");
    private final HTMLElement errorKey = Dom.el("div", "bpl-deriv-key");
    private final HTMLElement hNote = Dom.el("p", "bpl-deriv-sentence bpl-deriv-h-note");

    // panel 2
    private final ProgramEditor multiEditor = new ProgramEditor(this::multiEdited);
    private final HTMLElement multiError = Dom.el("div", "bpl-error");
    private final HTMLElement multiOutput = Dom.el("p", "bpl-deriv-multi-output");
    private final HTMLElement partialsHead = Dom.el("thead", "");
    private final HTMLElement partialsBody = Dom.el("tbody", "");
    private final Map<String, InputRow> rows = new LinkedHashMap<>();

    // settings
    private double x;
    private double h;
    private double xmin;
    private double xmax;

    // panel 1 state: the last good function and what was computed from it
    private FunctionOfX function;
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private double yLow = -1;
    private double yHigh = 1;
    private final double[] hs = FiniteDifference.sweep(SWEEP_PER_DECADE);
    private double[] forwardErrors;
    private double[] centralErrors;
    private double fx = Double.NaN;
    private double exact = Double.NaN;
    private double numeric = Double.NaN;
    private int fxTimer = -1;
    private boolean dragging;
    private double draggedTo = Double.NaN; // the x a drag asked for, applied once per animation frame
    private int dragFrame = -1;
    private String curveKey = "";          // the size and samples the curve's path was made for
    private String curvePath = "";
    private int curvePieces;
    private int samples;                   // counts resamplings, for curveKey

    // panel 2 state: the last good program
    private Evaluation multi;

    /** One input of panel 2: its slider and its cells. */
    private record InputRow(HTMLElement row, HTMLInputElement slider, HTMLElement value, HTMLElement numeric,
                            HTMLElement exact, HTMLElement direction) {
    }

    /**
     * The view with its settings from the state. With less than the full controls the example menu, the plot range
     * and panel 2 go; with none, f(x) is read-only too, while x and h can still be explored.
     */
    public DerivativeView(Settings state, Controls controls, Runnable changed) {
        this.changed = changed;
        root.setAttribute("data-testid", "derivative-view");
        String fxText = text(state, "fx", DEFAULT_FX).replace('\n', ' ').replace('\r', ' ');
        x = number(state, "x", DEFAULT_X, "x must be a number, such as 2 or -1.5");
        h = number(state, "h", DEFAULT_H, "h must be a number from 1e-32 to 0.1, such as 1e-6");
        if (!(h >= 1e-32 && h <= 0.1)) {
            state.ignore("h", "h must be from 1e-32 to 0.1, such as 1e-6");
            h = DEFAULT_H;
        }
        xmin = number(state, "xmin", DEFAULT_XMIN, "xmin must be a number, such as -5");
        xmax = number(state, "xmax", DEFAULT_XMAX, "xmax must be a number, such as 5");
        if (!(xmin < xmax) || xmax - xmin > 1e12) {
            state.ignore("xmin", "the plot needs xmin < xmax");
            state.ignore("xmax", "the plot needs xmin < xmax");
            xmin = DEFAULT_XMIN;
            xmax = DEFAULT_XMAX;
        }
        boolean central = false;
        if (state.has("central")) {
            if (state.get("central").equals("1") || state.get("central").equals("0")) {
                central = state.get("central").equals("1");
            } else {
                state.ignore("central", "central is 0 or 1");
            }
        }
        String multiText = text(state, "multi", DEFAULT_MULTI);

        root.appendChild(panelOne());
        root.appendChild(Controls.extra(panelTwo()));
        // Keys pressed inside the view (the plot, a button) reach it here, in a widget as in the app; the app's own
        // document listener only hears keys pressed with the focus on the page itself.
        Dom.on(root, "keydown", e -> shortcut((KeyboardEvent) e));
        fxInput.setReadOnly(!controls.canEdit());
        multiEditor.setReadOnly(!controls.canEdit());

        fxInput.setValue(fxText);
        xInput.setValue(Numbers.format(x));
        xminInput.setValue(Numbers.format(xmin));
        xmaxInput.setValue(Numbers.format(xmax));
        centralBox.setChecked(central);
        showH();
        listen();

        parseFunction();
        multiEditor.setValue(multiText);
        evaluateMulti();
    }

    // ---- reading the hash ----

    private static String text(Settings state, String key, String fallback) {
        if (!state.has(key)) {
            return fallback;
        }
        if (state.get(key).length() > MAX_TEXT) {
            state.ignore(key, "it is longer than " + MAX_TEXT + " characters");
            return fallback;
        }
        return state.get(key);
    }

    private static double number(Settings state, String key, double fallback, String why) {
        if (!state.has(key)) {
            return fallback;
        }
        double v = parse(state.get(key));
        if (Double.isNaN(v)) {
            state.ignore(key, why);
            return fallback;
        }
        return v;
    }

    /** A finite number as a person types it ("−2" with a real minus sign too), or NaN. */
    private static double parse(String s) {
        String t = s.trim().replace('−', '-');
        if (t.isEmpty() || t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
            return Double.NaN; // Java would read "2d" as 2.0; a reader would not
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    // ---- building panel 1 ----

    private HTMLElement panelOne() {
        HTMLElement panel = panel("bpl-deriv-one", "1 · A function of x", "The derivative says how f responds to "
                + "a nudge: move x by a tiny h, and f moves by about slope × h. Backward gives the slope exactly; the "
                + "nudge only approximately, and it breaks when h gets too small.");

        HTMLElement controls = Dom.el("div", "bpl-deriv-controls");

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

        controls.appendChild(alertBox(error, "error"));

        HTMLElement xRow = Dom.el("div", "bpl-row bpl-deriv-xrow");
        xRow.appendChild(labelled("x =", xInput));
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

        centralBox.setAttribute("type", "checkbox");
        centralBox.setAttribute("data-testid", "central");
        HTMLElement centralLabel = Dom.el("label", "bpl-label bpl-deriv-central");
        centralLabel.appendChild(centralBox);
        centralLabel.appendChild(Dom.text("span", "", "central differences"));
        centralLabel.setAttribute("title", "(f(x+h) − f(x−h)) / 2h instead of (f(x+h) − f(x)) / h");
        controls.appendChild(centralLabel);

        HTMLElement table = Dom.el("dl", "bpl-deriv-readouts");
        addReadout(table, "f(x)", fxOut, null);
        addReadout(table, "exact slope", exactOut, Dom.text("span", "bpl-deriv-formula", "backward: x.grad"));
        addReadout(table, "numeric slope", numericOut, numericFormula);
        addReadout(table, "|numeric − exact|", slopeErrorOut, null);
        controls.appendChild(table);
        direction.setAttribute("data-testid", "direction");
        direction.setAttribute("aria-live", "polite");
        controls.appendChild(direction);
        panel.appendChild(controls);

        HTMLElement plotFigure = Dom.el("figure", "bpl-deriv-figure bpl-deriv-plot");
        plotKey.setAttribute("data-testid", "plot-key");
        plotFigure.appendChild(plotKey);
        HTMLElement plotBox = Dom.el("div", "bpl-deriv-chart");
        plot.element().setAttribute("data-testid", "plot");
        plotBox.appendChild(plot.element());
        plotNote.setAttribute("data-testid", "plot-note");
        plotNote.setHidden(true);
        plotBox.appendChild(plotNote);
        plotFigure.appendChild(plotBox);
        plotFigure.appendChild(Dom.text("figcaption", "bpl-hint", "Drag the point or click the plot to move x. "
                + "Keys: ← → move x, [ ] make h 10× larger or smaller, C for central differences."));
        panel.appendChild(plotFigure);

        HTMLElement errorFigure = Dom.el("figure", "bpl-deriv-figure bpl-deriv-errors");
        errorFigure.appendChild(errorKey);
        HTMLElement errorBox = Dom.el("div", "bpl-deriv-chart");
        errorChart.element().setAttribute("data-testid", "error-chart");
        errorChart.margins(24, 24, 44, 56);
        errorBox.appendChild(errorChart.element());
        errorFigure.appendChild(errorBox);
        hNote.setAttribute("data-testid", "h-note");
        hNote.setAttribute("aria-live", "polite");
        errorFigure.appendChild(hNote);
        panel.appendChild(errorFigure);

        Axes.onResize(plotBox, () -> {
            plot.measure();
            drawPlot();
        });
        Axes.onResize(errorBox, () -> {
            errorChart.measure();
            drawErrors();
        });
        return panel;
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

    private void listen() {
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
        Dom.on(xInput, "input", e -> {
            double v = parse(xInput.getValue());
            xInput.setAttribute("aria-invalid", Boolean.toString(Double.isNaN(v)));
            if (!Double.isNaN(v)) {
                x = v;
                refresh();
                changed.run();
            }
        });
        Dom.on(xInput, "change", e -> {
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

        Element svg = plot.element();
        Dom.on(svg, "pointerdown", this::pointerDown);
        Dom.on(svg, "pointermove", e -> {
            if (dragging) {
                dragTo((PointerEvent) e);
            }
        });
        Dom.on(svg, "pointerup", e -> endDrag());
        Dom.on(svg, "pointercancel", e -> endDrag());
    }

    // ---- panel 1: settings ----

    private boolean central() {
        return centralBox.isChecked();
    }

    private void sliderMoved(boolean done) {
        double exponent = parse(hSlider.getValue());
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
        hSlider.setAttribute("aria-valuetext", "h = " + hText(h));
        hValue.setTextContent(hText(h));
        hValue.setAttribute("data-value", Double.toString(h));
    }

    /** h as people write it: 1e-6 for a whole power of ten, else three digits, 5.01e-7. */
    static String hText(double h) {
        double exponent = Math.log10(h);
        if (Math.abs(exponent - Math.rint(exponent)) < 1e-9) {
            return "1e" + (int) Math.rint(exponent);
        }
        return Numbers.scientific(h, 2);
    }

    private void rangeEdited() {
        double lo = parse(xminInput.getValue());
        double hi = parse(xmaxInput.getValue());
        if (Double.isNaN(lo) || Double.isNaN(hi) || !(lo < hi) || hi - lo > 1e12) {
            xminInput.setAttribute("aria-invalid", "true");
            xmaxInput.setAttribute("aria-invalid", "true");
            plotMessage("The plot range needs two numbers, the first smaller than the second, such as −5 to 5.");
            return;
        }
        xminInput.setAttribute("aria-invalid", "false");
        xmaxInput.setAttribute("aria-invalid", "false");
        if (lo == xmin && hi == xmax) {
            return;
        }
        xmin = lo;
        xmax = hi;
        sample();
        refresh();
        changed.run();
    }

    /** Parses the typed function; on an error, says where and keeps the last good one on screen. */
    private void parseFunction() {
        String text = fxInput.getValue();
        try {
            function = FunctionOfX.parse(text);
        } catch (ParseError e) {
            showError(text, e);
            if (function == null) {
                plotMessage("Nothing to plot yet: the function has an error.");
            }
            return;
        }
        error.setHidden(true);
        fxInput.setAttribute("aria-invalid", "false");
        sample();
        refresh();
    }

    /** "Line 1, column 9: message", and the text with a caret under the column. */
    private void showError(String text, ParseError e) {
        showParseError(error, e);
        if (text.length() <= 120) {
            StringBuilder caret = new StringBuilder();
            for (int i = 1; i < e.column(); i++) {
                caret.append(i - 1 < text.length() && text.charAt(i - 1) == '\t' ? '\t' : ' ');
            }
            caret.append('^');
            error.appendChild(Dom.text("pre", "bpl-deriv-caret", text + "\n" + caret));
        }
        fxInput.setAttribute("aria-invalid", "true");
    }

    // ---- panel 1: numbers ----

    /** Samples f over the plot range: only when the function or the range changes, not when x moves. */
    private void sample() {
        if (function == null) {
            return;
        }
        xs = new double[SAMPLES];
        ys = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            xs[i] = xmin + (xmax - xmin) * i / (SAMPLES - 1);
            ys[i] = function.at(xs[i]);
        }
        samples++;
        double[] range = Curve.range(ys);
        yLow = range[0];
        yHigh = range[1];
    }

    /** Recomputes everything that depends on x, h and the kind of difference, and redraws. */
    private void refresh() {
        if (function != null) {
            fx = function.at(x);
            exact = function.slope(x);
            numeric = function.numericSlope(x, h, central());
            forwardErrors = function.errors(x, exact, hs, false);
            centralErrors = function.errors(x, exact, hs, true);
            showReadouts();
            drawPlot();
            drawErrors();
        }
        updatePartials();
    }

    private void showReadouts() {
        xInput.setAttribute("data-value", Double.toString(x));
        set(fxOut, fx, format(fx, 10));
        set(exactOut, exact, format(exact, 12));
        set(numericOut, numeric, format(numeric, 12));
        double err = Math.abs(numeric - exact);
        set(slopeErrorOut, err, err == 0 ? "0" : Double.isNaN(err) ? "—" : err >= 1e-3 ? format(err, 4)
                : Numbers.scientific(err, 1));
        numericFormula.setTextContent(central() ? "(f(x+h) − f(x−h)) / 2h" : "(f(x+h) − f(x)) / h");

        String at = "At x = " + format(x, 8) + ", ";
        String kind;
        String sentence;
        if (Double.isNaN(fx) || Double.isInfinite(fx)) {
            kind = "undefined";
            sentence = at + "f is not defined (f(x) is " + (Double.isNaN(fx) ? "NaN" : "infinite")
                    + "), so it has no slope there.";
        } else if (!Double.isFinite(exact)) {
            kind = "undefined";
            sentence = at + "f(x) = " + format(fx, 6) + " but its slope is not finite there.";
        } else if (exact > 0) {
            kind = "up";
            sentence = at + "the slope is " + format(exact, 6) + ": nudge x up a little and f goes up, by "
                    + timesTheNudge(exact) + ".";
        } else if (exact < 0) {
            kind = "down";
            sentence = at + "the slope is " + format(exact, 6) + ": nudge x up a little and f goes down, by "
                    + timesTheNudge(-exact) + ".";
        } else {
            kind = "flat";
            sentence = at + "the slope is 0: f is flat here, so a small nudge of x hardly moves f.";
        }
        direction.setTextContent(sentence);
        direction.setAttribute("data-value", kind);
        direction.setClassName("bpl-deriv-sentence bpl-deriv-" + kind);
    }

    private static String timesTheNudge(double factor) {
        return factor == 1 ? "about as much as the nudge" : "about " + format(factor, 6) + " times the nudge";
    }

    private static void set(HTMLElement out, double value, String text) {
        out.setTextContent(text);
        out.setAttribute("data-value", Double.toString(value));
    }

    /** A read-out number: up to the given significant digits, with a real minus sign. */
    static String format(double v, int significant) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        String s = Numbers.compact(v, significant);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    // ---- panel 1: the plot of f ----

    private void plotMessage(String text) {
        plotNote.setTextContent(text);
        plotNote.setHidden(false);
    }

    private void drawPlot() {
        if (function == null || !plot.hasSize()) {
            return;
        }
        plot.frame(false, xmin, xmax, false, yLow, yHigh);
        plot.clearDrawing();
        Element data = plot.data();
        Element marks = plot.marks();

        String key = plot.width() + "x" + plot.height() + "#" + samples;
        if (!key.equals(curveKey)) { // x moved but the curve did not: keep its path
            List<double[]> pieces = Curve.pieces(xs, ys, yLow, yHigh);
            curvePath = plot.pathData(pieces);
            curvePieces = pieces.size();
            curveKey = key;
        }
        Element curve = Svg.path(curvePath, CURVE, 2.4);
        curve.setAttribute("data-testid", "curve");
        curve.setAttribute("data-pieces", Integer.toString(curvePieces));
        curve.setAttribute("data-fx", function.text());
        data.appendChild(curve);

        boolean visible = xmin <= x && x <= xmax;
        boolean defined = Double.isFinite(fx);
        plotNote.setHidden(true);
        if (!visible) {
            plotMessage("x = " + format(x, 8) + " is outside the plotted range: widen it to see the point.");
        } else if (!defined) {
            plotMessage("f is not defined at x = " + format(x, 8) + ".");
        }
        double px = plot.x().apply(x);
        double py = plot.y().apply(fx);
        double span = (xmax - xmin) * 0.22;
        if (visible && defined) {
            Element guide = Svg.line(px, py, px, plot.plotBottom(), INK, 1);
            guide.setAttribute("stroke-dasharray", "2 3");
            guide.setAttribute("opacity", "0.5");
            data.appendChild(guide);
        }
        if (defined && Double.isFinite(exact)) {
            Element tangent = lineThrough(x, fx, exact, span, TANGENT, 2.2);
            if (tangent != null) {
                tangent.setAttribute("data-testid", "tangent");
                tangent.setAttribute("data-slope", Double.toString(exact));
                data.appendChild(tangent);
            }
        }
        double x1 = central() ? x - h : x;
        double f1 = function.at(x1);
        double f2 = function.at(x + h);
        if (Double.isFinite(numeric) && Double.isFinite(f1)) {
            Element secant = lineThrough(x1, f1, numeric, span, SECANT, 2);
            if (secant != null) {
                secant.setAttribute("data-testid", "secant");
                secant.setAttribute("data-slope", Double.toString(numeric));
                secant.setAttribute("stroke-dasharray", "7 5");
                data.appendChild(secant);
            }
        }
        if (visible && defined) {
            double qx = plot.x().apply(x + h);
            double qy = plot.y().apply(f2);
            if (Double.isFinite(qy) && Math.hypot(qx - px, qy - py) >= 5) {
                Element nudged = Svg.circle(qx, qy, 4, "#fff", SECANT);
                nudged.setAttribute("stroke-width", "2");
                marks.appendChild(nudged);
            }
            Element xLabel = Svg.halo(Svg.text(px + 5, plot.plotBottom() - 6, "x = " + format(x, 6), "start",
                    INK));
            xLabel.setAttribute("font-weight", "600");
            if (px > plot.plotRight() - 70) {
                xLabel.setAttribute("x", Svg.r(px - 5));
                xLabel.setAttribute("text-anchor", "end");
            }
            marks.appendChild(xLabel);
            Element hit = Svg.circle(px, py, 16, "transparent", "none");
            hit.setAttribute("class", "bpl-deriv-handle");
            marks.appendChild(hit);
            Element point = Svg.circle(px, py, 6.5, INK, "#fff");
            point.setAttribute("stroke-width", "2.5");
            point.setAttribute("data-testid", "point");
            point.setAttribute("data-x", Double.toString(x));
            point.setAttribute("data-y", Double.toString(fx));
            point.setAttribute("class", "bpl-deriv-handle");
            marks.appendChild(point);
        }
        Element svg = plot.element();
        svg.setAttribute("tabindex", "0");
        svg.setAttribute("aria-label", "Plot of f(x) = " + function.text() + ". The point is at x = " + format(x, 8)
                + "; use the arrow keys to move it.");
        showPlotKey();
    }

    /** The line through (x0, y0) with the given slope, over x0 ± span, clipped near the plotting area. */
    private Element lineThrough(double x0, double y0, double slope, double span, String stroke, double width) {
        double a = x0 - span;
        double b = x0 + span;
        return plot.segment(plot.x().apply(a), plot.y().apply(y0 + slope * (a - x0)), plot.x().apply(b),
                plot.y().apply(y0 + slope * (b - x0)), stroke, width);
    }

    private void showPlotKey() {
        plotKey.setTextContent("");
        plotKey.appendChild(key("bpl-key-curve", "f(x)"));
        plotKey.appendChild(key("bpl-key-tangent", "tangent, slope " + format(exact, 6)));
        plotKey.appendChild(key("bpl-key-secant", "secant, slope " + format(numeric, 8)));
    }

    private static HTMLElement key(String swatchClass, String text) {
        HTMLElement item = Dom.el("span", "bpl-deriv-key-item");
        item.appendChild(Dom.el("span", "bpl-deriv-swatch " + swatchClass));
        item.appendChild(Dom.text("span", "", text));
        return item;
    }

    // ---- panel 1: dragging the point ----

    private void pointerDown(Event e) {
        PointerEvent p = (PointerEvent) e;
        if (function == null || (p.getButton() != 0 && p.getPointerType().equals("mouse"))) {
            return;
        }
        double[] at = local(p);
        if (!plot.inside(at[0], at[1])) {
            return;
        }
        dragging = true;
        Dom.capturePointer(plot.element(), p.getPointerId());
        e.preventDefault();
        setX(pointerX(p));
    }

    private double[] local(PointerEvent p) {
        org.teavm.jso.dom.html.TextRectangle r = Dom.rect(plot.element());
        return new double[] {p.getClientX() - r.getLeft(), p.getClientY() - r.getTop()};
    }

    private double pointerX(PointerEvent p) {
        double px = Math.max(plot.plotLeft(), Math.min(plot.plotRight(), local(p)[0]));
        return snap(plot.x().invert(px), (xmax - xmin) / 500);
    }

    /** Pointer moves come faster than frames: keep the last one and recompute once per frame. */
    private void dragTo(PointerEvent p) {
        draggedTo = pointerX(p);
        if (dragFrame < 0) {
            dragFrame = Window.requestAnimationFrame(time -> applyDrag());
        }
    }

    private void applyDrag() {
        if (dragFrame >= 0) {
            Window.cancelAnimationFrame(dragFrame);
            dragFrame = -1;
        }
        if (!Double.isNaN(draggedTo)) {
            setX(draggedTo);
            draggedTo = Double.NaN;
        }
    }

    private void endDrag() {
        if (dragging) {
            dragging = false;
            applyDrag();
            changed.run();
        }
    }

    /** A value rounded to the power of ten just below the step, so dragging gives 2.37, not 2.3712938. */
    static double snap(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
        double unit = Math.pow(10, -decimals);
        return parse(Numbers.fixed(Math.round(v / unit) * unit, Math.min(decimals, 12)));
    }

    private void setX(double value) {
        if (Double.isNaN(value) || value == x) {
            return;
        }
        x = value;
        xInput.setValue(Numbers.format(x));
        xInput.setAttribute("aria-invalid", "false");
        refresh();
    }

    /** ← and → move x by a hundredth of the range (a thousandth with Shift). */
    private boolean arrowMovesX(KeyboardEvent e) {
        int sign = e.getKey().equals("ArrowRight") ? 1 : e.getKey().equals("ArrowLeft") ? -1 : 0;
        if (sign == 0 || function == null) {
            return false;
        }
        double step = Scale.niceStep((xmax - xmin) / (e.isShiftKey() ? 1000 : 100));
        setX(snap(x + sign * step, step));
        changed.run();
        return true;
    }

    // ---- panel 1: the error chart ----

    private void drawErrors() {
        if (function == null || forwardErrors == null || !errorChart.hasSize()) {
            return;
        }
        boolean central = central();
        double[] active = central ? centralErrors : forwardErrors;
        double[] other = central ? forwardErrors : centralErrors;
        double lost = FiniteDifference.lostBelow(x, hs, central);
        double err = Math.abs(numeric - exact);

        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double[] curve : new double[][] {active, other}) {
            for (double e : curve) {
                if (e > 0 && Double.isFinite(e)) {
                    smallest = Math.min(smallest, e);
                    largest = Math.max(largest, e);
                }
            }
        }
        int top = largest > 0 ? (int) Math.ceil(Math.log10(largest) + 0.35) : 1; // room above a plateau
        int bottom = smallest < Double.POSITIVE_INFINITY ? (int) Math.floor(Math.log10(smallest)) : top - 18;
        top = Math.min(Math.max(top, bottom + 4), 30);
        bottom = Math.max(bottom, -22);
        errorChart.frame(true, hs[0], hs[hs.length - 1], true, FiniteDifference.powerOfTen(bottom),
                FiniteDifference.powerOfTen(top));
        errorChart.clearDrawing();
        Element data = errorChart.data();
        Element marks = errorChart.marks();
        Scale hx = errorChart.x();
        Scale ey = errorChart.y();

        if (!Double.isNaN(lost)) {
            double from = hx.apply(lost);
            Element band = Svg.el("rect");
            band.setAttribute("x", Svg.r(from));
            band.setAttribute("y", Svg.r(errorChart.plotTop()));
            band.setAttribute("width", Svg.r(errorChart.plotRight() - from));
            band.setAttribute("height", Svg.r(errorChart.plotBottom() - errorChart.plotTop()));
            band.setAttribute("fill", "#eceff3");
            band.setAttribute("data-testid", "lost-band");
            data.appendChild(band);
            if (errorChart.plotRight() - from > 90) {
                Element label = Svg.text((from + errorChart.plotRight()) / 2, errorChart.plotBottom() - 10,
                        central ? "x ± h == x: slope 0" : "x + h == x: slope 0", "middle", MUTED);
                marks.appendChild(Svg.halo(label));
            }
        }
        if (!Double.isFinite(exact)) {
            hNote.setTextContent("There is no exact slope at this x to compare with, so there is no error to plot.");
            hNote.setAttribute("data-value", "none");
            showErrorKey(central);
            return;
        }
        Element otherPath = Svg.path(errorChart.pathData(logPieces(other, hx, ey)), OTHER, 1.6);
        otherPath.setAttribute("stroke-dasharray", "5 4");
        otherPath.setAttribute("data-testid", central ? "forward-errors" : "central-errors");
        data.appendChild(otherPath);
        Element activePath = Svg.path(errorChart.pathData(logPieces(active, hx, ey)), SECANT, 2.2);
        activePath.setAttribute("data-testid", central ? "central-errors" : "forward-errors");
        data.appendChild(activePath);
        zeroMarks(active, hx, SECANT, data);

        int best = best(active, central);
        double hxPx = hx.apply(h);
        Element now = Svg.line(hxPx, errorChart.plotTop(), hxPx, errorChart.plotBottom(), SECANT, 1.2);
        now.setAttribute("stroke-dasharray", "3 3");
        now.setAttribute("data-testid", "h-marker");
        now.setAttribute("data-value", Double.toString(h));
        data.appendChild(now);
        double ePx = err > 0 ? Math.max(errorChart.plotTop(), Math.min(errorChart.plotBottom(), ey.apply(err)))
                : errorChart.plotBottom();
        Element dot = Svg.circle(hxPx, ePx, 5.5, err > 0 ? SECANT : "#fff", SECANT);
        dot.setAttribute("stroke-width", "2");
        dot.setAttribute("data-testid", "h-dot");
        dot.setAttribute("data-value", Double.toString(err));
        marks.appendChild(dot);
        // The label goes above the dot (below it when the dot is high), on the side where the curve leaves room.
        boolean below = ePx < (errorChart.plotTop() + errorChart.plotBottom()) / 2;
        double leftY = curveY(active, hxPx - 40, hx, ey);
        double rightY = curveY(active, hxPx + 40, hx, ey);
        boolean right = below ? rightY < leftY : rightY > leftY;
        boolean cramped = right ? hxPx + 80 > errorChart.plotRight() : hxPx - 80 < errorChart.plotLeft();
        if (cramped) { // no room on the better side: take the other side, and the other side of the dot
            right = !right;
            below = !below && ePx + 28 < errorChart.plotBottom() || below && ePx - 24 < errorChart.plotTop();
        }
        String hLabelText = "h = " + hText(h);
        double hLabelY = below ? ePx + 24 : ePx - 12;
        double hLabelWidth = 7.5 * hLabelText.length();
        Element hLabel = Svg.text(hxPx + (right ? 7 : -7), hLabelY, hLabelText, right ? "start" : "end", SECANT);
        hLabel.setAttribute("font-weight", "600");
        marks.appendChild(Svg.halo(hLabel));
        double[] taken = {right ? hxPx : hxPx - 7 - hLabelWidth, right ? hxPx + 7 + hLabelWidth : hxPx,
            hLabelY - 13, hLabelY + 3}; // the h label's box: left, right, top, bottom
        regionLabels(active, best, lost, taken, hx, ey, marks);
        explainH(active, best, err, central);
        showErrorKey(central);
    }

    /** The pixel height of an error curve at a pixel across (the bottom edge where the error is 0). */
    private double curveY(double[] errors, double px, Scale hx, Scale ey) {
        double at = hx.invert(px);
        int i = 0;
        while (i < hs.length - 1 && hs[i] > at) {
            i++;
        }
        return errors[i] > 0 ? Math.max(errorChart.plotTop(), Math.min(errorChart.plotBottom(), ey.apply(errors[i])))
                : errorChart.plotBottom();
    }

    /** The error curve in log10 units, cut where the error is 0 (log of 0) or the nudge was lost. */
    private List<double[]> logPieces(double[] errors, Scale hx, Scale ey) {
        double[] u = new double[hs.length];
        double[] v = new double[hs.length];
        for (int i = 0; i < hs.length; i++) {
            u[i] = hx.unit(hs[i]);
            v[i] = errors[i] > 0 ? ey.unit(errors[i]) : Double.NaN;
        }
        return Curve.pieces(u, v, ey.unit(ey.min()), ey.unit(ey.max()));
    }

    /** Where the error is exactly 0, log scales can't go: a short mark on the bottom edge says so instead. */
    private void zeroMarks(double[] errors, Scale hx, String colour, Element layer) {
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] == 0) {
                double px = hx.apply(hs[i]);
                Element m = Svg.line(px, errorChart.plotBottom() - 6, px, errorChart.plotBottom(), colour, 2);
                m.setAttribute("data-testid", "zero-error");
                layer.appendChild(m);
            }
        }
    }

    /** The h with the smallest error where the nudge still moves x, the largest such h on a tie; -1 if none. */
    private int best(double[] errors, boolean central) {
        int best = -1;
        for (int i = 0; i < hs.length; i++) {
            boolean lost = x + hs[i] == x && (!central || x - hs[i] == x);
            if (!lost && Double.isFinite(errors[i]) && (best < 0 || errors[i] < errors[best])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * "truncation" over the stretch left of the best h, "round-off" right of it, where each has room and does not
     * sit on the h marker's label.
     */
    private void regionLabels(double[] errors, int best, double lost, double[] taken, Scale hx, Scale ey,
                              Element layer) {
        if (best < 0) {
            return;
        }
        double bestPx = hx.apply(hs[best]);
        double lostPx = Double.isNaN(lost) ? errorChart.plotRight() : hx.apply(lost);
        label(errors, errorChart.plotLeft(), bestPx, taken, "truncation", hx, ey, layer);
        label(errors, bestPx, lostPx, taken, "round-off", hx, ey, layer);
    }

    /**
     * A region's name over its stretch of the curve: a box the text's width, centred on the stretch, slides along
     * it until it is clear of the h marker and its label, and the text sits just above the highest point of the
     * curve under it. Nothing if no spot is clear.
     */
    private void label(double[] errors, double from, double to, double[] taken, String text, Scale hx, Scale ey,
                       Element layer) {
        if (to - from < 40) {
            return;
        }
        double width = 7 * text.length();
        for (double t : new double[] {0.5, 0.35, 0.65, 0.2, 0.8, 0, 1}) {
            double left = Math.max(errorChart.plotLeft() + 3, Math.min(errorChart.plotRight() - 3 - width,
                    from + t * (to - from) - width / 2));
            double right = left + width;
            double centre = (left + right) / 2;
            double markerPx = hx.apply(h);
            if (centre < from || centre > to || (markerPx > left - 12 && markerPx < right + 12)) {
                continue;
            }
            double top = errorChart.plotBottom();
            for (double px = left; px <= right; px += 4) {
                top = Math.min(top, curveY(errors, px, hx, ey));
            }
            double baseline = top - 7;
            boolean overlaps = left < taken[1] + 4 && right > taken[0] - 4 && baseline - 12 < taken[3] + 3
                    && baseline > taken[2] - 3;
            if (baseline < errorChart.plotTop() + 12 || overlaps) {
                continue;
            }
            Element label = Svg.text(left, baseline, text, "start", INK);
            label.setAttribute("font-style", "italic");
            layer.appendChild(Svg.halo(label));
            return;
        }
    }

    /** One sentence under the chart about the current h. */
    private void explainH(double[] errors, int best, double err, boolean central) {
        String nb = "\u00a0"; // no line break inside "h = 1e-9" or "f(x + h)"
        String atH = "At h" + nb + "=" + nb + unbroken(hText(h));
        String plus = "f(x" + nb + "+" + nb + "h)";
        String other = central ? "f(x" + nb + "−" + nb + "h)" : "f(x)";
        String kind;
        String text;
        if (x + h == x && (!central || x - h == x)) {
            kind = "lost";
            text = atH + ", " + (central ? "x" + nb + "±" + nb + "h" : "x" + nb + "+" + nb + "h") + nb + "==" + nb
                    + "x in doubles, which keep about 16 significant digits: the nudge is lost, " + plus + nb + "−"
                    + nb + other + " is exactly 0, and so is the numeric slope.";
        } else if (err == 0) {
            kind = "exact";
            text = atH + " the numeric slope happens to equal the exact one to the last bit.";
        } else if (best < 0) {
            kind = "none";
            text = "";
        } else {
            double ratio = Math.log10(h) - Math.log10(hs[best]);
            String smallest = " Smallest error near h" + nb + "=" + nb + unbroken(Numbers.scientific(hs[best], 0))
                    + ".";
            if (ratio > 0.5) {
                kind = "truncation";
                text = atH + " the secant still bends away from the tangent: this truncation error shrinks "
                        + (central ? "like h²" : "in proportion to h") + "." + smallest;
            } else if (ratio < -0.5 && central && errors[0] <= 1e-9 * Math.max(1, Math.abs(exact))) {
                kind = "round-off";
                text = atH + " only rounding is left: central differences are exact for a parabola, and the "
                        + "rounding noise in " + plus + nb + "−" + nb + other + ", divided by h, grows as h shrinks.";
            } else if (ratio < -0.5) {
                kind = "round-off";
                text = atH + ", " + plus + " and " + other + " share most of their digits: their difference is "
                        + "mostly rounding noise, magnified by dividing by a tiny h." + smallest;
            } else {
                kind = "best";
                text = atH + " truncation and round-off errors are about equal: the error, "
                        + Numbers.scientific(err, 1) + ", is about as small as " + (central ? "central" : "forward")
                        + " differences get.";
            }
        }
        hNote.setTextContent(text);
        hNote.setAttribute("data-value", kind);
    }

    /** A number such as 1e-9 that a line break must not split at its hyphen. */
    private static String unbroken(String number) {
        return number.replace('-', '\u2011');
    }

    private void showErrorKey(boolean central) {
        errorKey.setTextContent("");
        HTMLElement forward = key(central ? "bpl-key-other" : "bpl-key-secant", "forward differences");
        HTMLElement centralKey = key(central ? "bpl-key-secant" : "bpl-key-other", "central differences");
        (central ? centralKey : forward).setClassName("bpl-deriv-key-item bpl-deriv-key-active");
        errorKey.appendChild(forward);
        errorKey.appendChild(centralKey);
    }

    // ---- panel 2: a function of several inputs ----

    private HTMLElement panelTwo() {
        HTMLElement panel = panel("bpl-deriv-multi", "2 · A function of several inputs", "Nudge one input at a "
                + "time and watch the output: each input has its own slope, its partial derivative. One backward "
                + "pass finds all of them.");
        HTMLElement left = Dom.el("div", "bpl-deriv-multi-program");
        HTMLElement textarea = multiEditor.element().querySelector("textarea");
        textarea.setAttribute("data-testid", "multi");
        textarea.setAttribute("aria-label", "The program of panel 2: inputs such as a = 2.0, then the output");
        left.appendChild(multiEditor.element());
        left.appendChild(alertBox(multiError, "multi-error"));
        panel.appendChild(left);

        HTMLElement right = Dom.el("div", "bpl-deriv-multi-table");
        multiOutput.setAttribute("data-testid", "multi-output");
        right.appendChild(multiOutput);
        HTMLElement table = Dom.el("table", "bpl-deriv-partials");
        table.setAttribute("data-testid", "partials");
        table.appendChild(partialsHead);
        table.appendChild(partialsBody);
        right.appendChild(table);
        panel.appendChild(right);
        return panel;
    }

    /** Replaces panel 2's program (a page calling the widget's setProgram). */
    public void setProgram(String program) {
        multiEditor.setValue(program);
        multiEdited();
    }

    private void multiEdited() {
        evaluateMulti();
        changed.run();
    }

    /** Runs the panel-2 program; on an error, says where and keeps the last good table. */
    private boolean evaluateMulti() {
        Evaluation next;
        try {
            next = Evaluator.run(multiEditor.value());
        } catch (ParseError e) {
            showParseError(multiError, e);
            multiEditor.markError(e.line());
            return false;
        }
        multiError.setHidden(true);
        multiEditor.markError(0);
        multi = next;
        List<String> names = new ArrayList<>();
        for (Value leaf : multi.leaves()) {
            names.add(leaf.label);
        }
        if (!names.equals(new ArrayList<>(rows.keySet()))) {
            buildRows();
        }
        updatePartials();
        return true;
    }

    private void buildRows() {
        rows.clear();
        partialsBody.setTextContent("");
        for (Value leaf : multi.leaves()) {
            String name = leaf.label;
            HTMLElement tr = Dom.el("tr", "");
            tr.setAttribute("data-testid", "input-row");
            tr.setAttribute("data-label", name);
            tr.appendChild(Dom.text("th", "bpl-mono", name));
            HTMLElement valueCell = Dom.el("td", "bpl-deriv-slider-cell");
            HTMLInputElement slider = (HTMLInputElement) Dom.el("input", "bpl-deriv-slider");
            slider.setAttribute("type", "range");
            slider.setAttribute("data-testid", "input-slider");
            slider.setAttribute("data-label", name);
            slider.setAttribute("aria-label", "Input " + name);
            fitSlider(slider, leaf.data);
            HTMLElement value = Dom.el("output", "bpl-mono bpl-deriv-input-value");
            value.setAttribute("data-testid", "input-value");
            value.setAttribute("data-label", name);
            valueCell.appendChild(slider);
            valueCell.appendChild(value);
            tr.appendChild(valueCell);
            HTMLElement numericCell = Dom.el("td", "bpl-mono bpl-num");
            numericCell.setAttribute("data-testid", "numeric-partial");
            numericCell.setAttribute("data-label", name);
            HTMLElement exactCell = Dom.el("td", "bpl-mono bpl-num");
            exactCell.setAttribute("data-testid", "partial");
            exactCell.setAttribute("data-label", name);
            HTMLElement directionCell = Dom.el("td", "bpl-deriv-dir");
            directionCell.setAttribute("data-testid", "nudge-direction");
            directionCell.setAttribute("data-label", name);
            tr.appendChild(numericCell);
            tr.appendChild(exactCell);
            tr.appendChild(directionCell);
            partialsBody.appendChild(tr);
            rows.put(name, new InputRow(tr, slider, value, numericCell, exactCell, directionCell));
            Dom.on(slider, "input", e -> inputSlid(name, slider, false));
            Dom.on(slider, "change", e -> inputSlid(name, slider, true));
        }
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
        double v = parse(slider.getValue());
        if (multi == null || Double.isNaN(v)) {
            return;
        }
        if (!multiEditor.value().equals(multi.program().source()) && !evaluateMulti()) {
            return; // the text has an error: leave it for the reader to fix
        }
        Map<String, Double> change = new HashMap<>();
        change.put(name, v);
        multiEditor.setValue(Edits.setValues(multi.program(), change));
        evaluateMulti();
        if (done) {
            changed.run();
        }
    }

    /** The numbers of panel 2, for the current h and kind of difference. */
    private void updatePartials() {
        if (multi == null) {
            return;
        }
        Value output = multi.output();
        String out = multi.outputName();
        List<Value> order = output.topologicalOrder();
        for (Value v : order) {
            v.grad = 0;
        }
        for (Value leaf : multi.leaves()) {
            leaf.grad = 0;
        }
        output.backward();
        boolean central = central();
        multiOutput.setTextContent("");
        multiOutput.appendChild(Dom.text("span", "", out + " = "));
        HTMLElement outValue = Dom.text("strong", "bpl-mono", format(output.data, 10));
        multiOutput.appendChild(outValue);
        multiOutput.setAttribute("data-value", Double.toString(output.data));
        multiOutput.setAttribute("data-label", out);
        multiOutput.appendChild(Dom.text("span", "bpl-hint", "   nudges of h = " + hText(h) + ", "
                + (central ? "central" : "forward") + " differences (set in panel 1)"));

        partialsHead.setTextContent("");
        HTMLElement head = Dom.el("tr", "");
        head.appendChild(Dom.text("th", "", "input"));
        head.appendChild(Dom.text("th", "", "value"));
        head.appendChild(Dom.text("th", "bpl-num", "numeric slope"));
        head.appendChild(Dom.text("th", "bpl-num", "exact ∂" + out + "/∂input"));
        head.appendChild(Dom.text("th", "", "nudge the input up: " + out + "…"));
        partialsHead.appendChild(head);

        for (Value leaf : multi.leaves()) {
            InputRow row = rows.get(leaf.label);
            if (row == null) {
                continue;
            }
            double partial = leaf.grad;
            double slope = FiniteDifference.slope(output, order, leaf, h, central);
            row.row().setAttribute("data-value", Double.toString(leaf.data));
            set(row.value(), leaf.data, format(leaf.data, 8));
            if (parse(row.slider().getValue()) != leaf.data) {
                double min = parse(row.slider().getAttribute("min"));
                double max = parse(row.slider().getAttribute("max"));
                if (!(leaf.data >= min && leaf.data <= max)) {
                    fitSlider(row.slider(), leaf.data);
                } else {
                    row.slider().setValue(Numbers.format(leaf.data));
                }
            }
            set(row.numeric(), slope, format(slope, 10));
            set(row.exact(), partial, format(partial, 10));
            row.exact().setAttribute("data-exact", Double.toString(partial));
            row.exact().setAttribute("data-numeric", Double.toString(slope));
            row.exact().setAttribute("title", "∂" + out + "/∂" + leaf.label + " = " + Double.toString(partial)
                    + ", from backward");
            String kind = !Double.isFinite(partial) ? "undefined" : partial > 0 ? "up" : partial < 0 ? "down"
                    : "flat";
            row.exact().setAttribute("data-direction", kind);
            row.direction().setAttribute("data-value", kind);
            row.direction().setClassName("bpl-deriv-dir bpl-deriv-" + kind);
            row.direction().setTextContent(switch (kind) {
                case "up" -> "↑ goes up, " + format(partial, 6) + "× the nudge";
                case "down" -> "↓ goes down, " + format(-partial, 6) + "× the nudge";
                case "flat" -> "→ stays put (to first order)";
                default -> "— no slope here";
            });
        }
    }

    // ---- View ----

    @Override
    public HTMLElement element() {
        return root;
    }

    @Override
    public void shown() {
        plot.measure();
        errorChart.measure();
        drawPlot();
        drawErrors();
    }

    @Override
    public void writeState(Settings state) {
        state.put("fx", fxInput.getValue());
        state.put("x", Numbers.format(x));
        state.put("h", hText(h).startsWith("1e") ? hText(h) : Double.toString(h));
        state.put("xmin", Numbers.format(xmin));
        state.put("xmax", Numbers.format(xmax));
        state.put("central", central() ? "1" : "0");
        state.put("multi", multiEditor.value());
    }

    /** ← → move x, [ and ] make h ten times larger or smaller, c switches central differences. */
    @Override
    public void shortcut(KeyboardEvent e) {
        String tag = Dom.tagOf(e.getTarget());
        if (tag.equals("TEXTAREA") || tag.equals("INPUT") || tag.equals("SELECT") || e.isCtrlKey()
                || e.isMetaKey() || e.isAltKey()) {
            return;
        }
        if (arrowMovesX(e)) {
            e.preventDefault();
            return;
        }
        switch (e.getKey()) {
            case "[" -> setH(h * 10);
            case "]" -> setH(h / 10);
            case "c", "C" -> {
                centralBox.setChecked(!centralBox.isChecked());
                refresh();
                changed.run();
            }
            default -> {
                return;
            }
        }
        e.preventDefault();
    }

    private void setH(double value) {
        double exponent = Math.rint(Math.log10(value) * 10) / 10;
        exponent = Math.max(FiniteDifference.SMALLEST_EXPONENT, Math.min(FiniteDifference.LARGEST_EXPONENT,
                exponent));
        h = FiniteDifference.powerOfTen(exponent);
        showH();
        refresh();
        changed.run();
    }

    // ---- small builders ----

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

    /** A panel with its title and a one-line lede across the top, named by the title for screen readers. */
    private static HTMLElement panel(String className, String title, String lede) {
        HTMLElement panel = Dom.el("section", "bpl-panel " + className);
        panel.setAttribute("aria-label", title.substring(title.indexOf('·') + 2));
        HTMLElement head = Dom.el("div", "bpl-deriv-head");
        head.appendChild(Dom.text("h3", "", title));
        head.appendChild(Dom.text("p", "bpl-hint", lede));
        panel.appendChild(head);
        return panel;
    }

    /** An error box, hidden until there is an error to show. */
    private static HTMLElement alertBox(HTMLElement box, String testId) {
        box.setAttribute("data-testid", testId);
        box.setAttribute("role", "alert");
        box.setHidden(true);
        return box;
    }

    /** "Line 2, column 5: message" in an error box, with the place in data-line and data-column. */
    private static void showParseError(HTMLElement box, ParseError e) {
        box.setTextContent("");
        box.appendChild(Dom.text("div", "", "Line " + e.line() + ", column " + e.column() + ": " + e.reason()));
        box.setAttribute("data-line", Integer.toString(e.line()));
        box.setAttribute("data-column", Integer.toString(e.column()));
        box.setHidden(false);
    }

    private static HTMLElement readout(String testId) {
        HTMLElement out = Dom.el("output", "bpl-mono bpl-deriv-value");
        out.setAttribute("data-testid", testId);
        return out;
    }

    private static HTMLElement labelled(String text, HTMLElement control) {
        HTMLElement label = Dom.el("label", "bpl-label");
        label.appendChild(Dom.text("span", "", text));
        label.appendChild(control);
        return label;
    }
}
