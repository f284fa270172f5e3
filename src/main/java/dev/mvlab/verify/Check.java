package dev.mvlab.verify;

import dev.mvlab.model.SourceLocation;

import java.util.List;

/**
 * One declared verification: the same question asked of a materialized view ({@code mv}) and of the raw data
 * ({@code raw}). Rows are matched on {@code keys}; with no keys, rows are matched by position (order both queries).
 * The other columns are compared by name, numbers within {@code tolerance}.
 *
 * @param expect   the verdict the check expects unless a lesson step says otherwise (usually MATCH; DRIFT proves a
 *                 pitfall happens)
 * @param location where the check is declared
 */
public record Check(String name, String description, String mv, String raw, List<String> keys, Tolerance tolerance,
                    Verdict expect, SourceLocation location) {

    public Check {
        keys = List.copyOf(keys);
    }

    public boolean positional() {
        return keys.isEmpty();
    }
}
