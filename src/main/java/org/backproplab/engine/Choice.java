package org.backproplab.engine;

/**
 * A choice that links, run files, the command line and menus name by a short id ("relu", "svm", "moons", "tape").
 * Past those edges the program holds the enum itself, never the string; this is the one lookup by id, and its error
 * lists the valid ids so a person can fix what they typed.
 */
public interface Choice {
    /** The enum constant's name: every Choice is an enum. */
    String name();

    /** The name used in links, run files, the command line and menus: the constant's name in lower case. */
    default String id() {
        return Text.lowerAscii(name());
    }

    /** The choice with this id, or null if there is none. */
    static <C extends Choice> C byId(C[] choices, String id) {
        for (C c : choices) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The choice with this id; for any other text an IllegalArgumentException whose message names the field and
     * the valid ids: "model.activation: expected relu, tanh or sigmoid, got 'gelu'".
     */
    static <C extends Choice> C parse(String field, C[] choices, String id) {
        C c = id == null ? null : byId(choices, id);
        if (c == null) {
            throw new IllegalArgumentException(field + ": expected " + ids(choices) + ", got "
                    + (id == null ? "nothing" : "'" + (id.length() <= 40 ? id : id.substring(0, 37) + "…") + "'"));
        }
        return c;
    }

    /** The valid ids for a message: "relu, tanh or sigmoid". */
    static String ids(Choice[] choices) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < choices.length; i++) {
            if (i > 0) {
                s.append(i == choices.length - 1 ? " or " : ", ");
            }
            s.append(choices[i].id());
        }
        return s.toString();
    }
}
