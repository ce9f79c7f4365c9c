package org.backproplab.ui.app;

import org.backproplab.ui.dom.Dom;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;

/**
 * The app's state in the page's address, written at most every {@link #MIN_MS} ms: the first change at once, the
 * last of a burst when the burst ends. Chromium ignores a page's address changes past 200 in 10 s, so scrubbing a
 * leaf (60 changes a second) for 4 s left the address, and what a reload brings back, at an older program, and the
 * links a person typed next were ignored too.
 */
final class Address {
    /** 10 writes a second at most: half of what Chromium lets a page make, the rest left to the person. */
    static final int MIN_MS = 100;

    private String hash = "";
    private double lastWritten = Double.NEGATIVE_INFINITY;
    private boolean pending;
    /** The address as it read after the last write. */
    private String shown = "";
    private boolean stopped;

    /** Shows this hash (without '#') in the address, now or in a moment. */
    void write(String next) {
        hash = next;
        if (pending || stopped) {
            return; // the write that is due takes the latest hash
        }
        double wait = lastWritten + MIN_MS - Dom.now();
        if (wait <= 0) {
            writeNow();
            return;
        }
        pending = true;
        Window.setTimeout(() -> {
            pending = false;
            // A link the person typed meanwhile is not written over: its hashchange, still to come, rebuilds the
            // views, and they write their state again.
            if (!stopped && current().equals(shown)) {
                writeNow();
            }
        }, (int) Math.ceil(wait));
    }

    /** The widget was destroyed: nothing more is written. */
    void stop() {
        stopped = true;
    }

    private void writeNow() {
        lastWritten = Dom.now();
        replaceHash(hash);
        shown = current();
    }

    @JSBody(script = "return location.hash || '';")
    private static native String current();

    @JSBody(params = "hash", script = "try { history.replaceState(history.state, '', '#' + hash); }"
            + "catch (bplError) { location.hash = hash; }")
    private static native void replaceHash(String hash);
}
