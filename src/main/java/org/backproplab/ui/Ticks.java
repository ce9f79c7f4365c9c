package org.backproplab.ui;

import org.backproplab.engine.Numbers;

/** Round tick values for an axis (steps of 1, 2 or 5 times a power of ten) and their labels. */
final class Ticks {
    private Ticks() {
    }

    /** About {@code count} round values between min and max, inclusive. */
    static double[] of(double min, double max, int count) {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            return new double[] {min};
        }
        double step = step((max - min) / Math.max(1, count));
        double first = Math.ceil(min / step - 1e-9) * step;
        int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
        double[] ticks = new double[Math.max(0, Math.min(n, 50))];
        for (int i = 0; i < ticks.length; i++) {
            double t = first + i * step;
            ticks[i] = Math.abs(t) < step * 1e-9 ? 0 : t;
        }
        return ticks;
    }

    /** The round step (1, 2 or 5 times a power of ten) nearest above a raw step. */
    static double step(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    /** A tick's label, with as many decimals as the step between ticks needs. */
    static String label(double t, double[] ticks) {
        double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (step >= 1e5 || (step < 1e-4 && t != 0)) {
            return Numbers.scientific(t, 1);
        }
        return Numbers.fixed(t, Math.min(decimals, 6));
    }
}
