package org.backproplab.engine;

import static org.backproplab.engine.Approx.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A chain a million nodes deep: backward and the graph walks must not recurse. Each test runs on a fresh thread
 * with the JVM's default stack size, where a recursive walk overflows after some ten thousand frames.
 */
class DeepChainTest {
    private static final int DEPTH = 1_000_000;

    private static void onDefaultStack(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "default-stack");
        t.start();
        t.join();
        if (failure.get() instanceof AssertionError e) {
            throw e;
        }
        assertNull(failure.get(), () -> "threw " + failure.get());
    }

    @Test
    void addChainOfAMillionNodes() throws InterruptedException {
        onDefaultStack(() -> {
            Value x0 = new Value(0.5, "x0");
            Value x = x0;
            for (int i = 0; i < DEPTH; i++) {
                x = x.add(1);
            }
            x.backward();
            assertEquals(2 * DEPTH + 1, x.topologicalOrder().size(), "every add node and its constant, and x0");
            assertEquals(DEPTH + 0.5, x.data);
            assertEquals(1.0, x0.grad);
            x.zeroGrad();
            assertEquals(0.0, x0.grad);
        });
    }

    @Test
    void mulChainOfAMillionNodes() throws InterruptedException {
        onDefaultStack(() -> {
            double k = 1.0000001;
            Value x0 = new Value(2.0, "x0");
            Value x = x0;
            for (int i = 0; i < DEPTH; i++) {
                x = x.mul(k);
            }
            x.backward();
            // k**1e6 = e**0.1 (about 1.105); a million roundings leave far more than 1e-9 relative to spare.
            assertRel(Math.pow(k, DEPTH), x0.grad, 1e-9, "grad x0");
            assertRel(2 * Math.pow(k, DEPTH), x.data, 1e-9, "x");
            List<Value> order = x.topologicalOrder();
            x0.data = 1.0;
            Value.recompute(order);
            assertRel(Math.pow(k, DEPTH), x.data, 1e-9, "x after recompute");
        });
    }

    @Test
    void gradCheckOnADeepChain() throws InterruptedException {
        onDefaultStack(() -> {
            Value x0 = new Value(0.3, "x0");
            Value x = x0;
            for (int i = 0; i < DEPTH; i++) {
                x = i % 2 == 0 ? x.mul(1.0000001) : x.add(0.000001);
            }
            Value out = x.tanh();
            GradCheck.Row[] rows = GradCheck.check(out, List.of(x0), 1e-5);
            assertEquals(1, rows.length);
            assertRel(rows[0].numeric(), rows[0].analytic(), 1e-6, "numeric vs analytic grad x0");
            assertEquals(0.3, x0.data, "the check leaves the leaf as it found it");
        });
    }
}
