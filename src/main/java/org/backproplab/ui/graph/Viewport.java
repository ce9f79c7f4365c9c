package org.backproplab.ui.graph;

import java.util.HashMap;
import java.util.Map;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.PointerEvent;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.WheelEvent;
import org.teavm.jso.dom.html.TextRectangle;
import org.teavm.jso.dom.xml.Element;

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
    /** The height of the zoom buttons and of the legend, with their margin, over the view's top and bottom. */
    private static final double OVERLAY_HEIGHT = 40;
    /** How long after the last wheel turn the drawing is drawn sharp again. */
    static final int WHEEL_SETTLE_MS = 250;

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
    /** The transform the drawing was last drawn with; a wheel turn shows its change as a picture zoom first. */
    private double drawnTx;
    private double drawnTy;
    private double drawnScale = 1;
    private int wheelTurns;
    private double pictureX; // the picture zoom's shift, which moves the drawing's box on the page
    private double pictureY;

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

    /** Frames the whole graph (or its summary), in the middle of the view. */
    void fit() {
        if (!scene.hasDrawing()) {
            return;
        }
        double width = scene.width();
        double height = scene.height();
        double w = viewWidth;
        double h = viewHeight;
        if (w <= 0 || h <= 0) {
            fitPending = true; // not on screen yet: fit when it gets a size
            return;
        }
        // The zoom buttons sit over the view's top and the legend over its bottom (in a view tall enough to show
        // them): the graph is fitted between, so that neither hides a box.
        double overlaid = h >= 240 ? 2 * OVERLAY_HEIGHT : 0;
        scale = Math.max(MIN_SCALE, Math.min(Math.min(w / width, (h - overlaid) / height), 1.4));
        tx = (w - width * scale) / 2;
        ty = (h - height * scale) / 2;
        applyTransform();
    }

    /**
     * Pans just enough that a part of the drawing (a box centred on x, y) is in view, as when Tab moves the focus to
     * a box that is off screen. A box bigger than the view shows its top left corner.
     */
    void reveal(double x, double y, double w, double h) {
        double margin = 12;
        double dx = Math.min(0, viewWidth - margin - screenX(x + w / 2)); // left, if it runs off the right
        dx = Math.max(dx, margin - screenX(x - w / 2)); // but its left edge first
        double dy = Math.min(0, viewHeight - margin - screenY(y + h / 2));
        dy = Math.max(dy, margin - screenY(y - h / 2));
        if (viewWidth > 0 && viewHeight > 0 && (dx != 0 || dy != 0)) {
            tx += dx;
            ty += dy;
            applyTransform();
        }
    }

    /** Zooms around the middle of the view, as the buttons and keys do. */
    void zoom(double factor) {
        zoomAt(factor, viewWidth / 2, viewHeight / 2);
    }

    private void zoomAt(double factor, double px, double py) {
        moveZoom(factor, px, py);
        applyTransform();
    }

    private void moveZoom(double factor, double px, double py) {
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double f = s / scale;
        tx = px - (px - tx) * f;
        ty = py - (py - ty) * f;
        scale = s;
    }

    private void applyTransform() {
        drawnTx = tx;
        drawnTy = ty;
        drawnScale = scale;
        pictureX = 0;
        pictureY = 0;
        pictureTransform(scene.svg(), "");
        scene.world().setAttribute("transform", "translate(" + Svg.r(tx) + " " + Svg.r(ty) + ") scale(" + scale
                + ")");
        // Zoomed far out, text would be a grey smudge that still costs the browser time to lay out: hide it.
        boolean far = scale < FAR_SCALE && !scene.summarised(); // a summary has little text, all of it needed
        scene.viewMoved(-tx / scale, -ty / scale, (viewWidth - tx) / scale, (viewHeight - ty) / scale, !far);
        if (far != isFar) {
            isFar = far;
            scene.svg().setAttribute("class", far ? "bpl-svg far" : "bpl-svg");
        }
        scene.svg().setAttribute("data-scale", Double.toString(scale));
        moved.run();
    }

    /**
     * The wheel zooms around the pointer. While it turns, the drawing as last drawn is zoomed as a picture (a CSS
     * transform, which the browser does without drawing again: a 1,500-Value graph took 200 ms to redraw per
     * turn); a quarter of a second after the last turn it is drawn sharp at the new scale.
     */
    void wheel(Event e) {
        WheelEvent w = (WheelEvent) e;
        e.preventDefault();
        TextRectangle box = Dom.rect(scene.svg());
        double delta = w.getDeltaY() * (w.getDeltaMode() == 1 ? 16 : 1);
        moveZoom(Math.exp(-delta * 0.0015), w.getClientX() - (box.getLeft() - pictureX),
                w.getClientY() - (box.getTop() - pictureY));
        double k = scale / drawnScale;
        pictureX = tx - drawnTx * k;
        pictureY = ty - drawnTy * k;
        pictureTransform(scene.svg(), "translate(" + pictureX + "px, " + pictureY + "px) scale(" + k + ")");
        scene.svg().setAttribute("data-scale", Double.toString(scale));
        moved.run();
        int turn = ++wheelTurns;
        Window.setTimeout(() -> {
            if (turn == wheelTurns) {
                applyTransform();
            }
        }, WHEEL_SETTLE_MS);
    }

    /** Through the style object, not the style attribute, which a page's content security policy may forbid. */
    @JSBody(params = {"element", "transform"}, script = "element.style.transform = transform;")
    private static native void pictureTransform(Element element, String transform);

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
