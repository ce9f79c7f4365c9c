package org.backproplab.ui.derivative;

import org.backproplab.engine.Numbers;
import org.backproplab.ui.dom.Settings;

/**
 * The derivative view's part of a link: fx, x, h, xmin, xmax, central (1/0) and multi, panel 2's program, whose text
 * holds its inputs' values (as in the graph view, the program text is the single source of truth). Read through the
 * typed readers of {@link Settings}, which name each part they skip; what they skip keeps its default.
 */
record DerivativeSettings(String fx, double x, double h, double xmin, double xmax, boolean central, String multi) {
    static final String DEFAULT_FX = "3*x**2 - 4*x + 5";
    static final String DEFAULT_MULTI = "a = 2.0\nb = -3.0\nc = 10.0\nd = a*b + c";
    static final DerivativeSettings DEFAULTS = new DerivativeSettings(DEFAULT_FX, 2, 1e-3, -5, 5, false,
            DEFAULT_MULTI);
    /** The h slider's ends, as in FiniteDifference's sweep. */
    static final double SMALLEST_H = 1e-32;
    static final double LARGEST_H = 0.1;
    /** Any number Numbers.read takes ("expected a number below 1e308"), so a link holds any x a person can type. */
    private static final double FAR = 1e308;
    /** Wider plots only sample rounding noise. */
    private static final double WIDEST_PLOT = 1e12;
    private static final int MAX_TEXT = 20_000;

    static DerivativeSettings read(Settings state) {
        String fx = text(state, "fx", DEFAULT_FX).replace('\n', ' ').replace('\r', ' ');
        double x = state.number("x", DEFAULTS.x, -FAR, FAR);
        double h = state.number("h", DEFAULTS.h, SMALLEST_H, LARGEST_H);
        double xmin = state.number("xmin", DEFAULTS.xmin, -FAR, FAR);
        double xmax = state.number("xmax", DEFAULTS.xmax, -FAR, FAR);
        if (!plottable(xmin, xmax)) {
            state.ignore("xmin", "the plot needs xmin < xmax");
            state.ignore("xmax", "the plot needs xmin < xmax");
            xmin = DEFAULTS.xmin;
            xmax = DEFAULTS.xmax;
        }
        boolean central = state.flag("central", false);
        return new DerivativeSettings(fx, x, h, xmin, xmax, central, text(state, "multi", DEFAULT_MULTI));
    }

    /** Writes every key, in the order a link has always listed them. */
    void write(Settings state) {
        state.put("fx", fx);
        state.put("x", Numbers.format(x));
        state.put("h", linkH(h));
        state.put("xmin", Numbers.format(xmin));
        state.put("xmax", Numbers.format(xmax));
        state.putFlag("central", central);
        state.put("multi", multi);
    }

    /** A plot range the view can draw: lo below hi, and not absurdly wide. */
    static boolean plottable(double lo, double hi) {
        return lo < hi && hi - lo <= WIDEST_PLOT;
    }

    /** h in a link: 1e-6 for a whole power of ten, else every digit, so the link gives back exactly this h. */
    static String linkH(double h) {
        String text = Sentences.hText(h);
        return text.startsWith("1e") ? text : Double.toString(h);
    }

    private static String text(Settings state, String key, String fallback) {
        String value = state.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.length() > MAX_TEXT) {
            state.ignore(key, "it is longer than " + MAX_TEXT + " characters");
            return fallback;
        }
        return value;
    }
}
