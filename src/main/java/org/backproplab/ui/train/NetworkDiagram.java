package org.backproplab.ui.train;

import org.backproplab.engine.Numbers;
import org.backproplab.nn.Features;
import org.backproplab.nn.Forward;
import org.backproplab.ui.chart.Palette;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.xml.Element;

/**
 * The network as a diagram: neurons in layers, an edge per weight, coloured by the weight's sign and as wide as its
 * size (as TF Playground draws it), or, with the toggle, by the last step's gradient instead. Hovering a neuron shows
 * what it computes over the plane; clicking a weight or a neuron shows its value and grad and lets you type a new one.
 */
public final class NetworkDiagram {
    /** Changes a parameter (a typed value) in the model. */
    interface ParameterSetter {
        void set(int index, double value);
    }

    private static final double W = 340;
    private static final double H = 230;
    private static final int MINI = 36;
    /** Room left of the inputs for their names (x1², sin x1). */
    private static final double LEFT = 62;

    private final HTMLElement root = Dom.el("div", "bpl-network");
    private final Element svg = Svg.el("svg");
    private final Element edgeLayer = Svg.el("g");
    private final Element nodeLayer = Svg.el("g");
    private final Element inputLayer = Svg.el("g");
    private final HTMLInputElement showGrads = (HTMLInputElement) Dom.el("input", "");
    private final HTMLCanvasElement mini = (HTMLCanvasElement) Dom.el("canvas", "bpl-mini");
    private final HTMLElement popover = Dom.el("div", "bpl-param-popover");
    private final HTMLElement popoverText = Dom.el("div", "");
    private final HTMLInputElement popoverInput = (HTMLInputElement) Dom.el("input", "bpl-input");
    private final ParameterSetter setter;

    private int nin;
    private Features features = Features.raw(2);
    private double[] featureValues = new double[2];
    private Forward forward;
    private double[] params = new double[0];
    private double[] grads = new double[0];
    private Element[] edges = new Element[0];
    private int[] edgeParam = new int[0];
    private int[] edgeLook = new int[0];
    private static final String[] WIDTHS = new String[21];
    /** A positive and a negative weight's colour at each strength: fainter when weaker, opaque (Palette.overWhite). */
    private static final String[] POSITIVE = new String[21];
    private static final String[] NEGATIVE = new String[21];

    static {
        for (int k = 0; k <= 20; k++) {
            WIDTHS[k] = Numbers.fixed(0.4 + 3.2 * k / 20, 2);
            POSITIVE[k] = Palette.overWhite(true, 0.25 + 0.75 * k / 20);
            NEGATIVE[k] = Palette.overWhite(false, 0.25 + 0.75 * k / 20);
        }
    }
    private double[][] nodeX = new double[0][];
    private double[][] nodeY = new double[0][];
    private Element[][] nodes = new Element[0][];
    private String[][] nodeFill = new String[0][];
    private int editing = -1;
    private double xMin = -2;
    private double xMax = 2;
    private double yMin = -2;
    private double yMax = 2;

    NetworkDiagram(ParameterSetter setter) {
        this.setter = setter;
        root.setAttribute("data-testid", "network");
        HTMLElement head = Dom.el("div", "bpl-chart-head");
        head.appendChild(Dom.text("h2", "", "Network"));
        HTMLElement label = Dom.el("label", "bpl-label");
        showGrads.setAttribute("type", "checkbox");
        showGrads.setAttribute("data-testid", "show-grads");
        label.appendChild(showGrads);
        label.appendChild(Dom.text("span", "", "show grads instead of weights"));
        head.appendChild(label);
        root.appendChild(head);
        svg.setAttribute("viewBox", "0 0 " + (int) W + " " + (int) H);
        svg.setAttribute("class", "bpl-network-svg");
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", "The network: neurons in layers, one line per weight");
        svg.appendChild(edgeLayer);
        svg.appendChild(nodeLayer);
        svg.appendChild(inputLayer);
        HTMLElement body = Dom.el("div", "bpl-network-body");
        body.appendChild(svg);
        mini.setWidth(MINI);
        mini.setHeight(MINI);
        mini.setHidden(true);
        body.appendChild(mini);
        popover.setAttribute("data-testid", "param-popover");
        popover.setHidden(true);
        popover.appendChild(popoverText);
        HTMLElement row = Dom.el("div", "bpl-row");
        HTMLElement change = Controls.editing(Dom.el("span", "bpl-param-change"));
        popoverInput.setAttribute("data-testid", "param-value");
        popoverInput.setAttribute("aria-label", "New value");
        change.appendChild(popoverInput);
        change.appendChild(Dom.button("Set", "param-set", this::commit));
        row.appendChild(change);
        row.appendChild(Dom.button("Close", "", () -> popover.setHidden(true)));
        popover.appendChild(row);
        body.appendChild(popover);
        root.appendChild(body);
        root.appendChild(Dom.text("p", "bpl-hint", "Blue solid: positive, orange dashed: negative; thicker is larger. Hover a "
                + "neuron to see what it computes; click a weight or a neuron to see and change it."));
        Dom.on(showGrads, "change", e -> update(params, grads));
        Dom.on(svg, "click", e -> click((MouseEvent) e));
        Dom.on(svg, "mousemove", e -> hover((MouseEvent) e));
        Dom.on(svg, "mouseleave", e -> mini.setHidden(true));
        Dom.on(popoverInput, "keydown", e -> {
            if (((KeyboardEvent) e).getKey().equals("Enter")) {
                commit();
            }
        });
    }

    HTMLElement element() {
        return root;
    }

    /** Lays out the neurons and weights of an architecture (the inputs the features make, then each layer's size). */
    void setArchitecture(Features features, int[] sizes, Forward forward) {
        this.nin = features.count();
        this.features = features;
        this.featureValues = new double[nin];
        this.forward = forward;
        popover.setHidden(true);
        Dom.clear(edgeLayer);
        Dom.clear(nodeLayer);
        int layers = sizes.length + 1;
        nodeX = new double[layers][];
        nodeY = new double[layers][];
        nodes = new Element[layers][];
        nodeFill = new String[layers][];
        for (int l = 0; l < layers; l++) {
            int n = l == 0 ? nin : sizes[l - 1];
            nodeX[l] = new double[n];
            nodeY[l] = new double[n];
            nodes[l] = new Element[n];
            nodeFill[l] = new String[n];
            double x = LEFT + l * (W - LEFT - 24) / (layers - 1);
            double gap = Math.min(22, (H - 24) / Math.max(1, n));
            for (int j = 0; j < n; j++) {
                nodeX[l][j] = x;
                nodeY[l][j] = H / 2 + (j - (n - 1) / 2.0) * gap;
            }
        }
        drawEdges();
        drawNeurons();
    }

    /** A line per weight, from each neuron of a layer to each of the next, in the order of the parameters. */
    private void drawEdges() {
        int layers = nodeX.length;
        int count = 0;
        for (int l = 1; l < layers; l++) {
            count += nodeX[l].length * nodeX[l - 1].length;
        }
        edges = new Element[count];
        edgeParam = new int[count];
        edgeLook = new int[count];
        java.util.Arrays.fill(edgeLook, -1);
        int e = 0;
        for (int l = 1; l < layers; l++) {
            for (int j = 0; j < nodeX[l].length; j++) {
                int p = forward.parameterIndex(l - 1, j);
                for (int i = 0; i < nodeX[l - 1].length; i++) {
                    Element line = Svg.el("line");
                    line.setAttribute("x1", Svg.r(nodeX[l - 1][i]));
                    line.setAttribute("y1", Svg.r(nodeY[l - 1][i]));
                    line.setAttribute("x2", Svg.r(nodeX[l][j]));
                    line.setAttribute("y2", Svg.r(nodeY[l][j]));
                    edgeLayer.appendChild(line);
                    edges[e] = line;
                    edgeParam[e] = p + i;
                    e++;
                }
            }
        }
    }

    /** A circle per neuron (and input), and each layer's name above it. */
    private void drawNeurons() {
        int layers = nodeX.length;
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < nodeX[l].length; j++) {
                Element c = Svg.el("circle");
                c.setAttribute("cx", Svg.r(nodeX[l][j]));
                c.setAttribute("cy", Svg.r(nodeY[l][j]));
                c.setAttribute("r", l == 0 ? "7" : "6.5");
                boolean classScore = l == layers - 1 && nodeX[l].length > 1; // ringed in its class's colour
                c.setAttribute("stroke", classScore ? Palette.classColour(j) : "#1d2430");
                c.setAttribute("stroke-width", classScore ? "3" : "1.2");
                c.setAttribute("data-layer", Integer.toString(l));
                c.setAttribute("fill", l == 0 ? "#ffffff" : Palette.NEUTRAL);
                nodeLayer.appendChild(c);
                nodes[l][j] = c;
            }
            String name = l == 0 ? "input" : l == layers - 1 ? "output" : "hidden " + l;
            Element t = Svg.el("text");
            t.setAttribute("x", Svg.r(nodeX[l][0]));
            t.setAttribute("y", "11");
            t.setAttribute("text-anchor", "middle");
            t.setAttribute("font-size", "11");
            t.setAttribute("fill", "#5b6472");
            t.setTextContent(name);
            nodeLayer.appendChild(t);
        }
    }

    /** The region of the plane the neuron previews cover (the boundary plot's). */
    void setRegion(double xMin, double xMax, double yMin, double yMax) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        Dom.clear(inputLayer);
        FeatureInputs.draw(inputLayer, nodeX[0], nodeY[0], features, new double[] {xMin, xMax, yMin, yMax});
    }

    /** Recolours the edges (and neuron biases) from the current parameters and grads. */
    void update(double[] params, double[] grads) {
        this.params = params;
        this.grads = grads;
        boolean byGrad = showGrads.isChecked();
        double[] source = byGrad ? grads : params;
        double max = 0;
        for (int e = 0; e < edges.length; e++) {
            double v = source.length > edgeParam[e] ? source[edgeParam[e]] : 0;
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        for (int e = 0; e < edges.length; e++) {
            double v = source.length > edgeParam[e] ? source[edgeParam[e]] : 0;
            double t = max > 0 && Double.isFinite(v) ? Math.min(1, Math.abs(v) / max) : 0;
            // One of 3 colours and 20 strengths: attributes are only touched when a weight moves a whole notch.
            int look = (v > 0 ? 1 : v < 0 ? 2 : 0) * 32 + Palette.nearest(t * 20);
            if (look != edgeLook[e]) {
                edgeLook[e] = look;
                int k = look % 32;
                // a zero weight: the faint grey it was drawn at 0.25 opacity
                edges[e].setAttribute("stroke", v > 0 ? POSITIVE[k] : v < 0 ? NEGATIVE[k] : "#f1f3f5");
                edges[e].setAttribute("stroke-width", WIDTHS[k]);
                // negative weights are also dashed, so the sign doesn't rest on colour alone
                if (v < 0) {
                    edges[e].setAttribute("stroke-dasharray", "4 2");
                } else {
                    edges[e].removeAttribute("stroke-dasharray");
                }
            }
        }
        for (int l = 1; l < nodes.length; l++) {
            for (int j = 0; j < nodes[l].length; j++) {
                int bias = forward.parameterIndex(l - 1, j) + nodes[l - 1].length;
                double v = source.length > bias ? source[bias] : 0;
                String fill = Palette.fill(v, max);
                if (!fill.equals(nodeFill[l][j])) { // as the edges: only a colour that changed is written
                    nodeFill[l][j] = fill;
                    nodes[l][j].setAttribute("fill", fill);
                }
            }
        }
    }

    private int[] nearestNeuron(double x, double y) {
        for (int l = 0; l < nodes.length; l++) {
            for (int j = 0; j < nodes[l].length; j++) {
                if (Math.hypot(nodeX[l][j] - x, nodeY[l][j] - y) < 9) {
                    return new int[] {l, j};
                }
            }
        }
        return null;
    }

    private double[] toSvg(MouseEvent e) {
        org.teavm.jso.dom.html.TextRectangle box = Dom.rect(svg);
        double s = Math.min(box.getWidth() / W, box.getHeight() / H);
        double ox = box.getLeft() + (box.getWidth() - W * s) / 2;
        double oy = box.getTop() + (box.getHeight() - H * s) / 2;
        return new double[] {(e.getClientX() - ox) / s, (e.getClientY() - oy) / s};
    }

    private void hover(MouseEvent e) {
        double[] p = toSvg(e);
        int[] n = nearestNeuron(p[0], p[1]);
        if (n == null || n[0] == 0 || features.inputs() != 2 || forward == null) {
            mini.setHidden(true);
            return;
        }
        drawMini(n[0] - 1, n[1]);
        org.teavm.jso.dom.html.TextRectangle box = Dom.rect(svg);
        double s = Math.min(box.getWidth() / W, box.getHeight() / H);
        double ox = (box.getWidth() - W * s) / 2;
        mini.getStyle().setProperty("left", Svg.r(ox + nodeX[n[0]][n[1]] * s + 12) + "px");
        mini.getStyle().setProperty("top", Svg.r(nodeY[n[0]][n[1]] * s - MINI) + "px");
        mini.setHidden(false);
    }

    /** What neuron j of layer l outputs over the plane, as a small heatmap. */
    private void drawMini(int layer, int neuron) {
        int[] pixels = new int[MINI * MINI];
        double[] v = new double[MINI * MINI];
        double max = 0;
        double[] x = new double[2];
        for (int r = 0; r < MINI; r++) {
            x[1] = yMax - (r + 0.5) * (yMax - yMin) / MINI;
            for (int c = 0; c < MINI; c++) {
                x[0] = xMin + (c + 0.5) * (xMax - xMin) / MINI;
                features.apply(x, featureValues); // the neuron sees the features of the point
                double out = forward.neuron(params, featureValues, layer, neuron);
                v[r * MINI + c] = out;
                if (Double.isFinite(out)) {
                    max = Math.max(max, Math.abs(out));
                }
            }
        }
        for (int i = 0; i < v.length; i++) {
            pixels[i] = Palette.pixel(max > 0 ? v[i] / max : 0);
        }
        putPixels((CanvasRenderingContext2D) mini.getContext("2d"), pixels, MINI);
    }

    @JSBody(params = {"g", "pixels", "n"}, script = "var bplImg = g.createImageData(n, n);"
            + "new Uint32Array(bplImg.data.buffer).set(pixels); g.putImageData(bplImg, 0, 0);")
    private static native void putPixels(CanvasRenderingContext2D g, @JSByRef(optional = true) int[] pixels, int n);

    private void click(MouseEvent e) {
        double[] p = toSvg(e);
        int[] n = nearestNeuron(p[0], p[1]);
        if (n != null && n[0] > 0) {
            int index = forward.parameterIndex(n[0] - 1, n[1]) + nodes[n[0] - 1].length;
            open(index, "bias of " + name(n[0], n[1]));
            return;
        }
        int best = -1;
        double bestDistance = 5;
        for (int e2 = 0; e2 < edges.length; e2++) {
            int[] ends = ends(e2);
            double d = segmentDistance(p[0], p[1], nodeX[ends[0]][ends[1]], nodeY[ends[0]][ends[1]],
                    nodeX[ends[0] + 1][ends[2]], nodeY[ends[0] + 1][ends[2]]);
            if (d < bestDistance) {
                bestDistance = d;
                best = e2;
            }
        }
        if (best >= 0) {
            int[] ends = ends(best);
            open(edgeParam[best], "weight from " + name(ends[0], ends[1]) + " to " + name(ends[0] + 1, ends[2]));
        }
    }

    /** Layer of the edge's start, its start neuron, its end neuron. */
    private int[] ends(int edge) {
        int e = edge;
        for (int l = 1; l < nodes.length; l++) {
            int count = nodes[l].length * nodes[l - 1].length;
            if (e < count) {
                return new int[] {l - 1, e % nodes[l - 1].length, e / nodes[l - 1].length};
            }
            e -= count;
        }
        return new int[] {0, 0, 0};
    }

    private String name(int layer, int j) {
        if (layer == 0) {
            return "input " + FeatureInputs.name(features, j);
        }
        if (layer == nodes.length - 1) { // one score, or class j's score for softmax
            return nodes[layer].length == 1 ? "the output neuron" : "output neuron " + (j + 1) + " (class " + j + ")";
        }
        return "neuron " + (j + 1) + " of hidden layer " + layer;
    }

    private static double segmentDistance(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }

    private void open(int index, String what) {
        editing = index;
        double value = index < params.length ? params[index] : Double.NaN;
        double grad = index < grads.length ? grads[index] : Double.NaN;
        popoverText.setTextContent("The " + what + ": value " + Numbers.compact(value, 6) + ", grad of the last step "
                + Numbers.compact(grad, 6) + ".");
        popover.setAttribute("data-index", Integer.toString(index));
        popover.setAttribute("data-value", Double.toString(value));
        popover.setAttribute("data-grad", Double.toString(grad));
        popoverInput.setValue(Numbers.shortLiteral(value));
        popover.setHidden(false);
        popoverInput.focus();
        popoverInput.select();
    }

    /** Sets the typed value, or says why it is not a number and shows the parameter's value again. */
    private void commit() {
        if (editing < 0) {
            return;
        }
        Numbers.Reading r = Numbers.read("new value", popoverInput.getValue());
        if (r.ok()) {
            setter.set(editing, r.value());
            popover.setHidden(true);
            return;
        }
        double value = editing < params.length ? params[editing] : Double.NaN;
        popoverText.setTextContent(r.error() + ". It stays " + Numbers.compact(value, 6) + ".");
        popoverInput.setValue(Numbers.shortLiteral(value));
    }

}
