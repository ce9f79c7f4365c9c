package org.backproplab.ui.bench;

import java.util.Arrays;
import org.backproplab.ui.dom.Dom;

/**
 * Frame times of the trainer's animation, kept for the benchmark: how long each frame's work took, and the time
 * between frames (what a person sees: above 16.7 ms, frames are being dropped).
 */
public final class FrameStats {
    private static double[] work = new double[0];
    private static double[] intervals = new double[0];
    private static int count;
    private static int limit;
    private static double last;
    private static int skip;

    private FrameStats() {
    }

    /** Starts recording n frames, after letting warmUp frames pass (the JIT compiles the hot code in those). */
    static void start(int warmUp, int n) {
        skip = warmUp;
        work = new double[n];
        intervals = new double[n];
        count = 0;
        limit = n;
        last = -1;
    }

    public static void record(double workMs) {
        if (skip > 0) {
            skip--;
            return;
        }
        if (count >= limit) {
            return;
        }
        double now = Dom.now();
        work[count] = workMs;
        intervals[count] = last < 0 ? Double.NaN : now - last;
        last = now;
        count++;
    }

    static boolean done() {
        return limit > 0 && count >= limit;
    }

    /** The 95th percentile of the recorded work times or intervals. */
    static double p95(boolean interval) {
        return percentile(interval, 0.95);
    }

    static double percentile(boolean interval, double q) {
        double[] v = Arrays.copyOf(interval ? intervals : work, count);
        Arrays.sort(v); // NaN (the first interval) sorts last
        int n = count - (interval ? 1 : 0);
        return n <= 0 ? Double.NaN : v[Math.max(0, Math.min(n - 1, (int) Math.ceil(q * n) - 1))];
    }
}
