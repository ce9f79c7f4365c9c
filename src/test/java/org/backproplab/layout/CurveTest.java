package org.backproplab.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Curves with holes and asymptotes come out as gaps, never as spikes, lines across the chart or NaN coordinates. */
class CurveTest {
    private static double[] xs(double from, double to, int n) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = from + (to - from) * i / (n - 1);
        }
        return xs;
    }

    private static double[] ys(double[] xs, DoubleUnaryOperator f) {
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = f.applyAsDouble(xs[i]);
        }
        return ys;
    }

    private static void assertBounded(List<double[]> pieces, double low, double high) {
        double margin = high - low;
        for (double[] p : pieces) {
            assertTrue(p.length >= 4 && p.length % 2 == 0);
            for (int i = 1; i < p.length; i += 2) {
                assertTrue(Double.isFinite(p[i - 1]) && Double.isFinite(p[i]), "finite coordinates");
                assertTrue(p[i] >= low - margin - 1e-9 && p[i] <= high + margin + 1e-9, "y " + p[i] + " is cut");
            }
        }
    }

    @Test
    void aSmoothCurveIsOnePieceThroughEverySample() {
        double[] xs = xs(-5, 5, 401);
        double[] ys = ys(xs, x -> 3 * x * x - 4 * x + 5);
        double[] range = Curve.range(ys);
        assertTrue(range[0] < 3.67 && range[0] > -5, "the minimum 11/3 with some padding: " + range[0]);
        assertTrue(range[1] > 100 && range[1] < 110, "the maximum 100 with some padding: " + range[1]);
        List<double[]> pieces = Curve.pieces(xs, ys, range[0], range[1]);
        assertEquals(1, pieces.size());
        assertEquals(802, pieces.get(0).length);
    }

    @Test
    void logHasAGapWhereItIsUndefined() {
        double[] xs = xs(-2, 2, 401);
        double[] ys = ys(xs, Math::log);
        double[] range = Curve.range(ys);
        assertTrue(range[0] > -6 && range[1] < 1.5, range[0] + " .. " + range[1]);
        List<double[]> pieces = Curve.pieces(xs, ys, range[0], range[1]);
        assertEquals(1, pieces.size(), "log(x) for x > 0 only");
        assertTrue(pieces.get(0)[0] > 0, "starts right of 0");
        assertBounded(pieces, range[0], range[1]);
    }

    @Test
    void oneOverXBreaksAtItsAsymptoteInsteadOfDrawingAVerticalLine() {
        double[] xs = xs(-2, 2, 400); // 0 is not a sample: the neighbours are -0.005 and +0.005
        double[] ys = ys(xs, x -> 1 / x);
        double[] range = Curve.range(ys);
        assertTrue(range[1] < 60, "a few huge values near 0 don't flatten the curve: " + range[1]);
        List<double[]> pieces = Curve.pieces(xs, ys, range[0], range[1]);
        assertEquals(2, pieces.size());
        assertBounded(pieces, range[0], range[1]);
        double[] left = pieces.get(0);
        assertTrue(left[left.length - 2] < 0, "the left branch ends left of 0");
        assertEquals(range[0] - (range[1] - range[0]), left[left.length - 1], 1e-9, "cut below the chart");
    }

    @Test
    void isolatedSamplesAndAllNaN() {
        double[] xs = {0, 1, 2, 3, 4};
        assertEquals(0, Curve.pieces(xs, new double[] {Double.NaN, 1, Double.NaN, 2, Double.NaN}, 0, 3).size());
        assertArrayEquals(new double[] {-1, 1}, Curve.range(new double[] {Double.NaN, Double.NaN}));
        List<double[]> pieces = Curve.pieces(xs, new double[] {0, 1, Double.POSITIVE_INFINITY, 2, 3}, 0, 3);
        assertEquals(2, pieces.size());
        assertArrayEquals(new double[] {0, 0, 1, 1}, pieces.get(0));
        assertArrayEquals(new double[] {3, 2, 4, 3}, pieces.get(1));
    }

    @Test
    void aConstantGetsARangeAroundIt() {
        double[] range = Curve.range(new double[] {5, 5, 5});
        assertEquals(4.0, range[0]);
        assertEquals(6.0, range[1]);
        range = Curve.range(new double[] {0, 0});
        assertEquals(-1.0, range[0]);
        assertEquals(1.0, range[1]);
    }

    @Test
    void aCurveFarOutsideTheRangeIsNotDrawn() {
        double[] xs = {0, 1, 2};
        assertEquals(0, Curve.pieces(xs, new double[] {100, 100, 100}, 0, 1).size());
        assertEquals(0, Curve.pieces(xs, new double[] {100, 200, 300}, 0, 1).size());
    }
}
