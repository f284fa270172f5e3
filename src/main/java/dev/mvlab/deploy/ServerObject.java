package dev.mvlab.deploy;

import java.util.Map;

/**
 * A table or view as the server reports it in system.tables and system.columns.
 *
 * @param createQuery the server's normalised CREATE statement (system.tables.create_table_query)
 * @param columns     each column's type, with DEFAULT and CODEC when set, by column name (in table order)
 * @param rows        total_rows, or null for views
 */
public record ServerObject(String name, String engine, String createQuery, String engineFull, String asSelect,
                           Map<String, String> columns, Long rows) {

    public boolean isView() {
        return engine.equals("View") || engine.equals("MaterializedView");
    }
}
