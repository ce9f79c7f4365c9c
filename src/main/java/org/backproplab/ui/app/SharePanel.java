package org.backproplab.ui.app;

import org.backproplab.ui.dom.Dom;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The Share button and its popover: a link that opens exactly this view, copied to the clipboard when the browser
 * allows it and always shown selected, so that Ctrl+C copies it where the browser does not (a page opened from
 * file://, or a clipboard permission refused). A checkbox turns the link into a fixed exercise (controls=hidden).
 */
public final class SharePanel {
    /** Makes the link to share, locked (controls=hidden) or not. */
    interface LinkMaker {
        String link(boolean locked);
    }

    /** Hears whether the browser copied the text. */
    @JSFunctor
    interface Copied extends JSObject {
        void copied(boolean ok);
    }

    private final HTMLElement root = Dom.el("div", "bpl-share");
    private final HTMLElement popover = Dom.el("div", "bpl-share-popover");
    private final HTMLInputElement field = (HTMLInputElement) Dom.el("input", "bpl-input bpl-share-link");
    private final HTMLInputElement lock = (HTMLInputElement) Dom.el("input", "");
    private final HTMLElement status = Dom.el("p", "bpl-share-status");
    private final HTMLElement button;
    private final LinkMaker maker;
    private final java.util.function.Supplier<String> missing;
    private final HTMLElement hint = Dom.el("p", "bpl-hint");
    private int copies; // tells a late answer from the clipboard apart from the latest request's

    /** @param missing what the link can't hold (a sentence), or null when it holds everything */
    SharePanel(LinkMaker maker, java.util.function.Supplier<String> missing, boolean locked) {
        this.maker = maker;
        this.missing = missing;
        button = Dom.button("Share", "share", this::toggle);
        button.setClassName("bpl-button bpl-share-button");
        button.setAttribute("aria-haspopup", "dialog");
        button.setAttribute("aria-expanded", "false");
        button.setAttribute("title", "Copy a link that opens exactly this view");
        root.appendChild(button);

        popover.setAttribute("data-testid", "share-popover");
        popover.setAttribute("role", "dialog");
        popover.setAttribute("aria-label", "Share a link to this view");
        popover.setHidden(true);
        popover.appendChild(Dom.text("h2", "", "Share this view"));
        hint.setAttribute("data-testid", "share-hint");
        popover.appendChild(hint);
        field.setAttribute("type", "text");
        field.setAttribute("readonly", "");
        field.setAttribute("data-testid", "share-link");
        field.setAttribute("aria-label", "Link to this view");
        field.setAttribute("spellcheck", "false");
        popover.appendChild(field);
        lock.setAttribute("type", "checkbox");
        lock.setAttribute("data-testid", "share-lock");
        lock.setChecked(locked);
        HTMLElement lockLabel = Dom.el("label", "bpl-label bpl-share-lock");
        lockLabel.appendChild(lock);
        lockLabel.appendChild(Dom.text("span", "", "As a fixed exercise: hide the editing controls"));
        popover.appendChild(lockLabel);
        status.setAttribute("data-testid", "share-status");
        status.setAttribute("role", "status");
        popover.appendChild(status);
        HTMLElement row = Dom.el("div", "bpl-row");
        row.appendChild(Dom.button("Copy link", "share-copy", this::copy));
        row.appendChild(Dom.button("Close", "share-close", this::close));
        popover.appendChild(row);
        root.appendChild(popover);

        Dom.on(lock, "change", e -> copy());
        Dom.on(field, "focus", e -> field.select());
        Dom.on(popover, "keydown", e -> {
            if (((KeyboardEvent) e).getKey().equals("Escape")) {
                e.preventDefault();
                close();
                button.focus();
            }
        });
    }

    HTMLElement element() {
        return root;
    }

    /** Follows a new link's controls: a locked page offers a locked link. */
    void setLocked(boolean locked) {
        lock.setChecked(locked);
    }

    private void toggle() {
        if (!popover.isHidden()) {
            close();
            return;
        }
        popover.setHidden(false);
        button.setAttribute("aria-expanded", "true");
        copy();
    }

    private void close() {
        popover.setHidden(true);
        button.setAttribute("aria-expanded", "false");
    }

    /** Puts the current link in the field, selects it and tries to copy it. */
    private void copy() {
        String left = missing.get();
        hint.setTextContent(left != null ? left : "The link holds everything you set here: whoever opens it sees the "
                + "same view. Nothing is uploaded.");
        hint.setClassName(left != null ? "bpl-hint bpl-share-missing" : "bpl-hint");
        field.setValue(maker.link(lock.isChecked()));
        field.focus();
        field.select();
        int request = ++copies;
        status.setTextContent("Copying…");
        status.removeAttribute("data-copied");
        copyText(field, ok -> {
            if (request != copies) {
                return;
            }
            status.setAttribute("data-copied", Boolean.toString(ok));
            status.setTextContent(ok ? "Copied: paste the link into a message or a page."
                    : "Your browser did not let the page copy it: press Ctrl+C (⌘C on a Mac) to copy the "
                            + "selected link.");
            if (!ok) {
                field.focus();
                field.select();
            }
        });
    }

    /**
     * The async clipboard where the page may use it, else the old copy command on the selected field; either may be
     * refused, and then the field stays selected for the reader to copy.
     */
    @JSBody(params = {"field", "done"}, script = "function bplCommand() {"
            + "  try { field.focus(); field.select(); return document.execCommand('copy') === true; }"
            + "  catch (bplError) { return false; } }"
            + "if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {"
            + "  navigator.clipboard.writeText(field.value).then(function () { done(true); },"
            + "    function () { done(bplCommand()); });"
            + "} else { done(bplCommand()); }")
    private static native void copyText(HTMLInputElement field, Copied done);
}
