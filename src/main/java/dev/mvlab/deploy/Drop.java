package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drops every object the files define, in drop order: upstream materialized views first (so nothing flows while the
 * rest goes), then views, then tables (for a node of the local cluster, a data source's Distributed table and then its
 * local table). Objects the files do not define are left alone; so is the database.
 */
public final class Drop {
    private final Database server;
    private final SqlRenderer renderer;

    public Drop(Database server, SqlRenderer renderer) {
        this.server = server;
        this.renderer = renderer;
    }

    /** The project's tables in the database that hold rows, with their row counts, in drop order. */
    public Map<String, Long> tablesHoldingRows(ProjectGraph graph, String database) {
        Map<String, Long> holding = new java.util.LinkedHashMap<>();
        if (!Catalog.databaseExists(server, database)) {
            return holding;
        }
        Map<String, Long> rows = new java.util.HashMap<>();
        dev.mvlab.clickhouse.ServerCatalog.of(server).tables(database).stream()
                .filter(t -> t.totalRows() != null && t.totalRows() > 0)
                .forEach(t -> rows.put(t.name(), t.totalRows()));
        for (ProjectObject object : graph.dropOrder()) {
            for (Statement statement : renderer.drops(graph, object)) { // on a cluster layout: x, then x_local
                if (rows.containsKey(statement.object())) {
                    holding.put(statement.object(), rows.get(statement.object()));
                }
            }
        }
        return holding;
    }

    public DropResult run(ProjectGraph graph, String database) {
        List<DropResult.Step> steps = new ArrayList<>();
        if (!Catalog.databaseExists(server, database)) {
            renderer.dropPlan(graph).statements().forEach(s -> steps.add(new DropResult.Step(s, false)));
            return new DropResult(database, steps);
        }
        Map<String, ServerObject> actual = Catalog.read(server, database, null);
        try (Database target = server.use(database)) {
            for (Statement statement : renderer.dropPlan(graph).statements()) {
                boolean exists = actual.containsKey(statement.object());
                if (exists) {
                    try {
                        target.execute(statement.sql());
                    } catch (DatabaseException e) {
                        throw Failures.at(statement, e);
                    }
                }
                steps.add(new DropResult.Step(statement, exists));
            }
        }
        return new DropResult(database, steps);
    }
}
