package org.eesim.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text files a scenario names (the scenario, a profile, its traces, bandwidth traces):
 * only regular files (a named pipe would block forever, {@code /dev/zero} never ends), at most a
 * stated size, strictly UTF-8, with the line and column of the first byte that is not.
 */
public final class TextFiles {

    /** A scenario, sweep included: far more than any written by hand. */
    public static final long SCENARIO_MAX_BYTES = 8L << 20;
    /** A profile's YAML, which may keep raw time samples of every layer. */
    public static final long PROFILE_MAX_BYTES = 256L << 20;
    /** A trace of per-sample exit confidences, or a bandwidth trace. */
    public static final long TRACE_MAX_BYTES = 512L << 20;

    private TextFiles() {
    }

    /**
     * The text of {@code file}, or {@code null} after reporting why it cannot be read.
     *
     * @param what names the kind of file in messages ("scenario", "bandwidth trace")
     */
    public static String read(Path file, long maxBytes, String what, Problems problems) {
        return read(file, maxBytes, what, null, problems);
    }

    /**
     * As {@link #read(Path, long, String, Problems)}; a file that cannot be opened at all is
     * reported at {@code at} (the key that names it) when that is given, with the file's path.
     */
    public static String read(Path file, long maxBytes, String what, YamlNode at, Problems problems) {
        String reason = null;
        try {
            if (!Files.exists(file)) {
                reason = "file not found";
            } else if (!Files.isRegularFile(file)) {
                reason = Files.isDirectory(file) ? "is a folder, not a " + what + " file"
                        : "not a regular file (a named pipe or a device?): give a " + what + " file";
            } else if (Files.size(file) > maxBytes) {
                reason = "the file has " + mib(Files.size(file)) + ", more than the " + mib(maxBytes) + " a " + what
                        + " may have: is it the right file?";
            } else {
                byte[] bytes;
                try (InputStream in = Files.newInputStream(file)) {
                    bytes = in.readNBytes((int) maxBytes + 1); // the file may grow while it is read
                }
                if (bytes.length <= maxBytes) {
                    return decode(bytes, file, problems);
                }
                reason = "the file grew past the " + mib(maxBytes) + " a " + what + " may have";
            }
        } catch (NoSuchFileException e) {
            reason = "file not found";
        } catch (IOException | SecurityException e) {
            reason = "cannot read: " + e.getMessage();
        }
        if (at == null) {
            problems.add(file, 0, 0, "", reason);
        } else {
            problems.add(at, "cannot read " + what + " " + file + ": " + reason);
        }
        return null;
    }

    /** {@code bytes} as UTF-8 (a leading byte-order mark dropped), or null with the first bad byte reported. */
    static String decode(byte[] bytes, Path file, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            decoder.flush(out);
            out.flip();
            String text = out.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        int bad = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // The column counts characters, as an editor does: the line's bytes before the bad one are valid UTF-8.
        String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        problems.add(file, line, column, "", String.format(Locale.ROOT,
                "not UTF-8 text: byte 0x%02X here is not valid UTF-8 (save the file as UTF-8)", bytes[bad] & 0xff));
        return null;
    }

    /**
     * {@code ref} resolved against {@code base}, or {@code null} after reporting a name this
     * system cannot represent as a file name (a non-ASCII path under {@code LC_ALL=C}).
     */
    public static Path resolve(Path base, String ref, YamlNode at, Problems problems) {
        try {
            return base.resolve(ref).normalize();
        } catch (InvalidPathException e) {
            problems.add(at, "'" + ref + "' cannot be a file name on this system (" + e.getReason()
                    + "; file names are encoded as " + System.getProperty("sun.jnu.encoding", "?")
                    + "): use a UTF-8 locale, e.g. LC_ALL=C.UTF-8, or an ASCII path");
            return null;
        }
    }

    private static String mib(long bytes) {
        return bytes < (1L << 20) ? bytes + " B" : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
