package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.ColumnEntry;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.clickhouse.TableEntry;
import dev.mvlab.sql.SqlLiterals;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tables and views of one database as the server describes them; inner tables of MVs are left out. */
final class Catalog {
    private Catalog() {
    }

    static boolean databaseExists(Database server, String database) {
        return ServerCatalog.of(server).databaseExists(database);
    }

    /** Objects by name; {@code rename} replaces the database name in create queries (for a throwaway database). */
    static Map<String, ServerObject> read(Database server, String database, String renameTo) {
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        ServerCatalog catalog = ServerCatalog.of(server);
        for (ColumnEntry entry : catalog.columns(database)) {
            StringBuilder column = new StringBuilder(entry.type());
            if (!entry.defaultKind().isEmpty()) {
                column.append(' ').append(entry.defaultKind()).append(' ').append(entry.defaultExpression());
            }
            if (!entry.compressionCodec().isEmpty()) {
                column.append(' ').append(entry.compressionCodec());
            }
            columns.computeIfAbsent(entry.table(), k -> new LinkedHashMap<>()).put(entry.name(), column.toString());
        }
        Map<String, ServerObject> objects = new LinkedHashMap<>();
        for (TableEntry table : catalog.tables(database)) {
            String name = table.name();
            objects.put(name, new ServerObject(name, table.engine(),
                    withoutRuntimeSettings(rename(table.createTableQuery(), database, renameTo)),
                    withoutRuntimeSettings(rename(table.engineFull(), database, renameTo)),
                    rename(table.asSelect(), database, renameTo),
                    columns.getOrDefault(name, Map.of()), table.totalRows()));
        }
        return objects;
    }

    /**
     * The definition without settings that mvlab itself sets on a live table for safe ingest: {@code mvlab generate}
     * sets {@code non_replicated_deduplication_window} so that a retried batch is not stored twice. It is not part of
     * what the datafiles define, so diff and apply do not see it as a difference.
     */
    static String withoutRuntimeSettings(String sql) {
        if (sql == null || !sql.contains("non_replicated_deduplication_window")) {
            return sql;
        }
        return sql.replaceAll(",\\s*non_replicated_deduplication_window\\s*=\\s*\\d+", "")
                .replaceAll("SETTINGS\\s+non_replicated_deduplication_window\\s*=\\s*\\d+\\s*,\\s*", "SETTINGS ")
                .replaceAll("\\s*SETTINGS\\s+non_replicated_deduplication_window\\s*=\\s*\\d+", "");
    }

    /**
     * The database's name as a qualifier ({@code db.table}) and as a string: a Distributed table's
     * {@code currentDatabase()} is stored evaluated, {@code Distributed('local', 'db', 'x_local', rand())}.
     */
    private static String rename(String sql, String from, String to) {
        if (to == null || sql == null) {
            return sql;
        }
        return sql.replace(Identifiers.quote(from) + ".", Identifiers.quote(to) + ".")
                .replace(SqlLiterals.string(from), SqlLiterals.string(to));
    }
}
