package org.backproplab.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One mounted widget: the chosen view, a footer that names the backend and, for the full app, a header with a tab
 * per view. The app (mounted with app="true") keeps its whole state in the URL hash and reads it back on load; an
 * embedded widget keeps its state to itself. A strange hash never breaks the page: the parts that can't be read are
 * named in a message and replaced by defaults.
 */
final class Lab {
    /** The views, by the name used in #view=... and the view="..." attribute, with their tab titles. */
    private static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("graph", "Graph");
        VIEWS.put("train", "Train");
        VIEWS.put("derivative", "Derivative");
    }

    private final HTMLElement host;
    private final HTMLElement root;
    private final HTMLElement message = Dom.el("div", "bpl-message");
    private final HTMLElement body = Dom.el("div", "bpl-body");
    private final Map<String, HTMLElement> tabs = new LinkedHashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    private final MountOptions options;
    private final boolean app;
    private HashState initial;
    private String current;
    private String lastHash = "";

    Lab(HTMLElement host, MountOptions options) {
        this.host = host;
        this.options = options;
        this.app = options.app();
        root = Dom.el("div", app ? "bpl-lab bpl-app" : "bpl-lab bpl-widget");
        initial = app ? HashState.parse(hash()) : new HashState();
        String view = initial.has("view") ? initial.get("view") : options.view();
        if (!VIEWS.containsKey(view)) {
            initial.ignore("view", "there is no view called '" + HashState.shorten(view) + "'");
            view = "graph";
        }
        if (app) {
            root.appendChild(header());
        }
        message.setAttribute("data-testid", "message");
        message.setAttribute("role", "status");
        message.setHidden(true);
        root.appendChild(message);
        root.appendChild(body);
        root.appendChild(footer(options.backend()));
        host.appendChild(root);
        show(view);
        if (!initial.ignored().isEmpty()) {
            say("Some of the link was ignored: " + String.join("; ", initial.ignored()) + ". Showing the defaults "
                    + "for those parts.");
        }
        initial = new HashState(); // views made later start from their defaults
        if (app) {
            Dom.on(Window.current(), "hashchange", e -> reloadFromHash());
            Dom.on(Dom.document(), "keydown", e -> {
                if (Dom.tagOf(e.getTarget()).equals("BODY")) {
                    views.get(current).shortcut((KeyboardEvent) e);
                }
            });
        }
    }

    /** Shows a view, making it on first use. */
    private void show(String name) {
        View view = views.get(name);
        if (view == null) {
            view = make(name, initial);
            views.put(name, view);
        }
        if (current != null && views.containsKey(current) && !current.equals(name)) {
            views.get(current).hidden();
        }
        current = name;
        body.setTextContent("");
        body.appendChild(view.element());
        for (Map.Entry<String, HTMLElement> tab : tabs.entrySet()) {
            tab.getValue().setAttribute("aria-selected", Boolean.toString(tab.getKey().equals(name)));
        }
        view.shown();
        saveState();
    }

    private View make(String name, HashState state) {
        switch (name) {
            case "derivative":
                return new DerivativeView(state, this::saveState);
            case "train":
                return new TrainView(state, this::saveState, this::inspect);
            default:
                return new GraphView(state, options.program() != null ? options.program()
                        : GraphView.DEFAULT_PROGRAM, this::saveState);
        }
    }

    /**
     * Opens one training example's graph in a graph view of its own, with a bar to go back: the trainer, its weights
     * and its charts stay as they were, and so does the graph tab's own program.
     */
    private void inspect(String program, String title, double lossTerm) {
        View trainer = views.get(current);
        if (trainer != null) {
            trainer.hidden();
        }
        GraphView graph = new GraphView(new HashState(), program, () -> { });
        HTMLElement panel = Dom.el("div", "bpl-inspect");
        HTMLElement bar = Dom.el("div", "bpl-inspect-bar");
        bar.appendChild(Dom.button("← Back to training", "inspect-back", () -> show("train")));
        HTMLElement info = Dom.text("span", "bpl-inspect-title", title + (Double.isNaN(lossTerm) ? ""
                : ". Its loss term: " + org.backproplab.engine.Numbers.compact(lossTerm, 8) + "."));
        info.setAttribute("data-testid", "inspect-info");
        info.setAttribute("data-value", Double.toString(lossTerm));
        bar.appendChild(info);
        panel.appendChild(bar);
        panel.appendChild(graph.element());
        body.setTextContent("");
        body.appendChild(panel);
        graph.shown();
        graph.backward();
    }

    /** The user edited the URL or went back: rebuild the views from the new hash. */
    private void reloadFromHash() {
        String now = hash();
        if (now.equals(lastHash) || now.equals("#" + lastHash)) {
            return;
        }
        HashState next = HashState.parse(now);
        String view = next.has("view") ? next.get("view") : "graph";
        if (!VIEWS.containsKey(view)) {
            next.ignore("view", "there is no view called '" + HashState.shorten(view) + "'");
            view = "graph";
        }
        views.clear();
        initial = next;
        show(view);
        initial = new HashState();
        if (!next.ignored().isEmpty()) {
            say("Some of the link was ignored: " + String.join("; ", next.ignored()) + ".");
        }
    }

    private HTMLElement header() {
        HTMLElement header = Dom.el("header", "bpl-header");
        HTMLElement brand = Dom.el("div", "bpl-brand");
        brand.appendChild(Dom.text("span", "bpl-brand-name", "Backprop Lab"));
        brand.appendChild(Dom.text("span", "bpl-brand-tag", "micrograd, live in your browser"));
        header.appendChild(brand);
        HTMLElement nav = Dom.el("nav", "bpl-tabs");
        nav.setAttribute("role", "tablist");
        nav.setAttribute("aria-label", "Views");
        for (Map.Entry<String, String> v : VIEWS.entrySet()) {
            HTMLElement tab = Dom.button(v.getValue(), "tab-" + v.getKey(), () -> show(v.getKey()));
            tab.setAttribute("role", "tab");
            tab.setClassName("bpl-tab");
            tabs.put(v.getKey(), tab);
            nav.appendChild(tab);
        }
        header.appendChild(nav);
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
        if (!app || current == null || !views.containsKey(current)) {
            return;
        }
        HashState state = new HashState().put("view", current);
        views.get(current).writeState(state);
        lastHash = state.format();
        replaceHash(lastHash);
    }

    void setProgram(String program) {
        View graph = views.get("graph");
        if (graph instanceof GraphView g) {
            g.setProgram(program);
        }
    }

    void backward() {
        View graph = views.get("graph");
        if (graph instanceof GraphView g) {
            g.backward();
        }
    }

    /** The graph view, made if needed (the benchmark drives it directly). */
    GraphView graphView() {
        if (!views.containsKey("graph")) {
            show("graph");
        }
        return (GraphView) views.get("graph");
    }

    /** The trainer view, made if needed (the benchmark drives it directly). */
    TrainView trainView() {
        if (!views.containsKey("train")) {
            show("train");
        }
        return (TrainView) views.get("train");
    }

    void destroy() {
        for (View v : views.values()) {
            v.hidden();
        }
        host.removeChild(root);
    }

    @JSBody(script = "return location.hash || '';")
    private static native String hash();

    @JSBody(params = "hash", script = "try { history.replaceState(history.state, '', '#' + hash); }"
            + "catch (bplError) { location.hash = hash; }")
    private static native void replaceHash(String hash);
}
