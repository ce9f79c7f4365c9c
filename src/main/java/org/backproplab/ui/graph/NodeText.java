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
        return name + " " + number(x);
    }

    /**
     * A box's number: four decimals, as draw_dot prints, so that any number under 100 takes at most 8 characters
     * ("-99.9999"); a tiny one that would read 0.0000 is written in as few: "-6.6e-10", "-7e-100". Were it
     * "-6.575e-10", a Backward deep in a tanh chain would widen boxes, and a keystroke that changes such grads
     * would lay the whole graph out anew (see {@link GraphShape#boxChars}).
     */
    static String number(double x) {
        String fixed = Numbers.fixed(x, 4);
        if (fixed.length() <= 8 || Math.abs(x) >= 1) {
            return fixed;
        }
        String shorter = Numbers.scientific(x, 1);
        return shorter.length() <= 8 ? shorter : Numbers.scientific(x, 0);
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
