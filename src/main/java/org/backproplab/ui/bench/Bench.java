package org.backproplab.ui.bench;

import java.util.Arrays;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.TrainSpec;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Settings;
import org.backproplab.ui.graph.GraphView;
import org.backproplab.ui.train.FrameShare;
import org.backproplab.ui.train.TrainView;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The browser benchmarks behind bench.html: the graph view's render and re-evaluation times, training speed, and
 * the trainer's frames while it plays, measured on whichever backend loaded. They make the views themselves and
 * drive them through their public operations. Results are JSON text, so the page (and any harness) can read them.
 */
public final class Bench {
    private Bench() {
    }

    /**
     * Runs the benchmark the page asked for: "graph", "train" (with a spec's text, or ""), "big", or the two halves
     * of the frame benchmark, "train-frames" and "train-frames-result".
     */
    public static String run(String what, String backend, String spec) {
        switch (what) {
            case "graph":
                return graph(backend);
            case "train":
                return train(backend, spec);
            case "big":
                return big(backend);
            case "train-frames":
                return startTrainFrames(backend, spec);
            case "train-frames-result":
                return trainFramesResult();
            case "graph-scale":
                return startGraphScale(backend, spec);
            case "graph-scale-result":
                return graphScaleResult();
            default:
                throw new IllegalArgumentException("no benchmark " + what);
        }
    }

    /**
     * Times the graph view: a fresh 500-node program (parse, evaluate, layout, SVG) and keystrokes in a 40-node one.
     */
    private static String graph(String backend) {
        HTMLElement host = widgetHost("1200px");
        host.getStyle().setProperty("position", "absolute");
        host.getStyle().setProperty("left", "-20000px");
        Dom.document().getBody().appendChild(host);
        GraphView view = new GraphView(new Settings(), networkProgram(40, 500, 1), Controls.FULL, () -> { });
        host.appendChild(view.element());
        view.shown();

        String[] big = {networkProgram(40, 500, 2), networkProgram(40, 500, 3)};
        double[] render = new double[12];
        for (int i = 0; i < render.length; i++) {
            double start = Dom.now();
            view.typeProgram(big[i % 2]);
            Dom.forceLayout(view.element());
            render[i] = Dom.now() - start;
        }

        String small = networkProgram(10, 40, 4);
        int firstLineEnd = small.indexOf('\n');
        String[] sameShape = {small, small.substring(0, firstLineEnd) + "7" + small.substring(firstLineEnd)};
        String[] newShape = {small, small.replace("v39 = ", "v39x = ")};
        view.typeProgram(small);
        double[] typing = new double[60];
        double[] typingNewShape = new double[30];
        for (int i = 0; i < typing.length; i++) {
            double start = Dom.now();
            view.typeProgram(sameShape[i % 2]);
            Dom.forceLayout(view.element());
            typing[i] = Dom.now() - start;
        }
        for (int i = 0; i < typingNewShape.length; i++) {
            double start = Dom.now();
            view.typeProgram(newShape[i % 2]);
            Dom.forceLayout(view.element());
            typingNewShape[i] = Dom.now() - start;
        }
        int nodes = view.nodeCount();
        view.hidden();
        host.getParentNode().removeChild(host);
        return "{\"backend\":\"" + backend + "\",\"graphRender500Ms\":" + median(render, 2)
                + ",\"typing40Ms\":" + median(typing, 5) + ",\"typing40NewShapeMs\":" + median(typingNewShape, 5)
                + ",\"typingNodes\":" + nodes + "}";
    }

    /**
     * Times training with the same code as the command line's bench: the Value engine and the tape on micrograd's
     * demo spec (given as text; "" uses a spec of the same shape), and predict.
     */
    private static String train(String backend, String specText) {
        TrainSpec spec = specText == null || specText.isEmpty() ? org.backproplab.nn.Bench.demoShapedSpec()
                : TrainSpec.parse(specText);
        org.backproplab.nn.Bench.Result r = org.backproplab.nn.Bench.run(spec,
                org.backproplab.nn.Bench.Options.standard());
        return "{\"backend\":\"" + backend + "\",\"valueMsPerStep\":" + r.valueMsPerStep() + ",\"tapeMsPerStep\":"
                + r.tapeMsPerStep() + ",\"predictUsPerPoint\":" + r.predictUsPerPoint() + "}";
    }

    /** Training speed on {@link org.backproplab.nn.Bench#bigSpec()}: 1,000 points, 2-32-32-1. */
    private static String big(String backend) {
        org.backproplab.nn.Bench.Result r = org.backproplab.nn.Bench.run(org.backproplab.nn.Bench.bigSpec(),
                org.backproplab.nn.Bench.Options.big());
        return "{\"backend\":\"" + backend + "\",\"bigTapeMsPerStep\":" + r.tapeMsPerStep()
                + ",\"bigValueMsPerStep\":" + r.valueMsPerStep() + "}";
    }

    /** The trainer's frame benchmark between its start and its result (two calls from the page), or null. */
    private static TrainFrames frames;

    /**
     * Starts the trainer's frame benchmark: the default setup (micrograd's demo) playing with no step limit in a
     * 1280-pixel-wide widget, with the boundary, charts and diagram all live; {@link #trainFramesResult} reports
     * once 300 frames are recorded. With setup "spiral3" it plays issue 12's configuration instead: the 3-class
     * spiral as the menu gives it (200 points without noise), three scores per cell of the 100×100 map, each cell
     * coloured by its argmax class.
     */
    private static String startTrainFrames(String backend, String setup) {
        HTMLElement host = widgetHost("1280px");
        host.getStyle().setProperty("position", "fixed");
        host.getStyle().setProperty("left", "0");
        host.getStyle().setProperty("top", "0");
        host.getStyle().setProperty("z-index", "10");
        Dom.document().getBody().appendChild(host);
        Settings settings = "spiral3".equals(setup) ? new Settings().put("dataset", "spiral").put("classes", "3")
                .put("n", "200").put("noise", "0")
                : new Settings();
        TrainView view = new TrainView(settings, Controls.FULL, () -> { }, (program, title, lossTerm) -> { },
                new FrameShare());
        host.appendChild(view.element());
        view.shown();
        frames = new TrainFrames(backend, host, view);
        return "started";
    }

    /** The frame figures once the run has recorded its frames (and done 100 steps), or "" until then. */
    private static String trainFramesResult() {
        String result = frames == null ? "" : frames.result();
        if (!result.isEmpty()) {
            frames = null;
        }
        return result;
    }

    /** The graph-scale benchmark between its start and its result (two calls from the page), or null. */
    private static GraphScale scale;

    /**
     * Starts the graph-scale benchmark (see {@link GraphScale}) in a visible 1280-pixel-wide widget, after some
     * other code has run in the page (a little training, a few graphs), as in a page used for a while. cases names
     * some of {@link GraphScale#ALL_CASES}, comma-separated, or is empty for all; {@link #graphScaleResult} reports.
     */
    public static String startGraphScale(String backend, String cases) {
        org.backproplab.nn.Bench.run(org.backproplab.nn.Bench.demoShapedSpec(),
                org.backproplab.nn.Bench.Options.quick());
        HTMLElement host = widgetHost("1280px");
        host.getStyle().setProperty("position", "fixed");
        host.getStyle().setProperty("left", "0");
        host.getStyle().setProperty("top", "0");
        host.getStyle().setProperty("z-index", "10");
        Dom.document().getBody().appendChild(host);
        GraphView view = new GraphView(new Settings(), networkProgram(40, 500, 1), Controls.FULL, () -> { });
        host.appendChild(view.element());
        view.shown();
        for (int i = 0; i < 4; i++) {
            view.setProgram(networkProgram(10 + i, 60 + 40 * i, i));
            view.backward();
        }
        scale = new GraphScale(backend, host, view, cases == null ? "" : cases);
        return "started";
    }

    /** The graph-scale figures once every case has run, or "" until then. */
    public static String graphScaleResult() {
        String result = scale == null ? "" : scale.result();
        if (!result.isEmpty()) {
            scale = null;
        }
        return result;
    }

    /**
     * A host that looks to the style sheet like a widget's root (as the Lab makes it, full controls), so a view
     * drawn straight into it is laid out as on a page. Its height is a widget's default.
     */
    private static HTMLElement widgetHost(String width) {
        HTMLElement host = Dom.el("div", "bpl-lab bpl-widget " + Controls.FULL.rootClass());
        host.getStyle().setProperty("width", width);
        return host;
    }

    /** The median after dropping the first warm-up runs. */
    static double median(double[] runs, int warmUp) {
        double[] kept = Arrays.copyOfRange(runs, warmUp, runs.length);
        Arrays.sort(kept);
        return kept[kept.length / 2];
    }

    /**
     * A program shaped like a small network written out: {@code leaves} inputs, then operations up to {@code total}
     * Values in all. Each operation takes the oldest Value nobody has used yet and, for a binary op, one of the last
     * twenty, and the last few operations join what is left; so the output depends on every line and the graph has
     * exactly {@code total} Values. Deterministic per seed.
     */
    static String networkProgram(int leaves, int total, int seed) {
        StringBuilder p = new StringBuilder();
        int state = seed * 2654435 + 12345;
        int[] unused = new int[total];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < leaves; i++) {
            state = next(state);
            p.append("v").append(i).append(" = ").append(Numbers.fixed(((state >>> 8) % 2000 - 1000) / 1000.0, 3))
                    .append('\n');
            unused[tail++] = i;
        }
        String[] binary = {" + ", " * "}; // not -, which micrograd draws as + and * -1: two more Values
        for (int i = leaves; i < total; i++) {
            int a = unused[head++];
            boolean join = total - i <= tail - head; // the rest must join the unused ones pairwise
            state = next(state);
            int b = join ? unused[head++] : Math.max(0, i - 1 - (state >>> 8) % 20);
            state = next(state);
            int kind = (state >>> 8) % 5;
            p.append("v").append(i).append(" = ");
            if (kind == 4 && !join) {
                p.append("tanh(v").append(a).append(")");
            } else {
                p.append("v").append(a).append(binary[kind % 2]).append("v").append(b);
            }
            p.append('\n');
            unused[tail++] = i;
        }
        return p.toString();
    }

    private static int next(int x) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return x;
    }
}
