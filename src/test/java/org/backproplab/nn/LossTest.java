package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/** Each loss's value and gradient d loss / d score against numbers worked out by hand. */
class LossTest {
    static final double EPS = 1e-15;

    /** The loss of one point with the given type, and d loss / d score. */
    private static double[] lossAndGrad(Loss.Type type, double score, double y) {
        Value s = new Value(score);
        Value l = new Loss(type, Loss.Reduction.SUM, 0).pointLoss(s, y);
        l.backward();
        return new double[] {l.data, s.grad};
    }

    @Test
    void svmIsReluOfOneMinusMargin() {
        assertPair(0.7, -1, lossAndGrad(Loss.Type.SVM, 0.3, 1));      // 1 - 0.3, d/ds = -y
        assertPair(3, 1, lossAndGrad(Loss.Type.SVM, 2, -1));          // 1 + 2, d/ds = -y = 1
        assertPair(0, 0, lossAndGrad(Loss.Type.SVM, 1.5, 1));         // margin met: no loss, no gradient
    }

    @Test
    void mseIsTheSquaredDifference() {
        assertPair(2.25, 3, lossAndGrad(Loss.Type.MSE, 0.5, -1));     // (0.5 + 1)^2, d/ds = 2 * 1.5
        assertPair(0.04, -0.4, lossAndGrad(Loss.Type.MSE, 0.8, 1));   // (0.8 - 1)^2, d/ds = 2 * -0.2
    }

    @Test
    void logisticIsSoftplusOfMinusMarginAndStable() {
        // log(1 + e^-2) and d/ds = sigmoid(2) - 1
        double[] r = lossAndGrad(Loss.Type.LOGISTIC, 2, 1);
        assertEquals(0.1269280110429726, r[0], 1e-15);
        assertEquals(-0.11920292202211769, r[1], 1e-15);
        // z = -3: 3 + log(1 + e^-3) and d/ds = y * (sigmoid(-3) - 1) = sigmoid(3)
        r = lossAndGrad(Loss.Type.LOGISTIC, 3, -1);
        assertEquals(3.048587351573742, r[0], 1e-15);
        assertEquals(0.9525741268224334, r[1], 1e-15);
        // far out, where a naive exp(-z) overflows: the loss is 1000 and the slope exactly 1
        r = lossAndGrad(Loss.Type.LOGISTIC, 1000, -1);
        assertPair(1000, 1, r);
        r = lossAndGrad(Loss.Type.LOGISTIC, 1000, 1);
        assertPair(0, 0, r);
        r = lossAndGrad(Loss.Type.LOGISTIC, 0, 1);                    // log 2, slope -1/2
        assertEquals(Math.log(2), r[0], 1e-15);
        assertEquals(-0.5, r[1], 1e-15);
    }

    @Test
    void meanDividesBySizeAndSumDoesNot() {
        Value a = new Value(0.3);
        Value b = new Value(2);
        Value mean = new Loss(Loss.Type.SVM, Loss.Reduction.MEAN, 0).dataLoss(new Value[] {a, b}, new double[] {1, -1});
        assertEquals((0.7 + 3) * 0.5, mean.data, EPS);
        mean.backward();
        assertEquals(-0.5, a.grad, EPS);
        assertEquals(0.5, b.grad, EPS);
        Value c = new Value(0.3);
        Value sum = new Loss(Loss.Type.SVM, Loss.Reduction.SUM, 0).dataLoss(new Value[] {c}, new double[] {1});
        sum.backward();
        assertEquals(0.7, sum.data, EPS);
        assertEquals(-1, c.grad, EPS);
    }

    @Test
    void l2IsAlphaTimesSumOfSquares() {
        Value p = new Value(2);
        Value q = new Value(-3);
        Value reg = new Loss(Loss.Type.SVM, Loss.Reduction.MEAN, 0.1).regularization(List.of(p, q));
        assertEquals(1.3, reg.data, EPS);
        reg.backward();
        assertEquals(0.4, p.grad, EPS);   // 2 * alpha * p
        assertEquals(-0.6, q.grad, EPS);
    }

    @Test
    void totalAddsL2OnlyWhenAlphaIsNotZero() {
        Value s = new Value(0.3);
        Value p = new Value(2);
        Value with = new Loss(Loss.Type.SVM, Loss.Reduction.MEAN, 0.1).total(new Value[] {s}, new double[] {1}, List.of(p));
        assertEquals(0.7 + 0.4, with.data, EPS);
        Value without = new Loss(Loss.Type.SVM, Loss.Reduction.MEAN, 0).total(new Value[] {s}, new double[] {1},
                List.of(p));
        assertEquals(0.7, without.data, EPS);
        assertTrue(with.topologicalOrder().contains(p));
        assertTrue(!without.topologicalOrder().contains(p), "no L2 nodes when alpha is 0");
    }

    @Test
    void accuracyIsMicrogradsSignAgreement() {
        // (y > 0) == (score > 0): a score of exactly 0 counts as negative
        assertEquals(2.0 / 3, Loss.accuracy(new double[] {0.5, -0.2, 0}, new double[] {1, 1, -1}, 3), EPS);
        assertEquals(0.5, Loss.accuracy(new double[] {0, 1, 9}, new double[] {1, 1, 1}, 2), EPS);
    }

    @Test
    void spellingsForSpecs() {
        assertEquals(Loss.Type.LOGISTIC, Choice.byId(Loss.Type.values(), "logistic"));
        assertEquals(Loss.Reduction.SUM, Choice.byId(Loss.Reduction.values(), "sum"));
        assertEquals(null, Choice.byId(Loss.Type.values(), "hinge"));
        assertTrue(Loss.microgradDemo().l2() == 1e-4);
    }

    private static void assertPair(double loss, double grad, double[] actual) {
        assertEquals(loss, actual[0], EPS, "loss");
        assertEquals(grad, actual[1], EPS, "d loss / d score");
    }
}
