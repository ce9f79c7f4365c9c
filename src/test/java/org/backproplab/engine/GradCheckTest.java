package org.backproplab.engine;

import static org.backproplab.engine.Approx.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradCheckTest {

    @Test
    void centralDifferencesMatchTheLectureGrads() {
        Value[] v = ValueTest.lecture();
        List<Value> leaves = List.of(v[0], v[1], v[2], v[5]);
        GradCheck.Row[] rows = GradCheck.check(v[6], leaves, 1e-4);
        double[] expected = {6, -4, -2, 4};
        assertEquals(4, rows.length);
        for (int i = 0; i < rows.length; i++) {
            assertSame(leaves.get(i), rows[i].leaf());
            // L is bilinear in each leaf, so the central difference is exact up to rounding.
            assertRel(expected[i], rows[i].numeric(), 1e-9, "numeric grad " + leaves.get(i).label);
            assertEquals(expected[i], rows[i].analytic(), "analytic grad " + leaves.get(i).label);
            assertEquals(0.0, rows[i].relativeError(), 1e-9);
        }
        assertEquals(2.0, v[0].data, "leaves are restored");
        assertEquals(-8.0, v[6].data, "and so is the forward pass");
    }

    @Test
    void checkZeroesGradsFirstSoRepeatedChecksAgree() {
        Value[] v = ValueTest.lecture();
        v[6].backward();
        v[6].backward();
        GradCheck.Row[] rows = GradCheck.check(v[6], List.of(v[0]), 1e-4);
        assertEquals(6.0, rows[0].analytic());
        rows = GradCheck.check(v[6], List.of(v[0]), 1e-4);
        assertEquals(6.0, rows[0].analytic());
    }

    @Test
    void centralDifferenceOfANonlinearFunction() {
        Value x = new Value(0.7, "x");
        Value y = x.tanh().mul(x.exp()).add(x.pow(3));
        double h = 1e-5;
        double numeric = GradCheck.centralDifference(y, y.topologicalOrder(), x, h);
        double exact = (1 - Math.tanh(0.7) * Math.tanh(0.7)) * Math.exp(0.7) + Math.tanh(0.7) * Math.exp(0.7)
                + 3 * 0.7 * 0.7;
        assertRel(exact, numeric, 1e-8, "d/dx (tanh(x) e^x + x^3)");
        assertEquals(0.7, x.data);
    }

    @Test
    void centralDifferenceIsNotTheAnalyticGradAtAReluKink() {
        // The reason the property tests stay away from kinks: micrograd says 0, the numeric slope says 1/2.
        Value x = new Value(0.0, "x");
        Value r = x.relu();
        GradCheck.Row row = GradCheck.check(r, List.of(x), 1e-6)[0];
        assertEquals(0.0, row.analytic());
        assertEquals(0.5, row.numeric(), 1e-12);
        assertEquals(1.0, row.relativeError(), 1e-12);
    }

    @Test
    void relativeErrorIsZeroWhenBothAreZero() {
        assertEquals(0.0, new GradCheck.Row(new Value(1), 0, 0).relativeError());
        assertEquals(0.5, new GradCheck.Row(new Value(1), 1, 2).relativeError());
        assertEquals(2.0, new GradCheck.Row(new Value(1), -1, 1).relativeError());
    }

    @Test
    void withTheAssignBugTheAnalyticColumnIsTheBuggyGradAndDisagrees() {
        Value a = new Value(3.0, "a");
        Value b = a.add(a);
        GradCheck.Row right = GradCheck.check(b, java.util.List.of(a), 1e-6)[0];
        assertEquals(2.0, right.analytic());
        assertTrue(right.relativeError() < 1e-8);
        GradCheck.Row buggy = GradCheck.check(b, java.util.List.of(a), 1e-6, true)[0];
        assertEquals(1.0, buggy.analytic(), "= instead of += keeps only the last contribution");
        assertEquals(2.0, buggy.numeric(), 1e-6, "the numeric derivative doesn't care about the bug");
        assertTrue(buggy.relativeError() > 0.4, "so the check says mismatch");
        assertEquals(1.0, a.grad, "and the grads left on the graph are the ones it compared");
    }
}
