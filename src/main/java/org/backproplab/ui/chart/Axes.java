package org.backproplab.ui.chart;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.layout.Scale;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.TextRectangle;
import org.teavm.jso.dom.xml.Element;

/**
 * An SVG chart frame that any view can draw into: a plotting area with a grid, ticks and tick labels on both axes,
 * a title for each, and linear or log scales ({@link Scale}). What the owner draws goes in two layers: {@link #data()}
 * is clipped to the plotting area, {@link #marks()} is not (labels, markers on the edge). The frame sizes itself to
 * its box in the page: the owner calls {@link #measure()} (or {@link #size}, with a size it was told) before drawing
 * and redraws when {@link #onResize} fires. The left margin widens to fit the y labels, whatever their magnitude.
 * Colours and fonts are SVG attributes, so the frame looks the same wherever it is used, without a stylesheet.
 * The derivative view and the trainer's line charts draw on it.
 */
public final class Axes {
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, 'Noto Sans', sans-serif";
    private static final String GRID = "#e3e7ed";
    private static final String MINOR_GRID = "#f0f2f5";
    private static final String AXIS = "#8c95a3";
    private static final String LABEL = "#4d5665";
    private static final double TICK = 5;

    private static int instances;

    private final Element svg = Svg.el("svg");
    private final Element clipRect = Svg.el("rect");
    private final Element grid = Svg.el("g");
    private final Element data = Svg.el("g");
    private final Element frame = Svg.el("g");
    private final Element marks = Svg.el("g");
    private final Marks gridLines = new Marks(null);
    private final Marks tickLines = new Marks(null);
    private final Marks xLabels = new Marks("middle");
    private final Marks yLabels = new Marks("end");
    private final Element box = Svg.el("rect");
    private Element xTitleText;
    private Element yTitleText;
    private final String xTitle;
    private final String yTitle;
    private double top = 24;
    private double right = 14;
    private double bottom = 44;
    private double minLeft = 50;
    private double left = 50; // minLeft, or wider for long y labels
    private double fontSize = 11.5;
    private boolean wholeX;
    private double width;
    private double height;
    private Scale x = Scale.linear(0, 1, 0, 1);
    private Scale y = Scale.linear(0, 1, 1, 0);
    /** The scales and size of the frame on show (see frame()), or null to draw it afresh. */
    private double[] drawn;

    /** A chart with an accessible name and axis titles (the y title sits above the plotting area, unrotated). */
    public Axes(String label, String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        String clipId = "bpl-axes-clip-" + (++instances);
        svg.setAttribute("class", "bpl-axes");
        svg.setAttribute("xmlns", Svg.NS);
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", label);
        svg.setAttribute("font-family", FONT);
        svg.setAttribute("font-size", Svg.r(fontSize));
        Element defs = Svg.el("defs");
        Element clip = Svg.el("clipPath");
        clip.setAttribute("id", clipId);
        clip.appendChild(clipRect);
        defs.appendChild(clip);
        svg.appendChild(defs);
        data.setAttribute("clip-path", "url(#" + clipId + ")");
        svg.appendChild(grid);
        svg.appendChild(data);
        svg.appendChild(frame);
        svg.appendChild(marks);
        grid.appendChild(gridLines.group);
        frame.appendChild(tickLines.group);
        frame.appendChild(xLabels.group);
        frame.appendChild(yLabels.group);
        box.setAttribute("fill", "none");
        box.setAttribute("stroke", AXIS);
        frame.appendChild(box);
    }

    public Element element() {
        return svg;
    }

    /** Room around the plotting area for tick labels and titles, in pixels. */
    public Axes margins(double top, double right, double bottom, double left) {
        this.top = top;
        this.right = right;
        this.bottom = bottom;
        this.minLeft = left;
        this.left = left;
        drawn = null;
        return this;
    }

    /** The size of the tick labels, in pixels (the titles are one pixel larger). */
    public Axes fontSize(double pixels) {
        fontSize = pixels;
        svg.setAttribute("font-size", Svg.r(pixels));
        drawn = null;
        return this;
    }

    /** Ticks on x at whole numbers only (steps of a run, say): never 0.5 when the range is short. */
    public Axes wholeNumbersOnX() {
        wholeX = true;
        drawn = null;
        return this;
    }

    /**
     * Reads the chart's size from the page; false while it has none (not shown yet), and then nothing is drawn.
     * Reading a size forces the browser to lay the page out, so call this when shown or resized, not per redraw.
     */
    public boolean measure() {
        TextRectangle r = Dom.rect(svg);
        return size(r.getWidth(), r.getHeight());
    }

    /** Takes the chart's size in pixels from its owner (from a resize observer, say); as {@link #measure()}. */
    public boolean size(double width, double height) {
        this.width = width;
        this.height = height;
        return hasSize();
    }

    /** True once measured with room for a plotting area. */
    public boolean hasSize() {
        return width > minLeft + right + 20 && height > top + bottom + 20;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double plotLeft() {
        return left;
    }

    public double plotRight() {
        return width - right;
    }

    public double plotTop() {
        return top;
    }

    public double plotBottom() {
        return height - bottom;
    }

    /** Sets both scales (from/to: the data at the left/right edge; low/high: at the bottom/top), draws the frame. */
    public void frame(boolean xLog, double xFrom, double xTo, boolean yLog, double yLow, double yHigh) {
        double[] key = {xLog ? 1 : 0, xFrom, xTo, yLog ? 1 : 0, yLow, yHigh, width, height};
        if (same(key, drawn)) {
            return; // the same frame as drawn: moving a point over a chart should not rebuild its grid
        }
        drawn = key;
        // y first: its ticks do not depend on the left margin, and the margin must fit their labels.
        y = yLog ? Scale.log(yLow, yHigh, plotBottom(), plotTop())
                : Scale.linear(yLow, yHigh, plotBottom(), plotTop());
        Scale.Ticks yt = y.ticks(30);
        left = Math.min(width / 2, Math.max(minLeft, yt.labelWidth(fontSize) + TICK + 8));
        x = xLog ? Scale.log(xFrom, xTo, plotLeft(), plotRight()) : Scale.linear(xFrom, xTo, plotLeft(), plotRight());
        double unit = wholeX && !xLog ? Math.abs(x.apply(1) - x.apply(0)) : 0;
        Scale.Ticks xt = x.ticks(Math.max(xLog ? 50 : 64, unit));
        plotArea(clipRect);
        gridLines.start();
        tickLines.start();
        xLabels.start();
        yLabels.start();
        for (double m : xt.minor()) {
            double px = x.apply(m);
            gridLines.line(px, plotTop(), px, plotBottom(), MINOR_GRID, "1");
        }
        for (double m : yt.minor()) {
            double py = y.apply(m);
            gridLines.line(plotLeft(), py, plotRight(), py, MINOR_GRID, "1");
        }
        for (int i = 0; i < xt.at().length; i++) {
            double px = x.apply(xt.at()[i]);
            boolean zero = !xLog && xt.at()[i] == 0;
            gridLines.line(px, plotTop(), px, plotBottom(), zero ? AXIS : GRID, zero ? "1.2" : "1");
            tickLines.line(px, plotBottom(), px, plotBottom() + TICK, AXIS, "1");
            xLabels.text(px, plotBottom() + TICK + fontSize + 1.5, xt.labels()[i]);
        }
        for (int i = 0; i < yt.at().length; i++) {
            double py = y.apply(yt.at()[i]);
            boolean zero = !yLog && yt.at()[i] == 0;
            gridLines.line(plotLeft(), py, plotRight(), py, zero ? AXIS : GRID, zero ? "1.2" : "1");
            tickLines.line(plotLeft() - TICK, py, plotLeft(), py, AXIS, "1");
            yLabels.text(plotLeft() - TICK - 3, py, yt.labels()[i]);
        }
        gridLines.finish();
        tickLines.finish();
        xLabels.finish();
        yLabels.finish();
        plotArea(box);
        if (xTitleText == null && yTitleText == null) {
            xTitleText = title(xTitle, "middle");
            yTitleText = title(yTitle, "start");
        }
        place(xTitleText, (plotLeft() + plotRight()) / 2, height - 8);
        place(yTitleText, plotLeft() - TICK - 3, plotTop() - 9);
    }

    /** Whether two frames' keys are the same numbers (NaN the same as NaN); never for no frame drawn yet. */
    private static boolean same(double[] a, double[] b) {
        if (b == null) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && !(a[i] != a[i] && b[i] != b[i])) {
                return false;
            }
        }
        return true;
    }

    /** Moves an axis title, if the chart has one. */
    private void place(Element title, double px, double py) {
        if (title != null) {
            title.setAttribute("x", Svg.r(px));
            title.setAttribute("y", Svg.r(py));
            title.setAttribute("font-size", Svg.r(fontSize + 1));
        }
    }

    /** An axis title, added to the frame once; none (null) for an empty one: a chart whose heading says it. */
    private Element title(String text, String anchor) {
        if (text.isEmpty()) {
            return null;
        }
        Element t = Svg.text(0, 0, text, anchor, "#2b3340");
        frame.appendChild(t);
        return t;
    }

    /**
     * The grid lines, the ticks or the tick labels of one axis: elements kept from one frame to the next and moved,
     * since a trainer's chart gets a new frame every few frames while it plays. Making new ones each time cost more
     * than the rest of the chart (each new label's text is laid out again); a label's text is only rewritten when
     * it changes.
     */
    private static final class Marks {
        private final Element group = Svg.el("g");
        private final String anchor;
        private final List<Element> all = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private int used;

        /** Lines; or, with an anchor, labels ("end" ones sit beside their tick: y labels). */
        Marks(String anchor) {
            this.anchor = anchor;
        }

        void start() {
            used = 0;
        }

        private Element next(String tag) {
            if (used == all.size()) {
                Element e = Svg.el(tag);
                if (anchor != null) {
                    e.setAttribute("text-anchor", anchor);
                    e.setAttribute("fill", LABEL);
                    if (anchor.equals("end")) {
                        e.setAttribute("dy", "0.34em");
                    }
                }
                all.add(e);
                texts.add(null);
                group.appendChild(e);
            }
            return all.get(used++);
        }

        void line(double x1, double y1, double x2, double y2, String stroke, String strokeWidth) {
            Element l = next("line");
            l.setAttribute("x1", Svg.r(x1));
            l.setAttribute("y1", Svg.r(y1));
            l.setAttribute("x2", Svg.r(x2));
            l.setAttribute("y2", Svg.r(y2));
            l.setAttribute("stroke", stroke);
            l.setAttribute("stroke-width", strokeWidth);
        }

        void text(double px, double py, String content) {
            Element t = next("text");
            t.setAttribute("x", Svg.r(px));
            t.setAttribute("y", Svg.r(py));
            if (!content.equals(texts.get(used - 1))) {
                texts.set(used - 1, content);
                t.setTextContent(content);
            }
        }

        /** Removes the elements this frame did not use. */
        void finish() {
            while (all.size() > used) {
                group.removeChild(all.remove(all.size() - 1));
                texts.remove(texts.size() - 1);
            }
        }
    }

    /** Places a rect on the plotting area. */
    private Element plotArea(Element rect) {
        rect.setAttribute("x", Svg.r(plotLeft()));
        rect.setAttribute("y", Svg.r(plotTop()));
        rect.setAttribute("width", Svg.r(plotRight() - plotLeft()));
        rect.setAttribute("height", Svg.r(plotBottom() - plotTop()));
        return rect;
    }

    public Scale x() {
        return x;
    }

    public Scale y() {
        return y;
    }

    /** The layer clipped to the plotting area. */
    public Element data() {
        return data;
    }

    /** The layer above everything, not clipped. */
    public Element marks() {
        return marks;
    }

    /** Empties both drawing layers (the frame stays). */
    public void clearDrawing() {
        Dom.clear(data);
        Dom.clear(marks);
    }

    /** True if the pixel is inside the plotting area. */
    public boolean inside(double px, double py) {
        return px >= plotLeft() && px <= plotRight() && py >= plotTop() && py <= plotBottom();
    }

    /**
     * SVG path data for curve pieces from {@link org.backproplab.layout.Curve#pieces}, whose coordinates are in
     * the scales' own units (log10 on a log axis).
     */
    public String pathData(List<double[]> pieces) {
        StringBuilder d = new StringBuilder();
        for (double[] p : pieces) {
            for (int i = 0; i < p.length; i += 2) {
                d.append(i == 0 ? 'M' : 'L').append(Svg.r(x.applyUnit(p[i]))).append(' ')
                        .append(Svg.r(y.applyUnit(p[i + 1])));
            }
        }
        return d.toString();
    }

    /**
     * A line between two pixels, cut to a little beyond the plotting area (Liang–Barsky), so a steep tangent never
     * gives a coordinate too big to print; null if none of it comes near the plotting area.
     */
    public Element segment(double x0, double y0, double x1, double y1, String stroke, double strokeWidth) {
        double[] lo = {plotLeft() - 20, plotTop() - 20};
        double[] hi = {plotRight() + 20, plotBottom() + 20};
        double[] start = {x0, y0};
        double[] delta = {x1 - x0, y1 - y0};
        double t0 = 0;
        double t1 = 1;
        for (int axis = 0; axis < 2; axis++) {
            if (!Double.isFinite(start[axis]) || !Double.isFinite(delta[axis])) {
                return null;
            }
            if (delta[axis] == 0) {
                if (start[axis] < lo[axis] || start[axis] > hi[axis]) {
                    return null;
                }
                continue;
            }
            double a = (lo[axis] - start[axis]) / delta[axis];
            double b = (hi[axis] - start[axis]) / delta[axis];
            t0 = Math.max(t0, Math.min(a, b));
            t1 = Math.min(t1, Math.max(a, b));
        }
        if (t0 > t1) {
            return null;
        }
        return Svg.line(x0 + t0 * delta[0], y0 + t0 * delta[1], x0 + t1 * delta[0], y0 + t1 * delta[1], stroke,
                strokeWidth);
    }

    /** What {@link #onResize} calls. */
    @JSFunctor
    public interface Resized extends JSObject {
        void resized();
    }

    /** Calls back whenever the element's box changes size (and once when it first gets one). */
    public static void onResize(JSObject element, Resized callback) {
        observe(element, callback);
    }

    @JSBody(params = {"e", "f"}, script = "if (typeof ResizeObserver !== 'undefined') {"
            + "  var bplLast = ''; new ResizeObserver(function (bplEntries) {"
            + "    var bplRect = bplEntries[bplEntries.length - 1].contentRect;"
            + "    var bplKey = Math.round(bplRect.width) + 'x' + Math.round(bplRect.height);"
            + "    if (bplKey !== bplLast) { bplLast = bplKey; f(); } }).observe(e);"
            + "} else { window.addEventListener('resize', function () { f(); }); }")
    private static native void observe(JSObject e, Resized f);
}
