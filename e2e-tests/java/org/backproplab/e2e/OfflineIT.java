package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The site works with nothing outside it: while every view is used, every request the browser makes (read from
 * Chromium's performance log) goes to the site itself (localhost or file://), none fails, and the
 * Content-Security-Policy reports no violation.
 */
class OfflineIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser(true);
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    /** Every URL requested since the last call, with failures and HTTP errors marked. */
    @SuppressWarnings("unchecked")
    private static List<String> requests(List<String> problems) {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> outer = new Json().toType(entry.getMessage(), Map.class);
            Map<String, Object> message = (Map<String, Object>) outer.get("message");
            String method = (String) message.get("method");
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            if ("Network.requestWillBeSent".equals(method)) {
                urls.add((String) ((Map<String, Object>) params.get("request")).get("url"));
            } else if ("Network.loadingFailed".equals(method)) {
                problems.add("failed: " + params.get("errorText") + " " + params.get("requestId"));
            } else if ("Network.responseReceived".equals(method)) {
                Map<String, Object> response = (Map<String, Object>) params.get("response");
                if (((Number) response.get("status")).intValue() >= 400) {
                    problems.add("HTTP " + response.get("status") + " " + response.get("url"));
                }
            }
        }
        for (LogEntry entry : browser.driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy") || entry.getLevel().intValue() >= 1000) {
                problems.add("console: " + entry.getMessage());
            }
        }
        return urls;
    }

    private static void useEveryView() {
        browser.find("backward").click();
        for (int i = 0; i < 3; i++) {
            browser.find("step-backward").click();
        }
        browser.find("nudge").click();
        browser.find("tab-train").click();
        browser.find("train-step").click();
        browser.find("train-play").click();
        browser.waitFor(d -> Double.parseDouble(browser.find("step-count").getAttribute("data-value")) > 5);
        browser.find("train-play").click();
        browser.find("inspect").click();
        browser.find("tab-derivative").click();
        browser.js("var h = arguments[0]; h.value = '-9'; h.dispatchEvent(new Event('input'));", browser.find("h"));
        browser.find("tab-graph").click();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void usingEveryViewRequestsNothingFromOutside(Backend backend) {
        browser.driver.get("about:blank");
        requests(new ArrayList<>()); // drop what came before
        browser.open(backend);
        useEveryView();
        List<String> problems = new ArrayList<>();
        List<String> urls = requests(problems);
        String site = backend.fromDisk() ? browser.site.toUri().toString() : browser.server.url();
        assertFalse(urls.isEmpty(), "the log recorded the page's own requests");
        for (String url : urls) {
            assertTrue(url.startsWith(site) || url.startsWith("blob:") || url.startsWith("data:"),
                    "a request left the site: " + url);
        }
        assertEquals(List.of(), problems);
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=node]")).size() >= 7);
    }
}
