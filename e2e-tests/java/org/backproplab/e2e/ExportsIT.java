package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.backproplab.data.Json;
import org.backproplab.e2e.Browser.Backend;
import org.backproplab.nn.MLP;
import org.backproplab.nn.TrainSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every file the page saves, read back from the downloads folder under the name a user gets: the model JSON (which
 * re-imports with the same predictions), the loss CSV, the boundary and graph pictures, the SVG and the Python.
 * Each runs on both backends and from file://, where nothing may need a server.
 */
class ExportsIT {
    private static Browser browser;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path downloads;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    // ---- helpers ----

    private void openTrainer(Backend backend, String hash) {
        browser.open(backend, "index.html", "view=train" + (hash.isEmpty() ? "" : "&" + hash));
        browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty());
        browser.downloadsTo(downloads);
    }

    private void openGraph(Backend backend) {
        browser.open(backend);
        browser.downloadsTo(downloads);
    }

    private static String value(String testId) {
        return browser.find(testId).getAttribute("data-value");
    }

    private static void step(int times) {
        int before = (int) Double.parseDouble(value("step-count"));
        browser.js("var b = arguments[0]; for (var i = 0; i < arguments[1]; i++) { b.click(); }",
                browser.find("train-step"), times);
        browser.waitFor(d -> (int) Double.parseDouble(value("step-count")) == before + times);
    }

    /** Chooses an item of an Export menu, as a user does: open the menu, click the item. */
    private static void export(String menu, String item) {
        browser.find(menu).click();
        browser.find(item).click();
    }

    private Path download(String name) {
        return browser.download(downloads, name);
    }

    /** Saves the model (expecting this file name), then reads the file back in with "import a run". */
    private Path exportModelAndImportIt(String name) {
        export("train-export", "export-model");
        Path saved = download(name);
        browser.find("import-spec").sendKeys(saved.toString());
        browser.waitFor(d -> browser.find("train-message").getText().contains("Imported a saved model"));
        return saved;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> object, String key) {
        return (List<Object>) object.get(key);
    }

    /** A PNG's width and height from its header, after checking that it is one. */
    private static int[] pngSize(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 100, file + " has " + bytes.length + " bytes");
        byte[] magic = new byte[8];
        System.arraycopy(bytes, 0, magic, 0, 8);
        assertArrayEquals(PNG_MAGIC, magic, file + " starts like a PNG");
        assertEquals("IHDR", new String(bytes, 12, 4, java.nio.charset.StandardCharsets.US_ASCII));
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }

    // ---- the trainer ----

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM", "FILE"})
    void anExportedModelReimportsWithIdenticalPredictions(Backend backend) throws IOException {
        openTrainer(backend, "");
        step(25);
        String loss = value("loss");
        String accuracy = value("accuracy");
        String testLoss = value("test-loss");
        Path saved = exportModelAndImportIt("backprop-model-moons-step25.json");
        Map<String, Object> first = json(saved);
        assertEquals(25.0, first.get("trained_steps"));
        assertEquals(25, Double.parseDouble(value("step-count")), "the model carries on from its step");
        assertEquals("moons", browser.find("dataset").getAttribute("value"), "it comes back as moons, not custom");
        assertEquals(loss, value("loss"), "the same weights on the same points: the same loss to the last bit");
        assertEquals(accuracy, value("accuracy"));
        assertEquals(testLoss, value("test-loss"), "with the same test points");

        saved = Files.move(saved, downloads.resolve("first.json")); // the second file has the same name
        export("train-export", "export-model");
        Map<String, Object> second = json(download("backprop-model-moons-step25.json"));
        assertEquals(first.get("init"), second.get("init"), "the same weights, bit for bit");
        assertEquals(first.get("data"), second.get("data"), "the same points, in the same order");
        List<Object> before = list(first, "scores");
        List<Object> after = list(second, "scores");
        for (int i = 0; i < 10; i++) {
            assertEquals(before.get(i), after.get(i), "the prediction for point " + i + " after re-import");
        }

        // The file on its own (as train --spec reads it) gives those predictions on the JVM too: ReLU and a
        // linear output are only + and *, which JavaScript and WebAssembly round exactly as Java does.
        TrainSpec spec = TrainSpec.parse(Files.readString(saved));
        MLP model = spec.model();
        for (int i = 0; i < 10; i++) {
            assertEquals((Double) before.get(i), model.predict(spec.data().xs()[i]), "point " + i + " on the JVM");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aModelOfTheLecturesFourExamplesReimportsAsThem(Backend backend) throws IOException {
        openTrainer(backend, "dataset=lecture&lr=0.05&test=0.2");
        step(10);
        String loss = value("loss");
        String testLoss = value("test-loss");
        Path saved = exportModelAndImportIt("backprop-model-lecture-step10.json");
        assertEquals(3.0, ((Map<?, ?>) json(saved).get("model")).get("inputs"));
        assertEquals("lecture", browser.find("dataset").getAttribute("value"), "three inputs: the lecture's data");
        assertEquals(loss, value("loss"));
        assertEquals(testLoss, value("test-loss"), "the same example held out for testing");
        assertEquals(10, Double.parseDouble(value("step-count")));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM", "FILE"})
    void aRunThatForgetsZeroGradIsSavedAndReimportedThatWay(Backend backend) throws IOException {
        openTrainer(backend, "nozero=1&layers=4");
        assertTrue(browser.find("forget-zero-grad").isSelected());
        step(3);
        Path saved = exportModelAndImportIt("backprop-model-moons-step3.json");
        assertEquals(Boolean.FALSE, ((Map<?, ?>) json(saved).get("optimizer")).get("zero_grad"));
        assertFalse(TrainSpec.parse(Files.readString(saved)).optimizer().zeroGrad(), "train --spec reads it too");
        assertTrue(browser.find("forget-zero-grad").isSelected(), "the imported run still forgets zero_grad");
        assertTrue(browser.find("forget-zero-grad-note").isDisplayed());
    }

    /**
     * The page's trainer learns up to five classes: a run file with more is refused with a message that says so,
     * and the trainer keeps its settings and its weights.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aRunFileTheTrainerCannotShowYetIsRefusedAndNothingChanges(Backend backend) throws IOException {
        openTrainer(backend, "");
        step(3);
        String loss = value("loss");
        String[] runs = {
            "{\"data\": {\"generator\": \"spiral\", \"classes\": 6}, \"model\": {\"inputs\": 2, \"layers\": [4, 6]},"
                    + " \"loss\": {\"type\": \"softmax\"}, \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.1},"
                    + " \"steps\": 5}",
        };
        String[] said = {"has 6 classes"};
        for (int i = 0; i < runs.length; i++) {
            Path file = downloads.resolve("run" + i + ".json");
            Files.writeString(file, runs[i]);
            browser.find("import-spec").sendKeys(file.toString());
            String expected = said[i];
            browser.waitFor(d -> browser.find("train-message").getText().contains(expected));
            assertTrue(browser.find("train-message").getText().contains("Nothing was changed"));
            assertEquals("moons", browser.find("dataset").getAttribute("value"));
            assertEquals(loss, value("loss"));
            assertEquals(3, (int) Double.parseDouble(value("step-count")));
        }
    }

    /**
     * A 3-class run file imports as custom points of three classes with softmax; the model saved from it (three
     * scores per point) comes back with the same loss, and a saved 3-class spiral comes back as that spiral.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aThreeClassRunImportsAndItsSavedModelComesBack(Backend backend) throws IOException {
        openTrainer(backend, "");
        Path file = downloads.resolve("spiral3.json");
        Files.writeString(file, "{\"data\": {\"generator\": \"spiral\", \"classes\": 3, \"n\": 60}, \"model\":"
                + " {\"inputs\": 2, \"layers\": [8, 3]}, \"loss\": {\"type\": \"softmax\"}, \"optimizer\":"
                + " {\"type\": \"sgd\", \"lr_start\": 0.5}, \"steps\": 50}");
        browser.find("import-spec").sendKeys(file.toString());
        browser.waitFor(d -> browser.find("train-message").getText().contains("Imported a run"));
        assertEquals("custom", browser.find("dataset").getAttribute("value"));
        assertEquals("softmax", browser.find("loss-type").getAttribute("value"));
        assertEquals("3", browser.find("class-legend").getAttribute("data-classes"));
        step(4);
        String loss = value("loss");
        exportModelAndImportIt("backprop-model-custom-step4.json");
        assertEquals(loss, value("loss"), "the same weights on the same points: the same loss");
        List<Object> scores = list(json(downloads.resolve("backprop-model-custom-step4.json")), "scores");
        assertEquals(60, scores.size());
        assertEquals(3, ((List<?>) scores.get(0)).size(), "three scores per point");

        openTrainer(backend, "dataset=spiral&classes=3&layers=8");
        step(2);
        loss = value("loss");
        exportModelAndImportIt("backprop-model-spiral-step2.json");
        assertEquals("spiral", browser.find("dataset").getAttribute("value"), "it comes back as the spiral");
        assertEquals("3", browser.find("classes").getAttribute("value"));
        assertEquals(loss, value("loss"));
    }

    /**
     * A regression run file with features imports (its listed points as custom points with targets), trains, and
     * its saved model comes back with the same features, targets and weights.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aRegressionRunWithFeaturesImportsAndItsModelComesBack(Backend backend) throws IOException {
        openTrainer(backend, "");
        Path file = downloads.resolve("regression.json");
        Files.writeString(file, "{\"task\": \"regression\", \"features\": [\"x1\", \"x2\", \"x1*x2\"],"
                + " \"data\": {\"points\": [[0, 0], [1, 0.5], [-1, 0.25], [0.5, -1], [-0.5, -0.5]],"
                + " \"targets\": [0.1, 0.8, -0.4, -0.2, 0.3]}, \"model\": {\"inputs\": 2, \"layers\": [4, 1]},"
                + " \"loss\": {\"type\": \"mse\"}, \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.05},"
                + " \"steps\": 20}");
        browser.find("import-spec").sendKeys(file.toString());
        browser.waitFor(d -> browser.find("train-message").getText().contains("Imported a run"));
        assertEquals("custom", browser.find("dataset").getAttribute("value"));
        assertTrue(browser.find("feature-x1x2").isSelected(), "the run's features are switched on");
        assertTrue(Double.parseDouble(browser.find("rmse").getAttribute("data-value")) > 0, "a regression's RMSE");
        step(4);
        String loss = value("loss");
        Path saved = exportModelAndImportIt("backprop-model-custom-step4.json");
        assertEquals(List.of("x1", "x2", "x1*x2"), list(json(saved), "features"));
        assertEquals("regression", json(saved).get("task"));
        assertEquals(loss, value("loss"), "the same weights, the same loss");
        assertEquals(4, (int) Double.parseDouble(value("step-count")));

        export("train-export", "export-loss-csv"); // a regression's loss history has no accuracy columns
        List<String> lines = Files.readAllLines(download("backprop-loss-custom-step4.csv"));
        assertEquals("step,train_loss,test_loss", lines.get(0));
        assertEquals(value("loss"), lines.get(5).split(",", -1)[1], "the last row is the current weights");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM", "FILE"})
    void theLossHistoryHasOneRowPerStep(Backend backend) throws IOException {
        openTrainer(backend, "");
        String firstLoss = value("loss");
        step(12);
        export("train-export", "export-loss-csv");
        List<String> lines = Files.readAllLines(download("backprop-loss-moons-step12.csv"));
        assertEquals("step,train_loss,train_accuracy,test_loss,test_accuracy", lines.get(0));
        assertEquals(1 + 13, lines.size(), "steps 0 to 11, then the current weights (step 12)");
        for (int k = 0; k <= 12; k++) {
            String[] cells = lines.get(1 + k).split(",", -1);
            assertEquals(5, cells.length, lines.get(1 + k));
            assertEquals(Integer.toString(k), cells[0]);
            for (int c = 1; c < 5; c++) {
                double figure = Double.parseDouble(cells[c]);
                assertTrue(Double.isFinite(figure) && figure >= 0, lines.get(1 + k));
            }
        }
        assertEquals(firstLoss, lines.get(1).split(",")[1], "step 0 reports the loss of the initial weights");
        String[] last = lines.get(13).split(",");
        assertEquals(value("loss"), last[1], "the last row is the current weights, at full precision");
        assertEquals(value("accuracy"), last[2]);
        assertEquals(value("test-loss"), last[3]);
        assertEquals(value("test-accuracy"), last[4]);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM", "FILE"})
    void theDecisionBoundaryIsAPngOfTheCanvas(Backend backend) throws IOException {
        openTrainer(backend, "");
        step(5);
        WebElement canvas = browser.find("boundary");
        int width = Integer.parseInt(canvas.getAttribute("width"));
        int height = Integer.parseInt(canvas.getAttribute("height"));
        export("train-export", "export-boundary-png");
        int[] size = pngSize(download("backprop-boundary-moons-step5.png"));
        assertEquals(width, size[0], "the canvas's own pixels (its message then makes the plot smaller)");
        assertEquals(height, size[1]);
        assertTrue(size[0] >= 200 && size[1] >= 200, size[0] + "x" + size[1]);
    }

    // ---- the graph ----

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM", "FILE"})
    void anExportedSvgIsWellFormedXmlWithEveryNodeLabel(Backend backend) throws Exception {
        openGraph(backend);
        StringBuilder program = new StringBuilder("x0 = 0.5\n");
        for (int i = 1; i < 300; i++) {
            program.append("x").append(i).append(" = x").append(i - 1).append(" * 0.999 + 0.25\n");
        }
        browser.js("var t = arguments[0]; t.value = arguments[1]; t.dispatchEvent(new Event('input'));",
                browser.find("program"), program.toString());
        browser.waitFor(d -> d.findElements(By.cssSelector("g[data-testid=node][data-label=x299]")).size() == 1);
        browser.find("fit").click(); // far out: the page hides the boxes' text, and the file must not
        WebElement svg = browser.driver.findElement(By.cssSelector("svg.bpl-svg"));
        assertTrue(svg.getAttribute("class").contains("far"), "fitted far out: " + svg.getAttribute("data-scale"));
        Set<String> labels = new HashSet<>();
        for (WebElement node : browser.driver.findElements(By.cssSelector("g[data-testid=node]"))) {
            String label = node.getAttribute("data-label");
            if (!label.isEmpty()) {
                labels.add(label);
            }
        }
        assertEquals(300, labels.size());

        export("export", "export-svg");
        Path file = download("backprop-graph.svg");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        assertEquals("bpl-svg", doc.getDocumentElement().getAttribute("class"), "not the far-out look");
        assertTrue(doc.getDocumentElement().getAttribute("viewBox").startsWith("0 0 "));
        assertEquals(1, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "style").getLength(),
                "the styles travel inside the file");
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        Set<String> written = new HashSet<>();
        for (int i = 0; i < texts.getLength(); i++) {
            written.add(texts.item(i).getTextContent());
        }
        List<String> missing = new ArrayList<>();
        for (String label : labels) {
            if (!written.contains(label)) {
                missing.add(label);
            }
        }
        assertTrue(missing.isEmpty(), "labels missing from the SVG: " + missing);
        assertTrue(written.contains("data 0.5000"), "the boxes' numbers are there too");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM", "FILE"})
    void theGraphAsPngIsAPictureAtTwiceItsSize(Backend backend) throws IOException {
        openGraph(backend);
        browser.find("backward").click();
        WebElement svg = browser.driver.findElement(By.cssSelector("svg.bpl-svg"));
        double width = Double.parseDouble(svg.getAttribute("data-width"));
        double height = Double.parseDouble(svg.getAttribute("data-height"));
        export("export", "export-png");
        int[] size = pngSize(download("backprop-graph.png"));
        assertEquals(2 * width, size[0], 2, "width");
        assertEquals(2 * height, size[1], 2, "height");
        assertTrue(browser.find("notice").getAttribute("hidden") != null, "no complaint");
    }

    /**
     * The worksheet, exported half-way through by hand: a blank box for every grad still to find and for the ones
     * already answered (a worksheet is for the next student), the data filled in, the answer key on a page of its
     * own (Chromium's print to PDF makes two pages of it).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theWorksheetHasTheDataTheBlanksAndTheAnswerKeyOnASecondPage(Backend backend) throws Exception {
        browser.open(backend, "index.html", "view=graph&hand=1");
        browser.downloadsTo(downloads);
        WebElement f = browser.driver.findElement(By.cssSelector("g[data-label=f] [data-testid=grad-answer]"));
        f.click();
        f.sendKeys("4", org.openqa.selenium.Keys.ENTER);
        browser.waitFor(d -> "right".equals(browser.driver.findElement(By.cssSelector("g[data-label=f]"))
                .getAttribute("data-check")));
        export("export", "export-worksheet");
        Path file = download("backprop-worksheet.html");
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
        String svgNs = "http://www.w3.org/2000/svg";
        NodeList rects = doc.getElementsByTagNameNS(svgNs, "rect");
        int blanks = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            org.w3c.dom.Element r = (org.w3c.dom.Element) rects.item(i);
            blanks += "blank".equals(r.getAttribute("class")) ? 1 : 0;
            assertEquals("", r.getAttribute("style"), "no grad colours on the worksheet");
        }
        assertEquals(6, blanks, "a box for every grad but L's, which is given");
        Set<String> texts = new HashSet<>();
        NodeList svgTexts = doc.getElementsByTagNameNS(svgNs, "text");
        for (int i = 0; i < svgTexts.getLength(); i++) {
            texts.add(svgTexts.item(i).getTextContent());
        }
        assertTrue(texts.containsAll(List.of("data 2.0000", "data -3.0000", "data -8.0000", "grad 1", "grad")), texts
                .toString());
        assertTrue(texts.stream().noneMatch(t -> t.startsWith("grad ") && !t.equals("grad 1")), texts.toString());
        assertEquals(0, doc.getElementsByTagNameNS(svgNs, "foreignObject").getLength(), "no fields, no answers");
        assertFalse(html.contains("data-grad=\"4"), "nothing of the page's grads");

        String page = html.substring(0, html.indexOf("Answer key"));
        String key = html.substring(html.indexOf("Answer key"));
        assertFalse(page.contains("a.grad"), "the first page holds no answer");
        assertTrue(key.contains("a.grad += (−3.0) × (−2.0)   → 6.0"), key);
        assertTrue(key.contains("6.0000") && key.contains("-4.0000"), key);

        browser.driver.get(file.toUri().toString());
        browser.waitFor(d -> d.findElements(By.cssSelector("rect.blank")).size() == 6);
        String pdf = new String(java.util.Base64.getDecoder().decode((String) browser.driver.executeCdpCommand(
                "Page.printToPDF", Map.of()).get("data")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(2, pdf.split("/Type /Page\\b(?!s)", -1).length - 1, "the graph, then the answer key");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "FILE"})
    void theProgramAsPythonIsMicrogradCode(Backend backend) throws IOException {
        openGraph(backend);
        export("export", "export-python");
        String py = Files.readString(download("backprop-graph.py"));
        assertTrue(py.contains("from micrograd.engine import Value\n"), py);
        assertTrue(py.contains("a = Value(2.0)\na.label = 'a'\n"), py);
        assertTrue(py.contains("\nL.backward()\n"), py);
        assertFalse(py.contains("label="), py);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void thePythonPastedBackIsTheSameGraphWithTheSameNumbers(Backend backend) throws IOException {
        openGraph(backend);
        browser.js("var s = arguments[0]; s.value = 'neuron-exp'; s.dispatchEvent(new Event('change'));",
                browser.find("presets"));
        browser.waitFor(d -> browser.find("program").getAttribute("value").contains("exp(2 * n)"));
        browser.find("backward").click();
        List<String> before = nodes();
        export("export", "export-python");
        String py = Files.readString(download("backprop-graph.py"));
        assertTrue(py.contains("def exp(self):"), "stock micrograd has no exp: the export defines it");
        browser.paste(browser.find("program"), py);
        browser.find("backward").click();
        browser.waitFor(d -> nodes().equals(before));
        assertFalse(browser.find("error").isDisplayed());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=program-note]")).size() >= 3,
                "the imports and prints are named as skipped");
    }

    /** Every node's label, data and grad, in the order the drawing has them. */
    private static List<String> nodes() {
        return browser.driver.findElements(By.cssSelector("g[data-testid=node]")).stream().map(n ->
                n.getAttribute("data-label") + " " + n.getAttribute("data-value") + " " + n.getAttribute("data-grad"))
                .sorted().toList();
    }
}
