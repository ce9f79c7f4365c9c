package org.backproplab.ui.derivative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.engine.FiniteDifference;
import org.backproplab.expr.FunctionOfX;
import org.backproplab.ui.derivative.Sentences.Sentence;
import org.junit.jupiter.api.Test;

/**
 * The derivative view's sentences for real functions, x and h: the lecture's parabola at x = 2 with h too large, at
 * its best, too small and lost, central differences, a zero error, and functions that are undefined at x.
 */
class SentencesTest {
    private static final FunctionOfX PARABOLA = FunctionOfX.parse("3*x**2 - 4*x + 5");
    private static final double[] SWEEP = FiniteDifference.sweep(10);

    /** The note under the error chart for f at x with this h, as the chart makes it. */
    private static Sentence explain(FunctionOfX f, double x, double h, boolean central) {
        Slopes s = Slopes.of(f, x, h, central);
        return Sentences.explainH(s, ErrorCurve.of(f, x, s.exact(), SWEEP, central));
    }

    /** The text with its no-break spaces and hyphens as plain ones, to compare with a sentence written out here. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u2011', '-');
    }

    @Test
    void readOutsUseARealMinusSignAndSayNaN() {
        assertEquals("−16", Sentences.format(-16, 12));
        assertEquals("8.003", Sentences.format(Slopes.of(PARABOLA, 2, 1e-3, false).numeric(), 12),
                "8.003000000000426 to 12 digits");
        assertEquals("0.333333", Sentences.format(1.0 / 3, 6));
        assertEquals("NaN", Sentences.format(Double.NaN, 10));
    }

    @Test
    void hIsAPowerOfTenOrThreeDigits() {
        assertEquals("1e-1", Sentences.hText(0.1));
        assertEquals("1e-6", Sentences.hText(1e-6));
        assertEquals("1e-32", Sentences.hText(1e-32));
        assertEquals("5.01e-7", Sentences.hText(FiniteDifference.powerOfTen(-6.3)));
    }

    @Test
    void theSlopeErrorReadOut() {
        assertEquals("0.003", Sentences.slopeError(Slopes.of(PARABOLA, 2, 1e-3, false).error()));
        assertEquals("4.9e-8", Sentences.slopeError(Slopes.of(PARABOLA, 2, 1e-8, false).error()));
        assertEquals("0", Sentences.slopeError(0), "equal to the last bit");
        assertEquals("—", Sentences.slopeError(Double.NaN), "nothing to compare");
        assertEquals("(f(x+h) − f(x−h)) / 2h", Sentences.numericFormula(true));
        assertEquals("(f(x+h) − f(x)) / h", Sentences.numericFormula(false));
    }

    @Test
    void theDirectionSaysWhichWayFMovesAndByHowMuch() {
        Sentence up = Sentences.direction(Slopes.of(PARABOLA, 2, 1e-3, false));
        assertEquals("up", up.kind());
        assertEquals("At x = 2, the slope is 8: nudge x up a little and f goes up, by about 8 times the nudge.",
                up.text());
        Sentence down = Sentences.direction(Slopes.of(PARABOLA, -2, 1e-3, false));
        assertEquals("down", down.kind());
        assertEquals("At x = −2, the slope is −16: nudge x up a little and f goes down, by about 16 times the nudge.",
                down.text());
        assertEquals("At x = −1, the slope is −1: nudge x up a little and f goes down, by about as much as the nudge.",
                Sentences.direction(Slopes.of(FunctionOfX.parse("1/x"), -1, 1e-3, false)).text());
        Sentence flat = Sentences.direction(Slopes.of(FunctionOfX.parse("x**2"), 0, 1e-3, false));
        assertEquals("flat", flat.kind());
        assertTrue(flat.text().contains("f is flat here"), flat.text());
    }

    @Test
    void noDirectionWhereFOrItsSlopeIsUndefined() {
        Sentence nan = Sentences.direction(Slopes.of(FunctionOfX.parse("log(x)"), -1, 1e-3, false));
        assertEquals("undefined", nan.kind());
        assertEquals("At x = −1, f is not defined (f(x) is NaN), so it has no slope there.", nan.text());
        Sentence infinite = Sentences.direction(Slopes.of(FunctionOfX.parse("1/x"), 0, 1e-3, false));
        assertEquals("At x = 0, f is not defined (f(x) is infinite), so it has no slope there.", infinite.text());
        Sentence steep = Sentences.direction(Slopes.of(FunctionOfX.parse("x**0.5"), 0, 1e-3, false));
        assertEquals("undefined", steep.kind());
        assertEquals("At x = 0, f(x) = 0 but its slope is not finite there.", steep.text());
    }

    @Test
    void aLargeHIsTruncation() {
        Sentence note = explain(PARABOLA, 2, 1e-3, false);
        assertEquals("truncation", note.kind());
        assertEquals("At h = 1e-3 the secant still bends away from the tangent: this truncation error shrinks in "
                + "proportion to h. Smallest error near h = 2e-8.", plain(note.text()));
        assertTrue(note.text().contains("h\u00a0=\u00a01e\u20113"), "h = 1e-3 is never split across lines");
        assertTrue(explain(FunctionOfX.parse("x**3"), 2, 1e-2, true).text().contains("shrinks like h²"));
    }

    @Test
    void theBestHSaysTheTwoErrorsAreAboutEqual() {
        Slopes at = Slopes.of(PARABOLA, 2, 1e-3, false);
        ErrorCurve curve = ErrorCurve.of(PARABOLA, 2, at.exact(), SWEEP, false);
        double best = SWEEP[curve.best()];
        assertEquals(-7.8, Math.log10(best), 1e-9, "forward differences do best near the square root of 1e-16");
        Slopes atBest = Slopes.of(PARABOLA, 2, best, false);
        Sentence note = Sentences.explainH(atBest, curve);
        assertEquals("best", note.kind());
        assertEquals("At h = 1.58e-8 truncation and round-off errors are about equal: the error, 1.0e-8, is about as "
                + "small as forward differences get.", plain(note.text()));
    }

    @Test
    void aTinyHIsRoundOff() {
        Sentence note = explain(PARABOLA, 2, 1e-12, false);
        assertEquals("round-off", note.kind());
        assertEquals("At h = 1e-12, f(x + h) and f(x) share most of their digits: their difference is mostly rounding "
                + "noise, magnified by dividing by a tiny h. Smallest error near h = 2e-8.", plain(note.text()));
    }

    @Test
    void centralDifferencesOnAParabolaOnlyRound() {
        Sentence note = explain(PARABOLA, 2, 1e-9, true);
        assertEquals("round-off", note.kind());
        assertEquals("At h = 1e-9 only rounding is left: central differences are exact for a parabola, and the "
                + "rounding noise in f(x + h) − f(x − h), divided by h, grows as h shrinks.", plain(note.text()));
        Sentence cubic = explain(FunctionOfX.parse("x**3"), 2, 1e-12, true);
        assertEquals("round-off", cubic.kind());
        assertTrue(cubic.text().contains("share most of their digits"), "a cubic still has truncation to lose");
    }

    @Test
    void aLostNudgeIsExactlyZero() {
        Sentence forward = explain(PARABOLA, 2, 1e-31, false);
        assertEquals("lost", forward.kind());
        assertEquals("At h = 1e-31, x + h == x in doubles, which keep about 16 significant digits: the nudge is lost, "
                + "f(x + h) − f(x) is exactly 0, and so is the numeric slope.", plain(forward.text()));
        assertTrue(plain(explain(PARABOLA, 2, 1e-31, true).text()).contains("x ± h == x"));
        assertEquals("lost", explain(PARABOLA, 1e20, 1e-3, false).kind(), "far out even h = 1e-3 is lost");
    }

    @Test
    void aZeroErrorIsAnExactHit() {
        // x² at its minimum is symmetric: the central difference is exactly 0, the slope.
        Sentence note = explain(FunctionOfX.parse("x**2"), 0, 1e-3, true);
        assertEquals("exact", note.kind());
        assertEquals("At h = 1e-3 the numeric slope happens to equal the exact one to the last bit.",
                plain(note.text()));
    }

    @Test
    void noErrorToExplainWithoutAnExactSlopeOrAnyUsableH() {
        Sentence infinite = explain(FunctionOfX.parse("log(x)"), 0, 1e-3, false);
        assertEquals("none", infinite.kind());
        assertEquals("There is no exact slope at this x to compare with, so there is no error to plot.",
                infinite.text());
        // At x = -1 backward still says 1/x = -1, but log is NaN there, and so is every nudge's error.
        assertEquals(new Sentence("none", ""), explain(FunctionOfX.parse("log(x)"), -1, 1e-3, false));
    }

    @Test
    void thePlotSaysWhyThePointIsMissing() {
        assertEquals("x = 7 is outside the plotted range: widen it to see the point.",
                Sentences.plotNote(7, false, true));
        assertEquals("f is not defined at x = −1.", Sentences.plotNote(-1, true, false));
        assertNull(Sentences.plotNote(2, true, true));
        assertEquals("x + h == x: slope 0", Sentences.lostLabel(false));
        assertEquals("x ± h == x: slope 0", Sentences.lostLabel(true));
        assertEquals("tangent, slope 8", Sentences.tangentKey(8));
        assertEquals("secant, slope 8.003", Sentences.secantKey(Slopes.of(PARABOLA, 2, 1e-3, false).numeric()));
    }

    @Test
    void thePartialsOfTheLectureExample() {
        assertEquals(new Sentence("down", "↓ goes down, 3× the nudge"), Sentences.partial(-3));
        assertEquals(new Sentence("up", "↑ goes up, 2× the nudge"), Sentences.partial(2));
        assertEquals(new Sentence("flat", "→ stays put (to first order)"), Sentences.partial(0));
        assertEquals("undefined", Sentences.partial(Double.NaN).kind());
        assertEquals("undefined", Sentences.partial(Double.POSITIVE_INFINITY).kind());
        assertEquals("∂d/∂a = -3.0, from backward", Sentences.partialTitle("d", "a", -3));
        assertEquals("   nudges of h = 1e-3, forward differences (set in panel 1)", Sentences.nudges(1e-3, false));
        assertEquals("   nudges of h = 5.01e-7, central differences (set in panel 1)",
                Sentences.nudges(FiniteDifference.powerOfTen(-6.3), true));
    }

    @Test
    void theCaretSitsUnderTheColumnAndKeepsTabs() {
        assertEquals("              ^", Sentences.caret("3*x**2 - 4*x +", 15));
        assertEquals("^", Sentences.caret("+x", 1));
        assertEquals("\t  ^", Sentences.caret("\tx +", 4), "a tab above stays a tab, so the caret lines up");
    }
}
