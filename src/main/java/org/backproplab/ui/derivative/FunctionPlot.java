package org.backproplab.ui.derivative;

import java.util.List;
import java.util.function.DoubleConsumer;
import org.backproplab.engine.Numbers;
import org.backproplab.expr.FunctionOfX;
import org.backproplab.layout.Curve;
import org.backproplab.ui.chart.Axes;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.PointerEvent;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.TextRectangle;
import org.teavm.jso.dom.xml.Element;

/**
 * Panel 1's plot: f over the plot range, the point at x, the tangent with backward's exact slope, the secant of the
 * nudge h through the point x + h, a colour key, and a note when the point can't be shown. Dragging the point (or
 * clicking the plot) hands the new x to the panel, which owns x and asks the plot to draw.
 */
final class FunctionPlot {
    static final String SECANT = "#7b3fc4";
    static final String INK = "#1d2430";
    private static final String CURVE = "#2f62c0";
    private static final String TANGENT = "#e8590c";
    private static final int SAMPLES = 401;

    private final Axes plot = new Axes("Plot of f(x) with the tangent and the secant at x", "x", "f(x)");
    private final HTMLElement figure = Dom.el("figure", "bpl-deriv-figure bpl-deriv-plot");
    private final HTMLElement key = Dom.el("div", "bpl-deriv-key");
    private final HTMLElement note = Dom.el("div", "bpl-deriv-plot-note");
    private final DoubleConsumer moveX;
    private final Runnable dragEnded;

    // what is plotted: the last good function, sampled over the range, and the numbers at x
    private FunctionOfX function;
    private double xmin;
    private double xmax;
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private double yLow = -1;
    private double yHigh = 1;
    private Slopes at;
    private String curveKey = "";          // the size and samples the curve's path was made for
    private String curvePath = "";
    private int curvePieces;
    private int samples;                   // counts resamplings, for curveKey

    private boolean dragging;
    private double draggedTo = Double.NaN; // the x a drag asked for, applied once per animation frame
    private int dragFrame = -1;

    /** moveX gets each x the pointer asks for; dragEnded runs when the pointer lets go. */
    FunctionPlot(DoubleConsumer moveX, Runnable dragEnded) {
        this.moveX = moveX;
        this.dragEnded = dragEnded;
        key.setAttribute("data-testid", "plot-key");
        figure.appendChild(key);
        HTMLElement box = Dom.el("div", "bpl-deriv-chart");
        plot.element().setAttribute("data-testid", "plot");
        box.appendChild(plot.element());
        note.setAttribute("data-testid", "plot-note");
        note.setHidden(true);
        box.appendChild(note);
        figure.appendChild(box);
        figure.appendChild(Dom.text("figcaption", "bpl-hint", "Drag the point or click the plot to move x. "
                + "Keys: ← → move x, [ ] make h 10× larger or smaller, C for central differences."));
        Axes.onResize(box, () -> {
            measure();
            draw();
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

    HTMLElement figure() {
        return figure;
    }

    /** Reads the plot's size from the page: it has one only once it is shown. */
    void measure() {
        plot.measure();
    }

    /** Samples f over the range: only when the function or the range changes, not when x moves. */
    void sample(FunctionOfX f, double from, double to) {
        function = f;
        xmin = from;
        xmax = to;
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

    /** Draws the point, the tangent and the secant for these numbers. */
    void show(Slopes slopes) {
        at = slopes;
        draw();
    }

    /** A note over the plot, until the next drawing. */
    void message(String text) {
        note.setTextContent(text);
        note.setHidden(false);
    }

    void draw() {
        if (function == null || at == null || !plot.hasSize()) {
            return;
        }
        plot.frame(false, xmin, xmax, false, yLow, yHigh);
        plot.clearDrawing();
        drawCurve();
        boolean visible = xmin <= at.x() && at.x() <= xmax;
        boolean defined = Double.isFinite(at.fx());
        note.setHidden(true);
        String why = Sentences.plotNote(at.x(), visible, defined);
        if (why != null) {
            message(why);
        }
        drawLines(visible && defined);
        if (visible && defined) {
            drawPoint();
        }
        Element svg = plot.element();
        svg.setAttribute("tabindex", "0");
        svg.setAttribute("aria-label", Sentences.plotLabel(function.text(), at.x()));
        key.setTextContent("");
        key.appendChild(Parts.key("bpl-key-curve", "f(x)"));
        key.appendChild(Parts.key("bpl-key-tangent", Sentences.tangentKey(at.exact())));
        key.appendChild(Parts.key("bpl-key-secant", Sentences.secantKey(at.numeric())));
    }

    private void drawCurve() {
        String size = plot.width() + "x" + plot.height() + "#" + samples;
        if (!size.equals(curveKey)) { // x moved but the curve did not: keep its path
            List<double[]> pieces = Curve.pieces(xs, ys, yLow, yHigh);
            curvePath = plot.pathData(pieces);
            curvePieces = pieces.size();
            curveKey = size;
        }
        Element curve = Svg.path(curvePath, CURVE, 2.4);
        curve.setAttribute("data-testid", "curve");
        curve.setAttribute("data-pieces", Integer.toString(curvePieces));
        curve.setAttribute("data-fx", function.text());
        plot.data().appendChild(curve);
    }

    /** The dashed guide down from the point (when it shows), the tangent and the secant. */
    private void drawLines(boolean pointShown) {
        Element data = plot.data();
        double x = at.x();
        double px = plot.x().apply(x);
        double py = plot.y().apply(at.fx());
        double span = (xmax - xmin) * 0.22;
        if (pointShown) {
            Element guide = Svg.line(px, py, px, plot.plotBottom(), INK, 1);
            guide.setAttribute("stroke-dasharray", "2 3");
            guide.setAttribute("opacity", "0.5");
            data.appendChild(guide);
        }
        if (Double.isFinite(at.fx()) && Double.isFinite(at.exact())) {
            Element tangent = lineThrough(x, at.fx(), at.exact(), span, TANGENT, 2.2);
            if (tangent != null) {
                tangent.setAttribute("data-testid", "tangent");
                tangent.setAttribute("data-slope", Double.toString(at.exact()));
                data.appendChild(tangent);
            }
        }
        double x1 = at.central() ? x - at.h() : x;
        double f1 = function.at(x1);
        if (Double.isFinite(at.numeric()) && Double.isFinite(f1)) {
            Element secant = lineThrough(x1, f1, at.numeric(), span, SECANT, 2);
            if (secant != null) {
                secant.setAttribute("data-testid", "secant");
                secant.setAttribute("data-slope", Double.toString(at.numeric()));
                secant.setAttribute("stroke-dasharray", "7 5");
                data.appendChild(secant);
            }
        }
    }

    /** The line through (x0, y0) with the given slope, over x0 ± span, clipped near the plotting area. */
    private Element lineThrough(double x0, double y0, double slope, double span, String stroke, double width) {
        double a = x0 - span;
        double b = x0 + span;
        return plot.segment(plot.x().apply(a), plot.y().apply(y0 + slope * (a - x0)), plot.x().apply(b),
                plot.y().apply(y0 + slope * (b - x0)), stroke, width);
    }

    /** The nudged point x + h, the label "x = …" and the point itself with a larger ring to grab it by. */
    private void drawPoint() {
        Element marks = plot.marks();
        double px = plot.x().apply(at.x());
        double py = plot.y().apply(at.fx());
        double qx = plot.x().apply(at.x() + at.h());
        double qy = plot.y().apply(function.at(at.x() + at.h()));
        if (Double.isFinite(qy) && Math.hypot(qx - px, qy - py) >= 5) {
            Element nudged = Svg.circle(qx, qy, 4, "#fff", SECANT);
            nudged.setAttribute("stroke-width", "2");
            marks.appendChild(nudged);
        }
        Element xLabel = Svg.halo(Svg.text(px + 5, plot.plotBottom() - 6, Sentences.xLabel(at.x()), "start", INK));
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
        point.setAttribute("data-x", Double.toString(at.x()));
        point.setAttribute("data-y", Double.toString(at.fx()));
        point.setAttribute("class", "bpl-deriv-handle");
        marks.appendChild(point);
    }

    // ---- dragging the point ----

    private void pointerDown(Event e) {
        PointerEvent p = (PointerEvent) e;
        if (function == null || (p.getButton() != 0 && p.getPointerType().equals("mouse"))) {
            return;
        }
        double[] local = local(p);
        if (!plot.inside(local[0], local[1])) {
            return;
        }
        dragging = true;
        Dom.capturePointer(plot.element(), p.getPointerId());
        e.preventDefault();
        moveX.accept(pointerX(p));
    }

    private double[] local(PointerEvent p) {
        TextRectangle r = Dom.rect(plot.element());
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
            moveX.accept(draggedTo);
            draggedTo = Double.NaN;
        }
    }

    private void endDrag() {
        if (dragging) {
            dragging = false;
            applyDrag();
            dragEnded.run();
        }
    }

    /** A value rounded to the power of ten just below the step, so dragging gives 2.37, not 2.3712938. */
    static double snap(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
        double unit = Math.pow(10, -decimals);
        return Numbers.parse(Numbers.fixed(Math.round(v / unit) * unit, Math.min(decimals, 12)));
    }
}
