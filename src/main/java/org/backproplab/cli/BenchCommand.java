package org.backproplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backproplab.engine.Numbers;
import org.backproplab.layout.LayoutBench;
import org.backproplab.nn.Bench;
import org.backproplab.nn.MLP;
import org.backproplab.nn.TrainSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: times micrograd's demo training step with the Value engine and with the tape, and predict, on this
 * JVM, with the same {@link Bench} code the browser's bench page runs. Prints a table whose column names are the
 * keys of the page's {@code window.benchResult}, so the JVM row lines up with the JS and Wasm rows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time a training step of micrograd's demo (Value engine and tape) and predict.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--spec", paramLabel = "FILE", description = "time this spec instead of micrograd's demo")
    Path specFile;

    @Option(names = "--quick", description = "a few samples only, to check that it runs")
    boolean quick;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        TrainSpec spec;
        if (specFile == null) {
            try {
                spec = TrainSpec.parse(demoSpecText());
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return 2;
            }
        } else {
            spec = TrainCommand.readSpec(specFile, err);
            if (spec == null || !TrainCommand.fitsTheValueEngine(spec, "bench --spec (it times the value engine too)",
                    err)) {
                return 2;
            }
        }
        Bench.Result r = Bench.run(spec, quick ? Bench.Options.quick() : Bench.Options.standard());
        out.println("spec: " + (specFile == null ? "micrograd demo" : specFile.toString()) + ", MLP("
                + spec.features().count() + ", " + java.util.Arrays.toString(spec.layers()) + "), " + spec.data().size() + " points, "
                + MLP.parameterCount(spec.features().count(), spec.layers()) + " parameters; medians");
        out.println(String.format("%-8s %15s %14s %18s %12s", "backend", "valueMsPerStep", "tapeMsPerStep",
                "predictUsPerPoint", "tapeSpeedup"));
        out.println(String.format("%-8s %15s %14s %18s %12s", "jvm", Numbers.fixed(r.valueMsPerStep(), 3),
                Numbers.fixed(r.tapeMsPerStep(), 4), Numbers.fixed(r.predictUsPerPoint(), 4),
                Numbers.fixed(r.speedup(), 1) + "x"));
        if (!quick) {
            out.println("layout of a 500-node random DAG (graph view): " + Numbers.fixed(LayoutBench.run(), 2)
                    + " ms median");
        }
        out.flush();
        return 0;
    }

    /** The demo spec packaged in the jar (src/main/resources/micrograd-demo.json, the one copy of the fixture). */
    static String demoSpecText() throws IOException {
        try (InputStream in = BenchCommand.class.getResourceAsStream("/micrograd-demo.json")) {
            if (in == null) {
                throw new IOException("micrograd-demo.json is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
