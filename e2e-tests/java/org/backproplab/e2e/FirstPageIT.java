package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The foundation's page: it loads on every backend, Backward gives the lecture's grads, errors keep the list. */
class FirstPageIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static Map<String, Double> grads() {
        Map<String, Double> grads = new HashMap<>();
        for (WebElement node : browser.driver.findElements(By.cssSelector("[data-testid=node]"))) {
            if (node.getAttribute("data-label").isEmpty()) {
                continue; // an unnamed intermediate, such as x1*w1 inside n = x1*w1 + x2*w2 + b
            }
            String grad = node.getAttribute("data-grad");
            grads.put(node.getAttribute("data-label"), grad.isEmpty() ? Double.NaN : Double.parseDouble(grad));
        }
        return grads;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + " but was " + actual);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void lectureProgramBackwardGivesTheLectureGrads(Backend backend) {
        browser.open(backend);
        browser.find("backward").click();
        Map<String, Double> grads = browser.waitFor(d -> {
            Map<String, Double> g = grads();
            return g.containsKey("a") && !g.get("a").isNaN() ? g : null;
        });
        Map<String, Double> expected = Map.of("a", 6.0, "b", -4.0, "c", -2.0, "f", 4.0, "d", -2.0, "e", -2.0,
                "L", 1.0);
        expected.forEach((label, grad) -> assertClose(grad, grads.get(label), "grad of " + label));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void typingANewProgramAndPressingBackwardGivesItsGrads(Backend backend) {
        browser.open(backend);
        browser.type(browser.find("program"), "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.8813735870195432\n"
                + "n = x1*w1 + x2*w2 + b\no = tanh(n)\n");
        browser.find("backward").click();
        Map<String, Double> grads = browser.waitFor(d -> {
            Map<String, Double> g = grads();
            return g.containsKey("o") && !g.get("x1").isNaN() ? g : null;
        });
        assertEquals(7, grads.size());
        assertTrue(Math.abs(grads.get("x1") - -1.5) < 1e-12, "x1 " + grads.get("x1"));
        assertTrue(Math.abs(grads.get("w1") - 1.0) < 1e-12, "w1 " + grads.get("w1"));
        assertTrue(Math.abs(grads.get("x2") - 0.5) < 1e-12, "x2 " + grads.get("x2"));
        assertTrue(Math.abs(grads.get("w2")) < 1e-12, "w2 " + grads.get("w2"));
        assertTrue(Math.abs(grads.get("b") - 0.5) < 1e-12, "b " + grads.get("b"));
        WebElement o = browser.driver.findElement(By.cssSelector("[data-testid=node][data-label=o]"));
        assertTrue(Math.abs(Double.parseDouble(o.getAttribute("data-value")) - 0.7071067811865476) < 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSyntaxErrorShowsLineAndColumnAndKeepsTheOldList(Backend backend) {
        browser.open(backend);
        browser.find("backward").click();
        browser.waitFor(d -> !grads().getOrDefault("a", Double.NaN).isNaN());
        List<WebElement> before = browser.driver.findElements(By.cssSelector("[data-testid=node]"));
        assertEquals(7, before.size());

        browser.type(browser.find("program"), "a = 2.0\nb = a * * 3\n");
        browser.find("backward").click();
        WebElement error = browser.find("error");
        browser.waitFor(d -> error.isDisplayed() && error.getText().contains("Line 2, column 9"));
        assertTrue(error.getText().contains("expected"), error.getText());
        Map<String, Double> grads = grads();
        assertEquals(7, grads.size(), "the last good list stays on screen");
        assertClose(6.0, grads.get("a"), "grad of a");
        assertFalse(grads.containsKey("x"));
    }
}
