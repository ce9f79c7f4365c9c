package org.backproplab.ui.derivative;

import org.backproplab.ui.dom.Controls;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Settings;
import org.backproplab.ui.dom.View;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * #view=derivative, the lecture's opening: what a derivative says, before any graph. Panel 1 is one function of x:
 * its controls and plot ({@link FunctionPanel}, {@link FunctionPlot}) and a log-log chart of the nudge's error over h
 * ({@link ErrorChart}) that shows why h can't simply shrink to zero. Panel 2 ({@link PartialsPanel}) is a function of
 * several inputs, nudged by panel 1's h. This class only wires them: the link ({@link DerivativeSettings}) in and
 * out, panel 1's changes on to the chart and panel 2, and the keys.
 */
public final class DerivativeView implements View {
    private final HTMLElement root = Dom.el("section", "bpl-derivative-view");
    private final FunctionPanel one;
    private final ErrorChart errors;
    private final PartialsPanel partials;

    /**
     * The view with its settings from the state. With less than the full controls the example menu, the plot range
     * and panel 2 go; with none, f(x) is read-only too, while x and h can still be explored.
     */
    public DerivativeView(Settings state, Controls controls, Runnable changed) {
        root.setAttribute("data-testid", "derivative-view");
        DerivativeSettings settings = DerivativeSettings.read(state);
        // Made in this order, so the two charts number their clip paths as they always have.
        one = new FunctionPanel(settings, controls.canEdit(), this::panelOneMoved, changed);
        errors = new ErrorChart();
        partials = new PartialsPanel(settings, controls.canEdit(), changed);

        HTMLElement panelOne = Parts.panel("bpl-deriv-one", "1 · A function of x", "The derivative says how f "
                + "responds to a nudge: move x by a tiny h, and f moves by about slope × h. Backward gives the slope "
                + "exactly; the nudge only approximately, and it breaks when h gets too small.");
        panelOne.appendChild(one.controls());
        panelOne.appendChild(one.plot().figure());
        panelOne.appendChild(errors.figure());
        root.appendChild(panelOne);
        root.appendChild(Controls.extra(partials.element()));
        // Keys pressed inside the view (the plot, a button) reach it here, in a widget as in the app; the app's own
        // document listener only hears keys pressed with the focus on the page itself.
        Dom.on(root, "keydown", e -> shortcut((KeyboardEvent) e));
        one.parseFunction();
    }

    /** Panel 1's x, h, kind of difference or function changed: the error chart and panel 2 follow. */
    private void panelOneMoved() {
        if (one.slopes() != null) {
            errors.show(one.function(), one.slopes());
        }
        partials.nudge(one.h(), one.central());
    }

    /** Replaces panel 2's program (a page calling the widget's setProgram). */
    public void setProgram(String program) {
        partials.setProgram(program);
    }

    @Override
    public HTMLElement element() {
        return root;
    }

    @Override
    public void shown() {
        one.plot().measure();
        errors.measure();
        one.plot().draw();
        errors.draw();
    }

    @Override
    public void writeState(Settings state) {
        one.settings(partials.program()).write(state);
    }

    /** ← → move x, [ and ] make h ten times larger or smaller, c switches central differences. */
    @Override
    public void shortcut(KeyboardEvent e) {
        if (Dom.typingOrModified(e)) {
            return;
        }
        if (one.arrowMovesX(e)) {
            e.preventDefault();
            return;
        }
        switch (e.getKey()) {
            case "[" -> one.setH(one.h() * 10);
            case "]" -> one.setH(one.h() / 10);
            case "c", "C" -> one.toggleCentral();
            default -> {
                return;
            }
        }
        e.preventDefault();
    }
}
