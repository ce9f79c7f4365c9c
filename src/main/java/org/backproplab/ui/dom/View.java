package org.backproplab.ui.dom;

import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One of the lab's screens (graph, train, derivative). Each reads its settings from the URL hash state when it is
 * made, says when they change, and writes them back, so that a link reproduces what its sender saw.
 */
public interface View {
    HTMLElement element();

    /** Called when the view is in the page and has a size (drawings fit themselves here). */
    void shown();

    /** Puts this view's settings into the state, under its own keys. */
    void writeState(Settings state);

    /** A key pressed while the focus is on the page rather than a text field. */
    void shortcut(KeyboardEvent e);

    /**
     * What a link can't hold of this view's state, in a sentence for the Share box ("This program is too long for a
     * link..."), or null when the link holds everything.
     */
    default String notInLink() {
        return null;
    }

    /** Called when another view takes its place (animations stop here). */
    default void hidden() {
    }
}
