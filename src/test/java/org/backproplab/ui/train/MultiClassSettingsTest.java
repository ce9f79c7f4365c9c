package org.backproplab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.Csv;
import org.backproplab.data.Dataset;
import org.backproplab.nn.Loss;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.TrainSpec;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Settings;
import org.junit.jupiter.api.Test;

/**
 * More than two classes in the trainer's settings: what old and new links mean, how custom points carry classes,
 * the network's k scores with softmax, the CSV's class column, and a run file's classes coming back.
 */
class MultiClassSettingsTest {
    @Test
    void aLinksSpiralWithoutClassesIsStillTheBinarySpiral() {
        TrainSettings old = TrainSettings.read(new Settings().put("dataset", "spiral"));
        assertEquals(2, old.classCount());
        assertFalse(old.softmax());
        assertEquals(Dataset.Labels.SIGNS, old.allPoints().labels());
        assertEquals(1, old.sizes()[old.sizes().length - 1], "one score, as the link's author saw it");
    }

    @Test
    void aLinkWithClassesRoundTripsAndGivesOneScorePerClass() {
        Settings link = new Settings().put("dataset", "spiral").put("classes", "5");
        TrainSettings s = TrainSettings.read(link);
        assertTrue(link.ignored().isEmpty(), link.ignored().toString());
        assertEquals(5, s.classCount());
        assertTrue(s.softmax());
        assertEquals(5, s.sizes()[s.sizes().length - 1]);
        assertEquals(Loss.Type.SOFTMAX, s.spec(s.split().train()).loss().type());
        assertEquals(5, s.allPoints().classes());
        Settings written = new Settings();
        s.write(written);
        assertEquals("5", written.get("classes"));
        TrainSettings back = TrainSettings.read(written);
        assertEquals(5, back.classes);
        assertEquals(s.allPoints().ys().length, back.allPoints().ys().length);
    }

    @Test
    void aBadClassesValueIsNamedAndTheDefaultStays() {
        for (String bad : new String[] {"abc", "1", "6", "2.5", "1e309", ""}) {
            Settings link = new Settings().put("dataset", "blobs").put("classes", bad);
            TrainSettings s = TrainSettings.read(link);
            assertEquals(3, s.classes, bad);
            assertTrue(link.ignored().toString().contains("'classes'"), bad + ": " + link.ignored());
        }
    }

    @Test
    void blobsWithTwoCentresTrainWithOneScoreUnlessSoftmaxIsChosen() {
        TrainSettings s = TrainSettings.read(new Settings().put("dataset", "blobs").put("classes", "2"));
        assertEquals(Dataset.Labels.SIGNS, s.allPoints().labels());
        new Trainer(s.spec(s.split().train()), Trainer.Engine.TAPE).step();
        s.loss = Loss.Type.SOFTMAX;
        assertEquals(Dataset.Labels.CLASSES, s.allPoints().labels());
        assertEquals(2, s.sizes()[s.sizes().length - 1]);
        new Trainer(s.spec(s.split().train()), Trainer.Engine.TAPE).step();
    }

    @Test
    void customLabelsMeanTheSameClassInEitherSpelling() {
        assertEquals(0, Classes.of(-1));
        assertEquals(0, Classes.of(0));
        assertEquals(1, Classes.of(1));
        assertEquals(4, Classes.of(4));
        List<double[]> binary = Classes.parse("0,0,1;1,1,-1;2,2,0");
        assertNotNull(binary);
        Dataset d = Classes.dataset(binary, false);
        assertEquals(Dataset.Labels.SIGNS, d.labels());
        assertEquals(1, d.ys()[0]);
        assertEquals(-1, d.ys()[1]);
        assertEquals(-1, d.ys()[2], "0 and -1 are both class 0");
        assertEquals("0.0,0.0,1;1.0,1.0,-1;2.0,2.0,-1", Classes.write(binary), "two classes are written as old links were");
        List<double[]> three = Classes.parse("0,0,1;1,1,-1;2,2,2");
        assertEquals(3, Classes.count(three));
        assertEquals(Dataset.Labels.CLASSES, Classes.dataset(three, false).labels());
        assertEquals("0.0,0.0,1;1.0,1.0,0;2.0,2.0,2", Classes.write(three));
        for (String bad : new String[] {"0,0,5", "0,0,1.5", "0,0,-2", "0,0", "a,b,c"}) {
            assertNull(Classes.parse(bad), bad);
        }
    }

    @Test
    void aCsvWithAClassColumnIsReadAsClassesAndABadClassNamesItsLine() {
        String good = "x,y,class\n0,0,0\n1,1,1\n2,2,2\n";
        assertEquals(Dataset.Labels.CLASSES, Classes.csvLabels(good));
        Csv.Result r = Csv.parse(good, Classes.csvLabels(good), Classes.MAX);
        assertTrue(r.ok());
        assertEquals(3, Classes.count(Classes.points(r.points())));
        assertEquals(Dataset.Labels.SIGNS, Classes.csvLabels("0,0,1\n1,1,0\n"), "0/1 stays binary");
        String bad = "x,y,class\n0,0,0\n1,1,2\n\n2,2,7\n3,3,1.5\n";
        Csv.Result refused = Csv.parse(bad, Classes.csvLabels(bad), Classes.MAX);
        assertFalse(refused.ok());
        assertEquals(5, refused.errors().get(0).line());
        assertEquals("class '7' must be a whole number from 0 to 4", refused.errors().get(0).reason());
        assertEquals(6, refused.errors().get(1).line());
    }

    @Test
    void aSavedThreeClassModelComesBackAsTheSpiralItWasTrainedOn() {
        TrainSettings s = TrainSettings.read(new Settings().put("dataset", "spiral").put("classes", "4"));
        Dataset train = s.split().train();
        TrainSpec spec = s.spec(train);
        Trainer trainer = new Trainer(spec, Trainer.Engine.TAPE);
        trainer.step();
        String file = ModelFile.write(spec.withInit(trainer.parameterValues()), 1, null, s.origin());
        TrainSpec read = TrainSpec.parse(file);
        TrainSettings imported = TrainSettings.fromSpec(read);
        assertEquals(DatasetChoice.CUSTOM, imported.dataset);
        assertEquals(4, imported.classCount());
        TrainSettings named = imported.withOrigin(ModelFile.read(file).origin(), read.data());
        assertNotNull(named);
        assertEquals(DatasetChoice.SPIRAL, named.dataset);
        assertEquals(4, named.classes);
        assertEquals(trainer.evaluate(train).loss(), new Trainer(named.spec(named.split().train()),
                Trainer.Engine.TAPE).evaluate(train).loss(), "the same weights on the same points");
    }

    /** What the menu gives for each new set learns with the default network in 25 steps, as MultiClassIT trains it. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"spiral", "spiral5", "blobs", "boundary_sin",
        "boundary_cubic", "boundary_abs"})
    void eachNewSetLearnsWithTheDefaults(String name) {
        TrainSettings s = new TrainSettings();
        s.dataset = org.backproplab.engine.Choice.byId(DatasetChoice.values(), name.replace("5", ""));
        s.classes = name.endsWith("5") ? 5 : 3;
        if (s.dataset == DatasetChoice.SPIRAL) { // as the menu gives it: the arms without noise
            s.points = 200;
            s.noise = 0;
        }
        Dataset train = s.split().train();
        Trainer trainer = new Trainer(s.spec(train), Trainer.Engine.TAPE);
        Trainer.Evaluation before = trainer.evaluate(train);
        for (int i = 0; i < 25; i++) {
            trainer.step();
        }
        Trainer.Evaluation after = trainer.evaluate(train);
        assertTrue(after.loss() < before.loss(), name + ": " + before + " -> " + after);
        assertTrue(after.accuracy() > before.accuracy(), name + ": " + before + " -> " + after);
    }
}
