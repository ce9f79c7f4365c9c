package org.backproplab.expr;

/** One lexeme of a program, with where it starts (1-based line and column, and 0-based offset into the source). */
public record Token(Type type, String text, double number, int line, int column, int offset) {

    /**
     * The kinds of token. ERROR is a character the lexer could not read, as clox's scanner makes one: its text is
     * the message, and the parser reports it only if it reaches it, so a line the parser skips or refuses for
     * another reason first (an ignored {@code print(…)}, a refused {@code if x > 0:}) is not blamed on a character.
     */
    public enum Type {
        NAME, NUMBER, STRING, PLUS, MINUS, STAR, SLASH, STAR_STAR, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET,
        RIGHT_BRACKET, EQUALS, PLUS_EQUALS, MINUS_EQUALS, STAR_EQUALS, SLASH_EQUALS, DOT, COMMA, SEMICOLON, NEWLINE,
        ERROR, EOF
    }

    /** How an error message names this token: "'c'", "'**'", "the end of the line". */
    public String describe() {
        return switch (type) {
            case NEWLINE -> "the end of the line";
            case EOF -> "the end of the program";
            case STRING -> "the string " + text;
            default -> "'" + text + "'";
        };
    }

    /** Where the token's text ends in the source. */
    public int end() {
        return offset + text.length();
    }

    /**
     * A STRING token's contents: its prefix letters (f, r, b...) and quotes taken off, and the escapes \\, \' and \"
     * read as the character they stand for. Other escapes stay as written, so {@link #quote} gives the text back.
     */
    public String string() {
        int open = 0;
        while (text.charAt(open) != '\'' && text.charAt(open) != '"') {
            open++;
        }
        int close = text.length() - 1;
        StringBuilder s = new StringBuilder();
        for (int i = open + 1; i < close; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < close && "\\'\"".indexOf(text.charAt(i + 1)) >= 0) {
                c = text.charAt(++i);
            }
            s.append(c);
        }
        return s.toString();
    }

    /** A Python string literal, in single quotes, whose {@link #string} is exactly text. */
    public static String quote(String text) {
        StringBuilder s = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\'') {
                s.append('\\');
            }
            s.append(c);
        }
        return s.append('\'').toString();
    }
}
