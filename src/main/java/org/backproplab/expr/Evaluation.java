package org.backproplab.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Value;

/**
 * The Value graph of a program: its output, every named Value in program order, and the named leaves.
 * Also where the first NaN or infinity appeared, if one did: that is not an error, but the UI points at it.
 *
 * <p>A name assigned twice ({@code a += h}) names its last Value in {@link #named}; {@link #bindings} has every
 * assignment's result, the earlier Values too.
 */
public final class Evaluation {
    /**
     * What one assignment bound its name to: a Value, or (in a program that uses Value(…)) a plain number, for which
     * value is null. number is the Value's data or the plain number, as the forward pass left it.
     */
    public record Binding(Program.Assignment assignment, Value value, double number) {
        public String name() {
            return assignment.variable();
        }
    }

    /** Where a value first became NaN or infinite: the line and column of the operator or function that made it. */
    public record NonFinite(int line, int column, String what, double value) {
        public String describe() {
            return "line " + line + ", column " + column + ": " + what + " gives "
                    + (Double.isNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity");
        }
    }

    private final Program program;
    private final String outputName;
    private final Value output;
    private final Map<String, Value> named;
    private final List<Value> leaves;
    private final List<Binding> bindings;
    private final NonFinite firstNonFinite;

    Evaluation(Program program, String outputName, Map<String, Value> named, List<Value> leaves,
               List<Binding> bindings, NonFinite firstNonFinite) {
        this.program = program;
        this.outputName = outputName;
        this.output = named.get(outputName);
        this.named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
        this.leaves = Collections.unmodifiableList(new ArrayList<>(leaves));
        this.bindings = List.copyOf(bindings);
        this.firstNonFinite = firstNonFinite;
    }

    public Program program() {
        return program;
    }

    public String outputName() {
        return outputName;
    }

    public Value output() {
        return output;
    }

    /**
     * Every variable that holds a Value, with the last Value assigned to it, in the order the program first assigns
     * them. Aliases (b = a) map to the same Value. A plain number (h = 0.001 beside Value(…)) is not here.
     */
    public Map<String, Value> named() {
        return named;
    }

    /** The Values that are named leaves (a = 2.0, or a = Value(2.0)), in program order, each once. */
    public List<Value> leaves() {
        return leaves;
    }

    /** What each assignment bound, in program order: one per {@link Program#assignments()}, at the same index. */
    public List<Binding> bindings() {
        return bindings;
    }

    /** The lines the program ignores, and why (see {@link Program#notes}). */
    public List<Program.Note> notes() {
        return program.notes();
    }

    /** The first place a value became NaN or infinite, or null. */
    public NonFinite firstNonFinite() {
        return firstNonFinite;
    }
}
