package org.backproplab.ui.train;

import org.backproplab.nn.Features;
import org.backproplab.ui.chart.Palette;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.dom.xml.Element;

/**
 * The network diagram's input nodes, as TF Playground draws them: each feature the first layer sees (x1, x2, x1²,
 * sin x1, ...) is a small heatmap of that feature over the plot's square, with its name beside it, so a student sees
 * what each input looks like before any weight touches it. Inputs that are not points of the plane (the curve's x,
 * the lecture's three) get their names only.
 */
final class FeatureInputs {
    /** Heatmap cells along each side. */
    private static final int CELLS = 20;
    /** The heatmap's side in the diagram's units. */
    static final double SIDE = 20;

    private FeatureInputs() {
    }

    /** The name of input j: the feature's (x1², sin x1) or, for raw inputs, x1, x2, ... (x alone for one input). */
    static String name(Features features, int j) {
        if (!features.isRaw()) {
            return FeatureToggles.label(features.chosen()[j]);
        }
        return features.count() == 1 ? "x" : "x" + (j + 1);
    }

    /** Draws each input at (xs[j], ys[j]) into layer, with its heatmap over the region when a point has x1 and x2. */
    static void draw(Element layer, double[] xs, double[] ys, Features features, double[] region) {
        for (int j = 0; j < xs.length; j++) {
            Element g = Svg.el("g");
            g.setAttribute("data-testid", "feature-node");
            g.setAttribute("data-feature", features.isRaw() ? "x" + (j + 1) : features.chosen()[j].id());
            if (features.inputs() == 2) {
                Element image = Svg.el("image");
                image.setAttribute("x", Svg.r(xs[j] - SIDE / 2));
                image.setAttribute("y", Svg.r(ys[j] - SIDE / 2));
                image.setAttribute("width", Svg.r(SIDE));
                image.setAttribute("height", Svg.r(SIDE));
                image.setAttribute("preserveAspectRatio", "none");
                image.setAttribute("href", heatmap(features, j, region));
                g.appendChild(image);
                Element frame = Svg.el("rect");
                frame.setAttribute("x", Svg.r(xs[j] - SIDE / 2));
                frame.setAttribute("y", Svg.r(ys[j] - SIDE / 2));
                frame.setAttribute("width", Svg.r(SIDE));
                frame.setAttribute("height", Svg.r(SIDE));
                frame.setAttribute("fill", "none");
                frame.setAttribute("stroke", "#1d2430");
                frame.setAttribute("stroke-width", "0.8");
                g.appendChild(frame);
            }
            Element text = Svg.el("text");
            text.setAttribute("x", Svg.r(xs[j] - SIDE / 2 - 3));
            text.setAttribute("y", Svg.r(ys[j] + 4));
            text.setAttribute("text-anchor", "end");
            text.setAttribute("font-size", "11");
            text.setAttribute("fill", "#1d2430");
            text.setTextContent(name(features, j));
            g.appendChild(text);
            layer.appendChild(g);
        }
    }

    /** Input j's value over the region (x from, x to, y from, y to), on the palette scaled to its largest |value|. */
    private static String heatmap(Features features, int j, double[] region) {
        double[] x = new double[2];
        double[] out = new double[features.count()];
        double[] v = new double[CELLS * CELLS];
        double max = 0;
        for (int r = 0; r < CELLS; r++) {
            x[1] = region[3] - (r + 0.5) * (region[3] - region[2]) / CELLS;
            for (int c = 0; c < CELLS; c++) {
                x[0] = region[0] + (c + 0.5) * (region[1] - region[0]) / CELLS;
                features.apply(x, out);
                v[r * CELLS + c] = out[j];
                max = Math.max(max, Math.abs(out[j]));
            }
        }
        int[] pixels = new int[CELLS * CELLS];
        for (int i = 0; i < v.length; i++) {
            pixels[i] = Palette.pixel(max > 0 ? v[i] / max : 0);
        }
        return dataUrl(pixels, CELLS);
    }

    /** The pixels as a PNG data URL, which an SVG image shows (the page's policy allows data: images). */
    @JSBody(params = {"pixels", "n"}, script = "var bplCanvas = document.createElement('canvas');"
            + "bplCanvas.width = n; bplCanvas.height = n; var bplCtx = bplCanvas.getContext('2d');"
            + "var bplImg = bplCtx.createImageData(n, n); new Uint32Array(bplImg.data.buffer).set(pixels);"
            + "bplCtx.putImageData(bplImg, 0, 0); return bplCanvas.toDataURL('image/png');")
    private static native String dataUrl(@JSByRef(optional = true) int[] pixels, int n);
}
