package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * embed-example.html and the embedding API: widgets on one page are independent (state, ids, keys), the handle's
 * methods work, options reach the views, a widget follows its container's size, and styles leak in neither direction.
 */
class EmbedIT {
    private static final String PAGE = "embed-example.html";
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    /** Opens the example page and waits for all four of its widgets. */
    private static void openExample(Backend backend) {
        browser.open(backend, PAGE, "");
        browser.waitFor(d -> d.findElements(By.cssSelector("[data-testid=backend]")).size() == 4);
    }

    private static WebElement in(String widgetTestId, String testId) {
        return browser.driver.findElement(By.cssSelector("[data-testid=" + widgetTestId + "] [data-testid=" + testId
                + "]"));
    }

    private static String grad(String widgetTestId, String label) {
        return in(widgetTestId, "node][data-label=" + label).getAttribute("data-grad");
    }

    private static List<String> grads(String widgetTestId) {
        return browser.driver.findElements(By.cssSelector("[data-testid=" + widgetTestId + "] [data-testid=node]"))
                .stream().map(n -> n.getAttribute("data-grad")).toList();
    }

    /** Mounts a widget into a new div of the given width through the API; the handle is window.bplTest. */
    private static void mountTestWidget(String optionsJson, int width) {
        browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(15));
        Object result = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var host = document.createElement('div'); host.id = 'bpl-test-host';"
                + "host.setAttribute('data-testid', 'test-host'); host.style.width = arguments[1] + 'px';"
                + "document.querySelector('main').prepend(host);"
                + "window.bplStates = [];"
                + "BackpropLab.mount(host, JSON.parse(arguments[0])).then(function (h) {"
                + "  window.bplTest = h; h.onChange(function (s) { window.bplStates.push(s); }); done('ok'); },"
                + "  function (e) { done('failed: ' + e); });", optionsJson, width);
        assertEquals("ok", result);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void backwardInOneGraphWidgetLeavesTheOthersGradsEmpty(Backend backend) {
        openExample(backend);
        assertTrue(grads("widget-api").stream().allMatch(String::isEmpty), "no grads before Backward");
        in("widget-graph", "backward").click();
        browser.waitFor(d -> "6.0".equals(grad("widget-graph", "a")));
        assertEquals("-4.0", grad("widget-graph", "b"));
        List<String> other = grads("widget-api");
        assertFalse(other.isEmpty());
        assertTrue(other.stream().allMatch(String::isEmpty), "the other widget's grads: " + other);

        // a key pressed inside the second widget reaches only that one
        in("widget-api", "zero-grad").sendKeys("b");
        browser.waitFor(d -> !grad("widget-api", "x1").isEmpty());
        assertTrue(Math.abs(Double.parseDouble(grad("widget-api", "x1")) + 1.5) < 1e-12, grad("widget-api", "x1"));
        assertEquals("6.0", grad("widget-graph", "a"));

        // editing one program leaves the other alone
        browser.type(in("widget-graph", "program"), "q = 5.0\nr = q * q\n");
        browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=widget-graph] [data-label=r]")).isEmpty());
        assertFalse(browser.driver.findElements(By.cssSelector("[data-testid=widget-api] [data-label=x1]")).isEmpty());
    }

    @Test
    void idsAreUniqueAndEveryReferenceStaysInsideItsWidget() {
        openExample(Backend.JS);
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) browser.js("var ids = {}; var dupes = [];"
                + "document.querySelectorAll('[id]').forEach(function (e) {"
                + "  if (ids[e.id]) { dupes.push(e.id); } ids[e.id] = e; });"
                + "var outside = [];"
                + "document.querySelectorAll('.bpl-lab [marker-end], .bpl-lab [clip-path], .bpl-lab [for]')"
                + ".forEach(function (e) {"
                + "  var ref = e.getAttribute('marker-end') || e.getAttribute('clip-path') || e.getAttribute('for');"
                + "  var m = /#([^)]+)/.exec(ref); var id = m ? m[1] : ref;"
                + "  var target = document.getElementById(id);"
                + "  if (!target || target.closest('.bpl-lab') !== e.closest('.bpl-lab')) { outside.push(ref); } });"
                + "var names = {}; var shared = [];"
                + "document.querySelectorAll('.bpl-lab input[name]').forEach(function (e) {"
                + "  var lab = e.closest('.bpl-lab'); var key = e.name;"
                + "  if (names[key] && names[key] !== lab) { shared.push(key); } names[key] = lab; });"
                + "return {dupes: dupes, outside: outside, shared: shared,"
                + "  markers: document.querySelectorAll('.bpl-lab marker').length};");
        assertEquals(List.of(), report.get("dupes"), "duplicate ids");
        assertEquals(List.of(), report.get("outside"), "references to another widget's ids");
        assertEquals(List.of(), report.get("shared"), "radio/input names shared between widgets");
        assertTrue(((Number) report.get("markers")).intValue() >= 2, "each graph has its own arrow marker");
    }

    @Test
    void theHandleSetsTheProgramRunsBackwardReportsChangesAndIsDestroyed() {
        openExample(Backend.JS);
        mountTestWidget("{\"view\": \"graph\", \"program\": \"a = 2.0\\nb = a * a\", \"controls\": \"minimal\"}",
                900);
        String host = "test-host";
        browser.waitFor(d -> "4.0".equals(in(host, "node][data-label=b").getAttribute("data-value")));
        assertEquals("a = 2.0\nb = a * a", browser.js("return window.bplTest.state().program;"));

        browser.js("window.bplStates = []; window.bplTest.setProgram('x = 3.0\\ny = x * x');");
        browser.waitFor(d -> "9.0".equals(in(host, "node][data-label=y").getAttribute("data-value")));
        assertEquals("x = 3.0\ny = x * x", browser.js("return window.bplStates[window.bplStates.length - 1]"
                + ".program;"));
        assertEquals("graph", browser.js("return window.bplTest.state().view;"));
        assertEquals(null, browser.js("return window.bplTest.state().controls;"), "minimal is the page's layout");
        assertEquals("", in(host, "node][data-label=x").getAttribute("data-grad"));

        browser.js("window.bplTest.backward();");
        browser.waitFor(d -> "6.0".equals(in(host, "node][data-label=x").getAttribute("data-grad")));

        // typing is a change too, reported once the editor has settled
        browser.js("window.bplStates = [];");
        browser.type(in(host, "program"), "z = 1.5\n");
        browser.waitFor(d -> Boolean.TRUE.equals(browser.js("return window.bplStates.some(function (s) {"
                + " return s.program === 'z = 1.5\\n'; });")));
        String link = in(host, "open-in-lab").getAttribute("href");
        assertTrue(link.contains("index.html#view=graph&program=z%20%3D%201.5%0A"), link);

        browser.js("window.bplTest.destroy(); window.bplTest.backward(); window.bplTest.setProgram('a = 1.0');");
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=test-host] .bpl-lab")).isEmpty());
    }

    /** A by-hand exercise in a page: onChange (and the element's event) fires on every check, state() has progress. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aByHandWidgetReportsEveryCheckToThePage(Backend backend) {
        openExample(backend);
        browser.js("window.bplEvents = []; document.addEventListener('backprop-lab-change', function (e) {"
                + " window.bplEvents.push(e.detail); });");
        mountTestWidget("{\"view\": \"graph\", \"preset\": \"neuron\", \"hand\": \"\", \"controls\": "
                + "\"minimal\"}", 1000);
        String host = "test-host";
        browser.waitFor(d -> "1".equals(browser.js("return window.bplTest.state().right;")));
        assertEquals("1", browser.js("return window.bplTest.state().hand;"), "the hand attribute is a switch");
        assertEquals("10", browser.js("return window.bplTest.state().total;"));
        browser.js("window.bplStates = []; window.bplEvents = [];");

        WebElement n = in(host, "node][data-label=n] [data-testid=grad-answer");
        n.click();
        n.sendKeys("0.5", org.openqa.selenium.Keys.ENTER);
        browser.waitFor(d -> "2".equals(browser.js("return window.bplTest.state().right;")));
        n.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "7",
                org.openqa.selenium.Keys.ENTER);
        n.sendKeys(org.openqa.selenium.Keys.ENTER); // the same wrong answer checked again: still a check
        browser.waitFor(d -> "3".equals(browser.js("return window.bplTest.state().checks;")));
        assertEquals(List.of("1", "2", "3"), browser.js("return window.bplStates.map(function (s) { return s.checks; });"),
                "one onChange per check");
        assertEquals(List.of("2", "1", "1"), browser.js("return window.bplStates.map(function (s) { return s.right; });"));
        assertEquals(3L, browser.js("return window.bplEvents.length;"), "and one event on the element per check");
        assertEquals("0", browser.js("return window.bplTest.state().done;"));
        assertFalse(in(host, "open-in-lab").getAttribute("href").contains("right="), "links leave the progress out");

        // on this page's broad theme (input { width: 100%; padding: 10px; font-size: 18px }) the fields keep their look
        assertEquals("12px", n.getCssValue("font-size"));
        assertEquals("0px", n.getCssValue("margin-bottom"));
        assertTrue(n.getRect().getWidth() < 120, "the field fits its box: " + n.getRect().getWidth());
    }

    @Test
    void optionsReachTheViewsAndBadOnesAreNamed() {
        openExample(Backend.JS);
        assertEquals("8,8", in("widget-train", "layers").getAttribute("value"));
        assertEquals("0.5", in("widget-train", "learning-rate").getAttribute("value"));
        assertEquals("7", in("widget-train", "seed").getAttribute("value"));
        assertFalse(in("widget-train", "layers").isDisplayed(), "minimal: the settings panel is hidden");
        assertTrue(in("widget-train", "train-play").isDisplayed());
        assertEquals("14", in("widget-derivative", "exact-slope").getAttribute("data-value").replace(".0", ""));
        assertEquals("true", in("widget-derivative", "fx").getAttribute("readonly"));

        mountTestWidget("{\"view\": \"train\", \"layers\": \"9000\", \"act\": \"tanh\", \"controls\": \"most\","
                + " \"height\": \"tall\"}", 900);
        String message = in("test-host", "message").getText();
        assertTrue(message.contains("'layers'") && message.contains("'controls'") && message.contains("'height'"),
                message);
        assertFalse(message.contains("'act'"), message);
        assertEquals("tanh", in("test-host", "activation").getAttribute("value"));
        assertEquals("16,16", in("test-host", "layers").getAttribute("value"));
        assertTrue(in("test-host", "layers").isDisplayed(), "an unknown controls mode shows everything");
    }

    @Test
    void aWidgetTakesItsHeightAndFollowsItsContainersWidth() {
        openExample(Backend.JS);
        mountTestWidget("{\"view\": \"graph\", \"preset\": \"lecture\", \"height\": 420}", 1000);
        WebElement widget = browser.driver.findElement(By.cssSelector("[data-testid=test-host] .bpl-lab"));
        assertEquals(420, widget.getRect().getHeight());
        WebElement canvas = browser.driver.findElement(By.cssSelector("[data-testid=test-host] .bpl-svg"));
        int wide = canvas.getRect().getWidth();
        assertTrue(wide > 500, "two columns at 1000 px: the drawing is " + wide + " px wide");

        browser.js("document.getElementById('bpl-test-host').style.width = '560px';");
        browser.waitFor(d -> canvas.getRect().getWidth() < 560 && canvas.getRect().getWidth() > 400);
        // one column now: a widget this short shows the drawing first, fitted again to its new box, and the program
        // below it (a taller one keeps the program on top)
        WebElement program = browser.driver.findElement(By.cssSelector("[data-testid=test-host] "
                + "[data-testid=program]"));
        assertTrue(program.getRect().getY() > canvas.getRect().getY() + canvas.getRect().getHeight() - 1);
        in("test-host", "backward").click();
        browser.waitFor(d -> "6.0".equals(in("test-host", "node][data-label=a").getAttribute("data-grad")));
    }

    @Test
    void thePagesStylesDoNotReachIntoWidgetsNorTheirsOutOfThem() {
        // The same widget, on the tutorial (plain styles) and on the example page (broad theme rules): every element
        // must compute the same style, apart from sizes that follow the container.
        String styles = "var out = []; document.querySelectorAll('#bpl-test-host .bpl-lab *').forEach(function (e) {"
                + "  if (e.closest('svg') && e.tagName.toLowerCase() !== 'svg') { return; }"
                + "  var cs = getComputedStyle(e); var props = [];"
                + "  ['font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'text-transform',"
                + "   'color', 'background-color', 'border-top-width', 'border-top-style', 'border-top-color',"
                + "   'border-radius', 'padding-top', 'padding-left', 'margin-top', 'margin-bottom', 'display',"
                + "   'box-shadow', 'max-width', 'vertical-align', 'list-style-type', 'text-decoration-line']"
                + "  .forEach(function (p) { props.push(p + ':' + cs.getPropertyValue(p)); });"
                + "  out.push(e.tagName + '.' + (e.getAttribute('class') || '') + ' ' + props.join(';')); });"
                + "return out;";
        String options = "{\"view\": \"train\", \"controls\": \"full\"}";
        browser.open(Backend.JS, "tutorial.html", "");
        browser.waitFor(d -> d.findElements(By.cssSelector("[data-testid=backend]")).size() == 10);
        mountTestWidget(options, 1100);
        @SuppressWarnings("unchecked")
        List<String> plain = (List<String>) browser.js(styles);
        openExample(Backend.JS);
        mountTestWidget(options, 1100);
        @SuppressWarnings("unchecked")
        List<String> themed = (List<String>) browser.js(styles);
        assertEquals(plain.size(), themed.size());
        assertTrue(plain.size() > 100, "compared " + plain.size() + " elements");
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i), themed.get(i), "element " + i + " differs on the themed page");
        }

        // and the other way: the page's own button keeps the page's look
        WebElement pageButton = browser.find("page-button");
        assertEquals("uppercase", pageButton.getCssValue("text-transform"));
        assertEquals("rgba(138, 44, 85, 1)", pageButton.getCssValue("background-color"));
        assertEquals("10px", pageButton.getCssValue("padding-top"));
        assertEquals("17px", browser.js("return getComputedStyle(document.body).fontSize;"));
    }
}
