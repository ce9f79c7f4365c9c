package org.backproplab.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * The few DOM helpers every view uses. Text always goes in through textContent or attributes, never as markup:
 * nothing a user types can become an element.
 */
final class Dom {
    static final String SVG_NS = "http://www.w3.org/2000/svg";

    private Dom() {
    }

    static HTMLDocument document() {
        return HTMLDocument.current();
    }

    /** A new HTML element with a class (or none if className is empty). */
    static HTMLElement el(String tag, String className) {
        HTMLElement e = document().createElement(tag);
        if (!className.isEmpty()) {
            e.setClassName(className);
        }
        return e;
    }

    /** A new HTML element with a class and text content. */
    static HTMLElement text(String tag, String className, String text) {
        HTMLElement e = el(tag, className);
        e.setTextContent(text);
        return e;
    }

    static HTMLElement button(String label, String testId, Runnable action) {
        HTMLElement b = text("button", "bpl-button", label);
        b.setAttribute("type", "button");
        if (!testId.isEmpty()) {
            b.setAttribute("data-testid", testId);
        }
        on(b, "click", e -> action.run());
        return b;
    }

    /** A new SVG element. */
    static Element svg(String tag) {
        return document().createElementNS(SVG_NS, tag);
    }

    static void on(JSObject target, String type, EventListener<Event> listener) {
        ((org.teavm.jso.dom.events.EventTarget) target).addEventListener(type, listener);
    }

    /** A string option from a plain JS object, or null when it is missing; numbers and booleans become text. */
    @JSBody(params = {"o", "key"}, script = "var v = o == null ? null : o[key];"
            + "return v == null ? null : String(v);")
    static native String option(JSObject o, String key);
}
