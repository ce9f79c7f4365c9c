package org.backproplab.ui.dom;

import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/** An "Export ▾" button with one menu item per file a view can save, so that a toolbar stays short. */
public final class ExportMenu {
    private final HTMLElement wrap = Dom.el("div", "bpl-menu-wrap");
    private final HTMLElement menu = Dom.el("div", "bpl-menu");
    private final HTMLElement open;

    public ExportMenu(String testId, String title) {
        menu.setAttribute("role", "menu");
        open = Dom.button("Export ▾", testId, () -> show(menu.isHidden()));
        open.setAttribute("aria-haspopup", "menu");
        open.setAttribute("title", title);
        wrap.appendChild(open);
        wrap.appendChild(menu);
        show(false);
        Dom.on(wrap, "keydown", e -> {
            if (((KeyboardEvent) e).getKey().equals("Escape") && !menu.isHidden()) {
                show(false);
                open.focus();
                e.stopPropagation();
            }
        });
    }

    /** Adds a choice; choosing it closes the menu, then runs the action. */
    public ExportMenu item(String label, String testId, Runnable action) {
        HTMLElement item = Dom.button(label, testId, () -> {
            show(false);
            action.run();
        });
        item.setAttribute("role", "menuitem");
        menu.appendChild(item);
        return this;
    }

    public HTMLElement element() {
        return wrap;
    }

    private void show(boolean shown) {
        menu.setHidden(!shown);
        open.setAttribute("aria-expanded", shown ? "true" : "false");
    }
}
