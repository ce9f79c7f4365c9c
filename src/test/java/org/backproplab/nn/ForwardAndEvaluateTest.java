package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.backproplab.data.Rng;
import org.junit.jupiter.api.Test;

/** The trainer's side views: the loss of the current weights without a step, and any neuron's output. */
class ForwardAndEvaluateTest {
    private static TrainSpec demo() throws Exception {
        try (var in = ForwardAndEvaluateTest.class.getResourceAsStream("/micrograd-demo.json")) {
            return TrainSpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void evaluateGivesTheLossTheNextStepReportsOnBothEngines() throws Exception {
        TrainSpec spec = demo();
        for (Trainer.Engine engine : Trainer.Engine.values()) {
            Trainer trainer = new Trainer(spec, engine);
            assertEquals(0.8958441028683222, trainer.evaluate(spec.data()).loss(), 1e-12);
            assertEquals(0.5, trainer.evaluate(spec.data()).accuracy());
            for (int k = 0; k < 12; k++) {
                Trainer.Evaluation before = trainer.evaluate(spec.data());
                Trainer.Step step = trainer.step();
                assertEquals(step.loss(), before.loss(), 0.0, engine + " step " + k + ": the same number exactly");
                assertEquals(step.accuracy(), before.accuracy(), 0.0);
            }
        }
    }

    @Test
    void theLastNeuronIsTheScoreAndHiddenNeuronsMatchAHandComputation() throws Exception {
        MLP mlp = new MLP(2, new int[] {3, 2, 1}, Activation.TANH, Activation.LINEAR, new Rng(7), true);
        double[] params = mlp.parameterValues();
        Forward f = new Forward(2, new int[] {3, 2, 1}, Activation.TANH, Activation.LINEAR);
        double[] x = {0.3, -1.2};
        assertEquals(mlp.predict(x), f.neuron(params, x, 2, 0), 0.0);
        // neuron 1 of layer 0 by hand: weights at 3..4, bias at 5
        double h = Math.tanh(params[5] + params[3] * x[0] + params[4] * x[1]);
        assertEquals(h, f.neuron(params, x, 0, 1), 0.0);
        assertEquals(3, f.parameterIndex(0, 1));
        assertEquals(9, f.parameterIndex(1, 0));
        assertEquals(17, f.parameterIndex(2, 0));
    }

    @Test
    void theLearningRateStaysAtItsEndPastThePlannedSteps() {
        Optimizer.Settings s = Optimizer.Settings.sgd(1.0, 0.1);
        assertEquals(1.0 - 0.9 * 99 / 100, s.learningRate(99, 100), 0.0);
        assertEquals(0.1, s.learningRate(100, 100), 1e-15);
        assertEquals(0.1, s.learningRate(250, 100), 1e-15);
    }
}
