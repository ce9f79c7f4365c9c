package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backproplab.engine.Choice;
import org.backproplab.nn.MLP;
import org.backproplab.nn.TrainSpec;
import org.backproplab.nn.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train --spec FILE.json [--engine value|tape]}: trains as the spec says and prints one JSON line per step,
 * {@code {"step":k,"loss":…,"accuracy":…}}, the loss being the one computed before update k (as micrograd's demo
 * prints it), every number in full precision. A regression run has no accuracy: its lines are {@code {"step":k,"loss":…}}. A bad spec exits with code 2 and {@code error: ...} on stderr.
 *
 * <p>The limits on a run file are the trainer page's, from {@link TrainSpec}, so a file that trains here also
 * imports there and the other way round; they are listed in {@code train --help} and README.md.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an MLP as a JSON spec says; print one JSON line per step.",
        footer = {"", "A run file is refused (exit code 2, error: FIELD: ...) unless it has at most "
                + TrainSpec.MAX_TEXT_LENGTH + " bytes (5 MB), " + TrainSpec.MAX_POINTS + " points, "
                + TrainSpec.MAX_HIDDEN_LAYERS + " hidden layers of at most " + TrainSpec.MAX_NEURONS + " neurons, "
                + TrainSpec.MAX_INPUTS + " inputs, arrays nested at most " + org.backproplab.data.Json.MAX_DEPTH
                + " deep, only finite numbers and learning rates >= 0: the trainer page's own limits.",
            "--engine value also needs (points per step) x (parameters) <= " + Trainer.MAX_VALUE_ENGINE_WORK
                + ": it builds that many Values every step."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "the training spec (JSON)")
    Path specFile;

    @Option(names = "--engine", defaultValue = "tape", paramLabel = "ENGINE",
            description = "value (micrograd's scalar graph) or tape (compiled); default: ${DEFAULT-VALUE}")
    String engineName;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        Trainer.Engine engine;
        try {
            engine = Choice.parse("--engine", Trainer.Engine.values(), engineName);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        TrainSpec spec = readSpec(specFile, err);
        if (spec == null) {
            return 2;
        }
        if (engine == Trainer.Engine.VALUE && !fitsTheValueEngine(spec, "--engine value", err)) {
            return 2;
        }
        Trainer trainer = new Trainer(spec, engine);
        for (int k = 0; k < spec.steps(); k++) {
            Trainer.Step step = trainer.step();
            out.println("{\"step\":" + step.step() + ",\"loss\":" + json(step.loss())
                    + (spec.regression() ? "" : ",\"accuracy\":" + json(step.accuracy())) + "}");
        }
        out.flush();
        return 0;
    }

    /** Reads and checks a spec file; on failure prints {@code error: ...} to err and returns null (exit code 2). */
    static TrainSpec readSpec(Path file, PrintWriter err) {
        try {
            return TrainSpec.parse(TextFiles.read(file, TrainSpec.MAX_TEXT_LENGTH));
        } catch (TextFiles.Unreadable | TrainSpec.SpecException e) {
            err.println("error: " + e.getMessage());
        }
        err.flush();
        return null;
    }

    /**
     * Whether the Value engine can train spec without running out of memory; if not, says so on err. The limit is
     * a property of micrograd's engine, not of the file: the tape trains the same run in a few megabytes.
     */
    static boolean fitsTheValueEngine(TrainSpec spec, String what, PrintWriter err) {
        long work = Trainer.valueEngineWork(spec);
        if (work <= Trainer.MAX_VALUE_ENGINE_WORK) {
            return true;
        }
        int parameters = MLP.parameterCount(spec.features().count(), spec.layers());
        err.println("error: " + what + ": this run would build about " + work + " Values every step (" + work / parameters
                + " points per step x " + parameters + " parameters); the "
                + "value engine takes at most " + Trainer.MAX_VALUE_ENGINE_WORK + ". Use the tape engine, a smaller "
                + "batch or fewer neurons.");
        err.flush();
        return false;
    }

    /** Full precision (Double.toString round-trips); JSON has no NaN or Infinity, so a diverged number is null. */
    static String json(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "null" : Double.toString(x);
    }
}
