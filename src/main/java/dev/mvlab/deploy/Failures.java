package dev.mvlab.deploy;

import dev.mvlab.errors.DatabaseException;
import dev.mvlab.render.Statement;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Server refusals reworded to name the datafile a statement came from. */
final class Failures {
    /** ClickHouse's refusal of a view whose aggregate state is over a Nullable column, its target's over the plain type. */
    private static final Pattern NULLABLE_STATE = Pattern.compile(
            "Conversion from AggregateFunction\\((\\w+), Nullable\\((.+?)\\)\\) to AggregateFunction\\(\\1, \\2\\)"
                    + " is not supported: while converting source column (\\S+)");

    private Failures() {
    }

    static DatabaseException at(Statement statement, DatabaseException e) {
        return new DatabaseException(statement.source() + ": ClickHouse refused " + describe(statement) + ": "
                + e.getMessage(), e.sql(), hint(e.getMessage()), e);
    }

    /**
     * What to do about a refusal mvlab recognises, or null. A {@code WHERE x IS NOT NULL} does not change the type of
     * {@code x}: {@code sumState(x)} of a Nullable column is a state over {@code Nullable}, which a target column
     * declared over the plain type cannot take (ClickHouse 26.7 refuses the view on every server, cluster or not).
     */
    static String hint(String message) {
        Matcher nullable = message == null ? null : NULLABLE_STATE.matcher(message);
        if (nullable == null || !nullable.find()) {
            return null;
        }
        String function = nullable.group(1);
        String type = nullable.group(2);
        return "column " + nullable.group(3) + ": the query's " + function + "State(...) is over a Nullable column; "
                + "write " + function + "State(assumeNotNull(...)) in the pipe (after a filter on IS NOT NULL), or "
                + "declare the target column AggregateFunction(" + function + ", Nullable(" + type + "))";
    }

    static String describe(Statement statement) {
        return statement.what();
    }
}
