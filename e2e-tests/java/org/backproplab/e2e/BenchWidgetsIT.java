package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Twelve trainer widgets playing on one page share one frame budget: every visible widget keeps learning at about
 * the same pace, and the ones scrolled out of view pause until they come back. With -Dbench.print=true (the bench
 * profile) it prints the page's frame p95 and the spread of steps per second, which the benchmark reports; the test
 * itself asserts no speed, only that the budget is shared and hidden widgets rest.
 */
class BenchWidgetsIT {
    private static final int WIDGETS = 12;
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    /** A page of twelve trainers in a 4 × 3 grid, every one of them in view, all playing. */
    private void openTwelvePlaying(Backend backend) {
        browser.viewport(1920, 1200);
        browser.open(backend, "embed-example.html", "");
        browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "document.body.textContent = '';"
                + "var grid = document.createElement('main');"
                + "grid.style.cssText = 'display:grid;grid-template-columns:repeat(4,470px);gap:6px;padding:6px';"
                + "document.body.appendChild(grid);"
                + "var mounts = [];"
                + "for (var i = 0; i < " + WIDGETS + "; i++) {"
                + "  var host = document.createElement('div'); host.setAttribute('data-testid', 'w' + i);"
                + "  grid.appendChild(host);"
                + "  mounts.push(BackpropLab.mount(host, {view: 'train', controls: 'minimal', height: '380',"
                + "    seed: String(i + 1), budget: '0'}));"
                + "}"
                + "Promise.all(mounts).then(function () { done(true); }, function (e) { done(String(e)); });");
        browser.waitFor(d -> browser.driver.findElements(org.openqa.selenium.By.cssSelector(
                "[data-testid=train-play]")).size() == WIDGETS);
        browser.js("document.querySelectorAll('[data-testid=train-play]').forEach(function (b) { b.click(); });");
        browser.waitFor(d -> steps().stream().allMatch(s -> s > 0));
    }

    private List<Double> steps() {
        List<Double> out = new ArrayList<>();
        for (Object v : (List<?>) browser.js("return Array.from(document.querySelectorAll("
                + "'[data-testid=step-count]')).map(function (e) { return Number(e.getAttribute('data-value')); });")) {
            out.add(((Number) v).doubleValue());
        }
        return out;
    }

    /** The page's frame intervals over ms milliseconds, measured by requestAnimationFrame as a person sees them. */
    @SuppressWarnings("unchecked")
    private List<Double> frames(int ms) {
        List<Double> out = new ArrayList<>();
        for (Object v : (List<Object>) browser.driver.executeAsyncScript("var done = arguments[0];"
                + "var gaps = [], last = 0, end = performance.now() + " + ms + ";"
                + "function f(t) { if (last) { gaps.push(t - last); } last = t;"
                + "  if (t < end) { requestAnimationFrame(f); } else { done(gaps); } }"
                + "requestAnimationFrame(f);")) {
            out.add(((Number) v).doubleValue());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void twelvePlayingWidgetsShareOneFrameBudget(Backend backend) {
        openTwelvePlaying(backend);
        frames(1500); // warm-up
        List<Double> before = steps();
        long start = System.nanoTime();
        List<Double> gaps = frames(5000);
        List<Double> after = steps();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < WIDGETS; i++) {
            rates.add((after.get(i) - before.get(i)) / seconds);
        }
        double slowest = Collections.min(rates);
        double fastest = Collections.max(rates);
        assertTrue(slowest > 0, "every widget in view learns: " + rates);
        assertTrue(fastest <= 2 * slowest, "each widget's pace within 2× of the others: " + rates);
        if (Boolean.getBoolean("bench.print")) {
            Collections.sort(gaps);
            double p95 = gaps.get((int) Math.ceil(0.95 * gaps.size()) - 1);
            System.out.printf("%n12 widgets %-5s framesP95Ms=%.1f frames=%d stepsPerSecond min=%.0f max=%.0f"
                    + " (max/min %.2f)%n", backend.expected, p95, gaps.size(), slowest, fastest, fastest / slowest);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void widgetsScrolledOutOfViewRestUntilTheyComeBack(Backend backend) {
        openTwelvePlaying(backend);
        // Scroll the first row just out of view (and the last one stays below the fold).
        browser.js("document.querySelector('main').style.marginBottom = '1500px';"
                + "window.scrollBy(0, document.querySelector('[data-testid=w0]').getBoundingClientRect().bottom + 8);");
        frames(500);
        List<Double> before = steps();
        frames(1500);
        List<Double> after = steps();
        for (int i = 0; i < 4; i++) {
            assertEquals(before.get(i), after.get(i), "widget " + i + " is out of view and rests");
        }
        assertTrue(after.get(4) > before.get(4), "widget 4 is in view and learns");
        assertEquals("true", browser.find("w0").findElement(org.openqa.selenium.By.cssSelector(
                "[data-playing]")).getAttribute("data-playing"), "a resting widget is still playing for its user");
        browser.js("window.scrollTo(0, 0);");
        browser.waitFor(d -> steps().get(0) > after.get(0));
    }
}
