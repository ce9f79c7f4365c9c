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
 *
 * <p>A node's long edges share their way across the columns: all but their last point lie on one polyline, the
 * node's <em>trunk</em>, which runs from the node to the column before its farthest use, and each edge leaves it in
 * the column before its target. So the points are stored once per trunk, not once per edge, and a node used 5,000
 * times costs 5,000 points, not 25 million. Where two or more edges share a trunk ({@link #bundled}), a drawing
 * draws the trunk once and only the last segment of each edge.
 */
public final class Layout {
    private final double[] x;
    private final double[] y;
    private final int[] rank;
    private final int rankCount;
    private final int[] from;
    private final int[] to;
    private final int[] trunkStart; // node v's trunk is points trunkStart[v] .. trunkStart[v+1]-1
    private final double[] trunkX;
    private final double[] trunkY;
    private final boolean[] shared; // v's trunk carries two or more edges
    private final double[] endX;    // where edge e meets its target, at y(to)
    private final double width;
    private final double height;
    private final int crossings;
    private final int inputOrderCrossings;

    Layout(double[] x, double[] y, int[] rank, int rankCount, int[] from, int[] to, int[] trunkStart,
           double[] trunkX, double[] trunkY, boolean[] shared, double[] endX, double width, double height,
           int crossings, int inputOrderCrossings) {
        this.x = x;
        this.y = y;
        this.rank = rank;
        this.rankCount = rankCount;
        this.from = from;
        this.to = to;
        this.trunkStart = trunkStart;
        this.trunkX = trunkX;
        this.trunkY = trunkY;
        this.shared = shared;
        this.endX = endX;
        this.width = width;
        this.height = height;
        this.crossings = crossings;
        this.inputOrderCrossings = inputOrderCrossings;
    }

    public int nodeCount() {
        return x.length;
    }

    public int edgeCount() {
        return from.length;
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
        return 2 * (rank[to[edge]] - rank[from[edge]]);
    }

    public double pointX(int edge, int i) {
        return isLast(edge, i) ? endX[edge] : trunkX[trunkStart[from[edge]] + i];
    }

    public double pointY(int edge, int i) {
        return isLast(edge, i) ? y[to[edge]] : trunkY[trunkStart[from[edge]] + i];
    }

    /**
     * The edge shares all but its last segment with other edges of its source (it skips a rank, and so does
     * another edge of that node): a drawing draws the source's trunk once, and of this edge only the segment from
     * point {@code pointCount - 2} to its target.
     */
    public boolean bundled(int edge) {
        return shared[from[edge]] && rank[to[edge]] - rank[from[edge]] > 1;
    }

    /** The node's long edges (two or more) leave along one trunk, drawn once: see {@link #bundled}. */
    public boolean hasSharedTrunk(int node) {
        return shared[node];
    }

    /** How many points the node's trunk has: 1 (its right side), plus 2 for each rank its farthest edge skips. */
    public int trunkPointCount(int node) {
        return trunkStart[node + 1] - trunkStart[node];
    }

    public double trunkX(int node, int i) {
        return trunkX[trunkPoint(node, i)];
    }

    public double trunkY(int node, int i) {
        return trunkY[trunkPoint(node, i)];
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

    /** Whether i is the edge's last point (on its target), after checking that the edge has a point i. */
    private boolean isLast(int edge, int i) {
        int count = pointCount(edge);
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("Expect a point index in 0.." + (count - 1) + ", got " + i);
        }
        return i == count - 1;
    }

    private int trunkPoint(int node, int i) {
        if (i < 0 || i >= trunkPointCount(node)) {
            throw new IndexOutOfBoundsException("Expect a point index in 0.." + (trunkPointCount(node) - 1)
                    + ", got " + i);
        }
        return trunkStart[node] + i;
    }
}
