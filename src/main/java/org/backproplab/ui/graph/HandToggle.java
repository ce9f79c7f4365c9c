package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The toolbar's "Do it by hand" switch, and the tools that would give the grads away (Backward, Step, Play, Zero
 * grad, the = bug), which rest while it is on: disabled, so neither a click nor their key runs them.
 */
final class HandToggle {
    private final HTMLInputElement box = Dom.checkbox("hand-toggle");
    private final HTMLElement label = Dom.labelled(box, "Do it by hand");
    private final List<HTMLElement> tools = new ArrayList<>();

    HandToggle(Consumer<Boolean> flipped) {
        label.setAttribute("title", "Fill in every grad yourself: the lab checks each one");
        Dom.on(box, "change", e -> flipped.accept(box.isChecked()));
    }

    HTMLElement element() {
        return label;
    }

    /** Marks a tool as one that gives the grads away; returns it, so the toolbar can add it as it goes. */
    HTMLElement rests(HTMLElement tool) {
        tools.add(tool);
        return tool;
    }

    void show(boolean on) {
        box.setChecked(on);
        for (HTMLElement tool : tools) {
            if (on) {
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
