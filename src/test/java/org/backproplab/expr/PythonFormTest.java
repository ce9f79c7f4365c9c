package org.backproplab.expr;

import static org.backproplab.engine.Approx.assertAbs;
import static org.backproplab.expr.GraphAssert.assertSameGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/** Every form of micrograd's Python that the language reads (issue 14's table), each against its meaning. */
class PythonFormTest {
    /** The lecture's first graph as its notebook cell writes it; EvaluatorTest.LECTURE is its cleaned-up twin. */
    static final String LECTURE_CELL = resource("/lecture-cell.py");

    /** The lecture's tanh neuron, whose labels are not all names. */
    static final String NEURON_CELL = """
            # inputs x1,x2
            x1 = Value(2.0, label='x1')
            x2 = Value(0.0, label='x2')
            # weights w1,w2
            w1 = Value(-3.0, label='w1')
            w2 = Value(1.0, label='w2')
            # bias of the neuron
            b = Value(6.8813735870195432, label='b')
            # x1*w1 + x2*w2 + b
            x1w1 = x1*w1; x1w1.label = 'x1*w1'
            x2w2 = x2*w2; x2w2.label = 'x2*w2'
            x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.label = 'x1*w1 + x2*w2'
            n = x1w1x2w2 + b; n.label = 'n'
            o = n.tanh(); o.label = 'o'
            o.backward()
            """;

    static String resource(String name) {
        try (InputStream in = PythonFormTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Evaluation backward(String source) {
        Evaluation ev = Evaluator.run(source);
        ev.output().backward();
        return ev;
    }

    static void assertSameAs(String twin, String cell) {
        assertSameGraph(backward(twin), backward(cell), cell + "\nas its twin\n" + twin);
    }

    @Test
    void theLecturesCellIsItsCleanedUpTwin() {
        assertSameAs(EvaluatorTest.LECTURE, LECTURE_CELL);
        Evaluation ev = Evaluator.run(LECTURE_CELL);
        assertTrue(ev.program().usesValue());
        assertEquals(4, ev.leaves().size());
        assertEquals(List.of("line 2: `from micrograd.engine import Value` is ignored: the lab needs no imports"),
                describe(ev.notes()));
    }

    @Test
    void theNeuronCellWithLabelsThatAreNotNames() {
        Evaluation ev = backward(NEURON_CELL);
        assertEquals("o", ev.outputName());
        assertAbs(0.7071067811865476, ev.output().data, 1e-12, "o");
        assertAbs(-1.5, ev.named().get("x1").grad, 1e-12, "x1");
        assertAbs(1.0, ev.named().get("w1").grad, 1e-12, "w1");
        assertAbs(0.5, ev.named().get("b").grad, 1e-12, "b");
        assertEquals("x1*w1", ev.named().get("x1w1").label, "the label names the drawing's node");
        assertEquals("x1*w1 + x2*w2", ev.named().get("x1w1x2w2").label);
        assertEquals(Op.TANH, ev.output().kind());
        assertTrue(ev.notes().isEmpty(), describe(ev.notes()).toString());
    }

    @Test
    void valueInEachSpelling() {
        for (String spelling : new String[] {"Value(2.0, label='a')", "Value(data=2.0, label=\"a\")",
            "Value(label='a', data=2.0)", "Value(2.0, label='a',)", "Value(2.0)", "Value( 2.0 )", "Value(data=2.0)"}) {
            String source = "a = " + spelling + "  # the input\nb = a * a\n";
            Evaluation ev = backward(source);
            Value a = ev.named().get("a");
            assertTrue(a.isLeaf(), spelling);
            assertEquals(2.0, a.data, spelling);
            assertEquals("a", a.label, spelling);
            assertEquals(4.0, a.grad, spelling);
            assertEquals(List.of(a), ev.leaves(), spelling);
            Program.Assignment line = ev.program().assignments().get(0);
            assertTrue(line.leaf(), spelling);
            assertEquals(2.0, line.leafValue(), spelling);
            assertEquals("2.0", source.substring(line.valueStart(), line.valueEnd()), "the number inside Value(…)");
        }
        Value w = Evaluator.run("w = Value(-3.0, label='w1')\n").named().get("w");
        assertEquals("w1", w.label, "the label is the drawing's, the name the program's");
        assertEquals(-3.0, w.data);
        Evaluation inline = Evaluator.run("a = Value(2.0)\nb = a * Value(3.0)\n");
        assertEquals(List.of(inline.named().get("a")), inline.leaves(), "an unnamed Value(3.0) is a constant leaf");
        assertEquals(3.0, inline.output().child(1).data);
        assertEquals("", inline.output().child(1).label);
        assertTrue(Double.isNaN(Parser.parse("h = 1.0\na = Value(2.0 + h)\n").assignments().get(1).leafValue()));
        assertEquals(3.0, Evaluator.run("h = 1.0\na = Value(2.0 + h)\n").output().data, "the lecture's lol() does it");
    }

    @Test
    void methodsAreTheFunctions() {
        for (String f : Parser.FUNCTIONS) {
            assertSameAs("x = 0.5\ny = " + f + "(x)\n", "x = Value(0.5)\ny = x." + f + "()\n");
            assertSameAs("x = 0.5\ny = " + f + "(x)\n", "x = 0.5\ny = x." + f + "()\n");
        }
        String leaves = "a = 0.5\nb = -1.5\n";
        assertSameAs(leaves + "y = tanh(a + b)\n", leaves + "y = (a + b).tanh()\n");
        assertSameAs(leaves + "y = -tanh(a)\n", leaves + "y = -a.tanh()\n");
        assertSameAs(leaves + "y = tanh(a)**2\n", leaves + "y = a.tanh()**2\n");
        assertSameAs(leaves + "y = log(exp(a))\n", leaves + "y = a.exp().log()\n");
    }

    @Test
    void semicolonsSeparateStatementsAndLabelsNameTheDrawing() {
        Evaluation ev = Evaluator.run("a = Value(2.0); b = Value(3.0);\nd = a*b; d.label = \"a times b\"\n");
        assertEquals("a times b", ev.named().get("d").label);
        Program.Label label = ev.program().labels().get(0);
        assertEquals("d", label.name().text());
        assertEquals(3, label.after(), "after the third assignment");
        assertEquals(2, label.target(), "it labels what the third assignment bound");
        assertEquals("second", Evaluator.run("a = Value(2.0)\na.label = 'first'\na.label = 'second'\n")
                .output().label, "the last label wins");
        Evaluation alias = Evaluator.run("a = Value(2.0)\nb = a\nb.label = 'bee'\nc = b * 2\n");
        assertEquals("bee", alias.named().get("a").label, "b is the same Value as a, as in Python");
        assertEquals("it's", Evaluator.run("a = Value(2.0)\na.label = 'it\\'s'\n").output().label);
        assertEquals("d", Evaluator.run("a = 2.0\nd = a * a; d.label = 'd'\n").output().label,
                "the cleaned-up form takes labels too");
    }

    @Test
    void augmentedAssignmentMakesANewNode() {
        Evaluation ev = backward("a = Value(2.0, label='a')\nh = 0.5\nb = a * 3\na += h\nc = a * 4\n");
        Value oldA = ev.leaves().get(0);
        Value newA = ev.named().get("a");
        assertNotSame(oldA, newA);
        assertEquals(Op.ADD, newA.kind());
        assertSame(oldA, newA.child(0));
        assertEquals(0.5, newA.child(1).data, "h is a plain number: a fresh constant");
        assertEquals("a", newA.label, "the new node takes the name it is assigned to");
        assertSame(oldA, ev.named().get("b").child(0), "b keeps the a it was made from");
        assertSame(newA, ev.named().get("c").child(0), "c sees the new a");
        assertEquals(10.0, ev.output().data);
        assertEquals(4.0, oldA.grad);
        assertEquals(List.of(oldA), ev.leaves());
        String leaves = "a = Value(2.0)\nb = Value(3.0)\n";
        assertSameGraph(backward(leaves + "c = a - b\n"), backward(leaves + "c = a\nc -= b\n"), "-=");
        assertSameGraph(backward(leaves + "c = a * (b + 1)\n"), backward(leaves + "c = a\nc *= b + 1\n"), "*=");
        assertSameGraph(backward(leaves + "c = a / b\n"), backward(leaves + "c = a\nc /= b\n"), "/=");
    }

    @Test
    void aNameAssignedAgainIsRebound() {
        Evaluation ev = backward("a = Value(2.0, label='a')\nb = a * 3\na = Value(5.0, label='a')\nc = a + b\n");
        assertEquals(11.0, ev.output().data);
        assertEquals(2, ev.leaves().size(), "both a's are leaves: the first one is still in the graph");
        assertEquals(3.0, ev.leaves().get(0).grad);
        assertEquals(1.0, ev.leaves().get(1).grad);
        assertSame(ev.leaves().get(1), ev.named().get("a"), "named() gives the last binding");
        assertEquals(List.of("a", "b", "c"), List.copyOf(ev.named().keySet()));
        List<Evaluation.Binding> bindings = ev.bindings();
        assertEquals(4, bindings.size());
        assertSame(ev.leaves().get(0), bindings.get(0).value());
        assertSame(ev.leaves().get(1), bindings.get(2).value());
        assertEquals(5.0, backward("a = 2.0\na = 5.0\n").output().data, "the cleaned-up form rebinds too");
        assertEquals(3, Parser.parse("a = 2.0\nb = a\na = 3.0\n").find("a").line(), "find() gives the last line");
    }

    @Test
    void drawDotAndBackwardChooseTheOutput() {
        String cell = "a = Value(2.0)\nL = a * 3\nx = a * 2\n";
        assertEquals("x", Evaluator.run(cell).outputName());
        assertEquals("L", Evaluator.run(cell + "draw_dot(L)\n").outputName());
        assertEquals("L", Evaluator.run(cell + "L.backward()\n").outputName());
        assertEquals("x", Evaluator.run(cell + "L.backward()\ndraw_dot(x)\n").outputName(), "the last choice");
        Program p = Parser.parse(cell + "draw_dot(L)\n");
        assertEquals("L", p.output().text());
        assertEquals("x", Evaluator.evaluate(p, "x").outputName(), "the command line's --output still chooses");
        assertEquals("a", Evaluator.run("a = Value(2.0)\nh = 0.001\n").outputName(), "the last Value, not h");
        assertEquals("a", Evaluator.run("a = Value(2.0)\nb = a * 2\nb = 3.0\n").outputName(), "b is a number now");
    }

    @Test
    void gradAnswersAreRecordedWithTheirPositionsAndANote() {
        String source = "a = Value(2.0)\nb = a * 3\nb.grad = 1.0\na.grad =  -3.5  # by hand\n";
        Evaluation ev = backward(source);
        List<Program.Answer> answers = ev.program().answers();
        assertEquals(2, answers.size());
        assertEquals("a", answers.get(1).name().text());
        assertEquals(-3.5, answers.get(1).grad());
        assertEquals("-3.5", source.substring(answers.get(1).valueStart(), answers.get(1).valueEnd()));
        assertEquals(0, answers.get(1).target());
        assertEquals(1, answers.get(0).target());
        assertEquals(3.0, ev.named().get("a").grad, "outside by-hand mode the answer changes nothing");
        assertEquals(List.of("line 3: `b.grad = 1.0` is an answer for by-hand mode: ignored here",
                "line 4: `a.grad =  -3.5` is an answer for by-hand mode: ignored here"), describe(ev.notes()));
    }

    @Test
    void linesTheLabIgnoresLeaveANoteNamingTheLine() {
        String source = """
                import math
                from micrograd.engine import Value
                import sys; sys.setrecursionlimit(10000)
                a = Value(2.0)
                o = a.tanh()
                print(f'{o.data:.4f} > 0', o.grad)
                o
                o.data
                o._backward()
                """;
        Evaluation ev = Evaluator.run(source);
        assertEquals(List.of("line 1: `import math` is ignored: the lab needs no imports",
                "line 2: `from micrograd.engine import Value` is ignored: the lab needs no imports",
                "line 3: `import sys` is ignored: the lab needs no imports",
                "line 3: `sys.setrecursionlimit(10000)` is ignored: it is for Python only",
                "line 6: `print(f'{o.data:.4f} > 0', o.grad)` is ignored: the drawing shows every value",
                "line 7: `o` is ignored: a line with only an expression does nothing here",
                "line 8: `o.data` is ignored: the drawing shows it",
                "line 9: `o._backward()` is one step of backward by hand: ignored here (the Step button does it)"),
                describe(ev.notes()));
        assertEquals(13, ev.notes().get(3).column());
        assertEquals("o", ev.outputName());
    }

    @Test
    void microgradsSemanticsAsToday() {
        String twin = "a = 3.0\nb = -2.0\n";
        String cell = "a = Value(3.0)\nb = Value(-2.0)\n";
        for (String e : new String[] {"-a", "a - b", "a / b", "2 * a", "a ** 2", "(a + b).tanh()", "a**-1 - 2/b"}) {
            assertSameAs(twin + "y = " + e.replace(".tanh()", "").replace("(a + b)", "tanh(a + b)") + "\n",
                    cell + "y = " + e + "\n");
        }
    }

    @Test
    void plainNumbersFollowPython() {
        Evaluation ev = Evaluator.run("a = Value(2.0)\nh = 0.001\nk = 2 * h\nb = a + h\nc = b * k + h\n");
        assertFalse(ev.named().containsKey("h"), "h is a Python float, not a Value");
        assertFalse(ev.named().containsKey("k"));
        assertEquals(List.of(ev.named().get("a")), ev.leaves());
        assertNull(ev.bindings().get(1).value());
        assertEquals(0.001, ev.bindings().get(1).number());
        assertEquals(0.002, ev.bindings().get(2).number());
        Value c = ev.output();
        assertEquals(0.001, c.child(1).data);
        assertNotSame(c.child(1), ev.named().get("b").child(1), "each use of h is a fresh constant");
        assertEquals(List.of("line 2: `h = 0.001` is a plain number, as in Python: in a program that uses Value(…), "
                + "only Value(…) makes a leaf"), describe(ev.notes()));
        Evaluation twin = Evaluator.run("a = 2.0\nh = 0.001\nb = a + h\n");
        assertTrue(twin.named().get("h").isLeaf(), "without Value(…) a number line still makes a leaf");
        assertEquals(2, twin.leaves().size());
        assertTrue(Evaluator.run("a = 2.0\nb = Value(3.0)\nc = a * b\n").output().child(0).label.isEmpty(),
                "beside Value(…), a = 2.0 is a plain number too");
    }

    @Test
    void thePrinterKeepsLabelsAnswersAndTheOutput() {
        String source = "a = Value(2.0, label='a')  # in\nb = a * 3; b.label = 'b\\'s'\nb.grad = 1.0\n"
                + "h = 0.5\na += h\nc = a.tanh()\ndraw_dot(b)\nimport math\n";
        String printed = PrinterTest.assertRoundTrip(source);
        assertEquals("a = Value(2.0, label='a')\nb = a * 3.0\nb.grad = 1.0\nb.label = 'b\\'s'\nh = 0.5\n"
                + "a = a + h\nc = tanh(a)\ndraw_dot(b)\n", printed);
        assertEquals(EvaluatorTest.LECTURE, Printer.print(Parser.parse(EvaluatorTest.LECTURE)), "as before");
    }

    static List<String> describe(List<Program.Note> notes) {
        List<String> out = new ArrayList<>();
        for (Program.Note n : notes) {
            out.add(n.describe());
        }
        return out;
    }
}
