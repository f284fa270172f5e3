package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.sql.SqlLiterals;
import dev.mvlab.yaml.YamlList;
import dev.mvlab.yaml.YamlMap;
import dev.mvlab.yaml.YamlNode;
import dev.mvlab.yaml.YamlScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code insert:} rows into a table, e.g. a late dimension row: {@code {into: products, rows: [{product_id: p1,
 * price: 9.5}]}} (literal rows) or {@code {into: products, select: "SELECT ..."}}. The INSERT is shown, then run.
 */
record InsertStep(StepInfo info, String sql) implements Step {

    static Step parse(StepSpec spec) {
        spec.allow();
        YamlMap fields = spec.fields();
        fields.allowOnly(List.of("into", "rows", "select"), "an 'insert' (into, and rows or select)");
        String table = Identifiers.quote(fields.text("into", "step " + spec.number() + " (insert)").strip());
        if (fields.has("rows") == fields.has("select")) {
            throw spec.error(spec.value(), "'insert' takes either 'rows' (literal rows) or 'select' (a query)");
        }
        if (fields.has("select")) {
            return new InsertStep(spec.info(), "INSERT INTO " + table + "\n" + fields.text("select", "").strip());
        }
        return new InsertStep(spec.info(), values(spec, table, fields.maps("rows", "row")));
    }

    private static String values(StepSpec spec, String table, List<YamlMap> rows) {
        if (rows.isEmpty()) {
            throw spec.error(spec.value(), "'rows' needs at least one row");
        }
        List<String> columns = List.copyOf(rows.get(0).keys());
        List<String> tuples = new ArrayList<>();
        for (YamlMap row : rows) {
            if (!List.copyOf(row.keys()).equals(columns)) {
                throw spec.error(row, "every row names the same columns in the same order as the first: " + columns);
            }
            tuples.add("(" + row.entries().values().stream().map(v -> literal(spec, v))
                    .collect(Collectors.joining(", ")) + ")");
        }
        return "INSERT INTO " + table + " (" + columns.stream().map(Identifiers::quote)
                .collect(Collectors.joining(", ")) + ") VALUES\n" + String.join(",\n", tuples);
    }

    /** A SQL literal for a YAML value: numbers and booleans as written, NULL, quoted text, arrays of them. */
    static String literal(StepSpec spec, YamlNode node) {
        if (node instanceof YamlList list) {
            return list.items().stream().map(item -> literal(spec, item)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (!(node instanceof YamlScalar scalar)) {
            throw spec.error(node, "a row value is a number, a text, true/false, null or a list, not "
                    + node.describe());
        }
        return switch (scalar.kind()) {
            case NULL -> "NULL";
            case INTEGER, FLOAT -> scalar.text().replace("_", "");
            case BOOLEAN -> scalar.text().toLowerCase(java.util.Locale.ROOT).matches("true|yes|on") ? "true" : "false";
            case STRING -> SqlLiterals.string(scalar.text());
        };
    }

    @Override
    public StepKind kind() {
        return StepKind.INSERT;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Sql(sql));
    }

    @Override
    public void run(StepContext context) {
        context.emit(new StepOutput.Sql(sql));
        context.db().execute(sql);
    }
}
