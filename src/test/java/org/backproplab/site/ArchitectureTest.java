package org.backproplab.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape DESIGN.md promises, checked so it can't drift: imports only go downward between the packages and
 * between ui/'s rooms, only ui/ touches the browser, and no main source file or method grows past what a reader
 * can hold (450 lines a file, 60 a method unless a comment right above it says why it is long).
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/backproplab");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.backproplab\\.([a-z.]+)\\.[A-Z]",
            Pattern.MULTILINE);

    /** What each package (or ui room) may import from the project: only what sits below it. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("engine", Set.of()),
            Map.entry("data", Set.of("engine")),
            Map.entry("layout", Set.of("engine", "data")),
            Map.entry("expr", Set.of("engine", "data")),
            Map.entry("nn", Set.of("engine", "data", "expr")),
            Map.entry("cli", Set.of("engine", "data", "layout", "expr", "nn")),
            Map.entry("ui.dom", Set.of("engine", "data", "layout", "expr", "nn")),
            Map.entry("ui.chart", Set.of("engine", "data", "layout", "expr", "nn", "ui.dom")),
            Map.entry("ui.graph", Set.of("engine", "data", "layout", "expr", "nn", "ui.dom", "ui.chart")),
            Map.entry("ui.train", Set.of("engine", "data", "layout", "expr", "nn", "ui.dom", "ui.chart")),
            Map.entry("ui.derivative", Set.of("engine", "data", "layout", "expr", "nn", "ui.dom", "ui.chart")),
            Map.entry("ui.bench", Set.of("engine", "data", "layout", "expr", "nn", "ui.dom", "ui.chart", "ui.graph",
                    "ui.train", "ui.derivative")),
            Map.entry("ui.app", Set.of("engine", "data", "layout", "expr", "nn", "ui.dom", "ui.chart", "ui.graph",
                    "ui.train", "ui.derivative", "ui.bench")));

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        return MAIN.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
    }

    @Test
    void importsOnlyGoDownward() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path f : sources()) {
            String pkg = packageOf(f);
            Set<String> allowed = ALLOWED.get(pkg);
            assertTrue(allowed != null, f + " is in a package DESIGN.md doesn't know: " + pkg);
            Matcher m = IMPORT.matcher(Files.readString(f));
            while (m.find()) {
                String target = m.group(1);
                if (!target.equals(pkg) && !allowed.contains(target)) {
                    wrong.add(f + " imports " + target);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void onlyUiTouchesTheBrowser() throws IOException {
        for (Path f : sources()) {
            if (!packageOf(f).startsWith("ui")) {
                assertTrue(!Files.readString(f).contains("org.teavm"), f + " uses TeaVM's browser classes");
            }
        }
    }

    /**
     * String.split, matches, replaceAll and Pattern pull all of java.util.regex into the compiled page (a sixth of
     * its size), and String.getBytes or new String(bytes, charset) pull in java.nio.charset: the page cuts text with
     * engine/Text instead. The command line (cli/) runs on the JVM only and may use them.
     */
    @Test
    void thePageDoesNotCompileInRegularExpressionsOrCharsets() throws IOException {
        Pattern heavy = Pattern.compile("\\.(split|matches|replaceAll|replaceFirst)\\(\"|\\bPattern\\."
                + "|java\\.util\\.regex|java\\.nio\\.charset|getBytes\\(");
        List<String> wrong = new ArrayList<>();
        for (Path f : sources()) {
            if (packageOf(f).equals("cli")) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                boolean comment = line.startsWith("*") || line.startsWith("/");
                if (!comment && heavy.matcher(line).find()) {
                    wrong.add(f + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void noMainSourceFileIsOver450Lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (Path f : sources()) {
            int lines = Files.readAllLines(f).size();
            if (lines > 450) {
                long_.add(f + ": " + lines + " lines");
            }
        }
        assertTrue(long_.isEmpty(), String.join("\n", long_));
    }

    /**
     * A method is a line that opens a body ({@code type name(...) {}, maybe with throws) at a member's indentation,
     * and ends at the closing brace at the same indentation (a rough reading of Java, but enough to keep this honest). One over 60 lines needs a comment just above it (its
     * Javadoc or a // line) with the word "long" in it, saying why.
     */
    @Test
    void noMethodIsOver60LinesUnlessACommentSaysWhy() throws IOException {
        Pattern start = Pattern.compile("^( {4}| {8})(?=\\S)(?!return |new |else|if |for |while |switch |try|catch"
                + "|do )(?:[\\w<>\\[\\],.?@]+ )+\\w+\\([^;]*\\)( throws [\\w., ]+)? \\{$");
        List<String> long_ = new ArrayList<>();
        for (Path f : sources()) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = start.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                String end = m.group(1) + "}";
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).equals(end) && !lines.get(j).startsWith(end + ";")) {
                    j++;
                }
                int length = j - i + 1;
                if (length > 60 && !commentAboveSaysLong(lines, i)) {
                    long_.add(f + ":" + (i + 1) + " " + lines.get(i).trim() + " is " + length + " lines");
                }
            }
        }
        assertTrue(long_.isEmpty(), String.join("\n", long_));
    }

    private static boolean commentAboveSaysLong(List<String> lines, int method) {
        for (int k = method - 1; k >= 0; k--) {
            String t = lines.get(k).trim();
            if (t.startsWith("@")) {
                continue;
            }
            if (!(t.startsWith("*") || t.startsWith("/*") || t.startsWith("//"))) {
                return false;
            }
            if (t.toLowerCase().contains("long")) {
                return true;
            }
        }
        return false;
    }
}
