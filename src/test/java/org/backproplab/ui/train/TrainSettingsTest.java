package org.backproplab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.nn.ModelFile;
import org.backproplab.nn.TrainSpec;
import org.backproplab.ui.dom.Settings;
import org.junit.jupiter.api.Test;

/** The trainer's "forget zero_grad" switch: read from a link, written back, and kept through a saved run file. */
class TrainSettingsTest {

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
