package org.backproplab.data;

import org.backproplab.engine.Numbers;

/**
 * Points and what to learn about each: {@code xs[i]} is a point, and {@code ys[i]} its label or target. What
 * {@code ys} holds is said by {@code labels}: micrograd's binary labels -1 and +1, class indices 0..k-1 for more
 * than two classes, or real-valued targets for regression. Every point has the same number of coordinates.
 */
public record Dataset(double[][] xs, double[] ys, Labels labels) {

    /** The most classes a set may have (class indices 0 to MAX_CLASSES - 1). */
    public static final int MAX_CLASSES = 8;

    /**
     * The largest target a regression learns, either sign: every way a target comes in (the point editor, a CSV, a
     * link's points, a run or model file) refuses one beyond it, through {@link #labelProblem}. The squared error of
     * a slip such as 1e300 is infinite, and the run would show "∞" with no reason (or blame the learning rate). 100
     * leaves room for real data in its own units (a mark out of 100, a temperature), while the squared errors of a
     * fresh network stay far from overflowing and the learning rates the trainer offers still fit; bigger numbers are
     * better divided by their unit first, and the message says the range.
     */
    public static final double MAX_TARGET = 100;
    /** What a target must be, for messages: "a number from -100 to 100". */
    public static final String TARGET_RANGE = "a number from " + Numbers.format(-MAX_TARGET) + " to "
            + Numbers.format(MAX_TARGET);

    /**
     * The largest coordinate a point read from a user (a CSV, a link, a run or model file) may have, either sign. A
     * point at 1e300 turns the first step's scores into NaN, and the feature x1² overflows from 1e155 on; a million
     * leaves room for real data in its own units (a year, a price) while x1², x1*x2 and a fresh network's first
     * scores stay finite. (The generated sets lie within a few units, and a click lands on the plot, which is fitted
     * around the points.)
     */
    public static final double MAX_COORDINATE = 1e6;
    /** What a coordinate must be, for messages: "a number from -1e6 to 1e6". */
    public static final String COORDINATE_RANGE = "a number from " + Numbers.trimmed(-MAX_COORDINATE, 6) + " to "
            + Numbers.trimmed(MAX_COORDINATE, 6);

    /** What a point's y is. */
    public enum Labels {
        /** micrograd's binary labels: -1 or +1, read by the sign of one score. */
        SIGNS,
        /** A class index 0, 1, ..., k-1, read by the largest of k scores (softmax). */
        CLASSES,
        /** A real number to predict (regression). */
        TARGETS
    }

    /** Binary labels, -1 or +1, as micrograd's demo has them. */
    public Dataset(double[][] xs, double[] ys) {
        this(xs, ys, Labels.SIGNS);
    }

    public Dataset {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " points but " + ys.length + " labels");
        }
        for (int i = 0; i < xs.length; i++) {
            if (xs[i].length != xs[0].length) {
                throw new IllegalArgumentException("point " + i + " has " + xs[i].length + " coordinates, point 0 has "
                        + xs[0].length);
            }
            String problem = labelProblem(labels, ys[i]);
            if (problem != null) {
                throw new IllegalArgumentException("label " + i + " is " + ys[i] + ", expected " + problem);
            }
        }
    }

    /** Null if y can be a point's y under these labels, else what was expected ("-1 or 1"). */
    public static String labelProblem(Labels labels, double y) {
        switch (labels) {
            case SIGNS:
                return y == 1 || y == -1 ? null : "-1 or 1";
            case CLASSES:
                return y == Math.rint(y) && y >= 0 && y < MAX_CLASSES ? null
                        : "a class index: a whole number from 0 to " + (MAX_CLASSES - 1);
            default:
                return Math.abs(y) <= MAX_TARGET ? null : TARGET_RANGE; // NaN is refused too
        }
    }

    /** How many classes: 2 for -1/+1 labels, the largest index + 1 for class indices, 0 for regression targets. */
    public int classes() {
        if (labels == Labels.TARGETS) {
            return 0;
        }
        if (labels == Labels.SIGNS) {
            return 2;
        }
        int k = 0;
        for (double y : ys) {
            k = Math.max(k, (int) y + 1);
        }
        return k;
    }

    /** The same points with -1/+1 labels as class indices: -1 is class 0 and +1 class 1 (for a softmax over 2). */
    public Dataset signsAsClasses() {
        if (labels != Labels.SIGNS) {
            return this;
        }
        double[] classes = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            classes[i] = ys[i] > 0 ? 1 : 0;
        }
        return new Dataset(xs, classes, Labels.CLASSES);
    }

    public int size() {
        return ys.length;
    }

    /** Coordinates per point (0 for an empty set). */
    public int dims() {
        return xs.length == 0 ? 0 : xs[0].length;
    }

    /** How many points have label +1. */
    public int positives() {
        int count = 0;
        for (double y : ys) {
            if (y > 0) {
                count++;
            }
        }
        return count;
    }

    /** The points at the given indices, in that order. */
    public Dataset select(int[] indices) {
        double[][] x = new double[indices.length][];
        double[] y = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = xs[indices[i]].clone();
            y[i] = ys[indices[i]];
        }
        return new Dataset(x, y, labels);
    }

    /** A train set and a test set. */
    public record Split(Dataset train, Dataset test) {
    }

    /**
     * Shuffles the points with the seed, then puts round(size * testRatio) of them in the test set and the rest in
     * the train set.
     */
    public Split split(double testRatio, int seed) {
        if (!(testRatio >= 0 && testRatio <= 1)) {
            throw new IllegalArgumentException("test ratio must be between 0 and 1, got " + testRatio);
        }
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new Rng(seed).shuffle(order);
        int testCount = (int) Math.floor(size() * testRatio + 0.5);
        int[] test = new int[testCount];
        int[] train = new int[size() - testCount];
        System.arraycopy(order, 0, test, 0, testCount);
        System.arraycopy(order, testCount, train, 0, train.length);
        return new Split(select(train), select(test));
    }
}
