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

    /** What it does, in words: "table t", "the copy of pipe p", ... */
    public String what() {
        return switch (kind) {
            case CREATE_TABLE, CREATE_TABLE_AS_SELECT -> "table " + object;
            case CREATE_DISTRIBUTED_TABLE -> "Distributed table " + object;
            case CREATE_MATERIALIZED_VIEW -> "materialized view " + object;
            case CREATE_VIEW -> "view " + object;
            case COPY -> "the copy of pipe " + object;
            case TRUNCATE_TABLE -> "the truncation before the copy of pipe " + object;
            case DROP_TABLE -> "dropping table " + object;
            case DROP_VIEW -> "dropping view " + object;
        };
    }
}
