package org.backproplab.ui.train;

import org.backproplab.data.Dataset;
import org.backproplab.layout.Scale;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The 1-D curve fit (y = sin x on [−3, 3]): the data as dots (test points as rings) and the network's prediction as
 * a line across x, drawn instead of a map, since a point has one input. A click near a training point opens its
 * graph, as on the map.
 */
final class CurvePlot {
    /** Where the prediction is sampled along x. */
    private static final int SAMPLES = 200;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 10;
    private static final int RIGHT = 10;

    private final HTMLElement root = Dom.el("div", "bpl-boundary bpl-curve");
    private final HTMLCanvasElement canvas = (HTMLCanvasElement) Dom.el("canvas", "bpl-boundary-canvas");
    private final double[] x = new double[1];
    private final double[] prediction = new double[SAMPLES];
    private BoundaryPlot.ClickListener listener;
    private Dataset train;
    private Dataset test;
    private boolean showTest = true;
    private int highlighted = -1;
    private int side = 420;
    private double ratio = 1;
    private double xMin = -3.3;
    private double xMax = 3.3;
    private double yMin = -1.5;
    private double yMax = 1.5;

    CurvePlot() {
        canvas.setAttribute("data-testid", "curve");
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", "Curve fit: the data points and the network's prediction as a line");
        root.appendChild(canvas);
        Dom.on(canvas, "click", e -> click((MouseEvent) e));
        Dom.observeSize(root, (w, h) -> resize(w, h));
    }

    HTMLElement element() {
        return root;
    }

    HTMLCanvasElement canvas() {
        return canvas;
    }

    void onClick(BoundaryPlot.ClickListener l) {
        listener = l;
    }

    void highlight(int index) {
        highlighted = index;
    }

    /** The points to draw; the y range is fitted around their targets, and always holds −1.5 to 1.5. */
    void setData(Dataset train, Dataset test, boolean showTest) {
        this.train = train;
        this.test = test;
        this.showTest = showTest;
        double lo = -1.5;
        double hi = 1.5;
        double left = -3;
        double right = 3;
        for (Dataset d : new Dataset[] {train, test}) {
            for (int i = 0; i < d.size(); i++) {
                lo = Math.min(lo, d.ys()[i]);
                hi = Math.max(hi, d.ys()[i]);
                left = Math.min(left, d.xs()[i][0]);
                right = Math.max(right, d.xs()[i][0]);
            }
        }
        double pad = (right - left) * 0.05;
        xMin = left - pad;
        xMax = right + pad;
        yMin = lo - (hi - lo) * 0.05;
        yMax = hi + (hi - lo) * 0.05;
    }

    /** Samples the network's prediction along x, then draws. */
    void draw(BoundaryPlot.Model model) {
        for (int i = 0; i < SAMPLES; i++) {
            x[0] = xMin + (xMax - xMin) * i / (SAMPLES - 1);
            prediction[i] = model.score(x);
        }
        canvas.setAttribute("data-prediction-at-0", Double.toString(predictAt(model, 0)));
        paint();
    }

    private double predictAt(BoundaryPlot.Model model, double at) {
        x[0] = at;
        return model.score(x);
    }

    private void paint() {
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) canvas.getContext("2d");
        g.setTransform(ratio, 0, 0, ratio, 0, 0);
        g.setFillStyle("#ffffff");
        g.fillRect(0, 0, side, side);
        double pw = side - LEFT - RIGHT;
        double ph = side - TOP - BOTTOM;
        Scale xs = Scale.linear(xMin, xMax, LEFT, LEFT + pw);
        Scale ys = Scale.linear(yMin, yMax, TOP + ph, TOP);
        axes(g, xs, ys, pw, ph);
        if (train != null) {
            points(g, train, false, xs, ys);
            if (showTest) {
                points(g, test, true, xs, ys);
            }
            canvas.setAttribute("data-points", Integer.toString(train.size() + test.size()));
        }
        g.beginPath();
        boolean drawing = false;
        for (int i = 0; i < SAMPLES; i++) {
            double v = prediction[i];
            if (!Double.isFinite(v)) {
                drawing = false;
                continue;
            }
            double px = xs.apply(xMin + (xMax - xMin) * i / (SAMPLES - 1));
            double py = Math.max(TOP - 2, Math.min(TOP + ph + 2, ys.apply(v)));
            if (drawing) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
            }
            drawing = true;
        }
        g.setStrokeStyle("#a84a00");
        g.setLineWidth(3);
        g.stroke();
        legend(g);
    }

    private void axes(CanvasRenderingContext2D g, Scale xs, Scale ys, double pw, double ph) {
        g.setStrokeStyle("#5b6472");
        g.setLineWidth(1);
        g.strokeRect(LEFT, TOP, pw, ph);
        g.setFillStyle("#3b4556");
        g.setFont("12px system-ui, sans-serif");
        g.setTextAlign("center");
        g.setTextBaseline("top");
        Scale.Ticks xt = xs.ticks(70);
        for (int i = 0; i < xt.at().length; i++) {
            g.fillText(xt.labels()[i], xs.apply(xt.at()[i]), TOP + ph + 7);
        }
        g.setTextAlign("right");
        g.setTextBaseline("middle");
        Scale.Ticks yt = ys.ticks(50);
        for (int i = 0; i < yt.at().length; i++) {
            double y = ys.apply(yt.at()[i]);
            g.fillText(yt.labels()[i], LEFT - 7, y);
            g.setStrokeStyle(yt.at()[i] == 0 ? "#9aa3b0" : "#e3e6eb"); // y = 0 a little darker
            g.beginPath();
            g.moveTo(LEFT, y);
            g.lineTo(LEFT + pw, y);
            g.stroke();
        }
    }

    private void points(CanvasRenderingContext2D g, Dataset d, boolean hollow, Scale xs, Scale ys) {
        for (int i = 0; i < d.size(); i++) {
            double cx = xs.apply(d.xs()[i][0]);
            double cy = ys.apply(d.ys()[i]);
            g.beginPath();
            g.arc(cx, cy, 4.5, 0, Math.PI * 2);
            g.setFillStyle(hollow ? "#ffffff" : "#164d8f");
            g.fill();
            g.setStrokeStyle(hollow ? "#164d8f" : "#ffffff");
            g.setLineWidth(hollow ? 2 : 1);
            g.stroke();
            if (!hollow && i == highlighted) {
                g.beginPath();
                g.arc(cx, cy, 8.5, 0, Math.PI * 2);
                g.setStrokeStyle("#1d2430");
                g.setLineWidth(2);
                g.stroke();
            }
        }
    }

    /** What the line and the dots are, in the top left corner. */
    private void legend(CanvasRenderingContext2D g) {
        g.setFillStyle("rgba(255,255,255,0.9)");
        g.fillRect(LEFT + 6, TOP + 6, 200, 40);
        g.setStrokeStyle("#a84a00");
        g.setLineWidth(3);
        g.beginPath();
        g.moveTo(LEFT + 12, TOP + 17);
        g.lineTo(LEFT + 32, TOP + 17);
        g.stroke();
        g.setFillStyle("#164d8f");
        g.beginPath();
        g.arc(LEFT + 22, TOP + 35, 4.5, 0, Math.PI * 2);
        g.fill();
        g.setFillStyle("#1d2430");
        g.setTextAlign("left");
        g.setTextBaseline("middle");
        g.setFont("12px system-ui, sans-serif");
        g.fillText("the network's prediction", LEFT + 38, TOP + 17);
        g.fillText("data: y = sin x + noise", LEFT + 38, TOP + 35);
    }

    private void resize(double w, double h) {
        side = (int) Math.max(200, Math.min(w, h > 0 ? h : w));
        ratio = Dom.devicePixelRatio();
        canvas.setWidth((int) (side * ratio));
        canvas.setHeight((int) (side * ratio));
        canvas.getStyle().setProperty("width", side + "px");
        canvas.getStyle().setProperty("height", side + "px");
        paint();
    }

    private void click(MouseEvent e) {
        if (listener == null || train == null) {
            return;
        }
        org.teavm.jso.dom.html.TextRectangle box = canvas.getBoundingClientRect();
        double pw = side - LEFT - RIGHT;
        double ph = side - TOP - BOTTOM;
        double mx = e.getClientX() - box.getLeft();
        double my = e.getClientY() - box.getTop();
        int nearest = -1;
        double best = 8; // pixels
        for (int i = 0; i < train.size(); i++) {
            double dx = LEFT + (train.xs()[i][0] - xMin) / (xMax - xMin) * pw - mx;
            double dy = TOP + (yMax - train.ys()[i]) / (yMax - yMin) * ph - my;
            if (Math.hypot(dx, dy) < best) {
                best = Math.hypot(dx, dy);
                nearest = i;
            }
        }
        double xAt = xMin + (mx - LEFT) / pw * (xMax - xMin);
        listener.clicked(xAt, yMax - (my - TOP) / ph * (yMax - yMin), nearest, false, e.getShiftKey(), false);
    }
}
