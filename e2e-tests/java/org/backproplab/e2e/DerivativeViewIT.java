package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The derivative explorer (#view=derivative) as a student uses it: the exact slope from backward, the numeric
 * slope for a nudge h all the way down to 1e-31 (where x + h == x and the slope is exactly 0), x set by typing and
 * by dragging, errors that keep the plot, log(x)'s gap, and panel 2's partials of d = a*b + c.
 */
class DerivativeViewIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static void open(Backend backend, String hash) {
        browser.open(backend, "index.html", "view=derivative" + (hash.isEmpty() ? "" : "&" + hash));
        browser.waitFor(d -> !browser.find("exact-slope").getAttribute("data-value").isEmpty());
    }

    private static double value(String testId) {
        return Double.parseDouble(browser.find(testId).getAttribute("data-value"));
    }

    private static double partial(String label, String attribute) {
        return Double.parseDouble(browser.driver.findElement(By.cssSelector("[data-testid=partial][data-label="
                + label + "]")).getAttribute(attribute));
    }

    /** Moves the h slider the way a script or a test does: set its value (log10 h), then fire an event. */
    private static void setH(String exponent, String event) {
        browser.js("var s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event(arguments[2]));",
                browser.find("h"), exponent, event);
    }

    /** Puts text in a field as a paste would, all at once, then leaves the field (input, then change). */
    private static void paste(String testId, String text) {
        browser.js("var f = arguments[0]; f.value = arguments[1]; f.dispatchEvent(new Event('input'));"
                + "f.dispatchEvent(new Event('change'));", browser.find(testId), text);
    }

    /**
     * An attribute of a mark in a chart, read in one step: every redraw (an input, a resize) replaces the marks, so an
     * element found first and read after can already be gone.
     */
    private static String mark(String testId, String attribute) {
        return (String) browser.js("var bplMark = document.querySelector('[data-testid=' + arguments[0] + ']');"
                + "return bplMark ? bplMark.getAttribute(arguments[1]) : null;", testId, attribute);
    }

    private static String curve() {
        return mark("curve", "d");
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " ± " + tolerance
                + " but was " + actual);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSlopeAtTwoIsEightAndTheNudgeBreaksAtTenToTheMinus31(Backend backend) {
        open(backend, "");
        assertEquals("3*x**2 - 4*x + 5", browser.find("fx").getAttribute("value"));
        assertEquals("2", browser.find("x").getAttribute("value"));
        assertEquals(2.0, value("x"));
        assertClose(8, value("exact-slope"), 1e-12, "exact slope at x = 2");
        assertEquals(9.0, value("fx-value"));
        assertEquals("up", browser.find("direction").getAttribute("data-value"));
        assertTrue(browser.find("direction").getText().contains("f goes up"), browser.find("direction").getText());

        setH("-6", "input");
        assertEquals(1e-6, value("h-value"));
        assertClose(8, value("numeric-slope"), 1e-4, "numeric slope with h = 1e-6");
        assertNotEquals(8.0, value("numeric-slope"), "a forward difference is not exact");

        setH("-31", "input");
        assertEquals(1e-31, value("h-value"));
        assertEquals(0.0, value("numeric-slope"), "x + h == x, so the numeric slope is exactly 0");
        assertClose(8, value("exact-slope"), 1e-12, "backward doesn't care about h");
        WebElement note = browser.find("h-note");
        assertEquals("lost", note.getAttribute("data-value"));
        assertTrue(note.getText().contains("x + h == x"), note.getText());
        assertEquals(0.0, Double.parseDouble(mark("secant", "data-slope")), "the secant is flat");
        assertFalse(browser.driver.findElements(By.cssSelector("[data-testid=lost-band]")).isEmpty());
        assertEquals(1e-31, Double.parseDouble(mark("h-marker", "data-value")), "the chart marks the current h");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void typingMinusTwoGivesMinusSixteen(Backend backend) {
        open(backend, "");
        browser.type(browser.find("x"), "-2");
        browser.waitFor(d -> value("exact-slope") == -16.0);
        assertEquals(25.0, value("fx-value"));
        assertEquals("down", browser.find("direction").getAttribute("data-value"));
        assertTrue(browser.find("direction").getText().contains("f goes down"));
        assertEquals(-2.0, Double.parseDouble(mark("point", "data-x")));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void panelTwoGivesTheLecturePartials(Backend backend) {
        open(backend, "");
        setH("-6", "change");
        assertEquals(4.0, value("multi-output"));
        Map<String, Double> expected = Map.of("a", -3.0, "b", 2.0, "c", 1.0);
        expected.forEach((label, grad) -> {
            assertEquals(grad, partial(label, "data-value"), "∂d/∂" + label);
            assertEquals(grad, partial(label, "data-exact"), "∂d/∂" + label);
            assertClose(grad, partial(label, "data-numeric"), 1e-4, "numeric ∂d/∂" + label);
            WebElement row = browser.driver.findElement(By.cssSelector("[data-testid=input-row][data-label=" + label
                    + "]"));
            assertEquals(grad < 0 ? "down" : "up", row.findElement(By.cssSelector("[data-testid=nudge-direction]"))
                    .getAttribute("data-value"));
        });
        assertEquals(2.0, Double.parseDouble(browser.driver.findElement(By.cssSelector(
                "[data-testid=input-row][data-label=a]")).getAttribute("data-value")));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aSliderRewritesTheProgramAndThePartialsFollow(Backend backend) {
        open(backend, "");
        WebElement slider = browser.driver.findElement(By.cssSelector("[data-testid=input-slider][data-label=a]"));
        browser.js("var s = arguments[0]; s.value = '3'; s.dispatchEvent(new Event('input'));"
                + "s.dispatchEvent(new Event('change'));", slider);
        assertTrue(browser.find("multi").getAttribute("value").contains("a = 3.0"),
                browser.find("multi").getAttribute("value"));
        assertEquals(1.0, value("multi-output"), "d = 3 * -3 + 10");
        assertEquals(3.0, partial("b", "data-value"), "∂d/∂b is now a = 3");
        // the app writes its address at most 10 times a second: the last change shows a moment later
        browser.waitFor(d -> d.getCurrentUrl().contains("a%20%3D%203.0")); // the hash holds the program
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aTypoShowsLineAndColumnAndKeepsThePlot(Backend backend) {
        open(backend, "");
        String before = curve();
        assertTrue(before.startsWith("M"), before);
        browser.type(browser.find("fx"), "3*x**2 - 4*x +");
        WebElement error = browser.find("error");
        // typing passes through an empty field, which is an error of its own: wait for the one at the end
        browser.waitFor(d -> error.isDisplayed() && "15".equals(error.getAttribute("data-column")));
        assertTrue(error.getText().startsWith("Line 1, column 15: "), error.getText());
        assertEquals("15", error.getAttribute("data-column"));
        assertEquals(before, curve(), "the last good plot stays");
        assertEquals("3*x**2 - 4*x + 5", mark("curve", "data-fx"));
        assertEquals(8.0, value("exact-slope"), "and so do its numbers");

        browser.type(browser.find("fx"), "2*y + x");
        browser.waitFor(d -> error.getText().contains("unknown name 'y'"));
        assertTrue(error.getText().startsWith("Line 1, column 3: "), error.getText());

        browser.type(browser.find("fx"), "x**3");
        browser.waitFor(d -> !error.isDisplayed());
        assertEquals(12.0, value("exact-slope"), "3x² at 2");
        assertNotEquals(before, curve());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void logPlotsWithAGapOverMinusTwoToTwo(Backend backend) {
        open(backend, "");
        browser.type(browser.find("xmin"), "-2\n");
        browser.type(browser.find("xmax"), "2\n");
        browser.type(browser.find("fx"), "log(x)");
        browser.waitFor(d -> "log(x)".equals(mark("curve", "data-fx")));
        assertFalse(browser.find("error").isDisplayed());
        assertEquals(0.5, value("exact-slope"), "1/x at x = 2");
        String d = curve();
        assertTrue(d.startsWith("M"), d);
        assertFalse(d.contains("NaN") || d.contains("Infinity"), d);
        WebElement svg = browser.find("plot");
        double height = ((Number) browser.js("return arguments[0].getBoundingClientRect().height;", svg))
                .doubleValue();
        String[] numbers = d.replaceAll("[ML]", " ").trim().split("\\s+");
        double zero = svgCenter(svg); // asked once: each ask is a round trip to the browser per point
        for (int i = 1; i < numbers.length; i += 2) {
            double x = Double.parseDouble(numbers[i - 1]);
            double y = Double.parseDouble(numbers[i]);
            assertTrue(y >= -2 * height && y <= 3 * height, "no spike to infinity: y = " + y);
            assertTrue(x >= zero - 5, "nothing drawn left of x = 0, at " + x);
        }
        browser.type(browser.find("x"), "-1");
        browser.waitFor(d2 -> "undefined".equals(browser.find("direction").getAttribute("data-value")));
        assertTrue(browser.find("plot-note").isDisplayed());
        assertEquals("1", mark("curve", "data-pieces"), "one piece: log(x) for x > 0");
        assertEquals("log(x)", mark("curve", "data-fx"));
    }

    /** The pixel of x = 0 on the plot: the middle of the plotting area for [-2, 2]. */
    private static double svgCenter(WebElement svg) {
        WebElement zero = svg.findElements(By.cssSelector("text")).stream()
                .filter(t -> t.getText().equals("0") && "middle".equals(t.getAttribute("text-anchor")))
                .findFirst().orElseThrow();
        return Double.parseDouble(zero.getAttribute("x"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void centralDifferencesHaveAnotherErrorCurve(Backend backend) {
        open(backend, "h=1e-3");
        double forward = value("numeric-slope");
        assertClose(8.003, forward, 1e-9, "forward: 6x − 4 + 3h");
        String forwardCurve = mark("forward-errors", "d");
        String centralCurve = mark("central-errors", "d");
        assertNotEquals(forwardCurve, centralCurve);
        browser.find("central").click();
        assertClose(8, value("numeric-slope"), 1e-9, "central differences are exact for a parabola");
        assertEquals(centralCurve, mark("central-errors", "d"));
        browser.waitFor(d -> d.getCurrentUrl().contains("central=1"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void draggingThePointMovesX(Backend backend) {
        open(backend, "");
        WebElement point = browser.find("point");
        new Actions(browser.driver).moveToElement(point).clickAndHold().moveByOffset(-60, 0).release().perform();
        double x = Double.parseDouble(browser.find("x").getAttribute("value"));
        assertTrue(x < 2, "dragged left: " + x);
        assertEquals(x, Double.parseDouble(mark("point", "data-x")));
        assertClose(6 * x - 4, value("exact-slope"), 1e-9, "the slope follows x");
        browser.waitFor(d -> d.getCurrentUrl().contains("x=" + browser.find("x").getAttribute("value")));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aReloadWhileTheFunctionHasAnErrorOpensTheLastGoodOne(Backend backend) {
        open(backend, "");
        paste("fx", "x**3");
        browser.waitFor(d -> value("exact-slope") == 12.0);
        paste("fx", "x**");
        browser.waitFor(d -> browser.find("error").isDisplayed());
        paste("multi", "a = 2.0\nd = a*a");
        browser.waitFor(d -> partial("a", "data-value") == 4.0);
        paste("multi", "a = 2.0\nd = a*");
        browser.waitFor(d -> browser.find("multi-error").isDisplayed());
        browser.waitFor(d -> d.getCurrentUrl().contains("multi=a%20%3D%202.0%0Ad%20%3D%20a%2Aa")); // the last good one
        String url = browser.driver.getCurrentUrl();
        assertFalse(url.contains("x%2A%2A&") || url.endsWith("a%2A"), "no broken text in the link: " + url);
        browser.driver.navigate().refresh();
        browser.waitFor(d -> !browser.find("exact-slope").getAttribute("data-value").isEmpty());
        assertEquals("x**3", browser.find("fx").getAttribute("value"), "the last good f(x) comes back");
        assertEquals(12.0, value("exact-slope"));
        assertFalse(browser.find("error").isDisplayed());
        assertEquals(4.0, partial("a", "data-value"), "and panel 2's last good program");
    }

    @Test
    void theHashReproducesTheViewAndBadPartsAreNamed() {
        open(Backend.JS, "fx=tanh(x)&x=0.5&h=1e-8&xmin=-3&xmax=3&central=1&multi=p%20%3D%203.0%0Aq%20%3D%20p*p");
        assertEquals("tanh(x)", browser.find("fx").getAttribute("value"));
        assertEquals(1e-8, value("h-value"));
        assertEquals("true", String.valueOf(browser.find("central").isSelected()));
        double t = Math.tanh(0.5);
        assertClose(1 - t * t, value("exact-slope"), 1e-12, "tanh' = 1 − tanh²");
        assertEquals(6.0, partial("p", "data-value"), "d(p²)/dp at 3");
        open(Backend.JS, "x=abc&h=5&central=yes");
        WebElement message = browser.find("message");
        assertTrue(message.isDisplayed());
        assertTrue(message.getText().contains("'x'") && message.getText().contains("'h'")
                && message.getText().contains("'central'"), message.getText());
        assertEquals(8.0, value("exact-slope"), "defaults instead");
    }

    @Test
    void aBadTypedNumberIsNamedAndTheLastGoodOneStays() {
        open(Backend.JS, "");
        String before = curve();
        for (String bad : new String[] {"abc", "NaN", "Infinity", "0x10", "1d", "1e999"}) {
            paste("x", bad);
            String note = browser.find("plot-note").getText();
            assertTrue(browser.find("plot-note").isDisplayed() && note.startsWith("x: ") && note.contains(bad), note);
            assertEquals("2", browser.find("x").getAttribute("value"), "the field goes back to the last good x");
            assertEquals(8.0, value("exact-slope"), bad + " left x alone");
        }
        paste("x", "−1");
        assertEquals(-10.0, value("exact-slope"), "the real minus sign is a minus");
        assertFalse(browser.find("plot-note").isDisplayed(), "a good x clears the note");
        paste("xmin", "1e999");
        assertTrue(browser.find("plot-note").getText().startsWith("Plot from x: 1e999 is too large"),
                browser.find("plot-note").getText());
        paste("xmin", "-5");
        paste("xmax", "0x10");
        assertTrue(browser.find("plot-note").getText().startsWith("Plot to x: '0x10' is not a number"),
                browser.find("plot-note").getText());
        assertEquals(before, curve(), "the plot keeps its range");
    }

    @Test
    void userTextNeverBecomesMarkup() {
        open(Backend.JS, "");
        browser.type(browser.find("fx"), "x<img src=x onerror=alert(1)>");
        WebElement error = browser.find("error");
        browser.waitFor(d -> error.isDisplayed());
        assertTrue(error.getText().contains("unexpected character '<'"), error.getText());
        assertTrue(browser.driver.findElements(By.cssSelector("img")).isEmpty());
    }

    @Test
    void theHSliderAnswersChangeEventsAndKeys() {
        open(Backend.JS, "");
        setH("-12", "change");
        assertEquals(1e-12, value("h-value"));
        browser.waitFor(d -> d.getCurrentUrl().contains("h=1e-12"));
        browser.driver.findElement(By.cssSelector("body")).sendKeys("[");
        assertEquals(1e-11, value("h-value"), "[ makes h ten times larger");
        browser.driver.findElement(By.cssSelector("body")).sendKeys("c");
        assertTrue(browser.find("central").isSelected(), "c switches to central differences");
    }
}
