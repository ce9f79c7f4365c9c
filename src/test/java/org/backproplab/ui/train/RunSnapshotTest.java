package org.backproplab.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A trained run as text for the session storage: back to the last bit, and nothing from text that isn't one. */
class RunSnapshotTest {
    @Test
    void aSnapshotReadsBackToTheLastBit() {
        double[] weights = {0.1 + 0.2, -1e-300, 123456.789, -0.0};
        double[][] histories = {{1.5, 0.7}, {0.5, 1}, {Double.NaN, 0.9}, {}};
        RunSnapshot back = RunSnapshot.read(new RunSnapshot("k", 2, weights, histories).write());
        assertEquals("k", back.settingsKey());
        assertEquals(2, back.step());
        assertArrayEquals(weights, back.weights());
        assertTrue(Double.isNaN(back.histories()[2][0]), "a step without a test figure stays NaN");
        assertArrayEquals(histories[1], back.histories()[1]);
        assertEquals(0, back.histories()[3].length);
    }

    @Test
    void anythingElseIsNoSnapshot() {
        assertNull(RunSnapshot.read(""));
        assertNull(RunSnapshot.read("backprop-lab-run/1\nk\n3\n1,abc\n\n\n\n\n"));
        assertNull(RunSnapshot.read("backprop-lab-run/1\nk\n-3\n1\n\n\n\n\n"));
        assertNull(RunSnapshot.read("something else entirely"));
    }

    @Test
    void theKeyTellsRunsApart() {
        TrainSettings a = new TrainSettings();
        TrainSettings b = new TrainSettings();
        assertEquals(RunSnapshot.key(a), RunSnapshot.key(b));
        b.seed = 5;
        assertNotEquals(RunSnapshot.key(a), RunSnapshot.key(b));
    }
}
