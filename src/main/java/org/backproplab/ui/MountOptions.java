package org.backproplab.ui;

/**
 * What a page asks for when it mounts a widget: the view, a program or preset, and so on. Read from a plain JS
 * object (or a custom element's attributes) with {@link Dom#option}, so missing or oddly typed fields are harmless.
 */
record MountOptions(String view, String program, String backend, boolean app) {

    static MountOptions from(org.teavm.jso.JSObject o) {
        String app = Dom.option(o, "app");
        return new MountOptions(orElse(Dom.option(o, "view"), "graph"), Dom.option(o, "program"),
                orElse(Dom.option(o, "backend"), "js"), app != null && !app.equals("false"));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
