package org.backproplab.ui;

import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/** #view=derivative: what a derivative is, and why finite differences break. (Being built.) */
final class DerivativeView implements View {
    private final HTMLElement root = Dom.el("section", "bpl-derivative-view");

    DerivativeView(HashState state, Runnable changed) {
        root.setAttribute("data-testid", "derivative-view");
        root.appendChild(Dom.text("p", "", "The derivative explorer is being built."));
    }

    @Override
    public HTMLElement element() {
        return root;
    }

    @Override
    public void shown() {
    }

    @Override
    public void writeState(HashState state) {
    }

    @Override
    public void shortcut(KeyboardEvent e) {
    }
}
