package org.backproplab.ui.graph;

import java.util.HashMap;
import java.util.Map;
import org.backproplab.layout.Layout;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.PointerEvent;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.WheelEvent;
import org.teavm.jso.dom.html.TextRectangle;

/**
 * Which part of the drawing is on screen: a pan offset and a zoom, kept as one SVG transform on the scene. Fit frames
 * the whole graph, and every graph opens fitted (a preset, a link's program, an inspected training point): a student
 * first sees all of it, then zooms in to read a big one. The zoom buttons, the wheel, a drag of the background and a
 * two-finger pinch move it.
 */
final class Viewport {
    private static final double MIN_SCALE = 0.001;
    private static final double MAX_SCALE = 4;
    /** Below this scale the boxes are drawn without their text (7 px and smaller can't be read). */
    private static final double FAR_SCALE = 0.5;

    private final GraphScene scene;
    /** Told whenever the view moves, so a leaf's editor doesn't stay where its box no longer is. */
    private final Runnable moved;
    private boolean isFar;
    private double viewWidth;
    private double viewHeight;
    private boolean fitPending;
    private double tx;
    private double ty;
    private double scale = 1;

    /** The pointers pressed on the drawing, by id, at their last position: one pans, two pinch. */
    private final Map<Integer, double[]> pointers = new HashMap<>();
    private double pinchDistance;

    Viewport(GraphScene scene, Runnable moved) {
        this.scene = scene;
        this.moved = moved;
        Dom.observeSize(scene.svg(), (w, h) -> {
            boolean first = viewWidth <= 0 || viewHeight <= 0;
            viewWidth = w;
            viewHeight = h;
            if (w > 0 && h > 0 && (first || fitPending)) {
                fitPending = false;
                fit();
            }
        });
    }

    /** Where a point of the drawing is on screen, relative to the drawing's top left corner. */
    double screenX(double x) {
        return tx + x * scale;
    }

    double screenY(double y) {
        return ty + y * scale;
    }

    double scale() {
        return scale;
    }

    /** Frames the whole graph, in the middle of the view. */
    void fit() {
        Layout layout = scene.layout();
        if (layout == null) {
            return;
        }
        double w = viewWidth;
        double h = viewHeight;
        if (w <= 0 || h <= 0) {
            fitPending = true; // not on screen yet: fit when it gets a size
            return;
        }
        scale = Math.max(MIN_SCALE, Math.min(Math.min(w / layout.width(), h / layout.height()), 1.4));
        tx = (w - layout.width() * scale) / 2;
        ty = (h - layout.height() * scale) / 2;
        applyTransform();
    }

    /** Zooms around the middle of the view, as the buttons and keys do. */
    void zoom(double factor) {
        zoomAt(factor, viewWidth / 2, viewHeight / 2);
    }

    private void zoomAt(double factor, double px, double py) {
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double f = s / scale;
        tx = px - (px - tx) * f;
        ty = py - (py - ty) * f;
        scale = s;
        applyTransform();
    }

    private void applyTransform() {
        scene.world().setAttribute("transform", "translate(" + Svg.r(tx) + " " + Svg.r(ty) + ") scale(" + scale
                + ")");
        // Zoomed far out, text would be a grey smudge that still costs the browser time to lay out: hide it.
        boolean far = scale < FAR_SCALE;
        if (!far) {
            scene.buildTexts();
        }
        if (far != isFar) {
            isFar = far;
            scene.svg().setAttribute("class", far ? "bpl-svg far" : "bpl-svg");
        }
        scene.svg().setAttribute("data-scale", Double.toString(scale));
        moved.run();
    }

    /** The wheel zooms around the pointer. */
    void wheel(Event e) {
        WheelEvent w = (WheelEvent) e;
        e.preventDefault();
        TextRectangle box = Dom.rect(scene.svg());
        double delta = w.getDeltaY() * (w.getDeltaMode() == 1 ? 16 : 1);
        zoomAt(Math.exp(-delta * 0.0015), w.getClientX() - box.getLeft(), w.getClientY() - box.getTop());
    }

    /** No pointer is pressed on the drawing. */
    boolean idle() {
        return pointers.isEmpty();
    }

    /** A pointer went down on the drawing; returns how many are down now (two start a pinch). */
    int press(PointerEvent p) {
        pointers.put(p.getPointerId(), new double[] {p.getClientX(), p.getClientY()});
        if (pointers.size() == 2) {
            pinchDistance = pinchSpan();
        }
        return pointers.size();
    }

    /**
     * Follows a pointer that went down on the drawing: one pans, two pinch-zoom. Without move, it only keeps track
     * (while a leaf is being scrubbed, say).
     *
     * @return false for a pointer that isn't down on the drawing
     */
    boolean drag(PointerEvent p, boolean move) {
        double[] last = pointers.get(p.getPointerId());
        if (last == null) {
            return false;
        }
        double dx = p.getClientX() - last[0];
        double dy = p.getClientY() - last[1];
        last[0] = p.getClientX();
        last[1] = p.getClientY();
        if (!move) {
            return true;
        }
        if (pointers.size() == 2) {
            double span = pinchSpan();
            if (pinchDistance > 0 && span > 0) {
                TextRectangle box = Dom.rect(scene.svg());
                double cx = 0;
                double cy = 0;
                for (double[] q : pointers.values()) {
                    cx += q[0] / 2;
                    cy += q[1] / 2;
                }
                zoomAt(span / pinchDistance, cx - box.getLeft(), cy - box.getTop());
            }
            pinchDistance = span;
            return true;
        }
        tx += dx;
        ty += dy;
        applyTransform();
        return true;
    }

    void release(PointerEvent p) {
        pointers.remove(p.getPointerId());
    }

    private double pinchSpan() {
        double[][] two = pointers.values().toArray(new double[0][]);
        return two.length < 2 ? 0 : Math.hypot(two[0][0] - two[1][0], two[0][1] - two[1][1]);
    }
}
