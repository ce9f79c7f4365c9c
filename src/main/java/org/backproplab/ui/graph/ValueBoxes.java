package org.backproplab.ui.graph;

import java.util.List;
import java.util.function.Predicate;
import org.backproplab.engine.Value;
import org.backproplab.layout.Layout;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.xml.Element;

/**
 * The elements of the drawing's boxes: for each Value a record box {@code label | data | grad}, and for each result
 * its op circle. A box's numbers, colour and name are written again only when they changed: a Step changes the
 * grads of two or three Values, a keystroke often only part of the graph, and each attribute written costs the
 * browser a restyle of that box.
 */
final class ValueBoxes {
    private Element[] groups = new Element[0];
    private Element[] rects = new Element[0];
    private Element[] dataTexts = new Element[0];
    private Element[] gradTexts = new Element[0];
    private Element[] opGroups = new Element[0];
    // What each box shows now; painted false: it must be written, whatever it shows.
    private boolean[] painted = new boolean[0];
    private double[] shownData = new double[0];
    private double[] shownGrad = new double[0];
    private boolean[] shownKnown = new boolean[0];
    private String[] shownFill = new String[0];
    /** Where each box and op circle is centred: their parts are placed there, with no transform of their own. */
    private double[] boxX = new double[0];
    private double[] boxY = new double[0];
    private double[] opX = new double[0];
    private double[] opY = new double[0];

    Element box(int i) {
        return groups[i];
    }

    /** The op circle of a result, or null for a leaf. */
    Element opCircle(int i) {
        return opGroups[i];
    }

    /** New boxes and op circles for these Values, where shape puts them, into the two layers. */
    void build(List<Value> order, GraphShape shape, Predicate<Value> editable, Element opLayer, Element nodeLayer) {
        int n = order.size();
        Layout layout = shape.layout();
        opGroups = new Element[n];
        groups = new Element[n];
        rects = new Element[n];
        dataTexts = new Element[n];
        gradTexts = new Element[n];
        painted = new boolean[n];
        shownData = new double[n];
        shownGrad = new double[n];
        shownKnown = new boolean[n];
        shownFill = new String[n];
        boxX = new double[n];
        boxY = new double[n];
        opX = new double[n];
        opY = new double[n];
        for (int i = 0; i < n; i++) {
            Value v = order.get(i);
            boxX[i] = layout.x(i);
            boxY[i] = layout.y(i);
            if (!v.isLeaf()) {
                int op = shape.opNode()[i];
                opX[i] = layout.x(op);
                opY[i] = layout.y(op);
                opGroups[i] = opShape(v, opX[i], opY[i]);
                opLayer.appendChild(opGroups[i]);
            }
            groups[i] = valueBox(i, v, layout.x(i), layout.y(i), shape.boxWidths()[i], editable.test(v));
            nodeLayer.appendChild(groups[i]);
        }
    }

    /** Writes box i's numbers (and its rows, once it has them), colour and name, unless it shows them already. */
    void paint(int i, Value v, boolean gradsKnown, String fill, boolean editable) {
        boolean same = painted[i] && same(shownData[i], v.data) && same(shownGrad[i], v.grad)
                && shownKnown[i] == gradsKnown;
        if (!same) {
            Element g = groups[i];
            g.setAttribute("data-value", Double.toString(v.data));
            g.setAttribute("data-grad", gradsKnown ? Double.toString(v.grad) : "");
            if (dataTexts[i] != null) {
                writeRows(i, v, gradsKnown);
            }
            g.setAttribute("aria-label", NodeText.description(v, gradsKnown, editable));
            painted[i] = true;
            shownData[i] = v.data;
            shownGrad[i] = v.grad;
            shownKnown[i] = gradsKnown;
        }
        colour(i, fill);
    }

    /** Writes box i's colour only, unless it has it: far out, the rest can't be seen (see {@link LazyPaint}). */
    void colour(int i, String fill) {
        if (!fill.equals(shownFill[i])) {
            rects[i].setAttribute("fill", fill);
            shownFill[i] = fill;
        }
    }

    /** Equal numbers, NaN equal to NaN (a box showing NaN needs no rewrite to show NaN again). */
    private static boolean same(double a, double b) {
        return a == b || a != a && b != b;
    }

    private static Element opShape(Value v, double x, double y) {
        Element g = Svg.el("g");
        g.setAttribute("class", "o");
        g.setAttribute("data-testid", "op");
        g.setAttribute("data-op", v.op());
        g.appendChild(centredRect(x, y, GraphShape.opWidth(v), GraphScene.OP_HEIGHT, GraphScene.OP_HEIGHT / 2));
        return g;
    }

    private Element valueBox(int i, Value v, double x, double y, double w, boolean editable) {
        double h = GraphScene.BOX_HEIGHT;
        Element g = Svg.el("g");
        g.setAttribute("data-testid", "node");
        g.setAttribute("data-label", v.label);
        g.setAttribute("data-op", v.op());
        g.setAttribute("data-index", Integer.toString(i));
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", editable ? "button" : "img");
        g.setAttribute("class", editable ? "n leaf" : "n");
        rects[i] = centredRect(x, y, w, h, 5);
        g.appendChild(rects[i]);
        Element rules = Svg.el("path"); // the two lines between label, data and grad
        double y1 = y - h / 2 + 3 + GraphScene.ROW;
        double y2 = y1 + GraphScene.ROW;
        rules.setAttribute("d", "M" + Svg.r(x - w / 2) + " " + Svg.r(y1) + "H" + Svg.r(x + w / 2)
                + "M" + Svg.r(x - w / 2) + " " + Svg.r(y2) + "H" + Svg.r(x + w / 2));
        g.appendChild(rules);
        return g;
    }

    /** A rectangle with rounded corners, centred on its group's origin. */
    static Element centredRect(double w, double h, double rx) {
        return centredRect(0, 0, w, h, rx);
    }

    /**
     * A rectangle with rounded corners, centred on (x, y). The drawing's boxes are placed so, each part where it
     * goes, rather than by a transform on each box's group: a transform each made thousands of separate pieces for
     * the browser to put together again whenever a big graph's numbers changed (about 8 ms of every keystroke in a
     * 1,496-Value graph, in a trace of Chromium).
     */
    static Element centredRect(double x, double y, double w, double h, double rx) {
        Element rect = Svg.el("rect");
        rect.setAttribute("x", Svg.r(x - w / 2));
        rect.setAttribute("y", Svg.r(y - h / 2));
        rect.setAttribute("width", Svg.r(w));
        rect.setAttribute("height", Svg.r(h));
        rect.setAttribute("rx", Svg.r(rx));
        return rect;
    }

    /**
     * Adds the texts of box i and its op. They are made only once the box is on screen at a scale where they can
     * be read (see {@link LazyPaint}).
     */
    void makeTexts(int i, Value v, boolean gradsKnown) {
        double top = boxY[i] + 3 - GraphScene.BOX_HEIGHT / 2;
        groups[i].appendChild(rowText(boxX[i], top + GraphScene.ROW / 2, v.label.isEmpty() ? "k" : "l",
                NodeText.title(v)));
        dataTexts[i] = rowText(boxX[i], top + 1.5 * GraphScene.ROW, "", "");
        groups[i].appendChild(dataTexts[i]);
        gradTexts[i] = rowText(boxX[i], top + 2.5 * GraphScene.ROW, "gr", ""); // by-hand mode hides it under a field
        groups[i].appendChild(gradTexts[i]);
        if (opGroups[i] != null) {
            opGroups[i].appendChild(rowText(opX[i], opY[i], "", v.op()));
        }
        writeRows(i, v, gradsKnown);
    }

    private void writeRows(int i, Value v, boolean gradsKnown) {
        dataTexts[i].setTextContent(NodeText.row("data", v.data));
        gradTexts[i].setTextContent(NodeText.row("grad", gradsKnown ? v.grad : 0));
    }

    private static Element rowText(double x, double y, String className, String text) {
        Element t = Svg.el("text");
        t.setAttribute("x", Svg.r(x));
        t.setAttribute("y", Svg.r(y));
        if (!className.isEmpty()) {
            t.setAttribute("class", className);
        }
        t.setTextContent(text);
        return t;
    }
}
