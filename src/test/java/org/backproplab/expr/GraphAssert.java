package org.backproplab.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.backproplab.engine.Value;

/** Asserts that two evaluations built the same graph: the same ops, data, labels, children, output and grads. */
final class GraphAssert {
    private GraphAssert() {
    }

    static void assertSameGraph(Evaluation expected, Evaluation actual, String what) {
        assertEquals(expected.outputName(), actual.outputName(), () -> what + ": output name");
        assertEquals(List.copyOf(expected.named().keySet()), List.copyOf(actual.named().keySet()),
                () -> what + ": names");
        assertEquals(expected.leaves().size(), actual.leaves().size(), () -> what + ": leaves");
        List<Value> e = expected.output().topologicalOrder();
        List<Value> a = actual.output().topologicalOrder();
        assertEquals(e.size(), a.size(), () -> what + ": node count");
        Map<Value, Integer> ePos = positions(e);
        Map<Value, Integer> aPos = positions(a);
        for (int i = 0; i < e.size(); i++) {
            Value x = e.get(i);
            Value y = a.get(i);
            int n = i;
            Supplier<String> at = () -> what + ": node " + n + " " + x; // built on failure only: what is long
            assertEquals(x.kind(), y.kind(), at);
            assertEquals(x.op(), y.op(), at);
            assertEquals(x.label, y.label, at);
            assertSameDouble(x.data, y.data, at);
            assertSameDouble(x.grad, y.grad, at);
            assertEquals(x.arity(), y.arity(), at);
            for (int c = 0; c < x.arity(); c++) {
                assertEquals(ePos.get(x.child(c)), aPos.get(y.child(c)), at);
            }
        }
        for (int i = 0; i < expected.leaves().size(); i++) {
            int n = i;
            assertEquals(ePos.get(expected.leaves().get(i)), aPos.get(actual.leaves().get(i)),
                    () -> what + ": leaf " + n);
        }
    }

    private static Map<Value, Integer> positions(List<Value> order) {
        Map<Value, Integer> pos = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            pos.put(order.get(i), i);
        }
        return pos;
    }

    static void assertSameDouble(double x, double y, Supplier<String> what) {
        if (Double.doubleToLongBits(x) != Double.doubleToLongBits(y)) {
            assertEquals(x, y, () -> what.get() + ": " + x + " vs " + y);
            assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(y), what); // 0.0 vs -0.0
        }
    }
}
