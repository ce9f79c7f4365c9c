package org.backproplab.expr;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Op;

/**
 * The expression rules of the grammar that {@link Parser} documents, from expression down to primary and valueCall,
 * one method per rule. {@link Parser} adds the rules for statements and whole programs.
 */
abstract class ExpressionParser extends TokenCursor {
    /** The labelled Value(…) calls of the statement being read: only one that is a whole right side may have one. */
    final List<Expr.ValueCall> labelled = new ArrayList<>();
    /** True once a Value(…) has been read: see {@link Program#usesValue}. */
    boolean usesValue;

    ExpressionParser(String source) {
        super(source);
    }

    Expr expression() {
        return term();
    }

    Expr term() {
        Expr expr = factor();
        while (match(Token.Type.PLUS, Token.Type.MINUS)) {
            Token operator = previous();
            Expr right = factor();
            expr = new Expr.Binary(expr, operator, right);
        }
        return expr;
    }

    Expr factor() {
        Expr expr = unary();
        while (match(Token.Type.STAR, Token.Type.SLASH)) {
            Token operator = previous();
            Expr right = unary();
            expr = new Expr.Binary(expr, operator, right);
        }
        return expr;
    }

    Expr unary() {
        if (match(Token.Type.MINUS)) {
            Token operator = previous();
            enter(operator);
            Expr operand = unary();
            leave(1);
            return new Expr.Negate(operator, operand);
        }
        return power();
    }

    Expr power() {
        Expr base = call();
        if (match(Token.Type.STAR_STAR)) {
            Token operator = previous();
            return new Expr.Power(base, operator, exponent(operator));
        }
        return base;
    }

    double exponent(Token operator) {
        String expected = "a number after '**' (micrograd's x**k takes a constant k)";
        if (match(Token.Type.LEFT_PAREN)) {
            Token open = previous();
            enter(open);
            double k = exponent(operator);
            leave(1);
            consume(Token.Type.RIGHT_PAREN, "')' to close the '(' at column " + open.column());
            return k;
        }
        boolean negative = match(Token.Type.MINUS);
        if (!check(Token.Type.NUMBER)) {
            throw new ParseError(peek(), "expected " + expected + ", found " + peek().describe());
        }
        double k = advance().number();
        if (match(Token.Type.STAR_STAR)) { // 2**3**2 is 2**(3**2), as in Python
            Token inner = previous();
            enter(inner);
            k = Math.pow(k, exponent(inner));
            leave(1);
        }
        return negative ? -k : k; // ** binds tighter than the minus: 2**-2**2 is 2**-(2**2)
    }

    /** micrograd's methods: x.tanh() is tanh(x). Any other use of '.' in an expression (x.data) is refused. */
    Expr call() {
        Token start = peek();
        Expr expr = primary();
        int methods = 0;
        while (check(Token.Type.DOT)) {
            int receiverEnd = previous().end();
            advance();
            Token method = consume(Token.Type.NAME, "a method after '.', such as tanh()");
            if (!check(Token.Type.LEFT_PAREN)) {
                throw new ParseError(start, Refusals.attribute(excerpt(start.offset(), receiverEnd), method.text()));
            }
            if (Op.function(method.text()) == null) {
                throw new ParseError(method, Refusals.method(excerpt(start.offset(), receiverEnd), method.text()));
            }
            Token open = advance();
            enter(open);
            methods++;
            consume(Token.Type.RIGHT_PAREN, "')' right after '" + method.text() + "(': the method takes no argument");
            expr = new Expr.Call(method, expr);
        }
        leave(methods);
        return expr;
    }

    Expr primary() {
        if (match(Token.Type.NUMBER)) {
            return new Expr.Number(previous(), previous().number());
        }
        if (match(Token.Type.NAME)) {
            Token name = previous();
            if (check(Token.Type.LEFT_PAREN)) {
                return name.text().equals("Value") ? valueCall(name) : functionCall(name);
            }
            if (name.text().equals("math") && check(Token.Type.DOT) && !isBound("math")) {
                throw new ParseError(name, Refusals.math(peekAt(1).text(), mathArgument()));
            }
            if (Parser.FUNCTIONS.contains(name.text())) {
                throw new ParseError(peek(), "expected '(' after the function '" + name.text() + "', found "
                        + peek().describe());
            }
            if (!isBound(name.text()) && Refusals.statement(name.text()) != null) {
                throw new ParseError(name, Refusals.statement(name.text())); // c = lambda x: x * 2
            }
            known(name);
            return new Expr.Variable(name);
        }
        if (match(Token.Type.LEFT_PAREN)) {
            Token open = previous();
            enter(open);
            Expr inner = expression();
            leave(1);
            consume(Token.Type.RIGHT_PAREN, "')' to close the '(' at column " + open.column());
            return inner;
        }
        if (check(Token.Type.LEFT_BRACKET)) {
            throw new ParseError(peek(), isComprehension() ? Refusals.COMPREHENSION : Refusals.LIST);
        }
        throw new ParseError(peek(), "expected a number, a name, a function call or '(', found "
                + peek().describe());
    }

    /** In math.f(x) or math.f(x.data), with the parser just after math: x. Otherwise null. */
    private String mathArgument() {
        boolean call = peekAt(2).type() == Token.Type.LEFT_PAREN && peekAt(3).type() == Token.Type.NAME;
        boolean plain = peekAt(4).type() == Token.Type.RIGHT_PAREN;
        boolean data = peekAt(4).type() == Token.Type.DOT && peekAt(5).text().equals("data")
                && peekAt(6).type() == Token.Type.RIGHT_PAREN;
        return call && (plain || data) ? peekAt(3).text() : null;
    }

    /** [x for x in xs] rather than [x1, x2]: a 'for' before the line or the list ends. */
    private boolean isComprehension() {
        for (int i = current; tokens.get(i).type() != Token.Type.NEWLINE && tokens.get(i).type() != Token.Type.EOF
                && tokens.get(i).type() != Token.Type.RIGHT_BRACKET; i++) {
            if (tokens.get(i).type() == Token.Type.NAME && tokens.get(i).text().equals("for")) {
                return true;
            }
        }
        return false;
    }

    Expr functionCall(Token function) {
        if (!Parser.FUNCTIONS.contains(function.text())) {
            throw new ParseError(function, Refusals.function(function.text()));
        }
        Token open = advance();
        enter(open);
        Expr argument = expression();
        leave(1);
        consume(Token.Type.RIGHT_PAREN, "')' to close the call of '" + function.text() + "' at column "
                + open.column());
        return new Expr.Call(function, argument);
    }

    /** micrograd's Value(2.0), Value(2.0, label='a') or Value(data=2.0, label="a"), its keywords in any order. */
    Expr valueCall(Token keyword) {
        Token open = advance();
        enter(open);
        Expr data = null;
        Token label = null;
        int dataStart = 0;
        int dataEnd = 0;
        do {
            if (check(Token.Type.RIGHT_PAREN)) {
                break; // Value(2.0,) or Value(): the latter is refused below
            }
            Token key = check(Token.Type.NAME) && peekAt(1).type() == Token.Type.EQUALS ? advance() : null;
            if (key != null) {
                advance(); // '='
            }
            if (key != null && key.text().equals("label") && label == null) {
                label = consume(Token.Type.STRING, "a string after 'label=', such as 'a'");
            } else if (data == null && (key == null ? label == null : key.text().equals("data"))) {
                dataStart = peek().offset();
                data = expression();
                dataEnd = previous().end();
            } else {
                Token at = key != null ? key : peek();
                throw new ParseError(at, "expected Value(data, label='…'), as in Value(2.0, label='a'), found "
                        + (key != null ? "'" + key.text() + "='" : at.describe()));
            }
        } while (match(Token.Type.COMMA));
        Token close = consume(Token.Type.RIGHT_PAREN, "')' to close Value( at column " + open.column());
        leave(1);
        if (data == null) {
            throw new ParseError(close, "expected a number inside Value(…), as in Value(2.0)");
        }
        usesValue = true;
        Expr.ValueCall call = new Expr.ValueCall(keyword, data, label, dataStart, dataEnd);
        if (label != null) {
            labelled.add(call);
        }
        return call;
    }

    /** A name must be assigned before it is used. */
    void known(Token name) {
        if (!isBound(name.text())) {
            throw new ParseError(name, "unknown name '" + name.text() + "'; expected a name defined on an "
                    + "earlier line");
        }
    }

    /** True if the name is assigned on an earlier line (or earlier on this one). */
    abstract boolean isBound(String name);
}
