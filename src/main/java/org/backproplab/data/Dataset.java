package org.backproplab.data;

/**
 * Labelled points for binary classification, as micrograd's demo uses them: {@code xs[i]} is a point, and
 * {@code ys[i]} its label, -1 or +1. Every point has the same number of coordinates.
 */
public record Dataset(double[][] xs, double[] ys) {

    public Dataset {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " points but " + ys.length + " labels");
        }
        for (int i = 0; i < xs.length; i++) {
            if (xs[i].length != xs[0].length) {
                throw new IllegalArgumentException("point " + i + " has " + xs[i].length + " coordinates, point 0 has "
                        + xs[0].length);
            }
            if (ys[i] != 1 && ys[i] != -1) {
                throw new IllegalArgumentException("label " + i + " is " + ys[i] + ", expected -1 or 1");
            }
        }
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
        return new Dataset(x, y);
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
