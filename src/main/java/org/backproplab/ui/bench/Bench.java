package org.backproplab.ui.bench;

import java.util.Arrays;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.TrainSpec;
import org.backproplab.ui.app.Lab;
import org.backproplab.ui.app.MountOptions;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.graph.GraphView;
import org.backproplab.ui.train.TrainView;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The browser benchmarks behind bench.html: the graph view's render and re-evaluation times, measured on
 * whichever backend loaded. Results are JSON text, so the page (and any harness) can read them.
 */
public final class Bench {
    private Bench() {
    }

    /** Times the graph view: a fresh 500-node program (parse, evaluate, layout, SVG) and keystrokes in a 40-node one. */
    public static String graph(String backend) {
        HTMLElement host = Dom.el("div", "");
        host.getStyle().setProperty("position", "absolute");
        host.getStyle().setProperty("left", "-20000px");
        host.getStyle().setProperty("width", "1200px");
        host.getStyle().setProperty("height", "800px");
        Dom.document().getBody().appendChild(host);
        Lab lab = new Lab(host, MountOptions.of("graph", networkProgram(40, 500, 1), backend));
        GraphView view = lab.graphView();

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
        lab.destroy();
        host.getParentNode().removeChild(host);
        return "{\"backend\":\"" + backend + "\",\"graphRender500Ms\":" + median(render, 2)
                + ",\"typing40Ms\":" + median(typing, 5) + ",\"typing40NewShapeMs\":" + median(typingNewShape, 5)
                + ",\"typingNodes\":" + nodes + "}";
    }

    /**
     * Times training with the same code as the command line's bench: the Value engine and the tape on micrograd's
     * demo spec (given as text; "" uses a spec of the same shape), and predict.
     */
    public static String train(String backend, String specText) {
        TrainSpec spec = specText == null || specText.isEmpty() ? org.backproplab.nn.Bench.demoShapedSpec()
                : TrainSpec.parse(specText);
        org.backproplab.nn.Bench.Result r = org.backproplab.nn.Bench.run(spec,
                org.backproplab.nn.Bench.Options.standard());
        return "{\"backend\":\"" + backend + "\",\"valueMsPerStep\":" + r.valueMsPerStep() + ",\"tapeMsPerStep\":"
                + r.tapeMsPerStep() + ",\"predictUsPerPoint\":" + r.predictUsPerPoint() + "}";
    }

    private static Lab framesLab;
    private static HTMLElement framesHost;
    private static String framesBackend;

    /**
     * Starts the trainer's frame benchmark: the default setup (micrograd's demo) playing in a 1280x900 page with the
     * boundary, charts and diagram all live; {@link #trainFramesResult} reports once 300 frames are recorded.
     */
    public static String startTrainFrames(String backend) {
        framesBackend = backend;
        framesHost = Dom.el("div", "");
        framesHost.getStyle().setProperty("position", "fixed");
        framesHost.getStyle().setProperty("left", "0");
        framesHost.getStyle().setProperty("top", "0");
        framesHost.getStyle().setProperty("width", "1280px");
        framesHost.getStyle().setProperty("height", "900px");
        framesHost.getStyle().setProperty("z-index", "10");
        Dom.document().getBody().appendChild(framesHost);
        framesLab = new Lab(framesHost, MountOptions.of("train", null, backend));
        FrameStats.start(30, 300);
        framesLab.trainView().benchPlay();
        return "started";
    }

    /** The frame figures once the run has recorded its frames (and done 100 steps), or "" until then. */
    public static String trainFramesResult() {
        TrainView view = framesLab == null ? null : framesLab.trainView();
        if (view == null || !FrameStats.done() || Double.isNaN(view.hundredStepsMs())) {
            return "";
        }
        String result = "{\"backend\":\"" + framesBackend + "\",\"frameP95Ms\":" + FrameStats.p95(true)
                + ",\"frameMedianMs\":" + FrameStats.percentile(true, 0.5)
                + ",\"frameWorkP95Ms\":" + FrameStats.p95(false) + ",\"frameWorkMedianMs\":" + FrameStats.percentile(false, 0.5) + ",\"hundredStepsMs\":" + view.hundredStepsMs()
                + ",\"firstFullAccuracyStep\":" + view.firstFullAccuracy() + "}";
        view.hidden();
        framesLab.destroy();
        framesHost.getParentNode().removeChild(framesHost);
        framesLab = null;
        return result;
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
