package org.backproplab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.backproplab.nn.Loss;
import org.backproplab.ui.chart.Palette;
import org.junit.jupiter.api.Test;

/** The k-class decision map: argmax with ties to the lower class, and the shade from the winning probability. */
class ClassMapTest {
    @Test
    void aTieGoesToTheLowerClass() {
        assertEquals(0, Loss.argmax(new double[] {1, 1, 0}, 0, 3));
        assertEquals(1, Loss.argmax(new double[] {0, 2, 2}, 0, 3));
        assertEquals(2, Loss.argmax(new double[] {0, 1, 3}, 0, 3));
        ClassMap map = new ClassMap((x, s) -> {
            s[0] = 0;
            s[1] = 5;
            s[2] = 5;
        }).forClasses(3);
        assertEquals(Palette.classPixel(1, ClassMap.shade(0.5, 3)), map.pixel(new double[2]), "class 1, not 2");
        assertNotEquals(Palette.classPixel(2, ClassMap.shade(0.5, 3)), map.pixel(new double[2]));
    }

    @Test
    void theShadeGrowsWithTheWinningProbability() {
        assertEquals(1.0 / 3, ClassMap.winningProbability(new double[] {2, 2, 2}, 0), 1e-15);
        assertEquals(0, ClassMap.shade(1.0 / 3, 3), 1e-15, "a three-way tie is neutral");
        assertEquals(0.62, ClassMap.shade(1, 3), 1e-15, "sure: the darkest, still lighter than the points");
        double p = ClassMap.winningProbability(new double[] {1000, 0, -1000}, 0);
        assertEquals(1, p, 1e-15, "no overflow from exp of a large score");
        assertEquals(0, ClassMap.shade(Double.NaN, 3), "a diverged network leaves the cell neutral");
    }
}
