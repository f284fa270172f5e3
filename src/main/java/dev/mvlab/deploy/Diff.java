package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.Plan;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;
import dev.mvlab.render.StatementKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a database with what the datafiles render. The rendered statements are first run in a throwaway database,
 * so both sides are in the server's own normalised form (system.tables.create_table_query), then compared object by
 * object; for a difference, the columns, engine, target and query are compared to say what differs.
 */
public final class Diff {
    private static final Pattern TARGET = Pattern.compile("^CREATE MATERIALIZED VIEW \\S+ TO (\\S+)");

    private final Database server;
    private final SqlRenderer renderer;

    /** @param server a connection to any database of the server */
    public Diff(Database server, SqlRenderer renderer) {
        this.server = server;
        this.renderer = renderer;
    }

    public DiffResult run(ProjectGraph graph, String database) {
        List<Statement> creates = new ArrayList<>(creates(renderer.applyPlan(graph)));
        Map<String, ServerObject> actual = Catalog.databaseExists(server, database)
                ? Catalog.read(server, database, null) : Map.of();
        Map<String, ServerObject> expected;
        try (Shadow shadow = Shadow.create(server)) {
            // an endpoint that stays a query (a column named twice, see EndpointViews) is no object to compare
            List<Statement> kept = new ArrayList<>();
            for (Statement statement : creates) {
                if (statement.kind() == StatementKind.CREATE_VIEW && keptAsQuery(graph, shadow, statement)) {
                    kept.add(statement);
                } else {
                    shadow.execute(EndpointViews.runnable(shadow.db(), renderer, graph, statement));
                }
            }
            creates.removeAll(kept);
            expected = shadow.catalog(database);
        }
        List<ObjectDiff> diffs = new ArrayList<>();
        Set<String> defined = new LinkedHashSet<>();
        for (Statement statement : creates) {
            String name = statement.object();
            defined.add(name);
            String kind = label(expected.get(name));
            diffs.add(compare(name, kind, expected.get(name), actual.get(name)));
        }
        actual.values().stream().filter(o -> !defined.contains(o.name()))
                .forEach(o -> diffs.add(new ObjectDiff(o.name(), label(o), ObjectDiff.Status.EXTRA, List.of())));
        return new DiffResult(database, List.copyOf(diffs));
    }

    private boolean keptAsQuery(ProjectGraph graph, Shadow shadow, Statement statement) {
        try {
            return !EndpointViews.duplicateColumns(shadow.db(), renderer,
                    graph.object(statement.object()).orElseThrow()).isEmpty();
        } catch (DatabaseException e) {
            return false; // its CREATE reports what is wrong
        }
    }

    static List<Statement> creates(Plan plan) {
        return plan.statements().stream().filter(s -> s.kind().creates()).toList();
    }

    private static ObjectDiff compare(String name, String kind, ServerObject expected, ServerObject actual) {
        if (actual == null) {
            return new ObjectDiff(name, kind, ObjectDiff.Status.MISSING, List.of());
        }
        if (expected.createQuery().equals(actual.createQuery())) {
            return new ObjectDiff(name, kind, ObjectDiff.Status.SAME, List.of());
        }
        return new ObjectDiff(name, kind, ObjectDiff.Status.DIFFERENT, details(expected, actual));
    }

    /** What differs, in words: server first, files second. */
    static List<String> details(ServerObject expected, ServerObject actual) {
        List<String> details = new ArrayList<>();
        if (!expected.engine().equals(actual.engine())) {
            details.add("the database has a " + label(actual) + ", the files define a " + label(expected));
            return details;
        }
        for (Map.Entry<String, String> column : expected.columns().entrySet()) {
            String serverType = actual.columns().get(column.getKey());
            if (serverType == null) {
                details.add("column " + column.getKey() + " " + column.getValue() + " is missing in the database");
            } else if (!serverType.equals(column.getValue())) {
                details.add("column " + column.getKey() + ": database " + serverType + ", files " + column.getValue());
            }
        }
        actual.columns().keySet().stream().filter(c -> !expected.columns().containsKey(c))
                .forEach(c -> details.add("column " + c + " " + actual.columns().get(c)
                        + " is in the database but not in the files"));
        if (details.isEmpty() && !new ArrayList<>(expected.columns().keySet())
                .equals(new ArrayList<>(actual.columns().keySet()))) {
            details.add("columns are in another order: database " + String.join(", ", actual.columns().keySet())
                    + "; files " + String.join(", ", expected.columns().keySet()));
        }
        if (!Objects.equals(expected.engineFull(), actual.engineFull())) {
            details.add("engine: database '" + actual.engineFull() + "', files '" + expected.engineFull() + "'");
        }
        String expectedTarget = target(expected.createQuery());
        String actualTarget = target(actual.createQuery());
        if (!Objects.equals(expectedTarget, actualTarget)) {
            details.add("writes to: database " + actualTarget + ", files " + expectedTarget);
        }
        if (!Objects.equals(expected.asSelect(), actual.asSelect())) {
            details.add("query: database '" + actual.asSelect() + "', files '" + expected.asSelect() + "'");
        }
        if (details.isEmpty()) {
            details.add("definition: database '" + actual.createQuery() + "', files '" + expected.createQuery() + "'");
        }
        return details;
    }

    private static String target(String createQuery) {
        Matcher matcher = TARGET.matcher(createQuery);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String label(ServerObject object) {
        if (object == null) {
            return "object";
        }
        return switch (object.engine()) {
            case "MaterializedView" -> "materialized view";
            case "View" -> "view";
            default -> "table";
        };
    }
}
