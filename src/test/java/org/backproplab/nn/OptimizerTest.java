package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backproplab.engine.Choice;
import org.junit.jupiter.api.Test;

/** Each optimizer's update and the learning-rate schedule, against numbers worked out by hand. */
class OptimizerTest {

    @Test
    void sgdStepsAgainstTheGradient() {
        double[] data = {1, 2, 7};
        new Optimizer.Sgd(2).update(data, new double[] {0.5, -1, 100}, 0.1);
        assertArrayEquals(new double[] {0.95, 2.1, 7}, data, 1e-15); // only the first count entries move
    }

    @Test
    void momentumAccumulatesVelocity() {
        double[] data = {1};
        Optimizer m = new Optimizer.Momentum(1, 0.9);
        m.update(data, new double[] {0.5}, 0.1); // v = 0.5, p = 1 - 0.05
        assertEquals(0.95, data[0], 1e-15);
        m.update(data, new double[] {0.5}, 0.1); // v = 0.9*0.5 + 0.5 = 0.95, p = 0.95 - 0.095
        assertEquals(0.855, data[0], 1e-15);
    }

    @Test
    void adamCorrectsItsBiasAndNormalisesTheStep() {
        double[] data = {1};
        Optimizer adam = new Optimizer.Adam(1, 0.9, 0.999, 1e-8);
        adam.update(data, new double[] {0.5}, 0.1); // mHat = g, vHat = g^2: a step of lr * g / (|g| + eps)
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-8), data[0], 1e-15);
        assertEquals(0.9000000019999999, data[0], 1e-15);
        adam.update(data, new double[] {-1}, 0.1); // m = -0.055, v = 0.00124975, t = 2 (worked in Python)
        assertEquals(0.9366103542405653, data[0], 1e-15);
    }

    @Test
    void learningRateDecaysLinearlyExactlyAsMicrogradComputesIt() {
        Optimizer.Settings demo = Optimizer.Settings.sgd(1.0, 0.1);
        for (int k = 0; k < 100; k++) {
            assertEquals(1.0 - 0.9 * k / 100, demo.learningRate(k, 100), 0.0, "step " + k);
        }
        assertEquals(0.1, demo.learningRate(100, 100), 1e-15);
        Optimizer.Settings constant = new Optimizer.Settings(Optimizer.Kind.SGD, 0.05, 0.01, false, 0, 0, 0, 0);
        assertEquals(0.05, constant.learningRate(70, 100));
    }

    @Test
    void settingsCreateTheNamedOptimizer() {
        Optimizer.Settings s = new Optimizer.Settings(Optimizer.Kind.MOMENTUM, 0.1, 0.1, true, 0.5, 0.9, 0.999, 1e-8);
        Optimizer m = s.create(1);
        double[] data = {0};
        m.update(data, new double[] {1}, 1);
        m.update(data, new double[] {1}, 1); // velocities 1 then 1.5 with mu = 0.5
        assertEquals(-2.5, data[0], 1e-15);
        assertEquals(Optimizer.Kind.ADAM, Choice.byId(Optimizer.Kind.values(), "adam"));
        assertEquals(Optimizer.Adam.class, new Optimizer.Settings(Optimizer.Kind.ADAM, 1, 1, false, 0, 0.9, 0.999,
                1e-8).create(3).getClass());
    }
}
