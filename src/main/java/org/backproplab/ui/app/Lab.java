package org.backproplab.ui.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Text;
import org.backproplab.ui.derivative.DerivativeView;
import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.SessionStore;
import org.backproplab.ui.dom.Settings;
import org.backproplab.ui.dom.View;
import org.backproplab.ui.graph.GraphView;
import org.backproplab.ui.train.FrameShare;
import org.backproplab.ui.train.TrainView;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One mounted widget: the chosen view, a footer that names the backend and, for the full app, a header with a tab
 * per view and a Share button. The app (mounted with app="true") keeps its whole state in the URL hash and reads it
 * back on load; an embedded widget reads its settings from its options, keeps its state to itself, tells the page
 * through onChange, and links to the full app with the same state. A strange hash or option never breaks the page:
 * the parts that can't be read are named in a message and replaced by defaults.
 */
final class Lab {
    /** The views, by the name used in #view=... and the view="..." attribute, with their tab titles. */
    private static final Map<String, String> VIEWS = new LinkedHashMap<>();
    /** Where the app keeps a trained run across a reload, in the tab's session storage. */
    private static final String TRAINED_RUN_KEY = "backprop-lab-trained-run";
    /** This tab's session storage key for a program too long for the link. */
    private static final String LONG_PROGRAM = "backprop-lab-long-program";

    static {
        VIEWS.put("graph", "Graph");
        VIEWS.put("train", "Train");
        VIEWS.put("derivative", "Derivative");
    }

    private final HTMLElement host;
    private final HTMLElement root;
    private final HTMLElement message = Dom.el("div", "bpl-message");
    private final HTMLElement body;
    private final Map<String, HTMLElement> tabs = new LinkedHashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    private final MountOptions options;
    private final FrameShare frames;
    private final boolean app;
    private final HTMLElement appLink = Dom.el("a", "bpl-app-link");
    private final Address address = new Address();
    private Controls controls;
    private SharePanel share; // the app's; null in a widget
    private Settings initial;
    private String current;
    private String lastHash = "";
    private String lastReported = "";
    private boolean destroyed;
    /** Whether a trainer made now takes back the run kept in session storage: after a reload or a changed link. */
    private boolean takeBackRun = SessionStore.pageWasReloaded();

    /**
     * @param number this widget's place among the page's widgets, from 1, so each has a name of its own
     * @param frames the page's frame budget, which its trainers share
     */
    Lab(HTMLElement host, MountOptions options, int number, FrameShare frames) {
        this.host = host;
        this.frames = frames;
        this.options = options;
        this.app = options.app();
        body = Dom.el(app ? "main" : "div", "bpl-body"); // a widget is part of its page's main content
        initial = app ? HashState.parse(hash()) : options.settings();
        String kept = app && !initial.has("program") ? Dom.sessionGet(LONG_PROGRAM) : null;
        if (kept != null) {
            initial.put("program", kept);
        }
        controls = readControls(initial, app ? null : options.controls());
        root = Dom.el("div", (app ? "bpl-lab bpl-app " : "bpl-lab bpl-widget ") + controls.rootClass());
        String view = initial.has("view") ? initial.get("view") : options.view();
        if (!VIEWS.containsKey(view)) {
            initial.ignore("view", "there is no view called '" + Settings.shorten(view) + "'");
            view = "graph";
        }
        if (!app) {
            root.setAttribute("role", "region");
            // Landmarks need names of their own: the page's aria-label for the widget if it gave one, else a number.
            String named = host.getAttribute("aria-label");
            root.setAttribute("aria-label", "Backprop Lab: " + (named != null && !named.isEmpty() ? named
                    : VIEWS.get(view) + " " + number));
            setHeight(options.height());
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
            say((app ? "Some of the link was ignored: " : "Some of this widget's settings were ignored: ")
                    + String.join("; ", initial.ignored()) + ". Showing the defaults for those parts.");
        }
        initial = new Settings(); // views made later start from their defaults
        if (app) {
            Dom.on(Window.current(), "hashchange", e -> reloadFromHash());
            Dom.on(Dom.document(), "keydown", e -> {
                if (Dom.tagOf(e.getTarget()).equals("BODY")) {
                    views.get(current).shortcut((KeyboardEvent) e);
                }
            });
        }
    }

    /**
     * The controls mode: a widget's attribute wins over its settings; the app reads #controls=... An unknown mode is
     * reported and shows everything.
     */
    private static Controls readControls(Settings state, String attribute) {
        String id = attribute != null ? attribute : state.get("controls");
        state.put("controls", null);
        if (id == null || id.isEmpty()) {
            return Controls.FULL;
        }
        Controls c = Choice.byId(Controls.values(), id);
        if (c == null) {
            state.ignore("controls", "expected full, minimal or hidden");
            return Controls.FULL;
        }
        return c;
    }

    /** A widget's height: a number of pixels, or a CSS length such as 30em or 80vh; anything else is reported. */
    private void setHeight(String height) {
        if (height == null || height.trim().isEmpty()) {
            return;
        }
        String h = height.trim();
        int digits = 0;
        while (digits < h.length() && (Text.isAsciiDigit(h.charAt(digits)) || h.charAt(digits) == '.')) {
            digits++;
        }
        String unit = h.substring(digits);
        boolean known = unit.isEmpty() || unit.equals("px") || unit.equals("em") || unit.equals("rem")
                || unit.equals("vh") || unit.equals("%");
        if (digits == 0 || !known) {
            options.settings().ignore("height", "expected pixels, such as 480, or a length such as 30em");
            return;
        }
        root.getStyle().setProperty("height", unit.isEmpty() ? h + "px" : h);
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

    private View make(String name, Settings state) {
        switch (name) {
            case "derivative":
                if (state.has("program") && !state.has("multi")) {
                    state.put("multi", state.get("program")); // a widget's program="..." is panel 2's
                }
                return new DerivativeView(state, controls, this::saveState);
            case "train":
                TrainView trainer = new TrainView(state, controls, this::saveState, this::inspect, frames);
                if (app) {
                    trainer.keepRunAcrossReloads(TRAINED_RUN_KEY, takeBackRun);
                }
                return trainer;
            default:
                return new GraphView(state, GraphView.DEFAULT_PROGRAM, controls, this::saveState);
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
        GraphView graph = new GraphView(new Settings(), program, controls, () -> { });
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
        Settings next = HashState.parse(now);
        if (!keepTrainedRun(next)) {
            address.write(lastHash); // the person chose to keep the run: the address shows it again
            return;
        }
        String view = next.has("view") ? next.get("view") : "graph";
        if (!VIEWS.containsKey(view)) {
            next.ignore("view", "there is no view called '" + Settings.shorten(view) + "'");
            view = "graph";
        }
        views.clear();
        takeBackRun = true;
        lastHash = ""; // the address is written again as the views read it, without the parts they ignored
        initial = next;
        setControls(readControls(next, null));
        show(view);
        initial = new Settings();
        if (!next.ignored().isEmpty()) {
            say("Some of the link was ignored: " + String.join("; ", next.ignored()) + ".");
        } else {
            message.setHidden(true); // what an earlier link got wrong is no longer true of this one
        }
    }

    /**
     * Before a changed link rebuilds the views: a trained run is saved for the new trainer, which takes it back if
     * the link gives the same settings (an ignored bad key, say); a link with other settings would start again from
     * step 0, so the person is asked first. False: keep the run and ignore the link.
     */
    private boolean keepTrainedRun(Settings next) {
        if (!(views.get("train") instanceof TrainView trainer) || trainer.trainedSteps() == 0) {
            return true;
        }
        trainer.saveRun();
        return trainer.sameRun(next) || Dom.confirm("This link starts the trainer again from step 0, and your run "
                + "at step " + trainer.trainedSteps() + " will be lost. Open the link anyway?");
    }

    private HTMLElement header() {
        HTMLElement header = Dom.el("header", "bpl-header");
        HTMLElement brand = Dom.el("div", "bpl-brand");
        brand.appendChild(Dom.text("h1", "bpl-brand-name", "Backprop Lab"));
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
        header.appendChild(Controls.editing(nav));
        HTMLElement badge = Dom.text("span", "bpl-exercise-badge", "Exercise: editing is off");
        badge.setAttribute("data-testid", "exercise-badge");
        badge.setAttribute("title", "This link hides the editing controls (controls=hidden).");
        header.appendChild(badge);
        header.appendChild(Dom.el("span", "bpl-spacer"));
        share = new SharePanel(this::link, () -> views.get(current).notInLink(), controls == Controls.HIDDEN);
        header.appendChild(share.element());
        return header;
    }

    /** Swaps the controls mode (a new hash): views made from now on use it, and the style sheet hides the rest. */
    private void setControls(Controls next) {
        root.getClassList().remove(controls.rootClass());
        controls = next;
        root.getClassList().add(controls.rootClass());
        if (share != null) {
            share.setLocked(controls == Controls.HIDDEN);
        }
    }

    /**
     * This view's whole state as a hash (without '#'), locked as a fixed exercise or not. The app keeps
     * controls=minimal in its links too; a widget's minimal is only how its page lays it out, so its link opens the
     * full lab with everything.
     */
    private String stateHash(boolean locked) {
        Settings state = new Settings().put("view", current);
        views.get(current).writeState(state);
        if (locked) {
            state.put("controls", Controls.HIDDEN.id());
        } else if (app && controls == Controls.MINIMAL) {
            state.put("controls", controls.id());
        }
        return HashState.format(state);
    }

    /** The link to share: this page with the state in its hash. */
    private String link(boolean locked) {
        return pageAddress() + "#" + stateHash(locked);
    }

    private HTMLElement footer(String backend) {
        HTMLElement footer = Dom.el("footer", "bpl-footer");
        HTMLElement name = Dom.text("span", "", backend.equals("wasm") ? "WebAssembly" : "JavaScript");
        name.setAttribute("data-testid", "backend");
        name.setAttribute("data-value", backend);
        footer.appendChild(Dom.text("span", "", "Running on "));
        footer.appendChild(name);
        footer.appendChild(Dom.text("span", "", " · everything runs in this page, nothing is sent anywhere"));
        if (!app) {
            // A widget links to the full app with its own state, so a reader can take the example further.
            appLink.setTextContent("Open in Backprop Lab ↗");
            appLink.setAttribute("data-testid", "open-in-lab");
            appLink.setAttribute("target", "_blank");
            appLink.setAttribute("rel", "noopener");
            appLink.setAttribute("title", "The full lab, in a new tab, starting from what this widget shows");
            footer.appendChild(appLink);
        }
        return footer;
    }

    private void say(String text) {
        message.setTextContent(text);
        message.setHidden(false);
    }

    /**
     * After every change: the app writes its state to the URL hash (without adding a history entry per keystroke);
     * a widget updates its link into the full app. Both tell the page's onChange listener, if it has one, with the
     * by-hand progress added (right, total, revealed, checks, done): a page can react to it, but links leave it out,
     * since whoever opens one starts the exercise afresh.
     */
    private void saveState() {
        if (destroyed || current == null || !views.containsKey(current)) {
            return;
        }
        keepLongProgram();
        String now = stateHash(controls == Controls.HIDDEN);
        if (!now.equals(lastHash)) { // (also after a changed link, which forgets lastHash to have it written again)
            lastHash = now;
            if (app) {
                address.write(now);
            } else {
                appLink.setAttribute("href", options.base() + "index.html#" + now);
            }
        }
        Settings progress = new Settings();
        if (views.get(current) instanceof GraphView g) {
            g.writeProgress(progress);
        }
        String reported = progress.values().isEmpty() ? now : now + "&" + HashState.format(progress);
        if (reported.equals(lastReported)) {
            return;
        }
        lastReported = reported;
        if (options.onChange() != null) {
            notify(options.onChange(), reported);
        }
    }

    /**
     * A program too long for a link would be lost on a reload, so the app keeps it in this tab's session storage
     * while it is too long, and a link without a program brings it back (see the constructor).
     */
    private void keepLongProgram() {
        if (app && views.get("graph") instanceof GraphView g) {
            Dom.sessionSet(LONG_PROGRAM, g.notInLink() != null ? g.program() : null);
        }
    }

    /** The graph view's program, or the derivative view's panel 2 (the trainer has no program). */
    void setProgram(String program) {
        View view = views.get(current);
        if (view instanceof GraphView g) {
            g.setProgram(program);
        } else if (view instanceof DerivativeView d) {
            d.setProgram(program);
        }
    }

    void backward() {
        View graph = views.get("graph");
        if (graph instanceof GraphView g) {
            g.backward();
        }
    }

    public void destroy() {
        destroyed = true;
        address.stop();
        for (View v : views.values()) {
            v.hidden();
        }
        if (root.getParentNode() == host) {
            host.removeChild(root);
        }
    }

    @JSBody(script = "return location.hash || '';")
    private static native String hash();

    /** This page's address without its hash. */
    @JSBody(script = "return location.href.split('#')[0];")
    private static native String pageAddress();

    @JSBody(params = {"listener", "hash"}, script = "try { listener(hash); } catch (bplError) {"
            + " if (window.console) { console.error(bplError); } }")
    private static native void notify(org.teavm.jso.JSObject listener, String hash);
}
