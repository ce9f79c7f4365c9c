package org.backproplab.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The trainer's chart ranges: round ends that move rarely, and room for every value whatever its size. */
class RunRangeTest {
    @Test
    void theStepAxisEndsOnARoundNumberAtOrAfterTheLastStep() {
        assertEquals(1, RunRange.stepEnd(0), "no steps yet: still an axis");
        assertEquals(1, RunRange.stepEnd(1));
        assertEquals(7, RunRange.stepEnd(7), "short runs: every step");
        assertEquals(100, RunRange.stepEnd(100), "a 100-step run fills its chart");
        assertEquals(105, RunRange.stepEnd(101));
        assertEquals(1050, RunRange.stepEnd(1001));
        for (int last = 0; last < 5000; last++) {
            int end = RunRange.stepEnd(last);
            assertTrue(end >= last && end <= Math.max(1, last * 1.07), last + " -> " + end);
        }
    }

    @Test
    void theStepAxisMovesRarelyOnceTheRunIsLong() {
        int changes = 0;
        for (int last = 1000; last < 2000; last++) {
            if (RunRange.stepEnd(last) != RunRange.stepEnd(last + 1)) {
                changes++;
            }
        }
        assertTrue(changes <= 25, "the frame is rebuilt " + changes + " times in 1000 steps");
    }

    @Test
    void aLinearAxisStartsAtZeroAndEndsRoundJustAboveTheTop() {
        assertArrayEquals(new double[] {0, 2.1}, RunRange.linear(0.02, 2.0), 1e-12);
        assertArrayEquals(new double[] {0, 1}, RunRange.linear(0, 0), "all zero");
        assertArrayEquals(new double[] {0, 1}, RunRange.linear(Double.MAX_VALUE, -Double.MAX_VALUE), "no values");
        double[] negative = RunRange.linear(-3, -1);
        assertEquals(-3, negative[0]);
        assertTrue(negative[1] >= -1 && negative[1] < 0, "the top is just above -1: " + negative[1]);
        double[] same = RunRange.linear(0.37, 0.371);
        assertEquals(same[1], RunRange.linear(0.3, 0.3705)[1], "a top that hardly moves keeps the axis");
    }

    @Test
    void hugeValuesStayInsideAFiniteRange() {
        double[] r = RunRange.linear(0.5, 1e287);
        assertEquals(0, r[0]);
        assertTrue(r[1] >= 1e287 && r[1] < 1.2e287, "" + r[1]);
        double[] max = RunRange.linear(1, Double.MAX_VALUE);
        assertEquals(Double.MAX_VALUE, max[1], "rounding up would overflow");
    }

    @Test
    void aLogAxisSpansWholeDecadesAndNeverLeavesTheDoubles() {
        assertArrayEquals(new double[] {1e-3, 10}, RunRange.log(0.0042, 2.5), 1e-15);
        assertArrayEquals(new double[] {1, 10}, RunRange.log(1, 1), "one decade at least");
        assertArrayEquals(new double[] {0.01, 1}, RunRange.log(Double.MAX_VALUE, -Double.MAX_VALUE), "no values");
        double[] wide = RunRange.log(Double.MIN_VALUE, Double.MAX_VALUE);
        assertTrue(wide[0] > 0 && Double.isFinite(wide[1]), wide[0] + " " + wide[1]);
        double[] top = RunRange.log(1.5e308, 1.6e308);
        assertTrue(top[0] < top[1] && Double.isFinite(top[1]), top[0] + " " + top[1]);
        assertTrue(Scale.log(wide[0], wide[1], 100, 0).ticks(20).at().length > 0, "a scale can be made of it");
    }
}
