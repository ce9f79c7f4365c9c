package org.backproplab.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Text;

/**
 * Turns program text into tokens (jlox's Scanner). Numbers are Python float literals: 2, 2.0, .5, 1e-3. Strings are
 * Python's one-line strings, in either quote, with an optional prefix such as f. A '#' starts a comment that runs to
 * the end of the line. Anything else unexpected becomes an ERROR token at its column (see {@link Token.Type}).
 */
public final class Lexer {
    /** Programs beyond these sizes are refused up front, so that a paste of a huge file can't hang the page. */
    public static final int MAX_LINES = 10_000;
    public static final int MAX_CHARS = 200_000;
    /** The letters that may start a Python string literal: f'...', r"...", b'...'. */
    private static final Set<String> STRING_PREFIXES = Set.of("f", "r", "b", "u", "rb", "br", "fr", "rf");

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
            case '+' -> add(match('=') ? Token.Type.PLUS_EQUALS : Token.Type.PLUS);
            case '-' -> add(match('=') ? Token.Type.MINUS_EQUALS : Token.Type.MINUS);
            case '/' -> add(match('=') ? Token.Type.SLASH_EQUALS : Token.Type.SLASH);
            case '*' -> add(match('*') ? Token.Type.STAR_STAR
                    : match('=') ? Token.Type.STAR_EQUALS : Token.Type.STAR);
            case '(' -> add(Token.Type.LEFT_PAREN);
            case ')' -> add(Token.Type.RIGHT_PAREN);
            case '[' -> add(Token.Type.LEFT_BRACKET);
            case ']' -> add(Token.Type.RIGHT_BRACKET);
            case '=' -> add(Token.Type.EQUALS);
            case ',' -> add(Token.Type.COMMA);
            case ';' -> add(Token.Type.SEMICOLON);
            case '\'', '"' -> string(c);
            default -> {
                if (isDigit(c) || (c == '.' && isDigit(peek()))) {
                    number();
                } else if (c == '.') {
                    add(Token.Type.DOT);
                } else if (isNameStart(c)) {
                    name();
                } else {
                    error(start, "unexpected character " + show(c) + "; expected a name, a number, an operator "
                            + "(+ - * / **), '(' , ')' or '='");
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
                error(save, "expected digits after the exponent 'e' of the number '"
                        + source.substring(start, current) + "'");
                return;
            }
            while (isDigit(peek())) {
                current++;
            }
        }
        if (isNameStart(peek())) {
            error(current, "unexpected " + show(peek()) + " right after the number '"
                    + source.substring(start, current) + "'; expected an operator");
            return;
        }
        String text = source.substring(start, current);
        Numbers.Reading number = Numbers.read("the number", text);
        if (!number.ok()) {
            error(start, number.error());
            return;
        }
        tokens.add(new Token(Token.Type.NUMBER, text, number.value(), line, start - lineStart + 1, start));
    }

    private void name() {
        while (isNameStart(peek()) || isDigit(peek())) {
            current++;
        }
        if ((peek() == '\'' || peek() == '"') && STRING_PREFIXES.contains(Text.lowerAscii(
                source.substring(start, current)))) {
            string(advance()); // f'...', r"...": the prefix is part of the string
            return;
        }
        add(Token.Type.NAME);
    }

    /** A one-line string, up to the same quote; a backslash escapes the character after it. */
    private void string(char quote) {
        while (!isAtEnd() && peek() != quote && peek() != '\n') {
            if (peek() == '\\' && current + 1 < source.length() && source.charAt(current + 1) != '\n') {
                current++;
            }
            current++;
        }
        if (isAtEnd() || peek() == '\n') {
            error(start, "the string that starts here isn't closed; expected a closing " + quote
                    + " before the end of the line");
            return;
        }
        current++;
        add(Token.Type.STRING);
    }

    private void add(Token.Type type) {
        tokens.add(new Token(type, source.substring(start, current), 0, line, start - lineStart + 1, start));
    }

    /** An ERROR token at the given offset on this line; its text is the message (see {@link Token.Type}). */
    private void error(int at, String message) {
        tokens.add(new Token(Token.Type.ERROR, message, 0, line, at - lineStart + 1, at));
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
