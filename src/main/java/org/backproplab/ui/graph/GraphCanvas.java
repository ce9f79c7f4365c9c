package org.backproplab.ui.graph;

import java.util.function.Consumer;
import org.backproplab.engine.BackwardTrace;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Text;
import org.backproplab.engine.Value;
import org.backproplab.ui.chart.Palette;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.PointerEvent;
import org.backproplab.ui.dom.Svg;
import org.backproplab.ui.graph.GraphScene.ColourBy;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.xml.Element;

/**
 * The lecture's draw_dot, live: a Value graph drawn as SVG, left to right, which can be panned and zoomed, shows a
 * backward step on it, and lets leaves be typed or scrubbed. This class puts the pieces on the page and hands them
 * the pointer and keys: {@link GraphScene} draws, {@link Viewport} frames, {@link StepHighlight} marks a step and
 * {@link LeafEditor} changes a leaf. The owner hears about a changed leaf through {@link Listener} and rewrites the
 * program.
 */
public final class GraphCanvas {
    /** What the canvas tells its owner. */
    interface Listener {
        /** A leaf was given a new value: typed (done = true), or scrubbed (done = false while dragging). */
        void leafChanged(Value leaf, double value, boolean done);
    }

    private final HTMLElement root = Dom.el("div", "bpl-canvas");
    private final GraphScene scene = new GraphScene();
    private final StepHighlight highlight = new StepHighlight(scene);
    private final Viewport viewport;
    private final LeafEditor editor;
    private final HTMLElement legendMin = Dom.text("span", "", "");
    private final HTMLElement legendMax = Dom.text("span", "", "");
    private final HTMLElement legendTitle = Dom.text("span", "bpl-legend-title", "grad");
    private final HTMLElement summaryNote = Dom.el("div", "bpl-summary-note");
    private final HTMLElement summaryText = Dom.text("span", "", "");
    private final HTMLElement summaryToggle = Dom.button("", "draw-all", this::toggleSummary);
    private ColourBy colourBy = ColourBy.GRAD;
    private Value shown;
    private boolean shownWithGrads;

    /** Leaf changes go to listener; rejected says why a typed value could not be used. */
    GraphCanvas(Listener listener, Consumer<String> rejected) {
        viewport = new Viewport(scene, this::viewMoved);
        editor = new LeafEditor(scene, viewport, listener, rejected);
        root.appendChild(scene.svg());
        root.appendChild(legend());
        HTMLElement zoom = Dom.el("div", "bpl-zoom");
        zoom.appendChild(titled(Dom.button("−", "zoom-out", () -> zoom(1 / 1.25)), "Zoom out (−)"));
        zoom.appendChild(titled(Dom.button("+", "zoom-in", () -> zoom(1.25)), "Zoom in (+)"));
        zoom.appendChild(titled(Dom.button("Fit", "fit", this::fit), "Frame the whole graph (F)"));
        root.appendChild(zoom);
        summaryNote.setAttribute("data-testid", "summary-note");
        summaryNote.setAttribute("role", "status");
        summaryNote.appendChild(summaryText);
        summaryNote.appendChild(summaryToggle);
        summaryNote.setHidden(true);
        root.appendChild(summaryNote);
        root.appendChild(editor.element());
        listen();
        // Printed, the drawing is framed whole on the page: the on-screen pan and zoom were for another size.
        Dom.onWindowWhileAlive(root, "beforeprint", () -> {
            if (scene.layout() != null) {
                scene.buildTexts();
                scene.svg().setAttribute("viewBox", "0 0 " + Svg.r(scene.layout().width()) + " "
                        + Svg.r(scene.layout().height()));
                scene.world().setAttribute("data-screen", scene.world().getAttribute("transform"));
                scene.world().removeAttribute("transform");
            }
        });
        Dom.onWindowWhileAlive(root, "afterprint", () -> {
            if (scene.world().hasAttribute("data-screen")) {
                scene.svg().removeAttribute("viewBox");
                scene.world().setAttribute("transform", scene.world().getAttribute("data-screen"));
                scene.world().removeAttribute("data-screen");
            }
        });
    }

    HTMLElement element() {
        return root;
    }

    /** The drawing, for the exports to copy. */
    GraphScene scene() {
        return scene;
    }

    /** A tooltip, and a name that starts with the button's word (Fit) so speech input can say what it reads. */
    private static HTMLElement titled(HTMLElement button, String title) {
        String word = button.getTextContent();
        button.setAttribute("title", title);
        button.setAttribute("aria-label", Text.isAsciiLetter(word.charAt(0)) ? word + ": " + title : title);
        return button;
    }

    /** The key to the boxes' colours, with the switch between colouring by grad and by data. */
    private HTMLElement legend() {
        HTMLElement legend = Dom.el("div", "bpl-legend");
        legend.setAttribute("data-testid", "legend");
        HTMLElement bar = Dom.el("span", "bpl-legend-bar");
        bar.getStyle().setProperty("background", "linear-gradient(to right, " + Palette.negative() + ", "
                + Palette.NEUTRAL + ", " + Palette.positive() + ")");
        legend.appendChild(legendTitle);
        legend.appendChild(legendMin);
        legend.appendChild(bar);
        legend.appendChild(legendMax);
        HTMLInputElement byData = Dom.checkbox("colour-by-data");
        HTMLElement toggle = Dom.el("label", "bpl-legend-toggle");
        toggle.appendChild(byData);
        toggle.appendChild(Dom.text("span", "", "colour by data"));
        legend.appendChild(toggle);
        Dom.on(byData, "change", e -> {
            colourBy = byData.isChecked() ? ColourBy.DATA : ColourBy.GRAD;
            refresh();
        });
        return legend;
    }

    int nodeCount() {
        return scene.nodeCount();
    }

    /**
     * Draws a new graph. When it has the same shape as the one drawn (only numbers changed, as while typing a
     * digit or scrubbing a leaf) the boxes are updated in place and the view stays where it is.
     */
    void show(Value output, boolean withGrads) {
        shown = output;
        shownWithGrads = withGrads;
        boolean fresh = scene.show(output, withGrads);
        if (fresh) {
            highlight.clear(); // its marks and notes belonged to the old drawing
            describeSummary();
        }
        refresh();
        if (fresh) {
            viewport.fit();
        }
    }

    /** Past the size a summary stands in for the graph, a note says so and offers the other drawing. */
    private void describeSummary() {
        int n = scene.nodeCount();
        String count = GraphSummary.count(n);
        summaryNote.setHidden(n <= GraphSummary.SUMMARY_NODES);
        if (scene.summarised()) {
            summaryText.setTextContent("A summary: " + count + " Values are too many to draw one by one. The bands "
                    + "are the graph's layers (Values by how many ops they are from the leaves), with their counts; "
                    + "the leaves and the output are shown as boxes. ");
            summaryToggle.setTextContent("Draw all " + count + " Values");
        } else {
            summaryText.setTextContent("All " + count + " Values are drawn: zooming and panning can be slow. ");
            summaryToggle.setTextContent("Show the summary");
        }
    }

    private void toggleSummary() {
        if (shown != null) {
            scene.drawEverything(scene.summarised());
            show(shown, shownWithGrads);
        }
    }

    private void refresh() {
        double range = scene.refresh(colourBy);
        legendTitle.setTextContent(colourBy == ColourBy.GRAD ? "grad" : "data");
        legendMin.setTextContent(range > 0 ? "−" + Numbers.compact(range, 3) : "−");
        legendMax.setTextContent(range > 0 ? "+" + Numbers.compact(range, 3) : "+");
    }

    /** Highlights the node a backward step processed, with "upstream × local = contribution" on each edge. */
    void highlight(BackwardTrace.Step step, boolean buggy) {
        highlight.show(step, buggy);
    }

    /** Pans, if need be, so that a Value's box is in view (Tab moved the focus to it). */
    void reveal(Value v) {
        int i = scene.index(v);
        if (i >= 0) {
            viewport.reveal(scene.layout().x(i), scene.layout().y(i), scene.boxWidth(i), GraphScene.BOX_HEIGHT);
        }
    }

    /** By hand: the edges a Value's grad came in on, with their arithmetic (or, for a hint, the local derivative). */
    void highlightUses(Value node, java.util.List<BackwardTrace.Contribution> uses, boolean localOnly) {
        highlight.showUses(node, uses, localOnly);
    }

    void clearHighlight() {
        highlight.clear();
    }

    /** Frames the whole graph. */
    void fit() {
        viewport.fit();
    }

    void zoom(double factor) {
        viewport.zoom(factor);
    }

    /** Set before the first graph is shown: false makes every box read-only. */
    void setLeavesEditable(boolean editable) {
        scene.setLeavesEditable(editable);
    }

    /** The field over a leaf would no longer sit on its box. */
    private void viewMoved() {
        editor.hide();
    }

    // ---- who gets the pointer: a drag on a leaf scrubs it, anywhere else it pans; two fingers pinch ----

    private void listen() {
        Element svg = scene.svg();
        Dom.on(svg, "wheel", viewport::wheel);
        Dom.on(svg, "pointerdown", this::pointerDown);
        Dom.on(svg, "pointermove", this::pointerMove);
        Dom.on(svg, "pointerup", this::pointerUp);
        Dom.on(svg, "pointercancel", this::pointerUp);
        Dom.on(svg, "keydown", e -> {
            KeyboardEvent k = (KeyboardEvent) e;
            Value v = valueAt(e);
            if (v != null && scene.isEditable(v) && (k.getKey().equals("Enter") || k.getKey().equals(" "))) {
                e.preventDefault();
                editor.open(v);
            }
        });
    }

    /** The Value whose box an event happened in, or null. */
    private Value valueAt(Event e) {
        String index = closestIndex(e.getTarget());
        return index == null ? null : scene.value((int) Numbers.parse(index));
    }

    @JSBody(params = "target", script = "var bplNode = target && target.closest"
            + " ? target.closest('[data-index]') : null; return bplNode ? bplNode.getAttribute('data-index') : null;")
    private static native String closestIndex(JSObject target);

    private void pointerDown(Event e) {
        PointerEvent p = (PointerEvent) e;
        if (p.getButton() != 0 && p.getPointerType().equals("mouse")) {
            return;
        }
        Value v = valueAt(e);
        if (v != null && scene.isEditable(v) && viewport.idle()) {
            editor.startScrub(v, p.getClientX());
        }
        if (viewport.press(p) == 2) {
            editor.cancelScrub();
        }
        Dom.capturePointer(scene.svg(), p.getPointerId());
    }

    private void pointerMove(Event e) {
        PointerEvent p = (PointerEvent) e;
        boolean scrubbing = editor.scrubbing();
        if (viewport.drag(p, !scrubbing) && scrubbing) {
            editor.scrubTo(p.getClientX());
        }
    }

    private void pointerUp(Event e) {
        viewport.release((PointerEvent) e);
        editor.endScrub(e.getType().equals("pointerup"));
    }
}
