package org.backproplab.data;

import org.backproplab.engine.Choice;

/**
 * The toy datasets, like TF Playground's dataset.ts: each takes the number of points n, the noise (the standard
 * deviation of Gaussian noise added to every coordinate) and a seed, and gives the same points for the same
 * arguments on every platform. Labels are -1 and +1, half and half (the +1 class gets the odd point).
 */
public final class Datasets {
    /** The generators, in the order a menu shows them, by the names links and run files use. */
    public enum Generator implements Choice {
        MOONS, CIRCLES, XOR, SPIRAL, GAUSS, LECTURE;

        /** n points with this much noise, the same for the same seed on every platform. */
        public Dataset generate(int n, double noise, int seed) {
            return switch (this) {
                case MOONS -> moons(n, noise, seed);
                case CIRCLES -> circles(n, noise, seed);
                case XOR -> xor(n, noise, seed);
                case SPIRAL -> spiral(n, noise, seed);
                case GAUSS -> gauss(n, noise, seed);
                case LECTURE -> lecture();
            };
        }
    }

    private Datasets() {
    }

    /**
     * scikit-learn's make_moons: an upper half circle (label -1) and a lower one shifted right and down (label +1),
     * each from evenly spaced angles, then shuffled, then noise. micrograd's demo uses n=100, noise=0.1.
     */
    public static Dataset moons(int n, double noise, int seed) {
        int nOuter = n / 2;
        int nInner = n - nOuter;
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int i = 0; i < nOuter; i++) {
            double t = linspace(Math.PI, nOuter, i);
            xs[i] = new double[] {StrictMath.cos(t), StrictMath.sin(t)};
            ys[i] = -1;
        }
        for (int i = 0; i < nInner; i++) {
            double t = linspace(Math.PI, nInner, i);
            xs[nOuter + i] = new double[] {1 - StrictMath.cos(t), 1 - StrictMath.sin(t) - 0.5};
            ys[nOuter + i] = 1;
        }
        return shuffleAndAddNoise(xs, ys, noise, seed);
    }

    /** scikit-learn's make_circles: an outer circle (label -1) and an inner one 0.8 times its size (label +1). */
    public static Dataset circles(int n, double noise, int seed) {
        int nOuter = n / 2;
        int nInner = n - nOuter;
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int i = 0; i < nOuter; i++) {
            double t = 2 * Math.PI * i / nOuter; // evenly spaced, without the endpoint 2*pi that would repeat 0
            xs[i] = new double[] {StrictMath.cos(t), StrictMath.sin(t)};
            ys[i] = -1;
        }
        for (int i = 0; i < nInner; i++) {
            double t = 2 * Math.PI * i / nInner;
            xs[nOuter + i] = new double[] {0.8 * StrictMath.cos(t), 0.8 * StrictMath.sin(t)};
            ys[nOuter + i] = 1;
        }
        return shuffleAndAddNoise(xs, ys, noise, seed);
    }

    /**
     * XOR: uniform points in the four quadrants of [-1, 1]^2, taken in turn so the classes stay balanced, kept 0.1
     * away from the axes; the label is the sign of x*y.
     */
    public static Dataset xor(int n, double noise, int seed) {
        Rng rng = new Rng(seed);
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            int quadrant = i % 4; // (+,+), (-,+), (-,-), (+,-): labels +1, -1, +1, -1
            double sx = quadrant == 0 || quadrant == 3 ? 1 : -1;
            double sy = quadrant < 2 ? 1 : -1;
            xs[i] = new double[] {sx * rng.uniform(0.1, 1), sy * rng.uniform(0.1, 1)};
            ys[i] = sx * sy;
        }
        return shuffleAndAddNoise(xs, ys, noise, seed);
    }

    /** Two interleaved spiral arms, as in TF Playground: the second is the first turned by half a circle. */
    public static Dataset spiral(int n, double noise, int seed) {
        int nMinus = n / 2;
        int nPlus = n - nMinus;
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int i = 0; i < nPlus; i++) {
            xs[i] = spiralPoint(i, nPlus, 0);
            ys[i] = 1;
        }
        for (int i = 0; i < nMinus; i++) {
            xs[nPlus + i] = spiralPoint(i, nMinus, Math.PI);
            ys[nPlus + i] = -1;
        }
        return shuffleAndAddNoise(xs, ys, noise, seed);
    }

    private static double[] spiralPoint(int i, int count, double turn) {
        double r = (double) i / count; // radius grows from 0 to almost 1 along the arm
        double t = 1.75 * r * 2 * Math.PI + turn;
        return new double[] {r * StrictMath.sin(t), r * StrictMath.cos(t)};
    }

    /**
     * Two Gaussian blobs, around (1, 1) with label +1 and around (-1, -1) with label -1. Their standard deviation
     * is 0.4 + noise, so they overlap more as the noise grows.
     */
    public static Dataset gauss(int n, double noise, int seed) {
        Rng rng = new Rng(seed);
        int nMinus = n / 2;
        double spread = 0.4 + noise;
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = i < nMinus ? -1 : 1;
            xs[i] = new double[] {ys[i] + spread * rng.gaussian(), ys[i] + spread * rng.gaussian()};
        }
        return shuffleAndAddNoise(xs, ys, 0, seed);
    }

    /** The lecture's four examples (3 inputs each); n, noise and seed do not apply. */
    public static Dataset lecture() {
        double[][] xs = {{2.0, 3.0, -1.0}, {3.0, -1.0, 0.5}, {0.5, 1.0, 1.0}, {1.0, 1.0, -1.0}};
        double[] ys = {1.0, -1.0, -1.0, 1.0};
        return new Dataset(xs, ys);
    }

    /** Point i of count evenly spaced from 0 to stop inclusive, like numpy's linspace (which ends exactly at stop). */
    private static double linspace(double stop, int count, int i) {
        if (count == 1) {
            return 0;
        }
        // numpy multiplies i by the step stop/(count-1). The step is written first because TeaVM's JavaScript output
        // turns i * (a / b) into i * a / b, which rounds differently; a * b == b * a exactly, so this loses nothing.
        return i == count - 1 ? stop : stop / (count - 1) * i;
    }

    /** Shuffles the points (so the classes are mixed, as sklearn does), then adds noise row by row: x0, y0, x1, ... */
    private static Dataset shuffleAndAddNoise(double[][] xs, double[] ys, double noise, int seed) {
        Rng rng = new Rng(seed ^ 0x5DEECE66); // not the stream that placed the points
        int[] order = new int[ys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        rng.shuffle(order);
        double[][] shuffledXs = new double[ys.length][];
        double[] shuffledYs = new double[ys.length];
        for (int i = 0; i < order.length; i++) {
            double[] p = xs[order[i]].clone();
            if (noise != 0) {
                for (int d = 0; d < p.length; d++) {
                    p[d] += noise * rng.gaussian();
                }
            }
            shuffledXs[i] = p;
            shuffledYs[i] = ys[order[i]];
        }
        return new Dataset(shuffledXs, shuffledYs);
    }
}
