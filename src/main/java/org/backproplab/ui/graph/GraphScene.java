package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Value;
import org.backproplab.layout.Dag;
import org.backproplab.layout.LayeredLayout;
import org.backproplab.layout.Layout;
import org.backproplab.layout.Spacing;
import org.backproplab.ui.chart.Palette;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.xml.Element;

/**
 * The drawing itself, as the lecture's draw_dot makes it: a record box {@code label | data | grad} for each Value,
 * coloured by its grad (or data), and a small op circle between each result and its operands, joined by curved
 * edges where the layered layout puts them. A graph is built once per shape; when only numbers change (typing a
 * digit, scrubbing a leaf) the same boxes get new texts and colours, so the view stays where it is.
 */
final class GraphScene {
    enum ColourBy { GRAD, DATA }

    static final double FONT_SIZE = 13;
    static final double ROW = 18;
    static final double PAD = 8;
    static final double OP_HEIGHT = 26;
    static final double BOX_HEIGHT = 3 * ROW + 6;
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

    /** Counts drawings, so that each one's arrow marker has an id of its own on a page with several widgets. */
    private static int instances;

    private final String idPrefix = "bpl" + (++instances) + "-";
    private final Element svg = Svg.el("svg");
    private final Element world = Svg.el("g");
    private final Element edgeLayer = Svg.el("g");
    private final Element leaderLayer = Svg.el("g");
    private final Element opLayer = Svg.el("g");
    private final Element nodeLayer = Svg.el("g");
    private final Element noteLayer = Svg.el("g");

    private List<Value> values = new ArrayList<>();
    private final Map<Value, Integer> indexOf = new HashMap<>();
    private Element[] groups = new Element[0];
    private Element[] rects = new Element[0];
    private Element[] dataTexts = new Element[0];
    private Element[] gradTexts = new Element[0];
    private Element[] opGroups = new Element[0];
    private int[][] operandEdges = new int[0][];
    private Element[] edgePaths = new Element[0];
    private Layout layout;
    private double[] boxWidths = new double[0];
    private String structure = "";
    private boolean gradsKnown;
    private boolean leavesEditable = true;
    private boolean textsBuilt;

    GraphScene() {
        svg.setAttribute("class", "bpl-svg");
        svg.setAttribute("role", "group");
        svg.setAttribute("aria-label", "Computation graph");
        svg.setAttribute("xmlns", Svg.NS);
        world.setAttribute("font-family", "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace");
        world.setAttribute("font-size", Double.toString(FONT_SIZE));
        Element style = Svg.el("style");
        style.setTextContent(STYLE);
        svg.appendChild(style);
        svg.appendChild(arrowMarker());
        world.appendChild(edgeLayer);
        world.appendChild(leaderLayer);
        world.appendChild(opLayer);
        world.appendChild(nodeLayer);
        world.appendChild(noteLayer);
        svg.appendChild(world);
    }

    Element svg() {
        return svg;
    }

    /** The group that holds the whole drawing, which the viewport moves and scales. */
    Element world() {
        return world;
    }

    /** The layers a step highlight draws in: leaders under the op circles, notes above everything. */
    Element leaderLayer() {
        return leaderLayer;
    }

    Element noteLayer() {
        return noteLayer;
    }

    /** The layout of the graph drawn, or null before the first one. */
    Layout layout() {
        return layout;
    }

    int nodeCount() {
        return values.size();
    }

    /** Where a Value is in the drawing (its node number in the layout), or -1 if it isn't drawn. */
    int index(Value v) {
        Integer i = indexOf.get(v);
        return i == null ? -1 : i;
    }

    Element box(int i) {
        return groups[i];
    }

    double boxWidth(int i) {
        return boxWidths[i];
    }

    /** The op circle of a result, or null for a leaf. */
    Element opCircle(int i) {
        return opGroups[i];
    }

    /** The layout's edge from a result's op circle back to one of its operands. */
    int operandEdge(int i, int operand) {
        return operandEdges[i][operand];
    }

    Element edgePath(int edge) {
        return edgePaths[edge];
    }

    /** The Value drawn as box i (its data-index), or null. */
    Value value(int i) {
        return i < values.size() ? values.get(i) : null;
    }

    /** Set before the first graph is shown: false makes every box read-only. */
    void setLeavesEditable(boolean editable) {
        leavesEditable = editable;
    }

    /** Named leaves can be scrubbed or typed, unless the widget is a fixed exercise (controls=hidden). */
    boolean isEditable(Value v) {
        return leavesEditable && v.isLeaf() && !v.label.isEmpty();
    }

    /**
     * Takes a new graph, and returns true if it was laid out and built anew. When it has the same shape as the one
     * drawn (only numbers changed) the boxes are kept for the new Values. Call {@link #refresh} next either way.
     */
    boolean show(Value output, boolean withGrads) {
        List<Value> order = output.topologicalOrder();
        String shape = shapeOf(order);
        gradsKnown = withGrads;
        if (shape.equals(structure)) {
            rebind(order);
            return false;
        }
        structure = shape;
        build(order);
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

    private static int boxChars(Value v) {
        int chars = Math.max(v.label.length(), 11); // "data -0.0000"
        return Math.max(chars, Math.max(NodeText.row("data", v.data).length(), NodeText.row("grad", v.grad).length()));
    }

    private static double opWidth(Value v) {
        return Math.max(OP_HEIGHT, v.op().length() * FONT_SIZE * 0.62 + 14);
    }

    private void build(List<Value> order) {
        rebind(order);
        Dom.clear(edgeLayer);
        Dom.clear(opLayer);
        Dom.clear(nodeLayer);
        int[] opNode = layOut(order);
        int n = order.size();
        edgePaths = new Element[layout.edgeCount()];
        for (int e = 0; e < edgePaths.length; e++) {
            Element path = Svg.el("path");
            path.setAttribute("class", "e");
            path.setAttribute("d", curve(e));
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

    /**
     * Lays out the graph with each op as a node of its own between its operands and its result. Values are nodes
     * 0..n-1 and op circles follow; the edges run child -> op (one per operand) and op -> value.
     *
     * @return for each Value, the layout node of its op circle (-1 for a leaf)
     */
    private int[] layOut(List<Value> order) {
        int n = order.size();
        Dag dag = new Dag(2 * n, 3 * n);
        boxWidths = new double[n];
        int[] opNode = new int[n];
        for (int i = 0; i < n; i++) {
            boxWidths[i] = Math.max(96, boxChars(order.get(i)) * FONT_SIZE * 0.62 + 2 * PAD);
            dag.addNode(boxWidths[i], BOX_HEIGHT);
        }
        operandEdges = new int[n][];
        for (int i = 0; i < n; i++) {
            Value v = order.get(i);
            if (v.isLeaf()) {
                opNode[i] = -1;
                continue;
            }
            opNode[i] = dag.addNode(opWidth(v), OP_HEIGHT);
            operandEdges[i] = new int[v.arity()];
            for (int c = 0; c < v.arity(); c++) {
                operandEdges[i][c] = dag.addEdge(indexOf.get(v.child(c)), opNode[i]);
            }
            dag.addEdge(opNode[i], i);
        }
        // Big graphs get fewer sweeps: they are read zoomed out, where a few crossings more don't show.
        layout = LayeredLayout.layout(dag, new Spacing(34, 16, 8, 24),
                dag.nodeCount() > 400 ? 4 : LayeredLayout.DEFAULT_SWEEPS);
        return opNode;
    }

    /** An edge as smooth S-curves through its layout points. */
    private String curve(int e) {
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
        g.appendChild(centredRect(opWidth(v), OP_HEIGHT, OP_HEIGHT / 2));
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
        rects[i] = centredRect(w, h, 5);
        g.appendChild(rects[i]);
        Element rules = Svg.el("path"); // the two lines between label, data and grad
        double y1 = -h / 2 + 3 + ROW;
        double y2 = y1 + ROW;
        rules.setAttribute("d", "M" + Svg.r(-w / 2) + " " + Svg.r(y1) + "H" + Svg.r(w / 2)
                + "M" + Svg.r(-w / 2) + " " + Svg.r(y2) + "H" + Svg.r(w / 2));
        g.appendChild(rules);
        return g;
    }

    /** A rectangle with rounded corners, centred on its group's origin. */
    static Element centredRect(double w, double h, double rx) {
        Element rect = Svg.el("rect");
        rect.setAttribute("x", Svg.r(-w / 2));
        rect.setAttribute("y", Svg.r(-h / 2));
        rect.setAttribute("width", Svg.r(w));
        rect.setAttribute("height", Svg.r(h));
        rect.setAttribute("rx", Svg.r(rx));
        return rect;
    }

    /**
     * Adds the text of every box and op, unless it is there already. It is left out until the drawing is shown at a
     * scale where text can be read (or exported): a big graph, fitted far out, then costs the browser thousands of
     * text elements less.
     */
    void buildTexts() {
        if (textsBuilt || layout == null) {
            return;
        }
        textsBuilt = true;
        double top = 3 - BOX_HEIGHT / 2;
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            groups[i].appendChild(rowText(top + ROW / 2, v.label.isEmpty() ? "k" : "l",
                    NodeText.title(v)));
            dataTexts[i] = rowText(top + 1.5 * ROW, "", "");
            groups[i].appendChild(dataTexts[i]);
            gradTexts[i] = rowText(top + 2.5 * ROW, "", "");
            groups[i].appendChild(gradTexts[i]);
            if (opGroups[i] != null) {
                Element text = Svg.el("text");
                text.setTextContent(v.op());
                opGroups[i].appendChild(text);
            }
            writeRows(i, v);
        }
    }

    private void writeRows(int i, Value v) {
        dataTexts[i].setTextContent(NodeText.row("data", v.data));
        gradTexts[i].setTextContent(NodeText.row("grad", gradsKnown ? v.grad : 0));
    }

    private static Element rowText(double y, String className, String text) {
        Element t = Svg.el("text");
        t.setAttribute("y", Svg.r(y));
        if (!className.isEmpty()) {
            t.setAttribute("class", className);
        }
        t.setTextContent(text);
        return t;
    }

    /** Updates every box's numbers, colour and test attributes; returns the legend's range (0: not coloured). */
    double refresh(ColourBy colourBy) {
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
                writeRows(i, v);
            }
            double x = colourBy == ColourBy.GRAD ? v.grad : v.data;
            rects[i].setAttribute("fill", coloured ? Palette.fill(x, max) : Palette.NEUTRAL);
            g.setAttribute("aria-label", NodeText.description(v, gradsKnown, isEditable(v)));
        }
        return coloured ? max : 0;
    }

    private Element arrowMarker() {
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
