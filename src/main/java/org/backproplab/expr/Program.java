package org.backproplab.expr;

import java.util.List;

/**
 * A parsed program: its assignments in order and the text they came from, and what its other lines said. A name may
 * be assigned again, as in Python: later lines then see the new binding.
 *
 * @param labels    the {@code NAME.label = '…'} lines, in program order
 * @param answers   the {@code NAME.grad = number} lines: a student's answers for by-hand mode
 * @param notes     lines the lab reads but ignores (imports, print, a bare expression...), each with why
 * @param output    the name that {@code draw_dot(o)} or {@code o.backward()} chose as the output, or null
 * @param usesValue true if the program builds leaves with {@code Value(…)}: then, as in Python, a line such as
 *                  {@code h = 0.001} is a plain number rather than a leaf
 */
public record Program(List<Assignment> assignments, String source, List<Label> labels, List<Answer> answers,
                      List<Note> notes, Token output, boolean usesValue) {

    /** A program of assignments only, as the language was before it read micrograd's Python. */
    public Program(List<Assignment> assignments, String source) {
        this(assignments, source, List.of(), List.of(), List.of(), null, false);
    }

    /**
     * One line {@code name = expression} ({@code a += h} is read as {@code a = a + h}). A leaf is a line that makes
     * a named leaf: {@code a = Value(2.0)}, or, in a program without Value(…), a plain number, optionally negative.
     * {@code leafValue} is that number (NaN if Value(…) holds an expression rather than a number).
     * {@code valueStart}/{@code valueEnd} is where the right side's text sits in the source, or for a leaf, its
     * number's (inside Value(…)), so that an editor can put a new value there without touching the rest of the line.
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

    /**
     * {@code name.label = 'text'}: the line comes after the first {@code after} assignments, and it labels the
     * Value that assignment number {@code target} bound to the name.
     */
    public record Label(Token name, Token text, int after, int target) {
        public String label() {
            return text.string();
        }
    }

    /**
     * {@code name.grad = 4.0}: the student's answer for the grad of the Value that assignment number {@code target}
     * bound; {@code valueStart}/{@code valueEnd} is where the number is written.
     */
    public record Answer(Token name, double grad, int valueStart, int valueEnd, int target) {
    }

    /** A line the lab read and ignored, and why. */
    public record Note(int line, int column, String text) {
        public String describe() {
            return "line " + line + ": " + text;
        }
    }

    /** The name assigned last: the output unless another is chosen. */
    public String lastName() {
        return assignments.get(assignments.size() - 1).variable();
    }

    /** The last assignment of a name (the binding that later lines see), or null. */
    public Assignment find(String name) {
        for (int i = assignments.size() - 1; i >= 0; i--) {
            if (assignments.get(i).variable().equals(name)) {
                return assignments.get(i);
            }
        }
        return null;
    }
}
