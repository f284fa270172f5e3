package dev.mvlab.datafile;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A datafile that cannot be used, reported like Tinybird's own errors:
 * <pre>
 * datasources/x.datasource:7:12: expected a type after column `price`
 *     6 |     `action` String,
 *     7 |     `price`,
 *       |            ^
 * </pre>
 * {@link #getMessage()} is the header line plus the excerpt; the CLI prints {@link #hint()} after it.
 * {@link #render()} is both, as one block.
 */
public class DatafileException extends MvlabException {
    private static final int CONTEXT_LINES = 2;
    private static final int EXCERPT_WIDTH = 120;

    private final SourceLocation location;
    private final String reason;

    public DatafileException(SourceLocation location, String reason, String hint, List<String> fileLines) {
        super(ExitCode.DATAFILE, header(location, reason) + excerpt(location, fileLines), hint);
        this.location = location;
        this.reason = reason;
    }

    private DatafileException(String message, SourceLocation location, String reason) {
        super(ExitCode.DATAFILE, message, null);
        this.location = location;
        this.reason = reason;
    }

    /** One exception reporting the first error of each of several files; the hints go inline. */
    /**
     * An error found after parsing (rendering, the graph) at a location in a datafile of the project at {@code root};
     * the excerpt is read from that file, and left out when it cannot be read.
     */
    public static DatafileException at(java.nio.file.Path root, SourceLocation location, String reason, String hint) {
        List<String> lines = null;
        if (root != null && location != null && location.file() != null) {
            try {
                lines = java.nio.file.Files.readAllLines(root.resolve(location.file()));
            } catch (java.io.IOException | RuntimeException e) {
                lines = null;
            }
        }
        return new DatafileException(location, reason, hint, lines);
    }

    public static DatafileException combine(List<DatafileException> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        String body = errors.stream().map(DatafileException::render).collect(Collectors.joining("\n\n"));
        DatafileException first = errors.get(0);
        return new DatafileException(errors.size() + " datafiles have errors (the first of each is shown)\n\n" + body,
                first.location, first.reason);
    }

    /** Where the error is: file relative to the project folder, 1-based line and column. */
    public SourceLocation location() {
        return location;
    }

    /** The one-line reason, without location or excerpt. */
    public String reason() {
        return reason;
    }

    /** The message and, when there is one, the hint: the whole error as a user reads it. */
    public String render() {
        return hint() == null ? getMessage() : getMessage() + "\nhint: " + hint();
    }

    private static String header(SourceLocation location, String reason) {
        return visible(location.file() + ":" + location.line() + ":" + location.column() + ": " + reason, true);
    }

    /**
     * The text with characters a terminal would hide or act on (NUL and other control characters, line and
     * paragraph separators, bidirectional overrides) made visible: escaped as backslash-x-00 or backslash-u-202E, or as
     * {@code ?} where columns must stay aligned (the excerpt above a caret).
     */
    static String visible(String text, boolean escape) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = c < 0x20 && c != '\n' || c == 0x7F || c >= 0x80 && c < 0xA0 || c == '\u2028' || c == '\u2029'
                    || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF';
            if (hidden && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(!hidden ? String.valueOf(c) : !escape ? "?"
                        : c < 0x100 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String excerpt(SourceLocation location, List<String> lines) {
        if (lines == null || location.line() < 1 || location.line() > lines.size()) {
            return "";
        }
        int last = location.line();
        int first = Math.max(1, last - CONTEXT_LINES);
        int width = Math.max(4, String.valueOf(last).length() + 1);
        int column = Math.max(1, location.column());
        // long lines show a window around the caret: "..." + EXCERPT_WIDTH characters + "..."
        int from = lines.get(last - 1).length() <= EXCERPT_WIDTH ? 0 : Math.max(0, column - 1 - EXCERPT_WIDTH / 2);
        StringBuilder out = new StringBuilder();
        for (int n = first; n <= last; n++) {
            String line = lines.get(n - 1).replace('\t', ' ');
            String shown = from == 0 && line.length() <= EXCERPT_WIDTH ? line
                    : (from > 0 ? "..." : "") + line.substring(Math.min(from, line.length()),
                    Math.min(line.length(), from + EXCERPT_WIDTH)) + (line.length() > from + EXCERPT_WIDTH ? "..." : "");
            out.append('\n').append((pad(String.valueOf(n), width) + " | " + visible(shown, false)).stripTrailing());
        }
        out.append('\n').append(" ".repeat(width)).append(" | ")
                .append(" ".repeat(column - 1 - from + (from > 0 ? 3 : 0))).append('^');
        return out.toString();
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
