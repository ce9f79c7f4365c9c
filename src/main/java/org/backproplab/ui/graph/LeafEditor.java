package org.backproplab.ui.graph;

import java.util.function.Consumer;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Changing a leaf on the drawing: click its box (or press Enter on it) to type a new value into a small field laid
 * over the box, or drag it sideways to scrub the value. The canvas's listener hears every new value and rewrites the
 * program; the drawing then follows the program. Typed text is read as every typed number is (Numbers.read): what
 * isn't a plain decimal or scientific number leaves the leaf as it was, and the owner is told why.
 */
final class LeafEditor {
    private final GraphScene scene;
    private final Viewport viewport;
    private final GraphCanvas.Listener listener;
    private final Consumer<String> rejected;
    private final HTMLInputElement input = (HTMLInputElement) Dom.el("input", "bpl-leaf-editor");
    private Value editing;

    private Value scrubbing;
    private double scrubStartX;
    private double scrubStartValue;
    private boolean scrubMoved;
    private double scrubLast;

    LeafEditor(GraphScene scene, Viewport viewport, GraphCanvas.Listener listener, Consumer<String> rejected) {
        this.scene = scene;
        this.viewport = viewport;
        this.listener = listener;
        this.rejected = rejected;
        input.setAttribute("type", "text");
        input.setAttribute("aria-label", "New value");
        input.setHidden(true);
        Dom.on(input, "keydown", e -> {
            String key = ((KeyboardEvent) e).getKey();
            if (key.equals("Enter")) {
                commit();
            } else if (key.equals("Escape") && editing != null) {
                int i = scene.index(editing);
                hide();
                focusBox(i);
            }
        });
        Dom.on(input, "blur", e -> commit());
    }

    HTMLElement element() {
        return input;
    }

    /** Opens the field over a leaf's data row, holding its value as the program would write it. */
    void open(Value v) {
        int i = scene.index(v);
        if (i < 0) {
            return;
        }
        editing = v;
        double w = scene.boxWidth(i) * viewport.scale();
        double left = viewport.screenX(scene.layout().x(i) - scene.boxWidth(i) / 2);
        double top = viewport.screenY(scene.layout().y(i) - GraphScene.ROW / 2);
        input.getStyle().setProperty("left", Svg.r(left) + "px");
        input.getStyle().setProperty("top", Svg.r(top) + "px");
        input.getStyle().setProperty("width", Svg.r(Math.max(90, w)) + "px");
        input.setValue(Numbers.shortLiteral(v.data));
        input.setAttribute("aria-label", "New value for " + v.label);
        input.setHidden(false);
        input.focus();
        input.select();
    }

    private void commit() {
        if (editing == null) {
            return;
        }
        Value v = editing;
        editing = null;
        // Its place in the drawing, taken now: the new value is drawn from a new evaluation, whose Values are new
        int i = scene.index(v);
        input.setHidden(true);
        Numbers.Reading typed = Numbers.read("New value for " + v.label, input.getValue());
        if (typed.ok()) {
            listener.leafChanged(v, typed.value(), true);
        } else {
            rejected.accept(typed.error()); // the leaf keeps its value, as if Escape was pressed
        }
        focusBox(i);
    }

    /** Gives the focus back to the box the field was opened from, when the drawing still has it. */
    private void focusBox(int i) {
        if (i >= 0 && i < scene.nodeCount()) {
            Dom.focus(scene.box(i));
        }
    }

    /** Closes the field without changing the leaf. */
    void hide() {
        if (editing != null) {
            editing = null;
            input.setHidden(true);
        }
    }

    // ---- scrubbing: a leaf dragged sideways ----

    /** A pointer went down on an editable leaf: a drag will scrub it, a click will open the field. */
    void startScrub(Value v, double clientX) {
        scrubbing = v;
        scrubStartX = clientX;
        scrubStartValue = v.data;
        scrubMoved = false;
    }

    /** A second finger came down: the gesture is a pinch, not a scrub. */
    void cancelScrub() {
        scrubbing = null;
    }

    boolean scrubbing() {
        return scrubbing != null;
    }

    void scrubTo(double clientX) {
        double moved = clientX - scrubStartX;
        if (Math.abs(moved) > 3) {
            scrubMoved = true;
        }
        if (scrubMoved) {
            scrubLast = scrubValue(scrubStartValue, moved);
            listener.leafChanged(scrubbing, scrubLast, false);
        }
    }

    /** The pointer went up (click = true) or was cancelled: a drag ends the scrub, a click opens the field. */
    void endScrub(boolean click) {
        if (scrubbing == null) {
            return;
        }
        Value v = scrubbing;
        scrubbing = null;
        if (scrubMoved) {
            // v is the Value from before the drag; each move re-ran the program, so use the last value
            listener.leafChanged(v, scrubLast, true);
        } else if (click) {
            open(v);
        }
    }

    /** Dragging 100 px moves a value by about its own size (at least 1), rounded to a readable step. */
    static double scrubValue(double start, double pixels) {
        double magnitude = Math.max(1, Math.abs(start));
        double step = Math.pow(10, Math.floor(Math.log10(magnitude)) - 2);
        return Math.round((start + pixels * magnitude / 100) / step) * step;
    }
}
