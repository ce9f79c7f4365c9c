package org.backproplab.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout's promises: no overlaps, ranks that go forward, fewer crossings, determinism, sane polylines. */
final class LayeredLayoutTest {
    private static final double EPS = 1e-9;

    /** Named graphs and seeded random DAGs of several shapes: local and far-reaching edges, isolated nodes. */
    private static List<Dag> graphs() {
        List<Dag> graphs = new ArrayList<>();
        graphs.add(Graphs.lecture());
        graphs.add(Graphs.tanhNeuron());
        graphs.add(Graphs.mlp221());
        graphs.add(Graphs.doubled());
        graphs.add(Graphs.reversed());
        graphs.add(Graphs.chain(50));
        graphs.add(LayoutBench.reuse(12));
        graphs.add(Graphs.usedAgainAtTheEnd(120)); // past the dummies' budget: long trunks on lanes
        for (int seed = 1; seed <= 4; seed++) {
            graphs.add(RandomDag.generate(120, 2, 10, seed));
            graphs.add(RandomDag.generate(120, 3, 120, seed));
            graphs.add(RandomDag.generate(80, 1, 5, seed)); // sparse: many isolated nodes
        }
        return graphs;
    }

    @Test
    void noTwoNodeBoxesOverlap() {
        for (Dag dag : graphs()) {
            assertNoOverlaps(dag, LayeredLayout.layout(dag));
        }
    }

    @Test
    void noTwoNodeBoxesOverlapInA2000NodeGraph() {
        Dag dag = RandomDag.generate(2000, 2, 40, 7);
        assertNoOverlaps(dag, LayeredLayout.layout(dag));
    }

    @Test
    void noTwoNodeBoxesOverlapWithOtherSpacing() {
        Spacing tight = new Spacing(0, 0.5, 0.25, 0);
        for (Dag dag : graphs()) {
            assertNoOverlaps(dag, LayeredLayout.layout(dag, tight));
        }
    }

    private static void assertNoOverlaps(Dag dag, Layout layout) {
        int n = dag.nodeCount();
        for (int v = 0; v < n; v++) {
            assertTrue(layout.x(v) - dag.width(v) / 2 >= -EPS && layout.x(v) + dag.width(v) / 2 <= layout.width() + EPS
                            && layout.y(v) - dag.height(v) / 2 >= -EPS
                            && layout.y(v) + dag.height(v) / 2 <= layout.height() + EPS,
                    "node " + v + " lies outside the drawing");
            for (int u = 0; u < v; u++) {
                double dx = Math.abs(layout.x(u) - layout.x(v)) - (dag.width(u) + dag.width(v)) / 2;
                double dy = Math.abs(layout.y(u) - layout.y(v)) - (dag.height(u) + dag.height(v)) / 2;
                if (dx < -EPS && dy < -EPS) {
                    fail("nodes " + u + " and " + v + " overlap");
                }
            }
        }
    }

    @Test
    void eachNodeSitsJustBeforeItsFirstUseAndSinksAtTheirLongestPath() {
        for (Dag dag : graphs()) {
            Layout layout = LayeredLayout.layout(dag);
            int[] longest = new int[dag.nodeCount()];
            int[] firstUse = new int[dag.nodeCount()];
            java.util.Arrays.fill(firstUse, Integer.MAX_VALUE);
            // The generators and builders add edges in a topological order of their targets, so one pass in edge
            // order would not do; repeat until nothing changes (Bellman-Ford style, fine for small graphs).
            for (boolean changed = true; changed; ) {
                changed = false;
                for (int e = 0; e < dag.edgeCount(); e++) {
                    int want = longest[dag.from(e)] + 1;
                    if (longest[dag.to(e)] < want) {
                        longest[dag.to(e)] = want;
                        changed = true;
                    }
                }
            }
            for (int e = 0; e < dag.edgeCount(); e++) {
                firstUse[dag.from(e)] = Math.min(firstUse[dag.from(e)], layout.rank(dag.to(e)));
            }
            for (int v = 0; v < dag.nodeCount(); v++) {
                if (firstUse[v] == Integer.MAX_VALUE) {
                    assertEquals(longest[v], layout.rank(v), "a sink's rank is its longest path, node " + v);
                } else {
                    assertEquals(firstUse[v] - 1, layout.rank(v), "node " + v + " sits just before its first use");
                }
            }
        }
    }

    @Test
    void theLecturesLeafFSitsBesideItsOpNotInTheFirstColumn() {
        Dag dag = Graphs.lecture();
        Layout layout = LayeredLayout.layout(dag);
        assertEquals(layout.rank(8) - 1, layout.rank(7), "f (node 7) is one rank before the op it feeds (node 8)");
        assertTrue(layout.rank(7) > 0);
    }

    @Test
    void everyEdgeGoesFromALowerToAHigherRankAndColumn() {
        for (Dag dag : graphs()) {
            Layout layout = LayeredLayout.layout(dag);
            for (int e = 0; e < dag.edgeCount(); e++) {
                int from = dag.from(e);
                int to = dag.to(e);
                assertTrue(layout.rank(from) < layout.rank(to), "edge " + e + " goes back or sideways");
                assertTrue(layout.x(from) + dag.width(from) / 2 < layout.x(to) - dag.width(to) / 2,
                        "edge " + e + ": the target does not start right of the source");
            }
        }
    }

    @Test
    void theLectureGraphHasNoCrossingsAndKeepsOperandOrder() {
        Dag dag = Graphs.lecture();
        Layout layout = LayeredLayout.layout(dag);
        assertEquals(0, Crossings.count(layout));
        assertTrue(layout.y(0) < layout.y(1), "a above b, as in a * b");
        assertEquals(7, layout.rankCount(), "leaves, *, e, +, d, *, L");
    }

    @Test
    void opsSitBetweenTheirOperandsAndResultsBesideTheirOps() {
        Dag dag = Graphs.lecture(); // a, b, (*), e, c, (+), d, f, (*), L
        Layout layout = LayeredLayout.layout(dag);
        assertEquals((layout.y(0) + layout.y(1)) / 2, layout.y(2), EPS, "* between a and b");
        assertEquals(layout.y(2), layout.y(3), EPS, "e beside its *");
        assertEquals(layout.y(8), layout.y(9), EPS, "L beside its *");
    }

    @Test
    void aLoneSuccessorLinesUpWithItsPredecessor() {
        Dag dag = new Dag();
        for (int i = 0; i < 4; i++) {
            dag.addNode(60, 20);
        }
        dag.addEdge(2, 3); // stacked from the top, 3 would start level with 0
        Layout layout = LayeredLayout.layout(dag);
        assertEquals(layout.y(2), layout.y(3), EPS);
    }

    @Test
    void sweepsNeverDoWorseThanTheInputOrder() {
        for (Dag dag : graphs()) {
            int input = Crossings.count(LayeredLayout.layout(dag, Spacing.DEFAULT, 0));
            Layout swept = LayeredLayout.layout(dag);
            assertTrue(Crossings.count(swept) <= input, "more crossings than the input order");
            assertEquals(input, swept.inputOrderCrossings());
        }
    }

    @Test
    void sweepsRemoveCrossingsThatObviouslyCanGo() {
        Dag reversed = Graphs.reversed();
        assertEquals(3, Crossings.count(LayeredLayout.layout(reversed, Spacing.DEFAULT, 0)));
        assertEquals(0, Crossings.count(LayeredLayout.layout(reversed)));

        // The long edges of the written-out MLP start below all the leaves (dummies come last in the input order),
        // so they cross; the sweeps move them next to where they go.
        Dag mlp = Graphs.mlp221();
        int mlpInput = Crossings.count(LayeredLayout.layout(mlp, Spacing.DEFAULT, 0));
        assertTrue(Crossings.count(LayeredLayout.layout(mlp)) < mlpInput, "MLP: " + mlpInput + " crossings kept");

        Dag neuron = Graphs.tanhNeuron();
        assertTrue(Crossings.count(LayeredLayout.layout(neuron, Spacing.DEFAULT, 0)) > 0);
        assertEquals(0, Crossings.count(LayeredLayout.layout(neuron)));

        Dag random = RandomDag.generate(300, 2, 20, 3);
        int randomInput = Crossings.count(LayeredLayout.layout(random, Spacing.DEFAULT, 0));
        assertTrue(Crossings.count(LayeredLayout.layout(random)) < randomInput / 2,
                "a random DAG should lose most of its " + randomInput + " crossings");
    }

    @Test
    void theCrossingsTheLayoutReportsAreTheOnesItDraws() {
        for (Dag dag : graphs()) {
            Layout layout = LayeredLayout.layout(dag);
            assertEquals(Crossings.count(layout), layout.crossings());
        }
    }

    @Test
    void theSameInputGivesTheSameLayout() {
        Layout first = LayeredLayout.layout(RandomDag.generate(400, 3, 60, 11));
        Layout second = LayeredLayout.layout(RandomDag.generate(400, 3, 60, 11));
        assertArrayEquals(coordinates(first), coordinates(second));
        assertEquals(first.width(), second.width());
        assertEquals(first.height(), second.height());
    }

    /** Every number of a layout, in one array. */
    private static double[] coordinates(Layout layout) {
        List<Double> all = new ArrayList<>();
        for (int v = 0; v < layout.nodeCount(); v++) {
            all.add(layout.x(v));
            all.add(layout.y(v));
        }
        for (int e = 0; e < layout.edgeCount(); e++) {
            for (int i = 0; i < layout.pointCount(e); i++) {
                all.add(layout.pointX(e, i));
                all.add(layout.pointY(e, i));
            }
        }
        double[] array = new double[all.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = all.get(i);
        }
        return array;
    }

    @Test
    void rankSkippingEdgesGetDummyPointsInEachSkippedColumn() {
        // A chain 0 -> 1 -> ... -> 5 plus a shortcut 0 -> 5: node 0 stays in rank 0 (it is used in rank 1), so the
        // shortcut skips ranks 1 to 4.
        Dag dag = new Dag();
        for (int i = 0; i <= 5; i++) {
            dag.addNode(60, 30);
        }
        for (int i = 0; i < 5; i++) {
            dag.addEdge(i, i + 1);
        }
        dag.addEdge(0, 5);
        Layout layout = LayeredLayout.layout(dag);
        int edge = findEdge(dag, 0, 5);
        assertEquals(0, layout.rank(0));
        assertEquals(5, layout.rank(5));
        assertEquals(2 + 2 * 4, layout.pointCount(edge));
        for (int skipped = 1; skipped <= 4; skipped++) {
            double enter = layout.pointX(edge, 2 * skipped - 1);
            double leave = layout.pointX(edge, 2 * skipped);
            assertTrue(enter < leave, "the edge runs across column " + skipped);
            assertEquals(layout.pointY(edge, 2 * skipped - 1), layout.pointY(edge, 2 * skipped), "horizontally");
            int nodeInColumn = nodeOfRank(layout, skipped);
            assertTrue(enter <= layout.x(nodeInColumn) && layout.x(nodeInColumn) <= leave,
                    "the run spans column " + skipped);
        }
    }

    @Test
    void edgePolylinesRunLeftToRightFromSideToSideAndMissTheBoxes() {
        for (Dag dag : graphs()) {
            Layout layout = LayeredLayout.layout(dag);
            for (int e = 0; e < dag.edgeCount(); e++) {
                int from = dag.from(e);
                int to = dag.to(e);
                int last = layout.pointCount(e) - 1;
                assertEquals(layout.onLane(e) ? 6 : 2 + 2 * (layout.rank(to) - layout.rank(from) - 1),
                        layout.pointCount(e));
                assertEquals(layout.x(from) + dag.width(from) / 2, layout.pointX(e, 0), EPS);
                assertEquals(layout.y(from), layout.pointY(e, 0), EPS);
                assertEquals(layout.x(to) - dag.width(to) / 2, layout.pointX(e, last), EPS);
                assertEquals(layout.y(to), layout.pointY(e, last), EPS);
                for (int i = 1; i <= last; i++) {
                    assertTrue(layout.pointX(e, i - 1) <= layout.pointX(e, i), "edge " + e + " goes left");
                }
                // A run across a skipped column must not pass through a box of that column.
                for (int i = 1; i < last; i += 2) {
                    assertRunMissesBoxes(dag, layout, layout.pointX(e, i), layout.pointX(e, i + 1),
                            layout.pointY(e, i));
                }
            }
        }
    }

    private static void assertRunMissesBoxes(Dag dag, Layout layout, double x0, double x1, double y) {
        for (int v = 0; v < dag.nodeCount(); v++) {
            boolean acrossX = layout.x(v) - dag.width(v) / 2 < x1 && layout.x(v) + dag.width(v) / 2 > x0;
            boolean acrossY = Math.abs(layout.y(v) - y) <= dag.height(v) / 2;
            assertTrue(!(acrossX && acrossY), "a long edge runs through node " + v);
        }
    }

    @Test
    void parallelEdgesAreDrawnTwiceAndDoNotCross() {
        Dag dag = Graphs.doubled();
        Layout layout = LayeredLayout.layout(dag);
        assertEquals(3, layout.edgeCount(), "a -> +, a -> +, + -> result");
        assertEquals(0, layout.from(1));
        assertEquals(layout.to(0), layout.to(1));
        for (int i = 0; i < 2; i++) {
            assertEquals(layout.pointX(0, i), layout.pointX(1, i));
            assertEquals(layout.pointY(0, i), layout.pointY(1, i));
        }
        assertEquals(0, Crossings.count(layout));
    }

    @Test
    void anEmptyGraphIsJustItsMargins() {
        Layout layout = LayeredLayout.layout(new Dag());
        assertEquals(0, layout.rankCount());
        assertEquals(2 * Spacing.DEFAULT.margin(), layout.width());
        assertEquals(2 * Spacing.DEFAULT.margin(), layout.height());
    }

    @Test
    void aSingleNodeSitsInsideTheMargin() {
        Dag dag = new Dag();
        dag.addNode(100, 40);
        Layout layout = LayeredLayout.layout(dag, new Spacing(40, 14, 8, 5));
        assertEquals(55, layout.x(0));
        assertEquals(25, layout.y(0));
        assertEquals(110, layout.width());
        assertEquals(50, layout.height());
    }

    @Test
    void isolatedNodesStackInOneColumnInIndexOrder() {
        Dag dag = new Dag();
        for (int i = 0; i < 5; i++) {
            dag.addNode(50 + 10 * i, 20);
        }
        Layout layout = LayeredLayout.layout(dag);
        for (int v = 1; v < 5; v++) {
            assertEquals(0, layout.rank(v));
            assertEquals(layout.x(0), layout.x(v), "one column, centred");
            assertEquals(layout.y(v - 1) + 20 + Spacing.DEFAULT.nodeGap(), layout.y(v), EPS);
        }
    }

    @Test
    void aChain10000LongIsOneStraightRow() {
        Dag dag = Graphs.chain(10_000);
        Layout layout = LayeredLayout.layout(dag);
        assertEquals(10_000, layout.rankCount());
        for (int v = 1; v < 10_000; v++) {
            assertEquals(layout.y(0), layout.y(v), "node " + v);
            assertEquals(layout.x(v - 1) + Graphs.BOX_WIDTH + Spacing.DEFAULT.rankGap(), layout.x(v), 1e-6);
        }
    }

    @Test
    void theLongEdgesOfANodeShareOneTrunkAndLeaveItBeforeTheirTargets() {
        Dag dag = LayoutBench.reuse(6); // a feeds ops at ranks 1, 3, 5, 7, 9
        Layout layout = LayeredLayout.layout(dag);
        assertTrue(layout.hasSharedTrunk(0));
        assertEquals(1 + 2 * 8, layout.trunkPointCount(0), "from a's side across ranks 1 to 8");
        int drawnWhole = 0;
        for (int e = 0; e < dag.edgeCount(); e++) {
            if (dag.from(e) != 0) {
                assertTrue(!layout.bundled(e), "only a's edges share a trunk");
                continue;
            }
            if (!layout.bundled(e)) {
                drawnWhole++; // a + a: the two edges into the first op, which skip nothing
                continue;
            }
            for (int i = 0; i < layout.pointCount(e) - 1; i++) {
                assertEquals(layout.trunkX(0, i), layout.pointX(e, i), "edge " + e + " follows the trunk");
                assertEquals(layout.trunkY(0, i), layout.pointY(e, i));
            }
        }
        assertEquals(2, drawnWhole);
        assertTrue(!LayeredLayout.layout(Graphs.lecture()).hasSharedTrunk(0), "one long edge is drawn whole");
    }

    /**
     * With a dummy per edge per skipped rank, 30,000 terms needed about 900 million dummies: the layout ran out of
     * memory (5,000 terms took minutes). With one trunk, it holds 2 points per rank.
     */
    @Test
    void aLeafUsedThirtyThousandTimesIsLaidOutWithPointsLinearInTheGraph() {
        Dag dag = LayoutBench.reuse(30_000);
        Layout layout = LayeredLayout.layout(dag, Spacing.DEFAULT, 4);
        int stored = 0;
        for (int v = 0; v < layout.nodeCount(); v++) {
            stored += layout.trunkPointCount(v);
        }
        assertTrue(stored <= 3 * (dag.nodeCount() + dag.edgeCount()), stored + " points stored");
        int last = dag.edgeCount() - 2; // a's edge into the last op
        assertEquals(0, dag.from(last));
        assertEquals(2 * (layout.rankCount() - 2), layout.pointCount(last));
        assertEquals(layout.x(dag.to(last)) - dag.width(dag.to(last)) / 2,
                layout.pointX(last, layout.pointCount(last) - 1), EPS);
        assertEquals(0, layout.crossings());
    }

    /**
     * 120 Values each used at once and again farther on needed about 28,000 dummies, 60 per node; past the
     * budget, the longest trunks run along lanes above the drawing, which turn in the gaps between columns.
     */
    @Test
    void pastTheBudgetTheLongestTrunksRunAlongLanesAboveTheBoxes() {
        Dag dag = Graphs.usedAgainAtTheEnd(120);
        Layout layout = LayeredLayout.layout(dag);
        int dummies = 0;
        int laneEdges = 0;
        double top = Double.MAX_VALUE;
        for (int v = 0; v < dag.nodeCount(); v++) {
            top = Math.min(top, layout.y(v) - dag.height(v) / 2);
            dummies += layout.trunkOnLane(v) ? 0 : (layout.trunkPointCount(v) - 1) / 2;
        }
        assertTrue(dummies <= Lanes.DUMMIES_PER_ITEM * (dag.nodeCount() + dag.edgeCount()) + Lanes.FREE_DUMMIES,
                dummies + " dummies");
        for (int e = 0; e < dag.edgeCount(); e++) {
            if (!layout.onLane(e)) {
                continue;
            }
            laneEdges++;
            assertTrue(layout.pointY(e, 2) < top && layout.pointY(e, 3) == layout.pointY(e, 2), "a lane above");
            assertEquals(layout.pointX(e, 1), layout.pointX(e, 2), "turns up in one gap");
            assertEquals(layout.pointX(e, 3), layout.pointX(e, 4), "turns down in one gap");
            assertEquals(layout.pointY(e, 4), layout.y(dag.to(e)), EPS);
            for (int i : new int[] {1, 3}) {
                assertTurnMissesBoxes(dag, layout, layout.pointX(e, i));
            }
        }
        assertTrue(laneEdges > 50, laneEdges + " edges on lanes");
        assertTrue(!LayeredLayout.layout(Graphs.usedAgainAtTheEnd(20)).onLane(dag.edgeCount() / 10),
                "a small graph has no lanes");
    }

    private static void assertTurnMissesBoxes(Dag dag, Layout layout, double x) {
        for (int v = 0; v < dag.nodeCount(); v++) {
            assertTrue(Math.abs(layout.x(v) - x) > dag.width(v) / 2, "a turn at x = " + x + " runs through " + v);
        }
    }

    @Test
    void aCycleIsRefused() {
        Dag dag = new Dag();
        for (int i = 0; i < 3; i++) {
            dag.addNode(10, 10);
        }
        dag.addEdge(0, 1);
        dag.addEdge(1, 2);
        dag.addEdge(2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayeredLayout.layout(dag));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dag.addEdge(2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> dag.addEdge(0, 3));
        assertThrows(IllegalArgumentException.class, () -> dag.addNode(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new Spacing(10, 0, 5, 0));
    }

    private static int findEdge(Dag dag, int from, int to) {
        for (int e = 0; e < dag.edgeCount(); e++) {
            if (dag.from(e) == from && dag.to(e) == to) {
                return e;
            }
        }
        throw new AssertionError("no edge " + from + " -> " + to);
    }

    private static int nodeOfRank(Layout layout, int rank) {
        for (int v = 0; v < layout.nodeCount(); v++) {
            if (layout.rank(v) == rank) {
                return v;
            }
        }
        throw new AssertionError("no node in rank " + rank);
    }
}
