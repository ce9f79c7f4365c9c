package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.Rng;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/** The softmax cross-entropy: its grads against central differences, its stability, the tape's copy, argmax. */
class SoftmaxTest {

    private static Value[] leaves(double[] s) {
        Value[] v = new Value[s.length];
        for (int i = 0; i < s.length; i++) {
            v[i] = new Value(s[i]);
        }
        return v;
    }

    @Test
    void gradsAgreeWithCentralDifferences() {
        Rng rng = new Rng(5);
        int checked = 0;
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + trial % 4;
            double[] s = new double[k];
            for (int j = 0; j < k; j++) {
                s[j] = rng.uniform(-4, 4);
            }
            int y = trial % k;
            Value[] v = leaves(s);
            Loss.softmax(v, y).backward();
            for (int j = 0; j < k; j++) {
                double h = 1e-6;
                double[] up = s.clone();
                double[] down = s.clone();
                up[j] += h;
                down[j] -= h;
                double numeric = (Loss.softmaxValue(up, 0, k, y) - Loss.softmaxValue(down, 0, k, y)) / (2 * h);
                assertEquals(numeric, v[j].grad, 1e-7, "trial " + trial + ", score " + j);
                // and the closed form every textbook gives: p_j - [j == y]
                double p = Math.exp(s[j]) / sumExp(s);
                assertEquals(p - (j == y ? 1 : 0), v[j].grad, 1e-12);
                checked++;
            }
        }
        assertEquals(700, checked);
    }

    private static double sumExp(double[] s) {
        double sum = 0;
        for (double x : s) {
            sum += Math.exp(x);
        }
        return sum;
    }

    @Test
    void theGraphIsBuiltFromExpAndLogAndTheTapeCopiesItToTheLastBit() {
        double[] s = {0.3, -1.2, 2.5};
        Value[] v = leaves(s);
        Value loss = Loss.softmax(v, 1);
        loss.backward();
        assertEquals("+", loss.op());
        int exps = 0;
        int logs = 0;
        for (Value node : loss.topologicalOrder()) {
            exps += node.op().equals("exp") ? 1 : 0;
            logs += node.op().equals("log") ? 1 : 0;
        }
        assertEquals(3, exps);
        assertEquals(1, logs);
        assertEquals(loss.data, Loss.softmaxValue(s, 0, 3, 1));
        double[] g = new double[3];
        Loss.softmaxGrad(s, g, 0, 3, 1, 1.0);
        for (int j = 0; j < 3; j++) {
            assertEquals(v[j].grad, g[j], "score " + j);
        }
    }

    @Test
    void subtractingTheLargestScoreKeepsHugeScoresFinite() {
        double[] s = {1000, 0, -1000};
        Value[] v = leaves(s);
        Value right = Loss.softmax(v, 0);
        right.backward();
        assertEquals(0, right.data, 1e-300);
        Value wrong = Loss.softmax(leaves(s), 2);
        assertEquals(2000, wrong.data, 1e-9); // naively exp(1000) overflows and the loss is NaN
        assertTrue(Double.isFinite(v[0].grad) && Double.isFinite(v[2].grad));
        // shifting every score by the same amount changes nothing
        assertEquals(Loss.softmaxValue(new double[] {1, 2, 3}, 0, 3, 0),
                Loss.softmaxValue(new double[] {101, 102, 103}, 0, 3, 0), 1e-12);
    }

    @Test
    void accuracyIsArgmaxWithTiesToTheLowerClass() {
        double[] outputs = {
            1, 1, 0,   // tie between 0 and 1: class 0
            0, 2, 2,   // tie between 1 and 2: class 1
            -1, -3, 5, // class 2
        };
        assertEquals(1.0, Loss.accuracy(outputs, 3, new double[] {0, 1, 2}, 3));
        assertEquals(0.0, Loss.accuracy(outputs, 3, new double[] {1, 2, 0}, 3));
        assertEquals(0, Loss.argmax(new double[] {4, 4, 4}, 0, 3));
        assertEquals(1, Loss.argmax(new double[] {9, 0, 7, 3}, 1, 3));
    }

    @Test
    void rmseIsTheRootOfTheMeanSquaredError() {
        assertEquals(Math.sqrt((1 + 4 + 0) / 3.0), Loss.rmse(new double[] {1, 2, 3}, new double[] {0, 4, 3}, 3),
                1e-15);
    }
}
