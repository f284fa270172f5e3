package dev.mvlab.graph;

import dev.mvlab.model.DataSource;
import dev.mvlab.model.SourceLocation;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One object of the project's dependency graph.
 *
 * @param reads  the tables and views its query reads (empty for a data source)
 * @param writes the table a materialized or copy pipe writes, else null
 * @param table  the data source of a TABLE (for an inline target: its name and engine, no columns), else null
 * @param query  the query of a pipe, or of a table defined inline by a materialized pipe, else null
 */
public record ProjectObject(String name, ObjectKind kind, SourceLocation location, Set<String> reads, String writes,
                            DataSource table, PipeQuery query) {

    /** A target table whose columns come from the materialized pipe's query ({@code CREATE TABLE ... AS SELECT}). */
    public boolean inlineTable() {
        return kind == ObjectKind.TABLE && query != null;
    }

    /** The objects that must exist before this one is created. */
    public Set<String> needs() {
        if (writes == null) {
            return reads;
        }
        Set<String> all = new LinkedHashSet<>(reads);
        all.add(writes);
        return Collections.unmodifiableSet(all);
    }
}
