package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.TrainSpec;
import org.backproplab.nn.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The train and bench commands, run through picocli as Main will run them, with their output captured. */
class TrainBenchCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Path demoSpec() throws IOException {
        Path file = dir.resolve("demo.json");
        Files.writeString(file, BenchCommand.demoSpecText(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void trainPrintsMicrogradsCurveOneJsonLinePerStep() throws IOException {
        for (String engine : new String[] {"tape", "value"}) {
            Run r = run(new TrainCommand(), "--spec", demoSpec().toString(), "--engine", engine);
            assertEquals(0, r.exit(), r.err());
            String[] lines = r.out().split("\n");
            assertEquals(100, lines.length);
            assertEquals("{\"step\":0,\"loss\":0.8958441028683222,\"accuracy\":0.5}", lines[0]);
            assertTrue(lines[99].startsWith("{\"step\":99,\"loss\":0.01097837013549"), lines[99]);
            assertTrue(lines[99].endsWith(",\"accuracy\":1.0}"), lines[99]);
        }
    }

    @Test
    void tapeIsTheDefaultEngineAndGivesTheSameLines() throws IOException {
        Run byDefault = run(new TrainCommand(), "--spec", demoSpec().toString());
        Run byValue = run(new TrainCommand(), "--spec", demoSpec().toString(), "--engine", "value");
        assertEquals(byValue.out(), byDefault.out()); // the engines agree to the last bit on the demo
    }

    @Test
    void aBadSpecExitsWithCode2AndNamesTheField() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, BenchCommand.demoSpecText().replace("\"steps\": 100", "\"steps\": \"many\""));
        Run r = run(new TrainCommand(), "--spec", bad.toString());
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("error: steps: expected a non-negative integer, got a string", r.err().trim());
    }

    @Test
    void aJsonSyntaxErrorNamesLineAndColumn() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"steps\": 1,\n  \"model\" {}\n}");
        Run r = run(new TrainCommand(), "--spec", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: line 3, column 11: expected ':' after object key"), r.err());
    }

    @Test
    void aModelFileFromTheTrainerTrainsOnFromItsWeights() throws IOException {
        TrainSpec demo = TrainSpec.parse(BenchCommand.demoSpecText());
        Trainer trainer = new Trainer(demo, Trainer.Engine.TAPE);
        for (int k = 0; k < 60; k++) {
            trainer.step();
        }
        TrainSpec trained = new TrainSpec(demo.data(), demo.inputs(), demo.layers(), demo.activation(),
                demo.output(), demo.uniformBias(), trainer.parameterValues(), demo.loss(), demo.optimizer(),
                demo.steps(), demo.batch(), demo.seed());
        Path file = dir.resolve("backprop-model.json");
        Files.writeString(file, ModelFile.write(trained, 60, null), StandardCharsets.UTF_8);
        Run r = run(new TrainCommand(), "--spec", file.toString());
        assertEquals(0, r.exit(), r.err());
        Trainer.Evaluation now = trainer.evaluate(demo.data());
        assertEquals("{\"step\":0,\"loss\":" + now.loss() + ",\"accuracy\":" + now.accuracy() + "}",
                r.out().split("\n")[0], "step 0 starts from the trained weights");
    }

    @Test
    void aMissingFileOrUnknownEngineExitsWith2() {
        assertEquals(2, run(new TrainCommand(), "--spec", dir.resolve("nope.json").toString()).exit());
        Run bench = run(new BenchCommand(), "--quick", "--spec", dir.resolve("nope.json").toString());
        assertEquals(2, bench.exit());
        assertTrue(bench.err().startsWith("error: cannot read "), bench.err());
        Run r = run(new TrainCommand(), "--spec", "x.json", "--engine", "gpu");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--engine: expected value or tape, got 'gpu'"), r.err());
    }

    @Test
    void benchPrintsAJvmRowWithThreeFigures() {
        Run r = run(new BenchCommand(), "--quick");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[1].contains("valueMsPerStep") && lines[1].contains("tapeMsPerStep")
                && lines[1].contains("predictUsPerPoint"), lines[1]);
        String[] row = lines[2].trim().split(" +");
        assertEquals("jvm", row[0]);
        for (int i = 1; i <= 3; i++) {
            double figure = Double.parseDouble(row[i]);
            assertTrue(figure > 0 && Double.isFinite(figure), lines[2]);
        }
    }
}
