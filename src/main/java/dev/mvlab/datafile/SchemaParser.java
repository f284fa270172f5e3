package dev.mvlab.datafile;

import dev.mvlab.model.Column;
import dev.mvlab.model.DataIndex;
import dev.mvlab.model.Warning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses the blocks of {@code SCHEMA >} (columns) and {@code INDEXES >} (data-skipping indexes). */
final class SchemaParser {
    private SchemaParser() {
    }

    static List<Column> columns(Instruction schema, List<Warning> warnings) {
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Line line : schema.block()) {
            if (line.isBlank() || line.isComment()) {
                continue;
            }
            ColumnScanner scanner = new ColumnScanner(line);
            for (Column column = scanner.next(); column != null; column = scanner.next()) {
                Column first = byName.get(column.name());
                if (first != null) {
                    throw line.error(column.location().column(), "duplicate column `" + column.name()
                            + "` (first defined at line " + first.location().line() + ")",
                            "each column name appears once in a SCHEMA");
                }
                byName.put(column.name(), column);
                if (!ClickHouseTypes.isKnown(column.type())) {
                    warnings.add(new Warning(column.location(), "column `" + column.name() + "` has type `"
                            + column.type() + "`, which is not a ClickHouse type mvlab knows; check the spelling"));
                }
            }
        }
        if (byName.isEmpty()) {
            throw schema.valueError("SCHEMA > has no columns",
                    "list the columns on indented lines below SCHEMA >, e.g.     `id` UInt64,");
        }
        return List.copyOf(byName.values());
    }

    static List<DataIndex> indexes(Instruction indexes) {
        List<DataIndex> out = new ArrayList<>();
        for (Line line : indexes.block()) {
            if (!line.isBlank() && !line.isComment()) {
                out.add(index(line));
            }
        }
        return List.copyOf(out);
    }

    /** {@code name expr TYPE type GRANULARITY n}, optionally followed by a comma. */
    private static DataIndex index(Line line) {
        String hint = "an index reads: name expression TYPE type GRANULARITY n, e.g. "
                + "idx_action action TYPE set(100) GRANULARITY 4";
        int start = line.indent();
        String text = line.text().stripTrailing();
        if (text.endsWith(",")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        int nameEnd = start;
        while (nameEnd < text.length() && !Character.isWhitespace(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = Values.unquote(text.substring(start, nameEnd).replace("`", ""));
        if (!Values.isIdentifier(name)) {
            throw line.error(start + 1, "index name `" + name + "` is not an identifier", hint);
        }
        int granularity = upper.lastIndexOf(" GRANULARITY ");
        if (granularity < 0) {
            throw line.error(text.length() + 1, "expected GRANULARITY n at the end of index `" + name + "`", hint);
        }
        int type = upper.lastIndexOf(" TYPE ", granularity);
        if (type < nameEnd) {
            throw line.error(nameEnd + 1, "expected TYPE in index `" + name + "`", hint);
        }
        String expression = text.substring(nameEnd, type).strip();
        if (expression.isEmpty()) {
            throw line.error(nameEnd + 2, "expected an expression after index name `" + name + "`", hint);
        }
        String indexType = text.substring(type + 6, granularity).strip();
        if (indexType.isEmpty()) {
            throw line.error(type + 7, "expected an index type after TYPE in index `" + name + "`", hint);
        }
        SqlChecks.expression(line, nameEnd + 1, text.substring(nameEnd, type), "the expression of index `" + name
                + "`");
        SqlChecks.expression(line, type + 7, text.substring(type + 6, granularity), "the TYPE of index `" + name + "`");
        String n = text.substring(granularity + 13).strip();
        if (!n.matches("[0-9]{1,9}")) {
            throw line.error(granularity + 14, "expected a whole number after GRANULARITY, found `" + n + "`", hint);
        }
        return new DataIndex(name, expression, indexType, Integer.parseInt(n), line.location(start + 1));
    }
}
