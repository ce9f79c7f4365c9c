package org.backproplab.expr;

import java.util.List;

/**
 * The handful of tiny helpers that make each grammar rule read like the grammar (jlox's match, consume, check,
 * advance, peek, previous), over the tokens of one program. {@link ExpressionParser} and {@link Parser} hold the
 * rules; this holds where they are.
 */
abstract class TokenCursor {
    /** Nesting deeper than this is refused, so recursion stays shallow on every backend. */
    static final int MAX_DEPTH = 200;

    final List<Token> tokens;
    final String source;
    int current;
    private int depth;

    TokenCursor(String source) {
        this.source = source;
        this.tokens = new Lexer(source).scanTokens();
    }

    /** One level deeper into parentheses, minus signs or calls; refused past {@link #MAX_DEPTH}. */
    void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw new ParseError(at, "the expression is nested too deeply; expected at most " + MAX_DEPTH
                    + " levels of parentheses, minus signs and calls");
        }
    }

    void leave(int levels) {
        depth -= levels;
    }

    boolean match(Token.Type... types) {
        for (Token.Type type : types) {
            if (check(type)) {
                advance();
                return true;
            }
        }
        return false;
    }

    Token consume(Token.Type type, String expected) {
        if (check(type)) {
            return advance();
        }
        throw new ParseError(peek(), "expected " + expected + ", found " + peek().describe());
    }

    boolean check(Token.Type type) {
        return peek().type() == type;
    }

    Token advance() {
        if (!check(Token.Type.EOF)) {
            current++;
        }
        return previous();
    }

    /** The next token; an ERROR token is reported here, where the grammar reaches it. */
    Token peek() {
        Token next = tokens.get(current);
        if (next.type() == Token.Type.ERROR) {
            throw new ParseError(next, next.text());
        }
        return next;
    }

    /** The token k places ahead, for choosing a rule; it may be an ERROR token, which a rule then reports. */
    Token peekAt(int k) {
        return tokens.get(Math.min(current + k, tokens.size() - 1));
    }

    Token previous() {
        return tokens.get(current - 1);
    }

    /** The source text from start to end, cut short for a message. */
    String excerpt(int start, int end) {
        String text = source.substring(start, Math.max(start, end));
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }

    /** The index of the NEWLINE (or EOF) that ends the line of token i. */
    int endOfLine(int i) {
        int end = i;
        while (tokens.get(end).type() != Token.Type.NEWLINE && tokens.get(end).type() != Token.Type.EOF) {
            end++;
        }
        return end;
    }

    static boolean isAugmented(Token.Type type) {
        return type == Token.Type.PLUS_EQUALS || type == Token.Type.MINUS_EQUALS || type == Token.Type.STAR_EQUALS
                || type == Token.Type.SLASH_EQUALS;
    }

    static boolean isEndOfStatement(Token.Type type) {
        return type == Token.Type.NEWLINE || type == Token.Type.SEMICOLON || type == Token.Type.EOF;
    }
}
