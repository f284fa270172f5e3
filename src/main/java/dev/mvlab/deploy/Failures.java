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
        return statement.what();
    }
}
