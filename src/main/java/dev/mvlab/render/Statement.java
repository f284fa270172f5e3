package dev.mvlab.render;

import dev.mvlab.model.SourceLocation;

/**
 * One rendered SQL statement: the boundary between rendering and executing.
 *
 * @param object the table, view or pipe it is about
 * @param sql    the statement without a final semicolon, starting with a comment naming its datafile
 * @param origin the datafile position it was rendered from (path relative to the project folder)
 */
public record Statement(StatementKind kind, String object, String sql, SourceLocation origin) {

    /** Where it came from, as {@code file:line}. */
    public String source() {
        return origin == null ? "(unknown)" : origin.file() + ":" + origin.line();
    }

    /** The statement with its semicolon, on a line of its own when the SQL ends in a line comment. */
    public String terminated() {
        String last = sql.substring(sql.lastIndexOf('\n') + 1);
        return sql + (last.contains("--") ? "\n;" : ";");
    }
}
