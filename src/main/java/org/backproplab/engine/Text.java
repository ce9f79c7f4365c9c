package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Text cut at one separator character. String.split takes a regular expression, and in the compiled page that one
 * call brings in all of java.util.regex: about a sixth of the JavaScript and of the WebAssembly module, which the
 * size budget of issue 13 cannot afford. Nothing in the lab needs more than a plain separator. Likewise the ASCII
 * tests below stand in for Character.isLetter, digit and toLowerCase, whose Unicode tables weigh more than the
 * rest of java.lang.Character: every text they see (choice ids, link keys, percent escapes, op names) is ASCII.
 */
public final class Text {
    private Text() {
    }

    /** Every piece between separators, empty ones included: "a,,b," gives a, "", b, "" (String.split(s, -1)). */
    public static String[] fields(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces.toArray(new String[0]);
    }

    /** The pieces less the empty ones at the end: "a,,b," gives a, "", b (String.split(s)). */
    public static String[] split(String text, char separator) {
        String[] all = fields(text, separator);
        int n = all.length;
        while (n > 0 && all[n - 1].isEmpty()) {
            n--;
        }
        if (n == 0 && text.isEmpty()) {
            return new String[] {""}; // as String.split: an empty text is one empty piece
        }
        String[] kept = new String[n];
        System.arraycopy(all, 0, kept, 0, n);
        return kept;
    }

    /** The text with A-Z made a-z and everything else left as it is (String.toLowerCase, for ASCII). */
    public static String lowerAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    /** The value of a hexadecimal digit (0-9, a-f, A-F), or -1 for any other character. */
    public static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    public static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
