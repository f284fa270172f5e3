package dev.mvlab.datafile;

import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;

import java.util.List;
import java.util.Locale;

/**
 * Reads a Forward {@code .connection} file (TYPE kafka|s3|gcs|..., then the connector's settings). mvlab runs no
 * connector: a connection gives one warning that names what is skipped.
 */
final class ConnectionParser {
    private ConnectionParser() {
    }

    /** The connection's TYPE, lower case. */
    static String parse(Source source, List<Warning> warnings) {
        String name = CommonInstructions.nameOf(source, ".connection", "connection");
        String type = null;
        for (int i = 0; i < source.lines().size(); i++) {
            String line = source.lines().get(i);
            if (line.isBlank() || line.strip().startsWith("#") || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String[] words = line.strip().split("\\s+", 2);
            if (words[0].equals("TYPE")) {
                if (words.length < 2) {
                    throw source.error(i + 1, 6, "expected a connection type after TYPE",
                            "e.g. TYPE kafka, TYPE s3 or TYPE gcs");
                }
                type = Values.unquote(words[1].strip()).toLowerCase(Locale.ROOT);
            }
        }
        if (type == null) {
            throw source.error(1, 1, "connection " + name + " has no TYPE", "add TYPE kafka, TYPE s3 or TYPE gcs");
        }
        warnings.add(new Warning(source.location(1, 1), "connection " + name + " (" + type + ") is not run by "
                + "mvlab: data sources that use it get rows only when you insert them", WarningKind.SKIPPED));
        return type;
    }
}
