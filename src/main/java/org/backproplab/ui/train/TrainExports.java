package org.backproplab.ui.train;

import org.backproplab.data.Dataset;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.TrainSpec;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Download;
import org.backproplab.ui.dom.ExportMenu;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The run as files and back: the model as JSON (a train --spec file with the current weights), the loss history as
 * CSV, the decision boundary as PNG, and "import a run", which reads a spec or a saved model back into the trainer.
 */
final class TrainExports {
    private final TrainView view;
    private final BoundaryPlot boundary;
    private final HTMLInputElement importSpec = (HTMLInputElement) Dom.el("input", "bpl-file");

    TrainExports(TrainView view, BoundaryPlot boundary) {
        this.view = view;
        this.boundary = boundary;
        importSpec.setAttribute("type", "file");
        importSpec.setAttribute("accept", ".json,application/json");
        importSpec.setAttribute("data-testid", "import-spec");
        Dom.on(importSpec, "change", e -> readFirstFile(importSpec, this::importRun));
    }

    /** The Export menu of the run bar. */
    HTMLElement menu() {
        return new ExportMenu("train-export", "Save the model, the loss curves or the picture as a file")
                .item("Model as JSON (settings and weights)", "export-model", this::exportModel)
                .item("Loss history as CSV", "export-loss-csv", this::exportLossCsv)
                .item("Decision boundary as PNG", "export-boundary-png", this::exportBoundaryPng)
                .element();
    }

    /** The "import a run" file field of the Training panel. */
    HTMLElement importField() {
        return Dom.labelled(importSpec, "import a run");
    }

    /** The run's current weights and settings as a train --spec file, which "import a run" reads back. */
    private void exportModel() {
        Trainer trainer = view.trainer();
        if (trainer == null) {
            view.say("There is no model to save yet: add at least two points.", true);
            return;
        }
        TrainSettings now = view.settings().copy();
        now.init = trainer.parameterValues();
        for (double w : now.init) {
            if (!Double.isFinite(w)) {
                view.say("The weights are no longer numbers (training diverged): press Reset, then train again.",
                        true);
                return;
            }
        }
        Dataset train = view.train();
        double[] scores = new double[train.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = trainer.predict(train.xs()[i]);
        }
        String name = fileName("model", "json");
        Download.text(name, "application/json", ModelFile.write(now.spec(train), trainer.stepCount(), scores));
        view.say("Saved " + name + ": the settings, the weights of step " + trainer.stepCount() + " and the "
                + train.size() + " training points. Import a run reads it back.");
    }

    private void exportLossCsv() {
        String name = fileName("loss", "csv");
        Download.text(name, "text/csv", view.charts().csv());
        view.say("Saved " + name + ": " + view.charts().rows() + " rows, one per step.");
    }

    private void exportBoundaryPng() {
        if (view.settings().inputs() != 2) {
            view.say("The lecture's examples have 3 inputs: there is no boundary in the plane to save.", true);
            return;
        }
        String name = fileName("boundary", "png");
        Download.png(boundary.canvas(), name, ok -> view.say(ok ? "Saved " + name + "."
                : "The browser could not make the picture.", !ok));
    }

    /** backprop-model-moons-step100.json and the like: what, from which data, after how many steps. */
    private String fileName(String what, String extension) {
        Trainer trainer = view.trainer();
        return "backprop-" + what + "-" + view.settings().dataset.id() + "-step"
                + (trainer == null ? 0 : trainer.stepCount()) + "." + extension;
    }

    private void importRun(String text) {
        TrainSpec spec;
        try {
            spec = TrainSpec.parse(text);
        } catch (RuntimeException e) {
            view.say("That run file could not be used, nothing was changed: " + e.getMessage(), true);
            return;
        }
        if (spec.data().labels() != Dataset.Labels.SIGNS || !spec.features().isRaw()) {
            view.say("That run file " + (spec.regression() ? "is a regression" : spec.features().isRaw()
                    ? "has more than two classes" : "chooses input features") + "; this page's trainer learns two "
                    + "classes from x1 and x2 so far. Nothing was changed. The command line trains it: java -jar "
                    + "backprop-lab.jar train --spec FILE.", true);
            return;
        }
        if (spec.inputs() != 2 && TrainSettings.lectureTestShare(spec.data(), spec.seed()) < 0) {
            view.say("That run has " + spec.inputs() + " inputs per point; this view trains on points of the plane "
                    + "(2).", true);
            return;
        }
        TrainSettings settings = TrainSettings.fromSpec(spec);
        view.start(settings);
        boolean model = text.contains("\"" + ModelFile.FORMAT + "\"");
        Trainer.Evaluation current = view.current();
        view.say("Imported a " + (model ? "saved model" : "run") + ": " + spec.data().size() + " points, layers "
                + settings.layers + ", " + settings.loss.id() + " loss, " + settings.optimizer.id() + " from "
                + Numbers.compact(settings.lr, 4) + ". Step 0's loss is "
                + Numbers.compact(current == null ? Double.NaN : current.loss(), 8) + ".");
    }

    /** Hears a file's text. */
    @JSFunctor
    interface TextListener extends JSObject {
        void read(String text);
    }

    @JSBody(params = {"input", "listener"}, script = "var bplFile = input.files && input.files[0];"
            + "if (!bplFile) { return; }"
            + "var bplReader = new FileReader();"
            + "bplReader.onload = function () { listener(String(bplReader.result)); input.value = ''; };"
            + "bplReader.readAsText(bplFile);")
    private static native void readFirstFile(HTMLInputElement input, TextListener listener);
}
