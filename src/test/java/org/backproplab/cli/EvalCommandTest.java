package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval [FILE|-] [--output NAME]} as DESIGN.md's contract says, run through Main.run with captured streams. */
class EvalCommandTest {
    static final String LECTURE = "a = 2.0\nb = -3.0\nc = 10.0\nd = a * b\ne = d + c\nf = -2.0\nL = e * f\n";
    static final String LECTURE_JSON = "{\"output\":\"L\",\"value\":-8.0,\"nodes\":{"
            + "\"a\":{\"value\":2.0,\"grad\":6.0},\"b\":{\"value\":-3.0,\"grad\":-4.0},"
            + "\"c\":{\"value\":10.0,\"grad\":-2.0},\"d\":{\"value\":-6.0,\"grad\":-2.0},"
            + "\"e\":{\"value\":4.0,\"grad\":-2.0},\"f\":{\"value\":-2.0,\"grad\":4.0},"
            + "\"L\":{\"value\":-8.0,\"grad\":1.0}}}";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void lectureProgramPrintsTheContractJson() throws Exception {
        int code = Main.run("eval", file("lecture.py", LECTURE).toString());
        assertEquals(0, code, stderr());
        assertEquals(LECTURE_JSON + System.lineSeparator(), stdout());
        assertEquals("", stderr());
    }

    @Test
    void outputChoosesAnotherOutput() throws Exception {
        int code = Main.run("eval", file("lecture.py", LECTURE).toString(), "--output", "d");
        assertEquals(0, code, stderr());
        assertEquals("{\"output\":\"d\",\"value\":-6.0,\"nodes\":{"
                + "\"a\":{\"value\":2.0,\"grad\":-3.0},\"b\":{\"value\":-3.0,\"grad\":2.0},"
                + "\"c\":{\"value\":10.0,\"grad\":0.0},\"d\":{\"value\":-6.0,\"grad\":1.0},"
                + "\"e\":{\"value\":4.0,\"grad\":0.0},\"f\":{\"value\":-2.0,\"grad\":0.0},"
                + "\"L\":{\"value\":-8.0,\"grad\":0.0}}}", stdout().strip());
    }

    @Test
    void anUnknownOutputExitsTwo() throws Exception {
        int code = Main.run("eval", file("lecture.py", LECTURE).toString(), "--output", "zz");
        assertEquals(2, code);
        assertEquals("", stdout());
        assertTrue(stderr().startsWith("error: line 7, column 1: there is no variable 'zz'"), stderr());
    }

    @Test
    void aBrokenProgramExitsTwoWithLineAndColumn() throws Exception {
        int code = Main.run("eval", file("broken.py", "a = 2.0\nb = a + c\n").toString());
        assertEquals(2, code);
        assertEquals("", stdout());
        assertEquals("error: line 2, column 9: unknown name 'c'; expected a name defined on an earlier line"
                + System.lineSeparator(), stderr());

        err.reset();
        assertEquals(2, Main.run("eval", file("syntax.py", "a = 2.0\nb = (a +\n").toString()));
        assertTrue(stderr().startsWith("error: line 2, column 9: expected"), stderr());
    }

    @Test
    void stdinWithADash() {
        System.setIn(new ByteArrayInputStream(LECTURE.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, Main.run("eval", "-"));
        assertEquals(LECTURE_JSON, stdout().strip());
    }

    @Test
    void stdinIsTheDefault() {
        System.setIn(new ByteArrayInputStream("x = 3.0\ny = x**2\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, Main.run("eval"));
        assertEquals("{\"output\":\"y\",\"value\":9.0,\"nodes\":{\"x\":{\"value\":3.0,\"grad\":6.0},"
                + "\"y\":{\"value\":9.0,\"grad\":1.0}}}", stdout().strip());
    }

    @Test
    void aMissingFileExitsTwo() {
        assertEquals(2, Main.run("eval", dir.resolve("nope.py").toString()));
        assertEquals("", stdout());
        assertTrue(stderr().startsWith("error: cannot read "), stderr());
    }

    @Test
    void anUnreadableProgramSaysWhyAndAByteOrderMarkIsFine() throws Exception {
        Path bom = dir.resolve("bom.py");
        Files.write(bom, ("\uFEFF" + LECTURE).getBytes(StandardCharsets.UTF_8));
        assertEquals(0, Main.run("eval", bom.toString()), stderr());
        assertEquals(LECTURE_JSON, stdout().strip());

        out.reset();
        Path latin1 = dir.resolve("latin1.py");
        Files.write(latin1, "# caf\u00e9\na = 1.0\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(2, Main.run("eval", latin1.toString()));
        assertEquals("error: cannot read " + latin1 + ": it is not UTF-8 text (byte 6 is 0xE9); save it as UTF-8",
                stderr().trim());
        err.reset();
        assertEquals(2, Main.run("eval", dir.toString()));
        assertEquals("error: cannot read " + dir + ": it is a folder, not a file", stderr().trim());
        err.reset();
        assertEquals(2, Main.run("eval", dir.resolve("nope.py").toString()));
        assertEquals("error: cannot read " + dir.resolve("nope.py") + ": no such file", stderr().trim());
        assertEquals("", stdout());
    }

    @Test
    void standardInputIsReadOnlyUpToTheLimit() {
        byte[] endless = new byte[3 * org.backproplab.expr.Lexer.MAX_CHARS + 10];
        java.util.Arrays.fill(endless, (byte) ' ');
        System.setIn(new ByteArrayInputStream(endless));
        assertEquals(2, Main.run("eval", "-"));
        assertEquals("error: cannot read standard input: it has more than 600000 bytes; expected at most 600000",
                stderr().trim());
    }

    @Test
    void numbersArePrintedToFullPrecision() throws Exception {
        String neuron = "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.8813735870195432\n"
                + "n = x1*w1 + x2*w2 + b\no = tanh(n)\n";
        assertEquals(0, Main.run("eval", file("neuron.py", neuron).toString()));
        Evaluation ev = Evaluator.run(neuron);
        ev.output().backward();
        StringBuilder expected = new StringBuilder("{\"output\":\"o\",\"value\":")
                .append(Double.toString(ev.output().data)).append(",\"nodes\":{");
        String sep = "";
        for (Map.Entry<String, Value> e : ev.named().entrySet()) {
            expected.append(sep).append('"').append(e.getKey()).append("\":{\"value\":")
                    .append(Double.toString(e.getValue().data)).append(",\"grad\":")
                    .append(Double.toString(e.getValue().grad)).append('}');
            sep = ",";
        }
        assertEquals(expected.append("}}").toString(), stdout().strip());
        assertTrue(stdout().contains("\"b\":{\"value\":6.881373587019543,"), stdout());
    }

    @Test
    void nonFiniteNumbersBecomeStrings() throws Exception {
        assertEquals(0, Main.run("eval", file("nan.py", "a = -1.0\nb = log(a)\nc = a / 0\n").toString(),
                "--output", "b"));
        assertEquals("{\"output\":\"b\",\"value\":\"NaN\",\"nodes\":{\"a\":{\"value\":-1.0,\"grad\":-1.0},"
                + "\"b\":{\"value\":\"NaN\",\"grad\":1.0},\"c\":{\"value\":\"-Infinity\",\"grad\":0.0}}}",
                stdout().strip());
    }

    @Test
    void jsonEscapesStrings() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\r\\u0001\\u001f\u00e9\"",
                Json.string("a\"b\\c\nd\te\r\u0001\u001f\u00e9"));
        assertEquals("\"Infinity\"", Json.number(Double.POSITIVE_INFINITY));
        assertEquals("\"-Infinity\"", Json.number(Double.NEGATIVE_INFINITY));
        assertEquals("\"NaN\"", Json.number(Double.NaN));
        assertEquals("-0.0", Json.number(-0.0));
        assertEquals("1.0E-7", Json.number(1e-7));
    }

    @Test
    void aPastedNotebookCellGivesTheJsonOfItsCleanedUpTwin() throws Exception {
        String cell;
        try (InputStream in = EvalCommandTest.class.getResourceAsStream("/lecture-cell.py")) {
            cell = new String(in.readAllBytes(), StandardCharsets.UTF_8); // its twin is LECTURE
        }
        assertEquals(0, Main.run("eval", file("cell.py", cell).toString()), stderr());
        assertEquals(LECTURE_JSON + System.lineSeparator(), stdout());
        assertEquals("note: line 2: `from micrograd.engine import Value` is ignored: the lab needs no imports"
                + System.lineSeparator(), stderr(), "an ignored line is a note, not an error");
    }

    @Test
    void labelsThatAreNotNamesKeepTheJsonKeyedByName() throws Exception {
        String twin = "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.8813735870195432\nx1w1 = x1 * w1\n"
                + "x2w2 = x2 * w2\nn = x1w1 + x2w2 + b\no = tanh(n)\ny = o * 2\n";
        String cell = "x1 = Value(2.0, label='x1')\nx2 = Value(0.0, label='x2')\nw1 = Value(-3.0, label='w1')\n"
                + "w2 = Value(1.0, label='w2')\nb = Value(6.8813735870195432, label='b')\n"
                + "x1w1 = x1*w1; x1w1.label = 'x1*w1'\nx2w2 = x2*w2; x2w2.label = 'x2*w2'\n"
                + "n = x1w1 + x2w2 + b; n.label = 'n'\no = n.tanh(); o.label = 'o'\ny = o * 2\no.backward()\n";
        assertEquals(0, Main.run("eval", file("twin.py", twin).toString(), "--output", "o"), stderr());
        String expected = stdout();
        out.reset();
        assertEquals(0, Main.run("eval", file("cell.py", cell).toString()), stderr());
        assertEquals(expected, stdout(), "o.backward() chose o, as --output o did for the twin");
        assertTrue(expected.contains("\"x1w1\":{\"value\":-6.0,"), "keyed by the name, not by x1*w1: " + expected);
    }

    @Test
    void aNameAssignedAgainShowsItsLastValueAndAPlainNumberIsNoNode() throws Exception {
        String cell = "a = Value(2.0, label='a')\nb = a * 3\nh = 0.5\na += h\nL = a * b\n";
        assertEquals(0, Main.run("eval", file("cell.py", cell).toString()), stderr());
        assertEquals("{\"output\":\"L\",\"value\":15.0,\"nodes\":{\"a\":{\"value\":2.5,\"grad\":6.0},"
                + "\"b\":{\"value\":6.0,\"grad\":2.5},\"L\":{\"value\":15.0,\"grad\":1.0}}}", stdout().strip());
        assertTrue(stderr().startsWith("note: line 3: `h = 0.5` is a plain number"), stderr());
    }

    @Test
    void refusedPythonExitsTwoWithLineAndColumn() throws Exception {
        String cell = "a = Value(2.0)\nb = Value(3.0)\ndef lol():\n    return a * b\n";
        assertEquals(2, Main.run("eval", file("cell.py", cell).toString()));
        assertEquals("", stdout());
        assertEquals("error: line 3, column 1: `def` isn't supported here: paste the body of the function"
                + System.lineSeparator(), stderr());
    }
}
