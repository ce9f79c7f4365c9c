package org.backproplab.expr;

import static org.backproplab.engine.Approx.assertAbs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A function of x typed in one line: its values, its exact slope from backward, and errors placed in its text. */
class FunctionOfXTest {
    @Test
    void theLectureFunction() {
        FunctionOfX f = FunctionOfX.parse("3*x**2 - 4*x + 5");
        assertEquals(37.0, f.at(4));
        assertEquals(9.0, f.at(2));
        assertEquals(8.0, f.slope(2));
        assertEquals(-16.0, f.slope(-2));
        assertEquals(14.0, f.slope(3));
        assertAbs(8, f.numericSlope(2, 1e-6, false), 1e-4, "forward, h = 1e-6");
        assertEquals(0.0, f.numericSlope(2, 1e-31, false));
        assertAbs(8, f.numericSlope(2, 1e-3, true), 1e-9, "central, h = 1e-3");
    }

    @Test
    void slopesDoNotAccumulateBetweenCalls() {
        FunctionOfX f = FunctionOfX.parse("x*x");
        assertEquals(4.0, f.slope(2));
        assertEquals(4.0, f.slope(2));
        assertEquals(-2.0, f.slope(-1));
    }

    @Test
    void xAloneAndAConstant() {
        FunctionOfX identity = FunctionOfX.parse("x");
        assertEquals(1.5, identity.at(1.5));
        assertEquals(1.0, identity.slope(1.5));
        assertAbs(1, identity.numericSlope(1.5, 1e-6, false), 1e-9, "numeric slope of x");
        FunctionOfX constant = FunctionOfX.parse("2 * 3.5");
        assertEquals(7.0, constant.at(-4));
        assertEquals(0.0, constant.slope(-4));
        assertEquals(0.0, constant.numericSlope(-4, 1e-3, true));
    }

    @Test
    void undefinedPlacesAreNaNOrInfiniteNotErrors() {
        FunctionOfX log = FunctionOfX.parse("log(x)");
        assertTrue(Double.isNaN(log.at(-1)));
        assertEquals(Double.NEGATIVE_INFINITY, log.at(0));
        assertEquals(0.5, log.slope(2));
        FunctionOfX inverse = FunctionOfX.parse("1/x");
        assertEquals(Double.POSITIVE_INFINITY, inverse.at(0));
        assertEquals(-0.25, inverse.slope(2));
    }

    @Test
    void errorsPointIntoTheTypedText() {
        ParseError e = assertThrows(ParseError.class, () -> FunctionOfX.parse("3*x**2 - 4*x +"));
        assertEquals(1, e.line());
        assertEquals(15, e.column(), e.getMessage());
        e = assertThrows(ParseError.class, () -> FunctionOfX.parse("3*x ** y"));
        assertEquals(8, e.column(), e.getMessage());
        e = assertThrows(ParseError.class, () -> FunctionOfX.parse("2*y + x"));
        assertEquals(3, e.column());
        assertEquals("unknown name 'y'; expected x, the function's only variable", e.reason());
        e = assertThrows(ParseError.class, () -> FunctionOfX.parse("cos(x)"));
        assertEquals(1, e.column());
        assertTrue(e.reason().startsWith("unknown function 'cos'"), e.reason());
        e = assertThrows(ParseError.class, () -> FunctionOfX.parse(""));
        assertEquals(1, e.column());
        e = assertThrows(ParseError.class, () -> FunctionOfX.parse("x$"));
        assertEquals(2, e.column());
        e = assertThrows(ParseError.class, () -> FunctionOfX.parse("x +\n1"));
        assertEquals(4, e.column());
        e = assertThrows(ParseError.class, () -> FunctionOfX.parse("f"));
        assertEquals("unknown name 'f'; expected x, the function's only variable", e.reason());
    }

    @Test
    void microgradsMethodsWorkButMoreStatementsOrValueDoNot() {
        assertEquals(Math.tanh(0.5), FunctionOfX.parse("x.tanh()").at(0.5));
        assertEquals(1 - Math.tanh(0.5) * Math.tanh(0.5), FunctionOfX.parse("x.tanh()").slope(0.5), 1e-15);
        ParseError e = assertThrows(ParseError.class, () -> FunctionOfX.parse("2*x; x = 3.0"));
        assertEquals(4, e.column());
        assertEquals("the function is one expression; expected no ';'", e.reason());
        e = assertThrows(ParseError.class, () -> FunctionOfX.parse("x * Value(2.0)"));
        assertEquals(5, e.column());
        assertTrue(e.reason().startsWith("x is the function's Value already"), e.reason());
        e = assertThrows(ParseError.class, () -> FunctionOfX.parse("math.exp(x.data)"));
        assertEquals(1, e.column());
        assertTrue(e.reason().contains("write `x.exp()`"), e.reason());
    }

    @Test
    void aCommentIsAllowed() {
        assertEquals(4.0, FunctionOfX.parse("x**2  # a parabola").at(2));
    }
}
