package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.backproplab.e2e.Browser.Backend;
import org.backproplab.layout.LayoutBench;
import org.backproplab.nn.Bench;
import org.backproplab.nn.TrainSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * bench.html runs and reports its figures on both backends. This checks that the figures are there and finite, not
 * how big they are: speed is measured by the benchmark, not asserted by tests. With -Dbench.print=true (the bench
 * profile) it also prints them as one table.
 */
class BenchPageIT {
    private static Browser browser;
    private static final StringBuilder TABLE = new StringBuilder();

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        if (Boolean.getBoolean("bench.print")) {
            // The same training benchmark on this JVM, so all three rows come from one run.
            String demo = java.nio.file.Files.readString(browser.site.resolve("examples/micrograd-demo.json"));
            Bench.Result jvm = Bench.run(TrainSpec.parse(demo), Bench.Options.standard());
            TABLE.append(String.format("%-5s  valueMsPerStep=%.3f  tapeMsPerStep=%.4f  predictUsPerPoint=%.3f"
                    + "  layout500NodeDagMs=%.2f%n", "jvm", jvm.valueMsPerStep(), jvm.tapeMsPerStep(),
                    jvm.predictUsPerPoint(), LayoutBench.run()));
            appendJvmGraphScale();
            System.out.println("\nBenchmarks (medians; micrograd on CPython: 1710 ms per demo step)\n" + TABLE);
        }
    }

    /** The layout of the graph-scale suite's biggest reuse on this JVM, in the same run as the browser figures. */
    private static void appendJvmGraphScale() {
        TABLE.append(String.format("%-5s  layoutReuse5000Ms=%.2f%n", "jvm", LayoutBench.runReuse()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(Backend backend, String suite) {
        browser.driver.get("about:blank");
        browser.driver.get(browser.url(backend, "bench.html", "").replace("?", "?suite=" + suite + "&"));
        Map<String, Object> result = (Map<String, Object>) new WebDriverWait(browser.driver, Duration.ofMinutes(4),
                Duration.ofSeconds(3)).until(d -> browser.js("return window.benchResult || null;"));
        assertNotNull(result);
        assertFalse(result.containsKey("error"), String.valueOf(result.get("error")));
        return result;
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void benchPageReportsFiniteFigures(Backend backend) {
        Map<String, Object> result = new java.util.TreeMap<>();
        for (String suite : new String[] {"train", "graph", "frames"}) {
            result.putAll(run(backend, suite));
        }
        for (String key : new String[] {"valueMsPerStep", "tapeMsPerStep", "predictUsPerPoint", "graphRender500Ms",
            "typing40Ms", "typing40NewShapeMs", "frameP95Ms", "frameWorkP95Ms", "hundredStepsMs"}) {
            Object value = result.get(key);
            assertTrue(value instanceof Number, key + " is a number: " + value);
            double x = ((Number) value).doubleValue();
            assertTrue(Double.isFinite(x) && x >= 0, key + " is finite: " + x);
        }
        TABLE.append(String.format("%-5s", backend.expected));
        result.forEach((k, v) -> {
            if (v instanceof Number n) {
                TABLE.append(String.format("  %s=%.3f", k, n.doubleValue()));
            }
        });
        TABLE.append('\n');
    }

    /**
     * The graph at scale (issue 16, see ui/bench/GraphScale): every figure is there and finite, and each case drew
     * the graph it meant to (a count that is off means the program, not the speed, changed).
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void graphScaleFiguresAreReported(Backend backend) {
        Map<String, Object> result = new java.util.TreeMap<>(run(backend, "scale"));
        // Printed first, so a run that fails a check below still shows its figures.
        TABLE.append(String.format("%-5s", backend.expected));
        result.forEach((k, v) -> {
            if (v instanceof Number n && !k.endsWith("Nodes")) {
                TABLE.append(String.format("  %s=%.1f", k, n.doubleValue()));
            }
        });
        TABLE.append('\n');
        for (String key : new String[] {"program1500FirstDrawMs", "program1500KeystrokeMs", "wheelZoom1500Ms",
            "zoomRedraw1500Ms", "step447Ms", "reuse5000FirstDrawMs", "reuse5000EvalBackwardMs", "reuse5000FullDrawMs",
            "reuse30000FirstDrawMs", "chain100kEvalBackwardMs"}) {
            Object value = result.get(key);
            assertTrue(value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0,
                    key + " is a finite number: " + value);
        }
        Map<String, Integer> nodes = Map.of("program1500Nodes", 1496, "step447Nodes", 447, "reuse5000Nodes", 5000,
                "reuse30000Nodes", 30_000, "chain100kNodes", 100_001);
        nodes.forEach((key, count) -> assertTrue(result.get(key) instanceof Number n && n.intValue() == count,
                key + " is " + count + ": " + result.get(key)));
    }
}
