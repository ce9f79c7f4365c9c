package org.backproplab.ui.graph;

import org.backproplab.layout.Layout;
import org.teavm.jso.browser.Window;

/**
 * Which boxes of a big drawing to bring up to date now, and which a little later. Backward, a keystroke or a Step
 * changes the numbers and colours of every box; in a graph of 1,500 Values, writing them all (texts, colours,
 * attributes) and having the browser restyle them took most of a second. So the boxes on screen are painted at
 * once, and the rest in small chunks between frames, or as soon as they are panned into view. Small graphs
 * (up to {@link #EAGER_NODES} Values) are painted whole at once, as a test or a screen reader expects.
 *
 * <p>Likewise a box's texts are made only when it is on screen at a scale where they can be read: a big graph
 * fitted far out, or seen only around its output, then costs the browser thousands of text elements less. And at
 * such a scale only a box's colour can be seen: the boxes on screen are coloured at once, and their numbers, names
 * and test attributes are written with the rest, a little later (formatting and writing them for 1,496 boxes was
 * 60 ms of a keystroke's 97 on JavaScript). A screen reader's name for a box is so at most a few tasks behind.
 */
final class LazyPaint {
    /** Up to this many Values, every box is painted at once. */
    static final int EAGER_NODES = 300;
    /** Boxes painted per task while catching up with those off screen: a few milliseconds of work. */
    private static final int CHUNK = 200;

    /** What the scene does for one box: write its numbers and colour, or only its colour; make its texts. */
    interface Boxes {
        void paint(int i);

        void colour(int i);

        void makeTexts(int i);
    }

    private final Boxes boxes;
    private Layout layout;
    private double[] halfWidth = new double[0];
    private double halfHeight;
    private int[] paintedAt = new int[0]; // the refresh each box was last painted for
    private boolean[] hasTexts = new boolean[0];
    private int generation;
    private int catchUpFrom;
    private boolean catchingUp;

    // The part of the drawing on screen, in its own units, and whether its text can be read there.
    private double left = Double.NEGATIVE_INFINITY;
    private double top = Double.NEGATIVE_INFINITY;
    private double right = Double.POSITIVE_INFINITY;
    private double bottom = Double.POSITIVE_INFINITY;
    private boolean readable;

    LazyPaint(Boxes boxes) {
        this.boxes = boxes;
    }

    /** A new drawing: nothing painted, no texts. boxWidths are the Value boxes' widths; they are all boxHeight tall. */
    void reset(Layout layout, double[] boxWidths, double boxHeight) {
        this.layout = layout;
        int n = boxWidths.length;
        halfWidth = new double[n];
        for (int i = 0; i < n; i++) {
            halfWidth[i] = boxWidths[i] / 2;
        }
        halfHeight = boxHeight / 2;
        paintedAt = new int[n];
        hasTexts = new boolean[n];
        generation = 0;
    }

    /**
     * The numbers changed: paint what is on screen (or everything, in a small graph) and the rest later; far out,
     * only colour what is on screen now.
     */
    void refresh() {
        generation++;
        int n = paintedAt.length;
        for (int i = 0; i < n; i++) {
            if (n <= EAGER_NODES) {
                bringUpToDate(i);
            } else if (onScreen(i)) {
                show(i);
            }
        }
        catchUpFrom = 0;
        if (!catchingUp && n > EAGER_NODES) {
            catchingUp = true;
            // after the next frame, so that it shows what is on screen before the rest is caught up with
            Window.requestAnimationFrame(t -> Window.setTimeout(this::catchUp, 0));
        }
    }

    /** The view moved: what came on screen is painted, and gets its texts, if they can be read; else coloured. */
    void viewMoved(double left, double top, double right, double bottom, boolean readable) {
        // A margin of half a view on each side, so a short pan finds its boxes ready.
        double marginX = (right - left) / 2;
        double marginY = (bottom - top) / 2;
        this.left = left - marginX;
        this.top = top - marginY;
        this.right = right + marginX;
        this.bottom = bottom + marginY;
        this.readable = readable;
        for (int i = 0; i < paintedAt.length; i++) {
            if (onScreen(i)) {
                show(i);
            }
        }
    }

    /** A box on screen: painted, with its texts, where they can be read; else, for now, only coloured. */
    private void show(int i) {
        if (readable) {
            bringUpToDate(i);
        } else if (paintedAt[i] != generation) {
            boxes.colour(i);
        }
    }

    /** Every box painted and with its texts, as an export needs them. */
    void everything() {
        for (int i = 0; i < paintedAt.length; i++) {
            if (!hasTexts[i]) {
                hasTexts[i] = true;
                boxes.makeTexts(i);
            }
            paint(i);
        }
    }

    private void bringUpToDate(int i) {
        if (readable && !hasTexts[i]) {
            hasTexts[i] = true;
            boxes.makeTexts(i);
        }
        paint(i);
    }

    private void paint(int i) {
        if (paintedAt[i] != generation) {
            paintedAt[i] = generation;
            boxes.paint(i);
        }
    }

    private boolean onScreen(int i) {
        double x = layout.x(i);
        double y = layout.y(i);
        return x + halfWidth[i] >= left && x - halfWidth[i] <= right && y + halfHeight >= top
                && y - halfHeight <= bottom;
    }

    /** Paints a chunk of the boxes left behind, and comes back for the next until none is left. */
    private void catchUp() {
        int done = 0;
        int n = paintedAt.length;
        while (catchUpFrom < n && done < CHUNK) {
            if (paintedAt[catchUpFrom] != generation) {
                paint(catchUpFrom);
                done++;
            }
            catchUpFrom++;
        }
        if (catchUpFrom < n) {
            Window.setTimeout(this::catchUp, 0);
        } else {
            catchingUp = false;
        }
    }
}
