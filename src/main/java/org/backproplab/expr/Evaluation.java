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
 */
public final class Evaluation {
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
    private final NonFinite firstNonFinite;

    Evaluation(Program program, String outputName, Map<String, Value> named, List<Value> leaves,
               NonFinite firstNonFinite) {
        this.program = program;
        this.outputName = outputName;
        this.output = named.get(outputName);
        this.named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
        this.leaves = Collections.unmodifiableList(new ArrayList<>(leaves));
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

    /** Every variable, in the order the program assigns them. Aliases (b = a) map to the same Value. */
    public Map<String, Value> named() {
        return named;
    }

    /** The Values that are named leaves (a = 2.0), in program order, each once. */
    public List<Value> leaves() {
        return leaves;
    }

    /** The first place a value became NaN or infinite, or null. */
    public NonFinite firstNonFinite() {
        return firstNonFinite;
    }
}
