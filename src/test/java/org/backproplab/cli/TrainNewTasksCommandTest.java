package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --spec with the softmax loss, a regression task and features: the lines it prints, on both engines. */
class TrainNewTasksCommandTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static double number(String line, String key) {
        int at = line.indexOf("\"" + key + "\":") + key.length() + 3;
        int end = line.indexOf(key.equals("loss") ? ',' : '}', at);
        return Double.parseDouble(line.substring(at, end < 0 ? line.length() - 1 : end));
    }

    @Test
    void regressionLinesHaveAStepAndALossAndNoAccuracy() throws IOException {
        Path spec = write("{\"task\": \"regression\", \"data\": {\"generator\": \"sine\", \"n\": 40},"
                + " \"model\": {\"inputs\": 1, \"layers\": [8, 1], \"activation\": \"tanh\"},"
                + " \"loss\": {\"type\": \"mse\"}, \"optimizer\": {\"type\": \"adam\", \"lr_start\": 0.05},"
                + " \"steps\": 30}");
        String[][] lines = new String[2][];
        int e = 0;
        for (String engine : new String[] {"tape", "value"}) {
            TrainBenchCommandTest.Run r = TrainBenchCommandTest.run(new TrainCommand(), "--spec", spec.toString(),
                    "--engine", engine);
            assertEquals(0, r.exit(), r.err());
            lines[e++] = r.out().split("\n");
        }
        assertEquals(30, lines[0].length);
        for (int k = 0; k < 30; k++) {
            assertTrue(lines[0][k].matches("\\{\"step\":" + k + ",\"loss\":[-0-9.E]+\\}"), lines[0][k]);
            assertEquals(number(lines[0][k], "loss"), number(lines[1][k], "loss"), 1e-9);
        }
        assertTrue(number(lines[0][29], "loss") < number(lines[0][0], "loss"));
    }

    @Test
    void softmaxWithFeaturesPrintsTheAccuracyOfTheArgmax() throws IOException {
        Path spec = write("{\"data\": {\"generator\": \"spiral\", \"classes\": 4, \"n\": 40},"
                + " \"features\": [\"x1\", \"x2\", \"x1*x2\"],"
                + " \"model\": {\"inputs\": 2, \"layers\": [8, 4]}, \"loss\": {\"type\": \"softmax\"},"
                + " \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.5}, \"steps\": 5}");
        TrainBenchCommandTest.Run tape = TrainBenchCommandTest.run(new TrainCommand(), "--spec", spec.toString());
        TrainBenchCommandTest.Run value = TrainBenchCommandTest.run(new TrainCommand(), "--spec", spec.toString(),
                "--engine", "value");
        assertEquals(0, tape.exit(), tape.err());
        String[] t = tape.out().split("\n");
        String[] v = value.out().split("\n");
        for (int k = 0; k < 5; k++) {
            assertTrue(t[k].matches("\\{\"step\":" + k + ",\"loss\":[-0-9.E]+,\"accuracy\":[0-9.E-]+\\}"), t[k]);
            assertEquals(number(v[k], "loss"), number(t[k], "loss"), 1e-9);
            assertEquals(number(v[k], "accuracy"), number(t[k], "accuracy"));
        }
    }

    @Test
    void aBadNewFieldExitsWithTwoAndNamesIt() throws IOException {
        Path spec = write("{\"data\": {\"generator\": \"blobs\", \"classes\": 3},"
                + " \"model\": {\"inputs\": 2, \"layers\": [8, 1]}, \"loss\": {\"type\": \"softmax\"},"
                + " \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.5}, \"steps\": 5}");
        TrainBenchCommandTest.Run r = TrainBenchCommandTest.run(new TrainCommand(), "--spec", spec.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: model.layers: the softmax loss needs one score per class"), r.err());
    }

    @Test
    void aTargetOutOfRangeExitsWithTwoAndNamesIt() throws IOException {
        Path spec = write("{\"task\": \"regression\", \"data\": {\"points\": [[0, 0], [1, 1], [2, 2], [3, 3]],"
                + " \"targets\": [0.5, -0.5, 1, 1e300]}, \"model\": {\"inputs\": 2, \"layers\": [4, 1]},"
                + " \"loss\": {\"type\": \"mse\"}, \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.05}, \"steps\": 5}");
        TrainBenchCommandTest.Run r = TrainBenchCommandTest.run(new TrainCommand(), "--spec", spec.toString());
        assertEquals(2, r.exit(), r.out());
        assertEquals("error: data.targets[3]: expected a number from -100 to 100, got 1e300", r.err().trim());
        assertEquals("", r.out(), "no step is trained on it");
    }
}
