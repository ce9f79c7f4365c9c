package org.backproplab.ui.chart;

import org.backproplab.engine.Numbers;
import org.backproplab.layout.RunRange;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.TextRectangle;
import org.teavm.jso.dom.xml.Element;

/**
 * A line chart of values against the step, drawn on an {@link Axes} frame: train and test loss, or train and test
 * accuracy. Big type and thick lines, so it can be read from the back of a classroom; hovering shows the numbers at
 * a step; the loss chart can switch to a log scale. It is redrawn every animation frame while training, so a redraw
 * only rewrites its lines: the frame is rebuilt when its ranges change, and {@link RunRange} rounds those so that
 * happens every few steps, not every step.
 */
public final class LineChart {
    /** One line: a value per step, from step 0. */
    public static final class Series {
        final String name;
        final String colour;
        final boolean dashed;
        /** The values by step; change them only through add, truncate and clear. */
        public double[] values = new double[256];
        public int size;
        /**
         * The smallest and largest finite values of the first {@code scanned}, and the smallest positive one: kept
         * as the series grows, so a chart redrawn every frame does not read every step of a long run each time.
         */
        private int scanned;
        private double lo;
        private double hi;
        private double positiveLo;

        public Series(String name, String colour, boolean dashed) {
            this.name = name;
            this.colour = colour;
            this.dashed = dashed;
            clear();
        }

        public void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        /** Drops the values from step n on (a run resumed or reset at step n). */
        public void truncate(int n) {
            if (n < size) {
                size = Math.max(0, n);
                rescan(); // the range of what is left: read again
            }
        }

        public void clear() {
            size = 0;
            rescan();
        }

        private void rescan() {
            scanned = 0;
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            positiveLo = Double.POSITIVE_INFINITY;
        }

        /** Brings lo, hi and positiveLo up to the values added since the last call. */
        void scan() {
            for (; scanned < size; scanned++) {
                double v = values[scanned];
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    if (v > 0) {
                        positiveLo = Math.min(positiveLo, v);
                    }
                }
            }
        }
    }

    private static final int MAX_POINTS = 250;

    private final HTMLElement root = Dom.el("div", "bpl-chart");
    private final Axes axes;
    private final Element[] paths;
    private final Element hoverLine = Svg.el("line");
    private final Element hint;
    private final HTMLElement readout = Dom.el("div", "bpl-chart-readout");
    private final Series[] series;
    private final boolean fraction;
    private boolean log;
    private int steps;
    private int hoverStep = -1;
    private boolean hintShown = true;

    /**
     * @param fraction values are fractions in [0, 1] (accuracy): a fixed axis from 0 to 1
     * @param logOption offer a log scale (for the loss)
     */
    public LineChart(String title, String testId, boolean fraction, boolean logOption, Series... series) {
        this.series = series;
        this.fraction = fraction;
        root.setAttribute("data-testid", testId);
        root.appendChild(head(title, testId, logOption));
        // The page heading names the chart and the step labels speak for themselves: no axis titles. The left
        // margin fits y labels of up to four characters ("0.25", "10⁻²"), so the stacked charts line up; longer
        // ones widen it.
        axes = new Axes(title, "", "").fontSize(13).margins(10, 18, 26, 44).wholeNumbersOnX();
        Element svg = axes.element();
        svg.setAttribute("class", "bpl-axes bpl-chart-svg");
        // The lines go in the unclipped layer: the y range holds every value, and a line along the top or the
        // bottom (100% accuracy, a loss near 0) keeps its full width there.
        Element marks = axes.marks();
        paths = new Element[series.length];
        for (int i = 0; i < series.length; i++) {
            paths[i] = Svg.path("M0 0", series[i].colour, 2.6);
            if (series[i].dashed) {
                paths[i].setAttribute("stroke-dasharray", "7 4");
                paths[i].setAttribute("stroke-linecap", "butt"); // round caps would close the gaps
            }
            marks.appendChild(paths[i]);
        }
        hoverLine.setAttribute("stroke", "#1d2430");
        hoverLine.setAttribute("stroke-dasharray", "3 3");
        hoverLine.setAttribute("visibility", "hidden");
        marks.appendChild(hoverLine);
        hint = Svg.halo(Svg.text(0, 0, "Press Play or Step to start.", "middle", "#3b4556"));
        hint.setAttribute("dy", "0.34em");
        marks.appendChild(hint);
        HTMLElement wrap = Dom.el("div", "bpl-chart-body");
        wrap.appendChild(svg);
        readout.setAttribute("data-testid", testId + "-readout");
        readout.setHidden(true);
        wrap.appendChild(readout);
        root.appendChild(wrap);
        Dom.on(svg, "mousemove", e -> hover((MouseEvent) e));
        Dom.on(svg, "mouseleave", e -> {
            hoverStep = -1;
            hoverLine.setAttribute("visibility", "hidden");
            readout.setHidden(true);
        });
        Dom.observeSize(wrap, (w, h) -> {
            if (axes.size(w, h)) {
                draw();
            }
        });
    }

    /** The title, a key to the lines, and the log scale box if offered. */
    private HTMLElement head(String title, String testId, boolean logOption) {
        HTMLElement head = Dom.el("div", "bpl-chart-head");
        head.appendChild(Dom.text("h2", "", title));
        HTMLElement legend = Dom.el("span", "bpl-chart-legend");
        for (Series s : series) {
            HTMLElement key = Dom.el("span", "bpl-chart-key");
            HTMLElement swatch = Dom.el("span", s.dashed ? "bpl-swatch bpl-swatch-dashed" : "bpl-swatch");
            swatch.getStyle().setProperty("border-color", s.colour);
            key.appendChild(swatch);
            key.appendChild(Dom.text("span", "", s.name));
            legend.appendChild(key);
        }
        head.appendChild(legend);
        if (logOption) {
            HTMLElement label = Dom.el("label", "bpl-label bpl-chart-log");
            HTMLInputElement box = (HTMLInputElement) Dom.el("input", "");
            box.setAttribute("type", "checkbox");
            box.setAttribute("data-testid", testId + "-log");
            label.appendChild(box);
            label.appendChild(Dom.text("span", "", "log scale"));
            Dom.on(box, "change", e -> {
                log = box.isChecked();
                draw();
            });
            head.appendChild(label);
        }
        return head;
    }

    public HTMLElement element() {
        return root;
    }

    /** Redraws from the series' current values: the lines always, the frame only if its ranges changed. */
    public void draw() {
        steps = 0;
        for (Series s : series) {
            steps = Math.max(steps, s.size);
        }
        if (!axes.hasSize()) {
            return; // not shown yet: the size observer draws when it is
        }
        double[] y = fraction ? new double[] {0, 1} : yRange();
        axes.frame(false, 0, RunRange.stepEnd(steps - 1), log, y[0], y[1]);
        for (int i = 0; i < series.length; i++) {
            paths[i].setAttribute("d", pathData(series[i]));
        }
        boolean empty = steps < 2;
        if (empty != hintShown) { // drawn every other frame while training: only what changed is written
            hintShown = empty;
            hint.setAttribute("visibility", empty ? "visible" : "hidden");
        }
        if (empty) {
            hint.setAttribute("x", Svg.r((axes.plotLeft() + axes.plotRight()) / 2));
            hint.setAttribute("y", Svg.r((axes.plotTop() + axes.plotBottom()) / 2));
        }
        if (hoverStep >= 0) {
            hoverStep = Math.min(hoverStep, Math.max(0, steps - 1)); // the run may have been reset under the mouse
            showReadout();
        }
    }

    /** The range of the finite values (the positive ones on a log scale), rounded as {@link RunRange} does. */
    private double[] yRange() {
        return range(series, log);
    }

    /** The range of the series' finite values (positive ones on a log scale), as {@link RunRange} rounds it. */
    static double[] range(Series[] series, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            s.scan();
            lo = Math.min(lo, log ? s.positiveLo : s.lo);
            hi = Math.max(hi, s.hi);
        }
        return log ? RunRange.log(lo, hi) : RunRange.linear(lo, hi);
    }

    /**
     * The series as SVG path data, at most about {@link #MAX_POINTS} points so a long run stays cheap to draw; a gap
     * where a value can't be drawn (NaN, or not positive on a log scale).
     */
    private String pathData(Series s) {
        StringBuilder d = new StringBuilder();
        int stride = Math.max(1, s.size / MAX_POINTS);
        boolean pen = false;
        for (int k = 0; k < s.size; k += stride) {
            double py = axes.y().apply(s.values[k]);
            if (!Double.isFinite(py)) {
                pen = false;
                continue;
            }
            Svg.r(d.append(pen ? " L" : " M"), axes.x().apply(k)).append(' ');
            Svg.r(d, py);
            pen = true;
        }
        return d.length() == 0 ? "M0 0" : d.toString();
    }

    private void hover(MouseEvent e) {
        if (steps == 0 || !axes.hasSize()) {
            return;
        }
        TextRectangle box = Dom.rect(axes.element());
        double step = axes.x().invert(e.getClientX() - box.getLeft());
        hoverStep = Math.max(0, Math.min(steps - 1, Palette.nearest(step)));
        showReadout();
    }

    private void showReadout() {
        double px = axes.x().apply(hoverStep);
        hoverLine.setAttribute("x1", Svg.r(px));
        hoverLine.setAttribute("x2", Svg.r(px));
        hoverLine.setAttribute("y1", Svg.r(axes.plotTop()));
        hoverLine.setAttribute("y2", Svg.r(axes.plotBottom()));
        hoverLine.setAttribute("visibility", "visible");
        StringBuilder text = new StringBuilder("step " + hoverStep);
        for (Series s : series) {
            if (hoverStep < s.size) {
                text.append("   ").append(s.name).append(' ').append(fraction
                        ? Numbers.fixed(s.values[hoverStep] * 100, 0) + "%" : Numbers.compact(s.values[hoverStep], 4));
            }
        }
        readout.setTextContent(text.toString());
        readout.setHidden(false);
    }
}
