package org.backproplab.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backproplab.e2e.Browser.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The accessibility audit: Deque's axe-core rules run in every view, the tutorial and the embedding example, on both
 * backends, in the states a student reaches (after Backward, mid-step, after training). Target: no violation of
 * moderate, serious or critical impact. Each finding is printed with its rule, impact and where it is.
 */
class AccessibilityIT {
    private static final Set<String> COUNTED = Set.of("moderate", "serious", "critical");
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    /** The findings of moderate impact or worse on the page as it is now, one line each. */
    private static List<String> audit(String where) {
        AxeBuilder axe = new AxeBuilder();
        // axe leaves this experimental rule off; the graph's node names are exactly what it checks
        axe.setOptions("{\"rules\": {\"label-content-name-mismatch\": {\"enabled\": true}}}");
        Results results = axe.analyze(browser.driver);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (rule.getImpact() != null && COUNTED.contains(rule.getImpact())) {
                for (var node : rule.getNodes()) {
                    found.add(where + ": " + rule.getImpact() + " " + rule.getId() + " at " + node.getTarget()
                            + " (" + rule.getHelp() + ")");
                }
            }
        }
        found.forEach(System.out::println);
        for (Rule rule : results.getViolations()) {
            if (!COUNTED.contains(String.valueOf(rule.getImpact()))) {
                System.out.println(where + ": (not counted) " + rule.getImpact() + " " + rule.getId() + " x"
                        + rule.getNodes().size() + " (" + rule.getHelp() + ")");
            }
        }
        System.out.println("axe " + where + ": " + found.size() + " moderate, serious or critical");
        return found;
    }

    private static WebElement node(WebDriver d, String label) {
        return d.findElement(By.cssSelector("g[data-testid=node][data-label='" + label + "']"));
    }

    private static void answerByHand(String label, String text) {
        var field = node(browser.driver, label).findElement(By.cssSelector("[data-testid=grad-answer]"));
        field.click();
        field.sendKeys(text, Keys.ENTER);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JS", "WASM"})
    void everyViewPassesTheAudit(Backend backend) {
        List<String> found = new ArrayList<>();
        browser.open(backend, "index.html", "view=graph");
        found.addAll(audit(backend + " graph"));
        browser.find("backward").click();
        browser.waitFor(d -> !d.findElement(By.cssSelector("g[data-testid=node][data-label=a]"))
                .getAttribute("data-grad").isEmpty());
        browser.find("step-backward").click();
        found.addAll(audit(backend + " graph after Backward and a Step"));
        browser.open(backend, "index.html", "view=graph&hand=1");
        answerByHand("f", "4");
        browser.waitFor(d -> "right".equals(node(d, "f").getAttribute("data-check")));
        answerByHand("a", "3");
        browser.waitFor(d -> "wrong".equals(node(d, "a").getAttribute("data-check")));
        browser.find("hand-hint").click();
        found.addAll(audit(backend + " graph by hand, one right, one wrong, a hint"));
        browser.open(backend, "index.html", "view=train&nozero=1");
        browser.find("train-step").click();
        found.addAll(audit(backend + " train, forgetting zero_grad"));
        browser.open(backend, "index.html", "view=train&dataset=plane&features=x1,x2,x1%5E2");
        browser.find("train-step").click();
        found.addAll(audit(backend + " train, regression on the plane with features"));
        browser.open(backend, "index.html", "view=train&dataset=sine");
        browser.find("train-step").click();
        found.addAll(audit(backend + " train, the sin x curve"));
        // three classes: the class picker, the disabled softmax loss, the legend's shapes
        browser.open(backend, "index.html", "view=train&dataset=custom&pts=0,0,0;1,1,1;0,1,2;1,0,2;0.5,0.5,1");
        browser.waitFor(d -> "3".equals(browser.find("class-legend").getAttribute("data-classes")));
        found.addAll(audit(backend + " train, custom points of three classes"));
        browser.open(backend, "index.html", "view=derivative");
        found.addAll(audit(backend + " derivative"));
        browser.open(backend, "tutorial.html", "");
        browser.waitFor(d -> d.findElements(By.cssSelector("g[data-testid=node]")).size() > 0);
        found.addAll(audit(backend + " tutorial"));
        browser.open(backend, "embed-example.html", "");
        browser.waitFor(d -> d.findElements(By.cssSelector("g[data-testid=node]")).size() > 0);
        found.addAll(audit(backend + " embed example"));
        assertTrue(found.isEmpty(), found.size() + " findings:\n" + String.join("\n", found));
    }
}
