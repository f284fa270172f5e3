package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.QueryParameters;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;
import dev.mvlab.render.StatementKind;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Endpoint pipes are queries in Tinybird; mvlab also creates each as a view. A query may name an output column twice
 * ({@code round(p90, 2) AS p90} written twice): ClickHouse runs the query and returns both columns, but refuses a view
 * with two columns of one name. Such an endpoint stays a query (endpoint calls run it unchanged), with a warning.
 */
final class EndpointViews {
    private EndpointViews() {
    }

    /** The output column names the endpoint's query gives more than once (asked of ClickHouse), in order. */
    static List<String> duplicateColumns(Database db, SqlRenderer renderer, ProjectObject object) {
        return duplicateColumns(db, renderer, object, QueryParameters.none());
    }

    /** The same for a query whose secrets take these values. */
    static List<String> duplicateColumns(Database db, SqlRenderer renderer, ProjectObject object,
                                         QueryParameters secrets) {
        if (object.kind() != ObjectKind.VIEW) {
            return List.of();
        }
        List<String> columns = db.run("SELECT * FROM (\n" + select(db, renderer, object, secrets).sql()
                + "\n) LIMIT 0", secrets).columns();
        Set<String> seen = new HashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                twice.add(column);
            }
        }
        return List.copyOf(twice);
    }

    static Warning warning(ProjectObject object, List<String> duplicates) {
        return new Warning(object.location(), "endpoint " + object.name() + " names column(s) " + String.join(", ",
                duplicates.stream().map(c -> "`" + c + "`").toList()) + " more than once: endpoint calls return"
                + " them as written, but a view cannot hold them, so no view is created for it (give each column"
                + " its own name to get one)", WarningKind.ENDPOINT_DUPLICATE_COLUMNS);
    }

    /** The endpoint's query as ClickHouse runs it: see {@link AggregateOrderBy}. */
    static AggregateOrderBy.Rewrite select(Database db, SqlRenderer renderer, ProjectObject object) {
        return select(db, renderer, object, QueryParameters.none());
    }

    static AggregateOrderBy.Rewrite select(Database db, SqlRenderer renderer, ProjectObject object,
                                           QueryParameters secrets) {
        String select = renderer.select(object);
        try {
            return AggregateOrderBy.of(db, select, secrets);
        } catch (DatabaseException e) {
            return new AggregateOrderBy.Rewrite(select, List.of()); // running the query reports what is wrong
        }
    }

    /** The CREATE VIEW of an endpoint with its query as ClickHouse runs it; any other statement unchanged. */
    static Statement runnable(Database db, SqlRenderer renderer, ProjectGraph graph, Statement statement) {
        return runnable(db, renderer, graph, statement, QueryParameters.none());
    }

    static Statement runnable(Database db, SqlRenderer renderer, ProjectGraph graph, Statement statement,
                              QueryParameters secrets) {
        if (statement.kind() != StatementKind.CREATE_VIEW) {
            return statement;
        }
        ProjectObject object = graph.object(statement.object()).orElseThrow();
        String select = renderer.select(object);
        AggregateOrderBy.Rewrite rewrite = select(db, renderer, object, secrets);
        int at = statement.sql().lastIndexOf(select);
        if (rewrite.dropped().isEmpty() || at < 0) {
            return statement;
        }
        String sql = statement.sql().substring(0, at) + rewrite.sql() + statement.sql().substring(at + select.length());
        return new Statement(statement.kind(), statement.object(), sql, statement.origin());
    }
}
