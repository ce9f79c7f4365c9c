package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Supplier;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Shareable links: the Share button's link reloads every view into the same state; from file:// it still offers the
 * link to copy; controls=hidden (from the Share popover, a link or a widget attribute) leaves a fixed exercise whose
 * program can't be changed but can still be run; controls=minimal keeps editing but drops the side panels.
 */
class ShareIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    /** Sets a select's or input's value the way the page hears it from a person: value, then input and change. */
    private static void set(String testId, String value) {
        browser.js("var e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input'));"
                + "e.dispatchEvent(new Event('change'));", browser.find(testId), value);
    }

    private static String hash() {
        return (String) browser.js("return location.hash;");
    }

    /** Opens the Share popover and returns the link it offers. */
    private static String shareLink() {
        browser.find("share").click();
        WebElement field = browser.find("share-link");
        browser.waitFor(d -> field.isDisplayed() && !field.getAttribute("value").isEmpty());
        return field.getAttribute("value");
    }

    /** Opens a link in a fresh page, as a student clicking it would. */
    private static void follow(String link) {
        browser.driver.get("about:blank");
        browser.driver.get(link);
        browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=backend]")).isEmpty());
    }

    /** Shares the app's state, reloads the link and checks the state read back is the one shared, field by field. */
    private static void assertRoundTrip(Map<String, Supplier<String>> fields) {
        Map<String, String> before = new java.util.LinkedHashMap<>();
        fields.forEach((name, read) -> before.put(name, read.get()));
        String link = shareLink();
        assertEquals(link.substring(link.indexOf('#')), hash(), "the link is this page's state");
        follow(link);
        fields.forEach((name, read) -> assertEquals(before.get(name), read.get(), name + " after following the link"));
        assertEquals(link.substring(link.indexOf('#')), hash(), "the reloaded page writes back the same state");
        assertFalse(browser.find("message").isDisplayed(), "nothing in the link was ignored");
    }

    private static Supplier<String> value(String testId) {
        return () -> browser.find(testId).getAttribute("value");
    }

    private static Supplier<String> checked(String testId) {
        return () -> String.valueOf(browser.find(testId).isSelected());
    }

    @Test
    void aSharedGraphLinkReloadsTheSameProgramAndBugSwitch() {
        browser.open(Backend.JS, "index.html", "view=graph");
        browser.type(browser.find("program"), "# shared\np = 1.5\nq = p * p + p\n");
        browser.find("bug-toggle").click();
        browser.waitFor(d -> hash().contains("bug=1") && hash().contains("shared"));
        assertRoundTrip(Map.of("program", value("program"), "bug", checked("bug-toggle")));
        assertTrue(browser.find("bug-banner").isDisplayed());
        assertEquals("3.75", browser.driver.findElement(By.cssSelector("[data-testid=node][data-label=q]"))
                .getAttribute("data-value"));
    }

    @Test
    void aSharedTrainerLinkReloadsEverySetting() {
        browser.open(Backend.JS, "index.html", "view=train");
        set("dataset", "circles");
        set("points", "60");
        set("seed", "42");
        set("layers", "8,4");
        set("activation", "tanh");
        set("loss-type", "mse");
        set("optimizer", "adam");
        set("learning-rate", "0.03");
        browser.waitFor(d -> hash().contains("opt=adam") && hash().contains("lr=0.03"));
        Map<String, Supplier<String>> fields = new java.util.LinkedHashMap<>();
        for (String id : new String[] {"dataset", "points", "noise", "seed", "test-ratio", "layers", "activation",
            "output", "loss-type", "l2", "optimizer", "learning-rate", "learning-rate-end", "batch", "engine",
            "budget"}) {
            fields.put(id, value(id));
        }
        fields.put("decay", checked("decay"));
        fields.put("show test", checked("show-test"));
        fields.put("loss", () -> browser.find("loss").getAttribute("data-value"));
        assertRoundTrip(fields);
    }

    @Test
    void aSharedDerivativeLinkReloadsTheFunctionPointStepAndPanelTwo() {
        browser.open(Backend.JS, "index.html", "view=derivative");
        browser.type(browser.find("fx"), "x**3 - 2*x");
        browser.type(browser.find("x"), "1.5");
        browser.find("x").sendKeys(Keys.TAB);
        browser.find("central").click();
        browser.find("plot").sendKeys("]]"); // h: 1e-3 to 1e-5
        browser.type(browser.find("multi"), "a = 1.0\nb = 4.0\nd = a*b + a\n");
        browser.waitFor(d -> hash().contains("central=1") && hash().contains("h=1e-5") && hash().contains("b%20%3D%204"));
        assertRoundTrip(Map.of("fx", value("fx"), "x", value("x"), "h", () -> browser.find("h-value").getText(),
                "central", checked("central"), "multi", value("multi"),
                "exact slope", () -> browser.find("exact-slope").getAttribute("data-value")));
    }

    @Test
    void fromFileTheShareButtonStillHandsOverTheLinkSelected() {
        browser.open(Backend.FILE, "index.html", "view=graph");
        String link = shareLink();
        assertTrue(link.startsWith("file:") && link.contains("#view=graph&program="), link);
        WebElement status = browser.find("share-status");
        browser.waitFor(d -> status.getAttribute("data-copied") != null);
        assertTrue(status.getText().startsWith("Copied") || status.getText().contains("Ctrl+C"), status.getText());
        assertEquals(Boolean.TRUE, browser.js("var f = arguments[0]; return document.activeElement === f"
                + " && f.selectionStart === 0 && f.selectionEnd === f.value.length;", browser.find("share-link")));
        browser.find("share-link").sendKeys(Keys.ESCAPE);
        browser.waitFor(d -> !browser.find("share-popover").isDisplayed());
    }

    @Test
    void aLockedLinkIsAFixedExerciseThatStillRuns() {
        browser.open(Backend.JS, "index.html", "view=graph");
        browser.find("share").click();
        browser.find("share-lock").click();
        browser.waitFor(d -> browser.find("share-link").getAttribute("value").endsWith("&controls=hidden"));
        follow(browser.find("share-link").getAttribute("value"));

        assertTrue(browser.find("exercise-badge").isDisplayed());
        assertFalse(browser.find("tab-train").isDisplayed(), "no tabs: the exercise is this view");
        for (String hidden : new String[] {"presets", "nudge", "gradcheck", "bug-toggle", "export"}) {
            assertFalse(browser.find(hidden).isDisplayed(), hidden + " is hidden");
        }
        WebElement program = browser.find("program");
        assertEquals("true", program.getAttribute("readonly"));
        String text = program.getAttribute("value");
        program.sendKeys("x = 1.0\n");
        assertEquals(text, program.getAttribute("value"), "the program can't be typed into");
        WebElement leaf = browser.driver.findElement(By.cssSelector("[data-testid=node][data-label=a]"));
        assertEquals("img", leaf.getAttribute("role"), "a leaf is not a button to edit");
        leaf.sendKeys(Keys.ENTER);
        assertFalse(browser.driver.findElement(By.cssSelector(".bpl-leaf-editor")).isDisplayed());

        browser.find("backward").click();
        browser.waitFor(d -> "6.0".equals(d.findElement(By.cssSelector("[data-testid=node][data-label=a]"))
                .getAttribute("data-grad")));
        assertTrue(hash().endsWith("&controls=hidden"), "the page keeps the lock in its own hash: " + hash());

        // a new hash without the flag (the address edited by hand) gives the editing back
        browser.js("location.hash = 'view=graph&program=u%20%3D%201.0';");
        browser.waitFor(d -> browser.find("presets").isDisplayed());
        assertFalse(browser.find("exercise-badge").isDisplayed());
        assertEquals(null, browser.find("program").getAttribute("readonly"));
        browser.find("share").click();
        assertFalse(browser.find("share-lock").isSelected());
    }

    @Test
    void hiddenControlsInTheTrainerAndTheDerivativeView() {
        browser.open(Backend.JS, "index.html", "view=train&layers=4&controls=hidden");
        assertFalse(browser.find("layers").isDisplayed());
        assertFalse(browser.find("network").isDisplayed());
        assertTrue(browser.find("train-play").isDisplayed());
        browser.find("train-step").click();
        browser.waitFor(d -> browser.find("step-count").getText().startsWith("1"));

        browser.open(Backend.JS, "index.html", "view=derivative&fx=x**3&controls=hidden");
        assertEquals("true", browser.find("fx").getAttribute("readonly"));
        assertFalse(browser.find("fx-examples").isDisplayed());
        assertFalse(browser.find("multi").isDisplayed(), "panel 2 is not part of the exercise");
        assertTrue(browser.find("h").isDisplayed(), "h can still be explored");
        browser.find("plot").sendKeys("]");
        browser.waitFor(d -> hash().contains("h=1e-4"));
    }

    @Test
    void minimalControlsKeepEditingButDropTheSidePanels() {
        browser.open(Backend.JS, "index.html", "view=graph&controls=minimal");
        assertFalse(browser.find("presets").isDisplayed());
        assertFalse(browser.find("nudge").isDisplayed());
        assertTrue(browser.find("tab-train").isDisplayed(), "minimal keeps the tabs");
        assertFalse(browser.find("exercise-badge").isDisplayed());
        browser.type(browser.find("program"), "m = 2.0\nn = m * 3\n");
        browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=node][data-label=n]")).isEmpty());
        browser.waitFor(d -> hash().contains("controls=minimal") && hash().contains("n%20%3D%20m"));
        String link = shareLink();
        assertTrue(link.endsWith("&controls=minimal"), link);
        browser.find("share-lock").click();
        browser.waitFor(d -> browser.find("share-link").getAttribute("value").endsWith("&controls=hidden"));
    }
}
