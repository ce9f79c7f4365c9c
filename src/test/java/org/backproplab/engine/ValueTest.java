package org.backproplab.engine;

import static org.backproplab.engine.Approx.assertAbs;
import static org.backproplab.engine.Approx.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Value engine against micrograd's reference numbers (float64, checked against PyTorch). */
class ValueTest {

    /** The lecture's L = (a*b + c) * f, with its labels. Returns [a, b, c, d, e, f, L]. */
    static Value[] lecture() {
        Value a = new Value(2.0, "a");
        Value b = new Value(-3.0, "b");
        Value c = new Value(10.0, "c");
        Value d = a.mul(b);
        d.label = "d";
        Value e = d.add(c);
        e.label = "e";
        Value f = new Value(-2.0, "f");
        Value l = e.mul(f);
        l.label = "L";
        return new Value[] {a, b, c, d, e, f, l};
    }

    @Test
    void lectureProgram() {
        Value[] v = lecture();
        v[6].backward();
        assertRel(-8.0, v[6].data, "L");
        double[] grads = {6, -4, -2, -2, -2, 4, 1};
        String[] names = {"a", "b", "c", "d", "e", "f", "L"};
        for (int i = 0; i < grads.length; i++) {
            assertRel(grads[i], v[i].grad, "grad " + names[i]);
        }
    }

    @Test
    void neuronWithTanh() {
        assertNeuron(Value::tanh);
    }

    @Test
    void neuronWithTanhWrittenThroughExp() {
        assertNeuron(n -> {
            Value e = n.mul(2).exp();
            return e.sub(1).div(e.add(1));
        });
    }

    /** The lecture's neuron o = activation(x1*w1 + x2*w2 + b), checked against micrograd's numbers. */
    private static void assertNeuron(java.util.function.UnaryOperator<Value> activation) {
        Value x1 = new Value(2.0, "x1");
        Value x2 = new Value(0.0, "x2");
        Value w1 = new Value(-3.0, "w1");
        Value w2 = new Value(1.0, "w2");
        Value b = new Value(6.8813735870195432, "b");
        Value o = activation.apply(x1.mul(w1).add(x2.mul(w2)).add(b));
        o.backward();
        assertAbs(0.7071067811865476, o.data, 1e-12, "o");
        assertAbs(-1.5, x1.grad, 1e-12, "grad x1");
        assertAbs(1.0, w1.grad, 1e-12, "grad w1");
        assertAbs(0.5, x2.grad, 1e-12, "grad x2");
        assertAbs(0.0, w2.grad, 1e-12, "grad w2");
        assertAbs(0.5, b.grad, 1e-12, "grad b");
    }

    @Test
    void reusedValuesAccumulateTheirGradients() {
        Value a = new Value(-2.0, "a");
        Value b = new Value(3.0, "b");
        Value f = a.mul(b).mul(a.add(b));
        f.backward();
        assertRel(-6.0, f.data, "f");
        assertRel(-3.0, a.grad, "grad a");
        assertRel(-8.0, b.grad, "grad b");
    }

    @Test
    void aPlusAHasChildrenAAndAAndGradTwo() {
        Value a = new Value(3.0, "a");
        Value b = a.add(a);
        b.backward();
        assertEquals(6.0, b.data);
        assertEquals(2.0, a.grad);
        assertEquals(2, b.arity());
        assertSame(a, b.child(0));
        assertSame(a, b.child(1));
        assertEquals(List.of(a, a), b.children());
        assertEquals(List.of(a, b), b.topologicalOrder(), "a appears once in the order");
    }

    @Test
    void microgradSanityCheck() {
        Value x = new Value(-4.0);
        Value z = x.mul(2).add(2).add(x); // Python's 2 * x + 2 + x
        Value q = z.relu().add(z.mul(x));
        Value h = z.mul(z).relu();
        Value y = h.add(q).add(q.mul(x));
        y.backward();
        assertRel(-20.0, y.data, "y");
        assertRel(46.0, x.grad, "grad x");
    }

    @Test
    void microgradMoreOps() {
        Value a = new Value(-4.0);
        Value b = new Value(2.0);
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3));
        Value c1 = c.add(c.add(1));
        Value c2 = c1.add(new Value(1).add(c1).add(a.neg()));
        Value d1 = d.add(d.mul(2).add(b.add(a).relu()));
        Value d2 = d1.add(new Value(3).mul(d1).add(b.sub(a).relu()));
        Value e = c2.sub(d2);
        Value f = e.pow(2);
        Value g = f.div(2.0);
        Value g1 = g.add(new Value(10.0).div(f));
        g1.backward();
        assertRel(24.70408163265306, g1.data, "g1");
        assertRel(138.83381924198252, a.grad, "grad a");
        assertRel(645.5772594752186, b.grad, "grad b");
    }

    // ---- each op's local derivative, right where micrograd defines it ----

    /** Applies op to a fresh leaf at x, runs backward, and checks the output's data and the leaf's grad. */
    private static void assertLocal(double x, java.util.function.UnaryOperator<Value> op, double data, double grad,
                                    Op kind) {
        Value leaf = new Value(x, "x");
        Value out = op.apply(leaf);
        assertEquals(kind, out.kind());
        assertSame(leaf, out.child(0));
        out.backward();
        assertRel(data, out.data, kind + " data at " + x);
        assertRel(grad, leaf.grad, kind + " grad at " + x);
        assertRel(grad, out.localDerivative(0), kind + " local derivative at " + x);
    }

    /**
     * The grad the engine gives for f at x, against a central difference of Java's own function (not the formula the
     * engine uses for the derivative), so a wrong formula would show here.
     */
    private static void assertMatchesCentralDifference(double x, java.util.function.UnaryOperator<Value> op,
                                                       java.util.function.DoubleUnaryOperator f) {
        Value leaf = new Value(x, "x");
        Value out = op.apply(leaf);
        out.backward();
        double h = 1e-5;
        double numeric = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        assertEquals(f.applyAsDouble(x), out.data, 0, "data at " + x);
        assertEquals(numeric, leaf.grad, 1e-8, "grad at " + x);
    }

    @Test
    void tanhGradMatchesCentralDifferences() {
        for (double x : new double[] {-3, -1.3, -0.2, 0, 0.7, 2.5}) {
            assertMatchesCentralDifference(x, Value::tanh, Math::tanh);
        }
        Value zero = new Value(0.0);
        zero.tanh().backward();
        assertEquals(1.0, zero.grad, "tanh'(0) = 1");
    }

    @Test
    void expHasGradOut() {
        assertLocal(1.5, Value::exp, Math.exp(1.5), Math.exp(1.5), Op.EXP);
        assertLocal(-2.0, Value::exp, Math.exp(-2.0), Math.exp(-2.0), Op.EXP);
    }

    @Test
    void logHasGradOneOverX() {
        assertLocal(4.0, Value::log, Math.log(4.0), 0.25, Op.LOG);
        assertLocal(0.5, Value::log, Math.log(0.5), 2.0, Op.LOG);
    }

    @Test
    void sigmoidGradMatchesCentralDifferences() {
        for (double x : new double[] {-4, -2.5, -0.1, 0, 0.3, 3}) {
            assertMatchesCentralDifference(x, Value::sigmoid, v -> 1 / (1 + Math.exp(-v)));
        }
        Value zero = new Value(0.0);
        zero.sigmoid().backward();
        assertEquals(0.25, zero.grad, "sigmoid'(0) = 1/4");
    }

    @Test
    void reluPassesTheGradOnlyWhereTheOutputIsPositive() {
        assertLocal(3.0, Value::relu, 3.0, 1.0, Op.RELU);
        Value negative = new Value(-3.0);
        Value r = negative.relu();
        r.backward();
        assertEquals(0.0, r.data);
        assertEquals(0.0, negative.grad);
        Value zero = new Value(0.0);
        Value r0 = zero.relu();
        r0.backward();
        assertEquals(0.0, r0.data);
        assertEquals(0.0, zero.grad, "micrograd's (out.data > 0) is false at the kink");
    }

    @Test
    void powHasGradKTimesXToTheKMinusOne() {
        assertLocal(2.0, x -> x.pow(3), 8.0, 12.0, Op.POW);
        assertLocal(4.0, x -> x.pow(-1), 0.25, -1.0 / 16, Op.POW);
        assertLocal(9.0, x -> x.pow(0.5), 3.0, 0.5 / 3.0, Op.POW);
        Value p = new Value(2.0).pow(3);
        assertEquals(3.0, p.exponent());
        assertEquals("**3", p.op());
        assertEquals("**-1", new Value(2.0).pow(-1).op());
        assertEquals("**0.5", new Value(2.0).pow(0.5).op());
    }

    @Test
    void addAndMulPassGradsToBothChildren() {
        Value a = new Value(3.0, "a");
        Value b = new Value(-5.0, "b");
        Value m = a.mul(b);
        assertEquals(-5.0, m.localDerivative(0));
        assertEquals(3.0, m.localDerivative(1));
        Value s = m.add(a);
        assertEquals(1.0, s.localDerivative(0));
        assertEquals(1.0, s.localDerivative(1));
        s.backward();
        assertEquals(-4.0, a.grad);
        assertEquals(3.0, b.grad);
        assertEquals(1.0, m.grad);
    }

    // ---- micrograd's structure: sub, neg and div are made of add, mul and pow ----

    @Test
    void negIsTimesMinusOne() {
        Value a = new Value(2.0, "a");
        Value n = a.neg();
        assertEquals(Op.MUL, n.kind());
        assertEquals("*", n.op());
        assertSame(a, n.child(0));
        assertTrue(n.child(1).isLeaf());
        assertEquals(-1.0, n.child(1).data);
        assertEquals(-2.0, n.data);
    }

    @Test
    void subIsPlusNegated() {
        Value a = new Value(5.0, "a");
        Value b = new Value(3.0, "b");
        Value s = a.sub(b);
        assertEquals(Op.ADD, s.kind());
        assertSame(a, s.child(0));
        Value negB = s.child(1);
        assertEquals(Op.MUL, negB.kind());
        assertSame(b, negB.child(0));
        assertEquals(-1.0, negB.child(1).data);
        assertEquals(2.0, s.data);
        s.backward();
        assertEquals(1.0, a.grad);
        assertEquals(-1.0, b.grad);
    }

    @Test
    void divIsTimesPowMinusOne() {
        Value a = new Value(3.0, "a");
        Value b = new Value(4.0, "b");
        Value q = a.div(b);
        assertEquals(Op.MUL, q.kind());
        assertSame(a, q.child(0));
        Value inv = q.child(1);
        assertEquals(Op.POW, inv.kind());
        assertEquals(-1.0, inv.exponent());
        assertSame(b, inv.child(0));
        assertEquals(0.75, q.data);
        q.backward();
        assertEquals(0.25, a.grad);
        assertEquals(-3.0 / 16, b.grad);
    }

    @Test
    void doubleOverloadsMakeUnlabelledConstantLeaves() {
        Value a = new Value(3.0, "a");
        Value m = a.mul(2);
        assertTrue(m.child(1).isLeaf());
        assertEquals(2.0, m.child(1).data);
        assertEquals("", m.child(1).label);
        assertEquals(6.0, m.data);
        assertEquals(5.0, a.add(2).data);
        assertEquals(1.0, a.sub(2).data);
        assertEquals(1.5, a.div(2).data);
    }

    @Test
    void leavesHaveNoChildren() {
        Value a = new Value(1.0, "a");
        assertTrue(a.isLeaf());
        assertEquals(0, a.arity());
        assertEquals("", a.op());
        assertThrows(IndexOutOfBoundsException.class, () -> a.child(0));
        Value t = a.tanh();
        assertEquals(1, t.arity());
        assertThrows(IndexOutOfBoundsException.class, () -> t.child(1));
    }

    // ---- backward, zeroGrad, topological order ----

    @Test
    void backwardTwiceWithoutZeroGradDoublesTheGradsOfTheOutputsChildren() {
        Value a = new Value(2.0, "a");
        Value b = new Value(-3.0, "b");
        Value l = a.mul(b);
        l.backward();
        assertEquals(-3.0, a.grad);
        assertEquals(2.0, b.grad);
        l.backward();
        assertEquals(-6.0, a.grad);
        assertEquals(4.0, b.grad);
        assertEquals(1.0, l.grad, "backward sets the output grad to 1, it does not accumulate it");
    }

    /**
     * Deeper down, micrograd does not simply double: the second pass pushes the already accumulated grad of an
     * inner node on to its children. These are micrograd's numbers for the lecture graph after two passes.
     */
    @Test
    void backwardTwiceOnTheLectureGraphAccumulatesAsMicrogradDoes() {
        Value[] v = lecture();
        v[6].backward();
        v[6].backward();
        double[] grads = {24, -16, -6, -6, -4, 8, 1};
        String[] names = {"a", "b", "c", "d", "e", "f", "L"};
        for (int i = 0; i < grads.length; i++) {
            assertRel(grads[i], v[i].grad, "grad " + names[i] + " after two passes");
        }
    }

    @Test
    void zeroGradResetsEveryGradAndBackwardThenRepeatsTheFirstPass() {
        Value[] v = lecture();
        v[6].backward();
        v[6].backward();
        v[6].zeroGrad();
        for (Value x : v) {
            assertEquals(0.0, x.grad, x.label);
        }
        v[6].backward();
        assertEquals(6.0, v[0].grad);
        assertEquals(-4.0, v[1].grad);
        assertEquals(4.0, v[5].grad);
    }

    @Test
    void topologicalOrderPutsChildrenBeforeParentsAndEachNodeOnce() {
        Value[] v = lecture();
        List<Value> order = v[6].topologicalOrder();
        assertEquals(7, order.size());
        assertSame(v[6], order.get(order.size() - 1));
        assertChildrenFirst(order);
        // micrograd's build_topo: depth first, children in operand order, each Value after its children
        assertEquals(List.of(v[0], v[1], v[3], v[2], v[4], v[5], v[6]), order);
        assertEquals(order, v[6].topologicalOrder(), "a second sort gives the same order");
    }

    @Test
    void topologicalOrderOfAGraphWithSharedNodes() {
        Value x = new Value(1.5, "x");
        Value y = x.mul(x).add(x.tanh()).mul(x.add(x.exp()));
        Value z = y.add(y.mul(x)).sub(x);
        List<Value> order = z.topologicalOrder();
        assertChildrenFirst(order);
        assertSame(z, order.get(order.size() - 1));
        assertSame(x, order.get(0), "the only leaf reached first is x");
        // Every node reachable from z is in the order: count them by a separate walk.
        Map<Value, Boolean> reachable = new IdentityHashMap<>();
        java.util.ArrayDeque<Value> todo = new java.util.ArrayDeque<>(List.of(z));
        while (!todo.isEmpty()) {
            Value v = todo.pop();
            if (reachable.put(v, true) == null) {
                todo.addAll(v.children());
            }
        }
        assertEquals(reachable.size(), order.size());
        // Asking twice gives the same order (the visit marks of the first walk don't leak into the second).
        assertEquals(order, z.topologicalOrder());
    }

    static void assertChildrenFirst(List<Value> order) {
        Map<Value, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            assertEquals(null, position.put(order.get(i), i), "node " + order.get(i) + " appears twice");
        }
        for (int i = 0; i < order.size(); i++) {
            for (Value c : order.get(i).children()) {
                Integer at = position.get(c);
                assertTrue(at != null && at < i, "child " + c + " of " + order.get(i) + " comes before it");
            }
        }
    }

    @Test
    void recomputeRerunsTheForwardPassAfterALeafChanges() {
        Value[] v = lecture();
        List<Value> order = v[6].topologicalOrder();
        v[0].data = 3.0;
        Value.recompute(order);
        assertEquals(-9.0, v[3].data);
        assertEquals(1.0, v[4].data);
        assertEquals(-2.0, v[6].data);
        assertEquals(-3.0, v[3].localDerivative(0), "local derivatives are recomputed too");
    }
}
