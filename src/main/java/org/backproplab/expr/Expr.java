package org.backproplab.expr;

/**
 * The syntax tree of one right-hand side (jlox's Expr). Each node keeps a token for error positions.
 *
 * <p>Code that walks the tree does it through a {@link Visitor}, as jlox does, so that a new kind of node does not
 * compile until every walker handles it. Binary chains such as a + b + c + ... are left-deep, and can be tens of
 * thousands deep, so a walker's {@code visitBinary} goes down the left spine with a loop (see {@link #leftSpine})
 * rather than by recursion; nesting of any other kind is capped by the parser.
 */
public sealed interface Expr {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of node. */
    interface Visitor<R> {
        R visitNumber(Number number);

        R visitVariable(Variable variable);

        R visitNegate(Negate negate);

        R visitBinary(Binary binary);

        R visitPower(Power power);

        R visitCall(Call call);

        R visitValueCall(ValueCall value);
    }

    /** A numeric literal. */
    record Number(Token token, double value) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNumber(this);
        }
    }

    /** A reference to a variable defined on an earlier line. */
    record Variable(Token name) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitVariable(this);
        }
    }

    /** Unary minus. */
    record Negate(Token operator, Expr operand) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNegate(this);
        }
    }

    /** + - * / between two expressions. */
    record Binary(Expr left, Token operator, Expr right) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBinary(this);
        }
    }

    /** base ** k, where k is a constant, as in micrograd. */
    record Power(Expr base, Token operator, double exponent) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitPower(this);
        }
    }

    /**
     * One of the functions relu, tanh, exp, log, sigmoid applied to its argument: written tanh(x) or, as micrograd's
     * method, x.tanh(). Both mean the same node, so both are this one.
     */
    record Call(Token function, Expr argument) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCall(this);
        }
    }

    /**
     * micrograd's {@code Value(data, label='a')}: a new leaf holding the plain number data. {@code label} is the
     * STRING token of its label, or null; {@code dataStart}/{@code dataEnd} is where data's text sits in the source,
     * so that an editor can change the number in place.
     */
    record ValueCall(Token keyword, Expr data, Token label, int dataStart, int dataEnd) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitValueCall(this);
        }

        /** The label's text, or "" without one. */
        public String labelText() {
            return label == null ? "" : label.string();
        }
    }

    /** The first token of an expression, for error positions: down the left operands to the first leaf. */
    static Token firstToken(Expr e) {
        return e.accept(FirstToken.INSTANCE);
    }

    /** The first token; a Binary jumps straight to the bottom of its left spine, so no chain is walked by recursion. */
    final class FirstToken implements Visitor<Token> {
        static final FirstToken INSTANCE = new FirstToken();

        @Override
        public Token visitNumber(Number number) {
            return number.token();
        }

        @Override
        public Token visitVariable(Variable variable) {
            return variable.name();
        }

        @Override
        public Token visitNegate(Negate negate) {
            return negate.operator();
        }

        @Override
        public Token visitBinary(Binary binary) {
            return leftSpine(binary).get(0).left().accept(this);
        }

        @Override
        public Token visitPower(Power power) {
            return power.base().accept(this);
        }

        /** tanh(x) starts at tanh, x.tanh() at x. */
        @Override
        public Token visitCall(Call call) {
            Token argument = call.argument().accept(this);
            return argument.offset() < call.function().offset() ? argument : call.function();
        }

        @Override
        public Token visitValueCall(ValueCall value) {
            return value.keyword();
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
