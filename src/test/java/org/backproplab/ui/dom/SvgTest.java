package org.backproplab.ui.dom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SvgTest {
    @Test
    void coordinatesAreWrittenToOneDecimalPlace() {
        assertEquals("0", Svg.r(0));
        assertEquals("0", Svg.r(-0.04)); // no "-0"
        assertEquals("-0.1", Svg.r(-0.05));
        assertEquals("12.5", Svg.r(12.46));
        assertEquals("-3", Svg.r(-2.96));
        assertEquals("1000", Svg.r(999.99));
    }

    /** Appending into a path writes exactly what the earlier string-concatenating form wrote, for any coordinate. */
    @Test
    void appendingWritesTheSameAsTheString() {
        Random random = new Random(3);
        StringBuilder path = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7));
            Svg.r(path, x).append(' ');
            expected.append(byConcatenation(x)).append(' ');
        }
        assertEquals(expected.toString(), path.toString());
    }

    /** The form Svg.r had before it wrote into a builder: the oracle for the new one. */
    private static String byConcatenation(double x) {
        int tenths = (int) Math.floor(Math.abs(x) * 10 + 0.5);
        String sign = x < 0 && tenths != 0 ? "-" : "";
        return tenths % 10 == 0 ? sign + tenths / 10 : sign + tenths / 10 + "." + tenths % 10;
    }
}
