package org.backproplab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backproplab.engine.Choice;
import org.backproplab.nn.TrainSpec;
import org.backproplab.nn.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train --spec FILE.json [--engine value|tape]}: trains as the spec says and prints one JSON line per step,
 * {@code {"step":k,"loss":…,"accuracy":…}}, the loss being the one computed before update k (as micrograd's demo
 * prints it), every number in full precision. A bad spec exits with code 2 and {@code error: ...} on stderr.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an MLP as a JSON spec says; print one JSON line per step.")
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
        Trainer trainer = new Trainer(spec, engine);
        for (int k = 0; k < spec.steps(); k++) {
            Trainer.Step step = trainer.step();
            out.println("{\"step\":" + step.step() + ",\"loss\":" + json(step.loss()) + ",\"accuracy\":"
                    + json(step.accuracy()) + "}");
        }
        out.flush();
        return 0;
    }

    /** Reads and checks a spec file; on failure prints {@code error: ...} to err and returns null (exit code 2). */
    static TrainSpec readSpec(Path file, PrintWriter err) {
        try {
            return TrainSpec.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("error: cannot read " + file + ": " + e.getMessage());
        } catch (TrainSpec.SpecException e) {
            err.println("error: " + e.getMessage());
        }
        err.flush();
        return null;
    }

    /** Full precision (Double.toString round-trips); JSON has no NaN or Infinity, so a diverged number is null. */
    static String json(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "null" : Double.toString(x);
    }
}
