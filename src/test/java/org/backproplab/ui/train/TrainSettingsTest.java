package org.backproplab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.Dataset;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Loss;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.TrainSpec;
import org.backproplab.ui.dom.Settings;
import org.junit.jupiter.api.Test;

/**
 * The trainer's settings as plain data: what they suggest, how a dataset choice sets them, links, and the "forget
 * zero_grad" switch (read from a link, written back, and kept through a saved run file).
 */
class TrainSettingsTest {
    @Test
    void afterABlowUpTheSuggestedRateIsOneATeacherWouldTry() {
        assertEquals(0.1, TrainSettings.saferRate(1e6), "not 100000");
        assertEquals(0.1, TrainSettings.saferRate(5));
        assertEquals(0.1, TrainSettings.saferRate(1));
        assertEquals(0.05, TrainSettings.saferRate(0.5), 1e-15);
        assertEquals(0.001, TrainSettings.saferRate(0.01), 1e-15);
    }

    @Test
    void theLectureDatasetBringsTheLecturesNetworkAndTrainsOnAllFourExamples() {
        TrainSettings s = TrainSettings.read(new Settings().put("dataset", "lecture"));
        assertEquals("4,4", s.layers);
        assertEquals(3, s.inputs());
        assertEquals(Activation.TANH, s.activation);
        assertEquals(Activation.TANH, s.output, "micrograd's Neuron is tanh in the output layer too");
        assertEquals(Loss.Type.MSE, s.loss);
        assertEquals(Loss.Reduction.SUM, s.reduction);
        assertEquals(0, s.l2);
        assertEquals(Optimizer.Kind.SGD, s.optimizer);
        assertEquals(0.1, s.lr);
        assertEquals(false, s.decay);
        Dataset.Split split = s.split();
        assertEquals(4, split.train().size(), "all four examples are trained");
        assertEquals(0, split.test().size(), "none held out");
        TrainSpec spec = s.spec(split.train());
        assertEquals(41, org.backproplab.nn.MLP.parameterCount(3, spec.layers()), "MLP(3, [4, 4, 1])");

        TrainSettings linked = TrainSettings.read(new Settings().put("dataset", "lecture").put("lr", "0.05"));
        assertEquals(0.05, linked.lr, "a link's own keys still win");
        s.leaveLectureSetup();
        assertEquals("16,16", s.layers);
        assertEquals(Loss.Reduction.MEAN, s.reduction);
    }

    @Test
    void theNeuronButtonsChangeOnlyTheChosenLayer() {
        assertEquals("16,17", LayerSizes.changed(new int[] {16, 16}, 0, 1, 1));
        assertEquals("15,16", LayerSizes.changed(new int[] {16, 16}, 0, -1, 0));
        assertEquals("1,16", LayerSizes.changed(new int[] {1, 16}, 0, -1, 0), "never fewer than 1");
        assertEquals("64", LayerSizes.changed(new int[] {64}, 0, 1, 0), "never more than 64");
        assertEquals("16,16,16", LayerSizes.changed(new int[] {16, 16}, 1, 0, 0));
        assertEquals("16", LayerSizes.changed(new int[] {16, 16}, -1, 0, 0));
        assertEquals("4", LayerSizes.changed(new int[0], 1, 0, -1));
    }

    @Test
    void aSavedModelsOriginGivesBackItsDatasetAndTestPoints() {
        TrainSettings moons = new TrainSettings();
        moons.testRatio = 0.3;
        moons.seed = 42;
        Dataset train = moons.split().train();
        TrainSettings imported = TrainSettings.fromSpec(moons.spec(train));
        assertEquals(DatasetChoice.CUSTOM, imported.dataset, "the points alone can't say they are moons");
        TrainSettings named = imported.withOrigin(moons.origin(), train);
        assertNotNull(named);
        assertEquals(DatasetChoice.MOONS, named.dataset);
        assertEquals(0.3, named.testRatio);
        assertEquals(moons.split().test().size(), named.split().test().size(), "its test points come back");
        assertEquals(0, named.custom.size());

        TrainSettings custom = new TrainSettings();
        custom.dataset = DatasetChoice.CUSTOM;
        for (int i = 0; i < 10; i++) {
            custom.custom.add(new double[] {i * 0.1, -i * 0.2, i % 2 == 0 ? 1 : -1});
        }
        Dataset customTrain = custom.split().train();
        TrainSettings back = TrainSettings.fromSpec(custom.spec(customTrain)).withOrigin(custom.origin(), customTrain);
        assertNotNull(back);
        assertEquals(10, back.custom.size(), "test points included");
        assertEquals(custom.split().test().size(), back.split().test().size());

        ModelFile.Origin other = new ModelFile.Origin("circles", 100, 0.1, 0.3, null);
        assertNull(imported.withOrigin(other, train), "an origin that doesn't make the file's points is not believed");
        assertNull(imported.withOrigin(new ModelFile.Origin("<img>", 100, 0.1, 0.3, null), train));
    }

    @Test
    void aLinkThatWouldRunTheValueEngineOutOfMemoryTrainsOnTheTape() {
        Settings link = new Settings().put("engine", "value").put("n", "1000").put("layers", "64,64,64,64,64,64");
        TrainSettings s = TrainSettings.read(link);
        assertEquals(org.backproplab.nn.Trainer.Engine.TAPE, s.engine);
        assertEquals(1, link.ignored().size(), link.ignored().toString());
        assertTrue(link.ignored().get(0).startsWith("'engine' (the Value engine would build about"));
        TrainSettings small = TrainSettings.read(new Settings().put("engine", "value").put("layers", "4"));
        assertEquals(org.backproplab.nn.Trainer.Engine.VALUE, small.engine, "a run that fits keeps it");
    }
    @Test
    void nozeroInALinkForgetsZeroGradInTheSpecTheTrainerRuns() {
        Settings link = new Settings().put("nozero", "1");
        TrainSettings s = TrainSettings.read(link);
        assertFalse(s.zeroGrad);
        assertFalse(s.spec(s.split().train()).optimizer().zeroGrad(), "both engines read it from the spec");
        assertFalse(s.copy().zeroGrad);
        Settings written = new Settings();
        s.write(written);
        assertEquals("1", written.get("nozero"));
    }

    @Test
    void byDefaultTheGradsAreZeroedAndLinksDontMentionIt() {
        TrainSettings s = TrainSettings.read(new Settings());
        assertTrue(s.zeroGrad);
        assertTrue(s.spec(s.split().train()).optimizer().zeroGrad());
        Settings written = new Settings();
        s.write(written);
        assertNull(written.get("nozero"));
        Settings odd = new Settings().put("nozero", "yes");
        assertTrue(TrainSettings.read(odd).zeroGrad);
        assertEquals("'nozero' (expected 1 or 0)", odd.ignored().get(0));
    }

    @Test
    void aSavedRunWithoutZeroGradImportsWithTheSwitchOn() {
        TrainSettings s = TrainSettings.read(new Settings().put("nozero", "1").put("layers", "4"));
        String file = ModelFile.write(s.spec(s.split().train()), 0, null);
        assertTrue(file.contains("\"zero_grad\": false"), file);
        assertFalse(TrainSettings.fromSpec(TrainSpec.parse(file)).zeroGrad);
    }
}
