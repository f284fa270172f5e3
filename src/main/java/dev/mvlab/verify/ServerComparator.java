package dev.mvlab.verify;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.sql.SqlLiterals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the two sides of one check on the server, so no side is ever held in the JVM: both queries' rows are
 * tagged with their side, grouped by the key (ClickHouse spills a large GROUP BY to disk) and each key's values are
 * compared there ({@link ValueSql}). One query returns the counts; when something differs, small queries return the
 * first examples of each kind in key order.
 */
final class ServerComparator {
    /** Memory a comparison's GROUP BY may use before ClickHouse spills it to disk. */
    private static final long GROUP_BY_MEMORY = 512L * 1024 * 1024;

    private final Check check;
    private final int exampleLimit;

    ServerComparator(Check check, int exampleLimit) {
        this.check = check;
        this.exampleLimit = exampleLimit;
    }

    private record Column(String name, String type) {
    }

    Comparison compare(Database db) {
        List<Column> mv = describe(db, Side.MV, check.mv());
        List<Column> raw = describe(db, Side.RAW, check.raw());
        List<String> keyColumns = check.positional() ? List.of("row") : check.keys();
        List<String> valueColumns = mv.stream().map(Column::name).filter(c -> !check.keys().contains(c)).toList();
        Set<String> rawValues = new LinkedHashSet<>(raw.stream().map(Column::name).toList());
        check.keys().forEach(rawValues::remove);
        if (!rawValues.equals(new LinkedHashSet<>(valueColumns))) {
            throw problem("the mv query returns the columns " + valueColumns + " but the raw query returns "
                    + List.copyOf(rawValues) + " (keys aside); name the columns alike with AS");
        }
        String grouped = grouped(mv, raw, valueColumns);
        List<String> same = new ArrayList<>();
        for (int i = 0; i < valueColumns.size(); i++) {
            same.add(ValueSql.same("m" + i, type(mv, valueColumns.get(i)), "r" + i, type(raw, valueColumns.get(i)),
                    check.tolerance()));
        }
        StringBuilder flags = new StringBuilder();
        for (int i = 0; i < same.size(); i++) {
            flags.append(", ").append(same.get(i)).append(" AS s").append(i);
        }
        String allSame = same.isEmpty() ? "1" : String.join(" AND ", indexed("s", same.size()));
        String differingValues = same.isEmpty() ? "0" : indexed("(1 - s", same.size()).stream().map(s -> s + ")")
                .reduce((x, y) -> x + " + " + y).orElseThrow();
        String counts = "SELECT sum(mn), sum(rn), countIf(mn > 0 AND rn = 0), countIf(rn > 0 AND mn = 0), "
                + "countIf(mn > 0 AND rn > 0 AND NOT (" + allSame + ")), sumIf(" + differingValues + ", mn > 0 AND "
                + "rn > 0), countIf(mn > 1), countIf(rn > 1)\nFROM (SELECT *" + flags + " FROM (" + grouped + "))"
                + settings();
        List<Object> c = run(db, counts).rows().get(0);
        long[] n = new long[c.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = ((Number) c.get(i)).longValue();
        }
        Examples examples = new Examples(db, grouped, flags.toString(), allSame, keyColumns, valueColumns, mv, raw);
        return new Comparison(keyColumns, valueColumns, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7],
                n[2] > 0 ? examples.sideRows("mn > 0 AND rn = 0", "m") : List.of(),
                n[3] > 0 ? examples.sideRows("rn > 0 AND mn = 0", "r") : List.of(),
                n[4] > 0 ? examples.differences() : List.of(),
                n[6] + n[7] > 0 ? examples.duplicates() : List.of());
    }

    /**
     * One row per key: its rows on each side (mn, rn) and one row's values from each side (m0.., r0..). The keys are
     * k0..; a check without keys numbers each side's rows from 1 in the order its query returns them.
     */
    private String grouped(List<Column> mv, List<Column> raw, List<String> values) {
        List<String> keys = indexed("k", Math.max(1, check.keys().size()));
        return "SELECT " + String.join(", ", keys) + ", countIf(_side = 1) AS mn, countIf(_side = 2) AS rn"
                + indexed("m", values.size()).stream().map(m -> ", anyIf(" + m + ", _side = 1) AS " + m)
                .reduce("", String::concat)
                + indexed("r", values.size()).stream().map(r -> ", anyIf(" + r + ", _side = 2) AS " + r)
                .reduce("", String::concat)
                + "\nFROM (\n" + branch(1, check.mv(), values, mv, raw) + "\nUNION ALL\n"
                + branch(2, check.raw(), values, mv, raw) + "\n)\nGROUP BY " + String.join(", ", keys);
    }

    private String branch(int side, String sql, List<String> values, List<Column> mv, List<Column> raw) {
        List<String> select = new ArrayList<>();
        select.add(side + " AS _side");
        if (check.positional()) {
            select.add("toInt64(rowNumberInAllBlocks() + 1) AS k0");
        } else {
            for (int i = 0; i < check.keys().size(); i++) {
                select.add(Identifiers.quote(check.keys().get(i)) + " AS k" + i);
            }
        }
        for (int i = 0; i < values.size(); i++) {
            String own = Identifiers.quote(values.get(i));
            select.add((side == 1 ? own : placeholder(type(mv, values.get(i)))) + " AS m" + i);
        }
        for (int i = 0; i < values.size(); i++) {
            String own = Identifiers.quote(values.get(i));
            select.add((side == 2 ? own : placeholder(type(raw, values.get(i)))) + " AS r" + i);
        }
        return "SELECT " + String.join(", ", select) + " FROM (\n" + body(sql) + "\n)";
    }

    private static String placeholder(String type) {
        return "defaultValueOfTypeName(" + SqlLiterals.string(type) + ")";
    }

    static String settings() {
        return "\nSETTINGS max_bytes_before_external_group_by = " + GROUP_BY_MEMORY
                + ", max_bytes_before_external_sort = " + GROUP_BY_MEMORY;
    }

    /** The side's query without the semicolon that may end it, so that it can be a subquery. */
    private static String body(String sql) {
        String body = sql.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        return body;
    }

    private List<Column> describe(Database db, Side side, String sql) {
        QueryResult described;
        try {
            described = db.query("DESCRIBE (\n" + body(sql) + "\n)");
        } catch (DatabaseException e) {
            throw new DatabaseException(check.location() + ": check '" + check.name() + "', " + side.label()
                    + " query: " + e.getMessage(), sql, e);
        }
        List<Column> columns = described.rows().stream()
                .map(r -> new Column(String.valueOf(r.get(0)), String.valueOf(r.get(1)))).toList();
        List<String> names = columns.stream().map(Column::name).toList();
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw problem("the " + side.label() + " query returns two columns with the same name " + names
                    + "; give them distinct names with AS");
        }
        for (String key : check.keys()) {
            if (!names.contains(key)) {
                throw problem("the " + side.label() + " query has no key column '" + key + "' (it returns " + names
                        + ")");
            }
        }
        return columns;
    }

    private QueryResult run(Database db, String sql) {
        try {
            return db.query(sql);
        } catch (DatabaseException e) {
            throw new DatabaseException(check.location() + ": check '" + check.name() + "': comparing the mv and the "
                    + "raw query: " + e.getMessage() + " (the key and value columns of both sides must be of "
                    + "comparable types; CAST one side)", sql, e);
        }
    }

    private static String type(List<Column> columns, String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().type();
    }

    static List<String> indexed(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    private MvlabException problem(String message) {
        return new MvlabException(ExitCode.DATAFILE, check.location() + ": check '" + check.name() + "': " + message);
    }

    /** The first examples of each kind of difference, in key order. */
    private final class Examples {
        private final Database db;
        private final String grouped;
        private final String flags;
        private final String allSame;
        private final List<String> keyColumns;
        private final List<String> valueColumns;
        private final List<Column> mv;
        private final List<Column> raw;
        private final List<String> keys;

        Examples(Database db, String grouped, String flags, String allSame, List<String> keyColumns,
                 List<String> valueColumns, List<Column> mv, List<Column> raw) {
            this.db = db;
            this.grouped = grouped;
            this.flags = flags;
            this.allSame = allSame;
            this.keyColumns = keyColumns;
            this.valueColumns = valueColumns;
            this.mv = mv;
            this.raw = raw;
            this.keys = indexed("k", keyColumns.size());
        }

        List<SideRow> sideRows(String condition, String prefix) {
            List<Column> columns = prefix.equals("m") ? mv : raw;
            List<String> select = new ArrayList<>(keyExpressions());
            for (int i = 0; i < valueColumns.size(); i++) {
                select.add(shown(prefix + i, type(columns, valueColumns.get(i))));
            }
            List<SideRow> rows = new ArrayList<>();
            for (List<Object> row : first(select, condition)) {
                rows.add(new SideRow(row.subList(0, keys.size()), row.subList(keys.size(), row.size())));
            }
            return rows;
        }

        List<ValueDifference> differences() {
            List<String> select = new ArrayList<>(keyExpressions());
            for (int i = 0; i < valueColumns.size(); i++) {
                select.add(shown("m" + i, type(mv, valueColumns.get(i))));
                select.add(shown("r" + i, type(raw, valueColumns.get(i))));
                select.add("s" + i);
            }
            List<ValueDifference> differences = new ArrayList<>();
            for (List<Object> row : first(select, "mn > 0 AND rn > 0 AND NOT (" + allSame + ")")) {
                List<Object> key = row.subList(0, keys.size());
                for (int i = 0; i < valueColumns.size() && differences.size() < exampleLimit; i++) {
                    int at = keys.size() + 3 * i;
                    if (((Number) row.get(at + 2)).intValue() == 0) {
                        differences.add(new ValueDifference(key, valueColumns.get(i), row.get(at), row.get(at + 1)));
                    }
                }
            }
            return differences;
        }

        List<DuplicateKey> duplicates() {
            List<String> select = new ArrayList<>(keyExpressions());
            select.add("toInt64(mn)");
            select.add("toInt64(rn)");
            List<DuplicateKey> duplicates = new ArrayList<>();
            for (List<Object> row : first(select, "mn > 1 OR rn > 1")) {
                List<Object> key = row.subList(0, keys.size());
                long mvRows = ((Number) row.get(keys.size())).longValue();
                long rawRows = ((Number) row.get(keys.size() + 1)).longValue();
                if (mvRows > 1 && duplicates.size() < exampleLimit) {
                    duplicates.add(new DuplicateKey(Side.MV, key, mvRows));
                }
                if (rawRows > 1 && duplicates.size() < exampleLimit) {
                    duplicates.add(new DuplicateKey(Side.RAW, key, rawRows));
                }
            }
            return duplicates;
        }

        private List<String> keyExpressions() {
            List<String> select = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                select.add(check.positional() ? "k0" : shown("k" + i, type(mv, check.keys().get(i))));
            }
            return select;
        }

        private List<List<Object>> first(List<String> select, String condition) {
            String sql = "SELECT " + String.join(", ", select) + "\nFROM (SELECT *" + flags + " FROM (" + grouped
                    + "))\nWHERE " + condition + "\nORDER BY " + String.join(", ", keys) + "\nLIMIT " + exampleLimit
                    + settings();
            return run(db, sql).rows().stream().map(r -> (List<Object>) new ArrayList<>(r)).toList();
        }

        /** Numbers, strings and dates as Java values; every other type as ClickHouse prints it. */
        private static String shown(String column, String type) {
            return ValueSql.plain(type) ? column : "toString(" + column + ")";
        }
    }
}
