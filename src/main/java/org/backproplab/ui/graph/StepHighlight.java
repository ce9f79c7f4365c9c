package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.BackwardTrace;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.layout.Layout;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.xml.Element;

/**
 * One backward step drawn on the graph: the node whose grad is being passed on (and its op circle), the children
 * receiving it, and on each edge a note with the chain rule's arithmetic, "upstream × local = contribution", marked
 * += (or =, with the bug switched on).
 */
final class StepHighlight {
    private static final String COLOUR = "#b4380b";

    private final GraphScene scene;
    /** Everything given a highlight class, so that clearing touches only these and not the whole drawing. */
    private final List<Element> marked = new ArrayList<>();

    StepHighlight(GraphScene scene) {
        this.scene = scene;
    }

    /** Highlights the node a backward step processed, with its arithmetic on each edge to a child. */
    void show(BackwardTrace.Step step, boolean buggy) {
        clear();
        if (step == null) {
            return;
        }
        int i = scene.index(step.node());
        if (i < 0) {
            return;
        }
        mark(scene.box(i), "cur");
        scene.box(i).setAttribute("data-current", "true");
        if (scene.opCircle(i) != null) {
            mark(scene.opCircle(i), "cur");
        }
        Layout layout = scene.layout();
        int count = step.contributions().size();
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (BackwardTrace.Contribution c : step.contributions()) {
            int child = scene.index(c.child());
            top = Math.min(top, layout.y(child) - GraphScene.BOX_HEIGHT / 2);
            bottom = Math.max(bottom, layout.y(child) + GraphScene.BOX_HEIGHT / 2);
        }
        for (BackwardTrace.Contribution c : step.contributions()) {
            int edge = scene.operandEdge(i, c.operand());
            markEdge(edge);
            int child = scene.index(c.child());
            mark(scene.box(child), "recv");
            // The first operand's note goes above the children, the second's below, so neither hides a box.
            boolean above = c.operand() == 0 || count == 1;
            double y = above ? top - 16 : bottom + 16;
            note(edge, layout.x(child), y, arithmetic(c) + (buggy ? "  (=)" : "  (+=)"));
        }
    }

    /**
     * By hand: the edges a Value's grad came in on, from each Value it feeds, with "upstream × local =
     * contribution" on each (or, for a hint, only the local derivative), each note where it hides no box.
     */
    void showUses(Value node, List<BackwardTrace.Contribution> uses, boolean localOnly) {
        clear();
        int i = scene.index(node);
        if (i < 0) {
            return;
        }
        mark(scene.box(i), "cur");
        List<double[]> placed = new ArrayList<>();
        for (BackwardTrace.Contribution c : uses) {
            int parent = scene.index(c.parent());
            if (parent < 0) {
                continue;
            }
            int edge = scene.operandEdge(parent, c.operand());
            mark(scene.edgePath(edge), "h");
            String text = localOnly ? "local d" + StepPanel.label(c.parent()) + "/d" + StepPanel.label(node) + " = "
                    + Numbers.fixed(c.local(), 4) : arithmetic(c);
            double[] at = freeSpot(i, noteWidth(text), placed);
            placed.add(new double[] {at[0], at[1], noteWidth(text)});
            note(edge, at[0], at[1], text);
        }
    }

    /**
     * Where a note of width w about box i can go: the first spot, going out in rows above and below the box, that
     * stays inside the drawing and covers no box, op circle or note already placed; else the row just above it.
     */
    private double[] freeSpot(int i, double w, List<double[]> placed) {
        Layout layout = scene.layout();
        double x = Math.max(w / 2, Math.min(layout.width() - w / 2, layout.x(i)));
        for (int row = 0; row < 8; row++) {
            double offset = GraphScene.BOX_HEIGHT / 2 + 16 + 28 * row;
            for (double y : new double[] {layout.y(i) - offset, layout.y(i) + offset}) {
                if (y - 11 >= 0 && y + 11 <= layout.height() && free(x, y, w, placed)) {
                    return new double[] {x, y};
                }
            }
        }
        return new double[] {x, layout.y(i) - GraphScene.BOX_HEIGHT / 2 - 16};
    }

    private boolean free(double x, double y, double w, List<double[]> placed) {
        Layout layout = scene.layout();
        for (int j = 0; j < layout.nodeCount(); j++) {
            boolean box = j < scene.nodeCount();
            double bw = box ? scene.boxWidth(j) : 40; // an op circle: at most about this wide
            double bh = box ? GraphScene.BOX_HEIGHT : GraphScene.OP_HEIGHT;
            if (Math.abs(layout.x(j) - x) < (bw + w) / 2 + 4 && Math.abs(layout.y(j) - y) < (bh + 22) / 2 + 4) {
                return false;
            }
        }
        for (double[] p : placed) {
            if (Math.abs(p[0] - x) < (p[2] + w) / 2 + 4 && Math.abs(p[1] - y) < 26) {
                return false;
            }
        }
        return true;
    }

    private static double noteWidth(String text) {
        return text.length() * 12 * 0.62 + 14;
    }

    private static String arithmetic(BackwardTrace.Contribution c) {
        return Numbers.fixed(c.upstream(), 4) + " × " + Numbers.fixed(c.local(), 4) + " = "
                + Numbers.fixed(c.contribution(), 4);
    }

    /** A note with the step's arithmetic, joined by a dotted line to the middle of its edge. */
    private void note(int edge, double x, double y, String text) {
        Layout layout = scene.layout();
        int points = layout.pointCount(edge);
        double ex = (layout.pointX(edge, 0) + layout.pointX(edge, points - 1)) / 2;
        double ey = (layout.pointY(edge, 0) + layout.pointY(edge, points - 1)) / 2;
        Element leader = Svg.line(x, y, ex, ey, COLOUR, 1);
        leader.setAttribute("stroke-dasharray", "2 3");
        scene.leaderLayer().appendChild(leader);
        Element g = Svg.el("g");
        g.setAttribute("data-testid", "edge-note");
        g.setAttribute("transform", "translate(" + Svg.r(x) + " " + Svg.r(y) + ")");
        double w = noteWidth(text);
        Element bg = ValueBoxes.centredRect(w, 22, 4);
        bg.setAttribute("fill", "#fff7ed");
        bg.setAttribute("stroke", COLOUR);
        g.appendChild(bg);
        Element t = Svg.text(0, 0, text, "middle", "#7c2d12");
        t.setAttribute("dy", "0.35em");
        t.setAttribute("font-size", "12");
        g.appendChild(t);
        scene.noteLayer().appendChild(g);
    }

    void clear() {
        Dom.clear(scene.noteLayer());
        Dom.clear(scene.leaderLayer());
        for (int k = 0; k < marked.size(); k++) {
            Element e = marked.get(k);
            String c = e.getAttribute("class");
            e.setAttribute("class", c.substring(0, c.lastIndexOf(' ')));
            e.removeAttribute("data-current");
        }
        marked.clear();
    }

    /**
     * Highlights an edge. One that shares its way with other uses of its source (a trunk drawn once) gets its whole
     * route drawn over the drawing, so the highlight shows where it starts, not only its last segment.
     */
    private void markEdge(int edge) {
        mark(scene.edgePath(edge), "h");
        if (scene.layout().bundled(edge)) {
            Element route = Svg.el("path");
            route.setAttribute("class", "e h");
            route.setAttribute("d", Curves.edge(scene.layout(), edge, false));
            scene.leaderLayer().appendChild(route);
        }
    }

    /** Adds a highlight class to an element, remembering it for {@link #clear}. */
    private void mark(Element e, String highlight) {
        e.setAttribute("class", e.getAttribute("class") + " " + highlight);
        marked.add(e);
    }
}
