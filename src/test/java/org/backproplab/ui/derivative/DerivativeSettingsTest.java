package org.backproplab.ui.derivative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.FiniteDifference;
import org.backproplab.ui.dom.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The derivative view's part of a link: what it reads, what it skips (and says so), and what it writes back. */
class DerivativeSettingsTest {

    private static Settings link(String... keysAndValues) {
        Settings state = new Settings();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            state.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return state;
    }

    /** True if the settings' ignored list names this key, as the page's message will. */
    private static boolean named(Settings state, String key) {
        return state.ignored().stream().anyMatch(part -> part.startsWith("'" + key + "'"));
    }

    @Test
    void anEmptyLinkGivesTheLecture() {
        Settings state = new Settings();
        assertEquals(DerivativeSettings.DEFAULTS, DerivativeSettings.read(state));
        assertEquals("3*x**2 - 4*x + 5", DerivativeSettings.DEFAULTS.fx());
        assertEquals(2.0, DerivativeSettings.DEFAULTS.x());
        assertEquals(1e-3, DerivativeSettings.DEFAULTS.h());
        assertTrue(state.ignored().isEmpty());
    }

    @Test
    void everyKeyIsRead() {
        Settings state = link("fx", "tanh(x)", "x", "0.5", "h", "1e-8", "xmin", "-3", "xmax", "3", "central", "1",
                "multi", "p = 3.0\nq = p*p");
        assertEquals(new DerivativeSettings("tanh(x)", 0.5, 1e-8, -3, 3, true, "p = 3.0\nq = p*p"),
                DerivativeSettings.read(state));
        assertTrue(state.ignored().isEmpty(), state.ignored().toString());
    }

    @Test
    void theRealMinusSignIsANumber() {
        DerivativeSettings s = DerivativeSettings.read(link("x", "−2", "xmin", "−10"));
        assertEquals(-2.0, s.x());
        assertEquals(-10.0, s.xmin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x10", "1d", "2f", "1e999", "abc", "", "1e", "--1"})
    void aBadXIsNamedAndTheDefaultStays(String bad) {
        Settings state = link("x", bad);
        assertEquals(2.0, DerivativeSettings.read(state).x());
        assertTrue(named(state, "x"), state.ignored().toString());
    }

    @Test
    void hMustBeOnTheSlider() {
        Settings state = link("h", "5");
        assertEquals(1e-3, DerivativeSettings.read(state).h());
        assertTrue(named(state, "h"));
        assertEquals(1e-32, DerivativeSettings.read(link("h", "1e-32")).h(), "the smallest h is allowed");
        assertEquals(0.1, DerivativeSettings.read(link("h", "0.1")).h(), "so is the largest");
        Settings tooSmall = link("h", "1e-40");
        assertEquals(1e-3, DerivativeSettings.read(tooSmall).h());
        assertTrue(named(tooSmall, "h"));
        Settings zero = link("h", "0");
        assertEquals(1e-3, DerivativeSettings.read(zero).h(), "a nudge of 0 divides by 0");
        assertTrue(named(zero, "h"));
    }

    @Test
    void centralIsOneOrZero() {
        assertTrue(DerivativeSettings.read(link("central", "1")).central());
        assertFalse(DerivativeSettings.read(link("central", "0")).central());
        for (String bad : List.of("yes", "true", "2", "")) {
            Settings state = link("central", bad);
            assertFalse(DerivativeSettings.read(state).central(), bad);
            assertTrue(named(state, "central"), bad);
        }
    }

    @Test
    void theLecturesBadLinkNamesEachPart() {
        Settings state = link("x", "abc", "h", "5", "central", "yes");
        assertEquals(DerivativeSettings.DEFAULTS, DerivativeSettings.read(state));
        assertEquals(3, state.ignored().size(), state.ignored().toString());
        assertTrue(named(state, "x") && named(state, "h") && named(state, "central"));
    }

    @Test
    void aPlotRangeMustRunLeftToRight() {
        Settings backwards = link("xmin", "5", "xmax", "1");
        DerivativeSettings s = DerivativeSettings.read(backwards);
        assertEquals(-5.0, s.xmin());
        assertEquals(5.0, s.xmax());
        assertTrue(named(backwards, "xmin") && named(backwards, "xmax"));
        Settings empty = link("xmin", "1", "xmax", "1");
        assertEquals(-5.0, DerivativeSettings.read(empty).xmin());
        Settings tooWide = link("xmin", "-1e12", "xmax", "1e12");
        assertEquals(5.0, DerivativeSettings.read(tooWide).xmax(), "wider than 1e12 only plots rounding noise");
        assertTrue(DerivativeSettings.plottable(-1, 1e-9));
        assertFalse(DerivativeSettings.plottable(1, -1));
    }

    @Test
    void textsArePlainTextOnOneLineAndNotHuge() {
        assertEquals("x +  1", DerivativeSettings.read(link("fx", "x +\r\n1")).fx(), "f(x) is one line");
        Settings huge = link("multi", "a = 1.0\n".repeat(3000));
        assertEquals(DerivativeSettings.DEFAULT_MULTI, DerivativeSettings.read(huge).multi());
        assertTrue(named(huge, "multi"));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        double h = FiniteDifference.powerOfTen(-6.3); // not a whole power of ten: every digit must survive
        DerivativeSettings s = new DerivativeSettings("exp(x)", 1e20, h, -2.5, 1e11, true, "a = 1.5\nb = a*a");
        Settings state = new Settings();
        s.write(state);
        assertEquals(List.of("fx", "x", "h", "xmin", "xmax", "central", "multi"), List.copyOf(state.values().keySet()),
                "the order links have always had");
        assertEquals(s, DerivativeSettings.read(state));
        assertTrue(state.ignored().isEmpty(), state.ignored().toString());
    }

    @Test
    void linksSpellNumbersAsAPersonWould() {
        Settings state = new Settings();
        DerivativeSettings.DEFAULTS.write(state);
        assertEquals(Map.of("fx", "3*x**2 - 4*x + 5", "x", "2", "h", "1e-3", "xmin", "-5", "xmax", "5", "central",
                "0", "multi", DerivativeSettings.DEFAULT_MULTI), state.values());
        assertEquals("1e-31", DerivativeSettings.linkH(FiniteDifference.powerOfTen(-31)));
        assertEquals("5.011872336272725E-7", DerivativeSettings.linkH(FiniteDifference.powerOfTen(-6.3)));
    }
}
