package dev.mvlab.clickhouse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server says about itself: databases, tables, columns, parts, running statements, roles and settings. The
 * only reader of ClickHouse's {@code system.*} tables: callers ask one question per method and get records, never
 * SQL. Values travel as query parameters.
 */
public final class ServerCatalog {
    /** The one-row table a SELECT without FROM reads. */
    public static final String ONE_ROW_TABLE = "system.one";

    private static final String TABLE_COLUMNS = "SELECT database, name, engine, engine_full, create_table_query, "
            + "as_select, total_rows, toString(uuid), dependencies_database, dependencies_table, target_database, "
            + "target_table FROM system.tables ";
    private static final String COLUMN_COLUMNS = "SELECT table, name, type, default_kind, default_expression, "
            + "compression_codec, is_in_sorting_key FROM system.columns ";

    private final Database db;

    private ServerCatalog(Database db) {
        this.db = db;
    }

    public static ServerCatalog of(Database db) {
        return new ServerCatalog(db);
    }

    public boolean databaseExists(String database) {
        return db.queryLong("SELECT count() FROM system.databases WHERE name = ?", database) > 0;
    }

    /** Names of the databases whose name starts with {@code prefix}, sorted. */
    public List<String> databasesStartingWith(String prefix) {
        return texts(db.query("SELECT name FROM system.databases WHERE startsWith(name, ?) ORDER BY name", prefix));
    }

    /** The tables, views and dictionaries of a database, by name; temporary tables and MVs' inner tables left out. */
    public List<TableEntry> tables(String database) {
        return tableEntries(db.query(TABLE_COLUMNS + "WHERE database = ? AND NOT is_temporary "
                + "AND NOT startsWith(name, '.inner') ORDER BY name", database));
    }

    public Optional<TableEntry> table(String database, String name) {
        return tableEntries(db.query(TABLE_COLUMNS + "WHERE database = ? AND name = ?", database, name)).stream()
                .findFirst();
    }

    public boolean tableExists(String database, String name) {
        return db.queryLong("SELECT count() FROM system.tables WHERE database = ? AND name = ?", database, name) > 0;
    }

    /** The columns of every table of a database, by table then position. */
    public List<ColumnEntry> columns(String database) {
        return columnEntries(db.query(COLUMN_COLUMNS + "WHERE database = ? ORDER BY table, position", database));
    }

    /** The columns of one table, by position (empty for a table that does not exist). */
    public List<ColumnEntry> columns(String database, String table) {
        return columnEntries(db.query(COLUMN_COLUMNS + "WHERE database = ? AND table = ? ORDER BY position", database,
                table));
    }

    /** The names of a table's active parts, sorted: exactly the rows it holds now. */
    public List<String> activeParts(String database, String table) {
        return texts(db.query("SELECT name FROM system.parts WHERE database = ? AND table = ? AND active "
                + "ORDER BY name", database, table));
    }

    /** Rows in a table's active parts. */
    public long activeRows(String database, String table) {
        return db.queryLong("SELECT sum(rows) FROM system.parts WHERE database = ? AND table = ? AND active",
                database, table);
    }

    /** The progress of a running statement whose text contains {@code marker}, if one runs now. */
    public Optional<QueryProgress> progress(String marker) {
        List<List<Object>> rows = db.query("SELECT read_rows, total_rows_approx FROM system.processes WHERE "
                + "position(query, ?) > 0 AND position(query, 'system.processes') = 0", marker).rows();
        return rows.stream().findFirst().map(r -> new QueryProgress(number(r.get(0)), number(r.get(1))));
    }

    /** Whether an INSERT whose text names {@code database.table} (or {@code INSERT INTO table}) runs now. */
    public boolean insertRunning(String database, String table) {
        return db.queryLong("SELECT count() FROM system.processes WHERE match(query, '(?i)^\\\\s*INSERT\\\\s') "
                + "AND (position(query, ?) > 0 OR position(query, ?) > 0)", database + "." + table,
                "INSERT INTO " + table) > 0;
    }

    /** Background merges (and mutations) running now on the tables of {@code database}. */
    public long mergesRunning(String database) {
        return db.queryLong("SELECT count() FROM system.merges WHERE database = ?", database);
    }

    /**
     * Waits, asking every 100 ms, until no merge has run in {@code database} for {@code quietFor} (at least one
     * answer of none), or {@code timeout} has passed, or the thread is interrupted (its flag kept). Forces nothing: no
     * OPTIMIZE, no setting. Returns the merges running at the last answer: 0 when it ended quiet.
     */
    public long awaitNoMerges(String database, Duration quietFor, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long answersNeeded = Math.max(1, quietFor.toMillis() / 100);
        long quietAnswers = 0;
        while (true) {
            long running = mergesRunning(database);
            quietAnswers = running == 0 ? quietAnswers + 1 : 0;
            if (quietAnswers >= answersNeeded || System.nanoTime() >= deadline) {
                return running;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return running;
            }
        }
    }

    /** The server's default of a MergeTree setting, as a number. */
    public long mergeTreeSettingDefault(String setting) {
        return db.queryLong("SELECT toUInt64(value) FROM system.merge_tree_settings WHERE name = ?", setting);
    }

    /** Which of {@code names} are roles that exist, asked through {@code http} with read-only settings. */
    public static Optional<List<String>> existingRoles(HttpQueries http, String database, List<String> names)
            throws java.io.IOException {
        StringBuilder sql = new StringBuilder("SELECT name FROM system.roles WHERE name IN (");
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dev.mvlab.sql.SqlLiterals.string(names.get(i)));
        }
        sql.append(") FORMAT TSVRaw");
        HttpQueries.Answer answer = http.query(database, sql.toString(), Map.of("readonly", "2"));
        if (!answer.ok()) {
            return Optional.empty();
        }
        return Optional.of(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8).lines().toList());
    }

    private static List<TableEntry> tableEntries(QueryResult result) {
        List<TableEntry> entries = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<TableEntry.QualifiedName> dependencies = new ArrayList<>();
            List<?> databases = list(row.get(8));
            List<?> names = list(row.get(9));
            for (int i = 0; i < names.size(); i++) {
                dependencies.add(new TableEntry.QualifiedName(String.valueOf(databases.get(i)),
                        String.valueOf(names.get(i))));
            }
            String uuid = text(row.get(7));
            entries.add(new TableEntry(text(row.get(0)), text(row.get(1)), text(row.get(2)), text(row.get(3)),
                    text(row.get(4)), text(row.get(5)), row.get(6) == null ? null : number(row.get(6)),
                    uuid.isEmpty() || uuid.startsWith("00000000-") ? null : uuid, List.copyOf(dependencies),
                    text(row.get(11)).isEmpty() ? null
                            : new TableEntry.QualifiedName(text(row.get(10)), text(row.get(11)))));
        }
        return entries;
    }

    private static List<ColumnEntry> columnEntries(QueryResult result) {
        List<ColumnEntry> entries = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            entries.add(new ColumnEntry(text(row.get(0)), text(row.get(1)), text(row.get(2)), text(row.get(3)),
                    text(row.get(4)), text(row.get(5)), number(row.get(6)) != 0));
        }
        return entries;
    }

    private static List<String> texts(QueryResult result) {
        return result.rows().stream().map(r -> text(r.get(0))).toList();
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Object[] array) {
            return List.of(array);
        }
        if (value instanceof java.sql.Array array) {
            try {
                return List.of((Object[]) array.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("not a list: " + value.getClass());
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static long number(Object value) {
        return value == null ? 0 : value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
    }
}
