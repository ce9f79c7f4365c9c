package org.backproplab.expr;

import java.util.List;
import org.backproplab.engine.Numbers;

/**
 * Prints a program back to text with the fewest parentheses that keep its meaning, so that
 * parse(print(p)) builds the same graph as p. Comments and spacing are not kept.
 */
public final class Printer {
    private static final int TERM = 1;
    private static final int FACTOR = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int PRIMARY = 5;

    /**
     * How to print for another reader of the same syntax (Python, for {@link PythonExport}): variables renamed
     * through {@code names} (a name not in it stays), and one number node written as {@code Value(k)}, or none.
     */
    record Style(java.util.Map<String, String> names, Expr.Number asValue) {
        static final Style PLAIN = new Style(java.util.Map.of(), null);
    }

    private Printer() {
    }

    public static String print(Program program) {
        StringBuilder out = new StringBuilder();
        for (Program.Assignment a : program.assignments()) {
            out.append(a.variable()).append(" = ");
            print(a.value(), out, Style.PLAIN);
            out.append('\n');
        }
        return out.toString();
    }

    public static String print(Expr expr) {
        return print(expr, Style.PLAIN);
    }

    static String print(Expr expr, Style style) {
        StringBuilder out = new StringBuilder();
        print(expr, out, style);
        return out.toString();
    }

    private static void print(Expr expr, StringBuilder out, Style style) {
        if (expr instanceof Expr.Number n) {
            String literal = Double.isInfinite(n.value()) ? number(n.value()) : Numbers.literal(n.value());
            out.append(n == style.asValue() ? "Value(" + literal + ")" : literal);
        } else if (expr instanceof Expr.Variable v) {
            out.append(style.names().getOrDefault(v.name().text(), v.name().text()));
        } else if (expr instanceof Expr.Negate n) {
            out.append('-');
            if (n.operand() instanceof Expr.Negate) {
                out.append(' '); // "- -x" reads better than "--x"
            }
            printWrapped(n.operand(), precedence(n.operand()) < UNARY, out, style);
        } else if (expr instanceof Expr.Power p) {
            printWrapped(p.base(), precedence(p.base()) < PRIMARY, out, style);
            out.append("**").append(number(p.exponent()));
        } else if (expr instanceof Expr.Call c) {
            out.append(c.function().text()).append('(');
            print(c.argument(), out, style);
            out.append(')');
        } else {
            printChain((Expr.Binary) expr, out, style);
        }
    }

    /** Prints a left-deep chain with a loop; the parentheses a lower-precedence left side needs open up front. */
    private static void printChain(Expr.Binary top, StringBuilder out, Style style) {
        List<Expr.Binary> spine = Expr.leftSpine(top);
        for (int i = spine.size() - 1; i >= 1; i--) {
            if (precedence(spine.get(i - 1)) < precedence(spine.get(i))) {
                out.append('(');
            }
        }
        Expr first = spine.get(0).left();
        printWrapped(first, precedence(first) < precedence(spine.get(0)), out, style);
        for (int i = 0; i < spine.size(); i++) {
            Expr.Binary b = spine.get(i);
            out.append(' ').append(b.operator().text()).append(' ');
            printWrapped(b.right(), precedence(b.right()) <= precedence(b), out, style); // a - (b - c) keeps its parens
            if (i + 1 < spine.size() && precedence(b) < precedence(spine.get(i + 1))) {
                out.append(')');
            }
        }
    }

    private static void printWrapped(Expr expr, boolean parens, StringBuilder out, Style style) {
        if (parens) {
            out.append('(');
        }
        print(expr, out, style);
        if (parens) {
            out.append(')');
        }
    }

    private static int precedence(Expr expr) {
        if (expr instanceof Expr.Binary b) {
            Token.Type t = b.operator().type();
            return t == Token.Type.PLUS || t == Token.Type.MINUS ? TERM : FACTOR;
        }
        if (expr instanceof Expr.Negate) {
            return UNARY;
        }
        if (expr instanceof Expr.Power) {
            return POWER;
        }
        return PRIMARY;
    }

    /** A literal that parses back to the same double; infinity has no literal of its own, so 1e999 stands in. */
    private static String number(double x) {
        if (Double.isInfinite(x)) {
            return x > 0 ? "1e999" : "-1e999";
        }
        return Numbers.format(x);
    }
}
