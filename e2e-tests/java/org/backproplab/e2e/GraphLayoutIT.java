package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The graph view's layouts fit (issue 15 §5) at the four screens a classroom has: 1366×768, 1280×800, 1024×600 and
 * 768×1024. A short widget keeps its step panel inside its own box; the tanh neuron in a 420px widget, every preset
 * and a program from a link open with every node in view; the gradient check's numbers and verdicts are whole; the
 * topological order stays a row of chips; focus goes back to what opened a leaf's field or the help. Each
 * screenshot (target/screenshots/fit-graph-*) is taken after checking the geometry it shows.
 */
class GraphLayoutIT {
    private static final int[][] SIZES = LayoutScreenshotsIT.SIZES;
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static double number(String script, Object... args) {
        return ((Number) browser.js(script, args)).doubleValue();
    }

    /** Mounts a widget at the top of the example page's main column, with a paragraph right after it. */
    private static WebElement mountWidget(String options) {
        browser.open(Backend.JS, "embed-example.html", "");
        browser.waitFor(d -> d.findElements(By.cssSelector("[data-testid=backend]")).size() == 4);
        browser.js("var host = document.createElement('div'); host.setAttribute('data-testid', 'host');"
                + "var after = document.createElement('p'); after.setAttribute('data-testid', 'after');"
                + "after.textContent = 'The paragraph after the widget.';"
                + "var main = document.querySelector('main'); main.prepend(after); main.prepend(host);"
                + "BackpropLab.mount(host, " + options + ");");
        WebElement host = browser.driver.findElement(By.cssSelector("[data-testid=host]"));
        browser.waitFor(d -> !host.findElements(By.cssSelector("[data-testid=node]")).isEmpty());
        browser.js("arguments[0].scrollIntoView();", host);
        return host;
    }

    /** The nodes (found inside root) whose box is not wholly inside the drawing and the screen, by label. */
    private static List<?> nodesOutOfView(WebElement root) {
        return (List<?>) browser.js("var svg = arguments[0].querySelector('.bpl-canvas');"
                + "var c = svg.getBoundingClientRect(); var out = [];"
                + "arguments[0].querySelectorAll('[data-testid=node]').forEach(function (n) {"
                + "  var r = n.getBoundingClientRect();"
                + "  if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5"
                + "      || r.bottom > c.bottom + 0.5 || r.top < 0 || r.bottom > window.innerHeight"
                + "      || r.width < 1) { out.push(n.getAttribute('data-label')); } });"
                + "return out;", root);
    }

    /** The full app's graph view with the lecture's tanh neuron. */
    private static void openNeuron() {
        browser.open(Backend.JS, "index.html", "view=graph");
        new org.openqa.selenium.support.ui.Select(browser.find("presets")).selectByValue("neuron");
        browser.waitFor(d -> browser.find("program").getAttribute("value").contains("tanh"));
    }

    @Test
    void aShortGraphWidgetKeepsItsStepPanelAndCoversNothing() {
        for (int[] size : SIZES) {
            browser.viewport(size[0], size[1]);
            WebElement host = mountWidget("{view: 'graph', preset: 'lecture', height: '300'}");
            String name = "fit-graph-widget-300-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            double widgetBottom = number("return arguments[0].querySelector('.bpl-lab').getBoundingClientRect()"
                    + ".bottom;", host);
            double footerTop = number("return arguments[0].querySelector('.bpl-footer').getBoundingClientRect()"
                    + ".top;", host);
            double after = number("return document.querySelector('[data-testid=after]').getBoundingClientRect()"
                    + ".top;");
            assertTrue(after >= widgetBottom, name + ": the widget covers the paragraph after it");
            WebElement panel = host.findElement(By.cssSelector("[data-testid=step-panel]"));
            double panelTop = panel.getRect().getY() - number("return window.scrollY;");
            double panelBottom = panelTop + panel.getRect().getHeight();
            assertTrue(panel.isDisplayed() && panelBottom <= footerTop + 0.5 && panelTop >= footerTop - 300,
                    name + ": the step panel (" + panelTop + " to " + panelBottom + ") is not above the footer at "
                            + footerTop);
            double canvasBottom = number("return arguments[0].querySelector('.bpl-canvas').getBoundingClientRect()"
                    + ".bottom;", host);
            assertTrue(canvasBottom <= panelTop, name + ": the drawing runs under the step panel");
            assertTrue(nodesOutOfView(host).isEmpty(), name + ": out of view: " + nodesOutOfView(host));
        }
    }

    @Test
    void theNeuronInAHiddenControls420pxWidgetOpensWithEveryNodeInView() {
        for (int[] size : SIZES) {
            browser.viewport(size[0], size[1]);
            WebElement host = mountWidget("{view: 'graph', preset: 'neuron', controls: 'hidden', height: '420'}");
            String name = "fit-graph-neuron-420-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            assertEquals(10, host.findElements(By.cssSelector("[data-testid=node]")).size());
            assertTrue(nodesOutOfView(host).isEmpty(), name + ": out of view: " + nodesOutOfView(host));
        }
    }

    /**
     * By hand, the toolbar keeps its ? on its one line, and neither the legend nor the zoom buttons sit on a box:
     * at 1024x600 the ? wrapped onto a second line, and the legend covered the bottom of box f.
     */
    @Test
    void byHandTheToolbarIsOneLineAndTheLegendCoversNoBox() {
        for (int[] size : SIZES) {
            browser.viewport(size[0], size[1]);
            browser.open(Backend.JS, "index.html", "view=graph&hand=1");
            WebElement view = browser.find("graph-view");
            browser.waitFor(d -> view.findElements(By.cssSelector("[data-testid=node]")).size() == 7);
            String name = "fit-graph-hand-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            double backwardTop = browser.find("backward").getRect().getY();
            assertEquals(backwardTop, browser.find("help").getRect().getY(), 4, name + ": the ? wrapped");
            List<?> covered = (List<?>) browser.js("var over = [document.querySelector('[data-testid=legend]'),"
                    + " document.querySelector('.bpl-zoom')].map(function (e) { return e.getBoundingClientRect(); });"
                    + "var out = []; document.querySelectorAll('[data-testid=node]').forEach(function (n) {"
                    + "  var r = n.getBoundingClientRect(); over.forEach(function (o) {"
                    + "    if (o.width > 0 && r.left < o.right && r.right > o.left && r.top < o.bottom"
                    + "        && r.bottom > o.top) { out.push(n.getAttribute('data-label')); } }); });"
                    + "return out;");
            assertTrue(covered.isEmpty(), name + ": the legend or the zoom buttons cover " + covered);
        }
    }

    @Test
    void presetsAndAProgramFromALinkOpenFitted() {
        StringBuilder chain = new StringBuilder("x0 = 0.5\n");
        for (int i = 1; i <= 30; i++) {
            chain.append("x").append(i).append(" = x").append(i - 1).append(" * 1.1 + ").append(i).append('\n');
        }
        for (int[] size : SIZES) {
            browser.viewport(size[0], size[1]);
            browser.open(Backend.JS, "index.html", "view=graph&program=" + java.net.URLEncoder.encode(
                    chain.toString(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            WebElement view = browser.find("graph-view");
            browser.waitFor(d -> view.findElements(By.cssSelector("[data-testid=node]")).size() > 60);
            String name = "fit-graph-link-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            assertTrue(nodesOutOfView(view).isEmpty(), name + ": out of view: " + nodesOutOfView(view));
            WebElement presets = browser.find("presets");
            List<String> ids = presets.findElements(By.cssSelector("option")).stream()
                    .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
            for (String id : ids) {
                new org.openqa.selenium.support.ui.Select(presets).selectByValue(id);
                browser.waitFor(d -> browser.find("program").getAttribute("value").length() > 0
                        && nodesOutOfView(view).isEmpty());
            }
        }
    }

    @Test
    void theGradientCheckNeitherWrapsNumbersNorClipsItsVerdicts() {
        // (a header such as "rel. error" may take two lines; a number or a verdict may not)
        for (int[] size : SIZES) {
            browser.viewport(size[0], size[1]);
            // six-letter leaves whose grads and numeric slopes have many digits
            browser.open(Backend.JS, "index.html", "view=graph&program=" + java.net.URLEncoder.encode(
                    "weight = -2.2222222\ninput2 = 3.3333333\nout = weight * input2 * weight\n",
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            WebElement table = browser.find("gradcheck");
            browser.waitFor(d -> table.findElements(By.cssSelector("tr[data-label]")).size() == 2);
            browser.js("arguments[0].scrollIntoView();", table);
            String name = "fit-graph-gradcheck-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            List<?> bad = (List<?>) browser.js("var t = arguments[0]; var side = t.closest('.bpl-panel')"
                    + ".getBoundingClientRect(); var out = [];"
                    + "t.querySelectorAll('td, th').forEach(function (c) { var r = c.getBoundingClientRect();"
                    + "  if (c.querySelector('.bpl-visually-hidden')) { return; }" // a name for screen readers only
                    + "  var range = document.createRange(); range.selectNodeContents(c);"
                    + "  var lines = range.getClientRects().length;"
                    + "  if ((lines > 1 && c.tagName === 'TD') || r.right > side.right + 0.5"
                    + "      || c.scrollWidth > c.clientWidth + 1)"
                    + "    { out.push(c.textContent + ' (' + lines + ' lines, right ' + r.right + ' of '"
                    + "      + side.right + ')'); } });"
                    + "return out;", table);
            assertTrue(bad.isEmpty(), name + ": wrapped or clipped cells: " + bad);
        }
    }

    @Test
    void theTopologicalOrderStaysARowOfChips() {
        for (int[] size : SIZES) {
            browser.viewport(size[0], size[1]);
            openNeuron();
            WebElement topo = browser.find("topo");
            browser.waitFor(d -> topo.findElements(By.cssSelector("li")).size() == 10);
            String name = "fit-graph-topo-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            List<?> bad = (List<?>) browser.js("var out = []; arguments[0].querySelectorAll('li').forEach("
                    + "function (li) { var r = li.getBoundingClientRect();"
                    + "  if (r.height > 22 || li.scrollWidth > li.clientWidth + 1 || r.width < r.height)"
                    + "    { out.push(li.textContent + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); } });"
                    + "return out;", topo);
            assertTrue(bad.isEmpty(), name + ": chips out of shape: " + bad);
        }
    }

    @Test
    void focusGoesBackToWhatOpenedALeafsFieldOrTheHelp() {
        browser.viewport(1280, 800);
        browser.open(Backend.JS);
        WebElement a = browser.driver.findElement(By.cssSelector("[data-testid=node][data-label=a]"));
        a.click();
        WebElement field = browser.driver.findElement(By.cssSelector(".bpl-leaf-editor"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3", Keys.ENTER);
        browser.waitFor(d -> browser.find("program").getAttribute("value").startsWith("a = 3"));
        assertEquals("a", browser.js("var e = document.activeElement; return e && e.getAttribute('data-label');"),
                "Enter gives the focus back to the leaf's box");
        WebElement help = browser.find("help");
        help.click();
        assertTrue(browser.find("help-popover").isDisplayed());
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.waitFor(d -> !browser.find("help-popover").isDisplayed());
        assertEquals("help", browser.js("var e = document.activeElement; return e && e.getAttribute('data-testid');"),
                "Esc gives the focus back to the ? button");
        new Actions(browser.driver).sendKeys("?").perform();
        assertTrue(browser.find("help-popover").isDisplayed());
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.waitFor(d -> !browser.find("help-popover").isDisplayed());
        assertEquals("help", browser.js("var e = document.activeElement; return e && e.getAttribute('data-testid');"),
                "and after ? and Esc as well");
    }
}
