package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.HandCheck.State;
import org.backproplab.engine.Value;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.xml.Element;

/**
 * By hand, the blank grad field in each box: an HTML input in an SVG foreignObject laid over the box's grad row,
 * so it moves and zooms with the drawing. Field k is for the k-th asked Value, output first.
 *
 * <p>Tab moves between the fields in that order, the order backward visits the boxes, skipping the ones that take
 * no answer (the given output, a revealed grad). Only the current field is in the page's tab order (a roving
 * tabindex), so Tab past the last field, or Shift+Tab before the first, leaves the drawing as usual.
 */
final class AnswerFields {
    /** What the fields tell their owner. */
    interface Listener {
        /** The student asked for field k to be checked: Enter, or leaving it changed. */
        void check(int k);

        /** Field k got the focus: the helpers work on it now. */
        void selected(int k);
    }

    private final GraphScene scene;
    private final Listener listener;
    private final List<HTMLInputElement> fields = new ArrayList<>();
    private final List<Element> slots = new ArrayList<>();
    /** Each field's text when it was last checked, so leaving a field unchanged doesn't check it again. */
    private final List<String> checked = new ArrayList<>();
    private final List<Value> values = new ArrayList<>();
    /** Counts the sets of fields made: a field of an earlier set that blurs as it is removed is not checked. */
    private int generation;

    AnswerFields(GraphScene scene, Listener listener) {
        this.scene = scene;
        this.listener = listener;
    }

    int size() {
        return fields.size();
    }

    /** A blank field for each asked Value (output first), put in its box. */
    void make(List<Value> asked) {
        remove();
        for (int k = 0; k < asked.size(); k++) {
            values.add(asked.get(k));
            fields.add(field(k, StepPanel.label(asked.get(k))));
            HTMLElement row = Dom.el("div", "bpl-answer-row");
            row.appendChild(Dom.text("span", "bpl-answer-name", "grad"));
            row.appendChild(fields.get(k));
            Element slot = Svg.el("foreignObject");
            slot.setAttribute("class", "bpl-answer-slot");
            slot.appendChild(row);
            slots.add(slot);
            checked.add("");
        }
        attach(asked);
    }

    private HTMLInputElement field(int k, String name) {
        HTMLInputElement input = (HTMLInputElement) Dom.el("input", "bpl-grad-answer");
        input.setAttribute("type", "text");
        input.setAttribute("data-testid", "grad-answer");
        input.setAttribute("autocomplete", "off");
        input.setAttribute("spellcheck", "false");
        input.setAttribute("aria-label", "grad of " + name);
        input.setAttribute("tabindex", "-1");
        Dom.on(input, "keydown", e -> key(k, (KeyboardEvent) e));
        Dom.on(input, "pointerdown", e -> e.stopPropagation()); // a click types here: no pan, no scrub
        Dom.on(input, "focus", e -> {
            rove(k);
            listener.selected(k);
        });
        int made = generation;
        Dom.on(input, "blur", e -> {
            if (made == generation && !text(k).equals(checked.get(k))) { // not a field being removed
                listener.check(k);
            }
        });
        return input;
    }

    /**
     * Puts each field in the box of its Value, over the grad row: the program ran again, so the Values are new, a
     * drawing of a new shape has new boxes, and one of the same shape may have new widths. The boxes leave the tab
     * order (Tab goes from field to field) and become groups (an img or button role would hide the field inside from
     * a screen reader).
     */
    void attach(List<Value> asked) {
        values.clear();
        values.addAll(asked);
        for (int i = 0; i < scene.nodeCount(); i++) {
            scene.box(i).setAttribute("tabindex", "-1");
        }
        for (int k = 0; k < fields.size(); k++) {
            int i = scene.index(values.get(k));
            Element box = scene.box(i);
            Element slot = slots.get(k);
            double w = scene.boxWidth(i);
            // over the box's grad row (the box's parts are placed where they go: its group has no transform)
            slot.setAttribute("x", Svg.r(scene.layout().x(i) - w / 2 + 1));
            slot.setAttribute("y", Svg.r(scene.layout().y(i) + 3 - GraphScene.BOX_HEIGHT / 2 + 2 * GraphScene.ROW
                    + 0.5));
            slot.setAttribute("width", Svg.r(w - 2));
            slot.setAttribute("height", Svg.r(GraphScene.ROW - 1));
            if (slot.getParentNode() != box) {
                box.appendChild(slot);
            }
            box.setAttribute("role", "group");
        }
    }

    /** After answers changed: the field in the tab order is one that takes an answer, the first unless one is. */
    void settleTabOrder() {
        for (HTMLInputElement f : fields) {
            if ("0".equals(f.getAttribute("tabindex")) && !f.isReadOnly()) {
                return;
            }
        }
        rove(next(-1, 1));
    }

    /** Takes the fields out, and gives the boxes back their look, role and place in the tab order. */
    void remove() {
        List<Element> gone = new ArrayList<>(slots);
        generation++; // first, so a focused field that blurs as it goes is not checked
        fields.clear();
        slots.clear();
        checked.clear();
        values.clear();
        for (Element slot : gone) {
            if (slot.getParentNode() != null) {
                slot.getParentNode().removeChild(slot);
            }
        }
        for (int i = 0; i < scene.nodeCount(); i++) {
            Element box = scene.box(i);
            box.setAttribute("tabindex", "0");
            box.removeAttribute("data-check");
            box.setAttribute("role", scene.isEditable(scene.value(i)) ? "button" : "img");
            Element rect = box.querySelector("rect");
            if (rect != null) {
                rect.removeAttribute("style");
            }
        }
    }

    /**
     * Shows how field k's answer stands: data-check on its box, the grad's colour (a fill, or null for none), and a
     * field that takes no more typing once its grad is given or revealed.
     */
    void show(int k, State state, String fill, boolean readOnly) {
        Element box = scene.box(scene.index(values.get(k)));
        box.setAttribute("data-check", state.id());
        Element rect = box.querySelector("rect");
        if (fill != null) {
            rect.setAttribute("style", "fill:" + fill); // over the fill attribute the drawing keeps writing
        } else {
            rect.removeAttribute("style");
        }
        HTMLInputElement field = fields.get(k);
        field.setAttribute("aria-invalid", state == State.WRONG ? "true" : "false");
        field.setReadOnly(readOnly);
    }

    /** The text typed in field k, trimmed. */
    String text(int k) {
        return fields.get(k).getValue().trim();
    }

    /** Writes field k (a revealed grad, a given one, an answer from the program) as if it had been checked. */
    void setText(int k, String text) {
        fields.get(k).setValue(text);
        checked.set(k, text.trim());
    }

    /** Field k was checked with the text it holds now. */
    void checked(int k) {
        checked.set(k, text(k));
    }

    void markInvalid(int k) {
        fields.get(k).setAttribute("aria-invalid", "true");
    }

    private void key(int k, KeyboardEvent e) {
        e.stopPropagation(); // the drawing's keys (Enter edits a leaf) and the view's shortcuts stay out of it
        if (e.getKey().equals("Enter")) {
            e.preventDefault();
            listener.check(k);
        } else if (e.getKey().equals("Tab")) {
            int to = next(k, e.isShiftKey() ? -1 : 1);
            if (to >= 0) {
                e.preventDefault();
                fields.get(to).focus();
            } // else the browser moves on, out of the drawing
        } else if (e.getKey().equals("Escape")) {
            fields.get(k).setValue(checked.get(k)); // back to what was last checked
        }
    }

    /** The next field from k (-1: before the first) in this direction that takes an answer, or -1. */
    int next(int k, int direction) {
        for (int j = k + direction; j >= 0 && j < fields.size(); j += direction) {
            if (!fields.get(j).isReadOnly()) {
                return j;
            }
        }
        return -1;
    }

    /** Field k is the one in the tab order now, the one Tab comes back to. */
    private void rove(int k) {
        for (int j = 0; j < fields.size(); j++) {
            fields.get(j).setAttribute("tabindex", j == k ? "0" : "-1");
        }
    }
}
