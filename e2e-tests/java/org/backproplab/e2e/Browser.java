package org.backproplab.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.backproplab.cli.SiteServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's ChromeDriver, both named explicitly so that Selenium Manager never
 * tries the network, plus a server for target/site on a free localhost port.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Where a page is loaded from, and which backend it must end up running: forced over http, or from file://
     * as an offline classroom opens it, where it upgrades to WebAssembly as over http (FILE) unless JavaScript is
     * forced (FILE_JS, which is also what a browser without WebAssembly GC runs).
     */
    public enum Backend {
        JS("?backend=js", "js"), WASM("?backend=wasm", "wasm"), FILE("", "wasm"), FILE_JS("?backend=js", "js");

        final String query;
        final String expected;

        Backend(String query, String expected) {
            this.query = query;
            this.expected = expected;
        }

        /** Whether the page is opened from file://. */
        public boolean fromDisk() {
            return this == FILE || this == FILE_JS;
        }
    }

    public final ChromeDriver driver;
    public final SiteServer server;
    public final Path site;
    private final Path profile;

    /** Quiets Selenium's warnings about DevTools versions, which these tests don't use. */
    private static final java.util.logging.Logger SELENIUM_LOG = quiet();

    private static java.util.logging.Logger quiet() {
        var log = java.util.logging.Logger.getLogger("org.openqa.selenium");
        log.setLevel(java.util.logging.Level.SEVERE);
        return log;
    }

    public Browser() {
        this(false);
    }

    /** With recordNetwork, Chromium's performance log records every request the page makes (see requests()). */
    public Browser(boolean recordNetwork) {
        this(recordNetwork, new String[0]);
    }

    /** With Chromium's command-line switches added to the usual ones. */
    public Browser(boolean recordNetwork, String... switches) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium or ChromeDriver is missing: apt-get install -y chromium "
                    + "chromium-driver");
        }
        site = Path.of(System.getProperty("backproplab.site", "target/site")).toAbsolutePath();
        try {
            server = SiteServer.start(site, 0);
            profile = Files.createTempDirectory("bpl-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.addArguments(switches);
        if (recordNetwork) {
            org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
            logs.enable(org.openqa.selenium.logging.LogType.PERFORMANCE, java.util.logging.Level.ALL);
            logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** The URL of a page of the site, for a backend, with an optional #hash. */
    public String url(Backend backend, String page, String hash) {
        String base = backend.fromDisk() ? site.resolve(page).toUri().toString() : server.url() + page;
        return base + backend.query + (hash.isEmpty() ? "" : "#" + hash);
    }

    /** Opens a page and waits until its widgets run on the expected backend. */
    public void open(Backend backend, String page, String hash) {
        driver.get("about:blank");
        driver.get(url(backend, page, hash));
        waitFor(d -> {
            var found = d.findElements(By.cssSelector("[data-testid=backend]"));
            return !found.isEmpty() && backend.expected.equals(found.get(0).getAttribute("data-value"));
        });
    }

    public void open(Backend backend) {
        open(backend, "index.html", "");
    }

    /**
     * Waits up to 15 s for a condition on the page's state, looking every 50 ms. A redraw replaces elements, so an element found a moment
     * ago can be gone when the condition reads it: that counts as "not yet", not as a failure.
     */
    public <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        // Selenium looks again every 500 ms unless told otherwise; at 50 ms a wait ends when the page is ready, and
        // the suite's thousands of waits no longer add minutes to the build
        return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Sets the page's viewport (not the window) to exactly this size, as a laptop or tablet screen would be. */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height",
                height, "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * Saves the page's downloads into dir from now on, without a dialog (through DevTools, as a person's "always
     * save to" setting would), so a test can read the very file a user would get, under its name.
     */
    public void downloadsTo(Path dir) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", dir.toAbsolutePath().toString()));
    }

    /** Waits for a finished download of this name in dir (Chromium writes it as .crdownload first). */
    public Path download(Path dir, String name) {
        Path file = dir.resolve(name);
        waitFor(d -> {
            try (var files = Files.list(dir)) {
                return Files.isRegularFile(file) && files.noneMatch(f -> f.toString().endsWith(".crdownload"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return file;
    }

    /**
     * Clicks a button n times in one round trip to the page: each is the click event a person's click makes, without
     * WebDriver's tens of milliseconds per click.
     */
    public void clickTimes(WebElement button, int n) {
        js("var b = arguments[0]; for (var i = 0; i < arguments[1]; i++) { b.click(); }", button, n);
    }

    public WebElement find(String testId) {
        return driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Replaces a textarea's or input's text the way a user would: select all, then type. */
    public void type(WebElement field, String text) {
        field.click();
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        field.sendKeys(org.openqa.selenium.Keys.DELETE);
        field.sendKeys(text);
    }

    /**
     * Pastes text over a field's whole text as a person does: the text goes on the clipboard, then select all and
     * Ctrl+V, so the page gets one paste, not a keystroke per character.
     */
    public void paste(WebElement field, String text) {
        driver.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("permissions",
                java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        field.click();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
        Object copied = driver.executeAsyncScript("var done = arguments[1];"
                + "navigator.clipboard.writeText(arguments[0]).then(function () { done('ok'); },"
                + "  function (e) { done('failed: ' + e); });", text);
        if (!"ok".equals(copied)) {
            throw new AssertionError("the clipboard refused the text: " + copied);
        }
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "v"));
        waitFor(d -> text.equals(field.getAttribute("value")));
    }

    /** Saves what the screen shows as target/screenshots/NAME.png, and checks it is a real picture. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            if (Files.size(file) < 10_000) {
                throw new AssertionError(name + " is nearly empty: " + Files.size(file) + " bytes");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            server.close();
        }
    }
}
