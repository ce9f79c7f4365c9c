package org.backproplab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cheap checks on the static site and the browser code that a browser would only show as a broken page: a style
 * sheet whose braces don't match (everything after the slip silently stops applying), anything fetched from another
 * host (the site must work offline), and markup built from strings in the UI code (user text must never become HTML).
 */
class WebappTest {
    private static List<Path> files(String dir, String... endings) throws IOException {
        try (Stream<Path> s = Files.walk(Path.of(dir))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(endings).anyMatch(e -> p.toString().endsWith(e))).toList();
        }
    }

    @Test
    void theStyleSheetsBracesBalanceOutsideComments() throws IOException {
        for (Path css : files("webapp", ".css")) {
            String text = Files.readString(css).replaceAll("(?s)/\\*.*?\\*/", "");
            int depth = 0;
            int line = 1;
            for (char c : text.toCharArray()) {
                if (c == '\n') {
                    line++;
                }
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                assertTrue(depth >= 0, css + ": a '}' with no '{' near line " + line);
            }
            assertEquals(0, depth, css + ": " + depth + " unclosed '{'");
        }
    }

    @Test
    void noMergeConflictIsLeftInThePages() throws IOException {
        for (Path f : files("webapp", ".html", ".css", ".js", ".svg")) {
            for (String line : Files.readAllLines(f)) {
                assertFalse(line.startsWith("<<<<<<<") || line.startsWith(">>>>>>>") || line.equals("======="),
                        f + " has a merge conflict marker");
            }
        }
    }

    @Test
    void nothingIsFetchedFromAnotherHost() throws IOException {
        Pattern remote = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//|url\\(\\s*[\"']?(https?:)?//"
                + "|@import\\s+[\"']?(https?:)?//|fetch\\(\\s*[\"']https?:");
        for (Path f : files("webapp", ".html", ".css", ".js")) {
            Matcher m = remote.matcher(Files.readString(f));
            assertFalse(m.find(), f + " loads something from another host: " + (m.hitEnd() ? "" : m.group()));
        }
    }

    @Test
    void theBrowserCodeNeverBuildsMarkupFromStrings() throws IOException {
        for (Path f : files("src/main/java/org/backproplab/ui", ".java")) {
            String text = Files.readString(f);
            for (String api : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "setInnerHTML",
                "document.write", "createContextualFragment"}) {
                assertFalse(text.contains(api), f + " uses " + api);
            }
        }
        for (Path f : files("webapp", ".js", ".html")) {
            assertFalse(Files.readString(f).contains("innerHTML"), f + " uses innerHTML");
        }
    }
}
