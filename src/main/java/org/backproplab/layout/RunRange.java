package org.backproplab.layout;

/**
 * The ranges of a chart that grows with a run: the trainer's loss and accuracy against the step. The ends are
 * rounded up to round numbers, so while the run goes on the axes keep the same ticks for many frames in a row and
 * the chart redraws only its lines (rebuilding the grid every animation frame would cost more than the lines).
 * Every finite value stays inside the range, whatever its magnitude.
 */
public final class RunRange {
    private static final int SMALLEST_EXPONENT = -323; // 10^-324 is 0 as a double
    private static final int LARGEST_EXPONENT = 308;   // 10^309 is infinity

    private RunRange() {
    }

    /**
     * The right end of a step axis that shows steps 0 to last: last rounded up to a multiple of a round number near
     * a fortieth of it, so the axis moves every few steps, not every step, and stays nearly full. At least 1.
     */
    public static int stepEnd(int last) {
        if (last <= 1) {
            return 1;
        }
        int grain = Math.max(1, (int) Scale.niceStep(last / 40.0));
        return (last + grain - 1) / grain * grain;
    }

    /**
     * {low, high} of a linear axis for values from lo to hi: from 0 (or lo, if it is below 0) to a round number a
     * little above hi. With no values (lo > hi, as the empty min/max leaves them) or all of them 0, 0 to 1.
     */
    public static double[] linear(double lo, double hi) {
        if (!(lo <= hi)) {
            return new double[] {0, 1};
        }
        double low = Math.min(0, lo);
        double span = hi - low;
        if (!(span > 0)) {
            return new double[] {low, low + 1};
        }
        double grain = Scale.niceStep(span / 20);
        double high = Math.ceil((hi + 0.02 * span) / grain) * grain;
        // Near the largest double, rounding up overflows: then the highest value itself is the top.
        return new double[] {low, Double.isFinite(high) ? high : hi};
    }

    /**
     * {low, high} of a log axis for positive values from lo to hi: the whole powers of ten around them, at least one
     * decade apart. With no positive values, 0.01 to 1.
     */
    public static double[] log(double lo, double hi) {
        if (!(lo > 0 && lo <= hi)) {
            return new double[] {0.01, 1};
        }
        int bottom = Math.max(SMALLEST_EXPONENT, (int) Math.floor(Math.log10(lo)));
        int top = Math.min(LARGEST_EXPONENT, (int) Math.ceil(Math.log10(hi)));
        if (top <= bottom) {
            if (top == LARGEST_EXPONENT) {
                bottom = top - 1;
            } else {
                top = bottom + 1;
            }
        }
        return new double[] {Math.pow(10, bottom), Math.pow(10, top)};
    }
}
