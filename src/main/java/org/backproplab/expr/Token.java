package org.backproplab.expr;

/** One lexeme of a program, with where it starts (1-based line and column, and 0-based offset into the source). */
public record Token(Type type, String text, double number, int line, int column, int offset) {

    public enum Type {
        NAME, NUMBER, PLUS, MINUS, STAR, SLASH, STAR_STAR, LEFT_PAREN, RIGHT_PAREN, EQUALS, NEWLINE, EOF
    }

    /** How an error message names this token: "'c'", "'**'", "the end of the line". */
    public String describe() {
        return switch (type) {
            case NEWLINE -> "the end of the line";
            case EOF -> "the end of the program";
            default -> "'" + text + "'";
        };
    }
}
