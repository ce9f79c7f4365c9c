package org.backproplab.ui.dom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;

/**
 * A view's settings as plain key/value text, the way a link's hash or a widget's attributes give them. Views read
 * their settings from here when they are made and write them back when asked, so a link reproduces what its sender
 * saw. The typed readers ({@link #flag}, {@link #choice}, {@link #number}, {@link #integer}) are the parsing edge:
 * past them a view holds booleans, enums and numbers. Parts that can't be used are listed in {@link #ignored()},
 * with what was expected, so the page can say which part it skipped, and the default is used instead.
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

    /** A flag written 1 or 0; anything else is reported and gives the fallback. */
    public boolean flag(String key, boolean fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        if (v.equals("1") || v.equals("0")) {
            return v.equals("1");
        }
        ignore(key, "expected 1 or 0");
        return fallback;
    }

    /** Writes a flag the way {@link #flag} reads it. */
    public Settings putFlag(String key, boolean on) {
        return put(key, on ? "1" : "0");
    }

    /** A choice by its id; anything else is reported with the valid ids and gives the fallback. */
    public <C extends Choice> C choice(String key, C[] choices, C fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        C c = Choice.byId(choices, v);
        if (c == null) {
            ignore(key, "expected " + Choice.ids(choices));
            return fallback;
        }
        return c;
    }

    /**
     * A number from min to max, read by {@link Numbers#read} (decimal or scientific notation only); anything else is
     * reported with the range and gives the fallback.
     */
    public double number(String key, double fallback, double min, double max) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        double x = Numbers.parse(v);
        if (x >= min && x <= max) {
            return x;
        }
        ignore(key, "expected a number from " + Numbers.trimmed(min, 6) + " to " + Numbers.trimmed(max, 6));
        return fallback;
    }

    /** A whole number from min to max; anything else is reported with the range and gives the fallback. */
    public int integer(String key, int fallback, int min, int max) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        double x = Numbers.readWhole(key, v).value();
        if (x >= min && x <= max) {
            return (int) x;
        }
        ignore(key, "expected a whole number from " + min + " to " + max);
        return fallback;
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
