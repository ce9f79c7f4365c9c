package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.backproplab.engine.Choice;

/** Each toy dataset's shape, balance, geometry and determinism; the train/test split. */
class DatasetsTest {

    @ParameterizedTest
    @EnumSource(value = Datasets.Generator.class, names = {"LECTURE", "BLOBS", "PLANE", "GAUSSIANS", "SINE"},
            mode = EnumSource.Mode.EXCLUDE)
    void shapeBalanceAndDeterminism(Datasets.Generator name) {
        Dataset d = name.generate(101, 0.1, 7);
        assertEquals(101, d.size());
        assertEquals(2, d.dims());
        assertTrue(d.positives() == 50 || d.positives() == 51, name + " has " + d.positives() + " positives");
        Dataset again = name.generate(101, 0.1, 7);
        for (int i = 0; i < d.size(); i++) {
            assertArrayEquals(d.xs()[i], again.xs()[i]);
            assertEquals(d.ys()[i], again.ys()[i]);
        }
        Dataset otherSeed = name.generate(101, 0.1, 8);
        assertNotEquals(d.xs()[0][0], otherSeed.xs()[0][0]);
    }

    @Test
    void pinnedValuesAreTheSameOnEveryRun() {
        // Recorded once; a change here changes every shared URL and saved spec that names a dataset and a seed.
        assertPoint(Datasets.moons(100, 0.1, 7), 1.7501870055778264, -0.11957136258003156, 1);
        assertPoint(Datasets.circles(100, 0.1, 7), 0.09867843537844931, -0.8072906326717665, 1);
        assertPoint(Datasets.xor(100, 0.1, 7), -0.46090240552686457, 0.7841712904490217, -1);
        assertPoint(Datasets.spiral(100, 0.1, 7), -0.636313250601889, 0.4943624228636325, -1);
        assertPoint(Datasets.gauss(100, 0.1, 7), 1.0974535597161648, 0.5512637328124681, 1);
    }

    private static void assertPoint(Dataset d, double x, double y, double label) {
        assertEquals(x, d.xs()[0][0], 1e-15);
        assertEquals(y, d.xs()[0][1], 1e-15);
        assertEquals(label, d.ys()[0]);
    }

    @Test
    void moonsWithoutNoiseLieOnSklearnsTwoHalfCircles() {
        Dataset d = Datasets.moons(100, 0, 1);
        int outerAtStart = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = d.xs()[i][0];
            double y = d.xs()[i][1];
            if (d.ys()[i] < 0) { // upper half of the unit circle
                assertEquals(1, x * x + y * y, 1e-12);
                assertTrue(y >= -1e-15);
                if (x == 1 && y == 0) {
                    outerAtStart++;
                }
            } else {             // lower half of the unit circle around (1, 0.5)
                assertEquals(1, (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5), 1e-12);
                assertTrue(y <= 0.5 + 1e-15);
            }
        }
        assertEquals(1, outerAtStart); // linspace starts at angle 0
        assertTrue(d.ys()[0] != d.ys()[1] || d.ys()[1] != d.ys()[2] || d.ys()[2] != d.ys()[3], "shuffled");
    }

    @Test
    void circlesXorSpiralAndGaussHaveTheirGeometry() {
        Dataset circles = Datasets.circles(60, 0, 1);
        for (int i = 0; i < circles.size(); i++) {
            double r = Math.hypot(circles.xs()[i][0], circles.xs()[i][1]);
            assertEquals(circles.ys()[i] < 0 ? 1 : 0.8, r, 1e-12);
        }
        Dataset xor = Datasets.xor(80, 0, 1);
        for (int i = 0; i < xor.size(); i++) {
            double x = xor.xs()[i][0];
            double y = xor.xs()[i][1];
            assertEquals(xor.ys()[i], Math.signum(x * y));
            assertTrue(Math.abs(x) >= 0.1 && Math.abs(x) <= 1 && Math.abs(y) >= 0.1 && Math.abs(y) <= 1);
        }
        Dataset spiral = Datasets.spiral(80, 0, 1);
        for (int i = 0; i < spiral.size(); i++) {
            assertTrue(Math.hypot(spiral.xs()[i][0], spiral.xs()[i][1]) < 1);
        }
        Dataset gauss = Datasets.gauss(2000, 0, 1);
        double sx = 0;
        for (int i = 0; i < gauss.size(); i++) {
            sx += gauss.xs()[i][0] * gauss.ys()[i]; // both blobs' x, folded onto the +1 blob
        }
        assertEquals(1, sx / gauss.size(), 0.05);
    }

    @Test
    void noiseMovesPointsByAboutItsSize() {
        Dataset clean = Datasets.circles(400, 0, 3);
        Dataset noisy = Datasets.circles(400, 0.2, 3);
        double sumSq = 0;
        for (int i = 0; i < clean.size(); i++) { // same seed, same shuffle: point i is the same point plus noise
            double dx = noisy.xs()[i][0] - clean.xs()[i][0];
            sumSq += dx * dx;
            assertEquals(clean.ys()[i], noisy.ys()[i]);
        }
        assertEquals(0.2, Math.sqrt(sumSq / clean.size()), 0.03);
    }

    @Test
    void lectureIsTheLecturesFourExamples() {
        Dataset d = Datasets.Generator.LECTURE.generate(100, 0.5, 3);
        assertEquals(4, d.size());
        assertEquals(3, d.dims());
        assertArrayEquals(new double[] {3.0, -1.0, 0.5}, d.xs()[1]);
        assertArrayEquals(new double[] {1, -1, -1, 1}, d.ys());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Choice.parse("dataset", Datasets.Generator.values(), "swiss roll"));
        assertEquals("dataset: expected moons, circles, xor, spiral, gauss, lecture, blobs, boundary_sin, "
                + "boundary_cubic, boundary_abs, plane, gaussians or sine, got 'swiss roll'",
                e.getMessage());
    }

    @Test
    void splitByRatioKeepsEveryPointOnceAndIsSeeded() {
        Dataset d = Datasets.moons(50, 0.1, 2);
        Dataset.Split s = d.split(0.2, 9);
        assertEquals(10, s.test().size());
        assertEquals(40, s.train().size());
        double total = 0;
        for (Dataset part : new Dataset[] {s.train(), s.test()}) {
            for (double[] x : part.xs()) {
                total += x[0];
            }
        }
        double expected = 0;
        for (double[] x : d.xs()) {
            expected += x[0];
        }
        assertEquals(expected, total, 1e-12);
        assertArrayEquals(s.test().xs()[0], d.split(0.2, 9).test().xs()[0]);
        assertEquals(0, d.split(0, 9).test().size());
        assertThrows(IllegalArgumentException.class, () -> d.split(1.5, 0));
    }

    @Test
    void datasetRejectsBadLabelsAndRaggedPoints() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[][] {{1, 2}}, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset(new double[][] {{1, 2}, {1}}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[][] {{1, 2}}, new double[] {}));
    }
}
