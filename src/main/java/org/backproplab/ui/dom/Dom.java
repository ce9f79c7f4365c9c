package org.backproplab.ui.dom;

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
public final class Dom {
    private Dom() {
    }

    public static HTMLDocument document() {
        return HTMLDocument.current();
    }

    /** A new HTML element with a class (or none if className is empty). */
    public static HTMLElement el(String tag, String className) {
        HTMLElement e = document().createElement(tag);
        if (!className.isEmpty()) {
            e.setClassName(className);
        }
        return e;
    }

    /** A new HTML element with a class and text content. */
    public static HTMLElement text(String tag, String className, String text) {
        HTMLElement e = el(tag, className);
        e.setTextContent(text);
        return e;
    }

    /**
     * Asks the browser's yes/no question, for the one case where the page is about to throw away work (a trained
     * run) because of something outside it (a changed link). Where dialogs are blocked, the answer is yes.
     */
    @JSBody(params = "question", script = "try { return !!window.confirm(question); } catch (bplError) {"
            + " return true; }")
    public static native boolean confirm(String question);

    public static HTMLElement button(String label, String testId, Runnable action) {
        HTMLElement b = text("button", "bpl-button", label);
        b.setAttribute("type", "button");
        if (!testId.isEmpty()) {
            b.setAttribute("data-testid", testId);
        }
        on(b, "click", e -> action.run());
        return b;
    }

    /** An option of a select, with its value and the text shown. */
    public static HTMLElement option(String value, String text) {
        HTMLElement o = text("option", "", text);
        o.setAttribute("value", value);
        return o;
    }

    /** A short text field for a number, such as the nudge step or h: the decimal keypad on tablets. */
    public static org.teavm.jso.dom.html.HTMLInputElement numberField(String value, String testId) {
        org.teavm.jso.dom.html.HTMLInputElement in = (org.teavm.jso.dom.html.HTMLInputElement) el("input", "bpl-input");
        in.setAttribute("type", "text");
        in.setAttribute("inputmode", "decimal");
        in.setAttribute("data-testid", testId);
        in.setValue(value);
        in.setSize(7);
        return in;
    }

    public static org.teavm.jso.dom.html.HTMLInputElement checkbox(String testId) {
        org.teavm.jso.dom.html.HTMLInputElement box = (org.teavm.jso.dom.html.HTMLInputElement) el("input", "");
        box.setAttribute("type", "checkbox");
        box.setAttribute("data-testid", testId);
        return box;
    }

    /** A control in a label: a checkbox before its text, anything else after it. */
    public static HTMLElement labelled(HTMLElement control, String text) {
        HTMLElement label = el("label", "bpl-label");
        if ("checkbox".equals(control.getAttribute("type"))) {
            label.appendChild(control);
            label.appendChild(text("span", "", text));
        } else {
            label.appendChild(text("span", "", text));
            label.appendChild(control);
        }
        return label;
    }

    /** Keeps sending a pointer's events to this element while it is dragged, even outside it. */
    @JSBody(params = {"element", "id"}, script = "try { element.setPointerCapture(id); } catch (bplError) {}")
    public static native void capturePointer(JSObject element, int id);

    /** Removes every child of a node (HTML or SVG). */
    public static void clear(org.teavm.jso.dom.xml.Node node) {
        while (node.getFirstChild() != null) {
            node.removeChild(node.getFirstChild());
        }
    }

    public static void on(JSObject target, String type, EventListener<Event> listener) {
        ((org.teavm.jso.dom.events.EventTarget) target).addEventListener(type, listener);
    }

    /** Hears an element's new size. */
    @org.teavm.jso.JSFunctor
    public interface SizeListener extends JSObject {
        void resized(double width, double height);
    }

    /**
     * Calls the listener with the element's size now and whenever it changes, so views never have to ask for it
     * (asking forces the browser to lay out the page at once, which is slow right after drawing a big graph).
     */
    @JSBody(params = {"e", "listener"}, script = "var bplBox = e.getBoundingClientRect(); listener(bplBox.width, bplBox.height);"
            + "if (window.ResizeObserver) { new ResizeObserver(function (bplEntries) {"
            + "var bplRect = bplEntries[bplEntries.length - 1].contentRect;"
            + "listener(bplRect.width, bplRect.height); }).observe(e); }")
    public static native void observeSize(JSObject e, SizeListener listener);

    /** What a window event does for one element. */
    @org.teavm.jso.JSFunctor
    public interface Hook extends JSObject {
        void run();
    }

    /**
     * Calls the hook on each of the window's events of this type (beforeprint, say) while the element is in the page.
     * The window holds the element only weakly, so a widget that a page destroys is not kept alive by its listener:
     * one listener per type walks the live elements and forgets the collected ones. (No function made in this body
     * may mention e: V8 keeps the variables that any inner function uses in one scope shared by all of them, and an
     * earlier fallback that returned e made every window listener hold its widget, 9 KB a destroyed graph.)
     */
    @JSBody(params = {"e", "type", "hook"}, script = "var bplKey = 'bplOn' + type; e[bplKey] = hook;"
            + "var bplLists = window.bplWhileAlive || (window.bplWhileAlive = {});"
            + "if (!bplLists[type]) { bplLists[type] = [];"
            + "  window.addEventListener(type, function () { bplLists[type] = bplLists[type].filter(function (bplRef) {"
            + "    var bplE = bplRef.deref(); if (bplE && bplE.isConnected) { bplE[bplKey](); } return !!bplE; }); }); }"
            + "bplLists[type] = bplLists[type].filter(function (bplRef) { return !!bplRef.deref(); });"
            // (without WeakRef, a bound function holds e: a function written here may not mention it)
            + "bplLists[type].push(window.WeakRef ? new WeakRef(e)"
            + "  : { deref: Function.prototype.bind.call(function (bplX) { return bplX; }, null, e) });")
    public static native void onWindowWhileAlive(JSObject e, String type, Hook hook);

    /** Hears whether an element is in view. */
    @org.teavm.jso.JSFunctor
    public interface ViewListener extends JSObject {
        void inView(boolean visible);
    }

    /**
     * Calls the listener whenever the element comes into view or leaves it, and returns the watcher, for
     * {@link #stopWatching}. Without IntersectionObserver (old browsers) nothing is heard: all counts as in view.
     */
    @JSBody(params = {"e", "listener"}, script = "if (!window.IntersectionObserver) { return null; }"
            + "var bplWatch = new IntersectionObserver(function (bplEntries) {"
            + "listener(bplEntries[bplEntries.length - 1].isIntersecting); });"
            + "bplWatch.observe(e); return bplWatch;")
    public static native JSObject watchInView(JSObject e, ViewListener listener);

    @JSBody(params = "watcher", script = "if (watcher) { watcher.disconnect(); }")
    public static native void stopWatching(JSObject watcher);

    @JSBody(script = "return window.devicePixelRatio || 1;")
    public static native double devicePixelRatio();

    /** The on-screen box of any element, SVG ones included. */
    @JSBody(params = "e", script = "return e.getBoundingClientRect();")
    public static native org.teavm.jso.dom.html.TextRectangle rect(JSObject e);

    /** Makes the browser compute styles and layout now, so a benchmark includes that work. */
    @JSBody(params = "e", script = "var bplSvg = e.querySelector('svg'); if (bplSvg && bplSvg.getBBox) { bplSvg.getBBox(); }"
            + "return e.getBoundingClientRect().width;")
    public static native double forceLayout(JSObject e);

    /** Focuses any element, SVG ones included. */
    @JSBody(params = "e", script = "if (e && e.focus) { e.focus(); }")
    public static native void focus(JSObject e);

    /** Milliseconds since the page started, with sub-millisecond precision. */
    @JSBody(script = "return performance.now();")
    public static native double now();

    @JSBody(script = "return !!(window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches);")
    public static native boolean prefersReducedMotion();

    /**
     * True for a key a view's shortcuts must leave alone: one typed into a text field or menu, or pressed with Ctrl,
     * Cmd or Alt (the browser's and the system's own shortcuts).
     */
    public static boolean typingOrModified(org.teavm.jso.dom.events.KeyboardEvent e) {
        String tag = tagOf(e.getTarget());
        return tag.equals("TEXTAREA") || tag.equals("INPUT") || tag.equals("SELECT") || e.isCtrlKey() || e.isMetaKey()
                || e.isAltKey();
    }

    /** This tab's session storage for a key, or null (also when the browser refuses storage, as some do on file://). */
    @JSBody(params = "key", script = "try { return window.sessionStorage.getItem(key); } catch (bplError) {"
            + " return null; }")
    public static native String sessionGet(String key);

    /** Stores text for this tab (null removes it); false if the browser refused, e.g. when storage is full. */
    @JSBody(params = {"key", "value"}, script = "try { if (value == null) { window.sessionStorage.removeItem(key); }"
            + " else { window.sessionStorage.setItem(key, value); } return true; } catch (bplError) { return false; }")
    public static native boolean sessionSet(String key, String value);

    /** The tag name of an event target (upper case), or "" if it is not an element. */
    @JSBody(params = "t", script = "return t && t.tagName ? String(t.tagName).toUpperCase() : '';")
    public static native String tagOf(JSObject t);

    /** A string option from a plain JS object, or null when it is missing; numbers and booleans become text. */
    @JSBody(params = {"o", "key"}, script = "var bplValue = o == null ? null : o[key];"
            + "return bplValue == null ? null : String(bplValue);")
    public static native String option(JSObject o, String key);

    /** How many keys a plain JS object has (options from a page), for {@link #optionName}. */
    @JSBody(params = "o", script = "return o == null ? 0 : Object.keys(o).length;")
    public static native int optionCount(JSObject o);

    /** The i-th key of a plain JS object if its value is a string, number or boolean; else "". */
    @JSBody(params = {"o", "i"}, script = "var bplKey = Object.keys(o)[i]; var bplType = typeof o[bplKey];"
            + "return bplType === 'string' || bplType === 'number' || bplType === 'boolean' ? bplKey : '';")
    public static native String optionName(JSObject o, int i);

    /** A function-valued option, or null. */
    @JSBody(params = {"o", "key"}, script = "return o != null && typeof o[key] === 'function' ? o[key] : null;")
    public static native JSObject functionOption(JSObject o, String key);
}
