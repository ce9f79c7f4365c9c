package org.backproplab.layout;

import java.util.Arrays;

/**
 * The input of {@link LayeredLayout}: a directed acyclic graph whose nodes are int indices 0..n-1, each with a width
 * and a height, and whose edges are (from, to) pairs kept in the order they were added (operand order).
 *
 * <p>Parallel edges are allowed: {@code a + a} is two edges from a to the same op. Self-loops are refused here and
 * longer cycles are refused by the layout, because a cycle has no left-to-right drawing.
 */
public final class Dag {
    private double[] widths;
    private double[] heights;
    private int nodeCount;

    private int[] froms;
    private int[] tos;
    private int edgeCount;

    public Dag() {
        this(16, 16);
    }

    /** Room for this many nodes and edges before the arrays grow; a hint only. */
    public Dag(int expectedNodes, int expectedEdges) {
        widths = new double[Math.max(1, expectedNodes)];
        heights = new double[Math.max(1, expectedNodes)];
        froms = new int[Math.max(1, expectedEdges)];
        tos = new int[Math.max(1, expectedEdges)];
    }

    /** Adds a node of this size and returns its index (0, 1, 2, ... in the order of the calls). */
    public int addNode(double width, double height) {
        if (!(width >= 0 && height >= 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw new IllegalArgumentException("Expect a finite width and height >= 0, got " + width + " x " + height);
        }
        if (nodeCount == widths.length) {
            widths = Arrays.copyOf(widths, nodeCount * 2);
            heights = Arrays.copyOf(heights, nodeCount * 2);
        }
        widths[nodeCount] = width;
        heights[nodeCount] = height;
        return nodeCount++;
    }

    /** Adds the edge from -> to and returns its index (0, 1, 2, ... in the order of the calls). */
    public int addEdge(int from, int to) {
        checkNode(from);
        checkNode(to);
        if (from == to) {
            throw new IllegalArgumentException("Expect an edge between two different nodes, got a loop on " + from);
        }
        if (edgeCount == froms.length) {
            froms = Arrays.copyOf(froms, edgeCount * 2);
            tos = Arrays.copyOf(tos, edgeCount * 2);
        }
        froms[edgeCount] = from;
        tos[edgeCount] = to;
        return edgeCount++;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int edgeCount() {
        return edgeCount;
    }

    public double width(int node) {
        checkNode(node);
        return widths[node];
    }

    public double height(int node) {
        checkNode(node);
        return heights[node];
    }

    public int from(int edge) {
        checkEdge(edge);
        return froms[edge];
    }

    public int to(int edge) {
        checkEdge(edge);
        return tos[edge];
    }

    private void checkNode(int node) {
        if (node < 0 || node >= nodeCount) {
            throw new IndexOutOfBoundsException("Expect a node index in 0.." + (nodeCount - 1) + ", got " + node);
        }
    }

    private void checkEdge(int edge) {
        if (edge < 0 || edge >= edgeCount) {
            throw new IndexOutOfBoundsException("Expect an edge index in 0.." + (edgeCount - 1) + ", got " + edge);
        }
    }
}
