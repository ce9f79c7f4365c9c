package org.backproplab.ui.app;

import java.util.Map;
import org.backproplab.engine.Text;
import org.backproplab.ui.dom.Settings;

/**
 * The page state in the URL hash, as {@code #view=graph&program=a%20%3D%202.0...}: plain key/value pairs, so a
 * link reproduces exactly what its sender saw. Decoding never throws; parts it cannot read are listed in the
 * settings' {@link Settings#ignored()} so the page can say which part of a strange link it skipped.
 */
public final class HashState {
    /** Longer hashes are not read at all: nothing legitimate is this big, and parsing it could stall the page. */
    static final int MAX_LENGTH = 400_000;

    private HashState() {
    }

    /** Reads a hash, with or without its leading '#'. */
    static Settings parse(String hash) {
        Settings state = new Settings();
        if (hash == null) {
            return state;
        }
        if (hash.startsWith("#")) {
            hash = hash.substring(1);
        }
        if (hash.isEmpty()) {
            return state;
        }
        if (hash.length() > MAX_LENGTH) {
            state.ignoreText("the whole link (it is " + hash.length() + " characters long)");
            return state;
        }
        for (String pair : Text.split(hash, '&')) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (key == null || value == null || key.isEmpty()) {
                state.ignoreText("'" + Settings.shorten(pair) + "' (not valid percent-encoding)");
            } else {
                state.put(key, value);
            }
        }
        return state;
    }

    /** The settings as a hash, without '#'. */
    static String format(Settings state) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : state.values().entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        return out.toString();
    }

    /** Percent-encodes UTF-8, leaving letters, digits and -_.~ as they are. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.' || c == '~') {
                out.append(c);
                continue;
            }
            int code = c;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                code = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                code = '?'; // half a pair: Java's own encoder writes '?' for it too
            }
            for (int b : utf8(code)) {
                out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 15));
            }
        }
        return out.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    /**
     * The UTF-8 bytes of one code point. Written out here rather than through String.getBytes, whose charset
     * machinery would add its weight to the compiled page for these few lines.
     */
    private static int[] utf8(int code) {
        if (code < 0x80) {
            return new int[] {code};
        }
        if (code < 0x800) {
            return new int[] {0xC0 | code >> 6, 0x80 | code & 0x3F};
        }
        if (code < 0x10000) {
            return new int[] {0xE0 | code >> 12, 0x80 | code >> 6 & 0x3F, 0x80 | code & 0x3F};
        }
        return new int[] {0xF0 | code >> 18, 0x80 | code >> 12 & 0x3F, 0x80 | code >> 6 & 0x3F, 0x80 | code & 0x3F};
    }

    /** Percent-decodes UTF-8 ('+' stays '+'); null if a % is not followed by two hex digits. */
    static String decode(String s) {
        int[] bytes = new int[s.length()];
        int n = 0;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                n = flush(bytes, n, out);
                out.append(c);
                continue;
            }
            if (i + 2 >= s.length()) {
                return null;
            }
            int hi = Text.hexDigit(s.charAt(i + 1));
            int lo = Text.hexDigit(s.charAt(i + 2));
            if (hi < 0 || lo < 0) {
                return null;
            }
            bytes[n++] = hi * 16 + lo;
            i += 2;
        }
        flush(bytes, n, out);
        return out.toString();
    }

    /**
     * Appends the text of n percent-decoded UTF-8 bytes and returns 0, the count left to decode. A malformed
     * sequence becomes one U+FFFD for its longest valid start, as Java's own decoder and browsers read it.
     */
    private static int flush(int[] bytes, int n, StringBuilder out) {
        int i = 0;
        while (i < n) {
            int b = bytes[i];
            int extra = b < 0x80 ? 0 : b >= 0xC2 && b < 0xE0 ? 1 : b >= 0xE0 && b < 0xF0 ? 2
                    : b >= 0xF0 && b < 0xF5 ? 3 : -1;
            int code = extra <= 0 ? b : b & (0x3F >> extra);
            int k = 1;
            while (extra > 0 && k <= extra && i + k < n && continues(b, k, bytes[i + k])) {
                code = code << 6 | bytes[i + k] & 0x3F;
                k++;
            }
            if (extra >= 0 && k == extra + 1) {
                out.appendCodePoint(code);
            } else {
                out.append('\uFFFD');
            }
            i += k;
        }
        return 0;
    }

    /**
     * Whether byte number k of a sequence that starts with lead may follow. The second byte's range depends on the
     * lead, which is what keeps out overlong forms, surrogates and code points past U+10FFFF.
     */
    private static boolean continues(int lead, int k, int b) {
        int low = 0x80;
        int high = 0xBF;
        if (k == 1) {
            low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        }
        return b >= low && b <= high;
    }
}
