package org.backproplab.expr;

import static org.backproplab.engine.Approx.assertAbs;
import static org.backproplab.engine.Approx.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/** The expression language against micrograd's reference numbers, and what the evaluator makes of each line. */
class EvaluatorTest {
    static final String LECTURE = """
            a = 2.0
            b = -3.0
            c = 10.0
            d = a * b
            e = d + c
            f = -2.0
            L = e * f
            """;

    private static final String NEURON_INPUT = """
            x1 = 2.0
            x2 = 0.0
            w1 = -3.0
            w2 = 1.0
            b = 6.8813735870195432
            n = x1*w1 + x2*w2 + b
            """;

    static final String NEURON = NEURON_INPUT + "o = tanh(n)\n";

    static final String NEURON_EXP = NEURON_INPUT + "e = exp(2*n)\no = (e - 1) / (e + 1)\n";

    static final String REUSE = """
            a = -2.0
            b = 3.0
            d = a * b
            e = a + b
            f = d * e
            """;

    static final String SANITY = """
            x = -4.0
            z = 2*x + 2 + x
            q = relu(z) + z*x
            h = relu(z*z)
            y = h + q + q*x
            """;

    static final String MORE_OPS = """
            a = -4.0
            b = 2.0
            c = a + b
            d = a * b + b**3
            c1 = c + (c + 1)
            c2 = c1 + (1 + c1 + (-a))
            d1 = d + (d * 2 + relu(b + a))
            d2 = d1 + (3 * d1 + relu(b - a))
            e = c2 - d2
            f = e**2
            g = f / 2.0
            g1 = g + 10.0 / f
            """;

    static final List<String> REFERENCE_PROGRAMS = List.of(LECTURE, NEURON, NEURON_EXP, REUSE, SANITY, MORE_OPS);

    static Evaluation backward(String source) {
        Evaluation ev = Evaluator.run(source);
        ev.output().backward();
        return ev;
    }

    static double grad(Evaluation ev, String name) {
        return ev.named().get(name).grad;
    }

    @Test
    void lectureProgram() {
        Evaluation ev = backward(LECTURE);
        assertEquals("L", ev.outputName());
        assertRel(-8.0, ev.output().data, "L");
        Map<String, Double> grads = Map.of("a", 6.0, "b", -4.0, "c", -2.0, "f", 4.0, "d", -2.0, "e", -2.0);
        grads.forEach((name, g) -> assertRel(g, grad(ev, name), "grad " + name));
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "L"), List.copyOf(ev.named().keySet()));
        ev.named().forEach((name, v) -> assertEquals(name, v.label, "each named Value carries its name"));
        assertEquals(Op.MUL, ev.named().get("d").kind());
        assertSame(ev.named().get("a"), ev.named().get("d").child(0));
        assertSame(ev.named().get("b"), ev.named().get("d").child(1));
    }

    @Test
    void neuron() {
        for (String source : List.of(NEURON, NEURON_EXP)) {
            Evaluation ev = backward(source);
            assertEquals("o", ev.outputName());
            assertAbs(0.7071067811865476, ev.output().data, 1e-12, "o");
            assertAbs(-1.5, grad(ev, "x1"), 1e-12, "grad x1");
            assertAbs(1.0, grad(ev, "w1"), 1e-12, "grad w1");
            assertAbs(0.5, grad(ev, "x2"), 1e-12, "grad x2");
            assertAbs(0.0, grad(ev, "w2"), 1e-12, "grad w2");
            assertAbs(0.5, grad(ev, "b"), 1e-12, "grad b");
        }
        assertEquals(Op.TANH, Evaluator.run(NEURON).output().kind());
    }

    @Test
    void reuse() {
        Evaluation ev = backward(REUSE);
        assertRel(-6.0, ev.output().data, "f");
        assertRel(-3.0, grad(ev, "a"), "grad a");
        assertRel(-8.0, grad(ev, "b"), "grad b");
    }

    @Test
    void aPlusA() {
        Evaluation ev = backward("a = 3.0\nb = a + a\n");
        Value a = ev.named().get("a");
        Value b = ev.named().get("b");
        assertEquals(2.0, a.grad);
        assertEquals(List.of(a, a), b.children());
    }

    @Test
    void microgradSanityCheck() {
        Evaluation ev = backward(SANITY);
        assertRel(-20.0, ev.output().data, "y");
        assertRel(46.0, grad(ev, "x"), "grad x");
    }

    @Test
    void microgradMoreOps() {
        Evaluation ev = backward(MORE_OPS);
        assertEquals("g1", ev.outputName());
        assertRel(24.70408163265306, ev.output().data, "g1");
        assertRel(138.83381924198252, grad(ev, "a"), "grad a");
        assertRel(645.5772594752186, grad(ev, "b"), "grad b");
    }

    @Test
    void operatorsBuildMicrogradsStructure() {
        Evaluation ev = Evaluator.run("a = 5.0\nb = 2.0\ns = a - b\nn = -a\nq = a / b\np = a**3\n");
        Value a = ev.named().get("a");
        Value b = ev.named().get("b");
        Value s = ev.named().get("s");
        assertEquals(Op.ADD, s.kind());
        assertSame(a, s.child(0));
        assertEquals(Op.MUL, s.child(1).kind());
        assertSame(b, s.child(1).child(0));
        assertEquals(-1.0, s.child(1).child(1).data);
        Value n = ev.named().get("n");
        assertEquals(Op.MUL, n.kind());
        assertSame(a, n.child(0));
        assertEquals(-1.0, n.child(1).data);
        Value q = ev.named().get("q");
        assertEquals(Op.MUL, q.kind());
        assertSame(a, q.child(0));
        assertEquals(Op.POW, q.child(1).kind());
        assertEquals(-1.0, q.child(1).exponent());
        assertSame(b, q.child(1).child(0));
        assertEquals(2.5, q.data);
        assertEquals("**3", ev.named().get("p").op());
    }

    @Test
    void powerBindsTighterThanUnaryMinusAndIsRightAssociative() {
        assertEquals(-9.0, Evaluator.run("x = 3.0\ny = -x**2").output().data);
        assertEquals(9.0, Evaluator.run("x = 3.0\ny = (-x)**2").output().data);
        assertEquals(0.5, Evaluator.run("x = 2.0\ny = x**-1").output().data);
        assertEquals(512.0, Evaluator.run("x = 2.0\ny = x**3**2").output().data, "2**(3**2)");
        assertEquals(512.0, Evaluator.run("y = 2**3**2").output().data);
        // Python: 2**-2**2 is 2**(-(2**2)), and x**-1**2 is x**(-(1**2)).
        assertEquals(0.0625, Evaluator.run("x = 2.0\ny = x**-2**2").output().data);
        assertEquals(0.5, Evaluator.run("x = 2.0\ny = x**-1**2").output().data);
        assertEquals(0.0625, Evaluator.run("y = 2**-2**2").output().data);
        assertEquals(1.0 / 8, Evaluator.run("x = 2.0\ny = x**(-3)").output().data);
    }

    @Test
    void precedenceAndAssociativityOfTheFourOperators() {
        String leaves = "a = 2.0\nb = 3.0\nc = 5.0\n";
        assertEquals(4.0, Evaluator.run(leaves + "y = a - (b - c)").output().data);
        assertEquals(-6.0, Evaluator.run(leaves + "y = a - b - c").output().data);
        assertEquals(25.0, Evaluator.run(leaves + "y = (a + b) * c").output().data);
        assertEquals(17.0, Evaluator.run(leaves + "y = a + b * c").output().data);
        assertEquals(2.0 / 3 / 5, Evaluator.run(leaves + "y = a / b / c").output().data, 1e-15);
        assertEquals(2.0 / (3.0 / 5), Evaluator.run(leaves + "y = a / (b / c)").output().data, 1e-15);
        assertEquals(-2.0 * 3, Evaluator.run(leaves + "y = -a * b").output().data);
        assertEquals(2.0, Evaluator.run(leaves + "y = - -a").output().data);
    }

    // ---- leaves and constants ----

    @Test
    void aNegativeNumberMakesALeafNotANegNode() {
        Evaluation ev = Evaluator.run("a = -2.0\nb = a * 3\n");
        Value a = ev.named().get("a");
        assertTrue(a.isLeaf());
        assertEquals(-2.0, a.data);
        assertEquals("a", a.label);
        assertEquals(List.of(a), ev.leaves());
        Program.Assignment line = ev.program().assignments().get(0);
        assertTrue(line.leaf());
        assertEquals(-2.0, line.leafValue());
        assertFalse(ev.program().assignments().get(1).leaf());
    }

    @Test
    void numbersInsideExpressionsAreUnlabelledConstantsNotLeaves() {
        Evaluation ev = Evaluator.run("a = 2.0\nb = a * 3.0 + 1.5\n");
        Value b = ev.named().get("b");
        Value three = b.child(0).child(1);
        Value oneAndAHalf = b.child(1);
        assertTrue(three.isLeaf());
        assertEquals(3.0, three.data);
        assertEquals("", three.label);
        assertEquals(1.5, oneAndAHalf.data);
        assertEquals("", oneAndAHalf.label);
        assertEquals(List.of(ev.named().get("a")), ev.leaves());
        b.backward();
        assertEquals(3.0, ev.named().get("a").grad);
    }

    @Test
    void arithmeticBetweenPlainNumbersIsFoldedAsPythonDoes() {
        Evaluation ev = Evaluator.run("a = 2.0\nd = 2 * 3 * a\n");
        Value d = ev.named().get("d");
        assertEquals(Op.MUL, d.kind());
        assertTrue(d.child(0).isLeaf());
        assertEquals(6.0, d.child(0).data);
        assertSame(ev.named().get("a"), d.child(1));
        Evaluation leaf = Evaluator.run("k = 2 * 3\n");
        assertTrue(leaf.output().isLeaf());
        assertEquals(6.0, leaf.output().data);
        assertEquals(List.of(leaf.output()), leaf.leaves());
    }

    @Test
    void anAliasIsTheSameValue() {
        Evaluation ev = Evaluator.run("a = 2.0\nb = a\nc = b * b\n");
        assertSame(ev.named().get("a"), ev.named().get("b"));
        assertEquals("a", ev.named().get("b").label, "the first name stays on the Value");
        assertEquals(List.of(ev.named().get("a")), ev.leaves());
        ev.output().backward();
        assertEquals(4.0, ev.named().get("a").grad);
    }

    @Test
    void valueStartAndEndCoverTheRightSide() {
        String source = "a = -2.0   # the input\n  b=a*(3 + a)  \nc = tanh( b )#x\n";
        Program p = Parser.parse(source);
        List<String> sides = p.assignments().stream()
                .map(x -> source.substring(x.valueStart(), x.valueEnd())).toList();
        assertEquals(List.of("-2.0", "a*(3 + a)", "tanh( b )"), sides);
        assertEquals(2, p.find("b").line());
        assertNull(p.find("z"));
        assertEquals("c", p.lastName());
    }

    // ---- the output ----

    @Test
    void theOutputIsTheLastNameUnlessChosen() {
        Program p = Parser.parse(LECTURE);
        Evaluation ev = Evaluator.evaluate(p, "d");
        assertEquals("d", ev.outputName());
        assertEquals(-6.0, ev.output().data);
        ev.output().backward();
        assertEquals(-3.0, ev.named().get("a").grad);
        assertEquals(0.0, ev.named().get("f").grad, "f is not under d");
        ParseError e = assertThrows(ParseError.class, () -> Evaluator.evaluate(p, "zz"));
        assertEquals(7, e.line());
        assertTrue(e.reason().contains("'zz'") && e.reason().contains("expected one of a, b, c, d, e, f, L"),
                e.getMessage());
    }

    // ---- non-finite values are results, not errors ----

    @Test
    void logOfMinusOneIsNaNAndIsPointedAt() {
        Evaluation ev = Evaluator.run("a = -1.0\nb = a * 2\nc = log(a)\nd = c + b\n");
        assertTrue(Double.isNaN(ev.output().data));
        Evaluation.NonFinite at = ev.firstNonFinite();
        assertNotNull(at);
        assertEquals(3, at.line());
        assertEquals(5, at.column());
        assertTrue(Double.isNaN(at.value()));
        assertEquals("line 3, column 5: log(...) gives NaN", at.describe());
        ev.output().backward(); // no exception either
    }

    @Test
    void divisionByZeroIsInfinityAndIsPointedAt() {
        Evaluation ev = Evaluator.run("x = 1.0\ny = x / 0\n");
        assertEquals(Double.POSITIVE_INFINITY, ev.output().data);
        assertEquals(2, ev.firstNonFinite().line());
        assertEquals(7, ev.firstNonFinite().column());
        assertTrue(ev.firstNonFinite().describe().endsWith("'/' gives +infinity"), ev.firstNonFinite().describe());
    }

    @Test
    void foldedConstantsThatOverflowArePointedAtTheirOperator() {
        Evaluation ev = Evaluator.run("y = 1/0\n");
        assertEquals(Double.POSITIVE_INFINITY, ev.output().data);
        assertEquals(1, ev.firstNonFinite().line());
        assertEquals(6, ev.firstNonFinite().column(), "the '/', not the '1'");

        ev = Evaluator.run("x = 2.0\ny = x + 1/0\n");
        assertEquals(Double.POSITIVE_INFINITY, ev.output().data);
        assertEquals(2, ev.firstNonFinite().line());
        assertEquals(10, ev.firstNonFinite().column(), "the '/' that made the infinity, not the '+'");

        ev = Evaluator.run("x = 2.0\ny = x * 10**400\n");
        assertEquals(2, ev.firstNonFinite().line());
        assertEquals(11, ev.firstNonFinite().column(), "the '**'");

        ev = Evaluator.run("x = 2.0\ny = x * log(-1)\n");
        assertEquals(9, ev.firstNonFinite().column(), "the 'log'");
    }

    @Test
    void theFirstNonFiniteValueWins() {
        Evaluation ev = Evaluator.run("a = 0.0\nb = log(a)\nc = a / a\nd = b + c\n");
        assertEquals(2, ev.firstNonFinite().line());
        assertEquals(Double.NEGATIVE_INFINITY, ev.firstNonFinite().value());
        assertTrue(ev.firstNonFinite().describe().endsWith("gives -infinity"));
        assertTrue(Double.isNaN(ev.named().get("c").data));
    }

    @Test
    void aFiniteProgramHasNoNonFinitePlace() {
        assertNull(Evaluator.run(MORE_OPS).firstNonFinite());
        Evaluation big = Evaluator.run("a = 1e308\nb = a * 10\n");
        assertEquals(2, big.firstNonFinite().line());
        ParseError tooBig = assertThrows(ParseError.class, () -> Evaluator.run("a = 1e999\nb = a * 2\n"));
        assertEquals(1, tooBig.line());
        assertEquals(5, tooBig.column(), "a leaf too large for a double is refused where it is typed");
        assertTrue(tooBig.getMessage().contains("too large"), tooBig.getMessage());
    }
}
