package org.backproplab.data;

import org.backproplab.engine.Choice;

/**
 * The toy datasets, like TF Playground's dataset.ts: each takes the number of points n, the noise (the standard
 * deviation of Gaussian noise added to every coordinate) and a seed, and gives the same points for the same
 * arguments on every platform. The binary sets have labels -1 and +1, half and half (the +1 class gets the odd point);
 * the spiral with more than two arms and the blobs have class indices 0..k-1; the regression sets (plane, gaussians,
 * sine) have real targets, and their noise is added to the target instead of the coordinates.
 */
public final class Datasets {
    /**
     * The most noise a set is made with, by the trainer's control, a link or a run file. It keeps every generated
     * point and target well inside the ranges Dataset allows users' own (a Gaussian draw here is below 8.6).
     */
    public static final double MAX_NOISE = 2;

    /** The generators, in the order a menu shows them, by the names links and run files use. */
    public enum Generator implements Choice {
        MOONS, CIRCLES, XOR, SPIRAL, GAUSS, LECTURE, BLOBS, BOUNDARY_SIN, BOUNDARY_CUBIC, BOUNDARY_ABS, PLANE,
        GAUSSIANS, SINE;

        /** n points with this much noise, the same for the same seed on every platform; spiral has two arms. */
        public Dataset generate(int n, double noise, int seed) {
            return generate(n, noise, seed, this == BLOBS ? 3 : 2);
        }

        /** The same, with this many classes for spiral (arms) and blobs (centres); the other sets ignore it. */
        public Dataset generate(int n, double noise, int seed, int classes) {
            return switch (this) {
                case MOONS -> moons(n, noise, seed);
                case CIRCLES -> circles(n, noise, seed);
                case XOR -> xor(n, noise, seed);
                case SPIRAL -> classes == 2 ? spiral(n, noise, seed) : spiral(n, noise, seed, classes);
                case GAUSS -> gauss(n, noise, seed);
                case LECTURE -> lecture();
                case BLOBS -> blobs(n, noise, seed, classes);
                case BOUNDARY_SIN, BOUNDARY_CUBIC, BOUNDARY_ABS -> boundary(this, n, noise, seed);
                case PLANE, GAUSSIANS, SINE -> regression(this, n, noise, seed);
            };
        }

        /** True for the sets whose number of classes is a setting: spiral's arms and the blobs' centres. */
        public boolean takesClasses() {
            return this == SPIRAL || this == BLOBS;
        }

        /** True for the regression sets, whose ys are real targets. */
        public boolean isRegression() {
            return this == PLANE || this == GAUSSIANS || this == SINE;
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

    /**
     * k interleaved spiral arms, arm c turned by c/k of a circle, labelled with class c: TF Playground's spiral with
     * more arms. The points are shared out as evenly as they go, the first arms getting the odd ones.
     */
    public static Dataset spiral(int n, double noise, int seed, int k) {
        checkClasses(k);
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        int i = 0;
        for (int c = 0; c < k; c++) {
            int count = n / k + (c < n % k ? 1 : 0);
            for (int j = 0; j < count; j++, i++) {
                xs[i] = spiralPoint(j, count, 2 * Math.PI * c / k);
                ys[i] = c;
            }
        }
        return shuffleAndAddNoise(xs, ys, Dataset.Labels.CLASSES, noise, seed);
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

    /**
     * k Gaussian blobs labelled 0..k-1, their centres evenly spaced on the unit circle (the first straight up), with
     * standard deviation 0.25 + noise. The points are shared out as evenly as they go.
     */
    public static Dataset blobs(int n, double noise, int seed, int k) {
        checkClasses(k);
        Rng rng = new Rng(seed);
        double spread = 0.25 + noise;
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            double angle = Math.PI / 2 + 2 * Math.PI * c / k;
            xs[i] = new double[] {StrictMath.cos(angle) + spread * rng.gaussian(),
                StrictMath.sin(angle) + spread * rng.gaussian()};
            ys[i] = c;
        }
        return shuffleAndAddNoise(xs, ys, Dataset.Labels.CLASSES, 0, seed);
    }

    private static void checkClasses(int k) {
        if (k < 2 || k > Dataset.MAX_CLASSES) {
            throw new IllegalArgumentException("classes: expected 2 to " + Dataset.MAX_CLASSES + ", got " + k);
        }
    }

    /**
     * Points uniform in [-1.5, 1.5]^2, labelled +1 above a curve x2 = f(x1) and -1 below it (TF Playground's users
     * asked for these, issue 252): f is sin(pi x1), x1^3 - x1 or |x1|. Half the points lie on each side (a point
     * on a side that has its half is drawn again). The noise moves the points after labelling: it blurs the boundary.
     */
    public static Dataset boundary(Generator curve, int n, double noise, int seed) {
        Rng rng = new Rng(seed);
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        int[] wanted = {n / 2, n - n / 2}; // below, above: half and half, as the other binary sets
        for (int i = 0; i < n; ) {
            double x1 = rng.uniform(-1.5, 1.5);
            double x2 = rng.uniform(-1.5, 1.5);
            double f = switch (curve) {
                case BOUNDARY_SIN -> StrictMath.sin(Math.PI * x1);
                case BOUNDARY_CUBIC -> x1 * x1 * x1 - x1;
                default -> Math.abs(x1);
            };
            int side = x2 > f ? 1 : 0;
            if (wanted[side] > 0) { // a point whose side is full is drawn again
                wanted[side]--;
                xs[i] = new double[] {x1, x2};
                ys[i] = side == 1 ? 1 : -1;
                i++;
            }
        }
        return shuffleAndAddNoise(xs, ys, Dataset.Labels.SIGNS, noise, seed);
    }

    /**
     * The regression sets, with the noise added to each target: TF Playground's tilted plane (x1 + x2) / 2 and its
     * signed Gaussians (here six bumps, +1 and -1 in a checkerboard, on [-1.5, 1.5]^2), and the 1-D curve fit
     * y = sin x for x uniform in [-3, 3].
     */
    public static Dataset regression(Generator kind, int n, double noise, int seed) {
        Rng rng = new Rng(seed);
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            if (kind == Generator.SINE) {
                double x = rng.uniform(-3, 3);
                xs[i] = new double[] {x};
                ys[i] = StrictMath.sin(x);
            } else {
                double x1 = rng.uniform(-1.5, 1.5);
                double x2 = rng.uniform(-1.5, 1.5);
                xs[i] = new double[] {x1, x2};
                ys[i] = kind == Generator.PLANE ? (x1 + x2) / 2 : signedGaussians(x1, x2);
            }
            ys[i] += noise * rng.gaussian();
        }
        return new Dataset(xs, ys, Dataset.Labels.TARGETS);
    }

    /** Six Gaussian bumps of height +1 or -1 (a checkerboard of signs) at x1 = -1, 0, 1 and x2 = -0.6, 0.6. */
    private static double signedGaussians(double x1, double x2) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double dx = x1 - (i - 1);
                double dy = x2 - (j == 0 ? -0.6 : 0.6);
                double sign = (i + j) % 2 == 0 ? 1 : -1;
                sum += sign * StrictMath.exp(-(dx * dx + dy * dy) / (2 * 0.3 * 0.3));
            }
        }
        return sum;
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
        return shuffleAndAddNoise(xs, ys, Dataset.Labels.SIGNS, noise, seed);
    }

    private static Dataset shuffleAndAddNoise(double[][] xs, double[] ys, Dataset.Labels labels, double noise,
                                              int seed) {
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
        return new Dataset(shuffledXs, shuffledYs, labels);
    }
}
