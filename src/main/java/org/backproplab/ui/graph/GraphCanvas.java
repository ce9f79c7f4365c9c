package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.BackwardTrace;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.layout.Dag;
import org.backproplab.layout.LayeredLayout;
import org.backproplab.layout.Layout;
import org.backproplab.layout.Spacing;
import org.backproplab.ui.chart.Palette;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.PointerEvent;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.events.WheelEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.TextRectangle;
import org.teavm.jso.dom.xml.Element;

/**
 * The lecture's draw_dot, live: a Value graph drawn as SVG, left to right. Each Value is a record box
 * {@code label | data | grad} coloured by its grad (or data), each op a small circle between its operands and its
 * result. Drag the background to pan, wheel or pinch to zoom. Leaves can be clicked to type a value, or dragged
 * sideways to scrub it; the owner hears about it through {@link Listener} and rewrites the program.
 */
public final class GraphCanvas {
    /** What the canvas tells its owner. */
    interface Listener {
        /** A leaf was given a new value: typed (done = true), or scrubbed (done = false while dragging). */
        void leafChanged(Value leaf, double value, boolean done);
    }

    enum ColourBy { GRAD, DATA }

    static final double FONT_SIZE = 13;
    static final double ROW = 18;
    static final double PAD = 8;
    static final double OP_HEIGHT = 26;
    static final double BOX_HEIGHT = 3 * ROW + 6;
    private static final double MIN_SCALE = 0.001;
    private static final double MAX_SCALE = 4;
    /** Auto-fit never shrinks text below this, so a 40-node graph stays readable; Fit itself has no floor. */
    private static final double READABLE_SCALE = 0.85;
    /** Below this scale the boxes are drawn without their text (7 px and smaller can't be read). */
    private static final double FAR_SCALE = 0.5;
    private static final String EDGE_COLOUR = "#8793a5";
    /**
     * The drawing's look, inside the SVG itself so that an exported file keeps it. Every rule starts with
     * svg.bpl-svg, so it reaches no other part of a page that embeds the widget.
     */
    private static final String STYLE = "svg.bpl-svg .e{fill:none;stroke:" + EDGE_COLOUR + ";stroke-width:1.4}"
            + "svg.bpl-svg .e.h{stroke:#b4380b;stroke-width:2.6}"
            + "svg.bpl-svg text{text-anchor:middle;dominant-baseline:central;fill:#1d2430}"
            + "svg.bpl-svg .n rect{stroke:#4a5363;stroke-width:1.2}"
            + "svg.bpl-svg .n path{fill:none;stroke:#4a5363;stroke-opacity:.35}"
            + "svg.bpl-svg .n .l{font-weight:700}"
            + "svg.bpl-svg .n .k{fill:#6b7280;font-style:italic}"
            + "svg.bpl-svg .n.cur rect{stroke:#b4380b;stroke-width:3}"
            + "svg.bpl-svg .n.recv rect{stroke:#b4380b;stroke-width:2.2;stroke-dasharray:5 3}"
            + "svg.bpl-svg .o rect{fill:#fff;stroke:#5b6678;stroke-width:1.2}"
            + "svg.bpl-svg .o.cur rect{stroke:#b4380b;stroke-width:2.4}"
            + "svg.bpl-svg.far .n text,svg.bpl-svg.far .o text{display:none}"
            + "svg.bpl-svg .leaf{cursor:ew-resize}"
            + "svg.bpl-svg .n:focus{outline:none}"
            + "svg.bpl-svg .n:focus-visible rect{stroke:#f2a93b;stroke-width:3.5}";
    private static final String HIGHLIGHT = "#b4380b";
    private static final String FONT = "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

    private static int instances;

    private final String idPrefix = "bpl" + (++instances) + "-";
    private final Listener listener;
    private final HTMLElement root = Dom.el("div", "bpl-canvas");
    private final Element svg = Svg.el("svg");
    private final Element viewport = Svg.el("g");
    private final Element edgeLayer = Svg.el("g");
    private final Element opLayer = Svg.el("g");
    private final Element nodeLayer = Svg.el("g");
    private final Element leaderLayer = Svg.el("g");
    private final Element noteLayer = Svg.el("g");
    private final HTMLElement legend = Dom.el("div", "bpl-legend");
    private final HTMLElement legendMin = Dom.text("span", "", "");
    private final HTMLElement legendMax = Dom.text("span", "", "");
    private final HTMLElement legendTitle = Dom.text("span", "bpl-legend-title", "grad");
    private final HTMLInputElement byData = (HTMLInputElement) Dom.el("input", "");
    private final HTMLInputElement editor = (HTMLInputElement) Dom.el("input", "bpl-leaf-editor");
    private final HTMLElement offscreenHint = Dom.text("div", "bpl-offscreen-hint", "Part of the graph is outside "
            + "the view: drag to pan, scroll to zoom, or press Fit to see it all.");

    private List<Value> values = new ArrayList<>();
    private final Map<Value, Integer> indexOf = new HashMap<>();
    private Element[] groups = new Element[0];
    private Element[] rects = new Element[0];
    private Element[] dataTexts = new Element[0];
    private Element[] gradTexts = new Element[0];
    private Element[] opGroups = new Element[0];
    private int[][] operandEdges = new int[0][];
    private Element[] edgePaths = new Element[0];
    private final List<Element> marked = new ArrayList<>();
    private Layout layout;
    private double[] boxWidths = new double[0];
    private String structure = "";

    private boolean gradsKnown;
    private boolean leavesEditable = true;
    private double readableScale = READABLE_SCALE;
    private ColourBy colourBy = ColourBy.GRAD;
    private boolean isFar;
    private boolean textsBuilt;
    private double viewWidth;
    private double viewHeight;
    private boolean fitPending;
    private double tx;
    private double ty;
    private double scale = 1;
    private Value editing;

    // pointer state: a pan, a pinch (two pointers) or a leaf scrub
    private final Map<Integer, double[]> pointers = new HashMap<>();
    private double pinchDistance;
    private Value scrubbing;
    private double scrubStartX;
    private double scrubStartValue;
    private boolean scrubMoved;
    private double scrubLast;

    GraphCanvas(Listener listener) {
        this.listener = listener;
        svg.setAttribute("class", "bpl-svg");
        svg.setAttribute("role", "group");
        svg.setAttribute("aria-label", "Computation graph");
        svg.setAttribute("xmlns", Svg.NS);
        viewport.setAttribute("font-family", FONT);
        viewport.setAttribute("font-size", Double.toString(FONT_SIZE));
        Element style = Svg.el("style");
        style.setTextContent(STYLE);
        svg.appendChild(style);
        svg.appendChild(defs());
        viewport.appendChild(edgeLayer);
        viewport.appendChild(leaderLayer);
        viewport.appendChild(opLayer);
        viewport.appendChild(nodeLayer);
        viewport.appendChild(noteLayer);
        svg.appendChild(viewport);
        root.appendChild(svg);

        legend.setAttribute("data-testid", "legend");
        HTMLElement bar = Dom.el("span", "bpl-legend-bar");
        bar.getStyle().setProperty("background", "linear-gradient(to right, " + Palette.negative() + ", "
                + Palette.NEUTRAL + ", " + Palette.positive() + ")");
        legend.appendChild(legendTitle);
        legend.appendChild(legendMin);
        legend.appendChild(bar);
        legend.appendChild(legendMax);
        byData.setAttribute("type", "checkbox");
        byData.setAttribute("data-testid", "colour-by-data");
        HTMLElement toggle = Dom.el("label", "bpl-legend-toggle");
        toggle.appendChild(byData);
        toggle.appendChild(Dom.text("span", "", "colour by data"));
        legend.appendChild(toggle);
        Dom.on(byData, "change", e -> setColourBy(byData.isChecked() ? ColourBy.DATA : ColourBy.GRAD));
        root.appendChild(legend);

        HTMLElement zoom = Dom.el("div", "bpl-zoom");
        zoom.appendChild(titled(Dom.button("−", "zoom-out", () -> zoom(1 / 1.25)), "Zoom out (−)"));
        zoom.appendChild(titled(Dom.button("+", "zoom-in", () -> zoom(1.25)), "Zoom in (+)"));
        zoom.appendChild(titled(Dom.button("Fit", "fit", () -> fit(false)), "Frame the whole graph (F)"));
        root.appendChild(zoom);
        offscreenHint.setAttribute("data-testid", "offscreen-hint");
        offscreenHint.setHidden(true);
        root.appendChild(offscreenHint);

        editor.setAttribute("type", "text");
        editor.setAttribute("aria-label", "New value");
        editor.setHidden(true);
        root.appendChild(editor);
        listen();
        Dom.observeSize(svg, (w, h) -> {
            boolean first = viewWidth <= 0 || viewHeight <= 0;
            viewWidth = w;
            viewHeight = h;
            if (w > 0 && h > 0 && (first || fitPending)) {
                fitPending = false;
                fit(true);
            }
        });
    }

    HTMLElement element() {
        return root;
    }

    private static HTMLElement titled(HTMLElement button, String title) {
        button.setAttribute("title", title);
        button.setAttribute("aria-label", title);
        return button;
    }

    int nodeCount() {
        return values.size();
    }

    /**
     * Draws a new graph. When it has the same shape as the one drawn (only numbers changed, as while typing a
     * digit or scrubbing a leaf) the boxes are updated in place and the view stays where it is.
     *
     * @return true if the graph was laid out anew (and fitted)
     */
    boolean show(Value output, boolean withGrads) {
        List<Value> order = output.topologicalOrder();
        String shape = shapeOf(order);
        gradsKnown = withGrads;
        if (shape.equals(structure)) {
            rebind(order);
            refresh();
            return false;
        }
        structure = shape;
        build(order);
        refresh();
        fit(true);
        return true;
    }

    /** A string that is equal for two graphs exactly when they would be drawn the same way. */
    private static String shapeOf(List<Value> order) {
        Map<Value, Integer> index = new HashMap<>();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            Value v = order.get(i);
            index.put(v, i);
            s.append(v.label).append(':').append(v.op()).append('(');
            for (int c = 0; c < v.arity(); c++) {
                s.append(index.get(v.child(c))).append(',');
            }
            s.append(')').append(boxChars(v)).append(';');
        }
        return s.toString();
    }

    private void rebind(List<Value> order) {
        values = order;
        indexOf.clear();
        for (int i = 0; i < order.size(); i++) {
            indexOf.put(order.get(i), i);
        }
    }

    void setColourBy(ColourBy by) {
        colourBy = by;
        refresh();
    }

    // ---- building the drawing ----

    private static int boxChars(Value v) {
        int chars = Math.max(v.label.length(), 11); // "data -0.0000"
        return Math.max(chars, Math.max(row("data", v.data).length(), row("grad", v.grad).length()));
    }

    private static double boxWidth(int chars) {
        return Math.max(96, chars * FONT_SIZE * 0.62 + 2 * PAD);
    }

    private static String row(String name, double x) {
        return name + " " + Numbers.fixed(x, 4);
    }

    private static double opWidth(Value v) {
        return Math.max(OP_HEIGHT, v.op().length() * FONT_SIZE * 0.62 + 14);
    }

    private void build(List<Value> order) {
        rebind(order);
        Dom.clear(edgeLayer);
        Dom.clear(opLayer);
        Dom.clear(nodeLayer);
        Dom.clear(noteLayer);
        Dom.clear(leaderLayer);
        marked.clear();
        int n = order.size();
        int ops = 0;
        for (Value v : order) {
            if (!v.isLeaf()) {
                ops++;
            }
        }
        // Dag nodes: values are 0..n-1, op circles follow. Edges: child -> op (one per operand), op -> value.
        Dag dag = new Dag(n + ops, 3 * ops);
        boxWidths = new double[n];
        int[] opNode = new int[n];
        for (int i = 0; i < n; i++) {
            boxWidths[i] = boxWidth(boxChars(order.get(i)));
            dag.addNode(boxWidths[i], BOX_HEIGHT);
        }
        for (int i = 0; i < n; i++) {
            Value v = order.get(i);
            opNode[i] = v.isLeaf() ? -1 : dag.addNode(opWidth(v), OP_HEIGHT);
        }
        operandEdges = new int[n][];
        for (int i = 0; i < n; i++) {
            Value v = order.get(i);
            if (v.isLeaf()) {
                continue;
            }
            operandEdges[i] = new int[v.arity()];
            for (int c = 0; c < v.arity(); c++) {
                operandEdges[i][c] = dag.addEdge(indexOf.get(v.child(c)), opNode[i]);
            }
            dag.addEdge(opNode[i], i);
        }
        // Big graphs get fewer sweeps: they are read zoomed out, where a few crossings more don't show.
        layout = LayeredLayout.layout(dag, new Spacing(34, 16, 8, 24),
                dag.nodeCount() > 400 ? 4 : LayeredLayout.DEFAULT_SWEEPS);

        edgePaths = new Element[dag.edgeCount()];
        for (int e = 0; e < dag.edgeCount(); e++) {
            Element path = Svg.el("path");
            path.setAttribute("class", "e");
            path.setAttribute("d", edgePath(e));
            if (layout.to(e) < n) {
                path.setAttribute("marker-end", "url(#" + idPrefix + "arrow)");
            }
            edgeLayer.appendChild(path);
            edgePaths[e] = path;
        }

        opGroups = new Element[n];
        groups = new Element[n];
        rects = new Element[n];
        dataTexts = new Element[n];
        gradTexts = new Element[n];
        textsBuilt = false;
        for (int i = 0; i < n; i++) {
            Value v = order.get(i);
            if (!v.isLeaf()) {
                opGroups[i] = opShape(v, layout.x(opNode[i]), layout.y(opNode[i]));
                opLayer.appendChild(opGroups[i]);
            }
            groups[i] = valueBox(i, v, layout.x(i), layout.y(i));
            nodeLayer.appendChild(groups[i]);
        }
        svg.setAttribute("data-width", Double.toString(layout.width()));
        svg.setAttribute("data-height", Double.toString(layout.height()));
    }

    private String edgePath(int e) {
        StringBuilder d = new StringBuilder();
        int points = layout.pointCount(e);
        double x0 = layout.pointX(e, 0);
        double y0 = layout.pointY(e, 0);
        d.append('M').append(Svg.r(x0)).append(' ').append(Svg.r(y0));
        for (int p = 1; p < points; p++) {
            double x1 = layout.pointX(e, p);
            double y1 = layout.pointY(e, p);
            double mid = (x0 + x1) / 2;
            d.append(" C").append(Svg.r(mid)).append(' ').append(Svg.r(y0)).append(' ').append(Svg.r(mid)).append(' ')
                    .append(Svg.r(y1)).append(' ').append(Svg.r(x1)).append(' ').append(Svg.r(y1));
            x0 = x1;
            y0 = y1;
        }
        return d.toString();
    }

    private Element opShape(Value v, double x, double y) {
        Element g = Svg.el("g");
        g.setAttribute("class", "o");
        g.setAttribute("data-testid", "op");
        g.setAttribute("data-op", v.op());
        g.setAttribute("transform", "translate(" + Svg.r(x) + " " + Svg.r(y) + ")");
        double w = opWidth(v);
        Element shape = Svg.el("rect");
        shape.setAttribute("x", Svg.r(-w / 2));
        shape.setAttribute("y", Svg.r(-OP_HEIGHT / 2));
        shape.setAttribute("width", Svg.r(w));
        shape.setAttribute("height", Svg.r(OP_HEIGHT));
        shape.setAttribute("rx", Svg.r(OP_HEIGHT / 2));
        g.appendChild(shape);
        return g;
    }

    private Element valueBox(int i, Value v, double x, double y) {
        double w = boxWidths[i];
        double h = BOX_HEIGHT;
        Element g = Svg.el("g");
        g.setAttribute("data-testid", "node");
        g.setAttribute("data-label", v.label);
        g.setAttribute("data-op", v.op());
        g.setAttribute("data-index", Integer.toString(i));
        g.setAttribute("transform", "translate(" + Svg.r(x) + " " + Svg.r(y) + ")");
        g.setAttribute("tabindex", "0");
        boolean editable = isEditable(v);
        g.setAttribute("role", editable ? "button" : "img");
        g.setAttribute("class", editable ? "n leaf" : "n");

        Element rect = Svg.el("rect");
        rect.setAttribute("x", Svg.r(-w / 2));
        rect.setAttribute("y", Svg.r(-h / 2));
        rect.setAttribute("width", Svg.r(w));
        rect.setAttribute("height", Svg.r(h));
        rect.setAttribute("rx", "5");
        g.appendChild(rect);
        rects[i] = rect;
        Element rules = Svg.el("path"); // the two lines between label, data and grad
        double y1 = -h / 2 + 3 + ROW;
        double y2 = y1 + ROW;
        rules.setAttribute("d", "M" + Svg.r(-w / 2) + " " + Svg.r(y1) + "H" + Svg.r(w / 2) + "M" + Svg.r(-w / 2) + " " + Svg.r(y2)
                + "H" + Svg.r(w / 2));
        g.appendChild(rules);
        return g;
    }

    /**
     * Adds the text of every box and op. It is left out until the drawing is shown at a scale where text can be
     * read: a big graph, fitted far out, then costs the browser thousands of text elements less.
     */
    private void buildTexts() {
        textsBuilt = true;
        double h = BOX_HEIGHT;
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            Element label = rowText(-h / 2 + 3 + ROW / 2, v.label.isEmpty() ? "k" : "l");
            label.setTextContent(v.label.isEmpty() ? (v.isLeaf() ? "const" : "") : v.label);
            groups[i].appendChild(label);
            dataTexts[i] = rowText(-h / 2 + 3 + 1.5 * ROW, "");
            groups[i].appendChild(dataTexts[i]);
            gradTexts[i] = rowText(-h / 2 + 3 + 2.5 * ROW, "");
            groups[i].appendChild(gradTexts[i]);
            if (opGroups[i] != null) {
                Element text = Svg.el("text");
                text.setTextContent(v.op());
                opGroups[i].appendChild(text);
            }
        }
        refreshTexts();
    }

    private void refreshTexts() {
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            if (textsBuilt) {
                dataTexts[i].setTextContent(row("data", v.data));
                gradTexts[i].setTextContent(row("grad", gradsKnown ? v.grad : 0));
            }
        }
    }

    private static Element rowText(double y, String className) {
        Element t = Svg.el("text");
        t.setAttribute("y", Svg.r(y));
        if (!className.isEmpty()) {
            t.setAttribute("class", className);
        }
        return t;
    }

    /** Named leaves can be scrubbed or typed, unless the widget is a fixed exercise (controls=hidden). */
    private boolean isEditable(Value v) {
        return leavesEditable && v.isLeaf() && !v.label.isEmpty();
    }

    /** Below this scale a graph is shown at it, around its output, rather than fitted whole. */
    void setReadableScale(double scale) {
        readableScale = scale;
    }

    /** Set before the first graph is shown: false makes every box read-only. */
    void setLeavesEditable(boolean editable) {
        leavesEditable = editable;
    }

    /** Updates every box's numbers, colours and test attributes from the Values. */
    void refresh() {
        double max = 0;
        for (Value v : values) {
            double x = colourBy == ColourBy.GRAD ? v.grad : v.data;
            if (Double.isFinite(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        boolean coloured = colourBy == ColourBy.DATA || gradsKnown;
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            Element g = groups[i];
            g.setAttribute("data-value", Double.toString(v.data));
            g.setAttribute("data-grad", gradsKnown ? Double.toString(v.grad) : "");
            if (textsBuilt) {
                dataTexts[i].setTextContent(row("data", v.data));
                gradTexts[i].setTextContent(row("grad", gradsKnown ? v.grad : 0));
            }
            double x = colourBy == ColourBy.GRAD ? v.grad : v.data;
            rects[i].setAttribute("fill", coloured ? Palette.fill(x, max) : Palette.NEUTRAL);
            String name = v.label.isEmpty() ? (v.isLeaf() ? "constant" : "result of " + v.op()) : v.label;
            String description = name + ": data " + Numbers.compact(v.data, 6) + ", grad "
                    + (gradsKnown ? Numbers.compact(v.grad, 6) : "not computed yet")
                    + (isEditable(v) ? ". Press Enter to type a new value" : "");
            g.setAttribute("aria-label", description);
        }
        legendTitle.setTextContent(colourBy == ColourBy.GRAD ? "grad" : "data");
        legendMin.setTextContent(coloured && max > 0 ? "−" + Numbers.compact(max, 3) : "−");
        legendMax.setTextContent(coloured && max > 0 ? "+" + Numbers.compact(max, 3) : "+");
    }

    /**
     * The whole graph as a standalone SVG document, framed to its own size, for download: every box with its text
     * (a big graph shown far out has none yet, so it is built now), and never the far-out look that hides it.
     */
    String exportSvg() {
        if (layout == null) {
            return "";
        }
        if (!textsBuilt) {
            buildTexts();
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + standalone(svg, Svg.r(layout.width()),
                Svg.r(layout.height()));
    }

    /** The exported drawing's width and height, in CSS pixels. */
    double[] exportSize() {
        return layout == null ? new double[] {1, 1} : new double[] {layout.width(), layout.height()};
    }

    @JSBody(params = {"svg", "w", "h"}, script = "var bplCopy = svg.cloneNode(true);"
            + "bplCopy.setAttribute('class', 'bpl-svg');"
            + "bplCopy.setAttribute('viewBox', '0 0 ' + w + ' ' + h); bplCopy.setAttribute('width', w);"
            + "bplCopy.setAttribute('height', h); bplCopy.removeAttribute('style');"
            + "var bplView = bplCopy.querySelector('g'); if (bplView) { bplView.removeAttribute('transform'); }"
            + "var bplBack = document.createElementNS('http://www.w3.org/2000/svg', 'rect');"
            + "bplBack.setAttribute('width', w); bplBack.setAttribute('height', h);"
            + "bplBack.setAttribute('fill', '#ffffff'); bplCopy.insertBefore(bplBack, bplCopy.firstChild);"
            + "return new XMLSerializer().serializeToString(bplCopy);")
    private static native String standalone(Element svg, String w, String h);

    // ---- step-by-step highlights ----

    /** Highlights the node a backward step processed, with "upstream × local = contribution" on each edge. */
    void highlight(BackwardTrace.Step step, boolean buggy) {
        clearHighlight();
        if (step == null) {
            return;
        }
        Integer i = indexOf.get(step.node());
        if (i == null) {
            return;
        }
        mark(groups[i], "cur");
        groups[i].setAttribute("data-current", "true");
        if (opGroups[i] != null) {
            mark(opGroups[i], "cur");
        }
        int count = step.contributions().size();
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (BackwardTrace.Contribution c : step.contributions()) {
            int child = indexOf.get(c.child());
            top = Math.min(top, layout.y(child) - BOX_HEIGHT / 2);
            bottom = Math.max(bottom, layout.y(child) + BOX_HEIGHT / 2);
        }
        for (BackwardTrace.Contribution c : step.contributions()) {
            int edge = operandEdges[i][c.operand()];
            mark(edgePaths[edge], "h");
            int child = indexOf.get(c.child());
            mark(groups[child], "recv");
            String text = Numbers.fixed(c.upstream(), 4) + " × " + Numbers.fixed(c.local(), 4) + " = "
                    + Numbers.fixed(c.contribution(), 4) + (buggy ? "  (=)" : "  (+=)");
            // The first operand's note goes above the children, the second's below, so neither hides a box.
            boolean above = c.operand() == 0 || count == 1;
            double y = above ? top - 16 : bottom + 16;
            edgeNote(edge, layout.x(child), y, text);
        }
    }

    /** A note with the step's arithmetic, joined by a dotted line to the middle of its edge. */
    private void edgeNote(int edge, double x, double y, String text) {
        int points = layout.pointCount(edge);
        double ex = (layout.pointX(edge, 0) + layout.pointX(edge, points - 1)) / 2;
        double ey = (layout.pointY(edge, 0) + layout.pointY(edge, points - 1)) / 2;
        Element leader = Svg.el("line");
        leader.setAttribute("x1", Svg.r(x));
        leader.setAttribute("y1", Svg.r(y));
        leader.setAttribute("x2", Svg.r(ex));
        leader.setAttribute("y2", Svg.r(ey));
        leader.setAttribute("stroke", HIGHLIGHT);
        leader.setAttribute("stroke-dasharray", "2 3");
        leaderLayer.appendChild(leader);
        Element g = Svg.el("g");
        g.setAttribute("data-testid", "edge-note");
        g.setAttribute("transform", "translate(" + Svg.r(x) + " " + Svg.r(y) + ")");
        double w = text.length() * 12 * 0.62 + 14;
        Element bg = Svg.el("rect");
        bg.setAttribute("x", Svg.r(-w / 2));
        bg.setAttribute("y", "-11");
        bg.setAttribute("width", Svg.r(w));
        bg.setAttribute("height", "22");
        bg.setAttribute("rx", "4");
        bg.setAttribute("fill", "#fff7ed");
        bg.setAttribute("stroke", HIGHLIGHT);
        g.appendChild(bg);
        Element t = Svg.el("text");
        t.setAttribute("text-anchor", "middle");
        t.setAttribute("dy", "0.35em");
        t.setAttribute("font-size", "12");
        t.setAttribute("fill", "#7c2d12");
        t.setTextContent(text);
        g.appendChild(t);
        noteLayer.appendChild(g);
    }

    void clearHighlight() {
        Dom.clear(noteLayer);
        Dom.clear(leaderLayer);
        for (int k = 0; k < marked.size(); k++) {
            Element e = marked.get(k);
            String c = e.getAttribute("class");
            e.setAttribute("class", c.substring(0, c.lastIndexOf(' ')));
            e.removeAttribute("data-current");
        }
        marked.clear();
    }

    /** Adds a highlight class to an element, remembering it so that clearing touches only what was marked. */
    private void mark(Element e, String highlight) {
        e.setAttribute("class", e.getAttribute("class") + " " + highlight);
        marked.add(e);
    }

    // ---- navigation ----

    /** Frames the whole graph; with readableFloor, never below a scale at which text can still be read. */
    void fit(boolean readableFloor) {
        if (layout == null) {
            return;
        }
        double w = viewWidth;
        double h = viewHeight;
        if (w <= 0 || h <= 0) {
            fitPending = true; // not on screen yet: fit when it gets a size
            return;
        }
        double s = Math.min(Math.min(w / layout.width(), h / layout.height()), 1.4);
        if (readableFloor && s < readableScale) {
            // Too big to read whole: show it at a readable size, around the output (where backward starts).
            s = readableScale;
            scale = s;
            tx = w - layout.width() * s;
            int output = values.size() - 1;
            ty = Math.min(0, Math.max(h - layout.height() * s, h / 2 - layout.y(output) * s));
            if (layout.height() * s <= h) {
                ty = (h - layout.height() * s) / 2;
            }
            offscreenHint.setHidden(false);
            org.teavm.jso.browser.Window.setTimeout(() -> offscreenHint.setHidden(true), 8000);
        } else {
            offscreenHint.setHidden(true);
            scale = Math.max(MIN_SCALE, s);
            tx = (w - layout.width() * scale) / 2;
            ty = (h - layout.height() * scale) / 2;
        }
        applyTransform();
    }

    void zoom(double factor) {
        zoomAt(factor, viewWidth / 2, viewHeight / 2);
    }

    private void zoomAt(double factor, double px, double py) {
        offscreenHint.setHidden(true);
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double f = s / scale;
        tx = px - (px - tx) * f;
        ty = py - (py - ty) * f;
        scale = s;
        applyTransform();
    }

    private void applyTransform() {
        viewport.setAttribute("transform", "translate(" + Svg.r(tx) + " " + Svg.r(ty) + ") scale(" + scale + ")");
        // Zoomed far out, text would be a grey smudge that still costs the browser time to lay out: hide it.
        boolean far = scale < FAR_SCALE;
        if (!far && !textsBuilt && layout != null) {
            buildTexts();
        }
        if (far != isFar) {
            isFar = far;
            svg.setAttribute("class", far ? "bpl-svg far" : "bpl-svg");
        }
        svg.setAttribute("data-scale", Double.toString(scale));
        hideEditor();
    }

    private void listen() {
        Dom.on(svg, "wheel", e -> {
            WheelEvent w = (WheelEvent) e;
            e.preventDefault();
            TextRectangle box = Dom.rect(svg);
            double delta = w.getDeltaY() * (w.getDeltaMode() == 1 ? 16 : 1);
            zoomAt(Math.exp(-delta * 0.0015), w.getClientX() - box.getLeft(), w.getClientY() - box.getTop());
        });
        Dom.on(svg, "pointerdown", this::pointerDown);
        Dom.on(svg, "pointermove", this::pointerMove);
        Dom.on(svg, "pointerup", this::pointerUp);
        Dom.on(svg, "pointercancel", this::pointerUp);
        Dom.on(svg, "keydown", e -> {
            KeyboardEvent k = (KeyboardEvent) e;
            Value v = valueOf(e);
            if (v != null && isEditable(v) && (k.getKey().equals("Enter") || k.getKey().equals(" "))) {
                e.preventDefault();
                openEditor(v);
            }
        });
        Dom.on(editor, "keydown", e -> {
            String key = ((KeyboardEvent) e).getKey();
            if (key.equals("Enter")) {
                commitEditor();
            } else if (key.equals("Escape")) {
                hideEditor();
            }
        });
        Dom.on(editor, "blur", e -> commitEditor());
    }

    private Value valueOf(Event e) {
        String index = closestIndex(e.getTarget());
        if (index == null) {
            return null;
        }
        int i = Integer.parseInt(index);
        return i < values.size() ? values.get(i) : null;
    }

    @JSBody(params = "target", script = "var bplNode = target && target.closest ? target.closest('[data-index]') : null;"
            + "return bplNode ? bplNode.getAttribute('data-index') : null;")
    private static native String closestIndex(org.teavm.jso.JSObject target);

    private void pointerDown(Event e) {
        PointerEvent p = (PointerEvent) e;
        if (p.getButton() != 0 && p.getPointerType().equals("mouse")) {
            return;
        }
        Value v = valueOf(e);
        if (v != null && isEditable(v) && pointers.isEmpty()) {
            scrubbing = v;
            scrubStartX = p.getClientX();
            scrubStartValue = v.data;
            scrubMoved = false;
        }
        pointers.put(p.getPointerId(), new double[] {p.getClientX(), p.getClientY()});
        if (pointers.size() == 2) {
            scrubbing = null;
            pinchDistance = pinchSpan();
        }
        Dom.capturePointer(svg, p.getPointerId());
    }

    private void pointerMove(Event e) {
        PointerEvent p = (PointerEvent) e;
        double[] last = pointers.get(p.getPointerId());
        if (last == null) {
            return;
        }
        double dx = p.getClientX() - last[0];
        double dy = p.getClientY() - last[1];
        last[0] = p.getClientX();
        last[1] = p.getClientY();
        if (scrubbing != null) {
            double moved = p.getClientX() - scrubStartX;
            if (Math.abs(moved) > 3) {
                scrubMoved = true;
            }
            if (scrubMoved) {
                scrubLast = scrubValue(scrubStartValue, moved);
                listener.leafChanged(scrubbing, scrubLast, false);
            }
            return;
        }
        if (pointers.size() == 2) {
            double span = pinchSpan();
            if (pinchDistance > 0 && span > 0) {
                TextRectangle box = Dom.rect(svg);
                double cx = 0;
                double cy = 0;
                for (double[] q : pointers.values()) {
                    cx += q[0] / 2;
                    cy += q[1] / 2;
                }
                zoomAt(span / pinchDistance, cx - box.getLeft(), cy - box.getTop());
            }
            pinchDistance = span;
            return;
        }
        tx += dx;
        ty += dy;
        offscreenHint.setHidden(true);
        applyTransform();
    }

    private void pointerUp(Event e) {
        PointerEvent p = (PointerEvent) e;
        pointers.remove(p.getPointerId());
        if (scrubbing != null) {
            Value v = scrubbing;
            scrubbing = null;
            if (scrubMoved) {
                // v is the Value from before the drag; each move re-ran the program, so use the last value
                listener.leafChanged(v, scrubLast, true);
            } else if (e.getType().equals("pointerup")) {
                openEditor(v);
            }
        }
    }

    private double pinchSpan() {
        double[][] two = pointers.values().toArray(new double[0][]);
        return two.length < 2 ? 0 : Math.hypot(two[0][0] - two[1][0], two[0][1] - two[1][1]);
    }

    /** Dragging 100 px moves a value by about its own size (at least 1), rounded to a readable step. */
    static double scrubValue(double start, double pixels) {
        double magnitude = Math.max(1, Math.abs(start));
        double step = Math.pow(10, Math.floor(Math.log10(magnitude)) - 2);
        return Math.round((start + pixels * magnitude / 100) / step) * step;
    }

    private void openEditor(Value v) {
        Integer i = indexOf.get(v);
        if (i == null) {
            return;
        }
        editing = v;
        double w = boxWidths[i] * scale;
        double left = tx + (layout.x(i) - boxWidths[i] / 2) * scale;
        double top = ty + (layout.y(i) - ROW / 2) * scale;
        editor.getStyle().setProperty("left", Svg.r(left) + "px");
        editor.getStyle().setProperty("top", Svg.r(top) + "px");
        editor.getStyle().setProperty("width", Svg.r(Math.max(90, w)) + "px");
        editor.setValue(Numbers.shortLiteral(v.data));
        editor.setAttribute("aria-label", "New value for " + v.label);
        editor.setHidden(false);
        editor.focus();
        editor.select();
    }

    private void commitEditor() {
        if (editing == null) {
            return;
        }
        Value v = editing;
        editing = null;
        editor.setHidden(true);
        String text = editor.getValue().trim();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                listener.leafChanged(v, value, true);
            }
        } catch (NumberFormatException ignored) {
            // Not a number: keep the old value, as if Escape was pressed.
        }
        Integer i = indexOf.get(v);
        if (i != null) {
            Dom.focus(groups[i]);
        }
    }

    private void hideEditor() {
        if (editing != null) {
            editing = null;
            editor.setHidden(true);
        }
    }

    // ---- helpers ----

    private Element defs() {
        Element defs = Svg.el("defs");
        Element marker = Svg.el("marker");
        marker.setAttribute("id", idPrefix + "arrow");
        marker.setAttribute("viewBox", "0 0 10 10");
        marker.setAttribute("refX", "9");
        marker.setAttribute("refY", "5");
        marker.setAttribute("markerWidth", "7");
        marker.setAttribute("markerHeight", "7");
        marker.setAttribute("orient", "auto");
        Element tip = Svg.el("path");
        tip.setAttribute("d", "M0,0 L10,5 L0,10 z");
        tip.setAttribute("fill", EDGE_COLOUR);
        marker.appendChild(tip);
        defs.appendChild(marker);
        return defs;
    }
}
