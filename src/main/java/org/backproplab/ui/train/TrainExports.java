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
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The run as files and back: the model as JSON (a train --spec file with the current weights), the loss history as
 * CSV, the decision boundary as PNG, and "import a run", which reads a spec or a saved model back into the trainer.
 */
final class TrainExports {
    private final TrainView view;
    private final BoundaryPlot boundary;
    private final HTMLCanvasElement curve;
    private final HTMLInputElement importSpec = (HTMLInputElement) Dom.el("input", "bpl-file");

    TrainExports(TrainView view, BoundaryPlot boundary, HTMLCanvasElement curve) {
        this.view = view;
        this.boundary = boundary;
        this.curve = curve;
        importSpec.setAttribute("type", "file");
        importSpec.setAttribute("accept", ".json,application/json");
        importSpec.setAttribute("data-testid", "import-spec");
        Dom.on(importSpec, "change", e -> readChosenFile());
    }

    /** The Export menu of the run bar. */
    HTMLElement menu() {
        return new ExportMenu("train-export", "Save the model, the loss curves or the picture as a file")
                .item("Model as JSON (settings and weights)", "export-model", this::exportModel)
                .item("Loss history as CSV", "export-loss-csv", this::exportLossCsv)
                .item("Decision boundary as PNG", "export-boundary-png", this::exportBoundaryPng)
                .element();
    }

    /**
     * The "import a run" control of the Training panel: a button-like label around the file field, which is hidden
     * from sight but not from the keyboard. The browser's own field ("Choose File No file chosen") is wider than a
     * narrow panel and can't be styled.
     */
    HTMLElement importField() {
        HTMLElement label = Dom.el("label", "bpl-button bpl-import");
        label.setAttribute("title", "Read a run file or a saved model (JSON, at most 5 MB) into the trainer");
        label.appendChild(importSpec);
        label.appendChild(Dom.text("span", "", "Import a run…"));
        return label;
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
        int k = trainer.outputs();
        double[] scores = new double[train.size() * k];
        double[] one = new double[k];
        for (int i = 0; i < train.size(); i++) {
            trainer.predict(train.xs()[i], one); // k scores in a row for k classes
            System.arraycopy(one, 0, scores, i * k, k);
        }
        String name = fileName("model", "json");
        Download.text(name, "application/json", ModelFile.write(now.spec(train), trainer.stepCount(), scores,
                now.origin()));
        view.say("Saved " + name + ": the settings, the weights of step " + trainer.stepCount() + " and the "
                + train.size() + " training points. Import a run reads it back.");
    }

    private void exportLossCsv() {
        String name = fileName("loss", "csv");
        Download.text(name, "text/csv", view.charts().csv(view.settings().regression()));
        view.say("Saved " + name + ": " + view.charts().rows() + " rows, one per step.");
    }

    private void exportBoundaryPng() {
        if (view.settings().dataset == DatasetChoice.SINE) {
            String name = fileName("curve", "png");
            Download.png(curve, name, ok -> view.say(ok ? "Saved " + name + "."
                    : "The browser could not make the picture.", !ok));
            return;
        }
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

    /**
     * Reads a run file (a spec or a saved model) into the trainer, or says why not, naming the field at fault. Either
     * the whole run is replaced or nothing is: the settings, the weights and the charts stay exactly as they were
     * until the new run has been built.
     */
    private void importRun(String text) {
        TrainSpec spec;
        try {
            spec = TrainSpec.parse(text);
        } catch (RuntimeException e) {
            view.say(NOT_USED + e.getMessage(), true);
            return;
        }
        boolean classes = spec.data().labels() == Dataset.Labels.CLASSES;
        if (classes && spec.data().classes() > Classes.MAX) {
            view.say("That run file has " + spec.data().classes() + " classes; this page's trainer draws up to "
                    + Classes.MAX + ". Nothing was changed. The command line trains it: java -jar backprop-lab.jar "
                    + "train --spec FILE.", true);
            return;
        }
        if (classes && spec.inputs() != 2) {
            view.say(NOT_USED + "model.inputs: a run with classes 0..k-1 needs points of the plane (2 inputs).", true);
            return;
        }

        if (spec.inputs() != 2 && spec.inputs() != 1 && TrainSettings.lectureTestShare(spec.data(), spec.seed()) < 0) {
            view.say(NOT_USED + "model.inputs: that run has " + spec.inputs() + " inputs per point; this view trains "
                    + "on points of the plane (2).", true);
            return;
        }
        TrainSettings settings = TrainSettings.fromSpec(spec);
        ModelFile.Saved saved = ModelFile.read(text);
        TrainSettings named = saved.origin() == null ? null : settings.withOrigin(saved.origin(), spec.data());
        if (named != null) {
            settings = named;
        } else if (spec.inputs() == 1) {
            view.say(NOT_USED + "model.inputs: that run has 1 input per point, and this page fits one input only on "
                    + "its own curve y = sin x, from a model saved here.", true);
            return;
        }
        HTMLElement undo = view.undoButton(); // importing replaces the run on show: it can come back
        String refused = startIfPossible(settings, saved.trainedSteps());
        if (refused != null) {
            view.say(NOT_USED + refused, true);
            return;
        }
        boolean model = text.contains("\"" + ModelFile.FORMAT + "\"");
        Trainer.Evaluation current = view.current();
        view.say("Imported a " + (model ? "saved model" : "run") + ": " + settings.dataset.id() + ", "
                + spec.data().size() + " points to train on, layers " + settings.layers + ", " + settings.loss.id()
                + " loss, " + settings.optimizer.id() + " from " + Numbers.compact(settings.lr, 4) + ". Step "
                + saved.trainedSteps() + "'s loss is " + Numbers.compact(current == null ? Double.NaN
                : current.loss(), 8) + "." + (saved.origin() != null && named == null ? " Its dataset did not "
                + "give back its points, so they are used as custom points." : ""));
        if (undo != null) {
            view.addToMessage(undo);
        }
    }

    /**
     * Starts the view again from an imported run's settings, at its step, if a trainer can be built from them;
     * otherwise returns why not, and the current run, settings and charts stay exactly as they were.
     */
    private String startIfPossible(TrainSettings next, int atStep) {
        Dataset train = next.split().train();
        if (train.size() < 2) {
            return "it has fewer than two points to train on.";
        }
        try {
            new Trainer(next.spec(train), next.engine);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        view.startAgainWith(next);
        if (atStep > 0 && view.trainer() != null) {
            // a saved model carries on from the step it was saved at: the step count and the rate's decay go on
            view.trainer().resumeAt(atStep);
            view.charts().clear();
            view.resumed();
        }
        return null;
    }

    private static final String NOT_USED = "That run file was not used, and nothing was changed: ";

    /** The file's size in MB for a message, such as "30 MB" or "5.2 MB". */
    private static String megabytes(double bytes) {
        return Numbers.trimmed(Math.round(bytes / 1e5) / 10.0, 6) + " MB";
    }

    /** Reads the chosen file, unless it is larger than a run file can be: that one is refused before it is read. */
    private void readChosenFile() {
        readFirstFile(importSpec, TrainSpec.MAX_TEXT_LENGTH, (text, bytes) -> {
            if (bytes > TrainSpec.MAX_TEXT_LENGTH) {
                view.say(NOT_USED + "the file is " + megabytes(bytes) + ", and a run file can be at most "
                        + megabytes(TrainSpec.MAX_TEXT_LENGTH) + ". It was not read.", true);
            } else if (text.isEmpty() && bytes > 0) {
                view.say(NOT_USED + "the browser could not read the file.", true);
            } else {
                importRun(text);
            }
        });
    }

    /** Hears a file's text and its size in bytes; the text is empty when the file was too large to read. */
    @JSFunctor
    interface TextListener extends JSObject {
        void read(String text, double bytes);
    }

    @JSBody(params = {"input", "maxBytes", "listener"}, script = "var bplFile = input.files && input.files[0];"
            + "if (!bplFile) { return; }"
            + "if (bplFile.size > maxBytes) { input.value = ''; listener('', bplFile.size); return; }"
            + "var bplReader = new FileReader();"
            + "bplReader.onload = function () { input.value = ''; listener(String(bplReader.result), bplFile.size); };"
            + "bplReader.onerror = function () { input.value = ''; listener('', bplFile.size); };"
            + "bplReader.readAsText(bplFile);")
    private static native void readFirstFile(HTMLInputElement input, int maxBytes, TextListener listener);
}
