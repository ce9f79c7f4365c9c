package org.backproplab.ui.dom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A view's settings as plain key/value text, the way a link's hash or a widget's attributes give them. Views read
 * their settings from here when they are made and write them back when asked, so a link reproduces what its sender
 * saw. Parts that can't be used are listed in {@link #ignored()}, so the page can say which part it skipped.
 */
public final class Settings {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();

    public String get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Sets a key, or removes it when value is null. */
    public Settings put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return this;
    }

    public Map<String, String> values() {
        return values;
    }

    /** Descriptions of the parts that could not be read. */
    public List<String> ignored() {
        return ignored;
    }

    /** Marks a part as ignored (an unknown view, a bad number), for the message. */
    public void ignore(String key, String why) {
        values.remove(key);
        ignored.add("'" + key + "' (" + why + ")");
    }

    /** Notes a part that could not be read at all (bad encoding, a too-long link). */
    public void ignoreText(String what) {
        ignored.add(what);
    }

    /** User text, cut short for a message. */
    public static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
