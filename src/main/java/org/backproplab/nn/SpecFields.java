package org.backproplab.nn;

import java.util.List;
import java.util.Map;
import org.backproplab.data.Json;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.TrainSpec.SpecException;

/**
 * Typed access to the fields of a run file's JSON, for {@link TrainSpec}: each reader checks one field's type and
 * range, and its error names the field by its path ({@code model.layers[1]: expected a positive integer, got a
 * string}), so whoever wrote the file knows what to fix.
 */
final class SpecFields {
    private SpecFields() {
    }

    static Object required(Map<String, Object> obj, String key, String path, String expected) {
        Object value = obj.get(key);
        if (value == null) {
            throw new SpecException(path + ": missing (expected " + expected + ")");
        }
        return value;
    }

    static Map<String, Object> object(Map<String, Object> obj, String key, String path) {
        Object value = required(obj, key, path, "an object");
        if (!(value instanceof Map)) {
            throw new SpecException(path + ": expected an object, got " + Json.typeName(value));
        }
        return asObject(value, path);
    }

    static List<Object> array(Map<String, Object> obj, String key, String path) {
        Object value = required(obj, key, path, "an array");
        if (!(value instanceof List)) {
            throw new SpecException(path + ": expected an array, got " + Json.typeName(value));
        }
        return asArray(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value, String path) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asArray(Object value) {
        return (List<Object>) value;
    }

    /** A finite number: Json reads 1e309 as an infinity, which would poison every weight it touches. */
    static double number(Object value, String path) {
        if (!(value instanceof Double)) {
            throw new SpecException(path + ": expected a number, got " + Json.typeName(value));
        }
        double d = (Double) value;
        if (Double.isInfinite(d)) {
            throw new SpecException(path + ": expected a number between -1e308 and 1e308, got one too large for a "
                    + "double");
        }
        return d;
    }

    /** A number field; missing gives fallback, or an error when fallback is NaN (the field is required). */
    static double number(Map<String, Object> obj, String key, String path, double fallback) {
        if (!obj.containsKey(key)) {
            if (Double.isNaN(fallback)) {
                throw new SpecException(path + ": missing (expected a number)");
            }
            return fallback;
        }
        return number(obj.get(key), path);
    }

    static double nonNegative(Map<String, Object> obj, String key, String path, double fallback) {
        double value = number(obj, key, path, fallback);
        if (!(value >= 0)) {
            throw new SpecException(path + ": expected a number >= 0, got " + describe(value));
        }
        return value;
    }

    /** A whole number >= min; expected says what, for the error ("a positive integer"). */
    static int integer(Object value, String path, int min, String expected) {
        if (value instanceof Double) {
            double d = number(value, path);
            if (d == Math.rint(d) && d >= min && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw new SpecException(path + ": expected " + expected + ", got " + describe(value));
    }

    /** value itself, or an error if it is over max; what names the unit (" points"). */
    static int atMost(int value, int max, String path, String what) {
        if (value > max) {
            throw new SpecException(path + ": expected at most " + max + what + ", got " + value);
        }
        return value;
    }

    static int positiveInt(Object value, String path) {
        return integer(value, path, 1, "a positive integer");
    }

    static int positiveInt(Map<String, Object> obj, String key, String path) {
        return positiveInt(required(obj, key, path, "a positive integer"), path);
    }

    /** A number as the user wrote it ("2.5", "-1"), anything else by its type ("a string"). */
    static String describe(Object value) {
        return value instanceof Double ? Numbers.format((Double) value) : Json.typeName(value);
    }

    /** A field that names a choice; missing gives fallback, or an error (listing the choices) if it is null. */
    static <C extends Choice> C choice(Map<String, Object> obj, String key, String path, C fallback,
                                               C[] allowed) {
        Object value = obj.get(key);
        if (value == null) {
            if (fallback == null) {
                throw new SpecException(path + ": missing (expected " + Choice.ids(allowed) + ")");
            }
            return fallback;
        }
        if (!(value instanceof String)) {
            throw new SpecException(path + ": expected " + Choice.ids(allowed) + ", got " + Json.typeName(value));
        }
        try {
            return Choice.parse(path, allowed, (String) value);
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage());
        }
    }
}
