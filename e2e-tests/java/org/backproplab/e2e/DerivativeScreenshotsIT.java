package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * Screenshots of the derivative view into target/screenshots, at a laptop size and a small-laptop size, with h at
 * 1e-3 (truncation), 1e-9 (round-off) and 1e-31 (x + h == x), plus central differences and log(x). Each first
 * checks that the screen shows what its name says.
 */
class DerivativeScreenshotsIT {
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
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
                browser.screenshot("derivative-h1e" + exponent + suffix);
            }
            browser.find("central").click();
            setH(-5);
            assertEquals("true", browser.find("central").getAttribute("checked") == null ? "false" : "true");
            browser.screenshot("derivative-central" + suffix);
            browser.open(Backend.JS, "index.html", "view=derivative&fx=log(x)&xmin=-2&xmax=2&x=1");
            browser.screenshot("derivative-log" + suffix);
        }
    }
}
