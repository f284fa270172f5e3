package dev.mvlab.model;

import java.util.List;

/**
 * A {@code .datasource} file, or a target table defined inline by a materialized pipe (ENGINE lines after
 * DATASOURCE): then {@code columns} is empty, the columns come from the node's SQL, and {@code location} is the
 * node's.
 *
 * @param name    the file name without extension; the ClickHouse table name
 * @param tokens  TOKEN lines as "name scope" strings
 */
public record DataSource(String name, String description, List<Column> columns, EngineSpec engine,
                         List<DataIndex> indexes, List<String> tags, List<String> tokens, List<String> sharedWith,
                         SourceLocation location) {

    /** True for a target table defined by ENGINE lines in a materialized pipe, whose columns come from its SQL. */
    public boolean definedByPipe() {
        return columns.isEmpty();
    }

    /** True when rows arrive as JSON mapped through the columns' JSONPaths (a landing data source). */
    public boolean hasJsonPaths() {
        return columns.stream().anyMatch(c -> c.jsonPath() != null);
    }
}
