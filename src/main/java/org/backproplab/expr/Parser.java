package org.backproplab.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Op;

/**
 * A recursive-descent parser for the expression language (jlox's Parser). One method per grammar rule:
 *
 * <pre>
 * program    → statement* EOF
 * statement  → NAME "=" expression NEWLINE | NEWLINE
 * expression → term
 * term       → factor ( ( "+" | "-" ) factor )*
 * factor     → unary ( ( "*" | "/" ) unary )*
 * unary      → "-" unary | power
 * power      → primary ( "**" exponent )?
 * exponent   → "-"? NUMBER ( "**" exponent )? | "(" exponent ")"
 * primary    → NUMBER | NAME "(" expression ")" | NAME | "(" expression ")"
 * </pre>
 *
 * As in Python, ** binds tighter than unary minus (-x**2 is -(x**2)), and its right side must be a constant
 * because micrograd's x**k takes a number k. Names must be defined on an earlier line, and only once.
 */
public final class Parser {
    /** The function names, from the function ops: tanh, exp, log, relu, sigmoid. */
    public static final List<String> FUNCTIONS = functionNames();

    private static List<String> functionNames() {
        List<String> names = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.isFunction()) {
                names.add(op.symbol);
            }
        }
        return List.copyOf(names);
    }

    /** Nesting deeper than this is refused, so recursion stays shallow on every backend. */
    static final int MAX_DEPTH = 200;

    private final List<Token> tokens;
    private final String source;
    private final Map<String, Integer> definedOnLine = new HashMap<>();
    private int current;
    private int depth;

    private Parser(String source) {
        this.source = source;
        this.tokens = new Lexer(source).scanTokens();
    }

    /** Parses a whole program, or throws a {@link ParseError} that names the line and column. */
    public static Program parse(String source) {
        return new Parser(source).program();
    }

    private Program program() {
        List<Program.Assignment> assignments = new ArrayList<>();
        while (!check(Token.Type.EOF)) {
            if (match(Token.Type.NEWLINE)) {
                continue;
            }
            assignments.add(statement());
        }
        if (assignments.isEmpty()) {
            throw new ParseError(1, 1, "the program is empty; expected at least one line such as 'a = 2.0'");
        }
        return new Program(List.copyOf(assignments), source);
    }

    private Program.Assignment statement() {
        Token name = consume(Token.Type.NAME, "a variable name at the start of the line, as in 'a = 2.0'");
        if (FUNCTIONS.contains(name.text())) {
            throw new ParseError(name, "'" + name.text() + "' is a function; expected a variable name such as "
                    + "'a' or 'x1'");
        }
        Integer earlier = definedOnLine.get(name.text());
        if (earlier != null) {
            throw new ParseError(name, "'" + name.text() + "' is already defined on line " + earlier
                    + "; expected a new name");
        }
        consume(Token.Type.EQUALS, "'=' after '" + name.text() + "'");
        Token first = peek();
        Expr value = expression();
        if (!check(Token.Type.NEWLINE)) {
            throw new ParseError(peek(), "expected an operator or the end of the line after the expression, "
                    + "found " + peek().describe());
        }
        Token end = previous();
        advance();
        definedOnLine.put(name.text(), name.line());

        int valueEnd = end.offset() + end.text().length();
        if (value instanceof Expr.Number n) {
            return new Program.Assignment(name, value, true, n.value(), first.offset(), valueEnd);
        }
        if (value instanceof Expr.Negate neg && neg.operand() instanceof Expr.Number n) {
            return new Program.Assignment(name, value, true, -n.value(), first.offset(), valueEnd);
        }
        return new Program.Assignment(name, value, false, 0, first.offset(), valueEnd);
    }

    private Expr expression() {
        return term();
    }

    private Expr term() {
        Expr expr = factor();
        while (match(Token.Type.PLUS, Token.Type.MINUS)) {
            Token operator = previous();
            Expr right = factor();
            expr = new Expr.Binary(expr, operator, right);
        }
        return expr;
    }

    private Expr factor() {
        Expr expr = unary();
        while (match(Token.Type.STAR, Token.Type.SLASH)) {
            Token operator = previous();
            Expr right = unary();
            expr = new Expr.Binary(expr, operator, right);
        }
        return expr;
    }

    private Expr unary() {
        if (match(Token.Type.MINUS)) {
            Token operator = previous();
            enter(operator);
            Expr operand = unary();
            depth--;
            return new Expr.Negate(operator, operand);
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        if (match(Token.Type.STAR_STAR)) {
            Token operator = previous();
            return new Expr.Power(base, operator, exponent(operator));
        }
        return base;
    }

    private double exponent(Token operator) {
        String expected = "a number after '**' (micrograd's x**k takes a constant k)";
        if (match(Token.Type.LEFT_PAREN)) {
            Token open = previous();
            enter(open);
            double k = exponent(operator);
            depth--;
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
            depth--;
        }
        return negative ? -k : k; // ** binds tighter than the minus: 2**-2**2 is 2**-(2**2)
    }

    private Expr primary() {
        if (match(Token.Type.NUMBER)) {
            return new Expr.Number(previous(), previous().number());
        }
        if (match(Token.Type.NAME)) {
            Token name = previous();
            if (check(Token.Type.LEFT_PAREN)) {
                return call(name);
            }
            if (FUNCTIONS.contains(name.text())) {
                throw new ParseError(peek(), "expected '(' after the function '" + name.text() + "', found "
                        + peek().describe());
            }
            if (!definedOnLine.containsKey(name.text())) {
                throw new ParseError(name, "unknown name '" + name.text() + "'; expected a name defined on an "
                        + "earlier line");
            }
            return new Expr.Variable(name);
        }
        if (match(Token.Type.LEFT_PAREN)) {
            Token open = previous();
            enter(open);
            Expr inner = expression();
            depth--;
            consume(Token.Type.RIGHT_PAREN, "')' to close the '(' at column " + open.column());
            return inner;
        }
        throw new ParseError(peek(), "expected a number, a name, a function call or '(', found "
                + peek().describe());
    }

    private Expr call(Token function) {
        if (!FUNCTIONS.contains(function.text())) {
            throw new ParseError(function, "unknown function '" + function.text() + "'; expected one of "
                    + String.join(", ", FUNCTIONS));
        }
        Token open = advance();
        enter(open);
        Expr argument = expression();
        depth--;
        consume(Token.Type.RIGHT_PAREN, "')' to close the call of '" + function.text() + "' at column "
                + open.column());
        return new Expr.Call(function, argument);
    }

    // ---- helpers that make each rule read like the grammar ----

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw new ParseError(at, "the expression is nested too deeply; expected at most " + MAX_DEPTH
                    + " levels of parentheses, minus signs and calls");
        }
    }

    private boolean match(Token.Type... types) {
        for (Token.Type type : types) {
            if (check(type)) {
                advance();
                return true;
            }
        }
        return false;
    }

    private Token consume(Token.Type type, String expected) {
        if (check(type)) {
            return advance();
        }
        throw new ParseError(peek(), "expected " + expected + ", found " + peek().describe());
    }

    private boolean check(Token.Type type) {
        return peek().type() == type;
    }

    private Token advance() {
        if (!check(Token.Type.EOF)) {
            current++;
        }
        return previous();
    }

    private Token peek() {
        return tokens.get(current);
    }

    private Token previous() {
        return tokens.get(current - 1);
    }
}
