package dev.mvlab.graph;

import dev.mvlab.datafile.DatafileException;
import dev.mvlab.model.Node;
import dev.mvlab.model.SourceLocation;

import java.nio.file.Path;

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
}
