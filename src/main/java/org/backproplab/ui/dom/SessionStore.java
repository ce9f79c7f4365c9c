package org.backproplab.ui.dom;

import org.teavm.jso.JSBody;

/**
 * The tab's session storage: it outlives a reload and goes when the tab closes, and nothing in it leaves the
 * browser. Storage can be switched off, full or refused (a sandboxed frame), so each call here fails quietly: keeping
 * work across a reload is a help, never a reason for the page to break.
 */
public final class SessionStore {
    private SessionStore() {
    }

    /** The text stored under key, or "" if there is none. */
    @JSBody(params = "key", script = "try { var bplValue = window.sessionStorage.getItem(key);"
            + " return bplValue === null ? '' : String(bplValue); } catch (bplError) { return ''; }")
    public static native String get(String key);

    /** Stores text under key; false if the browser would not keep it. */
    @JSBody(params = {"key", "value"}, script = "try { window.sessionStorage.setItem(key, value); return true; }"
            + " catch (bplError) { return false; }")
    public static native boolean put(String key, String value);

    @JSBody(params = "key", script = "try { window.sessionStorage.removeItem(key); } catch (bplError) { }")
    public static native void remove(String key);

    /**
     * Whether this page was reloaded (or came back through the history) rather than opened: only then is a run
     * kept in the storage the person's own, still on screen a moment ago. Opening a link afresh in the same tab
     * starts afresh.
     */
    @JSBody(script = "try { var bplNav = performance.getEntriesByType('navigation');"
            + " return bplNav.length > 0 && (bplNav[0].type === 'reload' || bplNav[0].type === 'back_forward'); }"
            + " catch (bplError) { return false; }")
    public static native boolean pageWasReloaded();
}
