package org.backproplab.nn;

/**
 * Array access for the tape's hot loops.
 *
 * <p>Why not a[i]: in TeaVM's JavaScript every checked array access calls one bounds-check function shared by all
 * the code in the page, and once arrays of several kinds have gone through it (any page that has drawn a graph
 * has), V8 treats its array.length as megamorphic: each access becomes a generic property lookup, and the tape
 * and predict ran 3x slower after the graph view had been used. These helpers check the bounds themselves, in
 * the form TeaVM recognises (0 <= i && i < a.length), so it adds no check of its own; and each sees one kind of
 * array only, so V8 keeps them fast whatever else the page runs. On the JVM and in WebAssembly they are the
 * plain access.
 */
final class Checked {
    private Checked() {
    }

    static double get(double[] a, int i) {
        if (0 <= i && i < a.length) {
            return a[i];
        }
        throw outOfBounds(i, a.length);
    }

    static int get(int[] a, int i) {
        if (0 <= i && i < a.length) {
            return a[i];
        }
        throw outOfBounds(i, a.length);
    }

    static Activation get(Activation[] a, int i) {
        if (0 <= i && i < a.length) {
            return a[i];
        }
        throw outOfBounds(i, a.length);
    }

    static void set(double[] a, int i, double x) {
        if (0 <= i && i < a.length) {
            a[i] = x;
            return;
        }
        throw outOfBounds(i, a.length);
    }

    /** a[from..] = 0: Arrays.fill, but through the helper that sees double[] only. */
    static void zero(double[] a, int from) {
        for (int i = from; i < a.length; i++) {
            set(a, i, 0);
        }
    }

    /** a[i] += x. */
    static void add(double[] a, int i, double x) {
        if (0 <= i && i < a.length) {
            a[i] += x;
            return;
        }
        throw outOfBounds(i, a.length);
    }

    static ArrayIndexOutOfBoundsException outOfBounds(int i, int length) {
        return new ArrayIndexOutOfBoundsException("Index " + i + " out of bounds for length " + length);
    }
}
