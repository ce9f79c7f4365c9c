package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * Screenshots of the derivative view into target/screenshots, at a laptop size and a small-laptop size, with h at
 * 1e-3 (truncation), 1e-9 (round-off) and 1e-31 (x + h == x), plus central differences and log(x). Each first
 * checks that the screen shows what its name says.
 */
class DerivativeScreenshotsIT {
    private static Browser browser;
    private static final Path DIR = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws IOException {
        browser = new Browser();
        Files.createDirectories(DIR);
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static void shoot(String name) throws IOException {
        Path file = DIR.resolve(name + ".png");
        Files.write(file, browser.driver.getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(file) > 10_000, name + " is a real picture");
    }

    private static void setH(int exponent) {
        browser.js("var s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('input'));"
                + "s.dispatchEvent(new Event('change'));", browser.find("h"), Integer.toString(exponent));
        assertEquals(Double.parseDouble("1e" + exponent), Double.parseDouble(browser.find("h-value")
                .getAttribute("data-value")));
    }

    @Test
    void derivativeViewAtThreeStepSizes() throws IOException {
        for (Dimension size : new Dimension[] {new Dimension(1280, 900), new Dimension(1024, 600)}) {
            browser.viewport(size.width, size.height);
            String suffix = "-" + size.width + "x" + size.height;
            browser.open(Backend.JS, "index.html", "view=derivative");
            for (int exponent : new int[] {-3, -9, -31}) {
                setH(exponent);
                shoot("derivative-h1e" + exponent + suffix);
            }
            browser.find("central").click();
            setH(-5);
            assertEquals("true", browser.find("central").getAttribute("checked") == null ? "false" : "true");
            shoot("derivative-central" + suffix);
            browser.open(Backend.JS, "index.html", "view=derivative&fx=log(x)&xmin=-2&xmax=2&x=1");
            shoot("derivative-log" + suffix);
        }
    }
}
