package org.backproplab.ui.train;

import org.backproplab.engine.Choice;
import org.backproplab.nn.Features.Feature;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The trainer's example menu: whole setups that make a point at once. "Features make it linear" is TF Playground's
 * lesson: the circles, seen through x1² and x2² only, are split by a single neuron with no hidden layer, because in
 * those features the boundary x1² + x2² = r² is a straight line.
 */
final class TrainExamples {
    /** The examples, by the ids the menu uses. */
    enum Example implements Choice {
        LINEAR_FEATURES("features make it linear: circles, x1² and x2², one neuron"),
        PLANE("regression: fit the tilted plane"),
        GAUSSIANS("regression: fit the signed Gaussians"),
        SINE("curve fit: y = sin x");

        final String title;

        Example(String title) {
            this.title = title;
        }

        /** The example's settings, keeping the seed (and so the points) of the run on show. */
        TrainSettings settings(int seed) {
            TrainSettings s = new TrainSettings();
            s.seed = seed;
            switch (this) {
                case LINEAR_FEATURES -> {
                    s.dataset = DatasetChoice.CIRCLES;
                    s.noise = 0.03; // the rings (radius 1 and 0.8) apart, so a circle can split them exactly
                    s.features = new Feature[] {Feature.X1_SQUARED, Feature.X2_SQUARED};
                    s.layers = "";
                    s.lr = 3; // one neuron on features under 1 in size takes big steps
                    s.lrEnd = 0.3;
                }
                case PLANE, GAUSSIANS, SINE -> {
                    s.dataset = Choice.byId(DatasetChoice.values(), id());
                    TaskLink.useRegressionSetup(s);
                    s.budget = this == PLANE ? 100 : 300;
                }
            }
            return s;
        }
    }

    private final HTMLSelectElement menu = (HTMLSelectElement) Dom.el("select", "bpl-select bpl-select-small");

    TrainExamples(TrainView view) {
        menu.setAttribute("data-testid", "train-examples");
        menu.appendChild(Dom.option("", "choose one…"));
        for (Example e : Example.values()) {
            menu.appendChild(Dom.option(e.id(), e.title));
        }
        Dom.on(menu, "change", ev -> {
            Example e = Choice.byId(Example.values(), menu.getValue());
            menu.setValue("");
            if (e != null) {
                view.useExample(e.settings(view.settings().seed), "Example: " + e.title + ".");
            }
        });
    }

    HTMLElement element() {
        HTMLElement row = Dom.el("div", "bpl-row");
        row.appendChild(Dom.labelled(menu, "example"));
        return row;
    }
}
