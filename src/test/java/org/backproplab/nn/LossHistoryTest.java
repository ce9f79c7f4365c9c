package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The loss curves as CSV: a header, one row per step, full precision, empty cells where nothing was measured. */
class LossHistoryTest {

    @Test
    void oneRowPerStepAtFullPrecision() {
        String csv = LossHistory.csv(3, new double[] {0.8958441028683222, 0.5, 0.25}, new double[] {0.5, 0.75, 1},
                new double[] {0.9, 0.6, 0.1}, new double[] {0.4, 0.6, 0.8});
        assertEquals("step,train_loss,train_accuracy,test_loss,test_accuracy\n"
                + "0,0.8958441028683222,0.5,0.9,0.4\n"
                + "1,0.5,0.75,0.6,0.6\n"
                + "2,0.25,1.0,0.1,0.8\n", csv);
    }

    @Test
    void missingFiguresAreEmptyCells() {
        String csv = LossHistory.csv(3, new double[] {1e-300, Double.NaN, 2}, new double[] {1, Double.NaN, 1},
                new double[0], new double[0]);
        assertEquals(LossHistory.HEADER + "\n0,1.0E-300,1.0,,\n1,,,,\n2,2.0,1.0,,\n", csv);
        assertEquals(LossHistory.HEADER + "\n", LossHistory.csv(0, new double[0], new double[0], new double[0],
                new double[0]));
    }

    @Test
    void aRegressionHasNoAccuracyColumns() {
        String csv = LossHistory.csv(2, new double[] {0.5, 0.25}, null, new double[] {0.75}, null);
        assertEquals("step,train_loss,test_loss\n0,0.5,0.75\n1,0.25,\n", csv);
    }
}
