package org.backproplab.ui.dom;

import org.backproplab.engine.Choice;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * How much of a view's controls a widget or a link shows (controls="..." on a widget, #controls=... in a link).
 * <ul>
 *   <li>FULL: everything, as in the app.</li>
 *   <li>MINIMAL: the main thing and the buttons that run it, for a widget beside a paragraph of text. The secondary
 *       panels go: in the graph view the presets, the = bug switch, nudge, gradient check and export; in the trainer
 *       its settings, the step limit and the network diagram; in the derivative view the example menu, the plot
 *       range and panel 2. What is left can still be edited.</li>
 *   <li>HIDDEN: a fixed exercise that a teacher hands out: what MINIMAL shows, and nothing that defines the exercise
 *       can change. Programs and f(x) are read-only, leaves can't be dragged or typed, the trainer's points and
 *       weights are locked, and the app's tabs are gone. What runs or explores it stays: Backward, Step, Play and
 *       Zero grad; Play, Step and Reset in the trainer; x and h in the derivative view.</li>
 * </ul>
 * The views mark their parts with {@link #extra} and {@link #editing}; the style sheet hides them by the root's class.
 */
public enum Controls implements Choice {
    FULL, MINIMAL, HIDDEN;

    /** True when the exercise itself (program, function, data, model) may be changed. */
    public boolean canEdit() {
        return this != HIDDEN;
    }

    /** The class the widget's root carries, which the style sheet hides the marked parts by. */
    public String rootClass() {
        return "bpl-controls-" + id();
    }

    /** Marks a part that only the full controls show. */
    public static HTMLElement extra(HTMLElement e) {
        e.getClassList().add("bpl-extra");
        return e;
    }

    /** Marks a control that changes the exercise, which controls=hidden removes. */
    public static HTMLElement editing(HTMLElement e) {
        e.getClassList().add("bpl-editing");
        return e;
    }
}
