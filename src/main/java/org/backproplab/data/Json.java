package org.backproplab.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Text;

/**
 * A small JSON reader, for training specs. It gives plain Java values: a {@code Map<String, Object>} (keys in file
 * order) for an object, a {@code List<Object>} for an array, {@code Double}, {@code String}, {@code Boolean}, and
 * {@link #NULL} for null. Written by hand because the project uses no JSON library and TeaVM must compile it.
 * Every error says where it is (line and column) and what was expected there.
 *
 * <p>The reader is recursive, one method per grammar rule, so it caps how deeply arrays and objects may sit inside
 * one another ({@link #MAX_DEPTH}). Without the cap, a file of 20,000 '[' overflows the stack, which in the browser
 * is an error no one can catch. A number too large for a double reads as an infinity, as JavaScript's JSON.parse
 * reads it; whoever uses the value decides whether that is allowed (a training spec does not allow it).
 */
public final class Json {
    /** JSON's null, distinct from Java's null, which a map returns for a missing key. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** How many arrays and objects may sit inside one another: a run file needs 3, and 200 keeps every stack safe. */
    public static final int MAX_DEPTH = 200;

    /** A syntax error at a line and column (both from 1). */
    public static final class ParseException extends RuntimeException {
        public final int line;
        public final int column;

        ParseException(int line, int column, String message) {
            super("line " + line + ", column " + column + ": " + message);
            this.line = line;
            this.column = column;
        }
    }

    private final String text;
    private int pos;
    private int depth; // arrays and objects open around pos

    private Json(String text) {
        this.text = text;
    }

    /** Reads one JSON value that fills the whole text (whitespace around it is allowed). */
    public static Object parse(String text) {
        Json json = new Json(text);
        json.skipWhitespace();
        Object value = json.value();
        json.skipWhitespace();
        if (!json.atEnd()) {
            throw json.error("expected the end of the text after the JSON value");
        }
        return value;
    }

    /** A short description of a value's type, for error messages: "a number", "a string", "an array", ... */
    public static String typeName(Object value) {
        if (value instanceof Double) {
            return "a number";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof Map) {
            return "an object";
        }
        return "null";
    }

    // ---- the grammar: one method per rule ----

    private Object value() {
        if (atEnd()) {
            throw error("expected a value");
        }
        char c = peek();
        if (c == '{') {
            return object();
        } else if (c == '[') {
            return array();
        } else if (c == '"') {
            return string();
        } else if (c == '-' || isDigit(c)) {
            return number();
        } else if (matchWord("true")) {
            return Boolean.TRUE;
        } else if (matchWord("false")) {
            return Boolean.FALSE;
        } else if (matchWord("null")) {
            return NULL;
        }
        throw error("expected a value (object, array, string, number, true, false or null)");
    }

    private Map<String, Object> object() {
        enter();
        consume('{', "expected '{'");
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (match('}')) {
            depth--;
            return members;
        }
        do {
            skipWhitespace();
            if (atEnd() || peek() != '"') {
                throw error("expected a string key in object");
            }
            String key = string();
            skipWhitespace();
            consume(':', "expected ':' after object key");
            skipWhitespace();
            members.put(key, value());
            skipWhitespace();
        } while (match(','));
        consume('}', "expected ',' or '}' after object member");
        depth--;
        return members;
    }

    private List<Object> array() {
        enter();
        consume('[', "expected '['");
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (match(']')) {
            depth--;
            return items;
        }
        do {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
        } while (match(','));
        consume(']', "expected ',' or ']' after array element");
        depth--;
        return items;
    }

    /** Counts one more array or object open, refusing the one that would pass MAX_DEPTH. */
    private void enter() {
        if (depth == MAX_DEPTH) {
            throw error("expected at most " + MAX_DEPTH + " arrays and objects inside one another");
        }
        depth++;
    }

    private String string() {
        consume('"', "expected '\"'");
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("expected '\"' to end the string");
            }
            char c = advance();
            if (c == '"') {
                return sb.toString();
            } else if (c < 0x20) {
                pos--;
                throw error("expected '\\n' instead of a raw control character in a string");
            } else if (c == '\\') {
                sb.append(escape());
            } else {
                sb.append(c);
            }
        }
    }

    private char escape() {
        if (atEnd()) {
            throw error("expected an escape character after '\\'");
        }
        char c = advance();
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = atEnd() ? -1 : Text.hexDigit(peek());
                    if (digit < 0) {
                        throw error("expected 4 hex digits after '\\u'");
                    }
                    advance();
                    code = code * 16 + digit;
                }
                return (char) code;
            default:
                pos--;
                throw error("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'");
        }
    }

    /** JSON's number grammar exactly: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Double number() {
        int start = pos;
        match('-');
        if (match('0')) {
            if (!atEnd() && isDigit(peek())) {
                throw error("expected '.', 'e' or the end of the number after a leading 0");
            }
        } else {
            digits("expected a digit");
        }
        if (match('.')) {
            digits("expected a digit after '.'");
        }
        if (match('e') || match('E')) {
            if (!match('+')) {
                match('-');
            }
            digits("expected a digit in the exponent");
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private void digits(String expected) {
        if (atEnd() || !isDigit(peek())) {
            throw error(expected);
        }
        while (!atEnd() && isDigit(peek())) {
            pos++;
        }
    }

    // ---- helpers ----

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private char advance() {
        return text.charAt(pos++);
    }

    private boolean match(char expected) {
        if (atEnd() || peek() != expected) {
            return false;
        }
        pos++;
        return true;
    }

    private boolean matchWord(String word) {
        if (text.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private void consume(char expected, String message) {
        if (!match(expected)) {
            throw error(message);
        }
    }

    private void skipWhitespace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private ParseException error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String found = atEnd() ? "the end of the text" : "'" + peek() + "'";
        return new ParseException(line, column, message + ", found " + found);
    }
}
