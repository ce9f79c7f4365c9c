package org.backproplab.ui.derivative;

import java.util.List;
import org.backproplab.engine.FiniteDifference;
import org.backproplab.expr.FunctionOfX;
import org.backproplab.layout.Curve;
import org.backproplab.layout.Scale;
import org.backproplab.ui.chart.Axes;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * Panel 1's log-log chart of the numeric slope's error against h, from 1e-1 down to 1e-32: why h can't simply
 * shrink to zero. The curve for the chosen kind of difference is drawn bold, the other one dashed; the grey band is
 * where x + h == x; a marker shows the current h, the regions are labelled truncation and round-off, and a sentence
 * under the chart explains the current h.
 */
final class ErrorChart {
    private static final int SWEEP_PER_DECADE = 10;
    private static final String OTHER = "#9aa3b0";
    private static final String MUTED = "#5b6472";
    private static final String SECANT = FunctionPlot.SECANT;

    private final Axes chart = new Axes("Error of the numeric slope against h, both on log scales",
            "h  (smaller to the right →)", "|numeric − exact|");
    private final HTMLElement figure = Dom.el("figure", "bpl-deriv-figure bpl-deriv-errors");
    private final HTMLElement key = Dom.el("div", "bpl-deriv-key");
    private final HTMLElement note = Dom.el("p", "bpl-deriv-sentence bpl-deriv-h-note");
    private final double[] hs = FiniteDifference.sweep(SWEEP_PER_DECADE);
    private Slopes at;
    private ErrorCurve forward;
    private ErrorCurve central;

    ErrorChart() {
        figure.appendChild(key);
        HTMLElement box = Dom.el("div", "bpl-deriv-chart");
        chart.element().setAttribute("data-testid", "error-chart");
        chart.margins(24, 24, 44, 56);
        box.appendChild(chart.element());
        figure.appendChild(box);
        note.setAttribute("data-testid", "h-note");
        note.setAttribute("aria-live", "polite");
        figure.appendChild(note);
        Axes.onResize(box, () -> {
            measure();
            draw();
        });
    }

    HTMLElement figure() {
        return figure;
    }

    /** Reads the chart's size from the page: it has one only once it is shown. */
    void measure() {
        chart.measure();
    }

    /** Sweeps h at this x with both kinds of difference, and draws. */
    void show(FunctionOfX f, Slopes slopes) {
        at = slopes;
        forward = ErrorCurve.of(f, slopes.x(), slopes.exact(), hs, false);
        central = ErrorCurve.of(f, slopes.x(), slopes.exact(), hs, true);
        draw();
    }

    void draw() {
        if (at == null || !chart.hasSize()) {
            return;
        }
        ErrorCurve active = at.central() ? central : forward;
        ErrorCurve other = at.central() ? forward : central;
        frame(active, other);
        chart.clearDrawing();
        double lost = active.lostBelow();
        lostBand(lost);
        if (Double.isFinite(at.exact())) {
            curves(active, other);
            double[] taken = marker(active);
            regionLabels(active, lost, taken);
        }
        Sentences.Sentence said = Sentences.explainH(at, active);
        note.setTextContent(said.text());
        note.setAttribute("data-value", said.kind());
        showKey();
    }

    /** Log scales from the smallest error up to the largest, with room above a plateau. */
    private void frame(ErrorCurve active, ErrorCurve other) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (ErrorCurve curve : new ErrorCurve[] {active, other}) {
            for (double e : curve.errors()) {
                if (e > 0 && Double.isFinite(e)) {
                    smallest = Math.min(smallest, e);
                    largest = Math.max(largest, e);
                }
            }
        }
        int top = largest > 0 ? (int) Math.ceil(Math.log10(largest) + 0.35) : 1;
        int bottom = smallest < Double.POSITIVE_INFINITY ? (int) Math.floor(Math.log10(smallest)) : top - 18;
        top = Math.min(Math.max(top, bottom + 4), 30);
        bottom = Math.max(bottom, -22);
        chart.frame(true, hs[0], hs[hs.length - 1], true, FiniteDifference.powerOfTen(bottom),
                FiniteDifference.powerOfTen(top));
    }

    /** The grey band from the largest lost h on down, labelled when there is room. */
    private void lostBand(double lost) {
        if (Double.isNaN(lost)) {
            return;
        }
        double from = chart.x().apply(lost);
        Element band = Svg.el("rect");
        band.setAttribute("x", Svg.r(from));
        band.setAttribute("y", Svg.r(chart.plotTop()));
        band.setAttribute("width", Svg.r(chart.plotRight() - from));
        band.setAttribute("height", Svg.r(chart.plotBottom() - chart.plotTop()));
        band.setAttribute("fill", "#eceff3");
        band.setAttribute("data-testid", "lost-band");
        chart.data().appendChild(band);
        if (chart.plotRight() - from > 90) {
            Element label = Svg.text((from + chart.plotRight()) / 2, chart.plotBottom() - 10,
                    Sentences.lostLabel(at.central()), "middle", MUTED);
            chart.marks().appendChild(Svg.halo(label));
        }
    }

    private void curves(ErrorCurve active, ErrorCurve other) {
        Element data = chart.data();
        Element otherPath = Svg.path(chart.pathData(logPieces(other)), OTHER, 1.6);
        otherPath.setAttribute("stroke-dasharray", "5 4");
        otherPath.setAttribute("data-testid", other.central() ? "central-errors" : "forward-errors");
        data.appendChild(otherPath);
        Element activePath = Svg.path(chart.pathData(logPieces(active)), SECANT, 2.2);
        activePath.setAttribute("data-testid", active.central() ? "central-errors" : "forward-errors");
        data.appendChild(activePath);
        // Where the error is exactly 0, log scales can't go: a short mark on the bottom edge says so instead.
        for (int i = 0; i < hs.length; i++) {
            if (active.errors()[i] == 0) {
                double px = chart.x().apply(hs[i]);
                Element m = Svg.line(px, chart.plotBottom() - 6, px, chart.plotBottom(), SECANT, 2);
                m.setAttribute("data-testid", "zero-error");
                data.appendChild(m);
            }
        }
    }

    /** The error curve in log10 units, cut where the error is 0 (log of 0) or the nudge was lost. */
    private List<double[]> logPieces(ErrorCurve curve) {
        Scale hx = chart.x();
        Scale ey = chart.y();
        double[] u = new double[hs.length];
        double[] v = new double[hs.length];
        for (int i = 0; i < hs.length; i++) {
            u[i] = hx.unit(hs[i]);
            v[i] = curve.errors()[i] > 0 ? ey.unit(curve.errors()[i]) : Double.NaN;
        }
        return Curve.pieces(u, v, ey.unit(ey.min()), ey.unit(ey.max()));
    }

    /**
     * The current h: a dashed line, a dot at its error (on the bottom edge when the error is 0) and the label
     * "h = …".
     * Returns the label's box (left, right, top, bottom), which the region labels keep clear of.
     */
    private double[] marker(ErrorCurve active) {
        double h = at.h();
        double err = at.error();
        double hxPx = chart.x().apply(h);
        Element now = Svg.line(hxPx, chart.plotTop(), hxPx, chart.plotBottom(), SECANT, 1.2);
        now.setAttribute("stroke-dasharray", "3 3");
        now.setAttribute("data-testid", "h-marker");
        now.setAttribute("data-value", Double.toString(h));
        chart.data().appendChild(now);
        double ePx = err > 0 ? Math.max(chart.plotTop(), Math.min(chart.plotBottom(), chart.y().apply(err)))
                : chart.plotBottom();
        Element dot = Svg.circle(hxPx, ePx, 5.5, err > 0 ? SECANT : "#fff", SECANT);
        dot.setAttribute("stroke-width", "2");
        dot.setAttribute("data-testid", "h-dot");
        dot.setAttribute("data-value", Double.toString(err));
        chart.marks().appendChild(dot);
        // The label goes above the dot (below it when the dot is high), on the side where the curve leaves room.
        boolean below = ePx < (chart.plotTop() + chart.plotBottom()) / 2;
        double leftY = curveY(active, hxPx - 40);
        double rightY = curveY(active, hxPx + 40);
        boolean right = below ? rightY < leftY : rightY > leftY;
        boolean cramped = right ? hxPx + 80 > chart.plotRight() : hxPx - 80 < chart.plotLeft();
        if (cramped) { // no room on the better side: take the other side, and the other side of the dot
            right = !right;
            below = !below && ePx + 28 < chart.plotBottom() || below && ePx - 24 < chart.plotTop();
        }
        String text = "h = " + Sentences.hText(h);
        double y = below ? ePx + 24 : ePx - 12;
        double width = 7.5 * text.length();
        Element label = Svg.text(hxPx + (right ? 7 : -7), y, text, right ? "start" : "end", SECANT);
        label.setAttribute("font-weight", "600");
        chart.marks().appendChild(Svg.halo(label));
        return new double[] {right ? hxPx : hxPx - 7 - width, right ? hxPx + 7 + width : hxPx, y - 13, y + 3};
    }

    /** The pixel height of an error curve at a pixel across (the bottom edge where the error is 0). */
    private double curveY(ErrorCurve curve, double px) {
        double at = chart.x().invert(px);
        int i = 0;
        while (i < hs.length - 1 && hs[i] > at) {
            i++;
        }
        double e = curve.errors()[i];
        return e > 0 ? Math.max(chart.plotTop(), Math.min(chart.plotBottom(), chart.y().apply(e))) : chart.plotBottom();
    }

    /**
     * "truncation" over the stretch left of the best h, "round-off" right of it, where each has room and does not
     * sit on the h marker's label.
     */
    private void regionLabels(ErrorCurve active, double lost, double[] taken) {
        int best = active.best();
        if (best < 0) {
            return;
        }
        double bestPx = chart.x().apply(hs[best]);
        double lostPx = Double.isNaN(lost) ? chart.plotRight() : chart.x().apply(lost);
        regionLabel(active, chart.plotLeft(), bestPx, taken, "truncation");
        regionLabel(active, bestPx, lostPx, taken, "round-off");
    }

    /**
     * A region's name over its stretch of the curve: a box the text's width, centred on the stretch, slides along
     * it until it is clear of the h marker and its label, and the text sits just above the highest point of the
     * curve under it. Nothing if no spot is clear.
     */
    private void regionLabel(ErrorCurve curve, double from, double to, double[] taken, String text) {
        if (to - from < 40) {
            return;
        }
        double width = 7 * text.length();
        double markerPx = chart.x().apply(at.h());
        for (double t : new double[] {0.5, 0.35, 0.65, 0.2, 0.8, 0, 1}) {
            double left = Math.max(chart.plotLeft() + 3, Math.min(chart.plotRight() - 3 - width,
                    from + t * (to - from) - width / 2));
            double right = left + width;
            double centre = (left + right) / 2;
            if (centre < from || centre > to || (markerPx > left - 12 && markerPx < right + 12)) {
                continue;
            }
            double top = chart.plotBottom();
            for (double px = left; px <= right; px += 4) {
                top = Math.min(top, curveY(curve, px));
            }
            double baseline = top - 7;
            boolean overlaps = left < taken[1] + 4 && right > taken[0] - 4 && baseline - 12 < taken[3] + 3
                    && baseline > taken[2] - 3;
            if (baseline < chart.plotTop() + 12 || overlaps) {
                continue;
            }
            Element label = Svg.text(left, baseline, text, "start", FunctionPlot.INK);
            label.setAttribute("font-style", "italic");
            chart.marks().appendChild(Svg.halo(label));
            return;
        }
    }

    /** The key over the chart, with the current kind of difference in bold. */
    private void showKey() {
        boolean isCentral = at.central();
        key.setTextContent("");
        HTMLElement forwardKey = Parts.key(isCentral ? "bpl-key-other" : "bpl-key-secant", "forward differences");
        HTMLElement centralKey = Parts.key(isCentral ? "bpl-key-secant" : "bpl-key-other", "central differences");
        (isCentral ? centralKey : forwardKey).setClassName("bpl-deriv-key-item bpl-deriv-key-active");
        key.appendChild(forwardKey);
        key.appendChild(centralKey);
    }
}
