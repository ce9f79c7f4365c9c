package org.backproplab.expr;

import java.util.List;

/** A parsed program: its assignments in order, and the text they came from. */
public record Program(List<Assignment> assignments, String source) {

    /**
     * One line {@code name = expression}. A leaf is a line whose right side is a plain number, optionally negative.
     * {@code valueStart}/{@code valueEnd} is where the right side's text sits in the source, so that an editor can
     * put a new value there without touching the rest of the line (its comment, say).
     */
    public record Assignment(Token name, Expr value, boolean leaf, double leafValue, int valueStart,
                             int valueEnd) {
        public String variable() {
            return name.text();
        }

        public int line() {
            return name.line();
        }
    }

    /** The name assigned last: the output unless another is chosen. */
    public String lastName() {
        return assignments.get(assignments.size() - 1).variable();
    }

    /** The assignment of a name, or null. */
    public Assignment find(String name) {
        for (Assignment a : assignments) {
            if (a.variable().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
