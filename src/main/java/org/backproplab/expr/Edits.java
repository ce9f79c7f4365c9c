package org.backproplab.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Numbers;

/**
 * Changes to program text that keep it the single source of truth: when the graph view nudges or scrubs a leaf,
 * the new number is written into that line's right-hand side, and comments and spacing elsewhere stay as they were.
 */
public final class Edits {
    private Edits() {
    }

    /** The program's source with the named variables' right-hand sides replaced by the given numbers. */
    public static String setValues(Program program, Map<String, Double> values) {
        List<Program.Assignment> targets = new ArrayList<>();
        for (Program.Assignment a : program.assignments()) {
            if (values.containsKey(a.variable())) {
                targets.add(a);
            }
        }
        StringBuilder out = new StringBuilder(program.source());
        for (int i = targets.size() - 1; i >= 0; i--) { // from the end, so earlier offsets stay valid
            Program.Assignment a = targets.get(i);
            out.replace(a.valueStart(), a.valueEnd(), Numbers.shortLiteral(values.get(a.variable())));
        }
        return out.toString();
    }
}
