package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile run files given to "import a run" (issue 16): each is refused with a message that names the field (or the
 * line and column) at fault, and the run on screen stays exactly as it was: its step, its settings, its loss.
 */
class RunImportIT {
    private static Browser browser;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static double value(String testId) {
        return Double.parseDouble(browser.find(testId).getAttribute("data-value"));
    }

    /** A run spec with the given fields in place of the usual data, model and init. */
    private static String spec(String data, String layers, String extra) {
        return "{" + extra + "\"data\": " + data + ", \"model\": {\"inputs\": 2, \"layers\": " + layers + "},"
                + " \"loss\": {\"type\": \"svm\"}, \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.5},"
                + " \"steps\": 7}";
    }

    private static Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A trainer at step 3 with a learning rate of its own, given the file: the message, and the run unchanged. */
    private static String importInto(Backend backend, Path file) {
        browser.open(backend, "index.html", "view=train&layers=8&lr=0.3");
        browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty());
        browser.js("var b = arguments[0]; for (var i = 0; i < 3; i++) { b.click(); }", browser.find("train-step"));
        double loss = value("loss");
        browser.find("import-spec").sendKeys(file.toString());
        String text = browser.waitFor(d -> {
            String t = browser.find("train-message").getText();
            return t.startsWith("That run file was not used") ? t : null;
        });
        assertEquals(3, (int) value("step-count"), "the run keeps its step: " + text);
        assertEquals(loss, value("loss"), 0.0, "and its weights");
        assertEquals("8", browser.find("layers").getAttribute("value"), "and its settings");
        assertEquals("0.3", browser.find("learning-rate").getAttribute("value"));
        // the file's 7 steps never became the run's limit
        assertTrue(browser.find("step-count").getText().endsWith("/ 100"), browser.find("step-count").getText());
        return text;
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void tenMillionGeneratedPoints(Backend backend) throws IOException {
        String text = importInto(backend, file("n.json", spec("{\"generator\": \"moons\", \"n\": 10000000}",
                "[16, 16, 1]", "")));
        assertTrue(text.contains("data.n: expected at most 1000 points"), text);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void layersOfAHundredNeurons(Backend backend) throws IOException {
        String text = importInto(backend, file("layers.json", spec("{\"generator\": \"moons\"}",
                "[100, 100, 100, 1]", "")));
        assertTrue(text.contains("model.layers[0]: expected at most 64 neurons"), text);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void anInitialWeightTooLargeForADouble(Backend backend) throws IOException {
        String text = importInto(backend, file("init.json", spec("{\"points\": [[0, 0], [1, 1]], \"labels\": [1, -1]}",
                "[1]", "\"init\": [1e309, 0, 0], ")));
        assertTrue(text.contains("init[0]: expected a number between -1e308 and 1e308"), text);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aRegressionTargetWhoseSquareOverflows(Backend backend) throws IOException {
        String text = importInto(backend, file("target.json", "{\"task\": \"regression\", \"data\": {\"points\":"
                + " [[0, 0], [1, 1], [0, 1], [1, 0]], \"targets\": [0.5, -0.5, 1, 1e300]}, \"model\": {\"inputs\": 2,"
                + " \"layers\": [4, 1]}, \"loss\": {\"type\": \"mse\"}, \"optimizer\": {\"type\": \"sgd\","
                + " \"lr_start\": 0.05}, \"steps\": 7}"));
        assertTrue(text.contains("data.targets[3]: expected a number from -100 to 100, got 1e300"), text);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void twentyThousandLevelsOfNesting(Backend backend) throws IOException {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        String text = importInto(backend, file("deep.json", spec("{\"generator\": \"moons\"}", "[16, 16, 1]",
                "\"about\": " + deep + ", ")));
        assertTrue(text.contains("line 1, column") && text.contains("200"), text);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aThirtyMegabyteFileIsRefusedWithoutBeingRead(Backend backend) throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(30_000_000); // zeros: the size alone must refuse it
        }
        String text = importInto(backend, big);
        assertTrue(text.contains("the file is 30 MB, and a run file can be at most 5 MB. It was not read."), text);
    }
}
