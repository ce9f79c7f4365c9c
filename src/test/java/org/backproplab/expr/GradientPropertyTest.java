package org.backproplab.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.GradCheck;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/**
 * On a few hundred random programs, every leaf's analytic grad (backward) matches the central difference to 1e-6
 * relative. Programs whose graph comes near a place where the central difference is not the derivative are
 * skipped: a relu input near its kink, log or a fractional power near zero, a division by nearly zero, or
 * values so large that rounding swamps the difference. The test asserts that most programs are checked.
 */
class GradientPropertyTest {
    private static final int PROGRAMS = 500;
    private static final double H = 1e-6;
    private static final double TOLERANCE = 1e-6;

    @Test
    void backwardMatchesCentralDifferencesOnRandomPrograms() {
        RandomPrograms random = new RandomPrograms(20240611);
        int checkedPrograms = 0;
        int checkedGrads = 0;
        int skippedGrads = 0;
        Map<Op, Integer> opsChecked = new EnumMap<>(Op.class);
        for (int p = 0; p < PROGRAMS; p++) {
            String source = random.program();
            Evaluation ev = Evaluator.run(source);
            Value out = ev.output();
            String why = awayFromTrouble(out.topologicalOrder());
            if (why != null) {
                continue;
            }
            checkedPrograms++;
            for (Value v : out.topologicalOrder()) {
                opsChecked.merge(v.kind(), 1, Integer::sum);
            }
            GradCheck.Row[] rows = GradCheck.check(out, ev.leaves(), H);
            Map<Value, Double> pathSums = absoluteGrads(out);
            double biggest = 0;
            for (Value v : out.topologicalOrder()) {
                biggest = Math.max(biggest, Math.abs(v.data));
            }
            for (GradCheck.Row row : rows) {
                Double paths = pathSums.get(row.leaf());
                if (paths == null) { // not under the output at all: both must be exactly zero
                    assertEquals(0.0, row.analytic(), row.leaf().label + " in\n" + source);
                    assertEquals(0.0, row.numeric(), row.leaf().label + " in\n" + source);
                    continue;
                }
                double a = Math.abs(row.analytic());
                if (a < 1e-6 * paths || a < 1e-4 * Math.max(1, biggest)) {
                    skippedGrads++; // cancelling paths, or a grad below the rounding floor of the difference
                    continue;
                }
                if (!(row.relativeError() <= TOLERANCE)) {
                    fail("grad of " + row.leaf().label + ": analytic " + row.analytic() + ", numeric "
                            + row.numeric() + " (relative error " + row.relativeError() + ") in program " + p
                            + ":\n" + source);
                }
                checkedGrads++;
            }
        }
        assertTrue(checkedPrograms >= PROGRAMS * 8 / 10, "only " + checkedPrograms + " programs checked");
        assertTrue(checkedGrads >= 600, "only " + checkedGrads + " grads checked");
        assertTrue(skippedGrads * 10 <= checkedGrads, skippedGrads + " grads skipped, " + checkedGrads + " checked");
        for (Op op : Op.values()) {
            if (op == Op.SIN) {
                continue; // the random programs predate sin (its features' op): SinOpTest sweeps it instead
            }
            assertTrue(opsChecked.getOrDefault(op, 0) >= 50, "only " + opsChecked.get(op) + " " + op + " nodes");
        }
    }

    /**
     * For each node, the sum over all paths from it to out of |product of local derivatives|: what its grad would
     * be if no two paths cancelled. A grad far below it is mostly rounding, in backward and numerically alike.
     */
    static Map<Value, Double> absoluteGrads(Value out) {
        List<Value> order = out.topologicalOrder();
        Map<Value, Double> sums = new IdentityHashMap<>();
        sums.put(out, 1.0);
        for (int i = order.size() - 1; i >= 0; i--) {
            Value v = order.get(i);
            double upstream = sums.getOrDefault(v, 0.0);
            for (int c = 0; c < v.arity(); c++) {
                sums.merge(v.child(c), Math.abs(v.localDerivative(c)) * upstream, Double::sum);
            }
        }
        return sums;
    }

    /** Null if the central difference is a fair check of this graph, else why not. */
    static String awayFromTrouble(List<Value> order) {
        for (Value v : order) {
            if (!Double.isFinite(v.data) || Math.abs(v.data) > 1e6) {
                return "a huge or non-finite value " + v.data + " from " + v.op();
            }
            if (v.isLeaf()) {
                continue;
            }
            double x = v.child(0).data;
            switch (v.kind()) {
                case RELU -> {
                    if (Math.abs(x) < 1e-3) {
                        return "relu near its kink";
                    }
                }
                case LOG -> {
                    if (x < 1e-2) {
                        return "log near or below zero";
                    }
                }
                case POW -> {
                    double k = v.exponent();
                    if ((k != Math.rint(k) && x < 1e-2) || (k < 0 && Math.abs(x) < 1e-2)) {
                        return "a power near zero";
                    }
                }
                default -> { }
            }
        }
        return null;
    }
}
