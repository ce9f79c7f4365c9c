package org.backproplab.ui.app;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.ui.bench.Bench;
import org.backproplab.ui.train.FrameShare;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The browser entry point. The loader (webapp/backprop-lab.js) calls these exported functions, which TeaVM makes
 * globals in JavaScript and module exports in WebAssembly. Each mounted widget gets an id for later calls.
 */
public final class App {
    private static final List<Lab> LABS = new ArrayList<>();
    /** The page's one frame budget, shared by all its trainers. */
    private static final FrameShare FRAMES = new FrameShare();

    private App() {
    }

    public static void main(String[] args) {
        // Nothing to do until a page mounts a widget.
    }

    /** Mounts a widget into host and returns its id. */
    @JSExport
    public static int backpropLabMount(HTMLElement host, JSObject options) {
        LABS.add(new Lab(host, MountOptions.from(options), LABS.size() + 1, FRAMES));
        return LABS.size() - 1;
    }

    /** Runs a browser benchmark (see {@link Bench#run}) and returns its figures as JSON. */
    @JSExport
    public static String backpropLabBench(String what, String backend, String spec) {
        return Bench.run(what, backend, spec);
    }

    /** Calls a method of a mounted widget: setProgram, backward, destroy. */
    @JSExport
    public static void backpropLabCall(int id, String method, String argument) {
        if (id < 0 || id >= LABS.size() || LABS.get(id) == null) {
            return;
        }
        Lab lab = LABS.get(id);
        switch (method) {
            case "setProgram" -> lab.setProgram(argument);
            case "backward" -> lab.backward();
            case "destroy" -> {
                lab.destroy();
                LABS.set(id, null);
            }
            default -> { }
        }
    }
}
