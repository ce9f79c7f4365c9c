package org.backproplab.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/**
 * Whatever text comes in, parsing and evaluating ends in an Evaluation or in a ParseError whose line and column
 * lie within the text. Nothing else escapes: no index errors, no number format errors, no stack overflows.
 * Every program that evaluates also survives backward, and printing it back gives the same graph. The programs mix
 * the cleaned-up form with micrograd's Python (Value(…), methods, labels, ';', +=, draw_dot, imports, print...).
 */
class ParserFuzzTest {
    private static final int PROGRAMS = 100_000;

    private static final String[] FRAGMENTS = {
        "a", "b", "x1", "_", "L", "c", " ", " ", "  ", "\t", "\n", "\n", "\r\n", "=", " = ", "+", "-", "*", "/", "**",
        "(", ")", "((", "))", "2", "2.0", ".5", "1.", "1e3", "1e-7", "1E+2", "1e", "1e+", "0", "007", "1e999",
        "tanh(", "exp(", "log(", "relu(", "sigmoid(", "foo(", "tanh", "#", "# c\n", ",", ";", "$", "@", "!", "π", "×",
        "\u0000", "\u0007", "\u00a0", "\ud83d\ude00", "\ud83d", "é", "ℵ", "<", ">", "'", "\"", "\\", "[", "]", "{",
        ".", ",", ";", "; ", ":", "Value(", "Value(2.0)", "label=", "label='a'", "data=", "'x'", "\"y\"", "f'",
        ".tanh()", ".exp()", ".relu()", ".data", ".grad", ".label", ".label = 'q'", ".grad = 1.0", ".backward()",
        " += ", " -= ", " *= ", " /= ", "draw_dot(", "print(", "import math\n", "from micrograd.engine import Value\n",
        "def ", "def tanh(self):\n    ", "if ", "for ", "else:", "lambda ", "MLP(", "Neuron(", "math.exp(",
        "sys.", "\n    ", "_backward()", "class ",
    };

    private static final String[] HOSTILE = {
        "x<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "'; DROP TABLE values; --", "${7*7}",
        "{{7*7}}", "%s%s%s%n", "../../etc/passwd", "\u202e", "\ufeff", "\u0000", "a = ", "= =", "** **",
        "(".repeat(300), ")".repeat(300), "-".repeat(300), "9".repeat(400), "1e" + "9".repeat(30),
        "0." + "0".repeat(400) + "1", "tanh(".repeat(250), "**2".repeat(250), "\ud800\udc00\udbff\udfff",
        "NaN", "Infinity", "-Infinity", "0x1p3", "1_000", "1j", "a.b", "a[0]", "lambda: 0", "\n".repeat(50),
        "'" + "x".repeat(300), ".tanh()".repeat(250), "Value(".repeat(250), "'".repeat(3),
        "\"".repeat(3) + "doc" + "\"".repeat(3), "\\\n",
        "f'{x:>8} | {y!r}'", ";".repeat(20), "def tanh(x):\n" + "    x\n".repeat(30),
    };

    private int successes;
    private int errors;
    private Evaluation lastEvaluation;
    private ParseError lastError;

    @Test
    void randomAndMutatedProgramsEndInAGraphOrAPositionedError() {
        RandomPrograms random = new RandomPrograms(31337);
        List<String> valid = new ArrayList<>(EvaluatorTest.REFERENCE_PROGRAMS);
        valid.add(PythonFormTest.LECTURE_CELL);
        valid.add(PythonFormTest.NEURON_CELL);
        for (int i = 0; i < 200; i++) {
            valid.add(random.program());
            valid.add(random.pythonProgram());
        }
        int ran = 0;
        for (; ran < PROGRAMS; ran++) {
            String source = switch (random.below(10)) {
                case 0, 1 -> soup(random);
                case 2 -> chars(random);
                case 3 -> reformat(valid.get(random.below(valid.size())), random);
                default -> mutate(valid.get(random.below(valid.size())), random);
            };
            check(source);
        }
        assertEquals(PROGRAMS, successes + errors, "every program ends in a graph or a positioned error");
        assertTrue(successes >= ran / 10, "only " + successes + " of " + ran + " evaluated");
        assertTrue(errors >= ran / 5, "only " + errors + " of " + ran + " were errors");
    }

    @Test
    void hostileAndHugeInputs() {
        String x = "x = 2.0\n";
        refused(x + "y = x<img src=x onerror=alert(1)>\n", "unexpected character '<'");
        refused("x<img src=x onerror=alert(1)>", "unexpected character '<'");
        refused(x + "y = " + "(".repeat(90_000) + "x" + ")".repeat(90_000), "nested too deeply");
        refused(x + "y = " + "-".repeat(100_000) + "x", "nested too deeply");
        refused(x + "y = " + "tanh(".repeat(30_000) + "x" + ")".repeat(30_000), "nested too deeply");
        refused(x + "y = x" + "**2".repeat(50_000), "nested too deeply");
        refused(x + "y = " + "(".repeat(150_000), "nested too deeply");
        refused("a = 1.0\nb = a + \u00e9\n", "unexpected character '\u00e9'");
        refused("a = 1.0\nb = a + \ud83d\ude00\n", "unexpected character");
        refused("a = 1.0" + "\n".repeat(10_000) + "b = a", "10001 lines");
        refused("a = 1.0\n" + "#".repeat(200_000), "200008 characters");
        refused("a".repeat(1_000_000), "1000000 characters");
        refused("a = 1.0\r\nb = a *\r\n", "found the end of the line");
        refused("\r\r\r\ra = 1.0 +\r", "found the end of the line");
        refused("a = 1.0\nb = a\u0000+ 1\n", "(control character 0)");
        refused(x + "y = x" + ".tanh()".repeat(300), "nested too deeply");
        refused(x + "y = " + "Value(".repeat(300) + "2" + ")".repeat(300), "nested too deeply");
        refused(x + "y = x" + ".data".repeat(1000), "`x.data` is a plain number");
        refused(x + "print(x)\n" + "if x:\n".repeat(5_000), "`if` isn't supported here");
        refused("a = Value(1.0, label='" + "é".repeat(100_000) + "\n", "isn't closed");
        assertEquals(2.0, evaluated(x + "x.label = '" + "<b>".repeat(10_000) + "'\n").output().data);
        assertEquals(2.0, evaluated(x + "y = x" + "; y.label = 'y'".repeat(4_000) + "\n").named().get("x").data);
        assertEquals(2.0, evaluated(x + "import math\n".repeat(9_000) + "draw_dot(x)").output().data);

        refused("y = 1" + "0".repeat(100_000) + "\n", "too large");
        refused("y = 1e99999999999999999999999\nz = y * 0\n", "too large");
        assertEquals(0.0, evaluated("y = 0." + "0".repeat(100_000) + "1\n").output().data);
        assertEquals(1.0, evaluated("a".repeat(199_990) + " = 1.0").output().data);
        assertEquals(1.0, evaluated("a = 1.0" + "\n".repeat(9_999)).output().data);
    }

    private void refused(String source, String reason) {
        check(source);
        ParseError e = lastError;
        assertNotNull(e, "should be refused: " + shorten(source));
        assertTrue(e.reason().contains(reason), () -> "'" + e.reason() + "' should contain '" + reason + "'");
    }

    private Evaluation evaluated(String source) {
        check(source);
        assertNotNull(lastEvaluation, "should evaluate: " + shorten(source));
        return lastEvaluation;
    }

    @Test
    void aFlatChainOfFiftyThousandTermsEvaluates() {
        String source = "a = 1.0\ny = a" + "+a".repeat(49_999) + "\n";
        Evaluation ev = Evaluator.run(source);
        assertEquals(50_000.0, ev.output().data);
        ev.output().backward();
        assertEquals(50_000.0, ev.named().get("a").grad);
        assertEquals(50_000, ev.output().topologicalOrder().size(), "49,999 adds and a");
        String mixed = "a = 1.0\nb = 2.0\ny = a" + "*b-a/b+a".repeat(12_000) + "\n";
        Evaluation ev2 = Evaluator.run(mixed);
        ev2.output().backward();
        assertTrue(Double.isFinite(ev2.named().get("a").grad));
    }

    /** The oracle: an Evaluation (that also survives backward) or a ParseError positioned inside the source. */
    private void check(String source) {
        lastEvaluation = null;
        lastError = null;
        try {
            Evaluation ev = Evaluator.run(source);
            assertNotNull(ev.output(), source);
            assertTrue(ev.named().containsKey(ev.outputName()));
            ev.output().backward();
            Evaluation reprinted = Evaluator.evaluate(Parser.parse(Printer.print(ev.program())));
            reprinted.output().backward();
            GraphAssert.assertSameGraph(ev, reprinted, "print round trip");
            successes++;
            lastEvaluation = ev;
        } catch (ParseError e) {
            errors++;
            lastError = e;
            assertPositionInside(source, e);
            assertTrue(saysWhatToWrite(e.reason()), () -> "the message says what was expected: " + e.reason());
        } catch (Throwable t) {
            fail("threw " + t + " for:\n" + shorten(source), t);
        }
    }

    /** An error says what was expected; a refusal of Python the lab won't run says what to write instead. */
    static boolean saysWhatToWrite(String reason) {
        return reason.contains("expected") || reason.contains(": write ") || reason.contains(": paste ");
    }

    private static String shorten(String source) {
        String shown = source.length() > 300 ? source.substring(0, 300) + "... (" + source.length() + " chars)"
                : source;
        return shown.replace("\n", "\\n\n");
    }

    static void assertPositionInside(String source, ParseError e) {
        String[] lines = source.split("\n", -1);
        assertTrue(e.line() >= 1 && e.line() <= lines.length, () -> "line " + e.line() + " of " + lines.length
                + ": " + e.getMessage());
        int length = lines[e.line() - 1].length();
        assertTrue(e.column() >= 1 && e.column() <= length + 1, () -> "column " + e.column() + " on a line of "
                + length + ": " + e.getMessage() + " in\n" + shorten(source));
    }

    private static String soup(RandomPrograms random) {
        StringBuilder s = new StringBuilder();
        int n = random.below(40);
        for (int i = 0; i < n; i++) {
            s.append(random.pick(FRAGMENTS));
        }
        return s.toString();
    }

    private static String chars(RandomPrograms random) {
        StringBuilder s = new StringBuilder();
        int n = random.below(60);
        for (int i = 0; i < n; i++) {
            s.append(random.chance(80) ? (char) (32 + random.below(95)) : (char) random.below(0x3000));
        }
        return s.toString();
    }

    /** Edits that keep a program valid: comments (hostile ones too), blank lines, CRLF, spacing. */
    private static String reformat(String program, RandomPrograms random) {
        StringBuilder s = new StringBuilder();
        for (String line : program.split("\n")) {
            boolean words = line.contains("import"); // "import math" needs its space
            s.append(random.chance(30) && !words ? line.replace(" ", "") : line);
            if (random.chance(20)) {
                s.append("  # ").append(random.pick(HOSTILE).replace("\n", " ").replace("\r", " "));
            }
            s.append(random.chance(20) ? "\r\n" : "\n");
            if (random.chance(10)) {
                s.append("\n \t\n");
            }
        }
        return s.toString();
    }

    private static String mutate(String program, RandomPrograms random) {
        StringBuilder s = new StringBuilder(program);
        int edits = 1 + random.below(4);
        for (int i = 0; i < edits; i++) {
            int at = s.length() == 0 ? 0 : random.below(s.length() + 1);
            switch (random.below(7)) {
                case 0 -> {
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                }
                case 1 -> s.insert(at, (char) (32 + random.below(95)));
                case 2 -> {
                    if (at + 1 < s.length()) {
                        char c = s.charAt(at);
                        s.setCharAt(at, s.charAt(at + 1));
                        s.setCharAt(at + 1, c);
                    }
                }
                case 3 -> s.insert(at, random.pick(HOSTILE));
                case 4 -> s.insert(at, random.pick(FRAGMENTS));
                case 5 -> {
                    int end = Math.min(s.length(), at + random.below(20));
                    s.insert(at, s.substring(at, end)); // duplicate a slice
                }
                default -> {
                    int end = Math.min(s.length(), at + random.below(10));
                    s.delete(at, end);
                }
            }
        }
        return s.toString();
    }

    /** The fuzzer's valid programs really are valid, so mutations start from something that evaluates. */
    @Test
    void theSeedProgramsEvaluate() {
        RandomPrograms random = new RandomPrograms(31337);
        for (int i = 0; i < 200; i++) {
            Value out = Evaluator.run(random.program()).output();
            assertNotNull(out);
            String python = random.pythonProgram();
            check(python);
            assertNotNull(lastEvaluation, () -> "should evaluate: " + python + "\n" + lastError);
        }
    }
}
