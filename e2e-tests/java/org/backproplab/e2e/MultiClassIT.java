package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Issue 12's classes in the trainer, one page per backend (CI time is short): a link's classes round-trip, every
 * new set learns in a short run (3- and 5-class spirals, blobs, the three function boundaries, custom points of
 * three picked classes, a CSV with a class column), a bad class in a CSV names its line, and Inspect on a 3-class
 * point shows the softmax's exp and log Values.
 */
class MultiClassIT {
    private static Browser browser;
    /** Steps per short run: enough for every set's loss to fall and accuracy to rise (see MultiClassSettingsTest). */
    private static final int STEPS = 25;

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

    private static void choose(String testId, String value) {
        new Select(browser.find(testId)).selectByValue(value);
    }

    /**
     * Plays from step 0 to the link's step limit of STEPS (a few frames, not a redraw per step): the loss falls and
     * the accuracy read-out rises.
     */
    private static void learns(String what) {
        browser.waitFor(d -> value("step-count") == 0);
        choose("budget", Integer.toString(STEPS)); // Use Adam raised it
        double loss = value("loss");
        double accuracy = value("accuracy");
        browser.find("train-play").click();
        browser.waitFor(d -> value("step-count") == STEPS && "false".equals(browser.find("train-view")
                .getAttribute("data-playing")));
        assertTrue(value("loss") < loss, what + ": loss " + loss + " -> " + value("loss"));
        assertTrue(value("accuracy") > accuracy, what + ": accuracy " + accuracy + " -> " + value("accuracy"));
    }

    private static int legendClasses() {
        WebElement legend = browser.find("class-legend");
        return legend.isDisplayed() ? browser.driver.findElements(By.cssSelector("[data-testid=class-legend] "
                + "[data-class]")).size() : 0;
    }

    private static int outputNeurons() {
        Object n = browser.js("var c = document.querySelectorAll('[data-testid=network] circle[data-layer]'), m = 0;"
                + "c.forEach(function (e) { m = Math.max(m, +e.getAttribute('data-layer')); });"
                + "return Array.prototype.filter.call(c, function (e) { return +e.getAttribute('data-layer') === m; })"
                + ".length;");
        return ((Number) n).intValue();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM", "FILE"})
    void everyNewSetLearnsAndTheClassesShow(Backend backend) {
        browser.open(backend, "index.html", "view=train&dataset=spiral&classes=4&budget=" + STEPS);
        browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty());
        assertEquals("4", browser.find("classes").getAttribute("value"), "the link's classes are read");
        assertEquals(4, legendClasses());
        assertEquals(4, outputNeurons(), "one score per class");
        assertTrue(((String) browser.js("return location.hash;")).contains("classes=4"), "and written back");

        choose("dataset", "moons");
        choose("dataset", "spiral");
        assertEquals("3", browser.find("classes").getAttribute("value"), "the menu's spiral has three arms");
        assertEquals(3, outputNeurons());
        assertEquals("200", browser.find("points").getAttribute("value"), "enough points for the arms to show");
        browser.find("use-adam").click(); // the message's way past plain SGD's stall on spirals
        assertEquals("adam", browser.find("optimizer").getAttribute("value"));
        assertEquals("0.03", browser.find("learning-rate").getAttribute("value"));
        learns("3-class spiral");
        choose("classes", "5");
        assertEquals(5, legendClasses());
        learns("5-class spiral");
        for (String set : new String[] {"blobs", "boundary_sin", "boundary_cubic", "boundary_abs"}) {
            choose("dataset", set);
            learns(set);
        }
        assertEquals(0, legendClasses(), "a binary set keeps its + and − marks, without the class key");
        assertEquals("100", browser.find("points").getAttribute("value"), "the spiral's 200 points went with it");
        assertFalse(browser.find("classes").isDisplayed(), "a binary set has no classes setting");
        assertEquals(1, outputNeurons());

        customPointsOfThreePickedClasses();
        csvWithAClassColumn();
        inspectShowsTheSoftmax(backend);
    }

    /** The class picker: three points of each of three classes, clicked onto a cleared plot. */
    private static void customPointsOfThreePickedClasses() {
        choose("dataset", "custom");
        browser.find("clear-points").click();
        WebElement canvas = browser.find("boundary");
        int[][] at = {{-90, -90}, {-70, -100}, {-100, -60}, {90, -90}, {70, -100}, {100, -60}, {0, 90}, {-25, 100},
            {25, 100}};
        String[] classes = {"-1", "+1", "2"};
        for (int i = 0; i < at.length; i++) {
            choose("point-class", classes[i / 3]);
            new Actions(browser.driver).moveToElement(canvas, at[i][0], at[i][1]).click().perform();
        }
        browser.waitFor(d -> value("point-count") == 9);
        assertEquals(3, legendClasses());
        assertEquals(3, outputNeurons());
        choose("test-ratio", "0");
        learns("custom points of three classes");
    }

    /** A CSV's class column: 0..k-1 learns; a bad class names its line and keeps the points. */
    private static void csvWithAClassColumn() {
        StringBuilder csv = new StringBuilder("x,y,class\n");
        for (int i = 0; i < 24; i++) {
            double t = i / 24.0 * 2 * Math.PI;
            csv.append(Math.cos(t)).append(',').append(Math.sin(t)).append(',').append(i * 4 / 24).append('\n');
        }
        browser.find("paste-csv").click();
        browser.js("arguments[0].value = arguments[1];", browser.find("csv"), csv.toString());
        browser.find("csv-apply").click();
        browser.waitFor(d -> value("point-count") == 24);
        assertEquals(4, legendClasses());
        learns("CSV with classes 0 to 3");

        browser.find("paste-csv").click();
        browser.js("arguments[0].value = arguments[1];", browser.find("csv"), "x,y,class\n0,0,0\n1,1,7\n2,2,2\n");
        browser.find("csv-apply").click();
        String text = browser.find("train-message").getText();
        assertTrue(text.contains("Line 3") && text.contains("class '7'") && text.contains("0 to 4"), text);
        assertEquals(24, (int) value("point-count"), "the last good points stay");
    }

    private static void inspectShowsTheSoftmax(Backend backend) {
        browser.open(backend, "index.html", "view=train&dataset=spiral&classes=3&layers=4");
        browser.waitFor(d -> !browser.find("loss").getAttribute("data-value").isEmpty());
        browser.find("inspect").click();
        browser.waitFor(d -> d.findElement(By.cssSelector("[data-testid=inspect-info]")));
        assertEquals(3, browser.driver.findElements(By.cssSelector("g[data-testid=node][data-op=exp]")).size(),
                "one exp per class");
        assertEquals(1, browser.driver.findElements(By.cssSelector("g[data-testid=node][data-op=log]")).size());
        WebElement loss = browser.driver.findElement(By.cssSelector("g[data-testid=node][data-label=loss]"));
        assertEquals(Double.parseDouble(browser.find("inspect-info").getAttribute("data-value")),
                Double.parseDouble(loss.getAttribute("data-value")), 1e-12, "the graph's loss is the point's term");
    }
}
