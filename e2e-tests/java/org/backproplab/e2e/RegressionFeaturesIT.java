package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Regression and input features in the trainer, one page per backend to keep the time small: a link with a task and
 * features round-trips and draws its feature inputs; the toggles change the diagram; the plane, the signed
 * Gaussians and the sin x curve each learn (the loss falls); "features make it linear" splits the circles with one
 * neuron; a bad features link and a bad regression CSV line (a word, or a target beyond ±100) are named, and the old
 * points kept; Inspect shows the squared error and x1sq.
 */
class RegressionFeaturesIT {
    private static Browser browser;

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

    /** Steps the run n more times, and waits until they have been taken. */
    private static void step(int n) {
        int at = (int) value("step-count");
        browser.js("var b = arguments[0]; for (var i = 0; i < arguments[1]; i++) { b.click(); }",
                browser.find("train-step"), n);
        browser.waitFor(d -> value("step-count") >= at + n);
    }

    private static List<String> featureNodes() {
        return browser.driver.findElements(By.cssSelector("[data-testid=feature-node]")).stream()
                .map(e -> e.getAttribute("data-feature")).toList();
    }

    /** Chooses a dataset and waits until the run has started again on it. */
    private static void dataset(String id) {
        new Select(browser.find("dataset")).selectByValue(id);
        browser.waitFor(d -> browser.find("train-message").getText().contains("Dataset: " + id));
    }

    /** The loss falls over n steps. */
    private static void learns(String what, int n) {
        double before = value("loss");
        step(n);
        double after = value("loss");
        assertTrue(after < before * 0.7, what + ": loss " + before + " -> " + after);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM", "FILE"})
    void regressionAndFeaturesTrainAndKeepToTheLink(Backend backend) {
        browser.open(backend, "index.html", "view=train&dataset=plane&features=x1,x2,x1%5E2&n=60");
        browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty());
        assertEquals(List.of("x1", "x2", "x1^2"), featureNodes(), "the link's features are the inputs");
        for (WebElement image : browser.driver.findElements(By.cssSelector("[data-testid=feature-node] image"))) {
            assertTrue(image.getAttribute("href").startsWith("data:image/png"), "each input has its heatmap");
        }
        assertTrue(browser.find("feature-x1sq").isSelected());
        assertFalse(browser.find("feature-x2sq").isSelected());
        assertTrue(browser.find("value-key").isDisplayed(), "the map's colour key");
        assertFalse(browser.find("accuracy").isDisplayed(), "regression has no accuracy");
        assertTrue(value("rmse") > 0, "RMSE instead");
        assertEquals("mse", browser.find("loss-type").getAttribute("value"));
        learns("plane", 30);
        String hash = (String) browser.js("return location.hash;");
        assertTrue(hash.contains("task=regression") && hash.contains("features=x1%2Cx2%2Cx1%5E2")
                || hash.contains("features=x1,x2,x1%5E2") || hash.contains("features=x1,x2,x1^2"), hash);

        browser.find("feature-x1x2").click(); // a toggle makes a new network with one more input
        browser.waitFor(d -> featureNodes().size() == 4);
        assertEquals("x1*x2", featureNodes().get(3));
        browser.find("inspect").click();
        browser.waitFor(d -> !d.findElements(By.cssSelector("g[data-testid=node][data-label=x1sq]")).isEmpty());
        WebElement square = browser.driver.findElement(By.cssSelector("g[data-testid=node][data-label=x1sq]"));
        assertEquals("**2", square.getAttribute("data-op"), "the feature is a Value op on x1");
        assertFalse(browser.driver.findElements(By.cssSelector("g[data-testid=node][data-label=loss]")).isEmpty());
        browser.find("inspect-back").click();

        dataset("gaussians");
        learns("gaussians", 40);
        dataset("sine");
        assertTrue(browser.find("curve").isDisplayed(), "the 1-D fit is a curve, not a map");
        assertFalse(browser.find("boundary").isDisplayed());
        assertTrue(browser.find("feature-x1").getAttribute("disabled") != null, "one input: no features");
        assertEquals(List.of("x1"), featureNodes());
        learns("sine", 60);

        new Select(browser.find("train-examples")).selectByValue("linear_features");
        browser.waitFor(d -> featureNodes().equals(List.of("x1^2", "x2^2")));
        assertEquals("", browser.find("layers").getAttribute("value"), "no hidden layer: one neuron");
        step(100);
        assertTrue(value("accuracy") >= 0.95, "one neuron on x1² and x2²: " + value("accuracy"));

        browser.open(backend, "index.html", "view=train&features=x1,cos(x1)");
        String message = browser.waitFor(d -> browser.find("message").getText());
        assertTrue(message.contains("'features'") && message.contains("cos(x1)"), message);
        assertEquals(List.of("x1", "x2"), featureNodes(), "a bad list keeps the coordinates");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM", "FILE"})
    void aRegressionCsvWithABadTargetSaysWhichLine(Backend backend) {
        browser.open(backend, "index.html", "view=train&dataset=plane&n=20");
        browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty());
        dataset("custom");
        int before = (int) value("point-count");
        browser.find("paste-csv").click();
        browser.js("arguments[0].value = arguments[1];", browser.find("csv"), "x1,x2,target\n0.5,1.0,0.7\n0.2,0.1,big\n");
        browser.find("csv-apply").click();
        String text = browser.find("train-message").getText();
        assertTrue(text.contains("Line 3") && text.contains("target"), text);
        assertEquals(before, (int) value("point-count"), "the points stay");
        // a target whose square overflows is named by its line, and never reaches training
        browser.js("arguments[0].value = arguments[1];", browser.find("csv"), "x1,x2,target\n0.5,1.0,0.7\n"
                + "0.2,0.1,0.3\n0.1,0.1,0.2\n-1,1,1e300\n");
        browser.find("csv-apply").click();
        text = browser.find("train-message").getText();
        assertTrue(text.contains("Line 5: target '1e300' must be a number from -100 to 100"), text);
        assertEquals(before, (int) value("point-count"), "the old points stay");
        browser.screenshot("regression-csv-target-out-of-range-" + backend);
        step(1);
        assertTrue(Double.isFinite(value("loss")), "the run goes on with a finite loss: " + value("loss"));
        browser.js("arguments[0].value = arguments[1];", browser.find("csv"), "x1,x2,target\n0.5,1.0,0.7\n0.2,0.1,-0.4\n"
                + "-1,0.3,1.5\n");
        browser.find("csv-apply").click();
        browser.waitFor(d -> value("point-count") == 3);
        assertTrue(value("rmse") > 0, "still a regression");
        String hash = (String) browser.js("return location.hash;");
        assertTrue(hash.contains("task=regression") && hash.contains("1.5"), hash);

        // a click adds a point with the typed target; a target that isn't a number adds none and says so
        assertFalse(browser.find("point-class").isDisplayed(), "a regression's point has a target, not a class");
        WebElement target = browser.find("point-target");
        target.clear();
        target.sendKeys("0.8");
        new Actions(browser.driver).moveToElement(browser.find("boundary"), 40, -40).click().perform();
        browser.waitFor(d -> value("point-count") == 4);
        assertTrue(browser.find("train-message").getText().contains("target 0.8"), browser.find("train-message")
                .getText());
        target.clear();
        target.sendKeys("high");
        new Actions(browser.driver).moveToElement(browser.find("boundary"), -40, 40).click().perform();
        browser.waitFor(d -> browser.find("train-message").getText().contains("target:"));
        assertEquals(4, (int) value("point-count"), "no point from a bad target");
    }

    /** An embedded trainer widget takes the task and the features as options, like a link. */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS"})
    void anEmbeddedTrainerSeesItsFeatures(Backend backend) {
        browser.open(backend, "embed-example.html", "");
        browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(15));
        Object result = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var host = document.createElement('div'); host.setAttribute('data-testid', 'test-host');"
                + "host.style.width = '900px'; document.body.prepend(host);"
                + "BackpropLab.mount(host, {view: 'train', dataset: 'circles', features: 'x1^2,x2^2', layers: '',"
                + "  controls: 'minimal'}).then(function () { done('ok'); }, function (e) { done('failed: ' + e); });");
        assertEquals("ok", result);
        By nodes = By.cssSelector("[data-testid=test-host] [data-testid=feature-node]");
        browser.waitFor(d -> d.findElements(nodes).size() == 2);
        assertEquals(List.of("x1^2", "x2^2"), browser.driver.findElements(nodes).stream()
                .map(e -> e.getAttribute("data-feature")).toList());
    }

    /** The pictures a teacher judges beside TF Playground: the plane, the sin x fit and the circles through x². */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS"})
    void screenshots(Backend backend) {
        String[][] shots = {{"regression-plane", "dataset=plane&budget=100", "100"},
            {"regression-sine", "dataset=sine&budget=300", "300"}, {"features-linear", "dataset=circles&noise=0.03&features=x1%5E2,x2%5E2&layers=&lr=3&lrend=0.3&budget=100",
            "100"}};
        for (String[] shot : shots) { // one training per picture, shown at both sizes
            browser.viewport(1280, 900);
            browser.open(backend, "index.html", "view=train&" + shot[1]);
            browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty());
            browser.find("train-play").click(); // plays to the run's limit, then pauses
            browser.waitFor(d -> value("step-count") == Integer.parseInt(shot[2])
                    && "false".equals(browser.find("train-view").getAttribute("data-playing")));
            browser.screenshot(shot[0] + "-1280x900");
            browser.viewport(1024, 600);
            browser.waitFor(d -> ((Number) browser.js("return window.innerWidth;")).intValue() == 1024);
            browser.js("return new Promise(function (r) { requestAnimationFrame(function () {"
                    + " requestAnimationFrame(r); }); });"); // the plots have redrawn at the new size
            browser.screenshot(shot[0] + "-1024x600");
        }
        browser.viewport(1280, 900); // as the other tests expect it
    }
}
