package org.backproplab.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One mounted widget: a header with the views, the view itself, and a footer that names the backend. The full app
 * (mounted with app="true") keeps its whole state in the URL hash and reads it back on load; an embedded widget
 * keeps its state to itself.
 */
final class Lab {
    private static final int MAX_PROGRAM_IN_LINK = 100_000;

    private final HTMLElement host;
    private final HTMLElement root;
    private final HTMLElement message = Dom.el("div", "bpl-message");
    private final GraphView graph;
    private final boolean app;
    private String lastHash = "";

    Lab(HTMLElement host, MountOptions options) {
        this.host = host;
        this.app = options.app();
        root = Dom.el("div", app ? "bpl-lab bpl-app" : "bpl-lab bpl-widget");
        HashState state = app ? HashState.parse(hash()) : new HashState();

        String program = options.program() != null ? options.program() : GraphView.DEFAULT_PROGRAM;
        if (state.has("program")) {
            program = state.get("program");
        }
        String view = state.has("view") ? state.get("view") : options.view();
        if (!view.equals("graph")) {
            state.ignore("view", "there is no view called '" + HashState.shorten(view) + "'");
        }

        if (app) {
            root.appendChild(header());
        }
        message.setAttribute("data-testid", "message");
        message.setAttribute("role", "status");
        message.setHidden(true);
        root.appendChild(message);
        graph = new GraphView(program, this::saveState);
        if ("1".equals(state.get("bug"))) {
            graph.setBuggy(true);
        }
        root.appendChild(graph.element());
        root.appendChild(footer(options.backend()));
        host.appendChild(root);
        graph.shown();
        if (!state.ignored().isEmpty()) {
            say("Some of the link was ignored: " + String.join("; ", state.ignored()) + ". Showing the defaults "
                    + "for those parts.");
        }
        if (app) {
            Dom.on(Window.current(), "hashchange", e -> {
                if (!hash().equals(lastHash) && !hash().equals("#" + lastHash)) {
                    HashState next = HashState.parse(hash());
                    if (next.has("program")) {
                        graph.setProgram(next.get("program"));
                    }
                }
            });
            Dom.on(Dom.document(), "keydown", e -> {
                if (Dom.tagOf(e.getTarget()).equals("BODY")) {
                    graph.shortcut((org.teavm.jso.dom.events.KeyboardEvent) e);
                }
            });
        }
        saveState();
    }

    private HTMLElement header() {
        HTMLElement header = Dom.el("header", "bpl-header");
        HTMLElement brand = Dom.el("div", "bpl-brand");
        brand.appendChild(Dom.text("span", "bpl-brand-name", "Backprop Lab"));
        brand.appendChild(Dom.text("span", "bpl-brand-tag", "micrograd, live in your browser"));
        header.appendChild(brand);
        return header;
    }

    private HTMLElement footer(String backend) {
        HTMLElement footer = Dom.el("footer", "bpl-footer");
        HTMLElement name = Dom.text("span", "", backend.equals("wasm") ? "WebAssembly" : "JavaScript");
        name.setAttribute("data-testid", "backend");
        name.setAttribute("data-value", backend);
        footer.appendChild(Dom.text("span", "", "Running on "));
        footer.appendChild(name);
        footer.appendChild(Dom.text("span", "", " · everything runs in this page, nothing is sent anywhere"));
        return footer;
    }

    private void say(String text) {
        message.setTextContent(text);
        message.setHidden(false);
    }

    /** Writes the state to the URL hash (app only), without adding a history entry per keystroke. */
    private void saveState() {
        if (!app || graph == null) {
            return;
        }
        HashState state = new HashState().put("view", "graph");
        String program = graph.program();
        if (program.length() <= MAX_PROGRAM_IN_LINK) {
            state.put("program", program);
        }
        if (graph.buggy()) {
            state.put("bug", "1");
        }
        lastHash = state.format();
        replaceHash(lastHash);
    }

    void setProgram(String program) {
        graph.setProgram(program);
    }

    void backward() {
        graph.backward();
    }

    void destroy() {
        host.removeChild(root);
    }

    @JSBody(script = "return location.hash || '';")
    private static native String hash();

    @JSBody(params = "hash", script = "try { history.replaceState(history.state, '', '#' + hash); }"
            + "catch (e) { location.hash = hash; }")
    private static native void replaceHash(String hash);
}
