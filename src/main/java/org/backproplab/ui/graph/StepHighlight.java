package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.BackwardTrace;
import org.backproplab.engine.Numbers;
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
            String text = Numbers.fixed(c.upstream(), 4) + " × " + Numbers.fixed(c.local(), 4) + " = "
                    + Numbers.fixed(c.contribution(), 4) + (buggy ? "  (=)" : "  (+=)");
            // The first operand's note goes above the children, the second's below, so neither hides a box.
            boolean above = c.operand() == 0 || count == 1;
            double y = above ? top - 16 : bottom + 16;
            note(edge, layout.x(child), y, text);
        }
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
        double w = text.length() * 12 * 0.62 + 14;
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
