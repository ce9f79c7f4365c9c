package org.backproplab.ui.bench;

import java.util.Arrays;
import org.backproplab.ui.dom.Dom;

/**
 * Frame times of an animation, kept for a benchmark: how long each frame's own work took, and the time between
 * frames (what a person sees: above 16.7 ms, frames are being dropped).
 */
final class FrameStats {
    private final double[] work;
    private final double[] intervals;
    private int count;
    private double last = -1;
    private int skip;

    /** Records n frames, after letting warmUp frames pass (the JIT compiles the hot code in those). */
    FrameStats(int warmUp, int n) {
        skip = warmUp;
        work = new double[n];
        intervals = new double[n];
    }

    void record(double workMs) {
        if (skip > 0) {
            skip--;
            return;
        }
        if (count >= work.length) {
            return;
        }
        double now = Dom.now();
        work[count] = workMs;
        intervals[count] = last < 0 ? Double.NaN : now - last;
        last = now;
        count++;
    }

    /** How many frames are recorded so far (none while warming up). */
    int recorded() {
        return count;
    }

    boolean done() {
        return count >= work.length;
    }

    /** A percentile (q from 0 to 1) of the recorded intervals between frames, or of the work times. */
    double percentile(boolean interval, double q) {
        double[] v = Arrays.copyOf(interval ? intervals : work, count);
        Arrays.sort(v); // NaN (the first interval) sorts last
        int n = count - (interval ? 1 : 0);
        return n <= 0 ? Double.NaN : v[Math.max(0, Math.min(n - 1, (int) Math.ceil(q * n) - 1))];
    }
}
