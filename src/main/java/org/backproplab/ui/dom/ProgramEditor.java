package org.backproplab.ui.dom;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * The program text box, with line numbers and a marked error line. Lines never wrap, so line N of the text is
 * row N of the gutter and of the highlight behind the text. Edits are reported after a short pause in typing.
 *
 * <p>The lab also writes the text itself (a preset, a nudge, a dragged leaf). Setting a text box's value wipes the
 * browser's own undo, so each such change is remembered here and is one step of Ctrl+Z (or the Undo button) away:
 * a student's typed work is never lost to a click.
 */
public final class ProgramEditor {
    private static final int DEBOUNCE_MS = 180;

    private final HTMLElement root = Dom.el("div", "bpl-editor");
    private final HTMLElement gutter = Dom.el("div", "bpl-gutter");
    private final HTMLElement backdrop = Dom.el("div", "bpl-backdrop");
    private final HTMLTextAreaElement text = (HTMLTextAreaElement) Dom.el("textarea", "bpl-program");
    private final Runnable onEdit;
    private int timer = -1;
    private int lines = -1;
    private int errorLine;
    /** The text before each change the lab made, and the text it made: [before, after], the latest last. */
    private final List<String[]> undo = new ArrayList<>();
    private final HTMLElement undoButton;

    public ProgramEditor(Runnable onEdit) {
        this.onEdit = onEdit;
        gutter.setAttribute("aria-hidden", "true");
        backdrop.setAttribute("aria-hidden", "true");
        text.setAttribute("data-testid", "program");
        text.setAttribute("spellcheck", "false");
        text.setAttribute("autocapitalize", "off");
        text.setAttribute("autocomplete", "off");
        text.setAttribute("wrap", "off");
        // Says both forms the language reads, so a screen-reader user knows a notebook cell can be pasted as it is.
        text.setAttribute("aria-label", "Program: micrograd's Python as the lecture's notebook writes it, such as "
                + "a = Value(2.0, label='a'), or the short form a = 2.0; one statement per line");
        root.appendChild(gutter);
        HTMLElement body = Dom.el("div", "bpl-editor-body");
        body.appendChild(backdrop);
        body.appendChild(text);
        root.appendChild(body);
        undoButton = Dom.button("Undo", "program-undo", this::undoLast);
        undoButton.setClassName("bpl-button bpl-editor-undo");
        undoButton.setAttribute("title", "Bring back the text as it was before the lab changed it (Ctrl+Z)");
        undoButton.setHidden(true);
        root.appendChild(undoButton);
        Dom.on(text, "keydown", e -> {
            KeyboardEvent k = (KeyboardEvent) e;
            boolean z = k.getKey().equals("z") || k.getKey().equals("Z");
            if ((k.isCtrlKey() || k.isMetaKey()) && !k.isShiftKey() && z && canUndo()) {
                e.preventDefault();
                undoLast();
            }
        });
        Dom.on(text, "input", e -> {
            renumber();
            undoButton.setHidden(!canUndo());
            if (timer >= 0) {
                Window.clearTimeout(timer);
            }
            timer = Window.setTimeout(() -> {
                timer = -1;
                onEdit.run();
            }, DEBOUNCE_MS);
        });
        Dom.on(text, "scroll", e -> syncScroll());
    }

    public HTMLElement element() {
        return root;
    }

    public String value() {
        return text.getValue();
    }

    /**
     * Replaces the text (from a preset, a nudge, a leaf edit) without waiting for the debounce; the text it
     * replaces can be brought back with Ctrl+Z or Undo.
     */
    public void setValue(String value) {
        String before = text.getValue();
        if (!value.equals(before)) {
            text.setValue(value);
            if (!before.isEmpty()) {
                undo.add(new String[] {before, value});
                if (undo.size() > 50) {
                    undo.remove(0);
                }
            }
        }
        undoButton.setHidden(!canUndo());
        renumber();
    }

    /** True while the text is what the lab last wrote, so undoing brings back what was there before it. */
    private boolean canUndo() {
        return !undo.isEmpty() && undo.get(undo.size() - 1)[1].equals(text.getValue()) && !text.isReadOnly();
    }

    private void undoLast() {
        if (!canUndo()) {
            undoButton.setHidden(true);
            return;
        }
        text.setValue(undo.remove(undo.size() - 1)[0]);
        undoButton.setHidden(!canUndo());
        renumber();
        onEdit.run();
    }

    /** A read-only editor still shows the program and lets it be selected and copied, but not changed. */
    public void setReadOnly(boolean readOnly) {
        text.setReadOnly(readOnly);
        if (readOnly) {
            root.getClassList().add("bpl-editor-readonly");
        } else {
            root.getClassList().remove("bpl-editor-readonly");
        }
    }

    /** Marks a line as wrong (1-based), or clears the mark with 0. */
    public void markError(int line) {
        if (line == errorLine) {
            return; // already shown: each run of the program calls this, and the gutter of 300 lines is not free
        }
        errorLine = line;
        lines = -1;
        renumber();
    }

    private void renumber() {
        String value = text.getValue();
        int count = 1;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\n') {
                count++;
            }
        }
        if (count != lines) {
            lines = count;
            gutter.setTextContent("");
            backdrop.setTextContent("");
            for (int i = 1; i <= count; i++) {
                HTMLElement number = Dom.text("div", i == errorLine ? "bpl-line-error" : "", Integer.toString(i));
                gutter.appendChild(number);
                backdrop.appendChild(Dom.el("div", i == errorLine ? "bpl-line bpl-line-error" : "bpl-line"));
            }
            syncScroll(); // new lines start scrolled to the top; reading the text's scroll makes the page lay out
        }
    }

    private void syncScroll() {
        gutter.setScrollTop(text.getScrollTop());
        backdrop.setScrollTop(text.getScrollTop());
    }
}
