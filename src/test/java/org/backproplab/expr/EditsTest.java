package org.backproplab.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/** Setting a leaf writes its new number where the number is written, and leaves the rest of the text alone. */
class EditsTest {
    private static String set(String source, String key, double value) {
        return Edits.setValues(Parser.parse(source), Map.of(key, value));
    }

    @Test
    void aNumberLineGetsItsNewRightSide() {
        assertEquals("a = 2.5   # the input\nb = a * 3\n", set("a = -2.0   # the input\nb = a * 3\n", "a", 2.5));
        assertEquals("k = 7.0\nx = k * 2\n", set("k = 2 * 3.5\nx = k * 2\n", "k", 7), "a folded leaf too");
        assertEquals("a = 1.0\nb = a * 3\n", set("a = 1.0\nb = a * 3\n", "b", 9), "b is no leaf: left alone");
        assertEquals("a = 1.0\n", set("a = 1.0\n", "zz", 9));
    }

    @Test
    void theNumberInsideValueIsEditedInPlace() {
        assertEquals("a = Value(2.06, label='a')  # in\nb = a * a\n",
                set("a = Value(2.0, label='a')  # in\nb = a * a\n", "a", 2.06));
        assertEquals("a = Value(data=-0.5, label=\"a\")\n", set("a = Value(data=2.0, label=\"a\")\n", "a", -0.5));
        assertEquals("a = Value(label='a', data=1.0)\n", set("a = Value(label='a', data=-1.0)\n", "a", 1));
        assertEquals("a = Value( 3.0 )\n", set("a = Value( (2.0) )\n", "a", 3));
    }

    @Test
    void aLeafIsNamedByItsVariableOrByItsLabel() {
        String neuron = "w = Value(-3.0, label='w1')\nx1w1 = Value(2.0); x1w1.label = 'x1*w1'\no = w * x1w1\n";
        assertEquals("w = Value(1.0, label='w1')\nx1w1 = Value(2.0); x1w1.label = 'x1*w1'\no = w * x1w1\n",
                set(neuron, "w1", 1), "the drawing's label, which the graph view passes");
        assertEquals("w = Value(1.0, label='w1')\nx1w1 = Value(2.0); x1w1.label = 'x1*w1'\no = w * x1w1\n",
                set(neuron, "w", 1), "the variable");
        assertEquals("w = Value(-3.0, label='w1')\nx1w1 = Value(0.5); x1w1.label = 'x1*w1'\no = w * x1w1\n",
                set(neuron, "x1*w1", 0.5), "a label set on a line of its own");
        String edited = Edits.setValues(Parser.parse(neuron), Map.of("w1", 1.0, "x1w1", 4.0));
        assertEquals(4.0, Evaluator.run(edited).output().data);
    }

    @Test
    void aNameAssignedAgainMeansItsLastLeaf() {
        String source = "a = Value(2.0, label='a')\nb = a * 3\na = Value(5.0, label='a')\na += 1\nc = a + b\n";
        assertEquals("a = Value(2.0, label='a')\nb = a * 3\na = Value(7.0, label='a')\na += 1\nc = a + b\n",
                set(source, "a", 7), "a += 1 makes no leaf, and the last leaf named a is the second");
        Evaluation ev = Evaluator.run(source);
        Value first = ev.leaves().get(0);
        assertEquals("a = Value(0.5, label='a')\nb = a * 3\na = Value(5.0, label='a')\na += 1\nc = a + b\n",
                Edits.setLeaves(ev, Map.of(first, 0.5)), "by the Value itself, either one");
        assertEquals(source, Edits.setLeaves(ev, Map.of(ev.output(), 0.5)), "a Value that is no leaf: unchanged");
        Evaluation twin = Evaluator.run("a = 2.0\nb = a\nc = b * 2.0\n");
        assertEquals("a = 3.0\nb = a\nc = b * 2.0\n", Edits.setLeaves(twin, Map.of(twin.named().get("b"), 3.0)),
                "b = a is the same Value: its number is on a's line");
    }

    @Test
    void aLeafOfABrokenProgramIsEditedOnItsOwnLineOrNotAtAll() {
        String broken = "a = 2.0  # the first input\nb = -3.0\nc = a * bb\n";
        assertEquals("a = 2.5  # the first input\nb = -3.0\nc = a * bb\n", Edits.setValueInLine(broken, "a", 2.5));
        assertEquals("a = 2.0  # the first input\nb = 4.0\nc = a * bb\n", Edits.setValueInLine(broken, "b", 4));
        assertEquals(null, Edits.setValueInLine(broken, "c", 1), "c's line is not a leaf: nothing is rewritten");
        assertEquals(null, Edits.setValueInLine("a = 2.0 +\n", "a", 1), "a's own line is broken");
        assertEquals("x = Value(1.5, label='x')\ny = x.tanh(\n",
                Edits.setValueInLine("x = Value(0.5, label='x')\ny = x.tanh(\n", "x", 1.5));
    }
}
