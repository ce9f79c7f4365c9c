package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.EnumMap;
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
 * bench.html runs every suite in one page and reports its figures on both backends. This checks that the figures
 * are there and finite, not how big they are: speed is measured by the benchmark, not asserted by tests. With
 * -Dbench.print=true (the bench profile) it also prints them as one table against the targets of issue 13, with the
 * JVM's figures from the same run beside them.
 *
 * <p>The figures that count come from one page where the graph suite ran first, as a student's page has used the
 * graph view before the trainer. The training suite also runs alone in a fresh page, so the table shows whether
 * what ran before slowed it down.
 */
class BenchPageIT {
    /** Every suite, graph first. */
    private static final String ALL = "graph,train,big,frames,frames3,load";
    private static final String[] FIGURES = {"valueMsPerStep", "tapeMsPerStep", "predictUsPerPoint",
        "bigTapeMsPerStep", "bigValueMsPerStep", "graphRender500Ms", "typing40Ms", "typing40NewShapeMs", "frameP95Ms",
        "frameWorkP95Ms", "spiral3FrameP95Ms", "stepsPerSecond", "spiral3StepsPerSecond", "hundredStepsMs",
        "firstGraphMs", "gzipKB"};

    private static Browser browser;
    private static final Map<Backend, Map<String, Object>> AFTER_GRAPH = new EnumMap<>(Backend.class);
    private static final Map<Backend, Map<String, Object>> FRESH = new EnumMap<>(Backend.class);
    /** The graph-scale suite's figures, one line per backend. */
    private static final StringBuilder TABLE = new StringBuilder();

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        if (Boolean.getBoolean("bench.print")) {
            System.out.println(table());
            appendJvmGraphScale();
            System.out.println("Graph at scale (issue 16), bench.html?suite=scale in a page of its own:\n" + TABLE);
        }
    }

    /** The layout of the graph-scale suite's biggest reuse on this JVM, in the same run as the browser figures. */
    private static void appendJvmGraphScale() {
        TABLE.append(String.format("%-5s  layoutReuse5000Ms=%.2f%n", "jvm", LayoutBench.runReuse()));
    }

    /**
     * In every build the suites run on JS, to show the bench page works; on Wasm too with -Pbench, whose table needs
     * both (a minute of the build's 15 for what the table alone reads).
     */
    private static void onWasmOnlyWhenPrinting(Backend backend) {
        assumeTrue(backend == Backend.JS || Boolean.getBoolean("bench.print"), "Wasm's figures: with -Pbench");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(Backend backend, String suites) {
        // a suite runs synchronously (the big one's Value engine for seconds), and the page answers no script meanwhile
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
        browser.driver.get("about:blank");
        browser.driver.get(browser.url(backend, "bench.html", "").replace("?", "?suite=" + suites + "&"));
        Map<String, Object> result = (Map<String, Object>) new WebDriverWait(browser.driver, Duration.ofMinutes(6),
                Duration.ofSeconds(3)).until(d -> browser.js("return window.benchResult || null;"));
        assertNotNull(result);
        assertFalse(result.containsKey("error"), String.valueOf(result.get("error")));
        assertEquals(backend.expected, result.get("backend"), "the page ran on the backend it asked for");
        return result;
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void everySuiteReportsFiniteFiguresInOnePage(Backend backend) {
        onWasmOnlyWhenPrinting(backend);
        if (Boolean.getBoolean("bench.print")) {
            FRESH.put(backend, run(backend, "train")); // only for the printed table's fresh-page rows
        }
        Map<String, Object> result = run(backend, ALL);
        AFTER_GRAPH.put(backend, result);
        for (String key : FIGURES) {
            Object value = result.get(key);
            assertTrue(value instanceof Number, key + " is a number: " + value);
            double x = ((Number) value).doubleValue();
            assertTrue(Double.isFinite(x) && x > 0, key + " is finite and positive: " + x);
        }
        assertTrue(((Number) result.get("gzipFiles")).intValue() >= 4,
                "the load suite sized index.html, the loader, the styles and a backend: " + result.get("gzipFiles"));
    }

    /** The targets of issue 13, then the other figures; a missing figure (a failed run) prints as "-". */
    private static String table() throws Exception {
        String demo = java.nio.file.Files.readString(browser.site.resolve("examples/micrograd-demo.json"));
        Bench.Result jvm = Bench.run(TrainSpec.parse(demo), Bench.Options.standard());
        Bench.Result jvmBig = Bench.run(Bench.bigSpec(), Bench.Options.big());
        StringBuilder t = new StringBuilder("\nBenchmarks (medians). JS and Wasm: bench.html?suite=" + ALL
                + ", all in one page, each suite after the graph suite; JVM: the same code in this JVM."
                + "\nmicrograd on CPython: 1710 ms per demo step.\n\n");
        t.append(String.format("%-46s %10s %10s %10s   %s%n", "", "JS", "Wasm", "JVM", "target (JS / Wasm)"));
        row(t, "Value engine, demo step (ms)", "valueMsPerStep", jvm.valueMsPerStep(), 8, 4);
        row(t, "tape, demo step (ms)", "tapeMsPerStep", jvm.tapeMsPerStep(), 0.4, 0.1);
        row(t, "predict, one point (µs)", "predictUsPerPoint", jvm.predictUsPerPoint(), 1.5, 0.5);
        row(t, "tape, 1,000 points, 2-32-32-1 (ms)", "bigTapeMsPerStep", jvmBig.tapeMsPerStep(), 12, 4);
        row(t, "first graph after navigation (ms)", "firstGraphMs", Double.NaN, 400, 400);
        row(t, "gzip of everything index.html loads (KB)", "gzipKB", Double.NaN, 220, 260);
        t.append('\n');
        row(t, "Value engine, 1,000 points, 2-32-32-1 (ms)", "bigValueMsPerStep", jvmBig.valueMsPerStep(), 0, 0);
        fresh(t, "Value engine, demo step, in a fresh page (ms)", "valueMsPerStep");
        fresh(t, "tape, demo step, in a fresh page (ms)", "tapeMsPerStep");
        fresh(t, "predict, one point, in a fresh page (µs)", "predictUsPerPoint");
        row(t, "graph view: 500-node program drawn (ms)", "graphRender500Ms", Double.NaN, 150, 150);
        row(t, "graph view: keystroke, 40 nodes (ms)", "typing40Ms", Double.NaN, 16, 16);
        row(t, "graph view: keystroke, new layout (ms)", "typing40NewShapeMs", Double.NaN, 16, 16);
        row(t, "trainer playing: frame interval p95 (ms)", "frameP95Ms", Double.NaN, 20, 20);
        row(t, "3-class spiral playing: frame interval p95 (ms)", "spiral3FrameP95Ms", Double.NaN, 20, 20);
        row(t, "3-class spiral playing: own work p95 (ms)", "spiral3FrameWorkP95Ms", Double.NaN, 0, 0);
        row(t, "trainer playing: own work per frame p95 (ms)", "frameWorkP95Ms", Double.NaN, 0, 0);
        row(t, "trainer playing: first 100 steps (ms)", "hundredStepsMs", Double.NaN, 0, 0);
        row(t, "trainer playing: steps per second", "stepsPerSecond", Double.NaN, 0, 0);
        row(t, "3-class spiral playing: steps per second", "spiral3StepsPerSecond", Double.NaN, 0, 0);
        t.append(String.format("%-46s %10s %10s %10.2f%n", "layout of a 500-node DAG (ms)", "", "",
                LayoutBench.run()));
        return t.toString();
    }

    private static void row(StringBuilder t, String name, String key, double jvm, double js, double wasm) {
        t.append(String.format("%-46s %10s %10s %10s", name, figure(AFTER_GRAPH, Backend.JS, key),
                figure(AFTER_GRAPH, Backend.WASM, key), Double.isNaN(jvm) ? "" : String.format("%.3f", jvm)));
        if (js > 0) {
            t.append(String.format("   ≤ %s / ≤ %s  %s / %s", trim(js), trim(wasm),
                    verdict(Backend.JS, key, js), verdict(Backend.WASM, key, wasm)));
        }
        t.append('\n');
    }

    private static void fresh(StringBuilder t, String name, String key) {
        t.append(String.format("%-46s %10s %10s%n", name, figure(FRESH, Backend.JS, key),
                figure(FRESH, Backend.WASM, key)));
    }

    private static String figure(Map<Backend, Map<String, Object>> runs, Backend backend, String key) {
        Object value = runs.getOrDefault(backend, Map.of()).get(key);
        return value instanceof Number n ? String.format("%.3f", n.doubleValue()) : "-";
    }

    private static String verdict(Backend backend, String key, double target) {
        Object value = AFTER_GRAPH.getOrDefault(backend, Map.of()).get(key);
        return !(value instanceof Number n) ? "-" : n.doubleValue() <= target ? "met" : "MISSED";
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    /**
     * The graph at scale (issue 16, see ui/bench/GraphScale): every figure is there and finite, and each case drew
     * the graph it meant to (a count that is off means the program, not the speed, changed).
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void graphScaleFiguresAreReported(Backend backend) {
        onWasmOnlyWhenPrinting(backend);
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
