package org.backproplab.expr;

import java.util.List;
import org.backproplab.engine.FiniteDifference;
import org.backproplab.engine.Value;

/**
 * A function of one variable, typed as an expression in x such as {@code 3*x**2 - 4*x + 5}. It is run as the
 * two-line program {@code x = 0.0} / {@code f = <text>}, so its Value graph, its grads and its errors are the
 * language's own; an error's column is moved back into the typed text. The graph is built once: plotting f at
 * 400 points only sets x and re-runs the forward pass over the topological order.
 */
public final class FunctionOfX {
    private static final String PREFIX = "f = ";

    private final String text;
    private final Value x;
    private final Value output;
    private final List<Value> order;

    private FunctionOfX(String text, Value x, Value output) {
        this.text = text;
        this.x = x;
        this.output = output;
        this.order = output.topologicalOrder();
    }

    /** Parses the function, or throws a {@link ParseError} with line 1 and a column in the text as typed. */
    public static FunctionOfX parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                throw new ParseError(1, i + 1, "the function is one line; expected no line break");
            }
            if (text.charAt(i) == ';') {
                throw new ParseError(1, i + 1, "the function is one expression; expected no ';'");
            }
        }
        Program program;
        try {
            program = Parser.parse("x = 0.0\n" + PREFIX + text);
        } catch (ParseError e) {
            throw inText(e);
        }
        if (program.usesValue()) { // x = 0.0 would then be a plain number, as in Python, and not a leaf to vary
            throw new ParseError(1, Math.max(1, text.indexOf("Value") + 1), "x is the function's Value already; "
                    + "expected an expression in x such as 3*x**2, without Value(…)");
        }
        Evaluation evaluation = Evaluator.evaluate(program, "f");
        return new FunctionOfX(text, evaluation.named().get("x"), evaluation.output());
    }

    /** The wrapper's error, placed in the typed text and worded for a function of x. */
    private static ParseError inText(ParseError e) {
        if (e.line() != 2) {
            return new ParseError(1, 1, e.reason()); // only a limit on the whole text (its length) is on line 1
        }
        String reason = e.reason();
        String earlier = "expected a name defined on an earlier line";
        if (reason.endsWith(earlier)) {
            reason = reason.substring(0, reason.length() - earlier.length()) + "expected x, the function's only "
                    + "variable";
        }
        return new ParseError(1, Math.max(1, e.column() - PREFIX.length()), reason);
    }

    public String text() {
        return text;
    }

    /** f(x): NaN or infinite where f is undefined, as the forward pass gives it. */
    public double at(double xValue) {
        x.data = xValue;
        Value.recompute(order);
        return output.data;
    }

    /** df/dx at x from backward: the grad that reaches the leaf x (0 when f does not use x at all). */
    public double slope(double xValue) {
        at(xValue);
        for (Value v : order) {
            v.grad = 0;
        }
        x.grad = 0;
        output.backward();
        return x.grad;
    }

    /** The forward or central difference at x with step h. */
    public double numericSlope(double xValue, double h, boolean central) {
        at(xValue);
        return FiniteDifference.slope(output, order, x, h, central);
    }

    /** |numeric − exact| at x for each h, as {@link FiniteDifference#errors}. */
    public double[] errors(double xValue, double exact, double[] hs, boolean central) {
        x.data = xValue;
        return FiniteDifference.errors(output, order, x, exact, hs, central);
    }
}
