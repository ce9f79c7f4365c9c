package org.backproplab.ui.derivative;

import org.backproplab.expr.ParseError;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/** Page pieces both panels of the derivative view build alike: a titled panel, an error box, a key, a read-out. */
final class Parts {
    private Parts() {
    }

    /** A panel with its title and a one-line lede across the top, named by the title for screen readers. */
    static HTMLElement panel(String className, String title, String lede) {
        HTMLElement panel = Dom.el("section", "bpl-panel " + className);
        panel.setAttribute("aria-label", title.substring(title.indexOf('·') + 2));
        HTMLElement head = Dom.el("div", "bpl-deriv-head");
        head.appendChild(Dom.text("h2", "", title));
        head.appendChild(Dom.text("p", "bpl-hint", lede));
        panel.appendChild(head);
        return panel;
    }

    /** An error box, hidden until there is an error to show. */
    static HTMLElement alertBox(HTMLElement box, String testId) {
        box.setAttribute("data-testid", testId);
        box.setAttribute("role", "alert");
        box.setHidden(true);
        return box;
    }

    /** "Line 2, column 5: message" in an error box, with the place in data-line and data-column. */
    static void showParseError(HTMLElement box, ParseError e) {
        box.setTextContent("");
        box.appendChild(Dom.text("div", "", "Line " + e.line() + ", column " + e.column() + ": " + e.reason()));
        box.setAttribute("data-line", Integer.toString(e.line()));
        box.setAttribute("data-column", Integer.toString(e.column()));
        box.setHidden(false);
    }

    /** One entry of a chart's colour key: a swatch (its colour comes from the class) and a text. */
    static HTMLElement key(String swatchClass, String text) {
        HTMLElement item = Dom.el("span", "bpl-deriv-key-item");
        item.appendChild(Dom.el("span", "bpl-deriv-swatch " + swatchClass));
        item.appendChild(Dom.text("span", "", text));
        return item;
    }

    /** A read-out's text, with its full-precision number in data-value for tests and scripts. */
    static void show(HTMLElement out, double value, String text) {
        out.setTextContent(text);
        out.setAttribute("data-value", Double.toString(value));
    }
}
