package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every layout fits (issue 15 §5), at the four screens a classroom has: 1366×768 and 1280×800 laptops, a 1024×600
 * netbook and a 768×1024 tablet. Each screenshot (target/screenshots/fit-*) is taken after checking the geometry it
 * shows: the trainer's import control inside its panel, panel 2's partials table without a scroll bar, a full
 * trainer widget in a 900px text column with a plot of at least 300px, and the loss chart's labels after a blow-up.
 */
class LayoutScreenshotsIT {
    /** The four screens, also GraphLayoutIT's. */
    static final int[][] SIZES = {{1366, 768}, {1280, 800}, {1024, 600}, {768, 1024}};
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

    /** How far the import control (found inside root) sticks out of its panel, on any side; 0 or less: not at all. */
    private static double importOverflow(WebElement root) {
        return number("var f = arguments[0].querySelector('[data-testid=import-spec]');"
                + "var c = f.closest('label').getBoundingClientRect();"
                + "var p = f.closest('.bpl-panel').getBoundingClientRect();"
                + "return Math.max(c.right - p.right, p.left - c.left, c.bottom - p.bottom, p.top - c.top);", root);
    }

    @Test
    void theTrainersImportControlStaysInsideItsPanel() {
        for (int[] size : SIZES) {
            browser.viewport(size[0], size[1]);
            browser.open(Backend.JS, "index.html", "view=train");
            browser.js("arguments[0].closest('.bpl-panel').scrollIntoView();", browser.find("import-spec"));
            double over = importOverflow(browser.find("train-view"));
            String name = "fit-train-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            assertTrue(over <= 0, name + ": the import control sticks out of its panel by " + over + "px");
        }
    }

    @Test
    void thePartialsTableFitsWithoutAScrollBar() {
        for (int[] size : SIZES) {
            browser.viewport(size[0], size[1]);
            browser.open(Backend.JS, "index.html", "view=derivative");
            browser.waitFor(d -> !browser.find("partial").getAttribute("data-value").isEmpty());
            WebElement table = browser.find("partials");
            browser.js("arguments[0].scrollIntoView();", table);
            double hidden = number("var w = arguments[0].closest('.bpl-deriv-multi-table');"
                    + "return w.scrollWidth - w.clientWidth;", table);
            String name = "fit-derivative-partials-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            assertTrue(hidden <= 0, name + ": " + hidden + "px of the partials table are cut off");
        }
    }

    @Test
    void aFullTrainerWidgetInANineHundredPixelColumnKeepsAUsablePlot() {
        for (int[] size : new int[][] {{1366, 768}, {1280, 800}, {1024, 600}}) {
            browser.viewport(size[0], size[1]);
            browser.open(Backend.JS, "embed-example.html", "");
            browser.waitFor(d -> d.findElements(By.cssSelector("[data-testid=backend]")).size() == 4);
            browser.js("var host = document.createElement('div'); host.style.width = '900px';"
                    + "host.setAttribute('data-testid', 'column'); document.querySelector('main').prepend(host);"
                    + "BackpropLab.mount(host, {view: 'train', height: '560'});");
            WebElement canvas = browser.waitFor(d -> d.findElement(By.cssSelector("[data-testid=column] "
                    + "[data-testid=boundary]")));
            browser.waitFor(d -> canvas.getRect().getWidth() > 0);
            browser.js("arguments[0].scrollIntoView();", browser.driver.findElement(By.cssSelector(
                    "[data-testid=column]")));
            String name = "fit-train-widget-900-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            int side = canvas.getRect().getWidth();
            assertTrue(side >= 300, name + ": the plot is " + side + "px wide");
            WebElement column = browser.driver.findElement(By.cssSelector("[data-testid=column]"));
            double cut = number("var w = arguments[0].querySelector('.bpl-train-side');"
                    + "return w.scrollWidth - w.clientWidth;", column);
            assertTrue(cut <= 0, name + ": the setting panels are cut by " + cut + "px");
            double over = importOverflow(column);
            assertTrue(over <= 0, name + ": the Training panel cuts its import control by " + over + "px");
        }
    }

    @Test
    void theLossChartsLabelsFitAfterTheLearningRateBlowsUp() {
        for (int[] size : SIZES) {
            browser.viewport(size[0], size[1]);
            browser.open(Backend.JS, "index.html", "view=train&lr=1e6&budget=0");
            browser.find("train-play").click();
            browser.waitFor(d -> browser.find("train-view").getAttribute("data-nan-step") != null);
            WebElement chart = browser.find("loss-chart");
            browser.js("arguments[0].scrollIntoView();", chart);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cut = (List<Map<String, Object>>) browser.js("var svg = arguments[0]"
                    + ".querySelector('svg'); var box = svg.getBoundingClientRect(); var out = [];"
                    + "svg.querySelectorAll('text').forEach(function (t) { var r = t.getBoundingClientRect();"
                    + " if (r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5))"
                    + " { out.push({text: t.textContent, left: r.left - box.left}); } }); return out;", chart);
            String name = "fit-train-blown-up-" + size[0] + "x" + size[1];
            browser.screenshot(name);
            assertTrue(cut.isEmpty(), name + ": labels outside the chart: " + cut);
        }
    }
}
