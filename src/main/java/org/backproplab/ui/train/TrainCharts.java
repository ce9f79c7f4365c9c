package org.backproplab.ui.train;

import java.util.Arrays;
import org.backproplab.nn.LossHistory;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.chart.LineChart;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The trainer's loss and accuracy charts: one value per step for the training points and, when there is a test set,
 * for the test points. They are also what the loss history CSV holds.
 */
final class TrainCharts {
    private final LineChart.Series trainLoss = new LineChart.Series("train", "#1d4f91", false);
    private final LineChart.Series testLoss = new LineChart.Series("test", "#c25e00", true);
    private final LineChart.Series trainAccuracy = new LineChart.Series("train", "#1d4f91", false);
    private final LineChart.Series testAccuracy = new LineChart.Series("test", "#c25e00", true);
    private final LineChart lossChart = new LineChart("Loss", "loss-chart", false, true, trainLoss, testLoss);
    private final LineChart accuracyChart = new LineChart("Accuracy", "accuracy-chart", true, false, trainAccuracy,
            testAccuracy);
    private final HTMLElement root = Dom.el("div", "bpl-panel bpl-charts");

    TrainCharts() {
        root.appendChild(lossChart.element());
        root.appendChild(accuracyChart.element());
    }

    HTMLElement element() {
        return root;
    }

    /** Shows the accuracy chart, or hides it for regression, which has none. */
    void showAccuracy(boolean on) {
        accuracyChart.element().setHidden(!on);
    }

    void clear() {
        trainLoss.clear();
        testLoss.clear();
        trainAccuracy.clear();
        testAccuracy.clear();
    }

    /** A step's figures: the training loss and accuracy, and the test set's (null when there is none). */
    void put(int step, double loss, double accuracy, Trainer.Evaluation test) {
        put(trainLoss, step, loss);
        put(trainAccuracy, step, accuracy);
        if (test != null) {
            put(testLoss, step, test.loss());
            put(testAccuracy, step, test.accuracy());
        }
    }

    /** Sets a chart's value at a step, dropping anything after it (a resumed or reset run). */
    private static void put(LineChart.Series series, int step, double value) {
        series.truncate(step);
        while (series.size < step) {
            series.add(Double.NaN);
        }
        series.add(value);
    }

    void draw() {
        lossChart.draw();
        accuracyChart.draw();
    }

    /** Rows recorded so far, one per step. */
    int rows() {
        return trainLoss.size;
    }

    /** The four series (train loss, train accuracy, test loss, test accuracy), or empty ones past max steps. */
    double[][] histories(int max) {
        LineChart.Series[] all = {trainLoss, trainAccuracy, testLoss, testAccuracy};
        double[][] h = new double[4][];
        for (int s = 0; s < 4; s++) {
            h[s] = trainLoss.size > max ? new double[0] : values(all[s]);
        }
        return h;
    }

    /** Puts back the series that {@link #histories} gave. */
    void restore(double[][] histories) {
        LineChart.Series[] all = {trainLoss, trainAccuracy, testLoss, testAccuracy};
        for (int s = 0; s < 4; s++) {
            all[s].clear();
            for (double v : histories[s]) {
                all[s].add(v);
            }
        }
    }

    /** Loss and accuracy by step, as the charts show them; a regression's has no accuracy columns. */
    String csv(boolean regression) {
        return LossHistory.csv(trainLoss.size, values(trainLoss), regression ? null : values(trainAccuracy),
                values(testLoss), regression ? null : values(testAccuracy));
    }

    private static double[] values(LineChart.Series series) {
        return Arrays.copyOf(series.values, series.size);
    }
}
