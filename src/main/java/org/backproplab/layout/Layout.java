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
 * draws the trunk once and, of each edge, only its own part ({@link #ownPartStart}).
 *
 * <p>In a big graph whose trunks would need more dummies than their budget, the longest trunks run along lanes
 * above the drawing instead ({@link #onLane}): such an edge has 6 points, its source's side, the turn up in the gap
 * after its source's column, its lane, the turn down in the gap before its target's column, the target's side.
 */
public final class Layout {
    /**
     * The trunks: node v's is points {@code start[v]..start[v+1]-1} of x and y; shared[v] when it carries two or
     * more edges; laneY[v] the y of its lane (NaN when it runs through the columns); gapX[r] the middle of the
     * gap before column r.
     */
    record Trunks(int[] start, double[] x, double[] y, boolean[] shared, double[] laneY, double[] gapX) {
    }

    private final double[] x;
    private final double[] y;
    private final int[] rank;
    private final int rankCount;
    private final int[] from;
    private final int[] to;
    private final Trunks trunks;
    private final double[] endX;    // where edge e meets its target, at y(to)
    private final double width;
    private final double height;
    private final int crossings;
    private final int inputOrderCrossings;

    Layout(double[] x, double[] y, int[] rank, int rankCount, int[] from, int[] to, Trunks trunks, double[] endX,
           double width, double height, int crossings, int inputOrderCrossings) {
        this.x = x;
        this.y = y;
        this.rank = rank;
        this.rankCount = rankCount;
        this.from = from;
        this.to = to;
        this.trunks = trunks;
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

    /** How many points the edge's polyline has: 2, plus 2 for each rank it skips; 6 on a lane. */
    public int pointCount(int edge) {
        return onLane(edge) ? 6 : 2 * (rank[to[edge]] - rank[from[edge]]);
    }

    public double pointX(int edge, int i) {
        int count = checkPoint(edge, i);
        if (i == count - 1) {
            return endX[edge];
        }
        return onLane(edge) && i >= 3 ? trunks.gapX()[rank[to[edge]]] : trunks.x()[trunks.start()[from[edge]] + i];
    }

    public double pointY(int edge, int i) {
        int count = checkPoint(edge, i);
        if (i == count - 1 || onLane(edge) && i == 4) {
            return y[to[edge]];
        }
        return onLane(edge) && i == 3 ? trunks.laneY()[from[edge]] : trunks.y()[trunks.start()[from[edge]] + i];
    }

    /**
     * The edge shares the start of its way with other edges of its source (it skips a rank, and so does another
     * edge of that node): a drawing draws the source's trunk once, and of this edge only its own part, from point
     * {@link #ownPartStart} on.
     */
    public boolean bundled(int edge) {
        return trunks.shared()[from[edge]] && rank[to[edge]] - rank[from[edge]] > 1;
    }

    /**
     * Where the edge's own part begins: 0 unless it is {@link #bundled}; then its last segment, from the column
     * before its target, or on a lane its turn down and in (points 3 to 5).
     */
    public int ownPartStart(int edge) {
        return !bundled(edge) ? 0 : onLane(edge) ? 3 : pointCount(edge) - 2;
    }

    /** The edge skips a rank and runs along its source's lane above the drawing, not through the columns. */
    public boolean onLane(int edge) {
        return !Double.isNaN(trunks.laneY()[from[edge]]) && rank[to[edge]] - rank[from[edge]] > 1;
    }

    /** The node's long edges (two or more) leave along one trunk, drawn once: see {@link #bundled}. */
    public boolean hasSharedTrunk(int node) {
        return trunks.shared()[node];
    }

    /** The node's trunk runs along a lane above the drawing (see {@link #onLane}). */
    public boolean trunkOnLane(int node) {
        return !Double.isNaN(trunks.laneY()[node]);
    }

    /**
     * How many points the node's trunk has: 1 (its right side), plus 2 for each rank its farthest edge skips; or 4
     * on a lane (its side, the turn up, the lane's start and end).
     */
    public int trunkPointCount(int node) {
        return trunks.start()[node + 1] - trunks.start()[node];
    }

    public double trunkX(int node, int i) {
        return trunks.x()[trunkPoint(node, i)];
    }

    public double trunkY(int node, int i) {
        return trunks.y()[trunkPoint(node, i)];
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

    /** The edge's point count, after checking that it has a point i. */
    private int checkPoint(int edge, int i) {
        int count = pointCount(edge);
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("Expect a point index in 0.." + (count - 1) + ", got " + i);
        }
        return count;
    }

    private int trunkPoint(int node, int i) {
        if (i < 0 || i >= trunkPointCount(node)) {
            throw new IndexOutOfBoundsException("Expect a point index in 0.." + (trunkPointCount(node) - 1)
                    + ", got " + i);
        }
        return trunks.start()[node] + i;
    }
}
