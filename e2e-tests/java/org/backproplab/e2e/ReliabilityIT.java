package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A class leaves the lab running all lesson: the heap must not grow with training, or with widgets a page mounts
 * and destroys. Heap sizes are read after a garbage collection forced through Chromium's DevTools protocol.
 */
class ReliabilityIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    /** The page's live heap in bytes, after a full garbage collection. */
    private static double heapAfterGc() {
        browser.driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        browser.driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Object> usage = browser.driver.executeCdpCommand("Runtime.getHeapUsage", Map.of());
        return ((Number) usage.get("usedSize")).doubleValue();
    }

    private static double step() {
        return Double.parseDouble(browser.find("step-count").getAttribute("data-value"));
    }

    /** Plays until the run has taken at least this many steps, then pauses. */
    private static void trainTo(int steps) {
        browser.find("train-play").click();
        new WebDriverWait(browser.driver, Duration.ofMinutes(10), Duration.ofMillis(500))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> step() >= steps);
        browser.find("train-play").click();
        browser.waitFor(d -> "false".equals(browser.find("train-view").getAttribute("data-playing")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"JS, tape", "JS, value", "WASM, tape", "WASM, value"})
    void tenThousandStepsLeaveTheHeapAsItWasAtStepOneThousand(Backend backend, String engine) {
        // The value engine's runs take a minute each: they are figures for mvn -Pbench verify, the tape's a check
        // for every build.
        org.junit.jupiter.api.Assumptions.assumeTrue(engine.equals("tape") || Boolean.getBoolean("bench.print"),
                "the value engine's 10,000 steps run with -Pbench");
        // 20 points and 8,8 neurons keep the value engine's 10,000 steps to well under a minute.
        browser.open(backend, "index.html", "view=train&budget=0&points=20&layers=8,8&engine=" + engine);
        trainTo(1000);
        double early = heapAfterGc();
        double earlySteps = step();
        trainTo(10_000);
        double late = heapAfterGc();
        // The charts keep every step's loss and accuracy, for the training and the test points (the loss history
        // CSV), in arrays that double as they fill: up to 2 × 4 × 8 bytes a step is the run's record, not a leak.
        double history = 2 * 4 * 8 * (step() - earlySteps);
        System.out.printf("heap %s %s: %.2f MB at step %d, %.2f MB at step %d, of which up to %.2f MB the charts'"
                + " history%n", backend.expected, engine, early / 1e6, (int) earlySteps, late / 1e6, (int) step(),
                history / 1e6);
        assertTrue(late - history <= 1.10 * early, "heap within 10% (besides the history): " + early + " → " + late);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void twoHundredMountsAndDestroysLeaveTheHeapFlat(Backend backend) {
        browser.open(backend, "embed-example.html", "");
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
        String cycles = "var done = arguments[arguments.length - 1], n = arguments[0], views = ['graph', 'train',"
                + " 'derivative'];"
                + "var host = document.createElement('div'); document.body.appendChild(host);"
                + "function cycle(i) {"
                + "  if (i >= n) { done(document.querySelectorAll('.bpl-lab').length); return; }"
                + "  BackpropLab.mount(host, {view: views[i % 3]}).then(function (w) {"
                + "    w.destroy(); cycle(i + 1); }, function (e) { done(String(e)); });"
                + "}"
                + "cycle(0);";
        // The first hundred warm the engine up (compiled code, caches); the next two hundred must add nothing.
        Object widgets = browser.driver.executeAsyncScript(cycles, 100);
        double early = heapAfterGc();
        browser.driver.executeAsyncScript(cycles, 100);
        double middle = heapAfterGc();
        Object after = browser.driver.executeAsyncScript(cycles, 100);
        double late = heapAfterGc();
        System.out.printf("heap %s mount/destroy: %.2f MB after 100 cycles, %.2f MB after 200, %.2f MB after 300%n",
                backend.expected, early / 1e6, middle / 1e6, late / 1e6);
        assertEquals(widgets, after, "every destroyed widget left the page");
        assertTrue(late <= 1.10 * early, "heap flat: " + early + " → " + late);
    }
}
