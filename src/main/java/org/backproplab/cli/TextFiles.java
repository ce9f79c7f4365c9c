package org.backproplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the text files the commands take (a program, a run file) and says plainly why one can't be read: no such
 * file, a folder, too big, not UTF-8. The size is checked before anything is read, so a 30 GB file is refused at
 * once instead of filling the memory. A UTF-8 byte-order mark, which some Windows editors write, is dropped.
 */
final class TextFiles {
    private TextFiles() {
    }

    /** Why a file could not be read; the message is "cannot read NAME: reason". */
    static final class Unreadable extends Exception {
        Unreadable(String name, String reason) {
            super("cannot read " + name + ": " + reason);
        }
    }

    /** The text of file, refused if it has more than maxBytes bytes. */
    static String read(Path file, int maxBytes) throws Unreadable {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new Unreadable(name, "it is a folder, not a file");
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new Unreadable(name, tooBig(size, maxBytes));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, name, maxBytes);
            }
        } catch (NoSuchFileException e) {
            throw new Unreadable(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable(name, "permission denied");
        } catch (IOException e) {
            throw new Unreadable(name, String.valueOf(e.getMessage()));
        }
    }

    /**
     * The text of a stream (standard input, or a file whose size said nothing, such as /dev/zero): reads one byte
     * more than maxBytes at most, to tell a stream that is too long.
     */
    static String read(InputStream in, String name, int maxBytes) throws Unreadable {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new Unreadable(name, String.valueOf(e.getMessage()));
        }
        if (bytes.length > maxBytes) {
            throw new Unreadable(name, "it has more than " + maxBytes + " bytes; expected at most " + maxBytes);
        }
        String text = decode(bytes, name);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String tooBig(long size, int maxBytes) {
        return "it has " + size + " bytes; expected at most " + maxBytes;
    }

    /** Strict UTF-8: the JDK's lenient decoding would turn a Latin-1 'é' into a replacement character silently. */
    private static String decode(byte[] bytes, String name) throws Unreadable {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new Unreadable(name, "it is not UTF-8 text (byte " + (at + 1) + " is 0x"
                    + Integer.toHexString(bytes[at] & 0xff).toUpperCase(java.util.Locale.ROOT)
                    + "); save it as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
