package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * tutorial.html, used the way a student on an offline laptop would: opened from file:// (where it runs on
 * WebAssembly, as over http), every step's widget mounted with exactly its example and working, no failed request
 * and no script error; and reachable by keyboard alone.
 */
class TutorialIT {
    private static final String PAGE = "tutorial.html";
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
        // Records, from before the page's first script, every script error, rejected promise and failed load
        // (a missing file fires 'error' on its element, which a capturing window listener hears).
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.bplProblems = [];"
                        + "addEventListener('error', function (e) { var t = e.target;"
                        + "  window.bplProblems.push(t && t !== window ? 'failed to load ' + (t.src || t.href)"
                        + "    : 'error: ' + e.message); }, true);"
                        + "addEventListener('unhandledrejection', function (e) {"
                        + "  window.bplProblems.push('rejected: ' + e.reason); });"));
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static void openTutorial(Backend backend) {
        browser.open(backend, PAGE, "");
        browser.waitFor(d -> d.findElements(By.cssSelector("[data-testid=backend]")).size() == 10);
    }

    private static WebElement step(int n, String testId) {
        return browser.driver.findElement(By.cssSelector("backprop-lab[data-step='" + n + "'] [data-testid=" + testId
                + "]"));
    }

    private static double number(String text) {
        return Double.parseDouble(text);
    }

    private static double node(int n, String label, String attribute) {
        String v = step(n, "node][data-label=" + label).getAttribute(attribute);
        return v.isEmpty() ? Double.NaN : number(v);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void fromFileEveryStepWorksWithNoFailedRequestOrError() {
        openTutorial(Backend.FILE);
        List<WebElement> backends = browser.driver.findElements(By.cssSelector("[data-testid=backend]"));
        assertTrue(backends.stream().allMatch(b -> "wasm".equals(b.getAttribute("data-value"))),
                "every widget runs on WebAssembly from file://");
        for (WebElement message : browser.driver.findElements(By.cssSelector("[data-testid=message]"))) {
            assertFalse(message.isDisplayed(), "a widget says: " + message.getText());
        }
        assertTrue(browser.driver.findElements(By.cssSelector(".bpl-load-error")).isEmpty());

        // 1. the derivative of 3x² − 4x + 5 at x = 3: slope 14; a smaller h from the keyboard
        assertEquals("3*x**2 - 4*x + 5", step(1, "fx").getAttribute("value"));
        assertClose(14, number(step(1, "exact-slope").getAttribute("data-value")), "slope at 3");
        assertFalse(step(1, "multi").isDisplayed(), "minimal: panel 2 is hidden");
        step(1, "plot").sendKeys("]");
        browser.waitFor(d -> step(1, "h-value").getText().equals("1e-4"));

        // 2. L = (a·b + c)·f, forward only; a new c gives the new L
        assertClose(-8, node(2, "L", "data-value"), "L");
        assertTrue(Double.isNaN(node(2, "a", "data-grad")), "no grads before Backward");
        browser.type(step(2, "program"), "a = 2.0\nb = -3.0\nc = 12.0\nd = a * b\ne = d + c\nf = -2.0\nL = e * f\n");
        browser.waitFor(d -> node(2, "L", "data-value") == -12);

        // 3. step by step to the leaves, then the same grads from Backward
        By done = By.cssSelector("backprop-lab[data-step='3'] .bpl-step-done");
        for (int i = 0; i < 20 && browser.driver.findElements(done).isEmpty(); i++) {
            step(3, "step-backward").click();
        }
        assertFalse(browser.driver.findElements(done).isEmpty(), "the steps reach the leaves");
        Map<String, Double> byHand = Map.of("a", 6.0, "b", -4.0, "c", -2.0, "d", -2.0, "e", -2.0, "f", 4.0);
        byHand.forEach((label, grad) -> assertClose(grad, node(3, label, "data-grad"), "stepped grad of " + label));
        step(3, "backward").click();
        byHand.forEach((label, grad) -> assertClose(grad, node(3, label, "data-grad"), "grad of " + label));

        // 4. nudging L up by 0.01 × grad: −8 to −7.286496
        step(4, "backward").click();
        step(4, "nudge").click();
        browser.waitFor(d -> !step(4, "nudge-result").getText().isEmpty());
        assertClose(-7.286496, number(step(4, "nudge-result").getAttribute("data-value")), "L after the nudge");

        // 5. the tanh neuron
        assertClose(0.7071067811865476, node(5, "o", "data-value"), "o");
        step(5, "backward").click();
        browser.waitFor(d -> !Double.isNaN(node(5, "x1", "data-grad")));
        assertClose(-1.5, node(5, "x1", "data-grad"), "x1.grad");
        assertClose(1, node(5, "w1", "data-grad"), "w1.grad");
        assertClose(0, node(5, "w2", "data-grad"), "w2.grad");

        // 6. the neuron by hand: n's grad typed right, then the rest revealed; the page hears the widget finish
        assertEquals("1 of 10 right", step(6, "hand-progress").getText(), "o's grad is given");
        WebElement n = step(6, "node][data-label=n] [data-testid=grad-answer");
        n.click();
        n.sendKeys("0.5", Keys.ENTER);
        browser.waitFor(d -> step(6, "hand-progress").getText().startsWith("2 of 10"));
        assertFalse(browser.find("step-6-done").isDisplayed(), "the page's next part waits for the widget");
        for (int i = 0; i < 8; i++) {
            step(6, "hand-reveal").click();
        }
        browser.waitFor(d -> browser.find("step-6-done").isDisplayed());
        assertTrue(browser.find("step-6-done").getText().contains("8 of them revealed"),
                browser.find("step-6-done").getText());

        // 7. the topological order, walked from the output back to the left
        assertEquals("x1 w1 x1w1 x2 w2 x2w2 x1w1x2w2 b n o", String.join(" ", browser.driver.findElements(
                By.cssSelector("backprop-lab[data-step='7'] [data-testid=topo] li")).stream().map(WebElement::getText)
                .toList()));
        for (String expected : new String[] {"o", "n", "b"}) {
            step(7, "step-backward").click();
            assertEquals(expected, browser.driver.findElement(By.cssSelector("backprop-lab[data-step='7'] "
                    + ".bpl-topo-current")).getText());
        }

        // 8. b = a + a: the = bug gives 1, += gives 2
        step(8, "bug-toggle").click();
        step(8, "backward").click();
        assertClose(1, node(8, "a", "data-grad"), "a.grad with the bug");
        step(8, "bug-toggle").click();
        step(8, "backward").click();
        assertClose(2, node(8, "a", "data-grad"), "a.grad with +=");

        // 9. the MLP on moons trains
        assertEquals("moons", step(9, "dataset").getAttribute("value"));
        assertEquals("16,16", step(9, "layers").getAttribute("value"));
        double before = number(step(9, "loss").getAttribute("data-value"));
        for (int i = 0; i < 10; i++) {
            step(9, "train-step").click();
        }
        browser.waitFor(d -> step(9, "step-count").getText().startsWith("10"));
        assertTrue(number(step(9, "loss").getAttribute("data-value")) < before, "the loss falls");

        // 10. the lecture's cell with its grads worked out by hand: checked by Backward; then a cell of one's own
        By answers = By.cssSelector("backprop-lab[data-step='10'] [data-testid=answer]");
        assertEquals(7, browser.driver.findElements(answers).size(), "L, f, e, d, c, a and b by hand");
        step(10, "backward").click();
        browser.waitFor(d -> d.findElements(answers).stream().allMatch(a -> "right".equals(a.getAttribute(
                "data-check"))));
        browser.paste(step(10, "program"), NotebookIT.NEURON_CELL);
        step(10, "backward").click();
        browser.waitFor(d -> !d.findElements(By.cssSelector("backprop-lab[data-step='10'] "
                + "[data-testid=node][data-label='x1*w1']")).isEmpty() && !Double.isNaN(node(10, "x1", "data-grad")));
        assertClose(-1.5, node(10, "x1", "data-grad"), "x1.grad of the pasted cell");
        assertTrue(browser.driver.findElements(answers).isEmpty(), "the pasted cell has no answers");

        assertEquals(List.of(), browser.js("return window.bplProblems;"), "errors and failed loads");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.js("return Array.prototype.map.call("
                + "document.querySelectorAll('script[src], link[href], img[src]'),"
                + " function (e) { return e.src || e.href; });");
        // the loader, the Wasm runtime and module script, 2 style sheets, the icon
        assertTrue(loaded.size() >= 6, "the page's files: " + loaded);
        for (String url : loaded) {
            assertTrue(url.startsWith("file:"), "loaded from outside the folder: " + url);
        }
    }

    @Test
    void everyLinkOfThePageLeadsSomewhere() {
        openTutorial(Backend.FILE);
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.js("return Array.prototype.map.call("
                + "document.querySelectorAll('a[href]'), function (a) {"
                + "  return a.closest('.bpl-lab') ? null : a.getAttribute('href'); }).filter(Boolean);");
        assertTrue(hrefs.size() >= 10, "links: " + hrefs);
        for (String href : hrefs) {
            if (href.startsWith("#")) {
                assertFalse(browser.driver.findElements(By.id(href.substring(1))).isEmpty(), "no target for " + href);
            } else {
                assertTrue(Files.exists(browser.site.resolve(href)), "no file for " + href);
            }
        }
        String appLink = step(9, "open-in-lab").getAttribute("href");
        assertTrue(appLink.startsWith("file:") && appLink.contains("index.html#view=train&dataset=moons"), appLink);
    }

    @Test
    void keyboardOnlyTabToBackwardAndPressIt() {
        openTutorial(Backend.FILE);
        browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Actions keys = new Actions(browser.driver);
        String focused = "";
        for (int i = 0; i < 120 && !focused.equals("backward"); i++) {
            keys.sendKeys(Keys.TAB).perform();
            Object id = browser.js("var e = document.activeElement; return e ? e.getAttribute('data-testid') : null;");
            focused = id == null ? "" : id.toString();
        }
        assertEquals("backward", focused, "Backward is reachable with Tab");
        assertEquals("2", browser.js("return document.activeElement.closest('backprop-lab').getAttribute("
                + "'data-step');"), "the first Backward is step 2's");
        assertTrue(Double.isNaN(node(2, "a", "data-grad")));
        keys.sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> !Double.isNaN(node(2, "a", "data-grad")));
        assertClose(6, node(2, "a", "data-grad"), "a.grad");
        assertClose(-4, node(2, "b", "data-grad"), "b.grad");
        assertTrue(Double.isNaN(node(3, "a", "data-grad")), "the next step's widget is untouched");
    }

    @Test
    void overHttpTheTutorialRunsOnWebAssembly() {
        openTutorial(Backend.WASM);
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=backend]")).stream()
                .allMatch(b -> "wasm".equals(b.getAttribute("data-value"))));
        step(5, "backward").click();
        browser.waitFor(d -> !Double.isNaN(node(5, "x1", "data-grad")));
        assertClose(-1.5, node(5, "x1", "data-grad"), "x1.grad on Wasm");
        assertEquals(List.of(), browser.js("return window.bplProblems;"));
    }
}
