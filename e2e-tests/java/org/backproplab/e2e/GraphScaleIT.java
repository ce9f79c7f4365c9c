package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.backproplab.e2e.Browser.Backend;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluator;
import org.backproplab.ui.bench.ScalePrograms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The graph view at scale (issue 16): a leaf used 30,000 times is summarised with a message, never a blank view;
 * the full drawing comes on demand; Fit on a 1,500-Value graph shows the graph, not an empty canvas. The programs
 * are the benchmark's (ScalePrograms).
 */
class GraphScaleIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    /** Puts a long program in the editor at once, as a paste does (typing it key by key would take minutes). */
    private static void paste(String program) {
        browser.js("var t = arguments[0]; t.value = arguments[1]; t.dispatchEvent(new Event('input'));",
                browser.find("program"), program);
    }

    private static List<WebElement> all(String testId) {
        return browser.driver.findElements(By.cssSelector("[data-testid=" + testId + "]"));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aLeafUsedThirtyThousandTimesIsSummarisedWithAMessage(Backend backend) {
        browser.open(backend, "index.html", "view=graph");
        paste(ScalePrograms.reuse(30_000, 1));
        browser.waitFor(d -> !all("summary-output").isEmpty());
        WebElement note = browser.find("summary-note");
        assertTrue(note.isDisplayed(), "a message says why the graph is summarised");
        assertTrue(note.getText().contains("30,000 Values"), note.getText());
        assertTrue(all("node").isEmpty(), "no box per Value");
        // (a redraw may replace the boxes while they are read: wait, rather than read once)
        browser.waitFor(d -> "30000.0".equals(browser.find("summary-output").getAttribute("data-value")));
        browser.waitFor(d -> "a".equals(browser.find("summary-leaf").getAttribute("data-label"))); // readable
        // (the bands are counted in one script: read one by one, they can be replaced between two reads)
        long inBands = (Long) browser.js("var n = 0; document.querySelectorAll('[data-testid=summary-band]')"
                + ".forEach(function (b) { n += Number(b.getAttribute('data-count')); }); return n;");
        assertEquals(29_999, inBands, "every result is counted in a band (the leaf a is the 30,000th Value)");
        assertTrue(all("summary-band").size() >= 2, "the layers are bands");

        browser.find("backward").click();
        browser.waitFor(d -> "30000.0".equals(browser.find("summary-leaf").getAttribute("data-grad")));
        assertEquals("1.0", browser.find("summary-output").getAttribute("data-grad"));
        browser.screenshot("graph-summary-reuse30000-" + backend.name().toLowerCase());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void theFullDrawingComesOnDemandAndGoesBack(Backend backend) {
        browser.open(backend, "index.html", "view=graph");
        paste(ScalePrograms.reuse(5_000, 1));
        browser.waitFor(d -> !all("summary-output").isEmpty());
        browser.find("draw-all").click();
        browser.waitFor(d -> all("node").size() == 5_000);
        assertTrue(all("summary-output").isEmpty(), "the summary made way for the full drawing");
        assertTrue(browser.find("summary-note").getText().contains("All 5,000 Values are drawn"));
        browser.find("backward").click();
        browser.waitFor(d -> "5000.0".equals(browser.driver.findElement(
                By.cssSelector("g[data-testid=node][data-label=a]")).getAttribute("data-grad")));
        browser.screenshot("graph-reuse5000-drawn-" + backend.name().toLowerCase());
        browser.find("draw-all").click(); // now "Show the summary"
        browser.waitFor(d -> !all("summary-output").isEmpty() && all("node").isEmpty());
    }

    /**
     * Fit frames a 1,500-Value graph far out, where a box is less than a pixel wide; its lines and boxes must still
     * show. The canvas's pixels are counted: the white background and its dot grid against everything drawn.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void fitOnAFifteenHundredValueGraphShowsTheGraph(Backend backend) {
        browser.open(backend, "index.html", "view=graph");
        paste(ScalePrograms.lineProgram(300, "0.5"));
        browser.waitFor(d -> all("node").size() == 1_496);
        browser.find("fit").click();
        WebElement svg = browser.driver.findElement(By.cssSelector("svg.bpl-svg"));
        browser.waitFor(d -> Double.parseDouble(svg.getAttribute("data-scale")) < 0.2);
        double drawn = inkedShare(svg);
        browser.screenshot("graph-1500-fit-" + backend.name().toLowerCase());
        // 242,000 by 1,360 units, fitted at 0.004: 0.3% of the canvas was inked before its lines kept their width.
        assertTrue(drawn > 0.01, "Fit shows the graph: " + Math.round(drawn * 1000) / 10.0 + "% of the canvas inked");
    }

    /** The 300-line program (1,496 Values) drawn and Backward pressed: its box x0, once that shows a grad. */
    private WebElement bigProgramAfterBackward(Backend backend) {
        browser.open(backend, "index.html", "view=graph");
        paste(ScalePrograms.lineProgram(300, "0.5"));
        browser.waitFor(d -> all("node").size() == 1_496);
        browser.find("backward").click();
        WebElement x0 = browser.driver.findElement(By.cssSelector("g[data-testid=node][data-label=x0]"));
        browser.waitFor(d -> !x0.getAttribute("data-grad").isEmpty());
        return x0;
    }

    /**
     * A keystroke that changes numbers (and signs) all over a 1,500-Value graph keeps its drawing: the same boxes,
     * where they were. Before, a sign that changed a box's width made a new layout and new boxes on each keystroke.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aKeystrokeKeepsTheDrawingOfABigProgram(Backend backend) {
        WebElement x0 = bigProgramAfterBackward(backend);
        WebElement box = x0.findElement(By.tagName("rect"));
        String where = box.getAttribute("x") + "," + box.getAttribute("y");
        paste(ScalePrograms.lineProgram(300, "0.6")); // (-0.5 would make x0 a negation, another graph)
        browser.waitFor(d -> "0.6".equals(x0.getAttribute("data-value"))); // the same element, not a new one
        assertEquals(where, box.getAttribute("x") + "," + box.getAttribute("y"));
    }

    /**
     * Fitted far out, a keystroke colours the boxes at once and writes their numbers and names a few tasks later:
     * once it has, every one of the 1,496 boxes carries the new program's numbers, in its test attributes and in the
     * name a screen reader gives it, as the JVM computes them.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void farOutEveryBoxsNameFollowsAKeystroke(Backend backend) {
        bigProgramAfterBackward(backend);
        String program = ScalePrograms.lineProgram(300, "0.6");
        Value output = Evaluator.run(program).output();
        output.backward();
        List<Value> order = output.topologicalOrder();
        paste(program);
        WebElement svg = browser.driver.findElement(By.cssSelector("svg.bpl-svg"));
        assertTrue(svg.getAttribute("class").contains("far"), "fitted, the boxes are too small to read");
        String read = "var out = []; document.querySelectorAll('[data-testid=node]').forEach(function (b) {"
                + " out[Number(b.getAttribute('data-index'))] = b.getAttribute('data-value') + '|'"
                + " + b.getAttribute('data-grad') + '|' + b.getAttribute('aria-label'); }); return out.join('\\n');";
        browser.waitFor(d -> {
            String[] boxes = ((String) browser.js(read)).split("\n");
            for (int i = 0; i < order.size(); i++) {
                String[] shown = boxes[i].split("\\|");
                if (!close(shown[0], order.get(i).data) || !close(shown[1], order.get(i).grad)) {
                    return false;
                }
            }
            return true;
        });
        String[] boxes = ((String) browser.js(read)).split("\n");
        int named = 0;
        for (int i = 0; i < order.size(); i++) {
            Value v = order.get(i);
            String name = boxes[i].substring(boxes[i].indexOf('|', boxes[i].indexOf('|') + 1) + 1);
            String data = "data " + Numbers.fixed(v.data, 4);
            String grad = "grad " + Numbers.fixed(v.grad, 4);
            // (a tiny number is written shorter: "-6.6e-10")
            if (Math.abs(v.data) >= 1e-4) {
                assertTrue(name.contains(data + " grad "), "box " + i + " is named " + name + ", not " + data);
                named++;
            }
            if (Math.abs(v.grad) >= 1e-4) {
                assertTrue(name.contains(grad), "box " + i + " is named " + name + ", not " + grad);
            }
        }
        assertTrue(named > 1_000, named + " names checked");
    }

    /** A number as an attribute shows it (to the last digits, which two backends may print differently). */
    private static boolean close(String shown, double x) {
        double read = shown.isEmpty() ? Double.NaN : Double.parseDouble(shown);
        return Math.abs(read - x) <= 1e-12 * Math.max(1, Math.abs(x));
    }

    /**
     * A Step changes the grads of a node's children only, so only their boxes are written again: before, each Step
     * rewrote the numbers, colour and name of all of a 500-Value graph's boxes. Attribute writes are counted with
     * a MutationObserver, from the second Step (the first one starts the trace and zeroes every grad).
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aStepRewritesOnlyTheBoxesItChanges(Backend backend) {
        browser.open(backend, "index.html", "view=graph");
        paste(ScalePrograms.lineProgram(100, "0.5"));
        browser.waitFor(d -> all("node").size() == 488);
        browser.find("step-backward").click();
        // The first Step zeroes every grad: let its boxes be painted before counting.
        browser.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=node][data-current=true]")).isEmpty());
        settle();
        browser.js("window.bplWritten = new Set(); window.bplObserver = new MutationObserver(function (records) {"
                + " records.forEach(function (r) { var box = r.target.closest('[data-testid=node]');"
                + " if (box) { window.bplWritten.add(box); } }); });"
                + " window.bplObserver.observe(document.querySelector('svg.bpl-svg'), {attributes: true,"
                + " subtree: true, characterData: true, childList: true,"
                + " attributeFilter: ['fill', 'data-grad', 'data-value', 'aria-label']});");
        browser.find("step-backward").click();
        browser.waitFor(d -> !all("node").isEmpty() && browser.driver.findElements(
                By.cssSelector("[data-testid=node][data-current=true]")).size() == 1);
        settle(); // whatever is left to paint comes in tasks after the Step
        long written = (Long) browser.js("window.bplObserver.disconnect(); return window.bplWritten.size;");
        assertTrue(written <= 6, written + " boxes written for one Step");
    }

    /**
     * Waits two frames and a little more, for boxes painted in tasks after an action: when nothing more is to be
     * written, there is no state to wait for.
     */
    private static void settle() {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("var done = arguments[0];"
                + " requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(done, 200);"
                + " }); });");
    }

    /**
     * A wheel turn zooms the drawing as a picture first (a CSS transform, no redraw), and draws it sharp once the
     * wheel rests: the world's own transform changes then, and the picture's goes.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void aWheelTurnZoomsThePictureThenDrawsSharp(Backend backend) {
        browser.open(backend, "index.html", "view=graph");
        paste(ScalePrograms.lineProgram(300, "0.5"));
        browser.waitFor(d -> all("node").size() == 1_496);
        WebElement svg = browser.driver.findElement(By.cssSelector("svg.bpl-svg"));
        String world = (String) browser.js("return arguments[0].querySelector('g').getAttribute('transform');", svg);
        double scale = Double.parseDouble(svg.getAttribute("data-scale"));
        String picture = (String) browser.js("var s = arguments[0], b = s.getBoundingClientRect();"
                + "s.dispatchEvent(new WheelEvent('wheel', {deltaY: -120, bubbles: true, cancelable: true,"
                + " clientX: b.left + b.width / 2, clientY: b.top + b.height / 2}));"
                + "return s.style.transform + '|' + s.querySelector('g').getAttribute('transform');", svg);
        assertTrue(picture.startsWith("translate(") && picture.endsWith("|" + world),
                "the picture zooms, the drawing waits: " + picture);
        assertTrue(Double.parseDouble(svg.getAttribute("data-scale")) > scale * 1.1, "zoomed in");
        browser.waitFor(d -> ((String) browser.js("return arguments[0].style.transform;", svg)).isEmpty());
        assertTrue(!world.equals(browser.js("return arguments[0].querySelector('g').getAttribute('transform');",
                svg)), "drawn sharp at the new scale");
    }

    /** The share of the element's pixels that are clearly darker than the background (and its grey dots). */
    private static double inkedShare(WebElement element) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(element.getScreenshotAs(OutputType.BYTES)));
            int inked = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int grey = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
                    if (grey < 200) {
                        inked++;
                    }
                }
            }
            return inked / (double) (image.getWidth() * image.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
