package org.backproplab.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Axes: data to pixels and back, nice linear ticks, powers of ten on log axes, and their labels. */
class ScaleTest {
    @Test
    void linearMapsAndInverts() {
        Scale s = Scale.linear(-5, 5, 40, 540);
        assertEquals(40.0, s.apply(-5));
        assertEquals(290.0, s.apply(0));
        assertEquals(2.0, s.invert(s.apply(2)), 1e-12);
        Scale up = Scale.linear(0, 100, 300, 0); // y grows upwards on screen
        assertEquals(300.0, up.apply(0));
        assertEquals(0.0, up.apply(100));
        assertEquals(0.0, up.min());
        assertEquals(100.0, up.max());
    }

    @Test
    void logMapsDecadesEvenlyAndCanRunBackwards() {
        Scale h = Scale.log(1e-1, 1e-32, 0, 310);
        assertEquals(0.0, h.apply(1e-1), 1e-9);
        assertEquals(50.0, h.apply(1e-6), 1e-9);
        assertEquals(310.0, h.apply(1e-32), 1e-9);
        assertEquals(1e-6, h.invert(50), 1e-18);
        assertEquals(1e-32, h.min(), 1e-44);
    }

    @Test
    void linearTicksAreOneTwoOrFiveTimesAPowerOfTen() {
        Scale.Ticks t = Scale.linear(-5, 5, 0, 500).ticks(60);
        assertArrayEquals(new double[] {-4, -2, 0, 2, 4}, t.at(), 1e-12);
        assertArrayEquals(new String[] {"−4", "−2", "0", "2", "4"}, t.labels());
        t = Scale.linear(-0.37, 0.41, 0, 400).ticks(50);
        assertArrayEquals(new String[] {"−0.3", "−0.2", "−0.1", "0", "0.1", "0.2", "0.3", "0.4"}, t.labels());
        t = Scale.linear(3.67, 100, 300, 0).ticks(30);
        assertArrayEquals(new String[] {"10", "20", "30", "40", "50", "60", "70", "80", "90", "100"}, t.labels());
    }

    @Test
    void hugeAndTinyLinearTicksUseShortScientificLabels() {
        Scale.Ticks t = Scale.linear(0, 3e7, 0, 300).ticks(60);
        assertEquals("1e7", t.labels()[1]);
        t = Scale.linear(0, 3e-6, 0, 300).ticks(40);
        assertArrayEquals(new String[] {"0", "5e-7", "1e-6", "1.5e-6", "2e-6", "2.5e-6", "3e-6"}, t.labels());
        t = Scale.linear(0, 1.1e287, 140, 10).ticks(30); // a diverging loss
        assertArrayEquals(new String[] {"0", "5e286", "1e287"}, t.labels());
        t = Scale.linear(-2.2e9, 0, 0, 300).ticks(60);
        assertEquals("−2e9", t.labels()[0]);
    }

    @Test
    void labelWidthIsTheWidestLabelsAndGrowsWithTheFont() {
        Scale.Ticks t = new Scale.Ticks(new double[3], new String[] {"0", "5e286", "1e287"}, new double[0]);
        double w = t.labelWidth(13);
        assertTrue(w > 30 && w < 45, "five characters at 13 px: " + w);
        assertEquals(2 * t.labelWidth(10), t.labelWidth(20), 1e-9);
        Scale.Ticks powers = Scale.log(1e-3, 1e1, 300, 0).ticks(30);
        Scale.Ticks plain = new Scale.Ticks(new double[1], new String[] {"10000"}, new double[0]);
        assertTrue(powers.labelWidth(13) < plain.labelWidth(13), "superscripts are narrower than digits");
        assertTrue(powers.labelWidth(13) > new Scale.Ticks(new double[1], new String[] {"10"}, new double[0])
                .labelWidth(13), "but they take some room");
    }

    @Test
    void niceSteps() {
        assertEquals(1.0, Scale.niceStep(0.8));
        assertEquals(2.0, Scale.niceStep(1.2));
        assertEquals(5.0, Scale.niceStep(2.5));
        assertEquals(10.0, Scale.niceStep(7));
        assertEquals(0.05, Scale.niceStep(0.031), 1e-15);
        assertEquals(1.0, Scale.niceStep(Double.NaN));
    }

    @Test
    void logTicksSkipDecadesWhenTheyDoNotFit() {
        Scale.Ticks t = Scale.log(1e-1, 1e-32, 0, 400).ticks(48);
        assertEquals("10⁻³²", t.labels()[0]);
        assertEquals(8, t.at().length, "every 4th decade of 31");
        assertEquals(1e-4, t.at()[7], 1e-16);
        assertEquals(32 - 8, t.minor().length, "the other decades are minor ticks");
        t = Scale.log(1e-3, 1e1, 300, 0).ticks(30);
        assertArrayEquals(new String[] {"10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"}, t.labels());
        assertEquals(0, t.minor().length);
        t = Scale.log(1, 1e211, 100, 0).ticks(30); // a diverging loss on a short chart
        assertArrayEquals(new String[] {"10⁰", "10¹⁰⁰", "10²⁰⁰"}, t.labels());
        assertEquals(0, t.minor().length, "no grid line every half pixel");
    }

    @Test
    void powersOfTenInSuperscript() {
        assertEquals("10⁻³²", Scale.powerOfTen(-32));
        assertEquals("10¹⁰", Scale.powerOfTen(10));
    }
}
