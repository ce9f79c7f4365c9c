package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.Dataset;
import org.backproplab.data.Rng;
import org.junit.jupiter.api.Test;

/**
 * More than two classes, regression and input features, each as a run file: both engines give the same loss curve
 * from the same fixed init, to 1e-9, and each run learns what it should.
 */
class NewTasksTest {

    /** A run file with an explicit init of the right length for a network of nin inputs and these layers. */
    static String run(String head, int nin, int[] layers, int steps) {
        Rng rng = new Rng(11);
        StringBuilder init = new StringBuilder("[");
        int count = MLP.parameterCount(nin, layers);
        for (int i = 0; i < count; i++) {
            init.append(i == 0 ? "" : ", ").append(rng.uniform(-1, 1));
        }
        return "{" + head + ", \"init\": " + init + "], \"steps\": " + steps + "}";
    }

    static final String SPIRAL3 = "\"data\": {\"generator\": \"spiral\", \"classes\": 3, \"n\": 60, \"noise\": 0.05},"
            + " \"model\": {\"inputs\": 2, \"layers\": [12, 12, 3], \"activation\": \"tanh\"},"
            + " \"loss\": {\"type\": \"softmax\", \"l2\": 1e-4}, \"optimizer\": {\"type\": \"adam\", \"lr_start\": 0.03}";
    static final String PLANE = "\"task\": \"regression\", \"data\": {\"generator\": \"plane\", \"n\": 50},"
            + " \"model\": {\"inputs\": 2, \"layers\": [6, 1], \"activation\": \"tanh\"},"
            + " \"loss\": {\"type\": \"mse\"}, \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.1}";
    static final String SINE = "\"task\": \"regression\", \"data\": {\"generator\": \"sine\", \"n\": 80, \"noise\": 0},"
            + " \"model\": {\"inputs\": 1, \"layers\": [10, 10, 1], \"activation\": \"tanh\"},"
            + " \"loss\": {\"type\": \"mse\"}, \"optimizer\": {\"type\": \"adam\", \"lr_start\": 0.02}, \"batch\": 20";
    static final String CIRCLES_SQUARED = "\"data\": {\"generator\": \"circles\", \"n\": 100, \"noise\": 0.03},"
            + " \"features\": [\"x1^2\", \"x2^2\"], \"model\": {\"inputs\": 2, \"layers\": [1]},"
            + " \"loss\": {\"type\": \"logistic\"}, \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 1.0}";
    static final String ALL_FEATURES = "\"data\": {\"generator\": \"blobs\", \"classes\": 4, \"n\": 40},"
            + " \"features\": [\"x1\", \"x2\", \"x1^2\", \"x2^2\", \"x1*x2\", \"sin(x1)\", \"sin(x2)\"],"
            + " \"model\": {\"inputs\": 2, \"layers\": [5, 4]}, \"loss\": {\"type\": \"softmax\", \"reduction\": \"sum\"},"
            + " \"optimizer\": {\"type\": \"momentum\", \"lr_start\": 0.01}";

    /** Trains the run on both engines and checks the curves and final weights agree to 1e-9; returns the curve. */
    static Trainer.Step[] bothEnginesAgree(TrainSpec spec) {
        Trainer byValue = new Trainer(spec, Trainer.Engine.VALUE);
        Trainer byTape = new Trainer(spec, Trainer.Engine.TAPE);
        Trainer.Step[] curve = new Trainer.Step[spec.steps()];
        for (int k = 0; k < spec.steps(); k++) {
            Trainer.Step v = byValue.step();
            Trainer.Step t = byTape.step();
            assertEquals(v.loss(), t.loss(), 1e-9 * Math.max(1, Math.abs(v.loss())), "loss at step " + k);
            assertEquals(v.accuracy(), t.accuracy(), 1e-12, "accuracy at step " + k);
            curve[k] = v;
        }
        assertArrayEquals(byValue.parameterValues(), byTape.parameterValues(), 1e-9);
        Trainer.Evaluation ev = byValue.evaluate(spec.data());
        Trainer.Evaluation et = byTape.evaluate(spec.data());
        assertEquals(ev.loss(), et.loss(), 1e-9);
        assertEquals(ev.rmse(), et.rmse(), 1e-9);
        return curve;
    }

    @Test
    void threeClassSpiralFromAFixedInitGivesOneLossCurveOnBothEngines() {
        TrainSpec spec = TrainSpec.parse(run(SPIRAL3, 2, new int[] {12, 12, 3}, 150));
        assertEquals(Dataset.Labels.CLASSES, spec.data().labels());
        assertEquals(3, spec.data().classes());
        Trainer.Step[] curve = bothEnginesAgree(spec);
        assertTrue(curve[0].loss() > Math.log(3) - 0.1, "starts no better than chance, -log(1/3)");
        assertTrue(curve[149].loss() < curve[0].loss() / 2, curve[0].loss() + " -> " + curve[149].loss());
        assertTrue(curve[149].accuracy() > 0.45, "accuracy " + curve[149].accuracy()); // chance is 1/3
    }

    @Test
    void regressionGivesOneLossCurveOnBothEnginesAndNoAccuracy() {
        for (String head : new String[] {PLANE, SINE}) {
            int nin = head == SINE ? 1 : 2;
            int[] layers = head == SINE ? new int[] {10, 10, 1} : new int[] {6, 1};
            TrainSpec spec = TrainSpec.parse(run(head, nin, layers, 120));
            assertTrue(spec.regression());
            Trainer.Step[] curve = bothEnginesAgree(spec);
            assertTrue(Double.isNaN(curve[0].accuracy()));
            assertTrue(curve[119].loss() < curve[0].loss() / 3, curve[0].loss() + " -> " + curve[119].loss());
            Trainer trainer = new Trainer(spec, Trainer.Engine.TAPE);
            Trainer.Evaluation e = trainer.evaluate(spec.data());
            assertTrue(Double.isNaN(e.accuracy()));
            assertEquals(Math.sqrt(e.loss()), e.rmse(), 1e-12); // mean reduction, no l2: the loss is the MSE
        }
    }

    @Test
    void featuresGiveOneLossCurveOnBothEnginesAndMakeTheCirclesLinear() {
        TrainSpec circles = TrainSpec.parse(run(CIRCLES_SQUARED, 2, new int[] {1}, 200));
        assertEquals(2, circles.features().count());
        Trainer.Step[] curve = bothEnginesAgree(circles);
        // a single neuron on x1^2 and x2^2 separates the two circles: its boundary is a circle
        assertEquals(1.0, curve[199].accuracy());
        TrainSpec all = TrainSpec.parse(run(ALL_FEATURES, 7, new int[] {5, 4}, 60));
        assertEquals(7, all.model().nin);
        bothEnginesAgree(all);
    }

    @Test
    void predictAppliesTheFeaturesAndGivesEveryScore() {
        TrainSpec spec = TrainSpec.parse(run(ALL_FEATURES, 7, new int[] {5, 4}, 1));
        for (Trainer.Engine engine : Trainer.Engine.values()) {
            Trainer trainer = new Trainer(spec, engine);
            assertEquals(4, trainer.outputs());
            double[] x = {0.3, -0.7};
            double[] scores = new double[4];
            trainer.predict(x, scores);
            MLP model = spec.model();
            double[] features = {0.3, -0.7, 0.3 * 0.3, 0.7 * 0.7, 0.3 * -0.7, Math.sin(0.3), Math.sin(-0.7)};
            double[] expected = new double[4];
            model.predict(features, expected);
            assertArrayEquals(expected, scores, 1e-15, engine.toString());
            assertEquals(expected[0], trainer.predict(x), 1e-15);
        }
    }

    @Test
    void theSoftmaxLossIsRefusedWithOneScoreAndTheTapeSaysWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Tape(
                new MLP(2, new int[] {3, 1}, new Rng(1)), new Loss(Loss.Type.SOFTMAX, Loss.Reduction.MEAN, 0), 1));
        assertTrue(e.getMessage().contains("at least 2 neurons"), e.getMessage());
    }
}
