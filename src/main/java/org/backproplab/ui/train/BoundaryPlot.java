package org.backproplab.ui.train;

import org.backproplab.data.Dataset;
import org.backproplab.layout.Scale;
import org.backproplab.ui.chart.Palette;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The decision boundary: a canvas heatmap of the network's score over the plane (a grid of cells, each one predict),
 * in the orange/blue palette of the graph view, with the 0-contour drawn, the points on top (test points hollow),
 * and axes with ticks. Clicks are reported in data coordinates, with the nearest point if one is under the mouse.
 */
public final class BoundaryPlot {
    /** Grid cells along each side. */
    static final int GRID = 100;
    private static final int MARGIN_LEFT = 40;
    private static final int MARGIN_BOTTOM = 30;
    private static final int MARGIN_TOP = 10;
    private static final int MARGIN_RIGHT = 10;

    /** The network's score at a point of the plane. */
    interface Model {
        double score(double[] x);
    }

    /** A click on the plot: data coordinates, the index of the point under it (or -1), and the mouse keys. */
    interface ClickListener {
        void clicked(double x, double y, int pointIndex, boolean test, boolean shift, boolean secondary);
    }

    /** While training, the map's cells get about this much of a frame. */
    private static final double HEATMAP_MS = 2;

    private final HTMLElement root = Dom.el("div", "bpl-boundary");
    private final HTMLCanvasElement canvas = (HTMLCanvasElement) Dom.el("canvas", "bpl-boundary-canvas");
    private CanvasRenderingContext2D g;
    private final double[] values = new double[GRID * GRID];
    private final int[] pixels = new int[GRID * GRID];
    private final double[] point = new double[2];
    private final double[] cornerX = new double[4];
    private final double[] cornerY = new double[4];
    /** The 0-contour, by cell row: segCount[r] segments of 4 numbers (x1 y1 x2 y2, in grid units) in seg[r]. */
    private final double[][] seg = new double[GRID - 1][8 * GRID];
    private final int[] segCount = new int[GRID - 1];
    /** What doesn't change while training (axes, points) is drawn once into these and copied each frame. */
    private final HTMLCanvasElement axesLayer = (HTMLCanvasElement) Dom.el("canvas", "");
    private final HTMLCanvasElement pointsLayer = (HTMLCanvasElement) Dom.el("canvas", "");
    private boolean layersStale = true;
    private double predictMsPerRow = 0.5;
    private ClickListener listener;

    private int width = 420;
    private int height = 420;
    private double ratio = 1;
    private double xMin = -2;
    private double xMax = 2;
    private double yMin = -2;
    private double yMax = 2;
    private Dataset train;
    private Dataset test;
    private boolean showTest = true;
    private int nextRow; // for heatmaps refreshed a band of rows at a time
    /** The rows of cells recomputed since the heatmap was last drawn: dirtyRows of them from dirtyFrom, wrapping. */
    private int dirtyFrom;
    private int dirtyRows = GRID;
    private int highlighted = -1;
    /** With one score per class, colours each cell by its class (no 0-contour then); null for one score. */
    private ClassMap classMap;
    /** For regression: the end of the map's diverging scale (see ValueScale); 0 for a classification map. */
    private double valueScale;

    BoundaryPlot() {
        canvas.setAttribute("data-testid", "boundary");
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", "Decision boundary: the network's score over the plane, with the data");
        g = (CanvasRenderingContext2D) canvas.getContext("2d");
        root.appendChild(canvas);
        Dom.on(canvas, "click", e -> click((MouseEvent) e, false));
        Dom.on(canvas, "contextmenu", e -> {
            e.preventDefault();
            click((MouseEvent) e, true);
        });
        Dom.observeSize(root, (w, h) -> resize(w, h));
    }

    HTMLElement element() {
        return root;
    }

    HTMLCanvasElement canvas() {
        return canvas;
    }

    void onClick(ClickListener l) {
        listener = l;
    }

    /** The data to draw; the plotted region is fitted around all of it, with the same scale on both axes. */
    void setData(Dataset train, Dataset test, boolean showTest) {
        if (train.size() > 0 && train.dims() < 2) { // the curve's points have no place in the plane: none shown
            train = new Dataset(new double[0][], new double[0]);
            test = train;
        }
        this.train = train;
        this.test = test;
        this.showTest = showTest;
        double lo0 = Double.MAX_VALUE;
        double hi0 = -Double.MAX_VALUE;
        double lo1 = Double.MAX_VALUE;
        double hi1 = -Double.MAX_VALUE;
        for (Dataset d : new Dataset[] {train, test}) {
            for (double[] x : d.xs()) {
                lo0 = Math.min(lo0, x[0]);
                hi0 = Math.max(hi0, x[0]);
                lo1 = Math.min(lo1, x[1]);
                hi1 = Math.max(hi1, x[1]);
            }
        }
        if (lo0 > hi0) { // no points yet: the unit square around 0
            lo0 = -1;
            hi0 = 1;
            lo1 = -1;
            hi1 = 1;
        }
        double half = Math.max(Math.max(hi0 - lo0, hi1 - lo1) / 2 * 1.15, 1);
        double c0 = (lo0 + hi0) / 2;
        double c1 = (lo1 + hi1) / 2;
        xMin = c0 - half;
        xMax = c0 + half;
        yMin = c1 - half;
        yMax = c1 + half;
        layersStale = true;
    }

    /** Colours cells and points by value on a scale from −max to +max (regression), or by class (max 0). */
    void setValueScale(double max) {
        valueScale = max;
        layersStale = true;
        canvas.setAttribute("aria-label", max > 0 ? "Regression map: the network's predicted value over the plane, "
                + "with the data coloured by target" : "Decision boundary: the network's score over the plane, with "
                + "the data");
    }

    /** The plotted region: x from, x to, y from, y to. */
    double[] region() {
        return new double[] {xMin, xMax, yMin, yMax};
    }

    /** Colours the cells by class with this map from now on, or by the one score with null. */
    void useClasses(ClassMap map) {
        classMap = map;
    }

    void highlight(int index) {
        if (index != highlighted) {
            highlighted = index;
            layersStale = true;
        }
    }

    /**
     * Recomputes the map from the model, and draws it if draw. Paused, every cell; while training, the next band of
     * rows (wrapping around) that takes about HEATMAP_MS, so a slow backend spreads the grid over a few frames, and
     * the rows recomputed since the map was last drawn go up together.
     */
    void refresh(Model model, boolean training, boolean draw) {
        int rows = training ? (int) Math.max(4, Math.min(GRID, HEATMAP_MS / predictMsPerRow)) : GRID;
        double start = Dom.now();
        computeRows(model, rows);
        predictMsPerRow = Math.max(0.01, (Dom.now() - start) / rows);
        if (draw) {
            draw();
        }
    }

    private void computeRows(Model model, int rows) {
        if (dirtyRows == 0) {
            dirtyFrom = nextRow;
        }
        dirtyRows = Math.min(GRID, dirtyRows + rows);
        for (int r = 0; r < rows && r < GRID; r++) {
            int row = nextRow;
            nextRow = (nextRow + 1) % GRID;
            point[1] = yMax - (row + 0.5) * (yMax - yMin) / GRID;
            for (int c = 0; c < GRID; c++) {
                point[0] = xMin + (c + 0.5) * (xMax - xMin) / GRID;
                if (classMap != null) {
                    pixels[row * GRID + c] = classMap.pixel(point);
                    values[row * GRID + c] = 1; // no score = 0 line: the class colours show the boundaries
                    continue;
                }
                double s = model.score(point);
                values[row * GRID + c] = s;
                pixels[row * GRID + c] = valueScale > 0 ? ValueScale.cell(s, valueScale) : colour(s);
            }
            if (row > 0) {
                contourRow(row - 1);
            }
            if (row < GRID - 1) {
                contourRow(row);
            }
        }
    }

    /** Draws the heatmap, contour, axes and points. */
    void draw() {
        double w = width;
        double h = height;
        double px = MARGIN_LEFT;
        double py = MARGIN_TOP;
        double pw = w - MARGIN_LEFT - MARGIN_RIGHT;
        double ph = h - MARGIN_TOP - MARGIN_BOTTOM;
        if (layersStale) {
            drawLayers(px, py, pw, ph);
        }
        g.setFillStyle("#ffffff");
        g.fillRect(0, 0, w * ratio, h * ratio);
        putHeatmap(g, pixels, GRID, dirtyFrom, dirtyRows, px * ratio, py * ratio, pw * ratio, ph * ratio);
        dirtyRows = 0;
        g.drawImage(axesLayer, 0, 0);
        if (valueScale == 0) { // a regression map has no boundary: its colours are the values
            g.save();
            g.scale(ratio, ratio);
            drawContour(px, py, pw, ph);
            g.restore();
        }
        g.drawImage(pointsLayer, 0, 0);
    }

    /** Redraws the axes and the points into their own canvases, for draw() to copy every frame. */
    private void drawLayers(double px, double py, double pw, double ph) {
        layersStale = false;
        for (HTMLCanvasElement layer : new HTMLCanvasElement[] {axesLayer, pointsLayer}) {
            layer.setWidth(canvas.getWidth());
            layer.setHeight(canvas.getHeight());
        }
        CanvasRenderingContext2D main = g;
        g = (CanvasRenderingContext2D) axesLayer.getContext("2d");
        g.scale(ratio, ratio);
        drawAxes(px, py, pw, ph);
        g = (CanvasRenderingContext2D) pointsLayer.getContext("2d");
        g.scale(ratio, ratio);
        if (train != null) {
            if (train.size() > 0) { // where training point 0 is drawn, in CSS pixels of the canvas (for tests)
                double[] x0 = train.xs()[0];
                canvas.setAttribute("data-point0", Svg.r(px + (x0[0] - xMin) / (xMax - xMin) * pw) + ","
                        + Svg.r(py + (yMax - x0[1]) / (yMax - yMin) * ph));
            }
            canvas.setAttribute("data-points", Integer.toString(train.size() + test.size()));
            drawPoints(train, false, px, py, pw, ph);
            if (showTest) {
                drawPoints(test, true, px, py, pw, ph);
            }
        }
        g = main;
    }

    /**
     * Packs the palette colour of a score as an ImageData pixel (little-endian ABGR). The scale is fixed, tanh of the
     * score (a margin of 1 is already strong), so a cell's colour only changes when its score does.
     */
    private static int colour(double score) {
        return Palette.pixel(Math.tanh(score) * 0.62); // kept lighter than the points drawn on it
    }

    /**
     * Draws the n × n cells scaled up into the plot. The cells live in a small canvas of their own, where only the
     * rows recomputed since the last drawing (count of them from row from, wrapping) are written again.
     */
    @JSBody(params = {"g", "pixels", "n", "from", "count", "x", "y", "w", "h"}, script = ""
            + "var bplGrid = g.__bplGrid; if (!bplGrid) { bplGrid = document.createElement('canvas');"
            + "bplGrid.width = n; bplGrid.height = n; g.__bplGrid = bplGrid;"
            + "bplGrid.__bplImg = bplGrid.getContext('2d').createImageData(n, n); }"
            + "if (count > 0) { var bplCtx = bplGrid.getContext('2d'); var bplImg = bplGrid.__bplImg;"
            + "new Uint32Array(bplImg.data.buffer).set(pixels); var bplEnd = from + count;"
            + "bplCtx.putImageData(bplImg, 0, 0, 0, from, n, Math.min(bplEnd, n) - from);"
            + "if (bplEnd > n) { bplCtx.putImageData(bplImg, 0, 0, 0, 0, n, bplEnd - n); } }"
            + "g.imageSmoothingEnabled = true; g.drawImage(bplGrid, x, y, w, h);")
    private static native void putHeatmap(CanvasRenderingContext2D g, @JSByRef(optional = true) int[] pixels, int n,
                                          int from, int count, double x, double y, double w, double h);

    /** The score = 0 line through the cells between grid rows r and r + 1, by marching squares. */
    private void contourRow(int r) {
        double[] out = seg[r];
        int n = 0;
        for (int c = 0; c + 1 < GRID; c++) {
            double a = values[r * GRID + c];
            double b = values[r * GRID + c + 1];
            double d = values[(r + 1) * GRID + c];
            double e = values[(r + 1) * GRID + c + 1];
            int k = 0;
            if ((a > 0) != (b > 0)) {
                cornerX[k] = c + a / (a - b);
                cornerY[k++] = r;
            }
            if ((d > 0) != (e > 0)) {
                cornerX[k] = c + d / (d - e);
                cornerY[k++] = r + 1;
            }
            if ((a > 0) != (d > 0)) {
                cornerX[k] = c;
                cornerY[k++] = r + a / (a - d);
            }
            if ((b > 0) != (e > 0)) {
                cornerX[k] = c + 1;
                cornerY[k++] = r + b / (b - e);
            }
            for (int i = 0; i + 1 < k; i += 2) {
                out[n++] = cornerX[i];
                out[n++] = cornerY[i];
                out[n++] = cornerX[i + 1];
                out[n++] = cornerY[i + 1];
            }
        }
        segCount[r] = n / 4;
    }

    private void drawContour(double px, double py, double pw, double ph) {
        double cw = pw / GRID;
        double ch = ph / GRID;
        double ox = px + cw / 2; // grid units count from the first cell's centre
        double oy = py + ch / 2;
        g.beginPath();
        for (int r = 0; r < GRID - 1; r++) {
            double[] s = seg[r];
            for (int i = 0; i < segCount[r] * 4; i += 4) {
                g.moveTo(ox + s[i] * cw, oy + s[i + 1] * ch);
                g.lineTo(ox + s[i + 2] * cw, oy + s[i + 3] * ch);
            }
        }
        g.setStrokeStyle("#1d2430");
        g.setLineWidth(1.6);
        g.stroke();
    }

    private void drawAxes(double px, double py, double pw, double ph) {
        g.setStrokeStyle("#5b6472");
        g.setLineWidth(1);
        g.strokeRect(px, py, pw, ph);
        g.setFillStyle("#3b4556");
        g.setFont("12px system-ui, sans-serif");
        Scale xs = Scale.linear(xMin, xMax, px, px + pw);
        Scale.Ticks xt = xs.ticks(70);
        g.setTextAlign("center");
        g.setTextBaseline("top");
        for (int i = 0; i < xt.at().length; i++) {
            double x = xs.apply(xt.at()[i]);
            g.beginPath();
            g.moveTo(x, py + ph);
            g.lineTo(x, py + ph + 5);
            g.stroke();
            g.fillText(xt.labels()[i], x, py + ph + 7);
        }
        Scale ys = Scale.linear(yMin, yMax, py + ph, py);
        Scale.Ticks yt = ys.ticks(70);
        g.setTextAlign("right");
        g.setTextBaseline("middle");
        for (int i = 0; i < yt.at().length; i++) {
            double y = ys.apply(yt.at()[i]);
            g.beginPath();
            g.moveTo(px - 5, y);
            g.lineTo(px, y);
            g.stroke();
            g.fillText(yt.labels()[i], px - 7, y);
        }
    }

    /**
     * The points, each marked with its label's sign as well as its colour (+ for +1, − for −1), or with class
     * indices by its class's shape (PointShapes), so the classes can be told apart without colour vision. Test
     * points are rings.
     */
    private void drawPoints(Dataset d, boolean hollow, double px, double py, double pw, double ph) {
        for (int i = 0; i < d.size(); i++) {
            double[] x = d.xs()[i];
            double cx = px + (x[0] - xMin) / (xMax - xMin) * pw;
            double cy = py + (yMax - x[1]) / (yMax - yMin) * ph;
            if (d.labels() == Dataset.Labels.CLASSES) {
                PointShapes.draw(g, cx, cy, 5.5, (int) d.ys()[i], hollow);
            } else if (valueScale > 0) {
                PointShapes.target(g, Palette.fill(d.ys()[i], valueScale), hollow, cx, cy);
            } else {
                PointShapes.sign(g, d.ys()[i] > 0, hollow, cx, cy);
            }
            if (!hollow && i == highlighted) {
                g.beginPath();
                g.arc(cx, cy, 9.5, 0, Math.PI * 2);
                g.setStrokeStyle("#1d2430");
                g.setLineWidth(2);
                g.stroke();
            }
        }
    }

    private void resize(double w, double h) {
        int side = (int) Math.max(200, Math.min(w, h > 0 ? h : w));
        width = side;
        height = side;
        ratio = Dom.devicePixelRatio();
        canvas.setWidth((int) (side * ratio));
        canvas.setHeight((int) (side * ratio));
        canvas.getStyle().setProperty("width", side + "px");
        canvas.getStyle().setProperty("height", side + "px");
        layersStale = true;
        draw();
    }

    private void click(MouseEvent e, boolean secondary) {
        if (listener == null) {
            return;
        }
        org.teavm.jso.dom.html.TextRectangle box = canvas.getBoundingClientRect();
        double mx = e.getClientX() - box.getLeft();
        double my = e.getClientY() - box.getTop();
        double pw = width - MARGIN_LEFT - MARGIN_RIGHT;
        double ph = height - MARGIN_TOP - MARGIN_BOTTOM;
        double x = xMin + (mx - MARGIN_LEFT) / pw * (xMax - xMin);
        double y = yMax - (my - MARGIN_TOP) / ph * (yMax - yMin);
        int nearest = -1;
        boolean nearestTest = false;
        double best = 8; // pixels
        for (int pass = 0; pass < 2; pass++) {
            Dataset d = pass == 0 ? train : test;
            if (d == null || (pass == 1 && !showTest)) {
                continue;
            }
            for (int i = 0; i < d.size(); i++) {
                double dx = (d.xs()[i][0] - x) / (xMax - xMin) * pw;
                double dy = (d.xs()[i][1] - y) / (yMax - yMin) * ph;
                double dist = Math.hypot(dx, dy);
                if (dist < best) {
                    best = dist;
                    nearest = i;
                    nearestTest = pass == 1;
                }
            }
        }
        listener.clicked(x, y, nearest, nearestTest, e.getShiftKey(), secondary);
    }

}
