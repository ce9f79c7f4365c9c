package org.backproplab.ui.graph;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.backproplab.expr.Presets;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Settings;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The lecture's examples, and the form they load in: cleaned up (a = 2.0) or as the lecture's notebook writes them
 * (a = Value(2.0, label='a')). Switching the form while an example is on screen, untouched, shows that example in
 * the other form; a program the student has edited is never replaced. The form is "form=notebook" in links.
 */
final class PresetPicker {
    private final HTMLElement root = Dom.el("div", "bpl-presets");
    private final HTMLSelectElement menu = (HTMLSelectElement) Dom.el("select", "bpl-select");
    private final HTMLInputElement notebook = Dom.checkbox("preset-form");

    /**
     * @param text    the program text now in the editor
     * @param load    puts a preset's text in the editor and runs it
     * @param changed called when the form changes, so the link follows
     */
    PresetPicker(Settings state, Supplier<String> text, Consumer<String> load, Runnable changed) {
        menu.setAttribute("data-testid", "presets");
        menu.setAttribute("aria-label", "Examples from the lecture");
        menu.appendChild(Dom.option("", "Examples from the lecture…"));
        for (Presets.Preset p : Presets.ALL) {
            menu.appendChild(Dom.option(p.id(), p.title()));
        }
        Dom.on(menu, "change", e -> {
            Presets.Preset p = Presets.find(menu.getValue());
            if (p != null) {
                load.accept(p.text(form()));
            }
            menu.setValue("");
        });
        notebook.setChecked(state.choice("form", Presets.Form.values(), Presets.Form.CLEANED)
                == Presets.Form.NOTEBOOK);
        HTMLElement toggle = Dom.labelled(notebook, "As in the notebook (Python)");
        toggle.setAttribute("title", "Load the examples as the lecture's notebook writes them, "
                + "a = Value(2.0, label='a'), instead of the cleaned-up a = 2.0");
        Dom.on(notebook, "change", e -> {
            Presets.Preset p = Presets.holding(text.get());
            if (p != null && !p.text(form()).equals(text.get())) {
                load.accept(p.text(form()));
            }
            changed.run();
        });
        root.appendChild(menu);
        root.appendChild(toggle);
    }

    HTMLElement element() {
        return root;
    }

    Presets.Form form() {
        return notebook.isChecked() ? Presets.Form.NOTEBOOK : Presets.Form.CLEANED;
    }

    /** A preset's text in the chosen form; any other text as it is. */
    String inForm(String program) {
        Presets.Preset p = Presets.holding(program);
        return p == null ? program : p.text(form());
    }

    void writeState(Settings state) {
        if (form() == Presets.Form.NOTEBOOK) {
            state.put("form", Presets.Form.NOTEBOOK.id());
        }
    }
}
