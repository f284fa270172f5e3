package dev.mvlab.deploy;

import dev.mvlab.engine.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.render.Plan;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;

import java.util.ArrayList;
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
                    .map(s -> new ApplyStep(s, s.kind().copies() ? ApplyStep.Action.NOT_RUN : ApplyStep.Action.PLANNED))
                    .toList());
        }
        server.createDatabase(database);
        DiffResult diff = new Diff(server, renderer).run(graph, database);
        Set<String> recreate = toRecreate(graph, diff, options, database);
        List<ApplyStep> steps = new ArrayList<>();
        try (Database target = server.use(database)) {
            for (ProjectObject object : graph.dropOrder()) {
                if (recreate.contains(object.name()) && diff.status(object.name()) != ObjectDiff.Status.MISSING) {
                    execute(target, renderer.drop(graph, object));
                }
            }
            for (Statement statement : plan.statements()) {
                if (statement.kind().copies()) {
                    steps.add(new ApplyStep(statement, ApplyStep.Action.NOT_RUN));
                } else if (recreate.contains(statement.object())) {
                    execute(target, statement);
                    steps.add(new ApplyStep(statement, diff.status(statement.object()) == ObjectDiff.Status.MISSING
                            ? ApplyStep.Action.CREATED : ApplyStep.Action.RECREATED));
                } else if (diff.status(statement.object()) == ObjectDiff.Status.SAME) {
                    steps.add(new ApplyStep(statement, ApplyStep.Action.UNCHANGED));
                } else {
                    execute(target, statement);
                    steps.add(new ApplyStep(statement, ApplyStep.Action.CREATED));
                }
            }
        }
        return new ApplyResult(database, false, List.copyOf(steps));
    }

    /**
     * The objects to drop and create again: those defined differently (allowed only with --recreate, and for tables
     * only when empty), plus the views and materialized views that read or write a recreated object.
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

    private static void execute(Database target, Statement statement) {
        try {
            target.execute(statement.sql());
        } catch (DatabaseException e) {
            throw Failures.at(statement, e);
        }
    }
}
