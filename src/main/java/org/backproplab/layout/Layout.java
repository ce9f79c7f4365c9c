package org.backproplab.layout;

/**
 * The result of {@link LayeredLayout}: where each node and each edge of a {@link Dag} goes.
 *
 * <p>Coordinates: x grows to the right, y grows downwards (as in SVG), and (0, 0) is the top-left corner of the
 * drawing. {@link #x}/{@link #y} are the <em>centre</em> of a node, so its box is
 * {@code [x - width/2, x + width/2] x [y - height/2, y + height/2]}. Everything lies inside
 * {@code [0, width()] x [0, height()]}, the spacing's margin included.
 *
 * <p>Each edge is a polyline drawn left to right. It starts at the middle of the source's right side and ends at the
 * middle of the target's left side. An edge that skips ranks runs horizontally through every rank column it skips,
 * entering at the column's left boundary and leaving at its right boundary, so it gets two points per skipped rank:
 * {@code 2 + 2 * (rank(to) - rank(from) - 1)} points in all. The x of the points never decreases along an edge.
 */
public final class Layout {
    private final double[] x;
    private final double[] y;
    private final int[] rank;
    private final int rankCount;
    private final int[] from;
    private final int[] to;
    private final int[] pointStart; // edge e owns points pointStart[e] .. pointStart[e+1]-1
    private final double[] pointX;
    private final double[] pointY;
    private final double width;
    private final double height;
    private final int crossings;
    private final int inputOrderCrossings;

    Layout(double[] x, double[] y, int[] rank, int rankCount, int[] from, int[] to, int[] pointStart,
           double[] pointX, double[] pointY, double width, double height, int crossings, int inputOrderCrossings) {
        this.x = x;
        this.y = y;
        this.rank = rank;
        this.rankCount = rankCount;
        this.from = from;
        this.to = to;
        this.pointStart = pointStart;
        this.pointX = pointX;
        this.pointY = pointY;
        this.width = width;
        this.height = height;
        this.crossings = crossings;
        this.inputOrderCrossings = inputOrderCrossings;
    }

    public int nodeCount() {
        return x.length;
    }

    public int edgeCount() {
        return pointStart.length - 1;
    }

    /** The x of the node's centre. */
    public double x(int node) {
        return x[node];
    }

    /** The y of the node's centre. */
    public double y(int node) {
        return y[node];
    }

    /** The node's column, 0 for sources; every edge goes from a lower rank to a higher one. */
    public int rank(int node) {
        return rank[node];
    }

    public int rankCount() {
        return rankCount;
    }

    /** The edge's source, as in the {@link Dag}. */
    public int from(int edge) {
        return from[edge];
    }

    /** The edge's target, as in the {@link Dag}. */
    public int to(int edge) {
        return to[edge];
    }

    /** How many points the edge's polyline has: 2, plus 2 for each rank it skips. */
    public int pointCount(int edge) {
        return pointStart[edge + 1] - pointStart[edge];
    }

    public double pointX(int edge, int i) {
        return pointX[pointIndex(edge, i)];
    }

    public double pointY(int edge, int i) {
        return pointY[pointIndex(edge, i)];
    }

    /** Width of the whole drawing, margins included. */
    public double width() {
        return width;
    }

    /** Height of the whole drawing, margins included. */
    public double height() {
        return height;
    }

    /** Edge crossings in this layout, as {@link Crossings#count(Layout)} counts them. */
    public int crossings() {
        return crossings;
    }

    /** Edge crossings the input order had (each rank in node index order) before the sweeps reordered it. */
    public int inputOrderCrossings() {
        return inputOrderCrossings;
    }

    private int pointIndex(int edge, int i) {
        int start = pointStart[edge];
        if (i < 0 || start + i >= pointStart[edge + 1]) {
            throw new IndexOutOfBoundsException("Expect a point index in 0.." + (pointCount(edge) - 1) + ", got " + i);
        }
        return start + i;
    }
}
