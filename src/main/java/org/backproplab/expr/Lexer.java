package org.backproplab.expr;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Numbers;

/**
 * Turns program text into tokens (jlox's Scanner). Numbers are Python float literals: 2, 2.0, .5, 1e-3.
 * A '#' starts a comment that runs to the end of the line. Anything else unexpected is an error at its column.
 */
public final class Lexer {
    /** Programs beyond these sizes are refused up front, so that a paste of a huge file can't hang the page. */
    public static final int MAX_LINES = 10_000;
    public static final int MAX_CHARS = 200_000;

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int current;
    private int line = 1;
    private int lineStart;

    public Lexer(String source) {
        this.source = source;
    }

    public List<Token> scanTokens() {
        checkSize();
        while (!isAtEnd()) {
            start = current;
            scanToken();
        }
        start = current;
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1).type() != Token.Type.NEWLINE) {
            add(Token.Type.NEWLINE);
        }
        add(Token.Type.EOF);
        return tokens;
    }

    private void checkSize() {
        if (source.length() > MAX_CHARS) {
            throw new ParseError(1, 1, "the program has " + source.length() + " characters; expected at most "
                    + MAX_CHARS);
        }
        int lines = source.isEmpty() || source.charAt(source.length() - 1) != '\n' ? 1 : 0; // a last '\n' ends a line
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        if (lines > MAX_LINES) {
            throw new ParseError(1, 1, "the program has " + lines + " lines; expected at most " + MAX_LINES);
        }
    }

    private void scanToken() {
        char c = advance();
        switch (c) {
            case ' ', '\t', '\r', '\f' -> { }
            case '\n' -> {
                add(Token.Type.NEWLINE);
                line++;
                lineStart = current;
            }
            case '#' -> {
                while (!isAtEnd() && peek() != '\n') {
                    current++;
                }
            }
            case '+' -> add(Token.Type.PLUS);
            case '-' -> add(Token.Type.MINUS);
            case '/' -> add(Token.Type.SLASH);
            case '(' -> add(Token.Type.LEFT_PAREN);
            case ')' -> add(Token.Type.RIGHT_PAREN);
            case '=' -> add(Token.Type.EQUALS);
            case '*' -> add(match('*') ? Token.Type.STAR_STAR : Token.Type.STAR);
            default -> {
                if (isDigit(c) || (c == '.' && isDigit(peek()))) {
                    number();
                } else if (isNameStart(c)) {
                    name();
                } else {
                    throw new ParseError(line, start - lineStart + 1, "unexpected character " + show(c)
                            + "; expected a name, a number, an operator (+ - * / **), '(' , ')' or '='");
                }
            }
        }
    }

    private void number() {
        current = start;
        while (isDigit(peek())) {
            current++;
        }
        if (peek() == '.') {
            current++;
            while (isDigit(peek())) {
                current++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            int save = current;
            current++;
            if (peek() == '+' || peek() == '-') {
                current++;
            }
            if (!isDigit(peek())) {
                throw new ParseError(line, save - lineStart + 1, "expected digits after the exponent 'e' of "
                        + "the number '" + source.substring(start, current) + "'");
            }
            while (isDigit(peek())) {
                current++;
            }
        }
        if (isNameStart(peek())) {
            throw new ParseError(line, current - lineStart + 1, "unexpected " + show(peek())
                    + " right after the number '" + source.substring(start, current) + "'; expected an operator");
        }
        String text = source.substring(start, current);
        Numbers.Reading number = Numbers.read("the number", text);
        if (!number.ok()) {
            throw new ParseError(line, start - lineStart + 1, number.error());
        }
        tokens.add(new Token(Token.Type.NUMBER, text, number.value(), line, start - lineStart + 1, start));
    }

    private void name() {
        while (isNameStart(peek()) || isDigit(peek())) {
            current++;
        }
        add(Token.Type.NAME);
    }

    private void add(Token.Type type) {
        tokens.add(new Token(type, source.substring(start, current), 0, line, start - lineStart + 1, start));
    }

    private static String show(char c) {
        if (c < ' ' || c == 127) {
            return "(control character " + (int) c + ")";
        }
        return "'" + c + "'";
    }

    private boolean match(char expected) {
        if (isAtEnd() || source.charAt(current) != expected) {
            return false;
        }
        current++;
        return true;
    }

    private char peek() {
        return isAtEnd() ? '\0' : source.charAt(current);
    }

    private char advance() {
        return source.charAt(current++);
    }

    private boolean isAtEnd() {
        return current >= source.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
