package org.backproplab.ui.train;

import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The trainer's message line: what the last change did, or why it could not be done (a problem, in red), with a
 * way out beside it (Undo, a safer rate). A note waiting to be told (the engine switched to the tape) joins the
 * next message.
 */
final class TrainMessage {
    private final HTMLElement message = Dom.el("div", "bpl-train-message");
    private String note;

    TrainMessage() {
        message.setAttribute("data-testid", "train-message");
        message.setAttribute("role", "status");
        message.setHidden(true);
    }

    HTMLElement element() {
        return message;
    }

    /** Adds text to the next message said. */
    void noteForNext(String text) {
        note = text;
    }

    void say(String text, boolean problem) {
        if (note != null) {
            text += note;
            note = null;
        }
        message.setTextContent(text);
        message.setClassName(problem ? "bpl-train-message bpl-problem" : "bpl-train-message");
        message.setHidden(false);
    }

    /** Adds a control to the message just said. */
    void add(HTMLElement e) {
        message.appendChild(e);
    }
}
