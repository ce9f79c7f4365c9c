package org.backproplab.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.HandCheck;
import org.backproplab.engine.HandCheck.State;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/** Backprop by hand: the answers the lecture works out, and the feedback for each op and for reused nodes. */
class HandCheckTest {

    private static String name(Value v) {
        return v.label.isEmpty() ? "(" + v.op() + ")" : v.label;
    }

    private static HandCheck check(String program) {
        return new HandCheck(Evaluator.run(program).output(), false, HandCheckTest::name);
    }

    private static Value node(HandCheck h, String label) {
        for (Value v : h.asked()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new AssertionError("no node " + label);
    }

    @Test
    void theLecturesAnswersAreRightInTheOrderTheyCanBeFound() {
        HandCheck h = check(EvaluatorTest.LECTURE);
        assertEquals(7, h.total());
        assertEquals(1, h.right(), "L.grad = 1 is given");
        assertEquals("L", h.asked().get(0).label, "the output comes first");
        String[][] answers = {{"f", "4"}, {"e", "-2"}, {"d", "-2"}, {"c", "-2"}, {"b", "-4"}, {"a", "6"}};
        for (String[] a : answers) {
            HandCheck.Verdict v = h.check(node(h, a[0]), Double.parseDouble(a[1]));
            assertEquals(State.RIGHT, v.state(), a[0] + ": " + v.feedback());
        }
        assertEquals(7, h.right());
        assertTrue(h.finished());
        assertTrue(h.revealed().isEmpty());
    }

    @Test
    void aWrongAnswerNamesTheRuleAndNotTheNumber() {
        HandCheck h = check(EvaluatorTest.LECTURE);
        HandCheck.Verdict e = h.check(node(h, "e"), 4);
        assertEquals(State.WRONG, e.state());
        assertEquals("e reaches L through ×: multiply L's grad by the other input's data.", e.feedback());
        assertFalse(e.feedback().contains("-2") || e.feedback().contains("−2"), e.feedback());

        h.check(node(h, "e"), -2);
        HandCheck.Verdict c = h.check(node(h, "c"), 1);
        assertEquals("c reaches e through +: a + passes e's grad on unchanged.", c.feedback());

        HandCheck.Verdict a = h.check(node(h, "a"), 3);
        assertEquals(State.WRONG, a.state());
        assertEquals("Not yet: first find the grad of d, the node that a feeds.", a.feedback());
        assertFalse(a.feedback().contains("6"), a.feedback());
        assertEquals("first find the grad of d, the node that a feeds", h.blockedBy(node(h, "a")));
    }

    @Test
    void aRightAnswerCountsEvenBeforeItCouldBeWorkedOut() {
        HandCheck h = check(EvaluatorTest.LECTURE);
        assertEquals(State.RIGHT, h.check(node(h, "a"), 6).state());
        assertEquals(2, h.right());
    }

    @Test
    void aNodeUsedTwiceAsksForTheSumOfBothUses() {
        HandCheck twice = check("a = 3.0\nb = a + a\n");
        HandCheck.Verdict v = twice.check(node(twice, "a"), 1);
        assertEquals(State.WRONG, v.state());
        assertTrue(v.feedback().startsWith("a is used twice: add the contributions of both uses"), v.feedback());
        assertEquals(State.RIGHT, twice.check(node(twice, "a"), 2).state());

        HandCheck reuse = check(EvaluatorTest.REUSE); // b = a*b; e = a+b; f = d*e from the lecture
        reuse.check(node(reuse, "d"), reuse.grad(node(reuse, "d")));
        reuse.check(node(reuse, "e"), reuse.grad(node(reuse, "e")));
        HandCheck.Verdict a = reuse.check(node(reuse, "a"), 0);
        assertTrue(a.feedback().startsWith("a is used twice"), a.feedback());
        assertEquals(-3.0, reuse.grad(node(reuse, "a")), 1e-12);
        assertEquals(-8.0, reuse.grad(node(reuse, "b")), 1e-12);
    }

    @Test
    void eachFunctionHasItsRule() {
        String[][] cases = {
            {"x = 0.5\no = tanh(x)\n", "o = tanh(x): multiply o's grad by 1 − o²."},
            {"x = 0.5\no = exp(x)\n", "o = exp(x): multiply o's grad by o's own data (exp is its own derivative)."},
            {"x = 0.5\no = log(x)\n", "o = log(x): multiply o's grad by 1/x."},
            {"x = 0.5\no = relu(x)\n", "o = relu(x): o's grad passes on unchanged where o > 0, and as 0 where it "
                    + "isn't."},
            {"x = 0.5\no = sigmoid(x)\n", "o = sigmoid(x): multiply o's grad by o·(1 − o)."},
            {"x = 0.5\no = x**3\n", "o = x**k: multiply o's grad by k·x^(k−1)."},
        };
        for (String[] c : cases) {
            HandCheck h = check(c[0]);
            Value x = node(h, "x");
            HandCheck.Verdict v = h.check(x, 123);
            assertEquals(c[1], v.feedback());
            assertFalse(v.feedback().contains(Numbers.fixed(h.grad(x), 4)), v.feedback());
            assertEquals(State.RIGHT, h.check(x, h.grad(x)).state());
        }
    }

    @Test
    void constantsNeedNoAnswerAndFourShownDecimalsAreEnough() {
        HandCheck h = check(EvaluatorTest.NEURON);
        for (Value v : h.asked()) {
            assertFalse(v.isLeaf() && v.label.isEmpty(), "a constant was asked for");
        }
        Value n = node(h, "n");
        double truth = h.grad(n); // 1 - o**2 = 0.5
        assertEquals(0.5, truth, 1e-9);
        assertEquals(State.RIGHT, h.check(n, 0.50004).state(), "0.5000 as shown");
        assertEquals(State.WRONG, h.check(n, 0.5001).state());
        HandCheck consts = check("a = 2.0\nb = 3 * a + 1\n");
        assertEquals(List.of("b", "(*)", "a"), consts.asked().stream().map(HandCheckTest::name).toList());
    }

    @Test
    void aReusedNodesGradIsTheSumOfOneTermPerUseEachWithItsBackwardLine() {
        HandCheck h = check(EvaluatorTest.REUSE); // a = -2, b = 3, d = a*b, e = a+b, f = d*e
        Value a = node(h, "a");
        List<org.backproplab.engine.BackwardTrace.Contribution> terms = h.contributions(a);
        assertEquals(2, terms.size(), "a feeds d and e");
        double sum = 0;
        for (org.backproplab.engine.BackwardTrace.Contribution t : terms) {
            assertEquals(sum, t.before());
            sum = t.after();
        }
        assertEquals(h.grad(a), sum, 1e-12);
        List<String> lines = terms.stream().map(t -> org.backproplab.engine.BackwardLine.of(t.parent(), t.operand(),
                "a", t.upstream()).withNumbers()).toList();
        // backward reaches e = a + b (grad −6) before d = a * b (grad 1, local b.data = 3)
        assertEquals(List.of("a.grad += (−6.0)", "a.grad += 3.0 × 1.0"), lines);
        assertTrue(h.contributions(h.output()).isEmpty(), "the output's grad is given, not passed down");
    }

    @Test
    void revealCountsAsRevealedAndHintShowsTheLocalDerivative() {
        HandCheck h = check(EvaluatorTest.LECTURE);
        Value f = node(h, "f");
        assertEquals("On the edge into L (*), the local derivative dL/df is 4.0000.", h.hint(f));
        assertEquals(4.0, h.reveal(f));
        assertEquals(State.REVEALED, h.state(f));
        assertEquals(1, h.right());
        assertEquals(List.of(f), h.revealed());
        assertNull(h.blockedBy(node(h, "e")), "a revealed grad unblocks the nodes below it");
        HandCheck asked = new HandCheck(Evaluator.run(EvaluatorTest.LECTURE).output(), true, HandCheckTest::name);
        assertEquals(0, asked.right(), "with the option on, L's grad is asked too");
    }
}
