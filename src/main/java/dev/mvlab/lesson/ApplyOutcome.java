package dev.mvlab.lesson;

import java.util.List;

/**
 * What an apply or drop did.
 *
 * @param statements the SQL it executed, in order (a lesson shows it)
 * @param notes      one-line remarks for the learner, e.g. "backfilled 20000 rows into sales_by_product"
 */
public record ApplyOutcome(List<String> statements, List<String> notes, List<Created> created) {
    public ApplyOutcome {
        statements = List.copyOf(statements);
        notes = List.copyOf(notes);
        created = List.copyOf(created);
    }

    public ApplyOutcome(List<String> statements, List<String> notes) {
        this(statements, notes, List.of());
    }

    /**
     * An object the apply created (its statement is among {@code statements}).
     *
     * @param kind   table, materialized view, view, ...
     * @param source {@code datafile:line}
     * @param named  true when the step named it (what the lesson is about), false when it came along as a need
     */
    public record Created(String object, String kind, String source, String sql, boolean named) {
    }
}
