package org.backproplab.layout;

/**
 * The gaps of a {@link LayeredLayout}, in the same units as the node sizes (SVG user units for the graph view).
 *
 * @param rankGap horizontal gap between two rank columns (from the widest node of one to the widest of the next)
 * @param nodeGap smallest vertical gap between two nodes of the same rank
 * @param edgeGap smallest vertical gap next to a long edge passing through a rank (it has no height of its own)
 * @param margin  empty border around the whole drawing
 */
public record Spacing(double rankGap, double nodeGap, double edgeGap, double margin) {
    /** Suits micrograd's record boxes (about 200 x 36) and op circles (about 32 x 32). */
    public static final Spacing DEFAULT = new Spacing(40, 14, 8, 10);

    public Spacing {
        // Positive vertical gaps keep the nodes of a rank strictly in their order, so the drawn crossings are the
        // crossings the ordering step counted.
        if (!(rankGap >= 0 && nodeGap > 0 && edgeGap > 0 && margin >= 0)
                || Double.isInfinite(rankGap + nodeGap + edgeGap + margin)) {
            throw new IllegalArgumentException("Expect finite gaps, rankGap >= 0, nodeGap > 0, edgeGap > 0, margin >= 0");
        }
    }
}
