package dev.mvlab.lesson;

import java.util.List;

/**
 * What an apply or drop did.
 *
 * @param statements the SQL it executed, in order (a lesson shows it)
 * @param notes      one-line remarks for the learner, e.g. "backfilled 20000 rows into sales_by_product"
 */
public record ApplyOutcome(List<String> statements, List<String> notes) {
    public ApplyOutcome {
        statements = List.copyOf(statements);
        notes = List.copyOf(notes);
    }
}
