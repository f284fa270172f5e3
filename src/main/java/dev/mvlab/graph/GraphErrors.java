package dev.mvlab.graph;

import dev.mvlab.datafile.DatafileException;
import dev.mvlab.model.Node;
import dev.mvlab.model.SourceLocation;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Errors in what datafiles refer to, reported at file:line:col like the parser's errors. */
public final class GraphErrors {
    private GraphErrors() {
    }

    static DatafileException at(Path root, SourceLocation location, String reason, String hint) {
        return DatafileException.at(root, location, reason, hint);
    }

    /** The position of an offset of a node's (template-expanded) SQL in its datafile. */
    static SourceLocation inSql(Node node, String sql, int offset) {
        SourceLocation start = node.sqlLocation() != null ? node.sqlLocation() : node.location();
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = Math.max(1, start.column()) + Math.max(0, offset - lineStart);
        return new SourceLocation(start.file(), start.line() + line, column);
    }

    /** The closest candidate to a misspelt name, when one is close enough. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        int limit = Math.max(2, name.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
