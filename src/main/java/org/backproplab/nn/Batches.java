package org.backproplab.nn;

import org.backproplab.data.Rng;

/**
 * Which points each training step uses: all of them in order (full batch, micrograd's default), or a minibatch of
 * distinct points drawn with the seeded generator. Both engines draw from the same sequence, so they see the same
 * batches. The index array is reused from step to step.
 */
public final class Batches {
    private final int[] order;
    private final int batchSize;
    private final Rng rng;

    /** batchSize 0, or at least n, means full batch. */
    public Batches(int n, int batchSize, int seed) {
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        this.batchSize = batchSize <= 0 || batchSize >= n ? n : batchSize;
        // A stream of its own, so that the batches do not change when the model (and its initial draw) changes.
        this.rng = this.batchSize == n ? null : new Rng(seed ^ 0x2545F491);
    }

    public int size() {
        return batchSize;
    }

    /**
     * The next batch: the first {@link #size()} entries of the returned array (which is reused, so copy it to keep
     * it). A minibatch is a partial Fisher-Yates shuffle: batchSize distinct points, each as likely as any other.
     */
    public int[] next() {
        if (rng != null) {
            for (int i = 0; i < batchSize; i++) {
                int j = i + rng.nextInt(order.length - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }
}
