package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backproplab.data.Dataset;
import org.backproplab.data.Datasets;
import org.backproplab.data.Json;
import org.junit.jupiter.api.Test;

/** A trained model written as a run file reads back as the same spec, with the weights to the last bit. */
class ModelFileTest {

    /** A run trained for some steps, then its current weights as the spec's init, written out. */
    private static String trainAndWrite(TrainSpec spec, int steps, Trainer.Engine engine, Trainer[] trained) {
        Trainer trainer = new Trainer(spec, engine);
        for (int k = 0; k < steps; k++) {
            trainer.step();
        }
        trained[0] = trainer;
        double[] scores = new double[spec.data().size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = trainer.predict(spec.data().xs()[i]);
        }
        return ModelFile.write(withInit(spec, trainer.parameterValues()), steps, scores);
    }

    private static TrainSpec withInit(TrainSpec s, double[] init) {
        return new TrainSpec(s.data(), s.inputs(), s.layers(), s.activation(), s.output(), s.uniformBias(), init,
                s.loss(), s.optimizer(), s.steps(), s.batch(), s.seed());
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + "[" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    void theStepsAndTheDatasetOriginReadBackAndAPlainSpecHasNeither() {
        TrainSpec demo = DemoReproductionTest.demoSpec();
        Dataset all = new Dataset(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {1, -1, 1});
        String text = ModelFile.write(demo, 37, null, new ModelFile.Origin("custom", 3, 0.25, 0.2, all));
        ModelFile.Saved saved = ModelFile.read(text);
        assertEquals(37, saved.trainedSteps());
        assertEquals("custom", saved.origin().dataset());
        assertEquals(0.25, saved.origin().noise());
        assertEquals(0.2, saved.origin().testShare());
        assertArrayEquals(new double[] {3, 4}, saved.origin().all().xs()[1]);
        assertEquals(-1, saved.origin().all().ys()[1]);
        assertEquals(demo.data().size(), TrainSpec.parse(text).data().size(), "the spec itself is unchanged");

        ModelFile.Saved generated = ModelFile.read(ModelFile.write(demo, 5, null,
                new ModelFile.Origin("moons", 100, 0.1, 0, null)));
        assertEquals("moons", generated.origin().dataset());
        assertEquals(100, generated.origin().n());
        assertEquals(null, generated.origin().all());

        ModelFile.Saved plain = ModelFile.read("{\"trained_steps\": -3, \"dataset\": {\"name\": 7}}");
        assertEquals(0, plain.trainedSteps());
        assertEquals(null, plain.origin());
    }

    @Test
    void theDemoAfterFortyStepsReadsBackWithTheSameWeightsAndPredictions() {
        TrainSpec demo = DemoReproductionTest.demoSpec();
        Trainer[] trained = new Trainer[1];
        String text = trainAndWrite(demo, 40, Trainer.Engine.TAPE, trained);
        TrainSpec back = TrainSpec.parse(text);

        assertSameBits(trained[0].parameterValues(), back.init(), "init");
        assertArrayEquals(demo.layers(), back.layers());
        assertEquals(demo.inputs(), back.inputs());
        assertEquals(demo.activation(), back.activation());
        assertEquals(demo.output(), back.output());
        assertEquals(demo.loss(), back.loss());
        assertEquals(demo.optimizer(), back.optimizer());
        assertEquals(demo.steps(), back.steps());
        assertEquals(demo.seed(), back.seed());
        for (int i = 0; i < demo.data().size(); i++) {
            assertSameBits(demo.data().xs()[i], back.data().xs()[i], "point " + i);
            assertEquals(demo.data().ys()[i], back.data().ys()[i]);
        }
        MLP model = back.model();
        Trainer again = new Trainer(back, Trainer.Engine.VALUE);
        List<Object> scores = list(Json.parse(text), "scores");
        for (int i = 0; i < demo.data().size(); i++) {
            double[] x = demo.data().xs()[i];
            double expected = trained[0].predict(x);
            assertEquals(expected, (Double) scores.get(i), "the file's score of point " + i);
            assertEquals(expected, model.predict(x), "the read-back model's score of point " + i);
            assertEquals(expected, again.predict(x), "a trainer from the file, point " + i);
        }
        assertEquals(trained[0].evaluate(demo.data()), again.evaluate(back.data()), "loss and accuracy");
    }

    @Test
    void everySettingSurvives() {
        Dataset data = Datasets.Generator.CIRCLES.generate(30, 0.05, 7);
        TrainSpec spec = new TrainSpec(data, 2, new int[] {5, 3, 1}, Activation.TANH, Activation.TANH, true, null,
                new Loss(Loss.Type.LOGISTIC, Loss.Reduction.SUM, 0.003),
                new Optimizer.Settings(Optimizer.Kind.ADAM, 0.05, 0.05, false, 0.8, 0.85, 0.995, 1e-7), 50, 8, -12);
        Trainer[] trained = new Trainer[1];
        TrainSpec back = TrainSpec.parse(trainAndWrite(spec, 7, Trainer.Engine.VALUE, trained));
        assertSameBits(trained[0].parameterValues(), back.init(), "init");
        assertTrue(back.uniformBias());
        assertEquals(Activation.TANH, back.activation());
        assertEquals(Activation.TANH, back.output());
        assertEquals(spec.loss(), back.loss());
        assertEquals(spec.optimizer(), back.optimizer());
        assertEquals(8, back.batch());
        assertEquals(-12, back.seed());
        for (int i = 0; i < data.size(); i++) {
            assertEquals(trained[0].predict(data.xs()[i]), back.model().predict(data.xs()[i]), "point " + i);
        }
    }

    @Test
    void theFileSaysWhatItIs() {
        Trainer[] trained = new Trainer[1];
        String text = trainAndWrite(DemoReproductionTest.demoSpec(), 3, Trainer.Engine.TAPE, trained);
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) Json.parse(text);
        assertEquals(ModelFile.FORMAT, root.get("format"));
        assertEquals(3.0, root.get("trained_steps"));
        assertTrue(((String) root.get("about")).contains("train --spec"));
        assertFalse(root.containsKey("batch"), "full batch leaves batch out");
        assertTrue(text.startsWith("{\n  \"about\": "), text.substring(0, 40));
        assertTrue(text.contains("\n      [1.1221146075409683, 0.08147717341718697],\n"), "a point per line");
    }

    @Test
    void aDivergedWeightIsNullAndTheFileSaysSoOnImport() {
        TrainSpec demo = DemoReproductionTest.demoSpec();
        double[] init = demo.init().clone();
        init[5] = Double.NaN;
        String text = ModelFile.write(withInit(demo, init), 0, null);
        assertFalse(text.contains("NaN"), "JSON has no NaN");
        assertFalse(text.contains("\"scores\""));
        TrainSpec.SpecException e = assertThrows(TrainSpec.SpecException.class, () -> TrainSpec.parse(text));
        assertEquals("init[5]: expected a number, got null", e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object root, String key) {
        return (List<Object>) ((Map<String, Object>) root).get(key);
    }

    @Test
    void theBiggestModelTheLimitsAllowStillImports() {
        // every size at its limit, every number 17-18 characters long: the text cap must never refuse a saved model
        int inputs = TrainSpec.MAX_INPUTS;
        int[] layers = new int[TrainSpec.MAX_HIDDEN_LAYERS + 1];
        java.util.Arrays.fill(layers, TrainSpec.MAX_NEURONS);
        layers[layers.length - 1] = 1;
        double[][] xs = new double[TrainSpec.MAX_POINTS][inputs];
        double[] ys = new double[TrainSpec.MAX_POINTS];
        double[] scores = new double[TrainSpec.MAX_POINTS];
        for (int i = 0; i < xs.length; i++) {
            java.util.Arrays.fill(xs[i], -0.12345678901234567);
            ys[i] = i % 2 == 0 ? 1 : -1;
            scores[i] = -123.45678901234567;
        }
        double[] init = new double[MLP.parameterCount(inputs, layers)];
        java.util.Arrays.fill(init, -0.12345678901234567);
        TrainSpec spec = new TrainSpec(new Dataset(xs, ys), inputs, layers, Activation.RELU, Activation.LINEAR, false,
                init, new Loss(Loss.Type.SVM, Loss.Reduction.MEAN, 1e-4), Optimizer.Settings.sgd(1.0, 0.1), 100, 0, 0);
        String text = ModelFile.write(spec, 100, scores);
        assertTrue(text.length() < TrainSpec.MAX_TEXT_LENGTH / 2, text.length() + " characters");
        assertEquals(init.length, TrainSpec.parse(text).init().length);
    }

    @Test
    void aSavedModelsCustomPointsWithATargetOutOfRangeAreNotGivenBack() {
        String origin = "{\"dataset\": {\"name\": \"custom\", \"n\": 2, \"noise\": 0, \"test_share\": 0,"
                + " \"all\": {\"points\": [[0, 0], [1, 1]], \"targets\": [0.5, TARGET]}}}";
        ModelFile.Origin fine = ModelFile.read(origin.replace("TARGET", "-100")).origin();
        assertArrayEquals(new double[] {0.5, -100}, fine.all().ys());
        assertEquals(null, ModelFile.read(origin.replace("TARGET", "1e300")).origin(),
                "a target beyond ±100 never reaches training from the model's own points either");
    }
}
