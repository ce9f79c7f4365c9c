package org.backproplab.expr;

import static org.backproplab.expr.GraphAssert.assertSameGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Python a program exports to: valid for stock micrograd (which has no labels in its constructor and no tanh,
 * exp, log or sigmoid), and meaning the same graph. Running it needs Python and micrograd, which the build doesn't
 * have, so these tests read the text, and paste it back into the lab, which reads micrograd's Python: it must build
 * the very graph the program builds, with the same names, labels, numbers and grads.
 */
class PythonExportTest {

    private static String export(String source) {
        Program p = Parser.parse(source);
        return PythonExport.toPython(p, p.lastName());
    }

    /** Exports, pastes the export back, and asserts the same graph; returns the export. */
    static String assertSameMeaning(String source) {
        Evaluation before = Evaluator.run(source);
        String python = PythonExport.toPython(before.program(), before.outputName());
        Evaluation after = Evaluator.run(python);
        before.output().backward();
        after.output().backward();
        assertSameGraph(before, after, "export of\n" + source + "\nas\n" + python);
        return python;
    }

    @Test
    void theLectureGraphIsPlainMicrograd() {
        String py = export(EvaluatorTest.LECTURE);
        assertTrue(py.contains("from micrograd.engine import Value\n"), py);
        assertTrue(py.contains("a = Value(2.0)\na.label = 'a'\n"), py);
        assertTrue(py.contains("b = Value(-3.0)\n"), py);
        assertTrue(py.contains("d = a * b\nd.label = 'd'\n"), py);
        assertTrue(py.contains("\nL.backward()\n"), py);
        assertFalse(py.contains("def "), "no helper is needed: " + py);
        assertFalse(py.contains("label="), "stock micrograd's Value takes no label argument: " + py);
        assertFalse(py.contains("sys"), py);
    }

    @Test
    void onlyTheFunctionsUsedAreDefinedTheLecturesWay() {
        String py = export("x = 0.5\ny = tanh(x) + exp(x)\n");
        assertTrue(py.contains("def tanh(self):"), py);
        assertTrue(py.contains("self.grad += (1 - t**2) * out.grad"), py);
        assertTrue(py.contains("def exp(self):"), py);
        assertTrue(py.contains("self.grad += out.data * out.grad"), py);
        assertFalse(py.contains("def log("), py);
        assertFalse(py.contains("def sigmoid("), py);
        assertFalse(py.contains("def relu("), py);
        String relu = export("x = -0.5\ny = relu(x) * 2\n");
        assertTrue(relu.contains(".relu()"), "relu is micrograd's own method: " + relu);
        String sigmoid = export("x = 1.0\ny = sigmoid(log(x))\n");
        assertTrue(sigmoid.contains("def sigmoid(self):") && sigmoid.contains("except OverflowError:"), sigmoid);
        assertTrue(sigmoid.contains("def log(self):"), sigmoid);
    }

    @Test
    void numbersOnTheLeftAndUnaryMinusKeepTheirMeaning() {
        String py = export("a = 3.0\nb = 2 * a - 1 / a + (1 - a) - -a**2 + a**-1\n");
        assertTrue(py.contains("b = 2.0 * a - 1.0 / a + (1.0 - a) - -a**2 + a**-1\n"), py);
        assertSameMeaning("a = 3.0\nb = 2 * a - 1 / a + (1 - a) - -a**2 + a**-1\n");
    }

    @Test
    void aLineOfOnlyNumbersStillMakesAValue() {
        String py = export("k = 2 * 3\nm = -2.0**2 + 1\nx = 2.0\ny = k * m * x\n");
        assertTrue(py.contains("k = Value(2.0 * 3.0)\nk.label = 'k'\n"), "a float has no .label or .grad: " + py);
        assertTrue(py.contains("m = Value(-2.0**2 + 1.0)\n"), "a leaf, as it is in the lab: " + py);
        assertTrue(py.contains("y = k * m * x\n"), py);
        assertSameMeaning("k = 2 * 3\nm = -2.0**2 + 1\nx = 2.0\ny = k * m * x\n");
    }

    @Test
    void namesPythonReservesAreRenamedButKeepTheirLabels() {
        String py = export("in = 1.0\nin_ = 2.0\nValue = in * in_\nprint = Value + 1\n");
        assertTrue(py.contains("in__ = Value(1.0)\nin__.label = 'in'\n"), py);
        assertTrue(py.contains("in_ = Value(2.0)\nin_.label = 'in_'\n"), py);
        assertTrue(py.contains("Value_ = in__ * in_\nValue_.label = 'Value'\n"), py);
        assertTrue(py.contains("print_ = Value_ + 1.0\n"), py);
        assertTrue(py.contains("\nprint_.backward()\n"), py);
        assertTrue(py.contains("print(f'{\"in\":>8} | data {in__.data:.4f} | grad {in__.grad:.4f}')\n"
                + "print(f'{\"in_\":>8} | data {in_.data:.4f} | grad {in_.grad:.4f}')\n"
                + "print(f'{\"Value\":>8} | data {Value_.data:.4f} | grad {Value_.grad:.4f}')\n"), py);
        Evaluation back = Evaluator.run(py);
        assertEquals("in", back.named().get("in__").label, "pasted back, the label is the name again");
    }

    @Test
    void anAliasIsNotRelabelled() {
        String py = export("a = 2.0\nb = a\nc = b * 3\n");
        assertTrue(py.contains("b = a\nc = b * 3.0\n"), "b is the same object as a in Python: " + py);
    }

    @Test
    void aDeepGraphRaisesPythonsRecursionLimit() {
        StringBuilder chain = new StringBuilder("x = 0.5\ny0 = x * 1.001\n");
        for (int i = 1; i < 1000; i++) {
            chain.append('y').append(i).append(" = y").append(i - 1).append(" * 1.001\n");
        }
        String py = export(chain.toString());
        assertTrue(py.contains("import sys\n") && py.contains("sys.setrecursionlimit("), py.substring(0, 300));
        assertFalse(export("a = 1.0\nb = a * a\n").contains("setrecursionlimit"));
    }

    @Test
    void referenceAndRandomProgramsExportToTheSameGraph() {
        for (String source : EvaluatorTest.REFERENCE_PROGRAMS) {
            assertSameMeaning(source);
        }
        for (Presets.Preset p : Presets.ALL) {
            assertSameMeaning(p.program());
        }
        RandomPrograms random = new RandomPrograms(4242);
        for (int i = 0; i < 1000; i++) {
            String source = random.program();
            try {
                Parser.parse(source);
            } catch (ParseError e) {
                continue;
            }
            assertSameMeaning(source);
        }
    }

    @Test
    void programsOfBothFormsPasteBackAsTheSameGraph() {
        assertSameMeaning(PythonFormTest.LECTURE_CELL);
        assertSameMeaning(PythonFormTest.NEURON_CELL);
        RandomPrograms random = new RandomPrograms(1414);
        int programs = 0;
        for (; programs < 500; programs += 2) {
            assertSameMeaning(random.pythonProgram());
            assertSameMeaning(random.program());
        }
        assertEquals(500, programs);
    }

    @Test
    void labelsThatAreNotNamesAndPlainNumbersSurviveTheExport() {
        String py = assertSameMeaning(PythonFormTest.NEURON_CELL);
        assertTrue(py.contains("x1w1 = x1 * w1\nx1w1.label = 'x1*w1'\n"), py);
        assertTrue(py.contains("o = tanh(n)\no.label = 'o'\n"), "the lecture's tanh, defined above: " + py);
        py = assertSameMeaning("a = Value(2.0, label='in')\nh = 0.5\na += h\nb = a * Value(3.0)\ndraw_dot(a)\n");
        assertTrue(py.contains("a = Value(2.0)\na.label = 'in'\nh = 0.5\na = a + h\na.label = 'a'\n"), py);
        assertTrue(py.contains("b = a * Value(3.0)\n"), py);
        assertTrue(py.contains("\na.backward()\n"), py);
        assertFalse(py.contains("print(f'{\"h\""), "h is a plain number, with no grad to print: " + py);
    }

    @Test
    void pastingAnExportBackAndExportingAgainChangesNothing() {
        RandomPrograms random = new RandomPrograms(99);
        for (int i = 0; i < 100; i++) {
            String once = assertSameMeaning(random.pythonProgram());
            Program pasted = Parser.parse(once);
            Evaluation ev = Evaluator.evaluate(pasted);
            assertEquals(once, PythonExport.toPython(pasted, ev.outputName()));
        }
    }
}
