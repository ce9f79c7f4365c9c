package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Full batches and seeded minibatches. */
class BatchesTest {

    @Test
    void fullBatchIsEveryPointInOrder() {
        Batches full = new Batches(5, 0, 1);
        assertEquals(5, full.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, full.next());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, full.next());
        assertEquals(5, new Batches(5, 9, 1).size());
    }

    @Test
    void minibatchesAreDistinctSeededAndVary() {
        Batches a = new Batches(20, 6, 3);
        Batches b = new Batches(20, 6, 3);
        int[] seen = new int[20];
        int[] previous = null;
        for (int step = 0; step < 50; step++) {
            int[] batch = Arrays.copyOf(a.next(), 6);
            assertArrayEquals(batch, Arrays.copyOf(b.next(), 6));
            assertEquals(6, Arrays.stream(batch).distinct().count());
            for (int i : batch) {
                seen[i]++;
            }
            if (previous != null) {
                assertTrue(!Arrays.equals(previous, batch) || step < 2);
            }
            previous = batch;
        }
        for (int count : seen) {
            assertTrue(count > 0, "every point is drawn sometime");
        }
        assertTrue(!Arrays.equals(Arrays.copyOf(new Batches(20, 6, 4).next(), 6), Arrays.copyOf(new Batches(20, 6, 3)
                .next(), 6)));
    }
}
