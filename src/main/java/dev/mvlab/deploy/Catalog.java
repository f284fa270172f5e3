package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.QueryResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tables and views of one database as the server describes them; inner tables of MVs are left out. */
final class Catalog {
    private Catalog() {
    }

    static boolean databaseExists(Database server, String database) {
        return server.queryLong("SELECT count() FROM system.databases WHERE name = ?", database) > 0;
    }

    /** Objects by name; {@code rename} replaces the database name in create queries (for a throwaway database). */
    static Map<String, ServerObject> read(Database server, String database, String renameTo) {
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        QueryResult columnRows = server.query("SELECT table, name, type, default_kind, default_expression, "
                + "compression_codec FROM system.columns WHERE database = ? ORDER BY table, position", database);
        for (List<Object> row : columnRows.rows()) {
            StringBuilder column = new StringBuilder((String) row.get(2));
            if (!((String) row.get(3)).isEmpty()) {
                column.append(' ').append(row.get(3)).append(' ').append(row.get(4));
            }
            if (!((String) row.get(5)).isEmpty()) {
                column.append(' ').append(row.get(5));
            }
            columns.computeIfAbsent((String) row.get(0), k -> new LinkedHashMap<>()).put((String) row.get(1),
                    column.toString());
        }
        Map<String, ServerObject> objects = new LinkedHashMap<>();
        QueryResult tables = server.query("SELECT name, engine, create_table_query, engine_full, as_select, total_rows "
                + "FROM system.tables WHERE database = ? AND NOT is_temporary AND NOT startsWith(name, '.inner') "
                + "ORDER BY name", database);
        for (List<Object> row : tables.rows()) {
            String name = (String) row.get(0);
            Object rows = row.get(5);
            objects.put(name, new ServerObject(name, (String) row.get(1),
                    withoutRuntimeSettings(rename((String) row.get(2), database, renameTo)),
                    withoutRuntimeSettings((String) row.get(3)), rename((String) row.get(4), database, renameTo),
                    columns.getOrDefault(name, Map.of()),
                    rows == null ? null : ((Number) rows).longValue()));
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

    private static String rename(String sql, String from, String to) {
        if (to == null || sql == null) {
            return sql;
        }
        return sql.replace(Identifiers.quote(from) + ".", Identifiers.quote(to) + ".");
    }
}
