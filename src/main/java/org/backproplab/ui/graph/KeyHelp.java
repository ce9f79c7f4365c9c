package org.backproplab.ui.graph;

import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/** The graph view's list of keyboard shortcuts, shown and hidden by the ? button or key; by-hand mode's keys too. */
final class KeyHelp {
    private static final String[][] KEYS = {{"B", "Backward"}, {"S", "Step backward one node"},
        {"P", "Play / pause the steps"}, {"Z", "Zero grad"}, {"F", "Fit the graph"}, {"+ / −", "Zoom in / out"},
        {"Tab", "Move through the nodes (by hand: to the next grad to find)"},
        {"Enter", "Type a new value for the focused leaf (by hand: check the answer)"},
        {"?", "Show or hide this help"}};

    private final HTMLElement root = Dom.el("div", "bpl-help");
    /** What had the focus when the help opened (the ? button, a node), to give it back when the help closes. */
    private HTMLElement opener;
    private HTMLElement button;

    KeyHelp() {
        root.setAttribute("data-testid", "help-popover");
        root.setAttribute("role", "dialog");
        root.setAttribute("aria-label", "Keyboard shortcuts");
        root.setHidden(true);
        root.appendChild(Dom.text("h2", "", "Keyboard shortcuts"));
        HTMLElement list = Dom.el("dl", "");
        for (String[] k : KEYS) {
            list.appendChild(Dom.text("dt", "", k[0]));
            list.appendChild(Dom.text("dd", "", k[1]));
        }
        root.appendChild(list);
        root.appendChild(Dom.button("Close", "", this::hide));
    }

    HTMLElement element() {
        return root;
    }

    /** The ? button: the focus goes back to it when the help was opened with the focus nowhere in particular. */
    void setButton(HTMLElement button) {
        this.button = button;
    }

    void toggle() {
        if (root.isHidden()) {
            HTMLElement active = Dom.document().getActiveElement();
            opener = active == null || active == Dom.document().getBody() ? button : active;
            root.setHidden(false);
        } else {
            hide();
        }
    }

    /** Closes the help (Close or Esc) and gives the focus back to what opened it. */
    void hide() {
        if (!root.isHidden()) {
            root.setHidden(true);
            Dom.focus(opener != null ? opener : button);
        }
    }
}
