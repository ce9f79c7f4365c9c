package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        int exit = Main.execute(cl, args);
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

    static final String MINIMAL = "{\"data\": {\"generator\": \"moons\", \"n\": 20}, \"model\": {\"inputs\": 2,"
            + " \"layers\": [4, 1]}, \"loss\": {\"type\": \"svm\"}, \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.5},"
            + " \"steps\": 3}";

    /** Writes a small spec with one edit (from → to) to spec.json. */
    Path spec(String from, String to) throws IOException {
        assertTrue(MINIMAL.contains(from), from);
        return write(MINIMAL.replace(from, to));
    }

    Path write(String text) throws IOException {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A command that fails as a bug would, to test the last line of defence in Main. */
    @CommandLine.Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        final Error error;
        final RuntimeException bug;

        Failing(Error error, RuntimeException bug) {
            this.error = error;
            this.bug = bug;
        }

        @Override
        public Integer call() {
            if (error != null) {
                throw error;
            }
            throw bug;
        }
    }

    /** Exit code 2, one line "error: ..." that starts as expected, nothing on stdout and no Java stack trace. */
    static void assertRefused(Run r, String expectedStart) {
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: " + expectedStart), r.err());
        assertEquals(1, r.err().trim().split("\n").length, r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void hostileSpecsAreRefusedAtOnceNamingTheField() throws IOException {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertRefused(run(new TrainCommand(), "--spec", spec("\"steps\": 3", "\"steps\": 3, \"x\": " + deep).toString()),
                "line 1, column ");
        assertRefused(run(new TrainCommand(), "--spec", spec("\"n\": 20", "\"n\": 2000000000").toString()),
                "data.n: expected at most 1000 points, got 2000000000");
        assertRefused(run(new TrainCommand(), "--spec", spec("\"n\": 20", "\"n\": 10000000").toString()),
                "data.n: expected at most 1000 points, got 10000000");
        assertRefused(run(new TrainCommand(), "--spec", spec("[4, 1]", "[100000, 100000, 1]").toString()),
                "model.layers[0]: expected at most 64 neurons, got 100000");
        assertRefused(run(new TrainCommand(), "--spec", spec("\"lr_start\": 0.5", "\"lr_start\": -1").toString()),
                "optimizer.lr_start: expected a number >= 0, got -1");
        assertRefused(run(new TrainCommand(), "--spec",
                spec("[4, 1]}", "[1]}, \"init\": [1e309, 0, 0]").toString()),
                "init[0]: expected a number between -1e308 and 1e308, got one too large for a double");
    }

    @Test
    void theValueEngineRefusesARunTooBigForItsGraph() throws IOException {
        Path big = write(MINIMAL.replace("\"n\": 20", "\"n\": 1000").replace("[4, 1]", "[64, 64, 64, 64, 64, 64, 1]"));
        assertRefused(run(new TrainCommand(), "--spec", big.toString(), "--engine", "value"),
                "--engine value: this run would build about 21057000 Values every step (1000 points per step x 21057 "
                        + "parameters); the value engine takes at most 1000000.");
        assertRefused(run(new BenchCommand(), "--quick", "--spec", big.toString()), "bench --spec");
        Run tape = run(new TrainCommand(), "--spec", big.toString());
        assertEquals(0, tape.exit(), tape.err());
        assertEquals(3, tape.out().split("\n").length);
    }

    @Test
    void anUnreadableFileSaysWhy() throws IOException {
        String name = dir.resolve("nope.json").toString();
        assertRefused(run(new TrainCommand(), "--spec", name), "cannot read " + name + ": no such file");
        assertRefused(run(new TrainCommand(), "--spec", dir.toString()),
                "cannot read " + dir + ": it is a folder, not a file");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"about\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(run(new TrainCommand(), "--spec", latin1.toString()),
                "cannot read " + latin1 + ": it is not UTF-8 text (byte 15 is 0xE9); save it as UTF-8");
        Path huge = dir.resolve("huge.json");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(30_000_000); // sparse: 30 MB that take no disk, and must not be read
        }
        assertRefused(run(new TrainCommand(), "--spec", huge.toString()),
                "cannot read " + huge + ": it has 30000000 bytes; expected at most 5000000");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path file = write("\uFEFF" + MINIMAL);
        Run r = run(new TrainCommand(), "--spec", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.out().split("\n").length);
    }

    @Test
    void anUnexpectedFailureIsOneErrorLineNotAStackTrace() {
        Run overflow = run(new Failing(new StackOverflowError(), null));
        assertEquals(Main.INTERNAL_ERROR, overflow.exit());
        assertTrue(overflow.err().startsWith("error: the command failed (java.lang.StackOverflowError)"),
                overflow.err());
        assertFalse(overflow.err().contains("\tat "), overflow.err());
        Run bug = run(new Failing(null, new IllegalStateException("a bug")));
        assertEquals(Main.INTERNAL_ERROR, bug.exit());
        assertEquals("error: the command failed (java.lang.IllegalStateException: a bug); please report this, with "
                + "the command and its input", bug.err().trim());
    }

    @Test
    void trainHelpListsTheLimits() {
        Run r = run(new TrainCommand(), "--help");
        assertEquals(0, r.exit());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("at most 5000000 bytes (5 MB), 1000 points, 6 hidden layers of at most 64 neurons"),
                help);
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
