package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Screenshots of the main screens into target/screenshots, at a laptop size and a small-laptop size, so a person
 * can look at what the build produced. Each one first checks that the screen is in the state it claims to show.
 */
class ScreenshotsIT {
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }


    private static void preset(String id) {
        browser.js("var s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('change'));",
                browser.find("presets"), id);
    }

    @Test
    void trainerAtStepsZeroFiftyAndOneHundredAndAnInspectedPoint() throws IOException {
        for (Dimension size : new Dimension[] {new Dimension(1280, 900), new Dimension(1024, 600)}) {
            browser.viewport(size.width, size.height);
            String suffix = "-" + size.width + "x" + size.height;
            browser.open(Backend.JS, "index.html", "view=train");
            browser.screenshot("train-step0" + suffix);
            WebElement step = browser.find("train-step");
            browser.clickTimes(step, 50);
            assertTrue(browser.find("step-count").getText().startsWith("50"));
            browser.screenshot("train-step50" + suffix);
            browser.clickTimes(step, 50);
            browser.screenshot("train-step100" + suffix);
            browser.find("inspect").click(); // 16,16: about 1,000 Values, drawn whole, their text as you zoom in
            browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=inspect-info]")).isEmpty());
            browser.screenshot("train-inspect-16-16" + suffix);
            browser.find("inspect-back").click();
            browser.js("var e = arguments[0]; e.value = '4'; e.dispatchEvent(new Event('change'));",
                    browser.find("layers"));
            browser.clickTimes(step, 30);
            browser.find("inspect").click();
            browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=inspect-info]")).isEmpty());
            browser.screenshot("train-inspect" + suffix);
        }
    }

    /** Issue 12: a 3-class spiral mid-training (argmax map, shapes, legend, three output neurons), and Inspect. */
    @Test
    void aThreeClassSpiralMidTraining() throws IOException {
        for (Dimension size : new Dimension[] {new Dimension(1280, 900), new Dimension(1024, 600)}) {
            browser.viewport(size.width, size.height);
            String suffix = "-" + size.width + "x" + size.height;
            browser.open(Backend.JS, "index.html", "view=train&dataset=spiral&classes=3&n=200&noise=0&opt=adam&lr=0.03"
                    + "&decay=0&budget=500");
            browser.js("var b = arguments[0]; for (var i = 0; i < 150; i++) { b.click(); }", browser.find("train-step"));
            browser.waitFor(d -> browser.find("step-count").getText().startsWith("150"));
            assertEquals("3", browser.find("class-legend").getAttribute("data-classes"));
            browser.screenshot("train-spiral3-step150" + suffix);
            browser.find("inspect").click();
            browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=inspect-info]")).isEmpty());
            browser.screenshot("train-spiral3-inspect" + suffix);
        }
    }

    @Test
    void everyViewOnATablet() throws IOException {
        browser.viewport(768, 1024);
        for (String view : new String[] {"graph", "train", "derivative"}) {
            browser.open(Backend.JS, "index.html", "view=" + view);
            if (view.equals("graph")) {
                browser.find("backward").click();
            } else if (view.equals("train")) {
                browser.clickTimes(browser.find("train-step"), 40);
            }
            browser.screenshot(view + "-768x1024");
        }
    }

    private static void answer(String label, String text) {
        WebElement field = browser.driver.findElement(By.cssSelector("g[data-label='" + label
                + "'] [data-testid=grad-answer]"));
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.ENTER);
        browser.waitFor(d -> !"empty".equals(browser.driver.findElement(By.cssSelector("g[data-label='" + label
                + "']")).getAttribute("data-check")));
    }

    /** By hand, half done (with a wrong answer showing its rule), finished, on the neuron, and the worksheet. */
    @Test
    void byHandHalfDoneFinishedAndTheWorksheet(@TempDir Path downloads) throws IOException {
        for (Dimension size : new Dimension[] {new Dimension(1280, 900), new Dimension(1024, 600)}) {
            browser.viewport(size.width, size.height);
            String suffix = "-" + size.width + "x" + size.height;
            browser.open(Backend.JS, "index.html", "view=graph&hand=1");
            browser.screenshot("hand-start" + suffix);
            answer("f", "4");
            answer("e", "-2");
            answer("c", "-2");
            browser.screenshot("hand-half-done" + suffix);
            answer("a", "-3");
            assertEquals("wrong", browser.driver.findElement(By.cssSelector("g[data-label=a]"))
                    .getAttribute("data-check"));
            browser.screenshot("hand-wrong" + suffix);
            answer("d", "-2");
            answer("b", "-4");
            answer("a", "6");
            assertTrue(browser.find("hand-done").isDisplayed());
            browser.screenshot("hand-finished" + suffix);
            preset("neuron");
            answer("n", "0.5");
            browser.find("hand-hint").click();
            browser.screenshot("hand-neuron-hint" + suffix);
        }
        browser.viewport(1280, 900);
        browser.open(Backend.JS, "index.html", "view=graph&hand=1");
        browser.downloadsTo(downloads);
        browser.find("export").click();
        browser.find("export-worksheet").click();
        Path sheet = browser.download(downloads, "backprop-worksheet.html");
        browser.driver.get(sheet.toUri().toString());
        browser.waitFor(d -> !d.findElements(By.cssSelector("rect.blank")).isEmpty());
        browser.screenshot("worksheet");
        browser.js("document.querySelector('.key').scrollIntoView();");
        browser.screenshot("worksheet-key");
        // printing the app, as the browser does it: beforeprint, then the page laid out for paper
        browser.open(Backend.JS, "index.html", "view=graph&hand=1");
        answer("f", "4");
        browser.js("window.dispatchEvent(new Event('beforeprint'));");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        browser.screenshot("graph-print-by-hand");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        browser.js("window.dispatchEvent(new Event('afterprint'));");
    }

    @Test
    void graphViewBeforeAndAfterBackwardAndMidStep() throws IOException {
        for (Dimension size : new Dimension[] {new Dimension(1280, 900), new Dimension(1024, 600)}) {
            browser.viewport(size.width, size.height);
            String suffix = "-" + size.width + "x" + size.height;
            browser.open(Backend.JS);
            browser.screenshot("graph-before-backward" + suffix);
            browser.find("backward").click();
            assertFalse(browser.driver.findElement(By.cssSelector("g[data-label=a]")).getAttribute("data-grad")
                    .isEmpty());
            browser.screenshot("graph-after-backward" + suffix);
            browser.find("zero-grad").click();
            for (int i = 0; i < 3; i++) {
                browser.find("step-backward").click();
            }
            assertFalse(browser.driver.findElements(By.cssSelector("[data-testid=edge-note]")).isEmpty());
            assertFalse(browser.driver.findElements(By.cssSelector("[data-testid=step-text] [data-testid=code-line]"))
                    .isEmpty(), "each contribution shows its micrograd line with the numbers in");
            browser.screenshot("graph-mid-step" + suffix);
            preset("mlp");
            browser.find("backward").click();
            browser.screenshot("graph-mlp" + suffix);
            preset("a-plus-a");
            browser.find("bug-toggle").click();
            browser.find("step-backward").click();
            browser.screenshot("graph-bug" + suffix);
        }
    }
}
