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
            assertTrue(run[1].loss() < run[0].loss() / 3, e + ": " + run[0].loss() + " -> " + run[1].loss());
            assertTrue(Double.isNaN(run[1].accuracy()), "no accuracy for regression");
        }
    }

    @Test
    void featureListsAreReadWithANamedReason() {
        StringBuilder why = new StringBuilder();
        assertArrayEquals(new Feature[] {Feature.X1_SQUARED, Feature.SIN_X2},
                TaskLink.parseFeatures(" x1^2 , sin(x2)", why));
        assertNull(TaskLink.parseFeatures("x1,cos(x1)", why));
        assertTrue(why.toString().contains("'cos(x1)' is not a feature; expected x1, x2, x1^2"), why.toString());
        why.setLength(0);
        assertNull(TaskLink.parseFeatures("x1,x1", why));
        assertEquals("x1 is listed twice", why.toString());
        why.setLength(0);
        assertNull(TaskLink.parseFeatures("", why));
        assertTrue(why.toString().startsWith("an empty name"), why.toString());
        assertEquals("x1^2,x1*x2", TaskLink.writeFeatures(new Feature[] {Feature.X1_SQUARED, Feature.X1_TIMES_X2}));
    }

    @Test
    void aLinkKeepsTheTaskAndTheFeatures() {
        TrainSettings s = TrainSettings.read(new Settings().put("dataset", "plane").put("features", "x1,x2,x1^2"));
        assertTrue(s.regression());
        assertEquals(3, s.features().count());
        Settings written = new Settings();
        s.write(written);
        assertEquals("regression", written.get("task"));
        assertEquals("x1,x2,x1^2", written.get("features"));
        TrainSettings back = TrainSettings.read(written);
        assertArrayEquals(s.features, back.features);
        assertEquals(Loss.Type.MSE, back.loss);
        TrainSpec spec = back.spec(back.split().train());
        assertTrue(spec.regression());
        assertEquals(3, spec.features().count(), "the run file carries them too");

        Settings plain = new Settings();
        TrainSettings.read(new Settings()).write(plain);
        assertFalse(plain.has("features") || plain.has("task"), "the demo's links stay as they were");
    }

    @Test
    void customTargetsRoundTripAndAClassificationSetRefusesTheTask() {
        Settings link = new Settings().put("dataset", "custom").put("task", "regression")
                .put("pts", "0.5,1,0.25;-1,0.5,-1.75;0,0,3");
        TrainSettings s = TrainSettings.read(link);
        assertTrue(s.regression());
        assertEquals(-1.75, s.custom.get(1)[2]);
        assertEquals(Dataset.Labels.TARGETS, s.allPoints().labels());
        Settings written = new Settings();
        s.write(written);
        assertEquals("0.5,1.0,0.25;-1.0,0.5,-1.75;0.0,0.0,3.0", written.get("pts"));

        Settings bad = new Settings().put("dataset", "moons").put("task", "regression").put("features", "x1,foo")
                .put("loss", "svm");
        TrainSettings moons = TrainSettings.read(bad);
        assertFalse(moons.regression());
        String ignored = String.join(" ", bad.ignored());
        assertTrue(ignored.contains("'task' (moons is a classification set"), ignored);
        assertTrue(ignored.contains("'features' ('foo' is not a feature"), ignored);
        assertArrayEquals(TaskLink.XY, moons.features, "a bad list keeps the coordinates");

        Settings sine = new Settings().put("dataset", "sine").put("features", "x1^2").put("loss", "svm");
        TrainSettings curve = TrainSettings.read(sine);
        assertEquals(1, curve.inputs());
        assertEquals(1, curve.features().count());
        assertEquals(Loss.Type.MSE, curve.loss, "regression keeps mse");
        String why = String.join(" ", sine.ignored());
        assertTrue(why.contains("'features' (they are made from x1 and x2, and sine has 1 input)"), why);
        assertTrue(why.contains("'loss' (regression learns real targets with mse)"), why);
    }

    @Test
    void aLinksTargetOutOfRangeIsNamedAndTheOtherKeysStillApply() {
        Settings link = new Settings().put("dataset", "custom").put("task", "regression").put("layers", "5")
                .put("lr", "0.02").put("pts", "0.5,1,0.25;-1,0.5,1e300;0,0,3");
        TrainSettings s = TrainSettings.read(link);
        String ignored = String.join(" ", link.ignored());
        assertTrue(ignored.contains("'pts' (point 2's target 1e300 is out of range; expected a number from -100 to "
                + "100)"), ignored);
        assertTrue(ignored.contains("'dataset' ('custom' needs points; showing plane)"), ignored);
        assertEquals(DatasetChoice.PLANE, s.dataset, "a regression link stays a regression");
        assertTrue(s.regression());
        assertEquals("5", s.layers);
        assertEquals(0.02, s.lr);
        assertTrue(Double.isFinite(train(s, 3)[1].loss()), "nothing out of range reaches training");

        Settings broken = new Settings().put("dataset", "custom").put("task", "regression").put("pts", "1,2;3,4,5");
        TrainSettings.read(broken);
        assertTrue(String.join(" ", broken.ignored()).contains("'pts' (expected x,y,target triples separated by "
                + "';'; point 1 is '1,2')"), String.join(" ", broken.ignored()));
        Settings far = new Settings().put("dataset", "custom").put("task", "regression").put("pts", "0,1e300,1");
        TrainSettings.read(far);
        assertTrue(String.join(" ", far.ignored()).contains("'pts' (point 1 is out of range; expected x and y, each a "
                + "number from -1e6 to 1e6)"), String.join(" ", far.ignored()));
        Settings farClass = new Settings().put("dataset", "custom").put("pts", "0,0,1;1e300,0,-1");
        assertEquals(DatasetChoice.MOONS, TrainSettings.read(farClass).dataset);
        assertTrue(String.join(" ", farClass.ignored()).contains("x and y each a number from -1e6 to 1e6"),
                String.join(" ", farClass.ignored()));
        Settings edge = new Settings().put("dataset", "custom").put("task", "regression").put("pts", "0,0,100;1,1,-100");
        assertEquals(-100, TrainSettings.read(edge).custom.get(1)[2], "the bound itself is a target");
        assertTrue(edge.ignored().isEmpty(), String.join(" ", edge.ignored()));
    }

    @Test
    void theDivergingScaleEndsAtARoundNumberAboveEveryTarget() {
        Dataset plane = TrainSettings.read(new Settings().put("dataset", "plane")).allPoints();
        assertEquals(1.5, ValueScale.max(plane), "(x1 + x2) / 2 with noise 0.1 stays within ±1.5 here");
        assertEquals(0.5, ValueScale.max(new Dataset(new double[][] {{0, 0}}, new double[] {0.1},
                Dataset.Labels.TARGETS)));
        assertEquals(1, ValueScale.max(new Dataset(new double[][] {{0, 0}}, new double[] {-1},
                Dataset.Labels.TARGETS)), "exactly 1 stays 1");
        assertEquals(1.5, ValueScale.max(new Dataset(new double[][] {{0, 0}}, new double[] {-1.2},
                Dataset.Labels.TARGETS)));
        assertEquals(-1, ValueScale.t(-7, 2), "clamped at the ends");
        assertEquals(0.25, ValueScale.t(0.5, 2));
        assertTrue(Double.isNaN(ValueScale.t(Double.NaN, 2)));
        assertEquals(ValueScale.cell(0, 1), ValueScale.cell(-0.0, 1), "0 is the neutral middle");
        assertTrue(ValueScale.cell(1, 1) != ValueScale.cell(-1, 1), "the two ends differ");
    }

    @Test
    void aSavedRegressionModelWithFeaturesComesBackAsItsDatasetAndFeatures() {
        TrainSettings s = TrainSettings.read(new Settings().put("dataset", "gaussians").put("features",
                "x1,x2,x1*x2,sin(x1)").put("n", "60"));
        Dataset train = s.split().train();
        Trainer t = new Trainer(s.spec(train), Trainer.Engine.TAPE);
        t.step();
        double[] scores = new double[train.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = t.predict(train.xs()[i]);
        }
        TrainSettings now = s.copy();
        now.init = t.parameterValues();
        String file = org.backproplab.nn.ModelFile.write(now.spec(train), 1, scores, now.origin());
        TrainSpec spec = TrainSpec.parse(file);
        TrainSettings back = TrainSettings.fromSpec(spec).withOrigin(org.backproplab.nn.ModelFile.read(file).origin(),
                spec.data());
        assertEquals(DatasetChoice.GAUSSIANS, back.dataset, "the generator gives back the very points");
        assertArrayEquals(now.features, back.features);
        assertArrayEquals(now.init, back.init);
        assertTrue(back.regression());

        TrainSettings sine = TrainSettings.read(new Settings().put("dataset", "sine").put("n", "40"));
        Dataset sineTrain = sine.split().train();
        String sineFile = org.backproplab.nn.ModelFile.write(sine.spec(sineTrain), 0, new double[sineTrain.size()],
                sine.origin());
        TrainSpec sineSpec = TrainSpec.parse(sineFile);
        TrainSettings sineBack = TrainSettings.fromSpec(sineSpec)
                .withOrigin(org.backproplab.nn.ModelFile.read(sineFile).origin(), sineSpec.data());
        assertEquals(DatasetChoice.SINE, sineBack.dataset, "the curve's one input comes back as the curve");
        assertEquals(40, sineBack.points);

        TrainSettings custom = TrainSettings.read(new Settings().put("dataset", "custom").put("task", "regression")
                .put("pts", "0.5,1,0.25;-1,0.5,-1.75;0,0,3;1,1,0.5;0.2,-0.3,1"));
        Dataset customTrain = custom.split().train();
        String customFile = org.backproplab.nn.ModelFile.write(custom.spec(customTrain), 0,
                new double[customTrain.size()], custom.origin());
        TrainSpec customSpec = TrainSpec.parse(customFile);
        TrainSettings customBack = TrainSettings.fromSpec(customSpec)
                .withOrigin(org.backproplab.nn.ModelFile.read(customFile).origin(), customSpec.data());
        assertEquals(DatasetChoice.CUSTOM, customBack.dataset);
        assertTrue(customBack.targets, "the custom points keep their targets");
        assertEquals(5, customBack.custom.size(), "the held-out points come back too");
    }
}
