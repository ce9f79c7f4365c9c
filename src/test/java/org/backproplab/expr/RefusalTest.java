package org.backproplab.expr;

import static org.backproplab.expr.ParseErrorTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The Python the lab reads but won't run is refused at its line and column, in a message that says what to write
 * instead (issue 14). Each case is a notebook line as a student would paste it.
 */
class RefusalTest {
    private static final String AB = "a = Value(2.0, label='a')\nb = Value(-3.0, label='b')\n";

    @Test
    void theIssuesOwnExamples() {
        ParseError def = assertError(AB + "def lol():\n    return a * b\n", 3, 1);
        assertEquals("`def` isn't supported here: paste the body of the function", def.reason());
        ParseError data = assertError(AB + "d = a*b\nh = 0.001\nL = a.data + h\n", 5, 5);
        assertEquals("`a.data` is a plain number; the lab draws Values only: write `a`", data.reason());
    }

    @Test
    void functionsOfYourOwn() {
        assertError(AB + "  def f(x): return x\n", 3, 3, "`def` isn't supported here");
        assertError(AB + "o = lol(a)\n", 3, 5, "unknown function 'lol'", "paste its body instead of calling it");
        assertError(AB + "o = sum(a, b)\n", 3, 5, "unknown function 'sum'", "expected one of tanh, exp, log");
        assertError(AB + "    return a * b\n", 3, 5, "`return` isn't supported here", "paste the body");
        assertError(AB + "f = lambda x: x * 2\n", 3, 5, "`lambda` isn't supported here");
        assertError("class Value:\n    pass\n", 1, 1, "`class` isn't supported here", "the lab has Value built in");
    }

    @Test
    void theLabsOwnFunctionsDefinedAsTheExportDoesAreSkipped() {
        String source = AB + "def tanh(self):  # as in the lecture\n    t = math.tanh(self.data)\n"
                + "    try:\n        s = 1 / (1 + math.exp(-self.data))\n    except OverflowError:\n"
                + "        s = 0.0\n\n    return out\n\nc = tanh(a * b)\n";
        Evaluation ev = Evaluator.run(source);
        assertEquals(Math.tanh(-6), ev.output().data);
        assertEquals("line 3: `def tanh` is skipped: the lab has tanh built in", ev.notes().get(0).describe());
    }

    @Test
    void branchesAndLoops() {
        assertError(AB + "if a.data > 0:\n    c = a\n", 3, 1, "`if` isn't supported here",
                "write the lines of the branch you mean");
        assertError(AB + "for p in [a, b]:\n    p.data += 0.01\n", 3, 1, "`for` isn't supported here",
                "write each step on a line of its own");
        assertError(AB + "while a.data < 3: a += 1\n", 3, 1, "`while` isn't supported here");
        assertError(AB + "else:\n", 3, 1, "`else` isn't supported here");
        assertError(AB + "c = [x * 2 for x in [a, b]]\n", 3, 5, "a comprehension isn't supported here",
                "write one line per item");
    }

    @Test
    void networksAndLists() {
        assertError("x = [2.0, 3.0, -1.0]\n", 1, 5, "lists aren't supported here", "write one Value per line");
        assertError(AB + "n = MLP(3, [4, 4, 1])\n", 3, 5, "`MLP(…)` builds a network with micrograd's nn module",
                "write its neurons out");
        assertError(AB + "n = Neuron(2)\n", 3, 5, "`Neuron(…)`");
        assertError(AB + "n = Layer(2, 3)\n", 3, 5, "`Layer(…)`");
        assertError(AB + "c = a * b[0]\n", 3, 10, "expected an operator or the end of the line", "found '['");
    }

    @Test
    void plainNumbersInsteadOfValues() {
        assertError(AB + "c = math.exp(a.data)\n", 3, 5,
                "`math.exp` works on plain numbers; the lab draws Values only: write `a.exp()`");
        assertError(AB + "c = math.tanh(b)\n", 3, 5, "write `b.tanh()`");
        assertError(AB + "c = 2 * math.exp(a.data * 2)\n", 3, 9, "write `x.exp()`");
        assertError(AB + "c = math.sqrt(a)\n", 3, 5, "`math.sqrt` works on plain numbers",
                "expected a Value, a number, or one of tanh");
        assertError(AB + "c = b * a.grad\n", 3, 9, "`a.grad` is a plain number that backward fills in",
                "write `a`");
        assertError(AB + "c = (a + b).data * 2\n", 3, 5, "`(a + b).data` is a plain number", "write `(a + b)`");
        assertError(AB + "c = a._prev\n", 3, 5, "`a._prev` isn't supported here", "expected a Value such as `a`");
        assertError(AB + "c = Value(a)\n", 3, 11, "Value(…) takes a plain number, and this is a Value already");
        assertError(AB + "h = 0.001\nh.label = 'h'\n", 4, 1, "'h' is a plain number, which has no label",
                "write h = Value(…)");
        assertError(AB + "h = 0.001\ndraw_dot(h)\n", 4, 10, "'h' is a plain number, not a Value");
    }

    @Test
    void settingWhatBackwardOrTheLabOwns() {
        assertError(AB + "a.data = 3.0\n", 3, 1, "setting `a.data` isn't supported here",
                "write the new number in `a = Value(…)` instead");
        assertError(AB + "a.data += 0.01 * a.grad\n", 3, 1, "setting `a.data` isn't supported here");
        assertError(AB + "a.grad += 1.0\n", 3, 1, "`a.grad` is backward's to add up", "expected `a.grad = <number>`");
        assertError(AB + "a.grad = b\n", 3, 10, "expected a number after 'a.grad =', such as 0.5");
        assertError(AB + "a.label = b\n", 3, 11, "expected a string after 'a.label =', such as 'a'");
        assertError(AB + "a._op = '+'\n", 3, 1, "`a._op = …` isn't supported here", "expected `a.label = '…'`");
    }

    @Test
    void valueCallsTheLabCantDraw() {
        assertError(AB + "L = a * Value(-2.0, label='f')\n", 3, 27, "a label names a Value that has a line of its own",
                "write `f = Value(-2.0, label='f')`");
        assertError("a = Value(2.0, (), '+')\n", 1, 16, "expected Value(data, label='…')", "found '('");
        assertError("a = Value(2.0, _op='+')\n", 1, 16, "expected Value(data, label='…')", "found '_op='");
        assertError("a = Value(2.0, label='a', label='b')\n", 1, 27, "found 'label='");
        assertError("a = Value()\n", 1, 11, "expected a number inside Value(…)");
        assertError("a = Value(2.0, label='a)\n", 1, 22, "the string that starts here isn't closed",
                "expected a closing '");
        assertError("a = Value(2.0, label=a)\n", 1, 22, "expected a string after 'label='");
    }

    @Test
    void methodsTheLabDoesntHave() {
        assertError(AB + "c = a.foo()\n", 3, 7, "unknown method 'foo()'", "expected one of tanh(), exp(), log()");
        assertError(AB + "c = a.tanh(2)\n", 3, 12, "expected ')' right after 'tanh(': the method takes no argument");
        assertError(AB + "c = a.backward()\n", 3, 7, "`a.backward()` isn't a value: write it on a line of its own");
        assertError(AB + "c = a.\n", 3, 7, "expected a method after '.'");
        assertError(AB + "draw_dot(a * b)\n", 3, 12, "expected ')' after 'draw_dot(a'");
        assertError(AB + "draw_dot(z)\n", 3, 10, "unknown name 'z'");
    }

    @Test
    void aRefusedLineIsBlamedOnItsWordNotOnACharacterLater() {
        assertError(AB + "if a.data > 0: print('!')\n", 3, 1, "`if` isn't supported here");
        assertError(AB + "c = a @ b\n", 3, 7, "unexpected character '@'");
        assertError(AB + "print(a.data > 0)\nc = a @ b\n", 4, 7, "unexpected character '@'");
    }
}
