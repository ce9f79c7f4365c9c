package org.backproplab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The class colours: Okabe and Ito's set, distinct, matching the binary picture's orange and blue ends. */
class PaletteTest {
    @Test
    void theClassColoursAreOkabeItosAndDistinct() {
        assertEquals("#e69f00", Palette.classColour(0), "orange, as -1");
        assertEquals("#56b4e9", Palette.classColour(1), "sky blue, as +1");
        assertEquals("#009e73", Palette.classColour(2));
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < Palette.CLASSES; c++) {
            seen.add(Palette.classColour(c));
        }
        assertEquals(Palette.CLASSES, seen.size());
        assertEquals(Palette.classColour(0), Palette.classColour(Palette.CLASSES), "colours repeat past eight");
    }

    @Test
    void aClassPixelGoesFromTheNeutralToTheClassColour() {
        assertEquals(Palette.pixel(0), Palette.classPixel(2, 0), "no strength: the neutral, as a zero score");
        assertEquals(0xff009e00 | 0x73 << 16, Palette.classPixel(2, 1), "ABGR of #009e73");
        assertNotEquals(Palette.classPixel(2, 0.3), Palette.classPixel(2, 0.6));
        assertEquals(Palette.classPixel(2, 1), Palette.classPixel(2, 7), "strength is capped at 1");
    }

    /**
     * fill() keeps the hex strings it made in a small cache: whatever colours came before (and took the cache's
     * slots), a fill is the hex of the same colour as a heatmap's pixel.
     */
    @Test
    void aFillIsTheHexOfItsPixelWhateverWasAskedBefore() {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = -1000; i <= 1000; i++) {
                double t = (pass == 0 ? i : -i * 7 % 1001) / 1000.0;
                int p = Palette.pixel(t);
                String hex = String.format("#%02x%02x%02x", p & 255, p >> 8 & 255, p >> 16 & 255);
                assertEquals(hex, Palette.fill(t, 1), "t = " + t);
                assertEquals(hex, Palette.fill(t * 3, 3), "the same fraction of a larger scale");
            }
        }
        assertEquals(Palette.NEUTRAL, Palette.fill(0, 1));
    }

    @Test
    void nearestRoundsHalvesUpAsMathRoundDoes() {
        for (double x : new double[] {0, 0.49, 0.5, 1.5, 2.5, 254.5, 255, -0.5, -1.5, 127.4999}) {
            assertEquals((int) Math.round(x), Palette.nearest(x), "x = " + x);
        }
    }
}
