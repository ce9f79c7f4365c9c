package org.backproplab.ui.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
        for (String pair : hash.split("&")) {
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
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-decodes UTF-8 ('+' stays '+'); null if a % is not followed by two hex digits. */
    static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
