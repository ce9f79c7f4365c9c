package org.backproplab.data;

/**
 * The project's random generator: xoshiro128** on 32-bit ints, seeded by splitmix32.
 *
 * <p>Why not java.util.Random: TeaVM's differs from the JVM's (nextInt(bound) above all), and a {@code long} is a
 * BigInt in JavaScript. This one uses only int arithmetic (int multiply wraps the same way as JavaScript's
 * Math.imul), so the JVM, TeaVM-JS and TeaVM-Wasm draw exactly the same numbers from the same seed.
 */
public final class Rng {
    private int s0;
    private int s1;
    private int s2;
    private int s3;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    public Rng(int seed) {
        // splitmix32 spreads any seed, even 0, over the four state words (xoshiro must not start all zero).
        int z = seed;
        s0 = mix(z += 0x9E3779B9);
        s1 = mix(z += 0x9E3779B9);
        s2 = mix(z += 0x9E3779B9);
        s3 = mix(z += 0x9E3779B9);
    }

    private static int mix(int z) {
        z = (z ^ (z >>> 16)) * 0x85EBCA6B;
        z = (z ^ (z >>> 13)) * 0xC2B2AE35;
        return z ^ (z >>> 16);
    }

    /** The next 32 random bits. */
    public int nextBits() {
        int result = Integer.rotateLeft(s1 * 5, 7) * 9;
        int t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Integer.rotateLeft(s3, 11);
        return result;
    }

    /** A uniform int in [0, bound), without modulo bias: draws that fall in the uneven tail are thrown away. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int u = nextBits() >>> 1;
        int r = u % bound;
        while (u - r + (bound - 1) < 0) { // overflow means u lies in the last, incomplete block of size bound
            u = nextBits() >>> 1;
            r = u % bound;
        }
        return r;
    }

    /** A uniform double in [0, 1) with 53 random bits: 27 from one draw and 26 from the next, all exact in doubles. */
    public double nextDouble() {
        int high = nextBits() >>> 5;
        int low = nextBits() >>> 6;
        return (high * 67108864.0 + low) * (1.0 / 9007199254740992.0); // (high * 2^26 + low) / 2^53
    }

    /** A uniform double in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /**
     * A standard normal number by the Box-Muller transform, which makes two at a time: the second is kept for the
     * next call. StrictMath is fdlibm on the JVM, the same algorithms browsers use, so the numbers agree across
     * platforms to the last bit or very nearly (TeaVM maps StrictMath to the browser's Math).
     */
    public double gaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u1 = 1.0 - nextDouble(); // in (0, 1], so the log is finite
        double u2 = nextDouble();
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double angle = 2.0 * Math.PI * u2;
        spareGaussian = radius * StrictMath.sin(angle);
        hasSpareGaussian = true;
        return radius * StrictMath.cos(angle);
    }

    /** Shuffles the array in place (Fisher-Yates). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
