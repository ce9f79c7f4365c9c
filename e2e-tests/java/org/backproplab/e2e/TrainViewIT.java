package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.backproplab.data.Datasets;
import org.backproplab.e2e.Browser.Backend;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.TrainSpec;
import org.backproplab.nn.Trainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The trainer as a teacher uses it: step, import a run, play, custom points, CSV, NaN, inspect, links. */
class TrainViewIT {
    private static Browser browser;
    private static final Path DEMO = Path.of("src/main/resources/micrograd-demo.json").toAbsolutePath();

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static void openTrainer(Backend backend, String hash) {
        browser.open(backend, "index.html", "view=train" + (hash.isEmpty() ? "" : "&" + hash));
        browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty());
    }

    private static double value(String testId) {
        return Double.parseDouble(browser.find(testId).getAttribute("data-value"));
    }

    private static void step(int times) {
        browser.js("var b = arguments[0]; for (var i = 0; i < arguments[1]; i++) { b.click(); }",
                browser.find("train-step"), times);
        browser.waitFor(d -> value("step-count") >= times);
    }

    private static void choose(String testId, String value) {
        new Select(browser.find(testId)).selectByValue(value);
    }

    private static void setText(String testId, String text) {
        browser.js("var e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('change'));",
                browser.find(testId), text);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void theDefaultsReachNinetyFivePercentInOneHundredSteps(Backend backend) {
        openTrainer(backend, "");
        double before = value("loss");
        step(100);
        assertEquals(100, (int) value("step-count"));
        assertTrue(value("accuracy") >= 0.95, "train accuracy " + value("accuracy"));
        assertTrue(value("loss") < before, value("loss") + " < " + before);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void importingMicrogradsDemoGivesItsCurve(Backend backend) {
        openTrainer(backend, "");
        browser.find("import-spec").sendKeys(DEMO.toString());
        browser.waitFor(d -> browser.find("train-message").getText().contains("Imported"));
        // the read-outs follow on the next animation frame
        browser.waitFor(d -> Math.abs(value("loss") - 0.8958441028683222) < 1e-9);
        assertEquals(0.8958441028683222, value("loss"), 1e-9, "step 0's loss");
        assertEquals(0.5, value("accuracy"));
        step(99);
        assertEquals(0.010978370135492717, value("loss"), 1e-9, "step 99's loss");
        assertEquals(1.0, value("accuracy"));
    }

    /** The lecture's bug on micrograd's demo: step 0 as before, then the piled-up grads throw the loss above 4. */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void forgettingZeroGradOnTheDemoBlowsTheLossUpAndTheLinkSaysSo(Backend backend) {
        openTrainer(backend, "");
        browser.find("import-spec").sendKeys(DEMO.toString());
        browser.waitFor(d -> Math.abs(value("loss") - 0.8958441028683222) < 1e-9);
        assertFalse(browser.find("forget-zero-grad-note").isDisplayed());
        browser.find("forget-zero-grad").click();
        browser.waitFor(d -> browser.find("train-message").getText().contains("zero_grad"));
        assertTrue(browser.find("forget-zero-grad-note").isDisplayed(), "the sentence says what goes wrong");
        assertTrue(((String) browser.js("return location.hash;")).contains("nozero=1"));
        assertEquals(0.8958441028683222, value("loss"), 1e-9, "the weights are kept");
        step(3);
        assertTrue(value("loss") > 4, "by step 3 the loss has jumped above 4: " + value("loss"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void circlesWithTanhLearnWhilePlaying(Backend backend) {
        openTrainer(backend, "");
        choose("dataset", "circles");
        choose("activation", "tanh");
        choose("budget", "∞");
        double before = value("loss");
        browser.find("train-play").click();
        browser.waitFor(d -> value("step-count") >= 50 && value("loss") < before);
        browser.find("train-play").click();
        assertEquals("false", browser.find("train-view").getAttribute("data-playing"));
        assertTrue(value("loss") < before, value("loss") + " < " + before);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void eachClickAddsOnePointAndEachRightClickRemovesOne(Backend backend) {
        openTrainer(backend, "");
        choose("dataset", "custom");
        int before = (int) value("point-count");
        WebElement canvas = browser.find("boundary");
        for (int i = 0; i < 5; i++) {
            new Actions(browser.driver).moveToElement(canvas, -60 + 30 * i, -40 + 20 * i).click().perform();
            assertEquals(before + i + 1, (int) value("point-count"), "after click " + (i + 1));
        }
        new Actions(browser.driver).moveToElement(canvas, 100, 100).click().perform();
        assertEquals(before + 6, (int) value("point-count"), "after a sixth click");
        browser.js("arguments[0].dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, clientX: arguments[1],"
                + " clientY: arguments[2]}));", canvas, 0, 0);
        assertEquals(before + 5, (int) value("point-count"), "after a right-click");
        browser.js("arguments[0].dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, clientX: arguments[1],"
                + " clientY: arguments[2]}));", canvas, 0, 0);
        assertEquals(before + 4, (int) value("point-count"), "after a second right-click");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aCsvWithABadLineSaysWhereAndKeepsTheData(Backend backend) {
        openTrainer(backend, "");
        choose("dataset", "custom");
        int before = (int) value("point-count");
        browser.find("paste-csv").click();
        browser.js("arguments[0].value = arguments[1];", browser.find("csv"),
                "x,y,label\n0.5,1.0,1\n0.2,oops,-1\n-1,0,0\n");
        browser.find("csv-apply").click();
        String text = browser.find("train-message").getText();
        assertTrue(text.contains("Line 3"), text);
        assertTrue(text.contains("nothing was replaced"), text);
        assertEquals(before, (int) value("point-count"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aHugeLearningRateStopsWithAMessageAndResetRecovers(Backend backend) {
        openTrainer(backend, "");
        setText("learning-rate", "1e6");
        choose("budget", "∞");
        browser.find("train-play").click();
        browser.waitFor(d -> browser.find("train-view").getAttribute("data-nan-step") != null);
        assertEquals("false", browser.find("train-view").getAttribute("data-playing"));
        String text = browser.find("train-message").getText();
        assertTrue(text.contains("Training stopped at step"), text);
        assertTrue(text.contains("smaller one, such as 0.1."), "a rate that learns, not a tenth of 1e6: " + text);
        assertFalse(text.contains("100000"), text);
        assertEquals(0.1, value("use-safer-rate"));
        browser.find("use-safer-rate").click();
        assertEquals("0.1", browser.find("learning-rate").getAttribute("value"));
        assertEquals(0, (int) value("step-count"));
        step(3);
        assertTrue(value("loss") < 2, "trains with 0.1: " + value("loss"));
        setText("learning-rate", "1e6");
        browser.find("train-reset").click();
        assertTrue(Double.isFinite(value("loss")));
        step(3);
        assertTrue(Double.isFinite(value("loss")), "reset recovers: " + value("loss"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aBadTypedNumberIsNamedAndTheFieldKeepsItsLastGoodValue(Backend backend) {
        openTrainer(backend, "");
        double loss = value("loss");
        for (String bad : new String[] {"NaN", "Infinity", "0x10", "1d", "1e999", "abc"}) {
            setText("learning-rate", bad);
            String text = browser.find("train-message").getText();
            assertTrue(text.startsWith("learning rate: "), bad + ": " + text);
            assertEquals("1.0", browser.find("learning-rate").getAttribute("value"), bad);
        }
        setText("points", "4.5");
        assertTrue(browser.find("train-message").getText().contains("points: '4.5' is not a whole number"));
        assertEquals("100", browser.find("points").getAttribute("value"));
        step(1);
        assertEquals(1, (int) value("step-count"));
        assertTrue(value("loss") < loss, "trained with the learning rate 1.0: " + value("loss") + " < " + loss);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void anOutOfRangeNumberIsRefusedNotClampedIntoARestart(Backend backend) {
        openTrainer(backend, "");
        step(3);
        String[][] cases = {
            {"points", "-3", "points: expected a whole number from 4 to 1000, not -3", "100"},
            {"points", "5000", "points: expected a whole number from 4 to 1000, not 5000", "100"},
            {"learning-rate", "-1", "learning rate: expected a number from 0 to 1e9, not -1", "1.0"},
            {"noise", "7", "noise: expected a number from 0 to 2, not 7", "0.1"},
            {"l2", "-0.5", "L2: expected a number from 0 to 10, not -0.5", "0.0001"},
            {"batch", "-2", "batch: expected a whole number from 0 to 1000, not -2", "0"},
            {"learning-rate-end", "abc", "final learning rate: 'abc' is not a number", "0.1"},
            {"seed", "1.5", "seed: '1.5' is not a whole number", "1337"},
        };
        for (String[] c : cases) {
            setText(c[0], c[1]);
            String text = browser.find("train-message").getText();
            assertTrue(text.startsWith(c[2]), c[0] + " " + c[1] + ": " + text);
            assertEquals(c[3], browser.find(c[0]).getAttribute("value"), c[0] + " shows its last good value");
            assertEquals(3, (int) value("step-count"), c[0] + " " + c[1] + " did not restart the run");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void clickingAPointOpensItsGraphWithItsLossTerm(Backend backend) {
        openTrainer(backend, "layers=4");
        step(5);
        WebElement canvas = browser.find("boundary");
        String[] at = canvas.getAttribute("data-point0").split(",");
        double w = canvas.getRect().getWidth();
        double h = canvas.getRect().getHeight();
        new Actions(browser.driver).moveToElement(canvas, (int) Math.round(Double.parseDouble(at[0]) - w / 2),
                (int) Math.round(Double.parseDouble(at[1]) - h / 2)).click().perform();
        WebElement info = browser.waitFor(d -> d.findElement(By.cssSelector("[data-testid=inspect-info]")));
        WebElement output = browser.driver.findElement(By.cssSelector("g[data-testid=node][data-label=loss]"));
        Object outOfView = browser.js("var c = arguments[0].closest('.bpl-canvas').getBoundingClientRect(); var n = 0;"
                + "document.querySelectorAll('g[data-testid=node]').forEach(function (g) {"
                + "  var r = g.getBoundingClientRect(); if (r.left < c.left - 0.5 || r.right > c.right + 0.5"
                + "      || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) { n++; } }); return n;", output);
        assertEquals(0L, outOfView, "the inspected point opens fitted: every one of its Values is in view");
        assertEquals(Double.parseDouble(info.getAttribute("data-value")),
                Double.parseDouble(output.getAttribute("data-value")), 1e-12);
        assertFalse(output.getAttribute("data-grad").isEmpty(), "the graph arrives with its grads");
        browser.find("inspect-back").click();
        assertEquals(5, (int) value("step-count"), "going back keeps the trainer's state");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void inspectDrawsTheDefaultNetworksGraphAndOneNeuronIsAChoice(Backend backend) {
        openTrainer(backend, "");
        step(3);
        browser.find("inspect").click();
        WebElement info = browser.waitFor(d -> d.findElement(By.cssSelector("[data-testid=inspect-info]")));
        assertTrue(info.getText().contains("Values in view; their text appears as you zoom in"), info.getText());
        int nodes = browser.driver.findElements(By.cssSelector("g[data-testid=node]")).size();
        assertTrue(nodes > 300, "the 2-16-16-1 network's example is drawn whole: " + nodes + " Values");
        WebElement output = browser.driver.findElement(By.cssSelector("g[data-testid=node][data-label=loss]"));
        Object outOfView = browser.js("var c = arguments[0].closest('.bpl-canvas').getBoundingClientRect(); var n = 0;"
                + "document.querySelectorAll('g[data-testid=node]').forEach(function (g) {"
                + "  var r = g.getBoundingClientRect(); if (r.left < c.left - 0.5 || r.right > c.right + 0.5"
                + "      || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) { n++; } }); return n;", output);
        assertEquals(0L, outOfView, "the inspected point opens fitted: every one of its Values is in view");
        assertEquals(Double.parseDouble(info.getAttribute("data-value")),
                Double.parseDouble(output.getAttribute("data-value")), 1e-12);
        browser.find("inspect-back").click();
        assertEquals(3, (int) value("step-count"));

        choose("inspect-mode", "neuron");
        browser.find("inspect").click();
        browser.waitFor(d -> d.findElement(By.cssSelector("[data-testid=inspect-info]")).getText()
                .startsWith("Neuron 1 of hidden layer 1"));
        assertTrue(browser.driver.findElements(By.cssSelector("g[data-testid=node]")).size() < 20);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void inCustomModeTheCaptionSaysAClickAddsAPoint(Backend backend) {
        openTrainer(backend, "");
        assertTrue(browser.find("plot-hint").getText().contains("Click a point to see its scalar graph."));
        choose("dataset", "custom");
        String hint = browser.find("plot-hint").getText();
        assertTrue(hint.contains("Click to add a point") && !hint.contains("Click a point to see"), hint);
        choose("click-mode", "inspect");
        assertTrue(browser.find("plot-hint").getText().contains("Click a point to see its scalar graph."));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aNeuronShowsItsHeatmapAndAWeightCanBeReadAndTyped(Backend backend) {
        openTrainer(backend, "layers=3");
        step(2);
        java.util.List<WebElement> circles = browser.driver.findElements(
                By.cssSelector("[data-testid=network] circle"));
        WebElement input = circles.get(0);
        WebElement hidden = circles.get(2);
        new Actions(browser.driver).moveToElement(hidden).perform();
        assertTrue(browser.driver.findElement(By.cssSelector(".bpl-mini")).isDisplayed(), "the neuron's heatmap");
        // the middle of the line from input x1 to hidden neuron 1 is weight 1 of neuron 1
        var a = input.getRect();
        var b = hidden.getRect();
        WebElement svg = browser.driver.findElement(By.cssSelector("[data-testid=network] svg"));
        var s = svg.getRect();
        int mx = (a.getX() + a.getWidth() / 2 + b.getX() + b.getWidth() / 2) / 2 - (s.getX() + s.getWidth() / 2);
        int my = (a.getY() + a.getHeight() / 2 + b.getY() + b.getHeight() / 2) / 2 - (s.getY() + s.getHeight() / 2);
        new Actions(browser.driver).moveToElement(svg, mx, my).click().perform();
        WebElement popover = browser.find("param-popover");
        assertTrue(popover.isDisplayed());
        assertEquals("0", popover.getAttribute("data-index"), "weight 1 of neuron 1 is parameter 0");
        assertTrue(Double.isFinite(Double.parseDouble(popover.getAttribute("data-grad"))));
        double weight = Double.parseDouble(popover.getAttribute("data-value"));
        browser.type(browser.find("param-value"), "Infinity");
        browser.find("param-set").click();
        assertTrue(popover.getText().contains("new value: "), popover.getText());
        assertEquals(weight, Double.parseDouble(browser.find("param-value").getAttribute("value")), 1e-9,
                "the field shows the weight again");
        browser.type(browser.find("param-value"), "2.5");
        browser.find("param-set").click();
        new Actions(browser.driver).moveToElement(svg, mx, my).click().perform();
        assertEquals(2.5, Double.parseDouble(browser.find("param-popover").getAttribute("data-value")));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void theNetworkDiagramShowsTheGradsOfTheStepItDrew(Backend backend) {
        // the lecture's setup, trained two steps here and on the JVM from the same seed: the same 41 grads
        openTrainer(backend, "dataset=lecture&seed=5");
        step(2);
        TrainSpec spec = new TrainSpec(Datasets.lecture(), 3, new int[] {4, 4, 1}, Activation.TANH, Activation.TANH,
                false, null, new Loss(Loss.Type.MSE, Loss.Reduction.SUM, 0), new Optimizer.Settings(
                Optimizer.Kind.SGD, 0.1, 0.1, false, 0.9, 0.9, 0.999, 1e-8), 20, 0, 5);
        Trainer reference = new Trainer(spec, Trainer.Engine.VALUE);
        reference.step();
        reference.step();
        double[] grads = reference.parameterGrads();
        java.util.List<WebElement> circles = browser.driver.findElements(
                By.cssSelector("[data-testid=network] circle"));
        WebElement svg = browser.driver.findElement(By.cssSelector("[data-testid=network] svg"));
        var s = svg.getRect();
        // weight 1 of neuron 1 in hidden layer 1 is parameter 0: the middle of the line from input 1 to that neuron
        // (the middles of the other lines into it lie too near lines that cross them to be clicked reliably)
        for (int j = 0; j < 1; j++) {
            var a = circles.get(j).getRect();
            var b = circles.get(3).getRect();
            int mx = (a.getX() + a.getWidth() / 2 + b.getX() + b.getWidth() / 2) / 2 - (s.getX() + s.getWidth() / 2);
            int my = (a.getY() + a.getHeight() / 2 + b.getY() + b.getHeight() / 2) / 2
                    - (s.getY() + s.getHeight() / 2);
            new Actions(browser.driver).moveToElement(svg, mx, my).click().perform();
            WebElement popover = browser.find("param-popover");
            assertEquals(Integer.toString(j), popover.getAttribute("data-index"));
            assertEquals(grads[j], Double.parseDouble(popover.getAttribute("data-grad")), 1e-9 * Math.abs(grads[j]),
                    "the grad the diagram shows for weight " + (j + 1) + " is the one backward gave");
            popover.findElement(By.xpath(".//button[text()='Close']")).click(); // it may cover the next weight
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void theLectureDatasetBringsTheLecturesSetup(Backend backend) {
        openTrainer(backend, "");
        choose("dataset", "lecture");
        assertEquals("4,4", browser.find("layers").getAttribute("value"));
        assertEquals("tanh", browser.find("activation").getAttribute("value"));
        assertEquals("tanh", browser.find("output").getAttribute("value"));
        assertEquals("mse", browser.find("loss-type").getAttribute("value"));
        assertEquals("0.1", browser.find("learning-rate").getAttribute("value"));
        assertFalse(browser.find("decay").isSelected());
        assertEquals("0", browser.find("test-ratio").getAttribute("value"));
        assertTrue(browser.find("point-count").getText().startsWith("4 points: 4 to train on, 0 to test with"));
        String text = browser.find("train-message").getText();
        assertTrue(text.contains("learning rate 0.1, the rate of the lecture's final training loop"), text);
        double before = value("loss");
        step(20);
        assertTrue(value("loss") < before / 10, "the lecture's loop learns: " + value("loss") + " from " + before);
        choose("dataset", "moons");
        assertEquals("16,16", browser.find("layers").getAttribute("value"), "the demo's network again");
        assertEquals("svm", browser.find("loss-type").getAttribute("value"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void theNeuronButtonsActOnTheChosenLayer(Backend backend) {
        openTrainer(backend, "layers=4,4");
        choose("neuron-layer", "1");
        browser.find("add-neuron").click();
        assertEquals("5,4", browser.find("layers").getAttribute("value"));
        choose("neuron-layer", "2");
        browser.find("remove-neuron").click();
        assertEquals("5,3", browser.find("layers").getAttribute("value"));
        browser.find("add-layer").click();
        assertEquals("5,3,3", browser.find("layers").getAttribute("value"));
        assertEquals(3, browser.driver.findElements(By.cssSelector("[data-testid=neuron-layer] option")).size());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aTrainedRunOutlivesAReloadAndALinkThatChangesNothing(Backend backend) {
        openTrainer(backend, "");
        step(12);
        double loss = value("loss");
        browser.driver.navigate().refresh();
        browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty() && value("step-count") == 12);
        assertEquals(loss, value("loss"), 0.0, "the same weights");
        assertTrue(browser.find("train-message").getText().contains("Your run was kept: step 12"));

        // an ignored bad key leaves the settings as they are: the run goes on
        browser.js("location.hash = location.hash + '&lr=abc';");
        browser.waitFor(d -> browser.find("message").getText().contains("'lr'"));
        assertEquals(12, (int) value("step-count"), "the ignored key did not restart the run");
        assertEquals(loss, value("loss"), 0.0);

        // a link with other settings asks first; keeping the run keeps its address too
        String url = browser.driver.getCurrentUrl();
        browser.js("location.hash = location.hash.replace('seed=1337', 'seed=5');");
        org.openqa.selenium.Alert ask = browser.waitFor(ExpectedConditions.alertIsPresent());
        assertTrue(ask.getText().contains("your run at step 12 will be lost"), ask.getText());
        ask.dismiss();
        assertEquals(12, (int) value("step-count"));
        assertEquals(url, browser.driver.getCurrentUrl());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aChangeThatRestartsTheRunCanBeUndone(Backend backend) {
        openTrainer(backend, "");
        step(7);
        double loss = value("loss");
        choose("dataset", "circles");
        assertEquals(0, (int) value("step-count"));
        browser.find("undo-restart").click();
        assertEquals(7, (int) value("step-count"));
        assertEquals("moons", browser.find("dataset").getAttribute("value"));
        assertEquals(loss, value("loss"), 0.0, "the run's own weights are back");
        step(1);
        assertEquals(8, (int) value("step-count"), "and it trains on from there");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aRunTooBigForTheValueEngineTrainsOnTheTape(Backend backend) {
        // 800 points x about 21,000 parameters: the Value engine would build 17 million Values every step
        openTrainer(backend, "engine=value&n=1000&layers=64,64,64,64,64,64");
        String text = browser.find("message").getText();
        assertTrue(text.contains("'engine'") && text.contains("training uses the compiled tape"), text);
        assertEquals("tape", browser.find("engine").getAttribute("value"));
        step(1);
        assertTrue(Double.isFinite(value("loss")));
        choose("engine", "value");
        assertEquals("tape", browser.find("engine").getAttribute("value"), "choosing it again is refused too");
        assertTrue(browser.find("train-message").getText().contains("compiled tape"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aLinkReproducesTheSettingsAndTheFirstLoss(Backend backend) {
        openTrainer(backend, "");
        choose("dataset", "circles");
        setText("layers", "8,8");
        choose("activation", "tanh");
        setText("learning-rate", "0.5");
        setText("seed", "42");
        double loss = value("loss");
        // the app writes its address at most 10 times a second: the last change shows a moment later
        browser.waitFor(d -> d.getCurrentUrl().contains("seed=42"));
        String url = browser.driver.getCurrentUrl();
        browser.driver.get("about:blank");
        browser.driver.get(url);
        browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty());
        assertEquals("circles", browser.find("dataset").getAttribute("value"));
        assertEquals("8,8", browser.find("layers").getAttribute("value"));
        assertEquals("tanh", browser.find("activation").getAttribute("value"));
        assertEquals("0.5", browser.find("learning-rate").getAttribute("value"));
        assertEquals(loss, value("loss"), 0.0, "the same step-0 loss");
    }
}
