package org.backproplab.ui.derivative;

import org.backproplab.engine.FiniteDifference;
import org.backproplab.expr.FunctionOfX;

/**
 * The error of the numeric slope at one x for every h of the sweep (1e-1 down to 1e-32, largest first), with forward
 * or central differences: the curve the error chart draws, and the numbers its note talks about.
 */
record ErrorCurve(double x, boolean central, double[] hs, double[] errors) {

    static ErrorCurve of(FunctionOfX f, double x, double exact, double[] hs, boolean central) {
        return new ErrorCurve(x, central, hs, f.errors(x, exact, hs, central));
    }

    /** True when x + h == x in doubles (and x − h == x for central differences): the nudge does not move x at all. */
    static boolean lost(double x, double h, boolean central) {
        return x + h == x && (!central || x - h == x);
    }

    /** The largest h whose nudge is lost, from where on the slope is exactly 0; NaN if every h still moves x. */
    double lostBelow() {
        return FiniteDifference.lostBelow(x, hs, central);
    }

    /** Where the error is smallest among the h that still move x (the largest h on a tie); -1 if there is none. */
    int best() {
        int best = -1;
        for (int i = 0; i < hs.length; i++) {
            if (!lost(x, hs[i], central) && Double.isFinite(errors[i]) && (best < 0 || errors[i] < errors[best])) {
                best = i;
            }
        }
        return best;
    }
}
