package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluator;
import org.backproplab.ui.bench.ScalePrograms;
import org.junit.jupiter.api.Test;

/** When a graph keeps its drawing: the shape key decides whether a keystroke lays the graph out anew. */
class GraphShapeTest {
    private static String key(String program, boolean backward) {
        Value output = Evaluator.run(program).output();
        if (backward) {
            output.backward();
        }
        return GraphShape.key(output.topologicalOrder());
    }

    /**
     * The 1,496-Value program's tanh chain has grads near 1e-10: written "-6.575e-10" they widened their boxes, so
     * Backward, and then each keystroke, changed the shape and rebuilt all 1,496 boxes.
     */
    @Test
    void aKeystrokeInABigProgramKeepsItsShape() {
        String drawn = key(ScalePrograms.lineProgram(300, "0.5"), false);
        assertEquals(drawn, key(ScalePrograms.lineProgram(300, "0.5"), true), "Backward keeps the shape");
        assertEquals(drawn, key(ScalePrograms.lineProgram(300, "0.6"), true), "a keystroke keeps the shape");
    }

    @Test
    void everyNumberUnderAHundredFitsInEightCharacters() {
        double[] numbers = {0, -0.0, 1.5, -99.99994, 6.574748e-10, -6.574748e-10, -9.96e-10, 4.9e-5, -4.9e-5,
            -6.6e-100, -9.96e-100, -4.9e-324, Double.MIN_VALUE, -Double.MIN_VALUE};
        for (double x : numbers) {
            String s = NodeText.number(x);
            assertTrue(s.length() <= 8, x + " reads " + s);
            // (two digits where they fit; "-7e-100", a third off at worst, where the exponent takes three)
            double read = Double.parseDouble(s);
            assertTrue(Math.abs(x) >= 1e-5 || Math.abs(read - x) <= Math.abs(x) * (x > -1e-99 && x < 1e-99 ? 0.34
                    : 0.05), x + " reads " + s + ", which is not the number");
        }
        assertEquals("-6.6e-10", NodeText.number(-6.574748e-10));
        assertEquals("2.0000", NodeText.number(2));
        assertEquals("1.0e-99", NodeText.number(9.96e-100), "rounding carries into a two-digit exponent");
    }

    /** A box's width is counted without formatting numbers under 99.99; it must be what their text takes. */
    @Test
    void aBoxIsAsWideAsItsRowsWhateverItsNumbers() {
        double[] numbers = {0, -0.0, 1.5, -99.9899, 99.98999, -99.99, 99.99994, -99.99996, 100, -123.456, 1e6, -1e300,
            6.574748e-10, -9.96e-100, -4.9e-324, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double data : numbers) {
            for (double grad : numbers) {
                Value v = new Value(data, "x");
                v.grad = grad;
                int rows = Math.max(NodeText.row("data", data).length(), NodeText.row("grad", grad).length());
                assertEquals(Math.max(13, rows), GraphShape.boxChars(v), data + ", " + grad);
            }
        }
    }
}
