package dev.mvlab.yaml;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation errors in YAML files, written as {@code file:line:col: message}, followed by the offending line with a
 * caret under the column (like Tinybird's datafile errors). They exit with {@link ExitCode#DATAFILE}.
 */
public final class YamlErrors {
    private YamlErrors() {
    }

    private static final int WIDTH = 120;

    public static MvlabException at(SourceLocation where, String message, String hint) {
        return new MvlabException(ExitCode.DATAFILE, where + ": " + message + snippet(where), hint);
    }

    /** The line at {@code where}, numbered, with a caret under the column; empty when the file cannot be read. */
    static String snippet(SourceLocation where) {
        if (where.file() == null || where.line() < 1) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(where.file());
            if (where.line() > lines.size()) {
                return "";
            }
            String number = Integer.toString(where.line());
            String line = lines.get(where.line() - 1).replace('\t', ' ');
            int column = Math.max(1, where.column());
            int from = line.length() <= WIDTH ? 0 : Math.max(0, column - 1 - WIDTH / 2);
            if (line.length() > WIDTH) { // a window around the caret
                line = (from > 0 ? "..." : "") + line.substring(from, Math.min(line.length(), from + WIDTH))
                        + (line.length() > from + WIDTH ? "..." : "");
            }
            line = line.chars().mapToObj(c -> Character.isISOControl(c) ? "?" : String.valueOf((char) c))
                    .collect(java.util.stream.Collectors.joining());
            return "\n  " + number + " | " + line + "\n  " + " ".repeat(number.length()) + " | "
                    + " ".repeat(column - 1 - from + (from > 0 ? 3 : 0)) + "^";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String text(YamlNode node, String key) {
        if (node instanceof YamlScalar s && !s.isNull() && !s.text().isBlank()) {
            return s.text();
        }
        throw at(node.location(), "'" + key + "' must be a text, not " + node.describe(), null);
    }

    static long integer(YamlNode node, String key) {
        if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.INTEGER) {
            try {
                return Long.parseLong(s.text().replace("_", ""));
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw at(node.location(), "'" + key + "' must be a whole number, not " + describe(node), null);
    }

    public static double decimal(YamlNode node, String key) {
        if (node instanceof YamlScalar s && s.isNumber()) {
            try {
                double value = Double.parseDouble(s.text().replace("_", ""));
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw at(node.location(), "'" + key + "' must be a number, not " + describe(node), null);
    }

    static List<String> texts(YamlNode node, String key) {
        if (node instanceof YamlScalar) {
            return List.of(text(node, key));
        }
        if (node instanceof YamlList list) {
            List<String> texts = new ArrayList<>();
            for (YamlNode item : list.items()) {
                texts.add(text(item, key));
            }
            if (texts.isEmpty()) {
                throw at(node.location(), "'" + key + "' must name at least one item", null);
            }
            return texts;
        }
        throw at(node.location(), "'" + key + "' must be a text or a list of texts, not " + node.describe(), null);
    }

    private static String describe(YamlNode node) {
        if (node instanceof YamlScalar s && !s.isNull()) {
            return "'" + (s.text().length() > 40 ? s.text().substring(0, 40) + "..." : s.text()) + "'";
        }
        return node.describe();
    }
}
