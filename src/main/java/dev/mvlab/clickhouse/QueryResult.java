package dev.mvlab.clickhouse;

import java.util.List;

/** The rows of a query, with the names and ClickHouse types of its columns. */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows) {

    public int size() {
        return rows.size();
    }

    /** The value of the first column of the first row, or null when there is no row. */
    public Object scalar() {
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public int columnIndex(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        }
        return index;
    }
}
