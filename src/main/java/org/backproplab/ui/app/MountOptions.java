package org.backproplab.ui.app;

import org.backproplab.engine.Choice;
import org.backproplab.engine.Text;
import org.backproplab.expr.Presets;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Settings;
import org.teavm.jso.JSObject;

/**
 * What a page asks for when it mounts a widget, read from a plain JS object (or a custom element's attributes, which
 * the loader turns into one): the view, program or preset, controls, height, and any view settings under the same
 * keys a link's hash uses (dataset, layers, lr, ...; fx, x, h, ...). Those go into a {@link HashState}, so a widget
 * reads its settings exactly as the app reads a link, and a bad one is reported the same way.
 *
 * @param settings the view settings, as a hash would hold them
 * @param base     the URL of the folder the loader came from, for links into the full app
 * @param onChange a JS function to call with the state (as a hash, without '#') whenever it changes, or null
 */
record MountOptions(String view, String controls, String height, String backend, boolean app, String base,
             JSObject onChange, Settings settings) {

    /** Option names that are not view settings: the loader's own, and attributes any element may carry. */
    private static final String[] NOT_SETTINGS = {"view", "preset", "controls", "height", "backend", "app", "base",
        "onChange", "class", "style", "id", "title", "hidden", "slot", "lang", "dir", "tabindex"};

    /**
     * Settings that are switches, which a page may write as HTML writes them: {@code <backprop-lab hand>} (the
     * attribute's value is "") or hand="true" for on, hand="false" for off, as well as the links' 1 and 0.
     */
    private static final String[] SWITCHES = {"hand", "askout", "nozero", "bug", "decay", "showtest"};

    static MountOptions from(JSObject o) {
        Settings settings = new Settings();
        int count = Dom.optionCount(o);
        for (int i = 0; i < count; i++) {
            String key = Dom.optionName(o, i);
            String value = Dom.option(o, key);
            if (!key.isEmpty() && value != null && isSetting(key)) {
                settings.put(key, isSwitch(key) ? switchValue(value) : value);
            }
        }
        String preset = Dom.option(o, "preset");
        if (preset != null && !settings.has("program")) {
            Presets.Preset p = Presets.find(preset);
            if (p == null) {
                settings.ignore("preset", "there is no example called '" + Settings.shorten(preset) + "'");
            } else {
                // form="notebook" gives the example as the lecture's notebook writes it; a bad form is reported
                // once, by the graph view that reads it
                Presets.Form form = Choice.byId(Presets.Form.values(), settings.get("form"));
                settings.put("program", p.text(form == null ? Presets.Form.CLEANED : form));
            }
        }
        String app = Dom.option(o, "app");
        return new MountOptions(orElse(Dom.option(o, "view"), "graph"), Dom.option(o, "controls"),
                Dom.option(o, "height"), orElse(Dom.option(o, "backend"), "js"),
                app != null && !app.equals("false"), orElse(Dom.option(o, "base"), ""), Dom.functionOption(o, "onChange"),
                settings);
    }

    private static boolean isSwitch(String key) {
        for (String k : SWITCHES) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static String switchValue(String value) {
        String v = value.trim();
        return v.isEmpty() || Text.lowerAscii(v).equals("true") ? "1" : Text.lowerAscii(v).equals("false") ? "0" : v;
    }

    private static boolean isSetting(String key) {
        boolean prefixed = key.length() > 4 && key.charAt(4) >= 'A' && key.charAt(4) <= 'Z';
        if (prefixed && (key.startsWith("data") || key.startsWith("aria"))) {
            return false; // data-* and aria-* attributes, camel-cased by the loader (but "dataset" is a setting)
        }
        for (String k : NOT_SETTINGS) {
            if (k.equals(key)) {
                return false;
            }
        }
        return true;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
