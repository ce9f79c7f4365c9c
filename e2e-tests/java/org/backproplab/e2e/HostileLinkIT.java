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

/**
 * A malformed, hostile or oversized link never breaks the page: it opens with the defaults for the parts it could
 * not use, says which parts those were, and runs nothing from the link.
 */
class HostileLinkIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static String openWith(Backend backend, String hash) {
        browser.open(backend, "index.html", hash);
        int scripts = browser.driver.findElements(By.cssSelector("script")).size();
        assertTrue(scripts <= 3, "no script came from the link: " + scripts);
        assertTrue(browser.driver.findElements(By.cssSelector("img, iframe, object")).isEmpty());
        assertEquals(Boolean.FALSE, browser.js("return !!window.bplPwned;"));
        return browser.find("message").getText();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aScriptInTheProgramIsRefusedAndTheLectureGraphShows(Backend backend) {
        String message = openWith(backend, "view=graph&program=%3Cscript%3Ewindow.bplPwned%3D1%3C%2Fscript%3E");
        assertTrue(message.contains("'program'") && message.contains("line 1, column 1"), message);
        assertEquals(7, browser.driver.findElements(By.cssSelector("g[data-testid=node]")).size(),
                "the default program is shown");
        assertTrue(browser.find("program").getAttribute("value").startsWith("a = 2.0"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void randomBytesAndBrokenEscapesAreNamedAndSkipped(Backend backend) {
        String message = openWith(backend, "%C3%28%A0%A1=%FF&view=gr%00aph&program=%E2%82&%%%=1&seed");
        assertTrue(message.contains("ignored"), message);
        assertTrue(message.contains("'view'"), message);
        assertEquals(7, browser.driver.findElements(By.cssSelector("g[data-testid=node]")).size());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aHugeLinkIsNotReadAtAll(Backend backend) {
        String huge = "view=graph&program=" + "a%20%3D%201.0%0A".repeat(40_000);
        String message = openWith(backend, huge);
        assertTrue(message.contains("the whole link"), message);
        assertEquals(7, browser.driver.findElements(By.cssSelector("g[data-testid=node]")).size());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void badTrainerSettingsFallBackOneByOne(Backend backend) {
        String message = openWith(backend, "view=train&lr=abc&layers=99,99,99,99,99,99,99&dataset=%3Cimg%3E&seed=7"
                + "&showtest=no&decay=0");
        assertTrue(message.contains("'lr'") && message.contains("'layers'") && message.contains("'dataset'")
                && message.contains("'showtest' (expected 1 or 0)"), message);
        assertFalse(message.contains("'decay'"), message);
        assertTrue(browser.find("show-test").isSelected(), "a flag that is neither 1 nor 0 keeps its default");
        assertFalse(browser.find("decay").isSelected());
        assertEquals("7", browser.find("seed").getAttribute("value"), "the good parts are kept");
        assertEquals("moons", browser.find("dataset").getAttribute("value"));
        assertTrue(Double.isFinite(Double.parseDouble(browser.find("loss").getAttribute("data-value"))));
    }
}
