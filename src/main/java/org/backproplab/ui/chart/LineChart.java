package org.backproplab.ui.chart;

import org.backproplab.engine.Numbers;
import org.backproplab.layout.Scale;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * A line chart of values against the step: train and test loss, or train and test accuracy. Big type and thick
 * lines, so it can be read from the back of a classroom; hovering shows the numbers at a step; the loss chart can
 * switch to a log scale.
 */
public final class LineChart {
    /** One line: a value per step, from step 0. */
    public static final class Series {
        final String name;
        final String colour;
        final boolean dashed;
        public double[] values = new double[256];
        public int size;

        public Series(String name, String colour, boolean dashed) {
            this.name = name;
            this.colour = colour;
            this.dashed = dashed;
        }

        public void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        public void clear() {
            size = 0;
        }

        double last() {
            return size == 0 ? Double.NaN : values[size - 1];
        }
    }

    private static final double LEFT = 52;
    private static final double RIGHT = 12;
    private static final double TOP = 12;
    private static final double BOTTOM = 30;
    private static final int MAX_POINTS = 250;

    private final HTMLElement root = Dom.el("div", "bpl-chart");
    private final Element svg = Svg.el("svg");
    private final Element grid = Svg.el("g");
    private final Element lines = Svg.el("g");
    private final Element hoverLine = Svg.el("line");
    private final HTMLElement readout = Dom.el("div", "bpl-chart-readout");
    private final HTMLElement logToggle;
    private final Series[] series;
    private final boolean fraction;
    private boolean log;
    private double width = 320;
    private double height = 170;
    private int hoverStep = -1;
    private double yLo;
    private double yHi;
    private int steps;
    private String axesKey = "";
    private final Element[] paths;

    /**
     * @param fraction values are fractions in [0, 1] (accuracy): a fixed axis from 0 to 1
     * @param logOption offer a log scale (for the loss)
     */
    public LineChart(String title, String testId, boolean fraction, boolean logOption, Series... series) {
        this.series = series;
        this.fraction = fraction;
        root.setAttribute("data-testid", testId);
        HTMLElement head = Dom.el("div", "bpl-chart-head");
        head.appendChild(Dom.text("h3", "", title));
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
            HTMLElement box = Dom.el("input", "");
            box.setAttribute("type", "checkbox");
            box.setAttribute("data-testid", testId + "-log");
            label.appendChild(box);
            label.appendChild(Dom.text("span", "", "log scale"));
            Dom.on(box, "change", e -> {
                log = ((org.teavm.jso.dom.html.HTMLInputElement) box).isChecked();
                axesKey = "";
                draw();
            });
            head.appendChild(label);
            logToggle = label;
        } else {
            logToggle = null;
        }
        root.appendChild(head);
        svg.setAttribute("class", "bpl-chart-svg");
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", title);
        svg.appendChild(grid);
        svg.appendChild(lines);
        paths = new Element[series.length];
        for (int i = 0; i < series.length; i++) {
            Element path = Svg.el("path");
            path.setAttribute("fill", "none");
            path.setAttribute("stroke", series[i].colour);
            path.setAttribute("stroke-width", "2.6");
            path.setAttribute("stroke-linejoin", "round");
            if (series[i].dashed) {
                path.setAttribute("stroke-dasharray", "7 4");
            }
            lines.appendChild(path);
            paths[i] = path;
        }
        hoverLine.setAttribute("stroke", "#1d2430");
        hoverLine.setAttribute("stroke-dasharray", "3 3");
        hoverLine.setAttribute("visibility", "hidden");
        svg.appendChild(hoverLine);
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
            if (w > 0) {
                width = w;
                height = Math.max(120, h);
                axesKey = "";
                draw();
            }
        });
    }

    public HTMLElement element() {
        return root;
    }

    /** Redraws from the series' current values; the axes are rebuilt only when their ticks change. */
    public void draw() {
        steps = 0;
        for (Series s : series) {
            steps = Math.max(steps, s.size);
        }
        yRange();
        double pw = width - LEFT - RIGHT;
        double ph = height - TOP - BOTTOM;
        String key = width + " " + height + " " + log + " " + yLo + " " + yHi + " "
                + String.join(",", stepTicks(pw).labels());
        if (!key.equals(axesKey)) {
            axesKey = key;
            svg.setAttribute("viewBox", "0 0 " + Svg.r(width) + " " + Svg.r(height));
            Dom.clear(grid);
            axes(pw, ph);
            if (steps < 2) {
                text(LEFT + pw / 2, TOP + ph / 2, "Press Play or Step to start.", "middle");
            }
        }
        for (int i = 0; i < series.length; i++) {
            Series s = series[i];
            StringBuilder d = new StringBuilder();
            int stride = Math.max(1, s.size / MAX_POINTS);
            boolean pen = false;
            for (int k = 0; k < s.size; k += stride) {
                double y = y(s.values[k], ph);
                if (Double.isNaN(y)) {
                    pen = false;
                    continue;
                }
                d.append(pen ? " L" : " M").append(Svg.r(x(k, pw))).append(' ').append(Svg.r(y));
                pen = true;
            }
            paths[i].setAttribute("d", d.length() == 0 ? "M0 0" : d.toString());
        }
        if (hoverStep >= 0) {
            showReadout();
        }
    }

    private void yRange() {
        if (fraction) {
            yLo = 0;
            yHi = 1;
            return;
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (Series s : series) {
            for (int k = 0; k < s.size; k++) {
                double v = s.values[k];
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = log ? 0.01 : 0;
            hi = 1;
        }
        if (log) {
            yLo = Math.floor(Math.log10(lo));
            yHi = Math.ceil(Math.log10(hi));
            if (yHi <= yLo) {
                yHi = yLo + 1;
            }
        } else {
            yLo = Math.min(0, lo);
            yHi = hi > yLo ? hi * 1.05 : yLo + 1;
        }
    }

    private double x(int step, double pw) {
        return LEFT + (steps <= 1 ? 0 : step * pw / (steps - 1));
    }

    private double y(double v, double ph) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        double t;
        if (log) {
            if (v <= 0) {
                return Double.NaN;
            }
            t = (Math.log10(v) - yLo) / (yHi - yLo);
        } else {
            t = (v - yLo) / (yHi - yLo);
        }
        return TOP + (1 - Math.max(-0.05, Math.min(1.05, t))) * ph;
    }

    private void axes(double pw, double ph) {
        Element frame = Svg.el("path");
        frame.setAttribute("d", "M" + LEFT + " " + TOP + "V" + Svg.r(TOP + ph) + "H" + Svg.r(LEFT + pw));
        frame.setAttribute("stroke", "#5b6472");
        frame.setAttribute("fill", "none");
        grid.appendChild(frame);
        Scale ys = log ? Scale.log(Math.pow(10, yLo), Math.pow(10, yHi), TOP + ph, TOP)
                : Scale.linear(yLo, yHi, TOP + ph, TOP);
        Scale.Ticks yt = ys.ticks(28);
        for (int i = 0; i < yt.at().length; i++) {
            double y = y(yt.at()[i], ph);
            if (Double.isNaN(y)) {
                continue;
            }
            gridLine(LEFT, y, LEFT + pw, y);
            text(LEFT - 6, y, yt.labels()[i], "end");
        }
        Scale.Ticks xt = stepTicks(pw);
        for (int i = 0; i < xt.at().length; i++) {
            if (steps <= 1 && xt.at()[i] > 0) {
                continue; // no steps yet: only 0 has a place
            }
            text(x((int) Math.round(xt.at()[i]), pw), TOP + ph + 16, xt.labels()[i], "middle");
        }
    }

    /** Whole step numbers along the x axis, at least 60 px apart. */
    private Scale.Ticks stepTicks(double pw) {
        int last = Math.max(1, steps - 1);
        return Scale.linear(0, last, LEFT, LEFT + pw).ticks(Math.max(60, pw / last));
    }

    private void gridLine(double x1, double y1, double x2, double y2) {
        Element l = Svg.el("line");
        l.setAttribute("x1", Svg.r(x1));
        l.setAttribute("y1", Svg.r(y1));
        l.setAttribute("x2", Svg.r(x2));
        l.setAttribute("y2", Svg.r(y2));
        l.setAttribute("stroke", "#e3e6eb");
        grid.appendChild(l);
    }

    private void text(double x, double y, String s, String anchor) {
        Element t = Svg.el("text");
        t.setAttribute("x", Svg.r(x));
        t.setAttribute("y", Svg.r(y));
        t.setAttribute("text-anchor", anchor);
        t.setAttribute("dominant-baseline", "middle");
        t.setAttribute("font-size", "13");
        t.setAttribute("fill", "#3b4556");
        t.setTextContent(s);
        grid.appendChild(t);
    }

    private void hover(MouseEvent e) {
        org.teavm.jso.dom.html.TextRectangle box = Dom.rect(svg);
        double mx = (e.getClientX() - box.getLeft()) * width / Math.max(1, box.getWidth());
        double pw = width - LEFT - RIGHT;
        if (steps == 0) {
            return;
        }
        hoverStep = (int) Math.round((mx - LEFT) / Math.max(1, pw) * (steps - 1));
        hoverStep = Math.max(0, Math.min(steps - 1, hoverStep));
        showReadout();
    }

    private void showReadout() {
        double pw = width - LEFT - RIGHT;
        double x = x(hoverStep, pw);
        hoverLine.setAttribute("x1", Svg.r(x));
        hoverLine.setAttribute("x2", Svg.r(x));
        hoverLine.setAttribute("y1", Svg.r(TOP));
        hoverLine.setAttribute("y2", Svg.r(height - BOTTOM));
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
