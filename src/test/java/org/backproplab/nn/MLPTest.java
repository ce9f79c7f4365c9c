package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.Datasets;
import org.backproplab.data.Rng;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/** Neuron, Layer and MLP as in micrograd's nn.py, and the lecture's little network learning its four examples. */
class MLPTest {

    @Test
    void aNeuronAddsInMicrogradsOrderFromTheBias() {
        Neuron n = new Neuron(2, Activation.LINEAR, new Rng(1), false);
        n.w[0].data = 1;
        n.w[1].data = 1;
        n.b.data = 1e16;
        // ((b + w0*x0) + w1*x1) = (1e16 + 1) + 1, and 1e16 + 1 rounds back to 1e16 (ties to even) each time;
        // b + (w0*x0 + w1*x1) would give 1e16 + 2
        Value out = n.forward(new Value[] {new Value(1), new Value(1)});
        assertEquals(1e16, out.data, 0.0);
        assertEquals("+", out.op());
        assertSame(n.b, out.child(0).child(0)); // b is the innermost left operand
    }

    @Test
    void parametersComeLayerByLayerNeuronByNeuronWeightsThenBias() {
        MLP model = new MLP(2, new int[] {16, 16, 1}, new Rng(1337));
        List<Value> params = model.parameters();
        assertEquals(337, params.size());
        assertEquals(337, model.parameterCount());
        assertSame(model.layers[0].neurons[0].w[0], params.get(0));
        assertSame(model.layers[0].neurons[0].w[1], params.get(1));
        assertSame(model.layers[0].neurons[0].b, params.get(2));
        assertSame(model.layers[0].neurons[1].w[0], params.get(3));
        assertSame(model.layers[1].neurons[0].w[0], params.get(48));
        assertSame(model.layers[2].neurons[0].b, params.get(336));
    }

    @Test
    void initDrawsWeightsUniformlyAndBiasesZeroOrUniform() {
        MLP micrograd = new MLP(2, new int[] {16, 16, 1}, new Rng(7));
        MLP lecture = new MLP(2, new int[] {16, 16, 1}, Activation.TANH, Activation.TANH, new Rng(7), true);
        int biases = 0;
        boolean someNegative = false;
        for (Layer layer : micrograd.layers) {
            for (Neuron n : layer.neurons) {
                assertEquals(0, n.b.data);
                for (Value w : n.w) {
                    assertTrue(w.data >= -1 && w.data < 1);
                    someNegative |= w.data < 0;
                }
            }
        }
        for (Layer layer : lecture.layers) {
            for (Neuron n : layer.neurons) {
                assertTrue(n.b.data >= -1 && n.b.data < 1);
                biases += n.b.data != 0 ? 1 : 0;
            }
        }
        assertTrue(someNegative);
        assertEquals(33, biases);
        // the same seed draws the same first weight; the second differs because the lecture draws a bias in between
        assertEquals(micrograd.parameters().get(0).data, lecture.parameters().get(0).data);
        assertNotEquals(micrograd.parameters().get(3).data, lecture.parameters().get(3).data);
        assertArrayEquals(new MLP(2, new int[] {16, 16, 1}, new Rng(7)).parameterValues(), micrograd.parameterValues());
        assertEquals(Activation.RELU, micrograd.layers[1].neurons[0].activation);
        assertEquals(Activation.LINEAR, micrograd.layers[2].neurons[0].activation);
    }

    @Test
    void zeroGradAndLoad() {
        MLP model = new MLP(3, new int[] {4, 1}, new Rng(2));
        Value out = model.forward(new Value[] {new Value(1), new Value(2), new Value(3)})[0];
        out.backward();
        assertNotEquals(0, model.parameters().get(0).grad);
        model.zeroGrad();
        for (Value p : model.parameters()) {
            assertEquals(0, p.grad);
        }
        double[] values = new double[21];
        values[20] = 5;
        model.load(values);
        assertEquals(5, model.forward(new Value[] {new Value(1), new Value(2), new Value(3)})[0].data);
        assertThrows(IllegalArgumentException.class, () -> model.load(new double[20]));
    }

    @Test
    void theLecturesNetworkLearnsItsFourExamples() {
        // MLP(3, [4, 4, 1]) with tanh everywhere, MSE summed, SGD at a constant 0.1, as in the lecture
        for (Trainer.Engine engine : Trainer.Engine.values()) {
            for (int seed = 0; seed < 5; seed++) {
                MLP model = new MLP(3, new int[] {4, 4, 1}, Activation.TANH, Activation.TANH, new Rng(seed), true);
                Trainer trainer = new Trainer(model, Datasets.lecture(), new Loss(Loss.Type.MSE, Loss.Reduction.SUM, 0),
                        new Optimizer.Settings(Optimizer.Kind.SGD, 0.1, 0.1, false, 0, 0, 0, 0), 50, 0, 0, engine);
                double first = trainer.step().loss();
                double loss = first;
                for (int k = 1; k < 50 && loss >= 0.05; k++) {
                    loss = trainer.step().loss();
                }
                assertTrue(loss < 0.05, engine + " seed " + seed + ": loss " + loss + " after 50 steps");
                assertTrue(first > 0.5, "it starts from a real loss, " + first);
                double[] ys = Datasets.lecture().ys();
                for (int i = 0; i < 4; i++) {
                    assertEquals(ys[i], trainer.predict(Datasets.lecture().xs()[i]), 0.25);
                }
            }
        }
    }
}
