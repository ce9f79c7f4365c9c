package org.backproplab.engine;

/**
 * Numbers as people type and read them, the same on the JVM, in TeaVM-JS and in TeaVM-Wasm. {@link #read} is the one
 * parser for every number a user types (program leaves, the nudge step, h, learning rates, CSV cells, weights): it
 * takes decimal and scientific notation only. Double.parseDouble also takes "NaN", "Infinity", "1d" and hex on
 * the JVM, and TeaVM's class library need not agree with it there. The formatting is written out by hand because
 * String.format is missing or rounds differently under TeaVM (see DESIGN.md).
 */
public final class Numbers {
    private Numbers() {
    }

    /** A typed number, or why it can't be used: exactly one of the two is meaningful. */
    public record Reading(double value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Reads a number a person typed into the field called {@code field}: an optional sign (+, - or the real minus
     * sign), digits with an optional decimal point, and an optional exponent, with spaces around it allowed. Anything
     * else, or a number too large for a double, gives an error that names the field and says what was expected.
     */
    public static Reading read(String field, String text) {
        String s = text == null ? "" : text.trim().replace('\u2212', '-');
        if (s.isEmpty()) {
            return new Reading(Double.NaN, field + ": type a number, such as 0.5 or 1e-3");
        }
        int end = scanNumber(s, 0);
        if (end != s.length()) {
            return new Reading(Double.NaN, field + ": '" + shorten(s) + "' is not a number; expected a decimal such as "
                    + "-0.5 or scientific notation such as 1e-3");
        }
        double value = Double.parseDouble(s.charAt(0) == '+' ? s.substring(1) : s);
        if (Double.isInfinite(value)) {
            return new Reading(Double.NaN, field + ": " + shorten(s) + " is too large; expected a number below 1e308");
        }
        return new Reading(value, null);
    }

    /**
     * Reads a whole number a person typed (a count, a seed, a layer's size) as {@link #read} does, but without a
     * decimal point or an exponent, so that "4.5" and "1e3" are refused rather than quietly rounded.
     */
    public static Reading readWhole(String field, String text) {
        Reading r = read(field, text);
        String s = r.ok() ? text.trim() : "";
        if (s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
            return new Reading(Double.NaN, field + ": '" + shorten(s) + "' is not a whole number; expected one such "
                    + "as 12 or -3");
        }
        return r;
    }

    /**
     * Reads a setting's number (whole or not) that must lie from min to max. A number outside is refused with the
     * range, never clamped: a typed -3 points is a mistake to name, not 4 points to train on.
     */
    public static Reading readBetween(String field, String text, boolean whole, double min, double max) {
        Reading r = whole ? readWhole(field, text) : read(field, text);
        if (r.ok() && !(r.value() >= min && r.value() <= max)) {
            return new Reading(Double.NaN, field + ": expected " + (whole ? "a whole number" : "a number") + " from "
                    + trimmed(min, 6) + " to " + trimmed(max, 6) + ", not " + shorten(text.trim()));
        }
        return r;
    }

    /** The number in text as {@link #read} takes it, or NaN if it isn't one. */
    public static double parse(String text) {
        return read("", text).value();
    }

    /**
     * Where a number that starts at {@code start} ends: [sign] digits [. digits] [e [sign] digits], with at least one
     * digit before the exponent and one after its e. Returns start if there is no number there.
     */
    public static int scanNumber(CharSequence s, int start) {
        int i = start;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return start;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < n && (s.charAt(exponent) == '+' || s.charAt(exponent) == '-')) {
                exponent++;
            }
            int expDigits = 0;
            while (exponent < n && isDigit(s.charAt(exponent))) {
                exponent++;
                expDigits++;
            }
            if (expDigits == 0) {
                return i; // "2e" is the number 2 followed by something else
            }
            i = exponent;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String shorten(String s) {
        return s.length() <= 24 ? s : s.substring(0, 21) + "…";
    }

    /** A number as a person writes it: integers without ".0" ("2", "-1"), others in full precision. */
    public static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return x == 0 ? "0" : Long.toString((long) x);
        }
        return Double.toString(x);
    }

    /** A number as a program literal that parses back to exactly the same double ("2.0", "-0.5", "1.0E-7"). */
    public static String literal(double x) {
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0"; // (long) -0.0 would lose the sign
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x) + ".0";
        }
        return Double.toString(x);
    }

    /**
     * The shortest program literal (up to 9 decimals) that parses back to exactly x, so a nudged 2.0 + 0.06 is
     * written "2.06"; otherwise {@link #literal}.
     */
    public static String shortLiteral(double x) {
        if (x == Math.rint(x) || !Double.isFinite(x) || Math.abs(x) >= 1e9 || Math.abs(x) < 1e-6) {
            return literal(x);
        }
        for (int decimals = 1; decimals <= 9; decimals++) {
            if (Math.abs(x) < Math.pow(10, -decimals) / 2) {
                continue; // fixed() would switch to scientific here: 0.03 is "0.03", not "3.0e-2"
            }
            String s = fixed(x, decimals);
            if (Double.parseDouble(s) == x) {
                return s;
            }
        }
        return Double.toString(x);
    }

    /**
     * Fixed-point with the given number of decimals, rounding half away from zero: fixed(2.0, 4) is "2.0000".
     * Very large or very small magnitudes fall back to a short scientific form so they still fit in a box.
     */
    public static String fixed(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "-∞";
        }
        double abs = Math.abs(x);
        if (abs >= 1e9 || (abs != 0 && abs < Math.pow(10, -decimals) / 2)) {
            return scientific(x, Math.max(1, decimals - 1));
        }
        double scale = Math.pow(10, decimals);
        double rounded = Math.round(abs * scale); // abs < 1e9 keeps this well inside a long's exact range
        long whole = (long) (rounded / scale);
        long frac = (long) (rounded - whole * scale);
        StringBuilder sb = new StringBuilder();
        if (x < 0 && rounded != 0) {
            sb.append('-');
        }
        sb.append(whole);
        if (decimals > 0) {
            sb.append('.');
            String digits = Long.toString(frac);
            for (int i = digits.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(digits);
        }
        return sb.toString();
    }

    /** Scientific notation with the given digits after the point: scientific(0.000123, 2) is "1.23e-4". */
    public static String scientific(double x, int decimals) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return fixed(x, decimals);
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(x)));
        String m = fixed(mantissa(x, exp), decimals);
        if (m.startsWith("10") || m.startsWith("-10")) { // rounding carried into the next power of ten ("10", "10.0")
            exp++;
            m = fixed(mantissa(x, exp), decimals);
        }
        return m + "e" + exp;
    }

    /** x / 10^exp, in two halves: 10^-324 alone is 0, and the smallest doubles read "∞e-324". */
    private static double mantissa(double x, int exp) {
        return x / Math.pow(10, exp / 2) / Math.pow(10, exp - exp / 2);
    }

    /** {@link #compact} without the zeros a round number's mantissa ends in: "1e-32", "2.5e-7", "1000", "0.9". */
    public static String trimmed(double x, int significant) {
        String s = compact(x, significant);
        int e = s.indexOf('e');
        if (e < 0 || s.indexOf('.') < 0) {
            return s;
        }
        int end = e;
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end) + s.substring(e);
    }

    /** A short, readable form for read-outs: up to the given significant digits, fixed or scientific as fits. */
    public static String compact(double x, int significant) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return fixed(x, 0);
        }
        double abs = Math.abs(x);
        if (abs >= 1e-3 && abs < 1e6) {
            int intDigits = (int) Math.floor(Math.log10(abs)) + 1;
            String s = fixed(x, Math.max(0, significant - intDigits));
            if (s.indexOf('.') >= 0) {
                int end = s.length();
                while (s.charAt(end - 1) == '0') {
                    end--;
                }
                if (s.charAt(end - 1) == '.') {
                    end--;
                }
                s = s.substring(0, end);
            }
            return s;
        }
        return scientific(x, significant - 1);
    }

    /** Numbers separated by commas (a link's list), each read as {@link #parse} reads one; null if any is not one. */
    public static double[] parseList(String text) {
        String[] parts = Text.split(text, ',');
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = parse(parts[i]);
            if (Double.isNaN(v[i])) {
                return null;
            }
        }
        return v;
    }

    /** Numbers as {@link #parseList} reads them back: comma-separated, each as short as reads back the same. */
    public static String shortList(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : ",").append(shortLiteral(v));
        }
        return s.toString();
    }
}
