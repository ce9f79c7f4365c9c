package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void fixedPadsToTheGivenDecimals() {
        assertEquals("2.0000", Numbers.fixed(2.0, 4));
        assertEquals("0.3000", Numbers.fixed(0.1 + 0.2, 4));
        assertEquals("123", Numbers.fixed(123.456, 0));
        assertEquals("0.05", Numbers.fixed(0.05, 2));
        assertEquals("-8.000000", Numbers.fixed(-8.0, 6));
        assertEquals("0.00", Numbers.fixed(0.0, 2));
        assertEquals("0.00", Numbers.fixed(-0.0, 2), "no minus sign on zero");
    }

    @Test
    void fixedRoundsHalfAwayFromZeroOnBothSides() {
        // These ties are exact in binary, so the rounding rule alone decides them.
        assertEquals("3", Numbers.fixed(2.5, 0));
        assertEquals("-3", Numbers.fixed(-2.5, 0));
        assertEquals("-1", Numbers.fixed(-0.5, 0));
        assertEquals("1.3", Numbers.fixed(1.25, 1));
        assertEquals("-1.3", Numbers.fixed(-1.25, 1));
        assertEquals("-0.13", Numbers.fixed(-0.125, 2));
        assertEquals("-1.00", Numbers.fixed(-0.999, 2), "a carry into the units");
        assertEquals("10.000", Numbers.fixed(9.9999, 3));
        assertEquals("-10.000", Numbers.fixed(-9.9999, 3));
        assertEquals("-2.35", Numbers.fixed(-2.3456, 2));
    }

    @Test
    void fixedOfNonFiniteAndOutOfRangeValues() {
        assertEquals("NaN", Numbers.fixed(Double.NaN, 4));
        assertEquals("∞", Numbers.fixed(Double.POSITIVE_INFINITY, 4));
        assertEquals("-∞", Numbers.fixed(Double.NEGATIVE_INFINITY, 4));
        assertEquals("1.0e9", Numbers.fixed(1e9, 2), "big magnitudes fall back to scientific");
        assertEquals("-1.5e-5", Numbers.fixed(-0.000015, 2), "so do ones that would round to zero");
    }

    /** For many values: the digits printed are within half a unit of the last decimal of the true value. */
    @Test
    void fixedIsWithinHalfAUnitOfTheLastDecimal() {
        int seed = 12345;
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            seed = seed * 1103515245 + 12345;
            int decimals = (seed >>> 16) % 7;
            seed = seed * 1103515245 + 12345;
            int mantissa = seed >> 1;                 // a signed 31-bit integer
            seed = seed * 1103515245 + 12345;
            int exponent = (seed >>> 16) % 12 - 9;     // 1e-9 .. 1e2 scale
            double x = mantissa * Math.pow(10, exponent);
            if (Math.abs(x) >= 1e9 || Math.abs(x) < Math.pow(10, -decimals) / 2) {
                continue; // those go scientific, tested above
            }
            String s = Numbers.fixed(x, decimals);
            int point = s.indexOf('.');
            assertEquals(decimals, point < 0 ? 0 : s.length() - point - 1, s);
            assertEquals(x < 0, s.startsWith("-"), s + " has the sign of " + x);
            BigDecimal error = new BigDecimal(s).subtract(new BigDecimal(x)).abs();
            BigDecimal half = BigDecimal.ONE.movePointLeft(decimals).divide(BigDecimal.valueOf(2));
            // Math.round(|x| * 10^d) may round the product first: allow one part in 1e12 of |x| besides.
            BigDecimal slack = new BigDecimal(Math.abs(x) * 1e-12);
            assertTrue(error.compareTo(half.add(slack)) <= 0, "fixed(" + x + ", " + decimals + ") = " + s);
            checked++;
        }
        assertTrue(checked > 10_000, "checked " + checked);
    }

    @Test
    void scientificKeepsOneDigitBeforeThePoint() {
        assertEquals("1.23e-4", Numbers.scientific(0.000123, 2));
        assertEquals("-9.9e4", Numbers.scientific(-98_765, 1));
        assertEquals("1.00e-4", Numbers.scientific(9.9999e-5, 2), "the carry moves the exponent");
        assertEquals("-1.00e3", Numbers.scientific(-999.9999, 2));
        assertEquals("1.0e0", Numbers.scientific(1.0, 1));
        assertEquals("1e-10", Numbers.scientific(9.7e-11, 0), "a carry without decimals too (not 10e-11)");
        assertEquals("-1e5", Numbers.scientific(-96_000, 0));
        assertEquals("4.9e-324", Numbers.scientific(Double.MIN_VALUE, 1), "the smallest double (10^-324 is 0)");
        assertEquals("1e-10", Numbers.compact(9.7e-11, 1), "the gradient check's relative error");
        assertEquals("NaN", Numbers.scientific(Double.NaN, 2));
    }

    @Test
    void formatWritesIntegersWithoutAPoint() {
        assertEquals("2", Numbers.format(2.0));
        assertEquals("-1", Numbers.format(-1.0));
        assertEquals("0", Numbers.format(0.0));
        assertEquals("0", Numbers.format(-0.0));
        assertEquals("0.5", Numbers.format(0.5));
        assertEquals("-0.1", Numbers.format(-0.1));
        assertEquals("6.881373587019543", Numbers.format(6.8813735870195432));
        assertEquals("123456789012345", Numbers.format(123456789012345.0));
        assertEquals("1.0E20", Numbers.format(1e20));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("Infinity", Numbers.format(Double.POSITIVE_INFINITY));
    }

    @Test
    void literalLooksLikeAPythonFloat() {
        assertEquals("2.0", Numbers.literal(2.0));
        assertEquals("-0.5", Numbers.literal(-0.5));
        assertEquals("0.0", Numbers.literal(0.0));
        assertEquals("1.0E-7", Numbers.literal(1e-7));
        assertEquals("-3.0", Numbers.literal(-3.0));
    }

    @Test
    void shortLiteralWritesSmallNumbersAsAPersonTypesThem() {
        assertEquals("0.03", Numbers.shortLiteral(0.03)); // a learning rate typed as 0.03 comes back from a link so
        assertEquals("0.0001", Numbers.shortLiteral(1e-4));
        assertEquals("-0.004", Numbers.shortLiteral(-0.004));
        assertEquals("2.06", Numbers.shortLiteral(2.0 + 0.06));
        assertEquals("1.0E-7", Numbers.shortLiteral(1e-7));
        for (double x : new double[] {0.03, 0.07, 1e-4, 0.000123, 0.5, 0.049999}) {
            assertSameDouble(x, Double.parseDouble(Numbers.shortLiteral(x)), "shortLiteral " + x);
        }
    }

    @Test
    void literalParsesBackToTheSameDouble() {
        double[] special = {0.0, -0.0, 1.0, -1.0, 0.1, 1e-7, 1e15, 1e15 - 1, -1e15, 1e16 + 2, 123456789.123,
            6.8813735870195432, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, Math.PI, -Math.E};
        for (double x : special) {
            assertSameDouble(x, Double.parseDouble(Numbers.literal(x)), "literal " + Numbers.literal(x));
        }
        long bits = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 10_000; i++) {
            bits = bits * 6364136223846793005L + 1442695040888963407L;
            double x = Double.longBitsToDouble(bits);
            if (Double.isFinite(x)) {
                assertSameDouble(x, Double.parseDouble(Numbers.literal(x)), "literal " + Numbers.literal(x));
            }
        }
    }

    private static void assertSameDouble(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void compactShowsUpToTheGivenSignificantDigits() {
        assertEquals("3.14", Numbers.compact(Math.PI, 3));
        assertEquals("2", Numbers.compact(2.0, 4));
        assertEquals("-12.5", Numbers.compact(-12.5, 3));
        assertEquals("0.0015", Numbers.compact(0.0015, 3));
        assertEquals("0.001", Numbers.compact(0.001, 3));
        assertEquals("100", Numbers.compact(100, 3));
        assertEquals("1000", Numbers.compact(999.96, 3));
        assertEquals("-0.707", Numbers.compact(-0.7071067811865476, 3));
        assertEquals("1.23e6", Numbers.compact(1_234_567, 3));
        assertEquals("1.23e-4", Numbers.compact(0.0001234, 3));
        assertEquals("0", Numbers.compact(0, 3));
        assertEquals("NaN", Numbers.compact(Double.NaN, 3));
        assertEquals("-∞", Numbers.compact(Double.NEGATIVE_INFINITY, 3));
    }

    @Test
    void readTakesDecimalAndScientificNotation() {
        assertEquals(0.5, Numbers.read("h", ".5").value());
        assertEquals(-3.0, Numbers.read("h", " -3. ").value());
        assertEquals(2.0, Numbers.read("h", "+2").value());
        assertEquals(-2.0, Numbers.read("h", "\u22122").value(), "the real minus sign, as pasted from a text");
        assertEquals(1e-3, Numbers.read("h", "1E-3").value());
        assertEquals(2.5e10, Numbers.read("h", "2.5e+10").value());
        assertTrue(Numbers.read("h", "7").ok());
    }

    @Test
    void readRefusesWhatParseDoubleWouldTakeAndNamesTheField() {
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "0x10", "0x1p3", "1d", "2f", "1e999", "-1e999",
            "", "  ", "-", ".", "1e", "1e+", "1 2", "abc", "1,5"}) {
            Numbers.Reading r = Numbers.read("step", bad);
            assertFalse(r.ok(), bad);
            assertTrue(Double.isNaN(r.value()), bad);
            assertTrue(r.error().startsWith("step: "), r.error());
            assertTrue(Double.isNaN(Numbers.parse(bad)), bad);
        }
        assertTrue(Numbers.read("step", "1e999").error().contains("too large"));
        assertTrue(Numbers.read("step", "NaN").error().contains("expected a decimal"));
    }

    @Test
    void readWholeRefusesFractionsAndExponentsAsWellAsNonNumbers() {
        assertEquals(12.0, Numbers.readWhole("points", " 12 ").value());
        assertEquals(-3.0, Numbers.readWhole("seed", "\u22123").value());
        for (String bad : new String[] {"4.5", "4.0", "1e3", "2E1", "abc", "", "NaN", "0x10", "1d"}) {
            Numbers.Reading r = Numbers.readWhole("points", bad);
            assertFalse(r.ok(), bad);
            assertTrue(Double.isNaN(r.value()), bad);
            assertTrue(r.error().startsWith("points: "), r.error());
        }
        assertTrue(Numbers.readWhole("points", "4.5").error().contains("not a whole number"));
    }

    @Test
    void readBetweenRefusesNumbersOutsideTheRangeInsteadOfClampingThem() {
        assertEquals(4.0, Numbers.readBetween("points", "4", true, 4, 1000).value());
        assertEquals(0.0, Numbers.readBetween("learning rate", "0", false, 0, 1e9).value());
        Numbers.Reading points = Numbers.readBetween("points", "\u22123", true, 4, 1000);
        assertFalse(points.ok());
        assertEquals("points: expected a whole number from 4 to 1000, not \u22123", points.error());
        Numbers.Reading lr = Numbers.readBetween("learning rate", "-1", false, 0, 1e9);
        assertEquals("learning rate: expected a number from 0 to 1e9, not -1", lr.error());
        assertTrue(Numbers.readBetween("noise", "abc", false, 0, 2).error().contains("is not a number"));
        assertTrue(Numbers.readBetween("batch", "2.5", true, 0, 1000).error().contains("not a whole number"));
    }

    @Test
    void scanNumberFindsTheEndOfALiteral() {
        assertEquals(3, Numbers.scanNumber("2.5*a", 0));
        assertEquals(1, Numbers.scanNumber("2e", 0), "an e without digits is not part of the number");
        assertEquals(6, Numbers.scanNumber("x=1e-3", 2));
        assertEquals(2, Numbers.scanNumber("x=abc", 2), "no number there");
    }

    @Test
    void trimmedDropsTheZerosOfARoundMantissa() {
        assertEquals("1e-32", Numbers.trimmed(1e-32, 6));
        assertEquals("-1e308", Numbers.trimmed(-1e308, 6));
        assertEquals("2.5e-7", Numbers.trimmed(2.5e-7, 3));
        assertEquals("1000", Numbers.trimmed(1000, 6));
        assertEquals("0.9", Numbers.trimmed(0.9, 6));
    }
}
