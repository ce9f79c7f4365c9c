package org.backproplab.ui.train;

import org.backproplab.data.Dataset;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * What the plot panel shows for regression: on the plane, the map's diverging scale and its colour key; for the
 * curve y = sin x (one input), the curve plot in place of the map. Classification leaves both hidden.
 */
final class RegressionPlots {
    private final HTMLElement root = Dom.el("div", "bpl-regression-plots");
    private final CurvePlot curve = new CurvePlot();
    private final ValueKey key = new ValueKey();
    private boolean curveShown;

    RegressionPlots(BoundaryPlot.ClickListener clicks) {
        curve.onClick(clicks);
        root.appendChild(curve.element());
        root.appendChild(key.element());
    }

    HTMLElement element() {
        return root;
    }

    CurvePlot curve() {
        return curve;
    }

    /** Sets up the map's scale and key, or the curve, for a run's settings and points. */
    void rebuild(TrainSettings s, Dataset train, Dataset test, BoundaryPlot map, TrainCharts charts) {
        curveShown = s.inputs() == 1;
        curve.element().setHidden(!curveShown);
        curve.setData(train, test, s.showTest);
        curve.highlight(-1);
        double max = s.regression() && s.inputs() == 2 ? ValueScale.max(train, test) : 0;
        map.setValueScale(max);
        key.show(max);
        charts.showAccuracy(!s.regression()); // regression has no accuracy: its read-outs show the RMSE
    }

    void showTestChanged(TrainSettings s, Dataset train, Dataset test) {
        curve.setData(train, test, s.showTest);
    }

    /** Draws the curve through the trainer's current weights; false when the curve is not on show. */
    boolean draw(Trainer trainer) {
        if (curveShown) {
            curve.draw(trainer::predict);
        }
        return curveShown;
    }

    void highlight(int i) {
        curve.highlight(i);
    }

    /** The plot's caption for regression, or null for classification. */
    static String hint(TrainSettings s, String clicks) {
        if (!s.regression()) {
            return null;
        }
        if (s.inputs() == 1) {
            return "Dots: the data (rings: test points); the line: what the network predicts for each x. " + clicks;
        }
        return "Background: the network's predicted value (blue above 0, orange below; see the key). Dots: the "
                + "points, coloured by their target (rings: test points); where a dot matches its background, the fit "
                + "is good. " + clicks;
    }
}
