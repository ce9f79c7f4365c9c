package org.backproplab.ui.graph;

import java.util.function.Consumer;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.xml.Element;

/**
 * The toolbar's "Do it by hand" switch. While it is on, the view's tools that would give the grads away rest:
 * disabled, so neither a click nor their key (B, S, P, Z) runs them.
 */
final class HandToggle {
    /** Backward, Step, Play, Zero grad and the = bug, by their test ids (a contract the e2e tests hold too). */
    private static final String[] GIVE_GRADS_AWAY = {"backward", "step-backward", "play-backward", "zero-grad",
        "bug-toggle"};

    private final HTMLInputElement box = Dom.checkbox("hand-toggle");
    private final HTMLElement label = Dom.labelled(box, "Do it by hand");

    HandToggle(Consumer<Boolean> flipped) {
        label.setAttribute("title", "Fill in every grad yourself: the lab checks each one");
        Dom.on(box, "change", e -> flipped.accept(box.isChecked()));
    }

    HTMLElement element() {
        return label;
    }

    /** The switch as it stands, and the view's tools resting (on) or back (off). */
    void show(boolean on, HTMLElement view) {
        box.setChecked(on);
        for (String id : GIVE_GRADS_AWAY) {
            Element tool = view.querySelector("[data-testid=" + id + "]");
            if (tool == null) {
                continue;
            } else if (on) {
                tool.setAttribute("disabled", "");
            } else {
                tool.removeAttribute("disabled");
            }
        }
    }

    /** A fixed exercise done by hand stays by hand: turning it off would let Backward give the answers away. */
    void lock(boolean locked) {
        label.setHidden(locked);
    }
}
