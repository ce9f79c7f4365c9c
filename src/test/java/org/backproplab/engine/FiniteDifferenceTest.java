package org.backproplab.engine;

import static org.backproplab.engine.Approx.assertAbs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lecture's nudges: how close they get to backward's slope, and how they break as h goes to 1e-32. */
class FiniteDifferenceTest {
    /** f(x) = 3x² − 4x + 5, as micrograd builds it, with x the first Value of the order. */
    private static Value lecture(Value x) {
        return x.pow(2).mul(3).sub(x.mul(4)).add(5);
    }

    @Test
    void forwardDifferenceOfTheLectureFunction() {
        Value x = new Value(2.0, "x");
        Value f = lecture(x);
        List<Value> order = f.topologicalOrder();
        assertAbs(8, FiniteDifference.forward(f, order, x, 1e-6), 1e-4, "h = 1e-6");
        // In exact arithmetic the forward difference of 3x² is 6x + 3h: its error is the truncation 3h.
        assertAbs(8.003, FiniteDifference.forward(f, order, x, 1e-3), 1e-9, "h = 1e-3");
        assertEquals(0.0, FiniteDifference.forward(f, order, x, 1e-31), "x + h == x, so f(x + h) − f(x) = 0");
        assertEquals(2.0, x.data, "the leaf is put back");
        assertEquals(9.0, f.data, "and so is the forward pass");
    }

    @Test
    void centralDifferencesAreExactForAParabolaUpToRounding() {
        Value x = new Value(-2.0, "x");
        Value f = lecture(x);
        List<Value> order = f.topologicalOrder();
        assertAbs(-16, FiniteDifference.slope(f, order, x, 1e-1, true), 1e-12, "h = 0.1");
        assertAbs(-15.7, FiniteDifference.slope(f, order, x, 1e-1, false), 1e-12, "forward, h = 0.1: 6x − 4 + 3h");
        assertEquals(0.0, FiniteDifference.slope(f, order, x, 1e-31, true));
    }

    @Test
    void powersOfTenAreTheLiteralsAReaderTypes() {
        for (int e = -32; e <= -1; e++) {
            assertEquals(Double.parseDouble("1e" + e), FiniteDifference.powerOfTen(e), "1e" + e);
        }
        assertEquals(Math.pow(10, -6.5), FiniteDifference.powerOfTen(-6.5));
    }

    @Test
    void theSweepRunsFromATenthToTenToTheMinus32() {
        double[] hs = FiniteDifference.sweep(10);
        assertEquals(311, hs.length);
        assertEquals(1e-1, hs[0]);
        assertEquals(1e-6, hs[50]);
        assertEquals(1e-32, hs[310]);
        for (int i = 1; i < hs.length; i++) {
            assertTrue(hs[i] < hs[i - 1], "decreasing at " + i);
        }
    }

    @Test
    void theForwardErrorFallsWithHThenRoundOffTakesOver() {
        Value x = new Value(2.0, "x");
        Value f = lecture(x);
        List<Value> order = f.topologicalOrder();
        double[] hs = FiniteDifference.sweep(4);
        double[] errors = FiniteDifference.errors(f, order, x, 8, hs, false);
        for (int i = 0; i < hs.length; i++) {
            assertEquals(Math.abs(FiniteDifference.forward(f, order, x, hs[i]) - 8), errors[i],
                    "each point of the curve is the read-out for its h, h = " + hs[i]);
        }
        int best = 0;
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] < errors[best]) {
                best = i;
            }
        }
        assertTrue(hs[best] < 1e-5 && hs[best] > 1e-11, "the sweet spot is near 1e-8, got " + hs[best]);
        assertAbs(0.3, errors[0], 1e-9, "truncation 3h at h = 0.1");
        assertEquals(8.0, errors[errors.length - 1], "at 1e-32 the slope is 0, so the error is the slope");
        assertEquals(2.0, x.data);
        assertEquals(9.0, f.data);
    }

    @Test
    void theCentralErrorCurveHasAnotherShape() {
        Value x = new Value(2.0, "x");
        Value f = lecture(x);
        List<Value> order = f.topologicalOrder();
        double[] hs = FiniteDifference.sweep(4);
        double[] forward = FiniteDifference.errors(f, order, x, 8, hs, false);
        double[] central = FiniteDifference.errors(f, order, x, 8, hs, true);
        assertTrue(central[0] < 1e-12, "no truncation error for a parabola: " + central[0]);
        assertTrue(forward[0] > 0.1);
        for (int i = 0; i < hs.length; i++) {
            assertEquals(Math.abs(FiniteDifference.slope(f, order, x, hs[i], true) - 8), central[i],
                    "h = " + hs[i]);
        }
    }

    @Test
    void theNudgeIsLostWhereXPlusHEqualsX() {
        double[] hs = FiniteDifference.sweep(1);
        assertEquals(1e-16, FiniteDifference.lostBelow(2.0, hs, false), "ulp(2) is 4.4e-16");
        double[] fine = FiniteDifference.sweep(10);
        double forward = FiniteDifference.lostBelow(2.0, fine, false);
        double central = FiniteDifference.lostBelow(2.0, fine, true);
        assertTrue(central < forward, "below 2 the doubles are twice as dense, so x − h is lost later");
        assertEquals(2.0, 2.0 - central);
        assertTrue(2.0 - forward != 2.0);
        assertTrue(Double.isNaN(FiniteDifference.lostBelow(0.0, hs, false)), "0 + h is never 0");
    }
}
