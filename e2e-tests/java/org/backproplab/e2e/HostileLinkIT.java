package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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

    /**
     * The sweep changes the address 20 times a second or more, as no person does; Chromium would ignore the changes
     * past 200 in 10 s (WorkNeverLostIT checks that the app's own writes stay under that).
     */
    @BeforeAll
    static void start() {
        browser = new Browser(false, "--disable-ipc-flooding-protection");
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
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aRegressionLinksTargetBeyondAHundredIsNamedAndTheRestKept(Backend backend) {
        String message = openWith(backend, "view=train&dataset=custom&task=regression&lr=0.02&layers=5"
                + "&pts=0,0,0.5;1,1,1e300;0.5,-0.5,-1");
        assertTrue(message.contains("'pts' (point 2's target 1e300 is out of range; expected a number from -100 to "
                + "100)"), message);
        assertEquals("plane", browser.find("dataset").getAttribute("value"), "the run stays a regression");
        assertEquals("0.02", browser.find("learning-rate").getAttribute("value"), "the good parts are kept");
        assertEquals("5", browser.find("layers").getAttribute("value"));
        assertTrue(Double.isFinite(Double.parseDouble(browser.find("loss").getAttribute("data-value"))));
        assertTrue(browser.find("rmse").isDisplayed(), "a regression's read-out");
    }

    /** Each view's link keys, every one of which gets every hostile value below. */
    private static final String[][] KEYS = {
        {"graph", "view", "program", "preset", "bug", "controls", "hand"},
        {"train", "dataset", "n", "noise", "seed", "layers", "act", "out", "loss", "reduce", "lr", "lrend", "decay",
            "opt", "batch", "l2", "engine", "budget", "test", "showtest", "pts", "init", "nozero", "classes", "task",
            "features"},
        {"derivative", "fx", "x", "xmin", "xmax", "h", "central", "2d", "multi"}};

    /** Values as a link carries them: empty, words, out of range, overflowing, broken escapes, markup, huge. */
    private static final String[] VALUES = {"", "abc", "-1", "0", "1e309", "-1e309", "NaN", "Infinity",
        "99999999999999999999", "%", "%zz", "%E2%82", "%00", "1,,2,-3,1e9",
        "%3Cimg%20src%3Dx%20onerror%3Dwindow.bplPwned%3D1%3E", "%22'%3E%3Cscript%3Ewindow.bplPwned%3D1%3C%2Fscript%3E",
        "a".repeat(5000)};

    /**
     * Every link key of every view with each hostile value (663 links per backend: 39 keys × 17 values), applied
     * as a person would by editing the address of an open app: none throws, none runs markup, the view stays on
     * screen, and a message, when there is one, names the key it ignored.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    @SuppressWarnings("unchecked")
    void everyKeyWithEveryHostileValueIsNamedOrAccepted(Backend backend) {
        browser.open(backend, "index.html", "view=graph");
        browser.js("window.bplErrors = [];"
                + "window.addEventListener('error', function (e) { bplErrors.push(String(e.message)); });"
                + "window.addEventListener('unhandledrejection', function (e) { bplErrors.push(String(e.reason)); });"
                + "var bplConsoleError = console.error;"
                + "console.error = function () { bplErrors.push(Array.prototype.join.call(arguments, ' '));"
                + "  bplConsoleError.apply(console, arguments); };");
        java.util.List<String> links = new java.util.ArrayList<>();
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (String[] view : KEYS) {
            for (int k = 1; k < view.length; k++) {
                for (String value : VALUES) {
                    links.add((view[k].equals("view") ? "" : "view=" + view[0] + "&") + view[k] + "=" + value);
                    keys.add(view[k]);
                }
            }
        }
        browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(5));
        long started = System.nanoTime();
        // One script goes through every link in the one page. A link is recorded in a hashchange listener added
        // after the app's: listeners run in the order they were added, so the app has handled the link by then.
        // (The app writes the address again with history.replaceState, which fires no hashchange. Should a link
        // fire none at all, it is recorded after a second, with a note that says so.)
        java.util.List<Map<String, Object>> results = (java.util.List<Map<String, Object>>) browser.driver
                .executeAsyncScript("var links = arguments[0], done = arguments[arguments.length - 1], out = [];"
                + "var i = -1, timer = 0;"
                + "function record(heard) {"
                + "  clearTimeout(timer);"
                + "  if (i >= 0) {"
                + "    var m = document.querySelector('[data-testid=message]');"
                + "    var v = Array.prototype.some.call(document.querySelectorAll('[data-testid=graph-view],"
                + "[data-testid=train-view],[data-testid=derivative-view]'),"
                + "      function (e) { return e.getClientRects().length > 0; });"
                + "    out.push({errors: bplErrors.splice(0).join(' | ') + (heard ? '' : 'no hashchange'),"
                + "      pwned: !!window.bplPwned, message: m && !m.hidden ? m.textContent : '', view: v,"
                + "      injected: document.querySelectorAll('img, iframe, object, script:not([src])').length});"
                + "  }"
                + "  if (++i >= links.length) { window.removeEventListener('hashchange', onHash); done(out); return; }"
                + "  timer = setTimeout(function () { record(false); }, 1000);"
                + "  location.hash = '#' + links[i];"
                + "}"
                + "function onHash() { setTimeout(function () { record(true); }, 0); }"
                + "window.addEventListener('hashchange', onHash);"
                + "record(true);", links);
        System.out.printf("hostile links %s: swept in %.1f s%n", backend.expected,
                (System.nanoTime() - started) / 1e9);
        assertEquals(links.size(), results.size());
        int named = 0;
        for (int i = 0; i < links.size(); i++) {
            Map<String, Object> r = results.get(i);
            String link = links.get(i).length() > 80 ? links.get(i).substring(0, 80) + "…" : links.get(i);
            assertEquals("", r.get("errors"), "nothing throws: " + link);
            assertEquals(Boolean.FALSE, r.get("pwned"), link);
            assertEquals(0L, ((Number) r.get("injected")).longValue(), "no markup from " + link);
            assertEquals(Boolean.TRUE, r.get("view"), "a view is on screen: " + link);
            String message = (String) r.get("message");
            if (!message.isEmpty()) {
                named++;
                assertTrue(message.contains("'" + keys.get(i)), // 'lr' or, for a broken escape, 'lr=%zz'
                        "the message names what it ignored: " + link + " → " + message);
            }
        }
        System.out.printf("hostile links %s: %d, %d of them named in a message, the rest accepted%n",
                backend.expected, links.size(), named);
    }
}
