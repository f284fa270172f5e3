package dev.mvlab.serve;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.graph.ServiceDataSources;
import dev.mvlab.model.DataSource;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes rejected rows into {@code <datasource>_quarantine}, the table {@link ServiceDataSources#quarantine} defines
 * (Tinybird's columns: {@code c__error_column}, {@code c__error}, {@code c__import_id}, each column's value as text,
 * {@code insertion_date}), creating it on first use. A line that is not JSON keeps its text in the error.
 */
final class Quarantine {
    private final Database db;
    private final ProjectGraph graph;
    private final SqlRenderer renderer;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    Quarantine(Database db, ProjectGraph graph, SqlRenderer renderer) {
        this.db = db;
        this.graph = graph;
        this.renderer = renderer;
    }

    static String tableOf(String datasource) {
        return datasource + ServiceDataSources.QUARANTINE_SUFFIX;
    }

    /** Stores the rows; {@code importId} names the request or file they came from. */
    void write(EventSchema schema, List<EventLines.Rejected> rows, String importId) {
        if (rows.isEmpty()) {
            return;
        }
        String table = tableOf(schema.datasource().name());
        if (!ready.contains(table)) {
            create(schema.datasource(), table);
            ready.add(table);
        }
        List<String> names = new ArrayList<>(List.of("c__error_column", "c__error", "c__import_id"));
        names.addAll(schema.columns());
        String sql = "INSERT INTO " + Identifiers.quote(db.name()) + "." + Identifiers.quote(table) + " ("
                + String.join(", ", names.stream().map(Identifiers::quote).toList()) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        List<Object[]> values = new ArrayList<>();
        for (EventLines.Rejected row : rows) {
            List<Object> v = new ArrayList<>(List.of(row.columns(), row.errors(), importId));
            v.addAll(row.values());
            values.add(v.toArray());
        }
        db.insertBatch(sql, values);
    }

    private synchronized void create(DataSource datasource, String table) {
        if (dev.mvlab.clickhouse.ServerCatalog.of(db).tableExists(db.name(), table)) {
            return;
        }
        DataSource quarantine = ServiceDataSources.quarantine(datasource, datasource.location());
        ProjectObject object = new ProjectObject(table, ObjectKind.TABLE, datasource.location(), Set.of(), null,
                quarantine, null);
        for (Statement statement : renderer.create(graph, object)) {
            try {
                db.execute(statement.sql());
            } catch (DatabaseException e) {
                if (!e.getMessage().contains("already exists")) {
                    throw e;
                }
            }
        }
    }
}
