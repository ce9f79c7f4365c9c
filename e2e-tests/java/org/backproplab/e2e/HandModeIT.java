package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.e2e.Browser.Backend;
import org.backproplab.engine.HandCheck;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluator;
import org.backproplab.expr.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Backprop by hand as a student does it: the lecture's graph answered in an order that can be worked out reaches 7
 * of 7, a wrong answer is marked and told the rule but not the number, the keyboard alone is enough, Hint and
 * Reveal help, every preset can be finished, and a teacher's exercise link opens by hand with the program locked.
 */
class HandModeIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static void openByHand(Backend backend, String extra) {
        browser.open(backend, "index.html", "view=graph&hand=1" + extra);
        browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=grad-answer]")).isEmpty());
    }

    private static WebElement node(String label) {
        return browser.driver.findElement(By.cssSelector("g[data-testid=node][data-label='" + label + "']"));
    }

    private static WebElement field(String label) {
        return node(label).findElement(By.cssSelector("input[data-testid=grad-answer]"));
    }

    private static String state(String label) {
        return node(label).getAttribute("data-check");
    }

    /** Clicks a box's field, types the answer and presses Enter, as a student with a mouse does. */
    private static void answer(String label, String text) {
        WebElement f = field(label);
        f.click();
        f.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.ENTER);
    }

    private static int right() {
        return Integer.parseInt(browser.find("hand-progress").getAttribute("data-value"));
    }

    private static String feedback() {
        return browser.find("hand-feedback").getText();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theLecturesGraphAnsweredInAnOrderThatCanBeWorkedOutReachesSevenOfSeven(Backend backend) {
        openByHand(backend, "");
        assertEquals(6, browser.driver.findElements(By.cssSelector("[data-testid=grad-answer]:not([readonly])"))
                .size(), "L's grad is given as 1; the six others are blank");
        assertEquals("1 of 7 right", browser.find("hand-progress").getText());
        assertEquals("7", browser.find("hand-progress").getAttribute("data-total"));
        assertEquals("", node("a").getAttribute("data-grad"), "the drawing's own grads stay unknown");
        String blank = node("f").findElement(By.cssSelector("rect")).getCssValue("fill");
        String[][] order = {{"f", "4"}, {"e", "-2"}, {"c", "-2"}, {"d", "-2.0"}, {"b", "-4"}, {"a", "6"}};
        for (int i = 0; i < order.length; i++) {
            String label = order[i][0];
            answer(label, order[i][1]);
            browser.waitFor(d -> "right".equals(state(label)));
            assertEquals(i + 2, right(), "after " + label);
            assertTrue(feedback().contains("right"), feedback());
        }
        assertNotEquals(blank, node("f").findElement(By.cssSelector("rect")).getCssValue("fill"),
                "a right answer takes the grad's colour");
        assertEquals("7 of 7 right", browser.find("hand-progress").getText());
        assertTrue(browser.find("hand-done").getText().contains("every one worked out by you"),
                browser.find("hand-done").getText());
        // a's grad came in from d = a * b: the edge shows upstream × local = contribution, the panel the code
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=edge-note]")).stream()
                .anyMatch(n -> n.getText().equals("-2.0000 × -3.0000 = 6.0000")));
        List<String> code = browser.driver.findElements(By.cssSelector("[data-testid=hand-code] [data-testid=code-line]"))
                .stream().map(WebElement::getText).toList();
        assertEquals(List.of("a.grad += (−3.0) × (−2.0)   → 6.0"), code);
        assertTrue(browser.find("hand-code").getText().contains("self.grad += other.data * out.grad"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aWrongAIsMarkedWrongAndTheFeedbackNamesTheRuleButNotTheNumber(Backend backend) {
        openByHand(backend, "");
        answer("a", "3");
        browser.waitFor(d -> "wrong".equals(state("a")));
        assertEquals("Not yet: first find the grad of d, the node that a feeds.", feedback());
        assertEquals("true", field("a").getAttribute("aria-invalid"));
        answer("e", "-2");
        answer("d", "-2");
        browser.waitFor(d -> "right".equals(state("d")));
        answer("a", "3");
        browser.waitFor(d -> feedback().startsWith("a reaches d"));
        assertEquals("wrong", state("a"));
        assertEquals("a reaches d through ×: multiply d's grad by the other input's data.", feedback());
        assertFalse(feedback().contains("6"), "the feedback never gives the answer: " + feedback());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=hand-code] [data-testid=code-line]"))
                .isEmpty(), "no code, which would hold the number");
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=edge-note]")).isEmpty());
        assertEquals(3, right(), "L (given), e and d");

        answer("a", "abc");
        browser.waitFor(d -> feedback().startsWith("a.grad: 'abc' is not a number"));
        answer("a", "6");
        browser.waitFor(d -> "right".equals(state("a")));
        assertEquals("false", field("a").getAttribute("aria-invalid"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theKeyboardAloneFinishesTheGraphTabbingInTheOrderBackwardVisits(Backend backend) {
        openByHand(backend, "");
        browser.find("help").sendKeys(Keys.TAB); // from the toolbar's last button, into the drawing
        String[][] order = {{"f", "4"}, {"e", "-2"}, {"c", "-2"}, {"d", "-2"}, {"b", "-4"}, {"a", "6"}};
        for (String[] step : order) {
            WebElement focused = browser.driver.switchTo().activeElement();
            assertEquals("grad of " + step[0], focused.getAttribute("aria-label"), "Tab reaches " + step[0]);
            focused.sendKeys(step[1], Keys.ENTER);
            browser.waitFor(d -> "right".equals(state(step[0])));
            focused.sendKeys(Keys.TAB);
        }
        assertEquals(7, right());
        assertFalse("grad-answer".equals(browser.driver.switchTo().activeElement().getAttribute("data-testid")),
                "Tab after the last field leaves the drawing");
        field("a").sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals("grad of b", browser.driver.switchTo().activeElement().getAttribute("aria-label"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theExerciseLinkOpensByHandWithTheProgramLocked(Backend backend) {
        browser.open(backend);
        browser.js("var s = arguments[0]; s.value = 'neuron'; s.dispatchEvent(new Event('change'));",
                browser.find("presets"));
        browser.waitFor(d -> !d.findElements(By.cssSelector("g[data-testid=node][data-label=o]")).isEmpty());
        browser.find("hand-toggle").click();
        browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=grad-answer]")).isEmpty());
        browser.find("share").click();
        browser.find("share-lock").click();
        WebElement link = browser.find("share-link");
        browser.waitFor(d -> link.getAttribute("value").contains("controls=hidden"));
        String url = link.getAttribute("value");
        assertTrue(url.contains("hand=1"), url);

        browser.driver.get("about:blank");
        browser.driver.get(url);
        browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=grad-answer]")).isEmpty());
        assertEquals("true", browser.find("program").getAttribute("readonly"), "the program is locked");
        assertFalse(browser.find("hand-toggle").isDisplayed(), "by hand it stays");
        assertFalse(browser.find("backward").isEnabled(), "Backward would give the grads away");
        assertTrue(browser.find("exercise-badge").isDisplayed());
        answer("n", "0.5");
        browser.waitFor(d -> "right".equals(state("n")));
        assertEquals(2, right(), "the tanh neuron: o given, n right");
        browser.js("document.activeElement.blur();");
        new Actions(browser.driver).sendKeys("b").perform(); // the shortcut doesn't run backward either
        assertEquals("", node("x1").getAttribute("data-grad"));
    }

    @Test
    void hintShowsTheLocalDerivativeAndRevealCountsAsRevealed() {
        openByHand(Backend.JS, "");
        field("f").click();
        browser.find("hand-hint").click();
        browser.waitFor(d -> feedback().contains("local derivative"));
        assertEquals("On the edge into L (*), the local derivative dL/df is 4.0000.", feedback());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=edge-note]")).stream()
                .anyMatch(n -> n.getText().equals("local dL/df = 4.0000")));
        browser.find("hand-reveal").click();
        browser.waitFor(d -> "revealed".equals(state("f")));
        assertEquals("4.0", field("f").getAttribute("value"));
        assertEquals(1, right(), "revealed is not right");
        assertTrue(browser.find("hand-progress").getText().endsWith("1 revealed"));
        for (String[] a : new String[][] {{"e", "-2"}, {"d", "-2"}, {"c", "-2"}, {"b", "-4"}, {"a", "6"}}) {
            answer(a[0], a[1]);
            browser.waitFor(d -> "right".equals(state(a[0])));
        }
        assertTrue(browser.find("hand-done").getText().contains("revealed: f"), browser.find("hand-done").getText());
        browser.find("hand-reset").click();
        browser.waitFor(d -> right() == 1);
        assertEquals("", field("a").getAttribute("value"), "Start over empties every answer");
    }

    /** Every preset can be finished: each field gets the true grad (computed here, on the JVM) and is right. */
    @Test
    void everyPresetCanBeFinishedAndConstantsAskNothing() {
        openByHand(Backend.JS, "");
        for (Presets.Preset p : Presets.ALL) {
            browser.js("var s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('change'));",
                    browser.find("presets"), p.id());
            browser.waitFor(d -> browser.find("program").getAttribute("value").equals(p.program()));
            Value output = Evaluator.run(p.program()).output();
            List<Value> order = output.topologicalOrder();
            HandCheck truth = new HandCheck(output, false, v -> v.label);
            assertEquals(truth.total(), browser.driver.findElements(By.cssSelector("[data-testid=grad-answer]"))
                    .size(), p.id() + ": one field per Value that isn't a constant");
            for (Value v : truth.asked().subList(1, truth.total())) {
                WebElement f = browser.driver.findElement(By.cssSelector("g[data-index='" + order.indexOf(v)
                        + "'] [data-testid=grad-answer]"));
                browser.js("arguments[0].focus();", f);
                assertEquals(Boolean.TRUE, browser.js("var r = arguments[0].getBoundingClientRect();"
                        + "var s = document.querySelector('svg.bpl-svg').getBoundingClientRect();"
                        + "return r.left >= s.left && r.right <= s.right && r.top >= s.top && r.bottom <= s.bottom;",
                        f), p.id() + ": a field given the focus is panned into view");
                f.sendKeys(Keys.chord(Keys.CONTROL, "a"), Double.toString(truth.grad(v)), Keys.ENTER);
            }
            browser.waitFor(d -> right() == truth.total());
            assertTrue(browser.find("hand-done").isDisplayed(), p.id());
        }
    }

    @Test
    void answersWrittenInAPastedNotebookCellAreCheckedLikeTypedOnes() {
        openByHand(Backend.JS, "&program=" + "a%20%3D%20Value(3.0)%0Ab%20%3D%20a%20%2B%20a%0Aa.grad%20%3D%201.0%0A");
        browser.waitFor(d -> "wrong".equals(state("a")));
        assertEquals("1", field("a").getAttribute("value"));
        answer("a", "2");
        browser.waitFor(d -> "right".equals(state("a")));
    }

    @Test
    void theOutputsGradCanBeAskedTooAndTheModeComesOffCleanly() {
        openByHand(Backend.JS, "&askout=1");
        assertEquals("0 of 7 right", browser.find("hand-progress").getText());
        answer("L", "1");
        browser.waitFor(d -> right() == 1);
        assertTrue(((String) browser.js("return location.hash;")).contains("askout=1"));
        browser.find("hand-toggle").click();
        browser.waitFor(d -> d.findElements(By.cssSelector("[data-testid=grad-answer]")).isEmpty());
        assertNull(node("L").getAttribute("data-check"));
        assertTrue(browser.find("backward").isEnabled());
        browser.find("backward").click();
        assertEquals("6.0", node("a").getAttribute("data-grad"));
    }

    @Test
    void printingTheGraphViewHidesTheAppsControls() {
        openByHand(Backend.JS, "");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            for (String hidden : new String[] {"backward", "program", "hand-hint", "share", "fit", "legend"}) {
                assertFalse(browser.find(hidden).isDisplayed(), hidden + " is not printed");
            }
            assertTrue(node("a").isDisplayed(), "the graph is");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }
}
