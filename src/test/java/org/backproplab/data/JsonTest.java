package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON reader: values, and errors that say where and what was expected. */
class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, 0.125], \"s\": \"q\\\"\\u00e9\\n\", \"t\": true, \"f\": false,"
                + " \"n\": null, \"o\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1.0, -2500.0, 0.125), m.get("a"));
        assertEquals("q\"é\n", m.get("s"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(Boolean.FALSE, m.get("f"));
        assertSame(Json.NULL, m.get("n"));
        assertEquals(Map.of(), m.get("o"));
        assertEquals(List.of("a", "s", "t", "f", "n", "o"), List.copyOf(m.keySet())); // file order is kept
    }

    @Test
    void numbersParseToTheNearestDouble() {
        assertEquals(0.1, Json.parse("0.1"));
        assertEquals(1.1221146075409683, Json.parse("1.1221146075409683"));
        assertEquals(-0.0, Json.parse("-0"));
        assertEquals(1e-4, Json.parse("1e-4"));
    }

    @Test
    void errorsNameLineColumnAndWhatWasExpected() {
        assertError("{\n  \"a\" 1\n}", 2, 7, "expected ':' after object key, found '1'");
        assertError("[1, 2", 1, 6, "expected ',' or ']' after array element, found the end of the text");
        assertError("{\"a\": 1,}", 1, 9, "expected a string key in object, found '}'");
        assertError("[01]", 1, 3, "expected '.', 'e' or the end of the number after a leading 0, found '1'");
        assertError("[1.]", 1, 4, "expected a digit after '.', found ']'");
        assertError("\"abc", 1, 5, "expected '\"' to end the string, found the end of the text");
        assertError("[nul]", 1, 2, "expected a value (object, array, string, number, true, false or null), found 'n'");
        assertError("{} x", 1, 4, "expected the end of the text after the JSON value, found 'x'");
        assertError("", 1, 1, "expected a value, found the end of the text");
        assertError("\"\\x\"", 1, 3, "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\', found 'x'");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        assertError(deep, 1, Json.MAX_DEPTH + 1, "expected at most " + Json.MAX_DEPTH
                + " arrays and objects inside one another, found '['");
        String objects = "{\"a\": ".repeat(20_000) + "1" + "}".repeat(20_000);
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse(objects));
        assertEquals(1 + 6 * Json.MAX_DEPTH, e.column, e.getMessage());

        String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Object v = Json.parse(deepest);
        for (int i = 1; i < Json.MAX_DEPTH; i++) {
            v = ((List<?>) v).get(0);
        }
        assertEquals(List.of(), v);
    }

    @Test
    void numbersBeyondADoubleAreInfiniteAsInJavaScript() {
        // JSON.parse("1e309") is Infinity in a browser too; TrainSpec refuses it, naming the field
        assertEquals(Double.POSITIVE_INFINITY, Json.parse("1e309"));
        assertEquals(Double.NEGATIVE_INFINITY, Json.parse("-1e400"));
        assertEquals(0.0, Json.parse("1e-400"));
    }

    private static void assertError(String text, int line, int column, String message) {
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse(text));
        assertEquals("line " + line + ", column " + column + ": " + message, e.getMessage());
        assertEquals(line, e.line);
        assertEquals(column, e.column);
    }
}
