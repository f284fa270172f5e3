package dev.mvlab.datafileformat;

import dev.mvlab.datafileformat.DatafileLayout.Piece;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The layout {@code tb fmt} gives a datafile, applied to its text without reformatting SQL:
 * <ul>
 *   <li>instructions at column 1, one space between keyword and value; {@code KEYWORD >} blocks indented by four
 *   spaces (tabs count four), their own relative indentation kept, trailing spaces and blank lines at a block's
 *   start and end removed, runs of blank lines inside a block made one;</li>
 *   <li>a blank line between sections: around every block and between one-line instructions of different kinds
 *   (TOKEN lines stay together, so do ENGINE lines and a node's TYPE, DATASOURCE, ...); none after
 *   {@code NODE name};</li>
 *   <li>ENGINE lines in Tinybird's order (ENGINE, partition key, sorting key, primary key, sampling key, TTL, ...,
 *   settings) and their values in double quotes (but ENGINE_SETTINGS);</li>
 *   <li>no blank line inside SCHEMA and INDEXES, no trailing comma after their last line; one newline at the end
 *   of the file.</li>
 * </ul>
 * Unlike {@code tb fmt}, {@code #} comment lines are kept (each stays above the instruction it preceded).
 */
public final class DatafileFormatter {
    private static final String INDENT = "    ";
    private static final List<String> ENGINE_ORDER = List.of("ENGINE", "ENGINE_PARTITION_KEY", "ENGINE_SORTING_KEY",
            "ENGINE_PRIMARY_KEY", "ENGINE_SAMPLING_KEY", "ENGINE_TTL", "ENGINE_VER", "ENGINE_IS_DELETED",
            "ENGINE_SIGN", "ENGINE_VERSION", "ENGINE_SUMMING_COLUMNS", "ENGINE_KEY_COLUMNS", "ENGINE_JOIN_STRICTNESS",
            "ENGINE_JOIN_TYPE", "ENGINE_SETTINGS");
    /** One-line instructions of these kinds form a group of their own. */
    private static final Set<String> OWN_GROUPS = Set.of("TOKEN", "NODE", "VERSION", "TAGS", "INCLUDE", "DESCRIPTION",
            "SHARED_WITH");

    private DatafileFormatter() {
    }

    /** The formatted text of a datafile named {@code fileName} (line ends may be CRLF; the result has LF). */
    public static String format(String fileName, String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        if (unix.startsWith("\uFEFF")) {
            unix = unix.substring(1);
        }
        List<Piece> pieces = engineOrdered(DatafileLayout.read(fileName, unix));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            Piece previous = i == 0 ? null : pieces.get(i - 1);
            if (previous != null && !previous.isComment()) {
                Piece next = piece; // comments sit with the instruction they precede
                int j = i;
                while (next != null && next.isComment()) {
                    next = ++j < pieces.size() ? pieces.get(j) : null;
                }
                if (next == null || blankLineBetween(previous, next)) {
                    out.append('\n');
                }
            }
            write(out, piece);
        }
        return out.toString();
    }

    private static boolean blankLineBetween(Piece a, Piece b) {
        if (a.keyword().equals("NODE")) {
            return false;
        }
        return a.isBlock() || b.isBlock() || !group(a.keyword()).equals(group(b.keyword()));
    }

    private static String group(String keyword) {
        return OWN_GROUPS.contains(keyword) ? keyword : "PROPERTIES";
    }

    private static void write(StringBuilder out, Piece piece) {
        if (piece.isComment()) {
            out.append(piece.comment()).append('\n');
            return;
        }
        if (!piece.isBlock()) {
            out.append(piece.keyword());
            String value = engineValue(piece.keyword(), piece.value());
            if (!value.isEmpty()) {
                out.append(' ').append(value);
            }
            out.append('\n');
            return;
        }
        out.append(piece.keyword()).append(" >\n");
        List<String> lines = indented(piece.block());
        if (piece.keyword().equals("SCHEMA") || piece.keyword().equals("INDEXES")) {
            lines.removeIf(String::isEmpty);
            withoutTrailingComma(lines);
        }
        lines.forEach(l -> out.append(l).append('\n'));
    }

    /** The block's lines at four spaces, relative indentation kept; blank runs made one, none at the ends. */
    private static List<String> indented(List<String> block) {
        int common = Integer.MAX_VALUE;
        for (String line : block) {
            if (!line.isBlank() && !DatafileLayout.isComment(line)) {
                common = Math.min(common, width(line));
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : block) {
            String text;
            if (line.isBlank()) {
                text = "";
            } else if (DatafileLayout.isComment(line)) {
                text = INDENT + line.strip();
            } else {
                String expanded = leadingTabsExpanded(line);
                text = INDENT + expanded.substring(Math.min(common, width(line))).stripTrailing();
            }
            if (text.isEmpty() && (out.isEmpty() || out.get(out.size() - 1).isEmpty())) {
                continue;
            }
            out.add(text);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static void withoutTrailingComma(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isBlank() || DatafileLayout.isComment(line)) {
                continue;
            }
            if (line.endsWith(",")) {
                lines.set(i, line.substring(0, line.length() - 1).stripTrailing());
            }
            return;
        }
    }

    /** Leading whitespace width, a tab counting four. */
    private static int width(String line) {
        return leadingTabsExpanded(line).length() - leadingTabsExpanded(line).stripLeading().length();
    }

    private static String leadingTabsExpanded(String line) {
        int i = 0;
        StringBuilder lead = new StringBuilder();
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            lead.append(line.charAt(i) == '\t' ? INDENT : " ");
            i++;
        }
        return lead + line.substring(i);
    }

    /** ENGINE values in double quotes (a value that has a double quote, or ENGINE_SETTINGS, stays as written). */
    private static String engineValue(String keyword, String value) {
        boolean engine = keyword.equals("ENGINE") || keyword.startsWith("ENGINE_");
        if (!engine || keyword.equals("ENGINE_SETTINGS") || value.isEmpty() || value.contains("\"")
                || value.startsWith("'") || value.contains("\\")) {
            return value;
        }
        return "\"" + value + "\"";
    }

    /** Each run of ENGINE lines (no comment between them) in Tinybird's order; unknown ones keep their place last. */
    private static List<Piece> engineOrdered(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            int end = i;
            while (end < pieces.size() && isEngineLine(pieces.get(end))) {
                end++;
            }
            if (end == i) {
                out.add(pieces.get(i++));
                continue;
            }
            List<Piece> run = new ArrayList<>(pieces.subList(i, end));
            run.sort(java.util.Comparator.comparingInt(p -> {
                int at = ENGINE_ORDER.indexOf(p.keyword());
                return at < 0 ? ENGINE_ORDER.size() : at;
            }));
            out.addAll(run);
            i = end;
        }
        return out;
    }

    private static boolean isEngineLine(Piece piece) {
        return !piece.isComment() && !piece.isBlock()
                && (piece.keyword().equals("ENGINE") || piece.keyword().startsWith("ENGINE_"));
    }
}
