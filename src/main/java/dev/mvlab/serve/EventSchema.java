package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mvlab.model.JsonPath;
import dev.mvlab.generate.JsonPathMapping;
import dev.mvlab.model.Column;
import dev.mvlab.model.DataSource;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How JSON rows land in one data source: through its JSONPaths (the generator's {@link JsonPathMapping}), or, for a
 * data source without JSONPaths, by column name ({@code $['name']}, as Tinybird maps NDJSON and CSV by name). Knows
 * the table's actual column types, so it can tell which rows fit before they are sent.
 */
final class EventSchema {
    private final DataSource datasource;
    private final List<Field> fields;
    private final JsonPathMapping mapping;
    /** Reads the paths' values off a streaming parser; null when a path is the whole row. */
    private final StreamedRowCheck streamed;

    private record Field(String column, ValueCheck check, JsonPath path, boolean hasDefault) {
    }

    /** A value that does not fit its column; {@code column} is null when the problem is the row's as a whole. */
    record Problem(String column, String message) {
    }

    private EventSchema(DataSource datasource, List<Field> fields, JsonPathMapping mapping) {
        this.datasource = datasource;
        this.fields = fields;
        this.mapping = mapping;
        this.streamed = StreamedRowCheck.of(fields.stream().map(Field::path).toList(),
                fields.stream().map(f -> f.check.takesAnyContainer()).toList(), EventLines.JSON);
    }

    /**
     * {@code tableTypes}: the table's column types; {@code serverZone}: the engine's time zone, which reads
     * date-times that name no zone into columns that name none.
     */
    static EventSchema of(DataSource datasource, Map<String, String> tableTypes, ZoneId serverZone) {
        DataSource mapped = datasource.hasJsonPaths() ? datasource : byName(datasource, tableTypes);
        List<Field> fields = new ArrayList<>();
        for (Column column : mapped.columns()) {
            if (column.jsonPath() != null) {
                fields.add(new Field(column.name(), ValueCheck.of(tableTypes.getOrDefault(column.name(), column.type()),
                        serverZone),
                        JsonPath.parse(column.jsonPath()), column.defaultExpr() != null));
            }
        }
        return new EventSchema(datasource, List.copyOf(fields), JsonPathMapping.of(mapped, tableTypes));
    }

    /** The same data source with {@code $['column']} as every column's path (for files and path-less sources). */
    static EventSchema byColumnName(DataSource datasource, Map<String, String> tableTypes, ZoneId serverZone) {
        DataSource mapped = byName(datasource, tableTypes);
        return of(mapped, tableTypes, serverZone);
    }

    private static DataSource byName(DataSource datasource, Map<String, String> tableTypes) {
        List<Column> columns = new ArrayList<>();
        if (datasource.columns().isEmpty()) {
            tableTypes.forEach((name, type) -> columns.add(new Column(name, type, path(name), null, null, null)));
        } else {
            for (Column c : datasource.columns()) {
                columns.add(new Column(c.name(), c.type(), path(c.name()), c.defaultExpr(), c.codec(), c.location()));
            }
        }
        return new DataSource(datasource.name(), datasource.description(), columns, datasource.engine(),
                datasource.indexes(), datasource.tags(), datasource.tokens(), datasource.sharedWith(),
                datasource.location());
    }

    private static String path(String column) {
        return "$['" + column + "']";
    }

    DataSource datasource() {
        return datasource;
    }

    List<String> columns() {
        return fields.stream().map(Field::column).toList();
    }

    String insertSql(String database) {
        return mapping.insertFromInput(database, datasource.name());
    }

    /** The reader of rows off a parser, or null when the tree of each row is needed. */
    StreamedRowCheck streamed() {
        return streamed;
    }

    /**
     * True when each value (one per column, in {@link #columns()} order; null when absent) fits its column. What
     * makes the whole row unreadable is not looked at here ({@link StreamedRowCheck} does while reading).
     */
    boolean fits(JsonNode[] values) {
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (field.check.problem(field.column, values[i], field.hasDefault) != null) {
                return false;
            }
        }
        return true;
    }

    /** The values that do not fit their columns; empty when the row can be stored. */
    List<Problem> problems(JsonNode row) {
        List<Problem> problems = new ArrayList<>(0);
        for (Field field : fields) {
            JsonNode value = valueAt(row, field.path);
            String problem = field.check.problem(field.column, value, field.hasDefault);
            if (problem != null) {
                problems.add(new Problem(field.column, problem));
            }
        }
        if (problems.isEmpty()) {
            String unreadable = UnreadableRow.reason(row);
            if (unreadable != null) {
                problems.add(new Problem(null, unreadable));
            }
        }
        return problems;
    }

    /** The text of each column's value in the row (null when absent), for the quarantine table. */
    List<String> texts(JsonNode row) {
        List<String> texts = new ArrayList<>(fields.size());
        for (Field field : fields) {
            JsonNode value = row == null ? null : valueAt(row, field.path);
            texts.add(value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString());
        }
        return texts;
    }

    /** The value at a JSONPath, or null when the path is absent. */
    static JsonNode valueAt(JsonNode root, JsonPath path) {
        if (path.isRoot()) {
            return root;
        }
        JsonNode node = walk(root, path.prefix());
        if (node == null || !path.allItems()) {
            return node;
        }
        if (!node.isArray()) {
            return node;
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : node) {
            JsonNode value = walk(item, path.suffix());
            items.add(value == null ? JsonNodeFactory.instance.nullNode() : value);
        }
        return items;
    }

    private static JsonNode walk(JsonNode node, List<Object> steps) {
        JsonNode current = node;
        for (Object step : steps) {
            if (current == null) {
                return null;
            }
            if (step instanceof Integer index) {
                if (!current.isArray()) {
                    return null;
                }
                int i = index >= 0 ? index : current.size() + index;
                current = i >= 0 && i < current.size() ? current.get(i) : null;
            } else {
                current = current.isObject() ? current.get((String) step) : null;
            }
        }
        return current;
    }
}
