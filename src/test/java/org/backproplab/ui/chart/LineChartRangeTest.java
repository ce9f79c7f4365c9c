package org.backproplab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.backproplab.layout.RunRange;
import org.junit.jupiter.api.Test;

/**
 * A line chart keeps its series' range as they grow, rather than reading every value each frame: after any mix of
 * added values (NaN, infinite, negative, zero among them), cuts back to a step and clears, its y range is the one
 * a reading of every value gives, on a linear and on a log scale.
 */
class LineChartRangeTest {
    @Test
    void theKeptRangeIsTheRangeOfEveryValue() {
        Random random = new Random(7);
        LineChart.Series a = new LineChart.Series("train", "#000", false);
        LineChart.Series b = new LineChart.Series("test", "#000", true);
        LineChart.Series[] both = {a, b};
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -3, 1e-300, 1e300};
        for (int round = 0; round < 2000; round++) {
            LineChart.Series s = random.nextBoolean() ? a : b;
            int what = random.nextInt(20);
            if (what == 0) {
                s.clear();
            } else if (what == 1) {
                s.truncate(random.nextInt(s.size + 1));
            } else {
                s.add(random.nextInt(6) == 0 ? special[random.nextInt(special.length)]
                        : Math.exp(random.nextGaussian() * 3));
            }
            if (round % 7 == 0) { // read now and then, as the chart does when it draws
                for (boolean log : new boolean[] {false, true}) {
                    assertArrayEquals(everyValue(both, log), LineChart.range(both, log), "round " + round);
                }
            }
        }
    }

    private static double[] everyValue(LineChart.Series[] series, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LineChart.Series s : series) {
            for (int k = 0; k < s.size; k++) {
                double v = s.values[k];
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return log ? RunRange.log(lo, hi) : RunRange.linear(lo, hi);
    }
}
