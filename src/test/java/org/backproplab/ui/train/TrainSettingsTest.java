package org.backproplab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The trainer's settings as plain data: what they suggest, how a dataset choice sets them, and links. */
class TrainSettingsTest {
    @Test
    void afterABlowUpTheSuggestedRateIsOneATeacherWouldTry() {
        assertEquals(0.1, TrainSettings.saferRate(1e6), "not 100000");
        assertEquals(0.1, TrainSettings.saferRate(5));
        assertEquals(0.1, TrainSettings.saferRate(1));
        assertEquals(0.05, TrainSettings.saferRate(0.5), 1e-15);
        assertEquals(0.001, TrainSettings.saferRate(0.01), 1e-15);
    }
}
