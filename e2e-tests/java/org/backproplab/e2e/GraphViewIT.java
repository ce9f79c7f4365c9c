package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The graph view as a student uses it: Backward, the = bug, stepping, gradient check, nudge, errors, big graphs. */
class GraphViewIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static WebElement node(String label) {
        return browser.driver.findElement(By.cssSelector("g[data-testid=node][data-label='" + label + "']"));
    }

    private static double grad(String label) {
        String g = node(label).getAttribute("data-grad");
        return g.isEmpty() ? Double.NaN : Double.parseDouble(g);
    }

    private static double value(String label) {
        return Double.parseDouble(node(label).getAttribute("data-value"));
    }

    private static String fill(String label) {
        return node(label).findElement(By.cssSelector("rect")).getAttribute("fill");
    }

    /** Orange-ish (more red than blue), as negative grads are drawn. */
    private static boolean warm(String hex) {
        return Integer.parseInt(hex.substring(1, 3), 16) > Integer.parseInt(hex.substring(5, 7), 16);
    }

    private static void load(String program) {
        browser.type(browser.find("program"), program);
        browser.find("backward").click(); // Backward re-reads the program at once, without waiting for the pause
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(expected - actual) <= tolerance * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + " but was " + actual);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void backwardColoursTheLectureGraphBySignOfGrad(Backend backend) {
        browser.open(backend);
        assertEquals(7, browser.driver.findElements(By.cssSelector("g[data-testid=node]")).size());
        assertEquals(3, browser.driver.findElements(By.cssSelector("g[data-testid=op]")).size());
        String before = fill("a");
        browser.find("backward").click();
        Map<String, Double> expected = Map.of("a", 6.0, "b", -4.0, "c", -2.0, "f", 4.0, "d", -2.0, "e", -2.0);
        expected.forEach((label, g) -> assertClose(g, grad(label), 1e-12, "grad of " + label));
        assertNotEquals(before, fill("a"), "a positive grad colours the box");
        assertNotEquals(fill("a"), fill("b"), "positive and negative grads look different");
        for (String negative : List.of("b", "c", "d", "e")) {
            assertTrue(warm(fill(negative)), negative + " has a negative grad: orange, got " + fill(negative));
        }
        for (String positive : List.of("a", "f", "L")) {
            assertFalse(warm(fill(positive)), positive + " has a positive grad: blue, got " + fill(positive));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aZeroGradGetsTheNeutralColourAndZeroGradClearsColours(Backend backend) {
        browser.open(backend);
        browser.js("var s = arguments[0]; s.value = 'neuron'; s.dispatchEvent(new Event('change'));",
                browser.find("presets"));
        browser.waitFor(d -> !d.findElements(By.cssSelector("g[data-testid=node][data-label=w2]")).isEmpty());
        String neutral = fill("w2");
        browser.find("backward").click();
        assertEquals(0.0, grad("w2"));
        assertEquals(neutral, fill("w2"), "a grad of 0 keeps the neutral colour");
        assertNotEquals(neutral, fill("w1"));
        assertNotEquals(neutral, fill("x1"));
        assertNotEquals(fill("w1"), fill("x1"), "w1 (+1.0) and x1 (-1.5) have opposite signs");
        browser.find("zero-grad").click();
        assertEquals(0.0, grad("w1"));
        assertEquals(neutral, fill("w1"));
        assertEquals(neutral, fill("x1"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aPlusAHasGradTwoAndTheBugToggleShowsOne(Backend backend) {
        browser.open(backend);
        load("a = 3.0\nb = a + a\n");
        browser.waitFor(d -> d.findElements(By.cssSelector("g[data-testid=node]")).size() == 2);
        assertEquals(2.0, grad("a"));
        browser.find("bug-toggle").click();
        assertTrue(browser.find("bug-banner").isDisplayed());
        assertEquals(1.0, grad("a"), "with = instead of += the second contribution overwrites the first");
        browser.find("bug-toggle").click();
        assertEquals(2.0, grad("a"));
    }

    /**
     * The gradient check and the nudge read the grads the drawing shows: with the = bug on, a.grad shows 1 for
     * b = a + a, so the check must say mismatch for a (numeric 2) and a nudge must move a by 1 × step, not 2.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void withTheBugOnTheCheckAndTheNudgeUseTheGradsShown(Backend backend) {
        browser.open(backend);
        load("a = 3.0\nb = a + a\n");
        browser.waitFor(d -> d.findElements(By.cssSelector("g[data-testid=node]")).size() == 2);
        By rowA = By.cssSelector("[data-testid=gradcheck] [data-label=a]");
        browser.waitFor(d -> "2.0".equals(d.findElement(rowA).getAttribute("data-analytic")));
        browser.waitFor(d -> d.findElement(rowA).getText().contains("ok")); // (the table is redrawn: read it afresh)

        browser.find("bug-toggle").click();
        assertEquals(1.0, grad("a"), "the drawing shows the buggy grad");
        browser.waitFor(d -> "1.0".equals(d.findElement(rowA).getAttribute("data-analytic")));
        browser.waitFor(d -> d.findElement(rowA).getText().contains("mismatch"));
        assertEquals(2.0, Double.parseDouble(browser.waitFor(d -> d.findElement(rowA).getAttribute("data-numeric"))),
                1e-6);

        WebElement step = browser.find("step-size");
        step.clear();
        step.sendKeys("0.01");
        browser.find("nudge").click();
        browser.waitFor(d -> value("a") != 3.0);
        assertEquals(3.01, value("a"), 1e-12, "moved by the grad on screen, 1 × 0.01");
        assertEquals(1.0, grad("a"), "the bug stays on, and so do its grads");
        assertTrue(browser.find("bug-toggle").isSelected());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void steppingOncePerNodeEndsWithTheGradsOfBackward(Backend backend) {
        browser.open(backend);
        browser.js("var s = arguments[0]; s.value = 'reuse'; s.dispatchEvent(new Event('change'));",
                browser.find("presets"));
        browser.waitFor(d -> !d.findElements(By.cssSelector("g[data-testid=node][data-label=f]")).isEmpty());
        browser.find("backward").click();
        Map<String, String> full = new HashMap<>();
        List<WebElement> nodes = browser.driver.findElements(By.cssSelector("g[data-testid=node]"));
        for (WebElement n : nodes) {
            full.put(n.getAttribute("data-index"), n.getAttribute("data-grad"));
        }
        browser.find("zero-grad").click();
        WebElement step = browser.find("step-backward");
        for (int i = 0; i < nodes.size(); i++) {
            step.click();
            if (i == 0) {
                assertEquals(1, browser.driver.findElements(By.cssSelector("g[data-current=true]")).size());
                assertFalse(browser.driver.findElements(By.cssSelector("[data-testid=edge-note]")).isEmpty(),
                        "each incoming edge shows upstream × local = contribution");
            }
        }
        for (WebElement n : browser.driver.findElements(By.cssSelector("g[data-testid=node]"))) {
            assertEquals(full.get(n.getAttribute("data-index")), n.getAttribute("data-grad"),
                    "node " + n.getAttribute("data-label") + " #" + n.getAttribute("data-index"));
        }
        assertEquals(-3.0, grad("a"));
        assertEquals(-8.0, grad("b"));
        assertTrue(browser.find("step-text").getText().contains("Done"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void everyGradcheckRowAgrees(Backend backend) {
        browser.open(backend);
        browser.js("var s = arguments[0]; s.value = 'readme'; s.dispatchEvent(new Event('change'));",
                browser.find("presets"));
        browser.waitFor(d -> !d.findElements(By.cssSelector("g[data-testid=node][data-label=g1]")).isEmpty());
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("[data-testid=gradcheck] [data-label]"));
        assertEquals(2, rows.size(), "one row per leaf: a and b");
        for (WebElement row : rows) {
            double numeric = Double.parseDouble(row.getAttribute("data-numeric"));
            double analytic = Double.parseDouble(row.getAttribute("data-analytic"));
            assertClose(analytic, numeric, 1e-6, "gradcheck of " + row.getAttribute("data-label"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void nudgeRaisesL(Backend backend) {
        browser.open(backend);
        assertEquals("0.01", browser.find("step-size").getAttribute("value"));
        browser.find("nudge").click();
        browser.waitFor(d -> !browser.find("nudge-result").getText().isEmpty());
        double after = value("L");
        assertTrue(after > -8.0, "L went up: " + after);
        assertClose(-7.286496, after, 1e-9, "the lecture's nudged L");
        assertTrue(browser.find("program").getAttribute("value").contains("a = 2.06"),
                "the program text holds the nudged leaf");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aNudgeStepThatIsNotANumberLeavesTheProgramAsItWasAndSaysWhy(Backend backend) {
        browser.open(backend);
        String program = browser.find("program").getAttribute("value");
        WebElement result = browser.find("nudge-result");
        for (String bad : List.of("NaN", "1e999", "0x10", "Infinity", "1d", "abc")) {
            browser.type(browser.find("step-size"), bad);
            browser.find("nudge").click();
            browser.waitFor(d -> result.getText().contains(bad));
            assertTrue(result.getText().startsWith("step: "), "the message names the field: " + result.getText());
            assertEquals(program, browser.find("program").getAttribute("value"), "a step of " + bad);
            assertEquals(-8.0, value("L"));
        }
        assertFalse(browser.find("error").isDisplayed(), "the program itself has no error");
        browser.type(browser.find("step-size"), "1e308"); // a number, but a = 2 + 6e308 is not
        browser.find("nudge").click();
        browser.waitFor(d -> result.getText().contains("too large"));
        assertEquals(program, browser.find("program").getAttribute("value"), "no a = Infinity is written");
        assertFalse(browser.find("error").isDisplayed());
        browser.type(browser.find("step-size"), "0.01");
        browser.find("nudge").click();
        browser.waitFor(d -> browser.find("program").getAttribute("value").contains("a = 2.06"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void hAndATypedLeafThatAreNotNumbersAreRefusedWithTheFieldNamed(Backend backend) {
        browser.open(backend);
        String program = browser.find("program").getAttribute("value");
        browser.type(browser.find("h"), "0x10");
        browser.find("h").sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement table = browser.find("gradcheck");
        browser.waitFor(d -> table.getText().contains("h: '0x10' is not a number"));
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=gradcheck] [data-label]")).isEmpty());
        node("a").click();
        WebElement editor = browser.driver.findElement(By.cssSelector(".bpl-leaf-editor"));
        editor.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "NaN",
                org.openqa.selenium.Keys.ENTER);
        WebElement notice = browser.find("notice");
        browser.waitFor(d -> notice.isDisplayed());
        assertTrue(notice.getText().startsWith("New value for a: 'NaN' is not a number"), notice.getText());
        assertEquals(2.0, value("a"), "the leaf keeps its value");
        assertEquals(program, browser.find("program").getAttribute("value"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aLeafCanBeTypedOrScrubbedOnTheGraphAndTheProgramFollows(Backend backend) {
        browser.open(backend);
        WebElement a = node("a");
        a.click();
        WebElement editor = browser.driver.findElement(By.cssSelector(".bpl-leaf-editor"));
        assertTrue(editor.isDisplayed());
        editor.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "3.5",
                org.openqa.selenium.Keys.ENTER);
        assertEquals(3.5, value("a"));
        assertTrue(browser.find("program").getAttribute("value").startsWith("a = 3.5\n"));
        assertEquals(-2.0 * (3.5 * -3.0 + 10.0), value("L"), 1e-12);
        new Actions(browser.driver).moveToElement(node("c")).clickAndHold().moveByOffset(60, 0).release().perform();
        double c = value("c");
        assertTrue(c > 10.0, "dragging right scrubs c up: " + c);
        assertTrue(browser.find("program").getAttribute("value").contains("c = " + node("c").getAttribute(
                "data-value").replace(".0\"", "")), browser.find("program").getAttribute("value"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void anErrorShowsLineAndColumnAndKeepsTheGraph(Backend backend) {
        browser.open(backend);
        browser.type(browser.find("program"), "a = 2.0\nb = a +\n");
        WebElement error = browser.find("error");
        // the half-typed program shows other errors on the way: wait for the one the whole text gives
        browser.waitFor(d -> error.isDisplayed() && error.getText().startsWith("Line 2, column 8"));
        assertEquals(7, browser.driver.findElements(By.cssSelector("g[data-testid=node]")).size(),
                "the last good graph stays drawn");
        assertEquals(1, browser.driver.findElements(By.cssSelector(".bpl-gutter .bpl-line-error")).size());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aHostileLabelIsRejectedAndNeverBecomesMarkup(Backend backend) {
        browser.open(backend);
        browser.type(browser.find("program"), "x = 1.0\nx<img src=x onerror=alert(1)> = 2.0\n");
        WebElement error = browser.find("error");
        // while the text is typed, the half-typed program shows other errors on the way: wait for this one
        browser.waitFor(d -> error.isDisplayed() && error.getText().contains("unexpected character '<'"));
        assertTrue(browser.driver.findElements(By.cssSelector("img")).isEmpty(), "no element from user text");
        assertEquals(7, browser.driver.findElements(By.cssSelector("g[data-testid=node]")).size());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aTwoThousandNodeProgramRendersAndPansAndFits(Backend backend) {
        browser.open(backend);
        StringBuilder program = new StringBuilder("x0 = 0.5\n");
        for (int i = 1; i < 1000; i++) {
            program.append("x").append(i).append(" = x").append(i - 1).append(" * 0.999\n");
        }
        browser.js("var t = arguments[0]; t.value = arguments[1]; t.dispatchEvent(new Event('input'));",
                browser.find("program"), program.toString());
        browser.waitFor(d -> d.findElements(By.cssSelector("g[data-testid=node]")).size() >= 1999);
        WebElement svg = browser.driver.findElement(By.cssSelector("svg.bpl-svg"));
        String viewport = (String) browser.js("return arguments[0].querySelector('g').getAttribute('transform');",
                svg);
        new Actions(browser.driver).moveToElement(svg, 10, 10).clickAndHold().moveByOffset(120, 40).release()
                .perform();
        String panned = (String) browser.js("return arguments[0].querySelector('g').getAttribute('transform');",
                svg);
        assertNotEquals(viewport, panned, "dragging the background pans");
        browser.find("fit").click();
        double scale = Double.parseDouble(svg.getAttribute("data-scale"));
        double width = Double.parseDouble(svg.getAttribute("data-width"));
        double shown = ((Number) browser.js("return arguments[0].getBoundingClientRect().width;", svg)).doubleValue();
        assertTrue(width * scale <= shown + 1, "fit frames the whole graph: " + width * scale + " <= " + shown);
    }
}
