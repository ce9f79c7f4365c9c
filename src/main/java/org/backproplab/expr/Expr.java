package org.backproplab.expr;

/**
 * The syntax tree of one right-hand side (jlox's Expr). Each node keeps a token for error positions.
 * Binary chains such as a + b + c + ... are left-deep, and can be tens of thousands deep, so code that walks
 * them goes down the left spine with a loop (see {@link #leftSpine}) rather than by recursion.
 */
public sealed interface Expr {

    /** A numeric literal. */
    record Number(Token token, double value) implements Expr { }

    /** A reference to a variable defined on an earlier line. */
    record Variable(Token name) implements Expr { }

    /** Unary minus. */
    record Negate(Token operator, Expr operand) implements Expr { }

    /** + - * / between two expressions. */
    record Binary(Expr left, Token operator, Expr right) implements Expr { }

    /** base ** k, where k is a constant, as in micrograd. */
    record Power(Expr base, Token operator, double exponent) implements Expr { }

    /** One of the functions relu, tanh, exp, log, sigmoid applied to its argument. */
    record Call(Token function, Expr argument) implements Expr { }

    /** The first token of an expression, for error positions. */
    static Token firstToken(Expr e) {
        while (true) {
            if (e instanceof Number n) {
                return n.token();
            } else if (e instanceof Variable v) {
                return v.name();
            } else if (e instanceof Negate n) {
                return n.operator();
            } else if (e instanceof Binary b) {
                e = b.left();
            } else if (e instanceof Power p) {
                e = p.base();
            } else {
                return ((Call) e).function();
            }
        }
    }

    /**
     * The Binary nodes down the left side of e, bottom first: for ((a + b) * c) - d it is [a + b, (a+b) * c, ...].
     * The first one's left operand is not a Binary.
     */
    static java.util.List<Binary> leftSpine(Binary top) {
        java.util.ArrayList<Binary> spine = new java.util.ArrayList<>();
        Expr e = top;
        while (e instanceof Binary b) {
            spine.add(b);
            e = b.left();
        }
        java.util.Collections.reverse(spine);
        return spine;
    }
}
