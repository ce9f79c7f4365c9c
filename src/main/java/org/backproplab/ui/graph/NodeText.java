package org.backproplab.ui.graph;

import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;

/** The words of a Value's box: its title, its data and grad rows, and the name a screen reader gives it. */
final class NodeText {
    private NodeText() {
    }

    /** The box's first row: the label, "const" for a number written in an expression, nothing for an unnamed op. */
    static String title(Value v) {
        return v.label.isEmpty() ? (v.isLeaf() ? "const" : "") : v.label;
    }

    /** "data 2.0000", "grad -4.0000". */
    static String row(String name, double x) {
        return name + " " + Numbers.fixed(x, 4);
    }

    /**
     * The box's accessible name: its own text first, word for word, so a screen reader and speech input name it as it
     * reads on screen; then what the box doesn't show.
     */
    static String description(Value v, boolean gradsKnown, boolean editable) {
        String title = title(v);
        return title + (title.isEmpty() ? "" : " ") + row("data", v.data) + " " + row("grad", gradsKnown ? v.grad : 0)
                + (v.label.isEmpty() && !v.isLeaf() ? ", the result of " + v.op() : "")
                + (gradsKnown ? "" : ", grad not computed yet")
                + (editable ? ". Press Enter to type a new value" : "");
    }
}
