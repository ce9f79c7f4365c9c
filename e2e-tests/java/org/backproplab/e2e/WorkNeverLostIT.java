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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A student's typed program is never lost: not to a leaf dragged on a graph that no longer matches the text, not to
 * a nudge or a preset (Ctrl+Z brings the text back), not to a reload when the program is too long for a link.
 */
class WorkNeverLostIT {
    private static final String LECTURE = "a = 2.0\nb = -3.0\nc = 10.0\nd = a * b\ne = d + c\nf = -2.0\nL = e * f\n";
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static String program() {
        return browser.find("program").getAttribute("value");
    }

    /** Sets the program text as a paste would, and lets the page read it. */
    private static void paste(String text) {
        browser.js("var t = arguments[0]; t.value = arguments[1]; t.dispatchEvent(new Event('input'));",
                browser.find("program"), text);
    }

    private static WebElement node(String label) {
        return browser.driver.findElement(By.cssSelector("g[data-testid=node][data-label='" + label + "']"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aLeafChangedOnAStaleGraphNeverOverwritesTheBrokenText(Backend backend) {
        browser.open(backend);
        String broken = LECTURE.replace("d = a * b", "d = a * bb");
        paste(broken);
        WebElement stale = browser.find("stale");
        browser.waitFor(d -> stale.isDisplayed());
        assertTrue(browser.find("error").isDisplayed());
        assertEquals(7, browser.driver.findElements(By.cssSelector("g[data-testid=node]")).size(),
                "the last good graph stays, marked out of date");

        node("a").click();
        WebElement editor = browser.driver.findElement(By.cssSelector(".bpl-leaf-editor"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2.5", Keys.ENTER);
        browser.waitFor(d -> program().startsWith("a = 2.5\n"));
        assertEquals(broken.replace("a = 2.0", "a = 2.5"), program(), "only a's number changed in the student's text");

        paste("a = 2.0 +\nb = -3.0\nc = a * bb\n"); // now a's own line is broken too
        browser.waitFor(d -> browser.find("error").getText().startsWith("Line 1"));
        String text = program();
        node("b").click();
        editor = browser.driver.findElement(By.cssSelector(".bpl-leaf-editor"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "7", Keys.ENTER);
        browser.waitFor(d -> program().contains("b = 7"));
        assertTrue(program().startsWith("a = 2.0 +\n"), "the broken line is left alone: " + program());
        node("a").click();
        editor = browser.driver.findElement(By.cssSelector(".bpl-leaf-editor"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "9", Keys.ENTER);
        WebElement notice = browser.find("notice");
        browser.waitFor(d -> notice.isDisplayed() && notice.getText().contains("fix the error first"));
        assertFalse(program().contains("9"), "a is refused, not written over: " + program());
        assertEquals(text.replace("b = -3.0", "b = 7.0"), program());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void ctrlZBringsBackTheTextANudgeOrAPresetReplaced(Backend backend) {
        browser.open(backend);
        String before = program();
        browser.find("nudge").click();
        browser.waitFor(d -> !program().equals(before));
        WebElement text = browser.find("program");
        text.click();
        text.sendKeys(Keys.chord(Keys.CONTROL, "z"));
        browser.waitFor(d -> program().equals(before));
        browser.waitFor(d -> node("a").getAttribute("data-value").equals("2.0"));

        browser.js("var s = arguments[0]; s.value = 'neuron'; s.dispatchEvent(new Event('change'));",
                browser.find("presets"));
        browser.waitFor(d -> !program().equals(before));
        WebElement undo = browser.find("program-undo");
        assertTrue(undo.isDisplayed(), "an Undo button for the mouse");
        undo.click();
        browser.waitFor(d -> program().equals(before));
        assertFalse(browser.find("program-undo").isDisplayed(), "nothing left to undo");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aWarningGoesWhenItsProgramDoes(Backend backend) {
        browser.open(backend);
        paste("a = 0.0\nb = log(a)\n");
        WebElement notice = browser.find("notice");
        browser.waitFor(d -> notice.isDisplayed() && notice.getText().contains("warning"));
        paste("a = 0.0\nb = log(a\n");
        browser.waitFor(d -> browser.find("error").isDisplayed());
        browser.waitFor(d -> !notice.isDisplayed());
    }

    /**
     * A burst of changes (a leaf scrubbed for five seconds makes 300) ends with the address at the last one, and a
     * link typed next still opens. Chromium ignores a page's address changes past 200 in 10 s: the app wrote one per
     * change, so the address stayed at an older state, which a reload brought back, and the next link did nothing.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aBurstOfChangesEndsWithTheAddressAtTheLastOne(Backend backend) {
        browser.open(backend, "index.html", "view=graph");
        browser.js("var box = arguments[0]; for (var i = 0; i < 301; i++) { box.click(); }", browser.find("bug-toggle"));
        assertTrue(browser.find("bug-toggle").isSelected(), "301 clicks leave the = bug on");
        browser.waitFor(d -> (Boolean) browser.js("return location.hash.indexOf('bug=1') >= 0;"));
        browser.js("location.hash = '#view=derivative';");
        browser.waitFor(d -> browser.find("derivative-view").isDisplayed());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aProgramTooLongForALinkIsSaidSoAndSurvivesAReload(Backend backend) {
        browser.open(backend);
        // long in characters (a student's notes in comments), small in nodes
        StringBuilder p = new StringBuilder("a = 2.0\n");
        for (int i = 0; p.length() < 120_000; i++) {
            p.append("# note ").append(i).append(": the chain rule multiplies local derivatives along each path\n");
        }
        String longProgram = p.append("L = a * 3\n").toString();
        paste(longProgram);
        browser.waitFor(d -> !d.findElements(By.cssSelector("g[data-testid=node]")).isEmpty()
                && (Boolean) browser.js("return location.hash.indexOf('program=') < 0;"));
        browser.find("share").click();
        WebElement hint = browser.find("share-hint");
        browser.waitFor(d -> hint.getText().contains("too long for a link"));
        browser.driver.navigate().refresh();
        browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=backend]")).isEmpty());
        browser.waitFor(d -> program().length() == longProgram.length());
        assertEquals(longProgram, program(), "the tab kept the program through the reload");
        browser.js("sessionStorage.clear();"); // the other tests start from the default program
    }
}
