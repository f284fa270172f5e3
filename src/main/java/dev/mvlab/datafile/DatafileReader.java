package dev.mvlab.datafile;

import dev.mvlab.model.SourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads datafiles and include files, and only those: files inside the project folder (after following symbolic
 * links), regular files (never a FIFO or a device, which could hang or never end), at most {@link #MAX_BYTES}, in
 * UTF-8 (an invalid byte is an error at its line and column).
 */
final class DatafileReader {
    /** Datafiles are small; ClickHouse takes 256 KiB per statement by default. */
    static final int MAX_BYTES = 1 << 20;

    private final Path root;
    private final Path realRoot;

    /** @param root the folder every file must stay inside */
    DatafileReader(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    /** The project folder of a datafile given alone: the folder above its datasources/ or pipes/ folder. */
    static DatafileReader around(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path above = folder == null ? null : folder.getParent();
        return new DatafileReader(above != null ? above : Path.of("").toAbsolutePath());
    }

    /** A datafile of the project; {@code shown} is its path as users read it, {@code actual} where it is. */
    Source read(Path shown, Path actual) {
        return read(shown, actual, "", (reason, hint) -> new DatafileException(new SourceLocation(shown, 1, 1),
                reason, hint, null));
    }

    /** A file named on an INCLUDE line, found at the path shown; problems are errors at that line and column. */
    Source include(Line line, int column, Path shown) {
        return include(line, column, shown, shown);
    }

    /** A file named on an INCLUDE line; problems are errors at the file name on that line. */
    Source include(Line line, int column, Path shown, Path actual) {
        return read(shown, actual, "include ", (reason, hint) -> line.error(column, reason,
                hint != null ? hint : "INCLUDE paths are relative to the including file (" + line.source().path() + ")"));
    }

    private interface Problem {
        DatafileException at(String reason, String hint);
    }

    /** @param what "include " for include files, "" for datafiles, to start messages */
    private Source read(Path shown, Path actual, String what, Problem problem) {
        Path normal = actual.toAbsolutePath().normalize();
        String outside = "datafiles and includes are read only inside the project folder " + root;
        if (!normal.startsWith(root)) {
            throw problem.at(what + "file `" + shown + "` is outside the project folder", outside);
        }
        Path real;
        BasicFileAttributes attributes;
        try {
            real = normal.toRealPath();
            attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw problem.at(what + "file not found: " + shown, Files.isSymbolicLink(normal)
                    ? "it is a symbolic link to a file that does not exist" : null);
        } catch (IOException e) {
            throw problem.at("cannot read " + what + "file " + shown + ": " + e.getMessage(), null);
        }
        if (!real.startsWith(realRoot)) {
            throw problem.at(what + "file `" + shown + "` is a symbolic link to " + real
                    + ", outside the project folder", outside);
        }
        if (!attributes.isRegularFile()) {
            throw problem.at(what + "file `" + shown + "` is " + (attributes.isDirectory() ? "a folder"
                    : "not a regular file (a device, FIFO or socket)"), "datafiles and includes are plain text files");
        }
        if (attributes.size() > MAX_BYTES) {
            throw problem.at(what + "file `" + shown + "` is " + attributes.size() + " bytes; a datafile or include is "
                    + "at most " + MAX_BYTES + " bytes (1 MiB)", "split it, or shorten what makes it big (a DESCRIPTION?)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw problem.at("cannot read " + what + "file " + shown + ": " + e.getMessage(), null);
        }
        if (bytes.length > MAX_BYTES) {
            throw problem.at(what + "file `" + shown + "` is more than " + MAX_BYTES + " bytes (1 MiB)", null);
        }
        return Source.of(shown, decode(shown, bytes));
    }

    /** The text of UTF-8 bytes; an invalid sequence is an error at its line and column. */
    static String decode(Path shown, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (!result.isError()) {
            decoder.flush(out);
            return out.flip().toString();
        }
        int bad = in.position();
        String before = out.flip().toString();
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = Source.of(shown, lenient).lines();
        throw new DatafileException(new SourceLocation(shown, line, column), String.format(
                "invalid UTF-8: byte 0x%02X cannot start or continue a character", bytes[bad] & 0xFF),
                "save the file as UTF-8 (datafiles are UTF-8 text)", lines);
    }
}
