package org.backproplab.ui.graph;

import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/** The graph view's "?" popover: its keyboard shortcuts, by-hand mode's keys among them. */
final class ShortcutHelp {
    private final HTMLElement help = Dom.el("div", "bpl-help");

    ShortcutHelp() {
        help.setAttribute("data-testid", "help-popover");
        help.setAttribute("role", "dialog");
        help.setAttribute("aria-label", "Keyboard shortcuts");
        help.setHidden(true);
        help.appendChild(Dom.text("h3", "", "Keyboard shortcuts"));
        HTMLElement list = Dom.el("dl", "");
        String[][] keys = {{"B", "Backward"}, {"S", "Step backward one node"}, {"P", "Play / pause the steps"},
            {"Z", "Zero grad"}, {"F", "Fit the graph"}, {"+ / −", "Zoom in / out"},
            {"Tab", "Move through the nodes (by hand: to the next grad to find)"},
            {"Enter", "Type a new value for the focused leaf (by hand: check the answer)"},
            {"?", "Show or hide this help"}};
        for (String[] k : keys) {
            list.appendChild(Dom.text("dt", "", k[0]));
            list.appendChild(Dom.text("dd", "", k[1]));
        }
        help.appendChild(list);
        help.appendChild(Dom.button("Close", "", this::hide));
    }

    HTMLElement element() {
        return help;
    }

    void toggle() {
        help.setHidden(!help.isHidden());
    }

    void hide() {
        help.setHidden(true);
    }
}
