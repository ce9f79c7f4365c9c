package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Value;
import org.backproplab.ui.chart.Palette;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.xml.Element;

/**
 * A graph too big to draw one box per Value, drawn as a summary: its named leaves as boxes on the left, its output
 * as a box on the right, and between them its layers as bands, each Value by its depth (the longest path of ops
 * from a leaf to it), each band with how many Values it holds and which op they mostly are. A chain of 100,000
 * Values, or a leaf used 30,000 times, is drawn this way in milliseconds, where the full drawing takes the browser
 * seconds and its memory. The canvas offers the full drawing on demand.
 */
final class GraphSummary {
    /** Graphs with more Values than this are summarised, unless the full drawing is asked for. */
    static final int SUMMARY_NODES = 3000;
    /** Few enough bands that the whole summary, fitted to a laptop's view, has text that can still be read. */
    private static final int MAX_BANDS = 6;
    /** Named leaves drawn as boxes; the others are counted. */
    private static final int MAX_LEAVES = 8;
    private static final double BOX_WIDTH = 150;
    private static final double LEAF_GAP = 18;
    private static final double BAND_WIDTH = 112;
    private static final double BAND_GAP = 34;
    private static final double BAND_MAX_HEIGHT = 300;
    private static final double BAND_MIN_HEIGHT = 4 * GraphScene.ROW + 12;

    private final Element group = Svg.el("g");
    private final String arrowUrl;
    private List<Value> values = new ArrayList<>();
    private final List<Value> leaves = new ArrayList<>();
    private final List<Element[]> leafBoxes = new ArrayList<>();
    private Element[] outputBox;
    private int[] bandOf = new int[0]; // each Value's band, -1 for a leaf
    private Element[] bandRects = new Element[0];
    private double width;
    private double height;

    /** arrowUrl: the marker at the end of an edge, as url(#id). */
    GraphSummary(String arrowUrl) {
        this.arrowUrl = arrowUrl;
        group.setAttribute("data-testid", "graph-summary");
    }

    Element element() {
        return group;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    /** Where the output's box is, down the drawing, so a view can be centred on it. */
    double outputY() {
        return height / 2;
    }

    /** How many Values the summary stands for. */
    int valueCount() {
        return values.size();
    }

    /** Draws the summary of these Values (children before parents, the output last). */
    void draw(List<Value> order) {
        values = order;
        group.setTextContent("");
        int[] depth = depths(order);
        int deepest = depth[order.size() - 1];
        int bands = Math.max(1, Math.min(MAX_BANDS, deepest));
        int[] counts = new int[bands];
        bandOf = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            bandOf[i] = depth[i] == 0 ? -1 : (int) ((long) (depth[i] - 1) * bands / Math.max(1, deepest));
            if (bandOf[i] >= 0) {
                counts[bandOf[i]]++;
            }
        }
        int leafCount = chooseLeaves(order);
        double leafColumn = leaves.size() * (GraphScene.BOX_HEIGHT + LEAF_GAP) + (leafCount > leaves.size() ? 40 : 0);
        height = Math.max(BAND_MAX_HEIGHT + 60, leafColumn);
        double middle = height / 2;
        double x = BOX_WIDTH + BAND_GAP;
        drawLeaves(leafCount, middle - leafColumn / 2, x);
        int most = 1;
        for (int c : counts) {
            most = Math.max(most, c);
        }
        bandRects = new Element[bands];
        for (int b = 0; b < bands; b++) {
            int from = b * deepest / bands + 1;
            int to = (b + 1) * deepest / bands;
            double h = BAND_MIN_HEIGHT + (BAND_MAX_HEIGHT - BAND_MIN_HEIGHT) * Math.sqrt(counts[b] / (double) most);
            bandRects[b] = band(x, middle, h, from, to, counts[b], commonOp(order, b));
            if (b > 0) {
                group.appendChild(edge(x - BAND_GAP, middle, x, middle));
            }
            x += BAND_WIDTH + BAND_GAP;
        }
        group.appendChild(edge(x - BAND_GAP, middle, x, middle));
        Value output = order.get(order.size() - 1);
        outputBox = box(output, x + BOX_WIDTH / 2, middle, "summary-output");
        width = x + BOX_WIDTH;
    }

    /** Each Value's depth: 0 for a leaf, else one more than its deepest child. One pass, children first. */
    private static int[] depths(List<Value> order) {
        Map<Value, Integer> index = new HashMap<>();
        int[] depth = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            Value v = order.get(i);
            index.put(v, i);
            for (int c = 0; c < v.arity(); c++) {
                depth[i] = Math.max(depth[i], depth[index.get(v.child(c))] + 1);
            }
        }
        return depth;
    }

    /** Picks the named leaves to draw (the first few); returns how many leaves there are in all. */
    private int chooseLeaves(List<Value> order) {
        leaves.clear();
        int count = 0;
        for (Value v : order) {
            if (v.isLeaf()) {
                count++;
                if (!v.label.isEmpty() && leaves.size() < MAX_LEAVES) {
                    leaves.add(v);
                }
            }
        }
        return count;
    }

    private void drawLeaves(int leafCount, double top, double firstBand) {
        leafBoxes.clear();
        double y = top + GraphScene.BOX_HEIGHT / 2;
        for (Value leaf : leaves) {
            group.appendChild(edge(BOX_WIDTH, y, firstBand, height / 2));
            leafBoxes.add(box(leaf, BOX_WIDTH / 2, y, "summary-leaf"));
            y += GraphScene.BOX_HEIGHT + LEAF_GAP;
        }
        int others = leafCount - leaves.size();
        if (others > 0) {
            double textY = leaves.isEmpty() ? height / 2 : y;
            group.appendChild(text(BOX_WIDTH / 2, textY, "+ " + count(others) + (leaves.isEmpty() ? " leaves"
                    : " more leaves"), "k"));
            group.appendChild(edge(BOX_WIDTH, textY, firstBand, height / 2));
        }
    }

    /** The op most Values of band b are results of, and how many: "+ ×4,999". */
    private String commonOp(List<Value> order, int b) {
        Map<String, Integer> ops = new HashMap<>();
        String best = "";
        int bestCount = 0;
        for (int i = 0; i < order.size(); i++) {
            if (bandOf[i] == b) {
                String op = order.get(i).op();
                int c = ops.getOrDefault(op, 0) + 1;
                ops.put(op, c);
                if (c > bestCount) {
                    best = op;
                    bestCount = c;
                }
            }
        }
        return bestCount == 0 ? "" : best + " ×" + count(bestCount);
    }

    private Element band(double x, double middle, double h, int from, int to, int count, String op) {
        Element g = Svg.el("g");
        g.setAttribute("class", "n band");
        g.setAttribute("data-testid", "summary-band");
        g.setAttribute("data-count", Integer.toString(count));
        g.setAttribute("role", "img");
        String depths = from == to ? count(from) : count(from) + "–" + count(to);
        String values = count(count) + (count == 1 ? " Value" : " Values");
        g.setAttribute("aria-label", "depth " + depths + ": " + values + (op.isEmpty() ? "" : ", mostly " + op));
        Element rect = Svg.el("rect");
        rect.setAttribute("x", Svg.r(x));
        rect.setAttribute("y", Svg.r(middle - h / 2));
        rect.setAttribute("width", Svg.r(BAND_WIDTH));
        rect.setAttribute("height", Svg.r(h));
        rect.setAttribute("rx", "8");
        g.appendChild(rect);
        double cx = x + BAND_WIDTH / 2;
        g.appendChild(text(cx, middle - 1.5 * GraphScene.ROW, "depth", "k"));
        g.appendChild(text(cx, middle - 0.5 * GraphScene.ROW, depths, "k"));
        g.appendChild(text(cx, middle + 0.5 * GraphScene.ROW, values, "l"));
        g.appendChild(text(cx, middle + 1.5 * GraphScene.ROW, op, ""));
        group.appendChild(g);
        return rect;
    }

    /**
     * A Value's box as the full drawing has it: title, data and grad, so the leaves and output read the same.
     * Returns the group, its rectangle, and its data and grad texts.
     */
    private Element[] box(Value v, double x, double y, String testId) {
        Element g = Svg.el("g");
        g.setAttribute("class", "n");
        g.setAttribute("data-testid", testId);
        g.setAttribute("data-label", v.label);
        g.setAttribute("role", "img");
        g.setAttribute("transform", "translate(" + Svg.r(x) + " " + Svg.r(y) + ")");
        Element[] parts = {g, ValueBoxes.centredRect(BOX_WIDTH, GraphScene.BOX_HEIGHT, 5), null, null};
        g.appendChild(parts[1]);
        double top = 3 - GraphScene.BOX_HEIGHT / 2;
        g.appendChild(text(0, top + GraphScene.ROW / 2, NodeText.title(v), v.label.isEmpty() ? "k" : "l"));
        parts[2] = text(0, top + 1.5 * GraphScene.ROW, "", "");
        parts[3] = text(0, top + 2.5 * GraphScene.ROW, "", "");
        g.appendChild(parts[2]);
        g.appendChild(parts[3]);
        group.appendChild(g);
        return parts;
    }

    /** New numbers and colours for the boxes and bands; returns the colour range (0: not coloured). */
    double refresh(boolean gradsKnown, GraphScene.ColourBy colourBy) {
        boolean byGrad = colourBy == GraphScene.ColourBy.GRAD;
        boolean coloured = !byGrad || gradsKnown;
        double max = 0;
        double[] sums = new double[bandRects.length];
        int[] counts = new int[bandRects.length];
        for (int i = 0; i < values.size(); i++) {
            double x = byGrad ? values.get(i).grad : values.get(i).data;
            if (Double.isFinite(x)) {
                max = Math.max(max, Math.abs(x));
                if (bandOf[i] >= 0) {
                    sums[bandOf[i]] += x;
                    counts[bandOf[i]]++;
                }
            }
        }
        for (int b = 0; b < bandRects.length; b++) {
            double mean = counts[b] == 0 ? 0 : sums[b] / counts[b];
            bandRects[b].setAttribute("fill", coloured ? Palette.fill(mean, max) : Palette.NEUTRAL);
        }
        for (int i = 0; i < leaves.size(); i++) {
            write(leafBoxes.get(i), leaves.get(i), gradsKnown, coloured ? max : 0, byGrad);
        }
        write(outputBox, values.get(values.size() - 1), gradsKnown, coloured ? max : 0, byGrad);
        return coloured ? max : 0;
    }

    private static void write(Element[] box, Value v, boolean gradsKnown, double range, boolean byGrad) {
        box[0].setAttribute("data-value", Double.toString(v.data));
        box[0].setAttribute("data-grad", gradsKnown ? Double.toString(v.grad) : "");
        box[0].setAttribute("aria-label", NodeText.description(v, gradsKnown, false));
        box[1].setAttribute("fill", Palette.fill(byGrad ? v.grad : v.data, range));
        box[2].setTextContent(NodeText.row("data", v.data));
        box[3].setTextContent(NodeText.row("grad", gradsKnown ? v.grad : 0));
    }

    private Element edge(double x1, double y1, double x2, double y2) {
        Element path = Svg.el("path");
        path.setAttribute("class", "e");
        path.setAttribute("d", Curves.between(x1, y1, x2, y2));
        path.setAttribute("marker-end", arrowUrl);
        return path;
    }

    private static Element text(double x, double y, String content, String className) {
        Element t = Svg.el("text");
        t.setAttribute("x", Svg.r(x));
        t.setAttribute("y", Svg.r(y));
        if (!className.isEmpty()) {
            t.setAttribute("class", className);
        }
        t.setTextContent(content);
        return t;
    }

    /** A count with thousands separated, as a teacher reads it: 30,000. */
    static String count(int n) {
        String digits = Integer.toString(n);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0 && digits.charAt(i - 1) != '-') {
                s.append(',');
            }
            s.append(digits.charAt(i));
        }
        return s.toString();
    }
}
