package dev.mvlab.generate;

import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.Column;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.JsonPath;
import dev.mvlab.sql.SqlLiterals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a landing data source's JSONPaths into one {@code INSERT ... SELECT} that ClickHouse runs on raw NDJSON lines,
 * as Tinybird's Events API does: each column gets {@code JSONExtract(line, 'a', 'b', '<type>')}; a path that is absent
 * gives the type's default (NULL for Nullable), or the column's DEFAULT expression when it has one; {@code $} is the
 * whole line; {@code [:]} gives an array. Columns without a JSONPath are left to their table default.
 */
public final class JsonPathMapping {
    /** The name of the raw line in {@code input()}: unlikely to collide with a column name. */
    static final String LINE = "__mvlab_line";
    private static final Pattern ARRAY = Pattern.compile("(?i)^Array\\((.*)\\)$");
    private static final Pattern STRINGLIKE = Pattern.compile(
            "(?i)^(LowCardinality\\()?(Nullable\\()?String\\)?\\)?$");

    private final List<String> columns;
    private final List<String> expressions;

    private JsonPathMapping(List<String> columns, List<String> expressions) {
        this.columns = columns;
        this.expressions = expressions;
    }

    /**
     * The mapping of the data source's JSONPath columns. {@code tableTypes} (column name to the table's actual
     * type) overrides the declared types when given.
     */
    public static JsonPathMapping of(DataSource datasource, Map<String, String> tableTypes) {
        if (!datasource.hasJsonPaths()) {
            throw new MvlabException(ExitCode.DATAFILE, "data source '" + datasource.name()
                    + "' has no JSONPaths, so JSON events cannot be mapped into it",
                    "give its columns paths such as `json:$.customer_id` (see " + datasource.location() + ")");
        }
        List<String> columns = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        for (Column column : datasource.columns()) {
            if (column.jsonPath() == null) {
                continue;
            }
            String type = tableTypes.getOrDefault(column.name(), column.type());
            try {
                expressions.add(expression(JsonPath.parse(column.jsonPath()), type, column.defaultExpr()));
            } catch (IllegalArgumentException e) {
                throw new MvlabException(ExitCode.DATAFILE, (column.location() == null ? datasource.name()
                        : column.location().toString()) + ": column " + column.name() + ": " + e.getMessage(), null);
            }
            columns.add(column.name());
        }
        return new JsonPathMapping(List.copyOf(columns), List.copyOf(expressions));
    }

    public List<String> columns() {
        return columns;
    }

    /** The SELECT list, each expression aliased to its column (so DEFAULT expressions can use other columns). */
    public String selectList() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            items.add(expressions.get(i) + " AS " + Identifiers.quote(columns.get(i)));
        }
        return String.join(", ", items);
    }

    /** {@code INSERT INTO db.table (cols) SELECT ... FROM input(...) FORMAT LineAsString}: the body is NDJSON. */
    public String insertFromInput(String database, String table) {
        return insertPrefix(database, table) + " FROM input('" + LINE + " String') FORMAT LineAsString";
    }

    /**
     * The same mapping reading NDJSON lines already on the server, from a table whose one column is named
     * {@link #LINE} (see {@link #lineTable}); for the ingest ceiling.
     */
    public String insertFromTable(String database, String table, String sourceTable) {
        return insertPrefix(database, table) + " FROM " + Identifiers.quote(database) + "."
                + Identifiers.quote(sourceTable);
    }

    /** {@code CREATE TABLE} of a table of raw lines that {@link #insertFromTable} reads, in memory. */
    public static String lineTable(String database, String table) {
        return "CREATE TABLE " + Identifiers.quote(database) + "." + Identifiers.quote(table) + " (" + LINE
                + " String) ENGINE = Memory";
    }

    private String insertPrefix(String database, String table) {
        List<String> quoted = columns.stream().map(Identifiers::quote).toList();
        return "INSERT INTO " + Identifiers.quote(database) + "." + Identifiers.quote(table) + " ("
                + String.join(", ", quoted) + ") SELECT " + selectList();
    }

    static String expression(JsonPath path, String type, String defaultExpr) {
        String extraction = extraction(path, type.strip());
        if (defaultExpr == null || path.isRoot()) {
            return extraction;
        }
        return "if(JSONHas(" + arguments(LINE, path.prefix()) + "), " + extraction + ", " + defaultExpr + ")";
    }

    private static String extraction(JsonPath path, String type) {
        if (path.isRoot()) {
            return STRINGLIKE.matcher(type).matches() ? LINE : "JSONExtract(" + LINE + ", " + literal(type) + ")";
        }
        if (!path.allItems()) {
            return "JSONExtract(" + arguments(LINE, path.prefix()) + ", " + literal(type) + ")";
        }
        Matcher array = ARRAY.matcher(type);
        if (!array.matches()) {
            throw new IllegalArgumentException("JSONPath " + path.text() + " gives an array, so the column type must be "
                    + "Array(...), not " + type);
        }
        if (path.suffix().isEmpty()) {
            return "JSONExtract(" + arguments(LINE, path.prefix()) + ", " + literal(type) + ")";
        }
        String element = array.group(1);
        String each = "JSONExtract(" + arguments("x", path.suffix()) + ", " + literal(element) + ")";
        return "arrayMap(x -> " + each + ", JSONExtractArrayRaw(" + arguments(LINE, path.prefix()) + "))";
    }

    private static String arguments(String json, List<Object> steps) {
        StringBuilder out = new StringBuilder(json);
        for (Object step : steps) {
            out.append(", ");
            if (step instanceof Integer index) {
                out.append(index >= 0 ? index + 1 : index); // ClickHouse counts from 1; negative from the end
            } else {
                out.append(literal((String) step));
            }
        }
        return out.toString();
    }

    static String literal(String text) {
        return SqlLiterals.string(text);
    }

    @Override
    public String toString() {
        return String.join(", ", columns);
    }
}
