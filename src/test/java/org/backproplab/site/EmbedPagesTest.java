package org.backproplab.site;

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
 * Static checks that keep embedding safe, cheaper than a browser would find them: the widget style sheet only
 * styles widgets (a page that embeds one must not change), and the site's pages work from file://, under any
 * sub-path and under a Content-Security-Policy that forbids inline code (no inline scripts, styles or handlers,
 * relative URLs only).
 */
class EmbedPagesTest {
    private static final Path STYLES = Path.of("webapp", "styles.css");

    private static List<Path> pages() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("webapp"))) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Every selector of the widget style sheet, with the @media / @container wrappers taken off. */
    private static List<String> selectors() throws IOException {
        String css = Files.readString(STYLES).replaceAll("(?s)/\\*.*?\\*/", "");
        List<String> out = new java.util.ArrayList<>();
        Matcher rule = Pattern.compile("([^{}]+)\\{").matcher(css);
        while (rule.find()) {
            String prelude = rule.group(1).trim();
            if (prelude.startsWith("@")) {
                continue;
            }
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= prelude.length(); i++) {
                char c = i < prelude.length() ? prelude.charAt(i) : ',';
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == ',' && depth == 0) { // a comma inside :is(...) or :not(...) doesn't end the selector
                    out.add(prelude.substring(start, i).trim());
                    start = i + 1;
                }
            }
        }
        return out;
    }

    @Test
    void everyRuleOfTheWidgetStyleSheetStaysInsideTheLabOrItsOwnPages() throws IOException {
        List<String> selectors = selectors();
        assertTrue(selectors.size() > 100, "read the style sheet's selectors: " + selectors.size());
        for (String s : selectors) {
            boolean scoped = s.startsWith(".bpl-lab") || s.startsWith("body.bpl-") || s.equals("backprop-lab")
                    || s.equals(".bpl-load-error") || s.matches("(from|to|\\d+%)");
            assertTrue(scoped, "styles.css reaches outside the widgets: '" + s + "'");
        }
    }

    @Test
    void pagesHaveNoInlineCodeAndOnlyRelativeUrls() throws IOException {
        Pattern inlineScript = Pattern.compile("(?is)<script(?![^>]*\\bsrc=)[^>]*>");
        Pattern handler = Pattern.compile("(?i)\\son[a-z]+\\s*=");
        Pattern styleAttribute = Pattern.compile("(?i)\\sstyle\\s*=");
        Pattern absolute = Pattern.compile("(?i)\\b(src|href)\\s*=\\s*[\"']?(/|[a-z][a-z0-9+.-]*:)");
        for (Path page : pages()) {
            String html = Files.readString(page);
            assertFalse(inlineScript.matcher(html).find(), page + " has an inline script");
            assertFalse(handler.matcher(html).find(), page + " has an inline event handler");
            assertFalse(styleAttribute.matcher(html).find() || html.contains("<style"), page + " has an inline style");
            Matcher m = absolute.matcher(html);
            assertFalse(m.find(), page + " has a URL that is not relative: " + (m.hitEnd() ? "" : m.group()));
        }
    }
}
