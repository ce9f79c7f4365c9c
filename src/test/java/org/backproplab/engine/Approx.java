package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.fail;

/** Tolerance checks for doubles, shared by the test packages: relative for reference numbers, absolute where said. */
public final class Approx {
    /** The tolerance DESIGN.md sets for single expressions across JVM and browser. */
    public static final double REL = 1e-12;

    private Approx() {
    }

    /** |actual - expected| <= tol * |expected| (exact match when expected is 0). */
    public static void assertRel(double expected, double actual, double tol, String what) {
        if (!(Math.abs(actual - expected) <= tol * Math.abs(expected))) {
            fail(what + ": expected " + expected + " (relative tolerance " + tol + "), got " + actual);
        }
    }

    public static void assertRel(double expected, double actual, String what) {
        assertRel(expected, actual, REL, what);
    }

    public static void assertAbs(double expected, double actual, double tol, String what) {
        if (!(Math.abs(actual - expected) <= tol)) {
            fail(what + ": expected " + expected + " (absolute tolerance " + tol + "), got " + actual);
        }
    }
}
