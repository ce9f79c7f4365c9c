package org.backproplab.ui.train;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.nn.Features.Feature;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The Features panel, as TF Playground's column of inputs: a switch for each of x1, x2, x1², x2², x1·x2, sin x1 and
 * sin x2, the numbers made from a point that the first layer sees. Changing them makes a new network (the first
 * layer has a weight per feature). Only points of the plane have them: the curve y = sin x has one input, the
 * lecture's examples three.
 */
final class FeatureToggles {
    private final TrainView view;
    private final HTMLElement panel = Dom.el("div", "bpl-panel bpl-features");
    private final HTMLInputElement[] boxes = new HTMLInputElement[Feature.values().length];
    private final HTMLElement note = Dom.text("p", "bpl-hint", "");

    FeatureToggles(TrainView view) {
        this.view = view;
        panel.appendChild(Dom.text("h2", "", "Features"));
        panel.appendChild(Dom.text("p", "bpl-hint", "What the network sees of each point: switch on x1² and x2², "
                + "and one neuron can draw a circle."));
        HTMLElement row = Dom.el("div", "bpl-row bpl-feature-row");
        for (Feature f : Feature.values()) {
            HTMLInputElement box = Dom.checkbox("feature-" + f.variable);
            box.setAttribute("data-feature", f.id());
            boxes[f.ordinal()] = box;
            row.appendChild(Dom.labelled(box, label(f)));
            Dom.on(box, "change", e -> toggled(f));
        }
        panel.appendChild(row);
        note.setAttribute("data-testid", "features-note");
        panel.appendChild(note);
    }

    HTMLElement element() {
        return panel;
    }

    /** How the panel and the diagram write a feature: x1², x1·x2, sin x1. */
    static String label(Feature f) {
        return switch (f) {
            case X1 -> "x1";
            case X2 -> "x2";
            case X1_SQUARED -> "x1²";
            case X2_SQUARED -> "x2²";
            case X1_TIMES_X2 -> "x1·x2";
            case SIN_X1 -> "sin x1";
            case SIN_X2 -> "sin x2";
        };
    }

    /** Ticks the settings' features; the switches are off where a point has no x1 and x2 to make them from. */
    void show(TrainSettings s) {
        boolean plane = s.inputs() == 2;
        for (Feature f : Feature.values()) {
            boolean on = false;
            for (Feature chosen : s.features) {
                on |= chosen == f;
            }
            boxes[f.ordinal()].setChecked(plane && on);
            boxes[f.ordinal()].setDisabled(!plane);
        }
        note.setTextContent(plane ? "" : s.dataset == DatasetChoice.SINE ? "The curve y = sin x has one input, x: "
                + "the network sees it as it is." : "The lecture's examples have 3 inputs, seen as they are.");
        note.setHidden(plane);
    }

    /** The features in the panel's order, with f switched; the last one can't go (the network needs an input). */
    private void toggled(Feature f) {
        TrainSettings s = view.settings();
        List<Feature> chosen = new ArrayList<>();
        for (Feature g : Feature.values()) {
            if (boxes[g.ordinal()].isChecked()) {
                chosen.add(g);
            }
        }
        if (chosen.isEmpty()) {
            boxes[f.ordinal()].setChecked(true);
            view.say("The network needs at least one input: " + label(f) + " stays on.", true);
            return;
        }
        s.features = chosen.toArray(new Feature[0]);
        StringBuilder names = new StringBuilder();
        for (Feature g : s.features) {
            names.append(names.length() == 0 ? "" : ", ").append(label(g));
        }
        view.architectureChanged("Features: " + names + ".");
    }
}
