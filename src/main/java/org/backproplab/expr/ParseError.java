package org.backproplab.expr;

/**
 * A problem in a program, at a line and column (both 1-based), with a message that says what was expected.
 * The only exception that parsing and evaluating a program may throw.
 */
public final class ParseError extends RuntimeException {
    private final int line;
    private final int column;
    private final String reason;

    public ParseError(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public ParseError(Token at, String reason) {
        this(at.line(), at.column(), reason);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position. */
    public String reason() {
        return reason;
    }
}
