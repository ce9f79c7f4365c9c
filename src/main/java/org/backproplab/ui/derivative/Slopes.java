package org.backproplab.ui.derivative;

import org.backproplab.expr.FunctionOfX;

/**
 * What panel 1 shows for one x and one nudge h: f(x), the exact slope that backward gives, and the numeric slope of
 * the nudge, forward or central. Plain numbers, so the sentences about them can be tested without a browser.
 */
record Slopes(double x, double h, boolean central, double fx, double exact, double numeric) {

    static Slopes of(FunctionOfX f, double x, double h, boolean central) {
        return new Slopes(x, h, central, f.at(x), f.slope(x), f.numericSlope(x, h, central));
    }

    /** |numeric − exact|: NaN where f or its slope is undefined. */
    double error() {
        return Math.abs(numeric - exact);
    }
}
