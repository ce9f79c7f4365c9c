package org.backproplab.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.Dataset;
import org.backproplab.nn.Features.Feature;
import org.backproplab.nn.Loss;
import org.backproplab.nn.TrainSpec;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Settings;
import org.junit.jupiter.api.Test;

/** The trainer's regression sets and input features as settings: links, examples, and that they train. */
class RegressionAndFeaturesTest {

    private static Trainer.Evaluation[] train(TrainSettings s, int steps) {
        Dataset train = s.split().train();
        Trainer t = new Trainer(s.spec(train), Trainer.Engine.TAPE);
        Trainer.Evaluation first = t.evaluate(train);
        for (int i = 0; i < steps; i++) {
            t.step();
        }
        return new Trainer.Evaluation[] {first, t.evaluate(train)};
    }

    @Test
    void theFeaturesMakeItLinearExampleSplitsTheCirclesWithOneNeuron() {
        TrainSettings s = TrainExamples.Example.LINEAR_FEATURES.settings(1337);
        assertArrayEquals(new int[] {1}, s.sizes(), "no hidden layer: one neuron");
        assertEquals(2, s.features().count());
        Trainer.Evaluation[] run = train(s, s.budget);
        System.out.println("linear " + run[0] + " -> " + run[1]);
        assertTrue(run[1].accuracy() >= 0.95, "accuracy " + run[1].accuracy());
        TrainSettings raw = s.copy();
        raw.features = TaskLink.XY;
        assertTrue(train(raw, raw.budget)[1].accuracy() < 0.8, "x1 and x2 alone: no straight line splits circles");
    }

    @Test
    void theRegressionExamplesFitTheirTargets() {
        for (TrainExamples.Example e : new TrainExamples.Example[] {TrainExamples.Example.PLANE,
            TrainExamples.Example.GAUSSIANS, TrainExamples.Example.SINE}) {
            TrainSettings s = e.settings(1337);
            assertTrue(s.regression());
            assertEquals(Loss.Type.MSE, s.loss);
            Trainer.Evaluation[] run = train(s, s.budget);
            System.out.println(e + " " + run[0] + " -> " + run[1]);
            assertTrue(run[1].loss() < run[0].loss() / 3, e + ": " + run[0].loss() + " -> " + run[1].loss());
            assertTrue(Double.isNaN(run[1].accuracy()), "no accuracy for regression");
        }
    }
}
