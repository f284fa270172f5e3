package dev.mvlab.clickhouse;

import java.util.List;

/**
 * One row of the server's table list: a table, view or dictionary of a database.
 *
 * @param totalRows         rows the engine knows it holds; null for engines that do not tell (views, Memory)
 * @param dependencies      the views an insert into this table fires, as (database, name)
 * @param targetTable       for a materialized view with {@code TO}: the table it writes, else null
 */
public record TableEntry(String database, String name, String engine, String engineFull, String createTableQuery,
                         String asSelect, Long totalRows, String uuid, List<QualifiedName> dependencies,
                         QualifiedName targetTable) {

    /** A database and a name. */
    public record QualifiedName(String database, String name) {
    }

    public boolean isView() {
        return engine.equals("View") || engine.equals("MaterializedView");
    }

    public boolean isMaterializedView() {
        return engine.equals("MaterializedView");
    }
}
