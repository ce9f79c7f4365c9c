package org.backproplab.ui.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backproplab.engine.Numbers;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Settings;
import org.backproplab.ui.graph.GraphView;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * The graph view at scale (issue 16): a leaf used thousands of times ({@code b = a+a+…+a}), a 300-line program of
 * about 1,500 Values, a 447-Value one stepped through, and a chain of 100,000 Values. Each figure is the time from
 * an action (a program set or typed, Backward, a wheel turn, the S key) until the browser has painted its result:
 * the next animation frame, and a task after it. The view is driven as a user drives it: through its public
 * operations, and real wheel and key events on its elements. It runs after other code in the same page (a little
 * training and a few graphs), as a page used for a while would.
 */
final class GraphScale {
    /** The cases, run in this order unless the page names some (each costs seconds; older builds took minutes). */
    static final String ALL_CASES = "program1500,wheel,step447,reuse5000,reuse30000,chain100k";

    private final String backend;
    private final HTMLElement host;
    private final GraphView view;
    private final List<Runnable> queue = new ArrayList<>();
    private final StringBuilder json = new StringBuilder();
    private final List<double[]> samples = new ArrayList<>();
    private boolean done;

    GraphScale(String backend, HTMLElement host, GraphView view, String cases) {
        this.backend = backend;
        this.host = host;
        this.view = view;
        for (String c : (cases.isEmpty() ? ALL_CASES : cases).split(",")) {
            plan(c.trim());
        }
        queue.add(() -> done = true);
        next();
    }

    /** The figures as JSON once every case has run (then the view goes), or "" until then. */
    String result() {
        if (!done) {
            return "";
        }
        view.hidden();
        host.getParentNode().removeChild(host);
        return "{\"backend\":\"" + backend + "\"" + json + "}";
    }

    private void plan(String name) {
        switch (name) {
            case "program1500" -> {
                String[] program = {lineProgram(300, "0.5"), lineProgram(300, "0.6")};
                timeRepeated("program1500FirstDrawMs", 3, i -> view.setProgram(Bench.networkProgram(10, 40, i + 7)),
                        i -> view.setProgram(program[0]));
                count("program1500Nodes");
                untimed(view::backward);
                timeRepeated("program1500KeystrokeMs", 10, null, i -> view.typeProgram(program[(i + 1) % 2]));
            }
            case "wheel" -> {
                untimed(() -> {
                    view.setProgram(lineProgram(300, "0.5"));
                    key("f"); // Fit: the whole graph on screen, the most there is to paint
                });
                timeRepeated("wheelZoom1500Ms", 20, null, i -> wheel(i % 2 == 0 ? -120 : 120));
            }
            case "step447" -> {
                untimed(() -> view.setProgram(Bench.networkProgram(40, 447, 5)));
                count("step447Nodes");
                timeRepeated("step447Ms", 30, null, i -> key("s"));
            }
            case "reuse5000" -> {
                timeRepeated("reuse5000FirstDrawMs", 3, i -> view.setProgram(Bench.networkProgram(10, 40, i + 7)),
                        i -> view.setProgram(reuse(5000, 1)));
                count("reuse5000Nodes");
                timeRepeated("reuse5000EvalBackwardMs", 5, null, i -> {
                    view.setProgram(reuse(5000, 2 + i % 2)); // same shape: evaluate, no new layout
                    view.backward();
                });
            }
            case "reuse30000" -> {
                timeRepeated("reuse30000FirstDrawMs", 1, i -> view.setProgram(Bench.networkProgram(10, 40, 9)),
                        i -> view.setProgram(reuse(30_000, 1)));
                count("reuse30000Nodes");
            }
            case "chain100k" -> {
                String chain = chain(50_000);
                timeRepeated("chain100kEvalBackwardMs", 1, i -> view.setProgram(Bench.networkProgram(10, 40, 9)),
                        i -> {
                            view.setProgram(chain);
                            view.backward();
                        });
                count("chain100kNodes");
            }
            default -> throw new IllegalArgumentException("No graph-scale case " + name + "; the cases are "
                    + ALL_CASES);
        }
    }

    /** Something to do between the figures, then wait for its paint. */
    private void untimed(Runnable action) {
        queue.add(() -> {
            action.run();
            afterPaint(this::next);
        });
    }

    /** How many Values the view has now (drawn, or summarised). */
    private void count(String key) {
        queue.add(() -> {
            put(key, view.nodeCount());
            next();
        });
    }

    private interface Action {
        void run(int i);
    }

    /**
     * Times action, {@code runs} times, each until its paint, and reports the median. Before each, setup (if any)
     * runs untimed and is painted, so each timed action starts from the same state.
     */
    private void timeRepeated(String key, int runs, Action setup, Action action) {
        double[] times = new double[runs];
        samples.add(times);
        for (int r = 0; r < runs; r++) {
            int i = r;
            if (setup != null) {
                untimed(() -> setup.run(i));
            }
            queue.add(() -> {
                double start = Dom.now();
                action.run(i);
                afterPaint(() -> {
                    times[i] = Dom.now() - start;
                    if (i == runs - 1) {
                        double[] sorted = times.clone();
                        Arrays.sort(sorted);
                        put(key, sorted[runs / 2]);
                    }
                    next();
                });
            });
        }
    }

    private void put(String key, double value) {
        json.append(",\"").append(key).append("\":").append(Double.isFinite(value) ? Double.toString(value) : "-1");
    }

    private void next() {
        if (!queue.isEmpty()) {
            queue.remove(0).run();
        }
    }

    /** Runs then after the browser has painted: the next animation frame, and a task queued from it. */
    private static void afterPaint(Runnable then) {
        Window.requestAnimationFrame(t -> Window.setTimeout(then::run, 0));
    }

    /** A wheel turn over the middle of the drawing, as a mouse's wheel makes it. */
    private void wheel(double deltaY) {
        Element svg = view.element().querySelector("svg.bpl-svg");
        dispatchWheel(svg, deltaY);
    }

    @JSBody(params = {"target", "deltaY"}, script = "var bplBox = target.getBoundingClientRect();"
            + "target.dispatchEvent(new WheelEvent('wheel', {deltaY: deltaY, deltaMode: 0, bubbles: true,"
            + " cancelable: true, clientX: bplBox.left + bplBox.width / 2, clientY: bplBox.top + bplBox.height / 2}));")
    private static native void dispatchWheel(Element target, double deltaY);

    /** A key pressed while the view (not a text field) has the focus, as its shortcuts hear it. */
    private void key(String key) {
        dispatchKey(view.element(), key);
    }

    @JSBody(params = {"target", "key"}, script = "target.dispatchEvent(new KeyboardEvent('keydown', {key: key,"
            + " bubbles: true, cancelable: true}));")
    private static native void dispatchKey(Element target, String key);

    /** {@code a = value}, then {@code b = a + a + … + a} with this many terms: a used terms times. */
    static String reuse(int terms, double value) {
        StringBuilder p = new StringBuilder("a = ").append(Numbers.format(value)).append("\nb = a");
        for (int i = 1; i < terms; i++) {
            p.append(" + a");
        }
        return p.append('\n').toString();
    }

    /** {@code x0 = 0.5}, then {@code xi = x(i-1) * 0.999}: 2 Values a line, a chain as long as the program. */
    static String chain(int lines) {
        StringBuilder p = new StringBuilder("x0 = 0.5\n");
        for (int i = 1; i < lines; i++) {
            p.append('x').append(i).append(" = x").append(i - 1).append(" * 0.999\n");
        }
        return p.toString();
    }

    /**
     * A program of this many lines shaped like a network written out by hand: inputs x0..x3 (x0 = first), then
     * lines {@code hI = tanh(p * q + r * s + t)} of 5 Values each, taking the line before, earlier lines and the
     * inputs, so the inputs are used all along; every 50th line also scales by 0.5. 300 lines make 1,496 Values.
     */
    static String lineProgram(int lines, String first) {
        StringBuilder p = new StringBuilder("x0 = ").append(first).append("\nx1 = -0.3\nx2 = 0.8\nx3 = 0.1\n");
        int state = 2463534;
        for (int i = 4; i < lines; i++) {
            String[] pick = new String[4];
            for (int k = 0; k < pick.length; k++) {
                state ^= state << 13;
                state ^= state >>> 17;
                state ^= state << 5;
                int back = (state >>> 8) % 30;
                pick[k] = i - 1 - back < 4 || k == 1 ? "x" + (state >>> 3) % 4 : "h" + (i - 1 - back);
            }
            String previous = i == 4 ? "x3" : "h" + (i - 1);
            p.append('h').append(i).append(" = tanh(").append(previous).append(" * ").append(pick[1]).append(" + ")
                    .append(pick[0]).append(" * ").append(pick[2]).append(" + ").append(pick[3])
                    .append((i - 4) % 50 == 0 ? " * 0.5" : "").append(")\n");
        }
        return p.toString();
    }
}
