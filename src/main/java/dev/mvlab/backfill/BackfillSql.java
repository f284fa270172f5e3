package dev.mvlab.backfill;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.render.SqlRenderer;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of both backfill methods: a view's own query over only some rows of its sources, each source's name
 * shadowed by a common table expression ({@code WITH src AS (SELECT * FROM db.src WHERE <rows>)}), as the body of the
 * view or inserted into its target.
 */
final class BackfillSql {
    private BackfillSql() {
    }

    /**
     * {@code INSERT INTO target (columns)} of the view's query over the rows of each source that meet its condition;
     * the columns are the target's that the query produces, in the target's order.
     */
    static String insert(Database db, SqlRenderer renderer, ProjectObject view, Map<String, String> rowsBySource) {
        Set<String> produced = Set.copyOf(db.run("SELECT * FROM (\n" + renderer.select(view) + "\n) LIMIT 0")
                .columns());
        String list = SourceColumns.of(db, view.writes()).stream().filter(produced::contains)
                .map(Identifiers::quote).collect(Collectors.joining(", "));
        return "INSERT INTO " + Identifiers.quote(view.writes()) + " (" + list + ")\n"
                + shadowed(db, renderer, view, rowsBySource, list);
    }

    /** The view's query over the rows of each source that meet its condition, selecting {@code list}. */
    static String shadowed(Database db, SqlRenderer renderer, ProjectObject view, Map<String, String> rowsBySource,
                           String list) {
        String shadows = rowsBySource.entrySet().stream().map(e -> "    " + Identifiers.quote(e.getKey())
                + " AS (SELECT * FROM " + Identifiers.quote(db.name()) + "." + Identifiers.quote(e.getKey())
                + " WHERE " + e.getValue() + ")").collect(Collectors.joining(",\n"));
        return "WITH\n" + shadows + "\nSELECT " + list + "\nFROM\n(\n" + renderer.select(view) + "\n)";
    }
}
