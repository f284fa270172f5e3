package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.render.Plan;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;
import dev.mvlab.render.StatementKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates every object of the project in a database, in apply order: tables, then views, then materialized views from
 * downstream to upstream, so no inserted row is lost while they appear. Idempotent: objects that exist exactly as the
 * files define them are left alone, so a second apply changes nothing. An object defined differently stops apply
 * before anything runs, unless {@code recreate} is set and recreating it loses no data.
 */
public final class Apply {
    private final Database server;
    private final SqlRenderer renderer;

    /** @param server a connection to any database of the server; the target database is created when missing */
    public Apply(Database server, SqlRenderer renderer) {
        this.server = server;
        this.renderer = renderer;
    }

    public ApplyResult run(ProjectGraph graph, String database, ApplyOptions options) {
        Plan plan = renderer.applyPlan(graph);
        if (options.dryRun()) {
            return new ApplyResult(database, true, plan.statements().stream()
                    .map(s -> new AppliedStatement(s, s.kind().copies() ? AppliedStatement.Action.NOT_RUN
                            : AppliedStatement.Action.PLANNED))
                    .toList());
        }
        server.createDatabase(database);
        DiffResult diff = new Diff(server, renderer).run(graph, database);
        Set<String> different = toRecreate(graph, diff, options, database);
        Map<String, ServerObject> actual = different.isEmpty() ? Map.of() : Catalog.read(server, database, null);
        Set<String> inPlace = inPlace(graph, different, actual);
        Set<String> recreate = closure(graph, different.stream().filter(n -> !inPlace.contains(n)).toList());
        inPlace.removeAll(recreate);
        refuseWhileFed(graph, recreate, actual, database);
        List<AppliedStatement> steps = new ArrayList<>();
        try (Database target = server.use(database)) {
            for (ProjectObject object : graph.dropOrder()) {
                if (recreate.contains(object.name()) && diff.status(object.name()) != ObjectDiff.Status.MISSING) {
                    execute(target, renderer.drop(graph, object));
                }
            }
            for (Statement planned : plan.statements()) {
                Statement statement = EndpointViews.runnable(target, renderer, graph, planned);
                if (statement.kind().copies()) {
                    steps.add(new AppliedStatement(statement, AppliedStatement.Action.NOT_RUN));
                } else if (inPlace.contains(statement.object())) {
                    ProjectObject object = graph.object(statement.object()).orElseThrow();
                    execute(target, alter(object, statement));
                    steps.add(new AppliedStatement(statement, AppliedStatement.Action.ALTERED));
                } else if (keptAsQuery(graph, target, statement)) {
                    steps.add(new AppliedStatement(statement, AppliedStatement.Action.KEPT_AS_QUERY));
                } else if (recreate.contains(statement.object())) {
                    execute(target, statement);
                    boolean missing = diff.status(statement.object()) == ObjectDiff.Status.MISSING;
                    steps.add(new AppliedStatement(statement, missing ? AppliedStatement.Action.CREATED
                            : AppliedStatement.Action.RECREATED));
                } else if (options.deferred().contains(statement.object())
                        && diff.status(statement.object()) == ObjectDiff.Status.MISSING) {
                    steps.add(new AppliedStatement(statement, AppliedStatement.Action.DEFERRED));
                } else if (diff.status(statement.object()) == ObjectDiff.Status.SAME) {
                    steps.add(new AppliedStatement(statement, AppliedStatement.Action.UNCHANGED));
                } else {
                    execute(target, statement);
                    steps.add(new AppliedStatement(statement, AppliedStatement.Action.CREATED));
                }
            }
        }
        return new ApplyResult(database, false, List.copyOf(steps));
    }

    /**
     * The objects defined differently, when --recreate may change them all (views, materialized views, empty
     * tables); otherwise stops before anything changes.
     */
    private Set<String> toRecreate(ProjectGraph graph, DiffResult diff, ApplyOptions options, String database) {
        List<ObjectDiff> different = diff.objects().stream()
                .filter(o -> o.status() == ObjectDiff.Status.DIFFERENT).toList();
        if (different.isEmpty()) {
            return Set.of();
        }
        Map<String, ServerObject> actual = Catalog.read(server, database, null);
        List<String> refused = new ArrayList<>();
        for (ObjectDiff object : different) {
            ServerObject existing = actual.get(object.name());
            boolean derived = graph.object(object.name()).map(o -> o.kind().derived()).orElse(false);
            boolean empty = existing != null && existing.rows() != null && existing.rows() == 0;
            if (!options.recreate() || !derived && !(empty && !existing.isView())) {
                refused.add(describe(object, options.recreate() && !derived && existing != null
                        && existing.rows() != null ? existing.rows() : null));
            }
        }
        if (!refused.isEmpty()) {
            throw new MvlabException(ExitCode.DATABASE, "database " + database + " defines "
                    + (refused.size() == 1 ? "an object" : refused.size() + " objects")
                    + " differently than the files; nothing was changed:\n" + String.join("\n", refused),
                    options.recreate()
                            ? "mvlab never drops a table that holds rows; drop it yourself ('mvlab drop' drops the "
                            + "whole project) or change the datafile to match"
                            : "views, materialized views and empty tables can be recreated with "
                            + "'mvlab apply --recreate';"
                            + " see every difference with 'mvlab diff'");
        }
        Set<String> names = new LinkedHashSet<>();
        different.forEach(o -> names.add(o.name()));
        return names;
    }

    /**
     * The objects that change without a gap: a materialized view whose target stays gets its new query with
     * {@code ALTER TABLE ... MODIFY QUERY} (each insert runs the old query or the new one, none runs neither); a view
     * is replaced with {@code CREATE OR REPLACE VIEW}.
     */
    private static Set<String> inPlace(ProjectGraph graph, Set<String> different, Map<String, ServerObject> actual) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : different) {
            ProjectObject object = graph.object(name).orElseThrow();
            ServerObject existing = actual.get(name);
            if (existing == null) {
                continue;
            }
            if (object.kind() == ObjectKind.VIEW && existing.engine().equals("View")) {
                names.add(name);
            } else if (object.kind() == ObjectKind.MATERIALIZED_VIEW && existing.engine().equals("MaterializedView")
                    && object.writes() != null && existing.createQuery().matches("(?s)^CREATE MATERIALIZED VIEW \\S+ "
                    + "TO \\S+\\." + java.util.regex.Pattern.quote(Identifiers.quote(object.writes())) + " .*")) {
                names.add(name);
            }
        }
        return names;
    }

    private Statement alter(ProjectObject object, Statement create) {
        String sql = object.kind() == ObjectKind.VIEW
                ? create.sql().replaceFirst("(?m)^CREATE VIEW ", "CREATE OR REPLACE VIEW ")
                : "ALTER TABLE " + Identifiers.quote(object.name()) + " MODIFY QUERY\n" + renderer.select(object);
        return new Statement(create.kind(), create.object(), sql, create.origin());
    }

    /**
     * Refuses, before anything changes, to drop and create a materialized view while its source receives inserts:
     * rows inserted between the DROP and the CREATE would never reach its target.
     */
    private void refuseWhileFed(ProjectGraph graph, Set<String> recreate, Map<String, ServerObject> actual,
                                String database) {
        List<String> views = recreate.stream().filter(actual::containsKey)
                .filter(n -> graph.object(n).map(o -> o.kind() == ObjectKind.MATERIALIZED_VIEW).orElse(false))
                .toList();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (String view : views) {
            for (String source : graph.object(view).orElseThrow().reads()) {
                if (actual.containsKey(source) && !actual.get(source).isView()) {
                    sourceOf.putIfAbsent(source, view);
                }
            }
        }
        List<String> fed = InsertActivity.receiving(server, database, List.copyOf(sourceOf.keySet()));
        if (!fed.isEmpty()) {
            throw new MvlabException(ExitCode.DATABASE, "apply --recreate would drop and create "
                    + fed.stream().map(t -> sourceOf.get(t) + " (fed by " + t + ")").toList()
                    + ", and rows inserted in between would never reach its target: " + String.join(", ", fed)
                    + (fed.size() == 1 ? " is" : " are") + " receiving inserts now; nothing was changed",
                    "stop the stream and run apply --recreate again; a change of a view's query alone (same target) "
                    + "is applied in place, without a gap, while events flow");
        }
    }

    /** The objects to drop and create again, plus the views and materialized views that read or write one. */
    private static Set<String> closure(ProjectGraph graph, List<String> seeds) {
        Set<String> names = new LinkedHashSet<>(seeds);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ProjectObject object : graph.objects()) {
                if (object.kind().derived() && !names.contains(object.name())
                        && object.needs().stream().anyMatch(names::contains)) {
                    grew |= names.add(object.name());
                }
            }
        }
        return names;
    }

    private static String describe(ObjectDiff object, Long rows) {
        StringBuilder text = new StringBuilder("  ").append(object.name()).append(" (").append(object.kind())
                .append(rows != null ? ", " + rows + " rows" : "").append("):");
        object.details().forEach(d -> text.append("\n    ").append(d));
        return text.toString();
    }

    /** An endpoint view ClickHouse cannot hold (a column named twice) stays a query; see {@link EndpointViews}. */
    private boolean keptAsQuery(ProjectGraph graph, Database target, Statement statement) {
        if (statement.kind() != StatementKind.CREATE_VIEW) {
            return false;
        }
        try {
            return !EndpointViews.duplicateColumns(target, renderer, graph.object(statement.object()).orElseThrow())
                    .isEmpty();
        } catch (DatabaseException e) {
            return false; // the CREATE that follows reports what is wrong with the query
        }
    }

    private static void execute(Database target, Statement statement) {
        try {
            target.execute(statement.sql());
        } catch (DatabaseException e) {
            throw Failures.at(statement, e);
        }
    }
}
