package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** micrograd's _backward line for each op, with the numbers of one step put in. */
class BackwardLineTest {

    @Test
    void theLecturesMultiplyPutsTheOtherInputsDataAndTheUpstreamGradIn() {
        Value a = new Value(2.0, "a");
        Value b = new Value(-3.0, "b");
        Value d = a.mul(b);
        BackwardLine forA = BackwardLine.of(d, 0, "a", -2.0);
        assertEquals("self.grad += other.data * out.grad", forA.code());
        assertEquals("a.grad += (−3.0) × (−2.0)", forA.withNumbers());
        assertEquals(6.0, forA.contribution());
        BackwardLine forB = BackwardLine.of(d, 1, "b", -2.0);
        assertEquals("b.grad += 2.0 × (−2.0)", forB.withNumbers());
        assertEquals(-4.0, forB.contribution());
    }

    @Test
    void plusPassesTheGradOnAndAValueUsedTwiceGetsALinePerUse() {
        Value a = new Value(3.0, "a");
        Value b = a.add(a);
        assertEquals("a.grad += 1.0", BackwardLine.of(b, 0, "a", 1.0).withNumbers());
        assertEquals("a.grad += 1.0", BackwardLine.of(b, 1, "a", 1.0).withNumbers());
        assertEquals("c.grad += (−2.0)", BackwardLine.of(new Value(1).add(new Value(2)), 1, "c", -2.0)
                .withNumbers());
    }

    @Test
    void eachFunctionReadsItsOwnResultOrInput() {
        Value n = new Value(0.8813735870195432, "n");
        Value o = n.tanh();
        BackwardLine tanh = BackwardLine.of(o, 0, "n", 1.0);
        assertEquals("self.grad += (1 - t**2) * out.grad", tanh.code());
        assertEquals("n.grad += (1 − 0.7071**2) × 1.0", tanh.withNumbers());
        assertEquals(0.5, tanh.contribution(), 1e-12);

        Value x = new Value(0.5, "x");
        assertEquals("x.grad += 1.6487 × 2.0", BackwardLine.of(x.exp(), 0, "x", 2.0).withNumbers());
        assertEquals("x.grad += (1 / 0.5) × 1.0", BackwardLine.of(x.log(), 0, "x", 1.0).withNumbers());
        assertEquals("x.grad += (0.5 > 0) × 3.0", BackwardLine.of(x.relu(), 0, "x", 3.0).withNumbers());
        assertEquals("x.grad += (0.0 > 0) × 3.0", BackwardLine.of(new Value(-1).relu(), 0, "x", 3.0)
                .withNumbers());
        BackwardLine sigmoid = BackwardLine.of(new Value(0).sigmoid(), 0, "x", 1.0);
        assertEquals("x.grad += 0.5 × (1 − 0.5) × 1.0", sigmoid.withNumbers());
        assertEquals(0.25, sigmoid.contribution());
    }

    @Test
    void powPutsItsExponentInForOther() {
        Value x = new Value(-2.0, "x");
        BackwardLine cube = BackwardLine.of(x.pow(3), 0, "x", 1.0);
        assertEquals("self.grad += (other * self.data**(other-1)) * out.grad", cube.code());
        assertEquals("x.grad += (3.0 × (−2.0)**(3.0−1)) × 1.0", cube.withNumbers());
        assertEquals(12.0, cube.contribution());
        assertEquals("x.grad += ((−1.0) × (−2.0)**((−1.0)−1)) × 0.5", BackwardLine.of(x.pow(-1), 0, "x", 0.5)
                .withNumbers());
    }

    @Test
    void numbersKeepOneDecimalAndARealMinus() {
        assertEquals("6.0", BackwardLine.number(6, false));
        assertEquals("−3.0", BackwardLine.number(-3, false));
        assertEquals("(−3.0)", BackwardLine.number(-3, true));
        assertEquals("0.7071", BackwardLine.number(Math.sqrt(0.5), false));
        assertEquals("0.0", BackwardLine.number(-0.0, true));
        assertEquals("1.2e-7", BackwardLine.number(1.2e-7, false));
    }
}
