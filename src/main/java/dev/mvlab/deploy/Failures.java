package dev.mvlab.deploy;

import dev.mvlab.errors.DatabaseException;
import dev.mvlab.render.Statement;

/** Server refusals reworded to name the datafile a statement came from. */
final class Failures {
    private Failures() {
    }

    static DatabaseException at(Statement statement, DatabaseException e) {
        return new DatabaseException(statement.source() + ": ClickHouse refused " + describe(statement) + ": "
                + e.getMessage(), e.sql(), e);
    }

    static String describe(Statement statement) {
        return switch (statement.kind()) {
            case CREATE_TABLE, CREATE_TABLE_AS_SELECT -> "table " + statement.object();
            case CREATE_MATERIALIZED_VIEW -> "materialized view " + statement.object();
            case CREATE_VIEW -> "view " + statement.object();
            case COPY -> "the copy of pipe " + statement.object();
            case TRUNCATE_TABLE -> "the truncation before the copy of pipe " + statement.object();
            case DROP_TABLE -> "dropping table " + statement.object();
            case DROP_VIEW -> "dropping view " + statement.object();
        };
    }
}
