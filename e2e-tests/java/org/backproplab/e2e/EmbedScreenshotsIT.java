package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Screenshots of the embedding example, the tutorial and the Share popover into target/screenshots, at a small
 * laptop (1024×600) and a laptop (1280×900): the top of each page, each section scrolled to the top of the screen,
 * and each page whole, so a person can look at them as a reader would.
 */
class EmbedScreenshotsIT {
    private static final Dimension[] SIZES = {new Dimension(1024, 600), new Dimension(1280, 900)};
    private static Browser browser;

    /** Takes one set of screenshots, each name ending with the screen size. */
    private interface Shots {
        void take(String suffix) throws IOException;
    }

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static void atBothSizes(Shots shots) throws IOException {
        for (Dimension size : SIZES) {
            browser.viewport(size.width, size.height);
            shots.take("-" + size.width + "x" + size.height);
        }
    }

    /** The whole page, beyond the screen. */
    private static void shootWhole(String name) throws IOException {
        Map<String, Object> shot = browser.driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        assertTrue(Files.size(file) > 50_000, name + " is a real picture");
    }

    /** Scrolls a section to the top of the screen and lets two frames draw. */
    private static void scrollTo(String id) {
        browser.js("document.getElementById(arguments[0]).scrollIntoView(); window.scrollBy(0, -4);", id);
        browser.js("return new Promise(function (r) { requestAnimationFrame(function () {"
                + " requestAnimationFrame(r); }); });");
    }

    private static void openWithWidgets(Backend backend, String page, int widgets) {
        browser.open(backend, page, "");
        browser.waitFor(d -> d.findElements(By.cssSelector("[data-testid=backend]")).size() == widgets);
    }

    @Test
    void embedExample() throws IOException {
        atBothSizes(suffix -> {
            openWithWidgets(Backend.JS, "embed-example.html", 4);
            browser.screenshot("embed-top" + suffix);
            for (String section : new String[] {"graph", "api", "trainer", "derivative"}) {
                scrollTo(section);
                browser.screenshot("embed-" + section + suffix);
            }
            shootWhole("embed-whole" + suffix);
        });
    }

    @Test
    void tutorial() throws IOException {
        atBothSizes(suffix -> {
            openWithWidgets(Backend.FILE, "tutorial.html", 10);
            browser.screenshot("tutorial-top" + suffix);
            for (int step = 1; step <= 10; step++) {
                scrollTo("step-" + step);
                browser.screenshot("tutorial-step" + step + suffix);
            }
            browser.clickTimes(browser.driver.findElement(By.cssSelector(
                    "backprop-lab[data-step='9'] [data-testid=train-step]")), 60);
            browser.screenshot("tutorial-step9-trained" + suffix);
            shootWhole("tutorial-whole" + suffix);
        });
    }

    @Test
    void sharePopoverAndALockedExercise() throws IOException {
        atBothSizes(suffix -> {
            browser.open(Backend.FILE, "index.html", "view=graph");
            browser.find("share").click();
            browser.waitFor(d -> browser.find("share-status").getAttribute("data-copied") != null);
            browser.screenshot("share-popover" + suffix);
            browser.open(Backend.JS, "index.html", "view=train&layers=8,8&controls=hidden");
            browser.screenshot("share-locked-train" + suffix);
        });
    }
}
