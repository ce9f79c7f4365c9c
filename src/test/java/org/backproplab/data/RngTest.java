package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The int-only generator. The pinned numbers were computed by an independent Python transcription of splitmix32
 * seeding and xoshiro128** (masking to 32 bits as JavaScript's Math.imul does), so they check the algorithm, not
 * just that it never changes.
 */
class RngTest {
    @Test
    void xoshiroBitsMatchAnIndependentImplementation() {
        Rng r = new Rng(42);
        assertEquals(-1457644372, r.nextBits());
        assertEquals(544945897, r.nextBits());
        assertEquals(479756282, r.nextBits());
        assertEquals(-794829154, r.nextBits());
        Rng zero = new Rng(0); // seed 0 must not leave xoshiro's state all zero
        assertEquals(-485958568, zero.nextBits());
        assertEquals(1133695204, zero.nextBits());
    }

    @Test
    void doublesAre53BitFractionsFromTwoDraws() {
        Rng r = new Rng(-7);
        assertEquals(0.9559268680264107, r.nextDouble());
        assertEquals(0.34061017891707845, r.nextDouble());
        assertEquals(0.9609520249229117, r.nextDouble());
    }

    @Test
    void uniformAndNextIntStayInRangeAndCoverIt() {
        Rng r = new Rng(1);
        int[] counts = new int[7];
        for (int i = 0; i < 70000; i++) {
            double u = r.uniform(-1, 1);
            assertTrue(u >= -1 && u < 1);
            counts[r.nextInt(7)]++;
        }
        for (int c : counts) {
            assertTrue(c > 9500 && c < 10500, "roughly 10000 each, got " + c);
        }
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
    }

    @Test
    void gaussianHasMeanZeroAndUnitSpreadAndPinnedValues() {
        Rng pinned = new Rng(5);
        assertEquals(-1.3647401741275456, pinned.gaussian(), 1e-15);
        assertEquals(-1.3526387974209588, pinned.gaussian(), 1e-15);
        Rng r = new Rng(3);
        double sum = 0;
        double sumSq = 0;
        int n = 200000;
        for (int i = 0; i < n; i++) {
            double g = r.gaussian();
            sum += g;
            sumSq += g * g;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sumSq / n, 0.01);
    }

    @Test
    void sameSeedSameStreamDifferentSeedDifferentStream() {
        Rng a = new Rng(99);
        Rng b = new Rng(99);
        Rng c = new Rng(100);
        for (int i = 0; i < 100; i++) {
            int x = a.nextBits();
            assertEquals(x, b.nextBits());
            assertNotEquals(x, c.nextBits());
        }
    }

    @Test
    void shuffleIsAPermutation() {
        int[] a = new int[50];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        new Rng(8).shuffle(a);
        boolean moved = false;
        boolean[] seen = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            seen[a[i]] = true;
            moved |= a[i] != i;
        }
        assertTrue(moved);
        for (boolean s : seen) {
            assertTrue(s);
        }
    }
}
