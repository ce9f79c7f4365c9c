package org.backproplab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashStateTest {
    @Test
    void textRoundTripsThroughPercentEncoding() {
        String[] samples = {"", "a = 2.0", "o = tanh(n) # ∂L/∂a", "x² + ½", "emoji 😀 and 中文", "100%&=#?+"};
        for (String s : samples) {
            assertEquals(s, HashState.decode(HashState.encode(s)), s);
        }
        assertEquals("a%20%3D%202.0", HashState.encode("a = 2.0"));
        assertEquals("%C2%BD%F0%9F%98%80", HashState.encode("½😀"));
    }

    @Test
    void encodingWritesTheSameBytesAsJavasEncoder() {
        Random random = new Random(7);
        for (int t = 0; t < 2000; t++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                s.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x80) : random.nextInt(0x10FFFF));
            }
            String text = s.toString();
            assertEquals(javaPercent(text.getBytes(StandardCharsets.UTF_8)), HashState.encode(text), text);
        }
    }

    /** Well-formed UTF-8 decodes as Java's strict decoder reads it; malformed bytes show as U+FFFD, never a throw. */
    @Test
    void decodingAnyBytesMatchesJavasDecoder() {
        Random random = new Random(11);
        for (int t = 0; t < 20000; t++) {
            byte[] bytes = new byte[random.nextInt(7)];
            for (int i = 0; i < bytes.length; i++) {
                int pick = random.nextInt(4);
                bytes[i] = (byte) (pick == 0 ? 0x80 + random.nextInt(0x40) : pick == 1 ? 0xC0 + random.nextInt(0x40)
                        : random.nextInt(256));
            }
            String percent = javaPercentAll(bytes);
            String decoded = HashState.decode(percent);
            try {
                String strict = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                assertEquals(strict, decoded, percent);
            } catch (CharacterCodingException malformed) {
                assertTrue(decoded.indexOf('\uFFFD') >= 0, percent + " gave " + decoded);
            }
        }
    }

    @Test
    void aBrokenPercentIsRefused() {
        assertNull(HashState.decode("a%2"));
        assertNull(HashState.decode("%zz"));
        assertEquals("a+b", HashState.decode("a+b"));
    }

    private static String javaPercent(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.' || c == '~';
            out.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    private static String javaPercentAll(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }
}
