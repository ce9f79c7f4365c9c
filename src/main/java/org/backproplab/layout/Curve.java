package org.backproplab.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sampled curve y(x) made ready to draw. Where f is undefined (log(x) for x ≤ 0, 1/x at 0) the samples are NaN
 * or infinite, and the curve must show a gap there, not a spike to infinity, a line across the chart, or a path
 * the browser refuses. So the samples are cut into pieces, and a y range is chosen that a few huge values near an
 * asymptote cannot flatten the rest of the curve into a line.
 */
public final class Curve {
    private Curve() {
    }

    /**
     * The drawable pieces of the curve through (xs[i], ys[i]), each as {x0, y0, x1, y1, ...}, for a chart that
     * shows y from low to high. A piece ends at a NaN or infinite sample, and where consecutive samples sit on
     * opposite sides outside the range (an asymptote such as 1/x's, which would otherwise draw a vertical line).
     * Segments that leave the range are cut one range-height beyond it, along the same line, so what is visible is
     * exact and no coordinate is huge.
     */
    public static List<double[]> pieces(double[] xs, double[] ys, double low, double high) {
        double margin = high - low;
        double floor = low - margin;
        double ceiling = high + margin;
        List<double[]> pieces = new ArrayList<>();
        double[] piece = new double[2 * xs.length];
        int length = 0;
        for (int i = 1; i < xs.length; i++) {
            double x0 = xs[i - 1];
            double y0 = ys[i - 1];
            double x1 = xs[i];
            double y1 = ys[i];
            boolean drawable = Double.isFinite(y0) && Double.isFinite(y1)
                    && !(y0 > high && y1 < low) && !(y0 < low && y1 > high);
            double t0 = 0;
            double t1 = 1;
            if (drawable && y1 != y0) {
                double ta = (floor - y0) / (y1 - y0);
                double tb = (ceiling - y0) / (y1 - y0);
                t0 = Math.max(0, Math.min(ta, tb));
                t1 = Math.min(1, Math.max(ta, tb));
            } else if (drawable && (y0 < floor || y0 > ceiling)) {
                drawable = false; // flat, and far outside the range
            }
            if (!drawable || t0 > t1) {
                length = flush(pieces, piece, length);
                continue;
            }
            if (length == 0 || t0 > 0) {
                length = flush(pieces, piece, length);
                piece[length++] = x0 + t0 * (x1 - x0);
                piece[length++] = y0 + t0 * (y1 - y0);
            }
            piece[length++] = x0 + t1 * (x1 - x0);
            piece[length++] = y0 + t1 * (y1 - y0);
            if (t1 < 1) {
                length = flush(pieces, piece, length);
            }
        }
        flush(pieces, piece, length);
        return pieces;
    }

    private static int flush(List<double[]> pieces, double[] piece, int length) {
        if (length >= 4) {
            pieces.add(Arrays.copyOf(piece, length));
        }
        return 0;
    }

    /**
     * A y range for plotting: all of the finite values, except that the top and bottom 2% may stretch the range
     * by at most a quarter of what the middle 96% span, then 6% of padding on each side. A constant gets a range
     * around it. With no finite value at all, -1 to 1.
     */
    public static double[] range(double[] ys) {
        double[] finite = new double[ys.length];
        int n = 0;
        for (double y : ys) {
            if (Double.isFinite(y)) {
                finite[n++] = y;
            }
        }
        if (n == 0) {
            return new double[] {-1, 1};
        }
        Arrays.sort(finite, 0, n);
        double lo = finite[(int) Math.floor(0.02 * (n - 1))];
        double hi = finite[(int) Math.ceil(0.98 * (n - 1))];
        double spread = hi - lo;
        double min = Math.max(finite[0], lo - 0.25 * spread);
        double max = Math.min(finite[n - 1], hi + 0.25 * spread);
        double span = max - min;
        if (!(span > 1e-12 * Math.max(1, Math.abs(max)))) {
            double half = Math.max(1, 0.1 * Math.abs(max));
            return new double[] {min - half, max + half};
        }
        return new double[] {min - 0.06 * span, max + 0.06 * span};
    }
}
