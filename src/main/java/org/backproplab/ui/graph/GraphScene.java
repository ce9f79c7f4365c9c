package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Value;
import org.backproplab.layout.Layout;
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
    static final String EDGE_COLOUR = "#8793a5";
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
            // nor are the lines between a box's rows and the arrowheads, a pixel at most, which cost the browser
            // thousands of shapes to paint again when a keystroke recolours a big graph
            + "svg.bpl-svg.far .n path{display:none}svg.bpl-svg.far .e{marker-end:none}"
            // Far out, lines keep their width on screen, so a big graph fitted whole is still seen, not a blank.
            + "svg.bpl-svg.far .e,svg.bpl-svg.far rect{vector-effect:non-scaling-stroke}"
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
    private final ValueBoxes boxes = new ValueBoxes();
    private int[][] operandEdges = new int[0][];
    private Element[] edgePaths = new Element[0];
    private Layout layout;
    private double[] boxWidths = new double[0];
    private String structure = "";
    private boolean gradsKnown;
    private boolean leavesEditable = true;
    private final LazyPaint lazy = new LazyPaint(new LazyPaint.Boxes() {
        @Override
        public void paint(int i) {
            paintBox(i);
        }

        @Override
        public void colour(int i) {
            boxes.colour(i, fill(values.get(i)));
        }

        @Override
        public void makeTexts(int i) {
            boxes.makeTexts(i, values.get(i), gradsKnown);
        }
    });
    private final GraphSummary summary = new GraphSummary("url(#" + idPrefix + "arrow)");
    private boolean summarised;
    private boolean drawEverything;
    private Value shownOutput;
    private ColourBy colourBy = ColourBy.GRAD;
    private double colourRange;
    private boolean coloured;

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
        svg.appendChild(Curves.arrowMarker(idPrefix + "arrow", EDGE_COLOUR));
        world.appendChild(edgeLayer);
        world.appendChild(leaderLayer);
        world.appendChild(opLayer);
        world.appendChild(nodeLayer);
        world.appendChild(summary.element());
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

    /** Whether the graph is drawn as a summary (see {@link GraphSummary}) rather than box by box. */
    boolean summarised() {
        return summarised;
    }

    /**
     * Past {@link GraphSummary#SUMMARY_NODES}, draw every Value anyway (true) or the summary (false). It holds until
     * a graph with another number of Values comes; call {@link #show} next, which then draws anew.
     */
    void drawEverything(boolean on) {
        drawEverything = on;
        shownOutput = null;
    }

    /** Whether anything has been drawn yet. */
    boolean hasDrawing() {
        return layout != null || summarised;
    }

    /** The size of the drawing, in its own units, and how far down it the output is. */
    double width() {
        return summarised ? summary.width() : layout.width();
    }

    double height() {
        return summarised ? summary.height() : layout.height();
    }

    double outputY() {
        return summarised ? summary.outputY() : layout.y(values.size() - 1);
    }

    /** Where a Value is in the drawing (its node number in the layout), or -1 if it isn't drawn. */
    int index(Value v) {
        Integer i = indexOf.get(v);
        return i == null ? -1 : i;
    }

    Element box(int i) {
        return boxes.box(i);
    }

    double boxWidth(int i) {
        return boxWidths[i];
    }

    /** The op circle of a result, or null for a leaf. */
    Element opCircle(int i) {
        return boxes.opCircle(i);
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
        gradsKnown = withGrads;
        if (output == shownOutput) {
            return false; // the same Values (a Step, Backward): their graph can't have changed, only their numbers
        }
        shownOutput = output;
        List<Value> order = output.topologicalOrder();
        if (drawEverything && order.size() != values.size()) {
            drawEverything = false; // asked for one graph; another size is another graph
        }
        if (order.size() > GraphSummary.SUMMARY_NODES && !drawEverything) {
            return summarise(order);
        }
        String shape = GraphShape.key(order);
        if (shape.equals(structure)) {
            rebind(order);
            return false;
        }
        structure = shape;
        build(order);
        return true;
    }

    /** Draws a summary instead of the boxes; returns true if it is new (not the same graph with new numbers). */
    private boolean summarise(List<Value> order) {
        boolean fresh = !summarised || order.size() != values.size();
        summarised = true;
        structure = "";
        layout = null;
        values = order;
        indexOf.clear(); // no Value has a box: a step, a leaf editor find none to mark
        Dom.clear(edgeLayer);
        Dom.clear(opLayer);
        Dom.clear(nodeLayer);
        lazy.reset(null, new double[0], BOX_HEIGHT);
        summary.draw(order);
        svg.setAttribute("data-width", Double.toString(summary.width()));
        svg.setAttribute("data-height", Double.toString(summary.height()));
        return fresh;
    }

    private void rebind(List<Value> order) {
        values = order;
        indexOf.clear();
        for (int i = 0; i < order.size(); i++) {
            indexOf.put(order.get(i), i);
        }
    }

    private void build(List<Value> order) {
        rebind(order);
        summarised = false;
        Dom.clear(summary.element());
        Dom.clear(edgeLayer);
        Dom.clear(opLayer);
        Dom.clear(nodeLayer);
        GraphShape drawn = GraphShape.of(order, indexOf);
        layout = drawn.layout();
        boxWidths = drawn.boxWidths();
        operandEdges = drawn.operandEdges();
        int n = order.size();
        for (int v = 0; v < layout.nodeCount(); v++) {
            if (layout.hasSharedTrunk(v)) { // drawn once for all the long edges of a Value used many times
                Element trunk = Svg.el("path");
                trunk.setAttribute("class", "e");
                trunk.setAttribute("d", Curves.trunk(layout, v));
                edgeLayer.appendChild(trunk);
            }
        }
        edgePaths = new Element[layout.edgeCount()];
        for (int e = 0; e < edgePaths.length; e++) {
            Element path = Svg.el("path");
            path.setAttribute("class", "e");
            path.setAttribute("d", Curves.edge(layout, e, layout.bundled(e)));
            if (layout.to(e) < n) {
                path.setAttribute("marker-end", "url(#" + idPrefix + "arrow)");
            }
            edgeLayer.appendChild(path);
            edgePaths[e] = path;
        }
        boxes.build(order, drawn, this::isEditable, opLayer, nodeLayer);
        lazy.reset(layout, boxWidths, BOX_HEIGHT);
        svg.setAttribute("data-width", Double.toString(layout.width()));
        svg.setAttribute("data-height", Double.toString(layout.height()));
    }

    /** Adds the text of every box and op that has none yet, and paints every box: an export needs them all. */
    void buildTexts() {
        if (layout != null) {
            lazy.everything();
        }
    }

    /** The part of the drawing on screen moved (in its own units); readable: text can be read at this scale. */
    void viewMoved(double left, double top, double right, double bottom, boolean readable) {
        lazy.viewMoved(left, top, right, bottom, readable);
    }

    /**
     * Updates every box's numbers, colour and test attributes: those on screen at once, the others a little later
     * in a big graph (see {@link LazyPaint}). Returns the legend's range (0: not coloured).
     */
    double refresh(ColourBy colourBy) {
        this.colourBy = colourBy;
        if (summarised) {
            return summary.refresh(gradsKnown, colourBy);
        }
        double max = 0;
        for (Value v : values) {
            double x = colourBy == ColourBy.GRAD ? v.grad : v.data;
            if (Double.isFinite(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        colourRange = max;
        coloured = colourBy == ColourBy.DATA || gradsKnown;
        lazy.refresh();
        return coloured ? max : 0;
    }

    private void paintBox(int i) {
        Value v = values.get(i);
        boxes.paint(i, v, gradsKnown, fill(v), isEditable(v));
    }

    private String fill(Value v) {
        double x = colourBy == ColourBy.GRAD ? v.grad : v.data;
        return coloured ? Palette.fill(x, colourRange) : Palette.NEUTRAL;
    }
}
