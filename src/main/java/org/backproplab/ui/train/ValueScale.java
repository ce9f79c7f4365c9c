package org.backproplab.ui.train;

import org.backproplab.data.Dataset;
import org.backproplab.ui.chart.Palette;

/**
 * The diverging scale of a regression map: a predicted value v is coloured by v / max on the lab's colour-blind-safe
 * palette, orange below 0, the light neutral at 0, blue above, and full strength from ±max out. max is a round
 * number just above the largest target, so the key's end labels are easy to read and the colours stay put while the
 * network learns.
 */
final class ValueScale {
    /** The round ends the scale may have: the largest |target| is rounded up to the first of these that holds it. */
    private static final double[] STEPS = {0.5, 1, 1.5, 2, 3, 5, 10, 20, 50, 100, 1000, 1e6};

    private ValueScale() {
    }

    /** The scale's end for these targets: a round number at least as large as every |target|, and at least 0.5. */
    static double max(Dataset... sets) {
        double most = 0;
        for (Dataset d : sets) {
            for (double y : d.ys()) {
                if (Double.isFinite(y)) {
                    most = Math.max(most, Math.abs(y));
                }
            }
        }
        for (double step : STEPS) {
            if (most <= step) {
                return step;
            }
        }
        return most;
    }

    /** Where v sits on the scale: -1 at -max (and below), 0 at 0, +1 at max (and above); NaN stays NaN. */
    static double t(double v, double max) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, v / max));
    }

    /** A map cell's pixel: kept a little lighter than the points, whose colour is their target's at full strength. */
    static int cell(double v, double max) {
        return Palette.pixel(t(v, max) * 0.85);
    }
}
