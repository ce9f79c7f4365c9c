package org.backproplab.ui.derivative;

import org.backproplab.engine.Numbers;

/**
 * Every text the derivative view composes from numbers: the read-outs' formats, the sentence on which way f moves,
 * the note on the current h under the error chart, the plot's notes and keys, the partials' directions. They are
 * pure functions, with no browser in them, so JVM tests can read them for real inputs, the awkward ones included
 * (h at its best, round-off, a lost nudge, an error of exactly 0, NaN).
 */
final class Sentences {
    private static final String NB = "\u00a0"; // no line break inside "h = 1e-9" or "f(x + h)"

    private Sentences() {
    }

    /** A sentence and the kind of case it tells of ("up", "round-off", …), which the page keeps in data-value. */
    record Sentence(String kind, String text) {
    }

    /** A read-out number: up to the given significant digits, with a real minus sign. */
    static String format(double v, int significant) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        String s = Numbers.compact(v, significant);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** h as people write it: 1e-6 for a whole power of ten, else three digits, 5.01e-7. */
    static String hText(double h) {
        double exponent = Math.log10(h);
        if (Math.abs(exponent - Math.rint(exponent)) < 1e-9) {
            return "1e" + (int) Math.rint(exponent);
        }
        return Numbers.scientific(h, 2);
    }

    /** The |numeric − exact| read-out: "0" when they agree to the last bit, "—" with nothing to compare. */
    static String slopeError(double err) {
        if (err == 0) {
            return "0";
        }
        if (Double.isNaN(err)) {
            return "—";
        }
        return err >= 1e-3 ? format(err, 4) : Numbers.scientific(err, 1);
    }

    /** The formula under the numeric slope. */
    static String numericFormula(boolean central) {
        return central ? "(f(x+h) − f(x−h)) / 2h" : "(f(x+h) − f(x)) / h";
    }

    /** The sentence beside the read-outs: which way f moves when x is nudged up, and by how much. */
    static Sentence direction(Slopes s) {
        String at = "At x = " + format(s.x(), 8) + ", ";
        double fx = s.fx();
        double exact = s.exact();
        if (Double.isNaN(fx) || Double.isInfinite(fx)) {
            return new Sentence("undefined", at + "f is not defined (f(x) is " + (Double.isNaN(fx) ? "NaN" : "infinite")
                    + "), so it has no slope there.");
        }
        if (!Double.isFinite(exact)) {
            return new Sentence("undefined", at + "f(x) = " + format(fx, 6) + " but its slope is not finite there.");
        }
        if (exact > 0) {
            return new Sentence("up", at + "the slope is " + format(exact, 6) + ": nudge x up a little and f goes "
                    + "up, by " + timesTheNudge(exact) + ".");
        }
        if (exact < 0) {
            return new Sentence("down", at + "the slope is " + format(exact, 6) + ": nudge x up a little and f goes "
                    + "down, by " + timesTheNudge(-exact) + ".");
        }
        return new Sentence("flat", at + "the slope is 0: f is flat here, so a small nudge of x hardly moves f.");
    }

    /** How much f moves for a nudge, given the slope's size. */
    static String timesTheNudge(double factor) {
        return factor == 1 ? "about as much as the nudge" : "about " + format(factor, 6) + " times the nudge";
    }

    /**
     * The note under the error chart about the current h: no exact slope to compare with, the nudge lost
     * (x + h == x), an exact hit, truncation (h too large), round-off (h too small) or about the best h there is.
     * The active curve is the one for the current kind of difference.
     */
    static Sentence explainH(Slopes s, ErrorCurve active) {
        if (!Double.isFinite(s.exact())) {
            return new Sentence("none", "There is no exact slope at this x to compare with, so there is no error to "
                    + "plot.");
        }
        boolean central = s.central();
        String atH = "At h" + NB + "=" + NB + unbroken(hText(s.h()));
        String plus = "f(x" + NB + "+" + NB + "h)";
        String other = central ? "f(x" + NB + "−" + NB + "h)" : "f(x)";
        int best = active.best();
        if (ErrorCurve.lost(s.x(), s.h(), central)) {
            return new Sentence("lost", atH + ", " + (central ? "x" + NB + "±" + NB + "h" : "x" + NB + "+" + NB + "h")
                    + NB + "==" + NB + "x in doubles, which keep about 16 significant digits: the nudge is lost, "
                    + plus + NB + "−" + NB + other + " is exactly 0, and so is the numeric slope.");
        }
        if (s.error() == 0) {
            return new Sentence("exact", atH + " the numeric slope happens to equal the exact one to the last bit.");
        }
        if (best < 0) {
            return new Sentence("none", "");
        }
        double bestH = active.hs()[best];
        double ratio = Math.log10(s.h()) - Math.log10(bestH);
        String smallest = " Smallest error near h" + NB + "=" + NB + unbroken(Numbers.scientific(bestH, 0)) + ".";
        if (ratio > 0.5) {
            return new Sentence("truncation", atH + " the secant still bends away from the tangent: this truncation "
                    + "error shrinks " + (central ? "like h²" : "in proportion to h") + "." + smallest);
        }
        // Central differences are exact for a parabola: all that is left at any h is rounding.
        boolean onlyRounding = central && active.errors()[0] <= 1e-9 * Math.max(1, Math.abs(s.exact()));
        if (ratio < -0.5 && onlyRounding) {
            return new Sentence("round-off", atH + " only rounding is left: central differences are exact for a "
                    + "parabola, and the rounding noise in " + plus + NB + "−" + NB + other + ", divided by h, grows "
                    + "as h shrinks.");
        }
        if (ratio < -0.5) {
            return new Sentence("round-off", atH + ", " + plus + " and " + other + " share most of their digits: their "
                    + "difference is mostly rounding noise, magnified by dividing by a tiny h." + smallest);
        }
        return new Sentence("best", atH + " truncation and round-off errors are about equal: the error, "
                + Numbers.scientific(s.error(), 1) + ", is about as small as " + (central ? "central" : "forward")
                + " differences get.");
    }

    /** A number such as 1e-9 that a line break must not split at its hyphen. */
    private static String unbroken(String number) {
        return number.replace('-', '\u2011');
    }

    /** The label on the error chart's grey band, where the nudge is lost. */
    static String lostLabel(boolean central) {
        return central ? "x ± h == x: slope 0" : "x + h == x: slope 0";
    }

    /** Why the plot can't show the point at x, or null when it can. */
    static String plotNote(double x, boolean visible, boolean defined) {
        if (!visible) {
            return "x = " + format(x, 8) + " is outside the plotted range: widen it to see the point.";
        }
        return defined ? null : "f is not defined at x = " + format(x, 8) + ".";
    }

    /** The plot's accessible name. */
    static String plotLabel(String fx, double x) {
        return "Plot of f(x) = " + fx + ". The point is at x = " + format(x, 8) + "; use the arrow keys to move it.";
    }

    /** The label under the point. */
    static String xLabel(double x) {
        return "x = " + format(x, 6);
    }

    static String tangentKey(double exact) {
        return "tangent, slope " + format(exact, 6);
    }

    static String secantKey(double numeric) {
        return "secant, slope " + format(numeric, 8);
    }

    /** Panel 2's line under the output: which nudges its numeric slopes use. */
    static String nudges(double h, boolean central) {
        return "   nudges of h = " + hText(h) + ", " + (central ? "central" : "forward")
                + " differences (set in panel 1)";
    }

    /** Panel 2's cell for one input: which way the output moves when that input is nudged up, and by how much. */
    static Sentence partial(double partial) {
        if (!Double.isFinite(partial)) {
            return new Sentence("undefined", "— no slope here");
        }
        if (partial > 0) {
            return new Sentence("up", "↑ goes up, " + format(partial, 6) + "× the nudge");
        }
        if (partial < 0) {
            return new Sentence("down", "↓ goes down, " + format(-partial, 6) + "× the nudge");
        }
        return new Sentence("flat", "→ stays put (to first order)");
    }

    /** The exact partial in full precision, for the cell's tooltip. */
    static String partialTitle(String output, String input, double partial) {
        return "∂" + output + "/∂" + input + " = " + Double.toString(partial) + ", from backward";
    }

    /** A caret under the given (1-based) column of a one-line text, tabs kept so it lines up: "  ^". */
    static String caret(String text, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 1; i < column; i++) {
            caret.append(i - 1 < text.length() && text.charAt(i - 1) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}
