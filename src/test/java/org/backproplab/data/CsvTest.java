package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** User points from CSV: what is accepted, and how each bad line is reported. */
class CsvTest {

    @Test
    void readsPlusMinusOneWithAHeaderAndWindowsLineEnds() {
        Csv.Result r = Csv.parse("x,y,label\r\n0.5,-1.25,1\r\n-2,3e-1,-1\r\n\r\n");
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(2, r.points().size());
        assertArrayEquals(new double[] {-2, 0.3}, r.points().xs()[1]);
        assertArrayEquals(new double[] {1, -1}, r.points().ys());
    }

    @Test
    void mapsZeroOneLabelsToMinusOnePlusOne() {
        Csv.Result r = Csv.parse("1,1,0\n2,2,1\n3,3,0.0\n");
        assertTrue(r.ok());
        assertArrayEquals(new double[] {-1, 1, -1}, r.points().ys());
    }

    @Test
    void headerIsOptionalAndOnlyOnTheFirstLine() {
        assertTrue(Csv.parse(" 1 , +2 , 1 ").ok());
        Csv.Result r = Csv.parse("1,2,1\nx,y,label\n");
        assertEquals(List.of(new Csv.LineError(2, "x: 'x' is not a number; expected a decimal such as -0.5 or scientific notation such as 1e-3"), new Csv.LineError(2, "y: 'y' is not a number; expected a decimal such as -0.5 or scientific notation such as 1e-3"),
                new Csv.LineError(2, "label 'label' must be -1 or 1 (or 0 or 1)")), r.errors());
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndNoPointsAreUsed() {
        Csv.Result r = Csv.parse("x,y,label\n1,2,1\n1,2\nabc,2,1\n1,NaN,1\n1,2,3\n1,2,-1\n1,1e999,1\n1,2,1,4\n");
        assertNull(r.points());
        assertEquals(List.of(
                new Csv.LineError(3, "expected 3 fields x,y,label, got 2"),
                new Csv.LineError(4, "x: 'abc' is not a number; expected a decimal such as -0.5 or scientific notation such as 1e-3"),
                new Csv.LineError(5, "y: 'NaN' is not a number; expected a decimal such as -0.5 or scientific notation such as 1e-3"),
                new Csv.LineError(6, "label '3' must be -1 or 1 (or 0 or 1)"),
                new Csv.LineError(8, "y '1e999' must be a number from -1e6 to 1e6"),
                new Csv.LineError(9, "expected 3 fields x,y,label, got 4")), r.errors());
        assertEquals("line 3: expected 3 fields x,y,label, got 2", r.errors().get(0).toString());
    }

    @Test
    void mixingZeroOneWithMinusOneIsAnError() {
        Csv.Result r = Csv.parse("1,1,-1\n2,2,1\n3,3,0\n");
        assertNull(r.points());
        assertEquals(List.of(new Csv.LineError(3, "label 0 mixes 0/1 labels with -1/+1 labels (line 1 has -1)")),
                r.errors());
        Csv.Result r2 = Csv.parse("1,1,0\n2,2,-1\n");
        assertEquals(2, r2.errors().get(0).line());
        assertTrue(r2.errors().get(0).reason().contains("(line 1 has 0)"));
    }

    @Test
    void emptyTextHasNoPoints() {
        Csv.Result r = Csv.parse("\n  \n");
        assertEquals(List.of(new Csv.LineError(1, "no points: expected lines of x,y,label")), r.errors());
        assertEquals(1, Csv.parse("x,y,label\n").errors().size());
    }

    @Test
    void cellsAreReadByTheSharedNumberParser() {
        Csv.Result good = Csv.parse(".5,-3.,1\n1E-3,2,-1\n");
        assertTrue(good.errors().isEmpty(), good.errors().toString());
        assertEquals(0.5, good.points().xs()[0][0]);
        assertEquals(-3.0, good.points().xs()[0][1]);
        assertEquals(1e-3, good.points().xs()[1][0]);
        for (String bad : new String[] {"-", ".", "1e", "0x10", "1d", "Infinity", "NaN", "1 2", "1e+", "1e999"}) {
            Csv.Result r = Csv.parse("0,0,1\n" + bad + ",1,1\n");
            assertEquals(1, r.errors().size(), bad);
            assertEquals(2, r.errors().get(0).line(), bad);
        }
    }

    @Test
    void aTargetOutsideTheOneRangeIsNamedByItsLineAndNoPointsAreUsed() {
        Csv.Result r = Csv.parse("x1,x2,target\n0,0,0.5\n1,1,1e300\n2,2,-100.5\n3,3,1e999\n4,4,big\n",
                Dataset.Labels.TARGETS);
        assertNull(r.points(), "the old points stay: a bad line gives none");
        assertEquals(List.of(
                new Csv.LineError(3, "target '1e300' must be a number from -100 to 100"),
                new Csv.LineError(4, "target '-100.5' must be a number from -100 to 100"),
                new Csv.LineError(5, "target '1e999' must be a number from -100 to 100"),
                new Csv.LineError(6, "target: 'big' is not a number; expected a decimal such as -0.5 or scientific "
                        + "notation such as 1e-3")), r.errors());
        Csv.Result edges = Csv.parse("0,0,100\n1,1,-100\n", Dataset.Labels.TARGETS);
        assertTrue(edges.ok(), edges.errors().toString());
        assertArrayEquals(new double[] {100, -100}, edges.points().ys());
    }

    @Test
    void aTargetMustBeWithinTheOneBoundEverywhere() {
        assertEquals(100, Dataset.MAX_TARGET);
        assertNull(Dataset.labelProblem(Dataset.Labels.TARGETS, -100));
        for (double bad : new double[] {1e300, -1e300, 100.001, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("a number from -100 to 100", Dataset.labelProblem(Dataset.Labels.TARGETS, bad), "" + bad);
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Dataset(new double[][] {{0, 0}}, new double[] {1e300}, Dataset.Labels.TARGETS));
        assertTrue(e.getMessage().contains("expected a number from -100 to 100"), e.getMessage());
    }

    @Test
    void aCoordinateBeyondAMillionIsNamedByItsLine() {
        Csv.Result r = Csv.parse("0,0,1\n1e300,0,-1\n0,-2e6,1\n", Dataset.Labels.SIGNS);
        assertNull(r.points());
        assertEquals(List.of(new Csv.LineError(2, "x '1e300' must be a number from -1e6 to 1e6"),
                new Csv.LineError(3, "y '-2e6' must be a number from -1e6 to 1e6")), r.errors());
        Csv.Result targets = Csv.parse("1e300,0,0.5\n", Dataset.Labels.TARGETS);
        assertEquals(List.of(new Csv.LineError(1, "x '1e300' must be a number from -1e6 to 1e6")), targets.errors());
        assertTrue(Csv.parse("1e6,-1e6,1\n2024,3,-1\n").ok(), "real data in its own units: a year, a price");
    }
}
