package org.backproplab.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every error names its line and column and says what was expected. */
class ParseErrorTest {

    /** Asserts that source fails at line:column with a reason that contains each of the given parts. */
    static ParseError assertError(String source, int line, int column, String... parts) {
        ParseError e = assertThrows(ParseError.class, () -> Evaluator.run(source), source);
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), "position of: " + e.getMessage());
        assertEquals("line " + line + ", column " + column + ": " + e.reason(), e.getMessage());
        for (String part : parts) {
            assertTrue(e.reason().contains(part), "'" + e.reason() + "' should contain '" + part + "'");
        }
        return e;
    }

    @Test
    void unknownName() {
        assertError("a = 2.0\nb = a + c\n", 2, 9, "unknown name 'c'", "expected a name defined on an earlier line");
        assertError("b = a\na = 1.0\n", 1, 5, "unknown name 'a'");
        assertError("a = a + 1\n", 1, 5, "unknown name 'a'");
    }

    @Test
    void unknownFunction() {
        assertError("x = 1.0\ny = foo(x)\n", 2, 5, "unknown function 'foo'",
                "expected one of tanh, exp, log, relu, sigmoid");
        assertError("x = 1.0\ny = 2 * Tanh(x)\n", 2, 9, "unknown function 'Tanh'");
    }

    @Test
    void functionsAreNotVariables() {
        assertError("tanh = 1.0\n", 1, 1, "'tanh' is a function", "expected a variable name");
        assertError("x = 1.0\ny = tanh + x\n", 2, 10, "expected '(' after the function 'tanh'", "found '+'");
    }

    @Test
    void powerWithANonConstantExponent() {
        assertError("x = 2.0\ny = x ** x\n", 2, 10, "expected a number after '**'", "constant k", "found 'x'");
        assertError("x = 2.0\ny = x**(x + 1)\n", 2, 9, "expected a number after '**'", "found 'x'");
        assertError("x = 2.0\ny = x ** tanh(2)\n", 2, 10, "expected a number after '**'", "found 'tanh'");
        assertError("x = 2.0\ny = x **\n", 2, 9, "expected a number after '**'", "found the end of the line");
    }

    @Test
    void missingEquals() {
        assertError("a 2.0\n", 1, 3, "expected '=' after 'a'", "found '2.0'");
        assertError("a = 1.0\nb\n", 2, 2, "expected '=' after 'b'", "found the end of the line");
        assertError("a = 1.0\nb + a", 2, 3, "expected '=' after 'b'", "found '+'");
    }

    @Test
    void strayCharacters() {
        assertError("a = 2.0 $ 3\n", 1, 9, "unexpected character '$'", "expected a name, a number, an operator");
        assertError("a = 2.0\nb = a @ 2\n", 2, 7, "unexpected character '@'");
        assertError("a = 2.0\nb = a +\u0001 2\n", 2, 8, "(control character 1)");
        assertError("π = 3.0\n", 1, 1, "unexpected character 'π'");
        assertError("x = 2.0\ny = x<img src=x onerror=alert(1)>\n", 2, 6, "unexpected character '<'");
    }

    @Test
    void badNumbers() {
        assertError("a = 1e+\n", 1, 6, "expected digits after the exponent 'e'");
        assertError("a = 2x\n", 1, 6, "unexpected 'x' right after the number '2'", "expected an operator");
        assertError("a = 1.0 2.0\n", 1, 9, "expected an operator or the end of the line", "found '2.0'");
    }

    @Test
    void incompleteExpressions() {
        assertError("a = 1.0\nb = (a + 1\n", 2, 11, "expected ')' to close the '(' at column 5",
                "found the end of the line");
        assertError("a = 1.0\nb = tanh(a\n", 2, 11, "expected ')' to close the call of 'tanh' at column 9");
        assertError("a = 1.0 +", 1, 10, "expected a number, a name, a function call or '('",
                "found the end of the line");
        assertError("a = 1.0\nb = a * )\n", 2, 9, "found ')'");
        assertError("2 = a\n", 1, 1, "expected a variable name at the start of the line");
        assertError("a =\n", 1, 4, "found the end of the line");
    }

    @Test
    void emptyProgram() {
        for (String empty : new String[] {"", "\n\n", "# just a comment\n", "   \t \n  # x\n"}) {
            assertError(empty, 1, 1, "the program is empty", "expected at least one line such as 'a = 2.0'");
        }
    }

    @Test
    void deepNestingIsRefusedWithAMessage() {
        String deep = "x = 1.0\ny = " + "(".repeat(201) + "x" + ")".repeat(201) + "\n";
        assertError(deep, 2, 5 + 200, "nested too deeply", "expected at most 200 levels");
        String ok = "x = 1.0\ny = " + "(".repeat(199) + "x" + ")".repeat(199) + "\n";
        assertEquals(1.0, Evaluator.run(ok).output().data);
        String calls = "x = 1.0\ny = " + "tanh(".repeat(300) + "x" + ")".repeat(300) + "\n";
        assertError(calls, 2, 5 + 5 * 200 + 4, "nested too deeply"); // at the 201st '('
        String minus = "x = 1.0\ny = " + "-".repeat(300) + "x\n";
        assertError(minus, 2, 5 + 200, "nested too deeply");
        String powers = "x = 1.0\ny = x" + "**1".repeat(300) + "\n";
        assertError(powers, 2, 6 + 3 * 201, "nested too deeply"); // the first ** is not nested
    }

    @Test
    void tooManyLines() {
        String lines = "a = 1.0\n".repeat(10_001);
        assertError(lines, 1, 1, "10001 lines", "expected at most 10000");
    }

    @Test
    void tenThousandLinesWithATrailingNewlineAreAccepted() {
        StringBuilder source = new StringBuilder("x0 = 1.0\n");
        for (int i = 1; i < 10_000; i++) {
            source.append('x').append(i).append(" = x").append(i - 1).append(" + 1\n");
        }
        Evaluation ev = Evaluator.run(source.toString());
        assertEquals("x9999", ev.outputName());
        assertEquals(10_000.0, ev.output().data);
    }

    @Test
    void tooManyCharacters() {
        String padded = "a = 1.0 #" + "x".repeat(200_001 - 9);
        assertEquals(200_001, padded.length());
        assertError(padded, 1, 1, "200001 characters", "expected at most 200000");
        String exact = "a = 1.0 #" + "x".repeat(200_000 - 9);
        assertEquals(200_000, exact.length());
        assertEquals(1.0, Evaluator.run(exact).output().data, "200,000 characters are accepted");
    }
}
