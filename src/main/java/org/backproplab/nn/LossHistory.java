package org.backproplab.nn;

/**
 * A run's loss and accuracy curves as CSV, one row per step, for a spreadsheet or pandas. Row k holds what step k
 * reported: the loss and accuracy of the weights before its update (on its batch), and the test figures of the same
 * weights. The last row is the current weights, whose figures the next step will report. A figure that is missing
 * (no test set, a gap in the curve, or not finite) is an empty cell; every other number is at full precision.
 */
public final class LossHistory {
    public static final String HEADER = "step,train_loss,train_accuracy,test_loss,test_accuracy";
    /** A regression's columns: it has a loss and no accuracy. */
    public static final String REGRESSION_HEADER = "step,train_loss,test_loss";

    private LossHistory() {
    }

    /**
     * @param steps the number of rows (steps 0 to steps - 1)
     * @param columns train loss, train accuracy, test loss and test accuracy by step; a column may be shorter than
     *                steps (or empty), and its missing entries are empty cells; both accuracies null for a
     *                regression, which has none: then the file has no accuracy columns
     */
    public static String csv(int steps, double[] trainLoss, double[] trainAccuracy, double[] testLoss,
                             double[] testAccuracy) {
        boolean regression = trainAccuracy == null;
        StringBuilder csv = new StringBuilder(regression ? REGRESSION_HEADER : HEADER).append('\n');
        double[][] columns = regression ? new double[][] {trainLoss, testLoss}
                : new double[][] {trainLoss, trainAccuracy, testLoss, testAccuracy};
        for (int k = 0; k < steps; k++) {
            csv.append(k);
            for (double[] column : columns) {
                csv.append(',');
                if (k < column.length && Double.isFinite(column[k])) {
                    csv.append(Double.toString(column[k]));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
