package org.backproplab.expr;

import static org.backproplab.expr.GraphAssert.assertSameGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** parse(print(p)) builds the same graph as p, with the fewest parentheses that keep the meaning. */
class PrinterTest {
    private static final String LEAVES = "a = 2.0\nb = -3.0\nc = 0.5\nx = 1.5\n";

    /** Parses, prints, parses again; asserts the same graph (grads too) and that printing is then stable. */
    static String assertRoundTrip(String source) {
        Program p = Parser.parse(source);
        String printed = Printer.print(p);
        Program q = Parser.parse(printed);
        Evaluation before = Evaluator.evaluate(p);
        Evaluation after = Evaluator.evaluate(q);
        before.output().backward();
        after.output().backward();
        assertSameGraph(before, after, "round trip of\n" + source + "\nprinted as\n" + printed);
        assertEquals(printed, Printer.print(q), "printing a printed program changes nothing");
        return printed;
    }

    /** The printed right side of the last line of LEAVES + "y = " + expression. */
    private static String printed(String expression) {
        String out = assertRoundTrip(LEAVES + "y = " + expression + "\n");
        String last = out.substring(out.lastIndexOf("y = ") + 4);
        return last.substring(0, last.length() - 1);
    }

    @Test
    void referenceProgramsRoundTrip() {
        for (String source : EvaluatorTest.REFERENCE_PROGRAMS) {
            assertRoundTrip(source);
        }
        assertEquals(EvaluatorTest.LECTURE, Printer.print(Parser.parse(EvaluatorTest.LECTURE)),
                "the lecture program is already in printed form");
    }

    @Test
    void randomProgramsRoundTrip() {
        RandomPrograms random = new RandomPrograms(777);
        for (int i = 0; i < 2000; i++) {
            assertRoundTrip(random.program());
        }
    }

    @Test
    void parenthesesAreKeptWhereTheyMatter() {
        assertEquals("a - (b - c)", printed("a - (b - c)"));
        assertEquals("a / (b / c)", printed("a / (b / c)"));
        assertEquals("a / (b * c)", printed("a / (b * c)"));
        assertEquals("(a + b) * c", printed("(a + b) * c"));
        assertEquals("a * (b + c)", printed("a * (b + c)"));
        assertEquals("-(a + b)", printed("-(a + b)"));
        assertEquals("-(a * b)", printed("-(a * b)"));
        assertEquals("(-x)**2", printed("(-x)**2"));
        assertEquals("(a + b)**2", printed("(a + b)**2"));
        assertEquals("((a + b) * c + a) * b", printed("((a + b) * c + a) * b"));
        assertEquals("(a - b) / (c + x)", printed("(a - b) / (c + x)"));
    }

    @Test
    void parenthesesAreDroppedWhereTheyDont() {
        assertEquals("a - b - c", printed("(a - b) - c"));
        assertEquals("a * b / c", printed("(a * b) / c"));
        assertEquals("a + b * c", printed("a + (b * c)"));
        assertEquals("a", printed("((a))"));
        assertEquals("-x**2", printed("-x**2"));
        assertEquals("-x**2", printed("-(x**2)"));
        assertEquals("a * -b", printed("a * (-b)"));
        assertEquals("a - -b", printed("a - (-b)"));
        assertEquals("- -a", printed("-(-a)"));
        assertEquals("-a * b", printed("(-a) * b"));
        assertEquals("tanh(a + b)**2", printed("(tanh((a + b)))**2"));
    }

    @Test
    void exponentsAndNumbers() {
        assertEquals("x**-1", printed("x**-1"));
        assertEquals("x**9", printed("x**3**2"));
        assertEquals("2.0**9", printed("2**3**2"));
        assertEquals("x**-4", printed("x**-2**2"));
        assertEquals("x**0.5", printed("x**(0.5)"));
        assertEquals("x**1.0E-7", printed("x**1e-7"));
        assertEquals("1.0E-7 * a", printed("1e-7 * a"));
        assertEquals("1.0E20 + a", printed("100000000000000000000 + a"));
        assertEquals("0.1 * a", printed(".1 * a"));
        assertEquals("x**10**400", printed("x**2**2**2**2**2**2**2**2**2**2**2"), "an infinite exponent reads back");
        assertEquals("x**-10**400", printed("x**-10**999"));
    }

    @Test
    void leavesPrintAsPythonFloatsAndCommentsGo() {
        assertEquals("a = -2.0\nb = 3.0\nc = a * b\n",
                Printer.print(Parser.parse("a = -2   # the input\n\n b=3\nc=a*b")));
        assertEquals("a * b", Printer.print(Parser.parse("a = 1.0\nb = 2.0\nc = (a) * (b)").assignments().get(2)
                .value()));
    }

    @Test
    void aLongFlatChainPrintsWithoutRecursion() {
        StringBuilder source = new StringBuilder("a = 1.0\nb = 2.0\ny = a");
        for (int i = 1; i < 40_000; i++) { // 40,000 terms in 160,000 characters
            source.append(i % 3 == 0 ? " - b" : i % 3 == 1 ? " * b" : " + a");
        }
        String printed = assertRoundTrip(source.append('\n').toString());
        assertEquals(source.toString(), printed);
    }
}
