package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sets with more than two classes, the function boundaries, the regression sets, and CSV classes and targets. */
class NewDatasetsTest {

    @Test
    void aSpiralWithKArmsHasClassesZeroToKMinusOneSharedEvenly() {
        for (int k = 3; k <= 5; k++) {
            Dataset d = Datasets.Generator.SPIRAL.generate(101, 0.1, 7, k);
            assertEquals(Dataset.Labels.CLASSES, d.labels());
            assertEquals(k, d.classes());
            int[] counts = new int[k];
            for (double y : d.ys()) {
                counts[(int) y]++;
            }
            for (int c = 0; c < k; c++) {
                assertTrue(counts[c] == 101 / k || counts[c] == 101 / k + 1, "class " + c + ": " + counts[c]);
            }
            Dataset again = Datasets.Generator.SPIRAL.generate(101, 0.1, 7, k);
            assertArrayEquals(d.xs()[5], again.xs()[5]);
        }
        // two arms stay the binary spiral every saved link and run file names
        Dataset two = Datasets.Generator.SPIRAL.generate(100, 0.1, 7, 2);
        assertEquals(Dataset.Labels.SIGNS, two.labels());
        assertArrayEquals(Datasets.spiral(100, 0.1, 7).xs()[0], two.xs()[0]);
    }

    @Test
    void blobsSitAroundTheirCentres() {
        Dataset d = Datasets.blobs(400, 0, 3, 4);
        double[][] sums = new double[4][3];
        for (int i = 0; i < d.size(); i++) {
            int c = (int) d.ys()[i];
            sums[c][0] += d.xs()[i][0];
            sums[c][1] += d.xs()[i][1];
            sums[c][2]++;
        }
        double[][] centres = {{0, 1}, {-1, 0}, {0, -1}, {1, 0}};
        for (int c = 0; c < 4; c++) {
            assertEquals(100, sums[c][2]);
            assertEquals(centres[c][0], sums[c][0] / 100, 0.1, "class " + c);
            assertEquals(centres[c][1], sums[c][1] / 100, 0.1, "class " + c);
        }
        assertThrows(IllegalArgumentException.class, () -> Datasets.blobs(10, 0, 3, 9));
    }

    @Test
    void withoutNoiseEveryPointIsOnTheRightSideOfItsCurve() {
        for (Datasets.Generator curve : new Datasets.Generator[] {Datasets.Generator.BOUNDARY_SIN,
            Datasets.Generator.BOUNDARY_CUBIC, Datasets.Generator.BOUNDARY_ABS}) {
            Dataset d = curve.generate(200, 0, 5);
            assertEquals(100, d.positives(), curve.toString());
            for (int i = 0; i < d.size(); i++) {
                double x1 = d.xs()[i][0];
                double f = curve == Datasets.Generator.BOUNDARY_SIN ? Math.sin(Math.PI * x1)
                        : curve == Datasets.Generator.BOUNDARY_CUBIC ? x1 * x1 * x1 - x1 : Math.abs(x1);
                assertEquals(d.xs()[i][1] > f, d.ys()[i] > 0, curve + " point " + i);
            }
        }
    }

    @Test
    void theRegressionSetsHaveRealTargetsAndTheirNoiseIsOnTheTarget() {
        Dataset plane = Datasets.Generator.PLANE.generate(50, 0, 1);
        Dataset sine = Datasets.Generator.SINE.generate(50, 0, 1);
        Dataset bumps = Datasets.Generator.GAUSSIANS.generate(300, 0, 1);
        for (Dataset d : new Dataset[] {plane, sine, bumps}) {
            assertEquals(Dataset.Labels.TARGETS, d.labels());
            assertEquals(0, d.classes());
        }
        assertEquals(1, sine.dims());
        double lowest = 0;
        double highest = 0;
        for (int i = 0; i < 50; i++) {
            assertEquals((plane.xs()[i][0] + plane.xs()[i][1]) / 2, plane.ys()[i], 1e-15);
            double x = sine.xs()[i][0];
            assertTrue(x >= -3 && x <= 3);
            assertEquals(Math.sin(x), sine.ys()[i], 1e-15);
        }
        for (double y : bumps.ys()) {
            lowest = Math.min(lowest, y);
            highest = Math.max(highest, y);
        }
        assertTrue(lowest < -0.5 && highest > 0.5, lowest + " .. " + highest);
        Dataset noisy = Datasets.Generator.PLANE.generate(50, 0.3, 1);
        assertArrayEquals(plane.xs()[7], noisy.xs()[7]); // the points stay; only the targets move
        assertFalse(plane.ys()[7] == noisy.ys()[7]);
    }

    @Test
    void aCsvClassColumnHoldsZeroToKMinusOneAndABadClassNamesItsLine() {
        Csv.Result ok = Csv.parse("x,y,class\n0.1,0.2,0\n0.3,0.4,2\n\n-1,1,1\n", Dataset.Labels.CLASSES);
        assertTrue(ok.ok());
        assertEquals(3, ok.points().classes());
        assertArrayEquals(new double[] {0, 2, 1}, ok.points().ys());
        Csv.Result bad = Csv.parse("0.1,0.2,0\n0.3,0.4,1.5\n0.5,0.6,-1\n0.7,0.8,8\n0.1,0.1,two\n",
                Dataset.Labels.CLASSES);
        assertNull(bad.points());
        assertEquals(4, bad.errors().size());
        assertEquals("line 2: class '1.5' must be a whole number from 0 to 7", bad.errors().get(0).toString());
        assertEquals("line 3: class '-1' must be a whole number from 0 to 7", bad.errors().get(1).toString());
        assertEquals(4, bad.errors().get(2).line());
        assertEquals(5, bad.errors().get(3).line());
    }

    @Test
    void aCsvTargetColumnHoldsRealNumbers() {
        Csv.Result ok = Csv.parse("x,y,target\n0.1,0.2,-3.25\n0.3,0.4,1e-3\n", Dataset.Labels.TARGETS);
        assertTrue(ok.ok());
        assertArrayEquals(new double[] {-3.25, 1e-3}, ok.points().ys());
        Csv.Result bad = Csv.parse("0.1,0.2,0.5\n0.3,0.4,high\n", Dataset.Labels.TARGETS);
        assertEquals(2, bad.errors().get(0).line());
        assertTrue(bad.errors().get(0).reason().startsWith("target: 'high' is not a number"),
                bad.errors().get(0).reason());
    }
}
