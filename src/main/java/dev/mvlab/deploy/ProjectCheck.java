package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.QueryParameters;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.PipeQuery;
import dev.mvlab.model.Warning;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.render.MissingSecretException;
import dev.mvlab.render.Plan;
import dev.mvlab.render.SecretParameters;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;
import dev.mvlab.render.StatementKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a project. Loading, the graph and rendering have already checked the files when this runs; with a server,
 * every statement is also run in a throwaway database that is dropped afterwards (views are queried with LIMIT 0, copy
 * pipes copy from the empty tables), and so is every other node of every pipe (with LIMIT 0), so ClickHouse itself
 * validates the types, functions and columns of all the project's SQL. Nothing is created
 * in the user's databases.
 */
public final class ProjectCheck {
    private final Database server;
    private final SqlRenderer renderer;

    /** @param server a connection to any database of the server, or null to check the files only */
    public ProjectCheck(Database server, SqlRenderer renderer) {
        this.server = server;
        this.renderer = renderer;
    }

    public ProjectCheckResult run(ProjectGraph graph) {
        Plan plan = renderer.applyPlan(graph);
        SecretParameters secrets = SecretParameters.forProject(graph.project().root());
        if (server == null) {
            return new ProjectCheckResult(plan.statements().size(), false, List.of(), 0);
        }
        List<CheckIssue> issues = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        int skipped = 0;
        List<Warning> lint;
        List<Warning> kept = new ArrayList<>();
        try (Shadow shadow = Shadow.create(server)) {
            for (Statement statement : plan.statements()) {
                boolean blocked = graph.object(statement.object())
                        .map(o -> o.needs().stream().anyMatch(failed::contains)).orElse(false);
                if (blocked || failed.contains(statement.object())) {
                    skipped++;
                    failed.add(statement.object());
                    continue;
                }
                try {
                    QueryParameters values = secrets.of(statement);
                    if (statement.kind() == StatementKind.CREATE_VIEW) {
                        ProjectObject object = graph.object(statement.object()).orElseThrow();
                        List<String> dropped = EndpointViews.select(shadow.db(), renderer, object, values).dropped();
                        if (!dropped.isEmpty()) {
                            kept.add(AggregateOrderBy.warning(object, dropped));
                            statement = EndpointViews.runnable(shadow.db(), renderer, graph, statement, values);
                        }
                        List<String> duplicates = EndpointViews.duplicateColumns(shadow.db(), renderer, object,
                                values);
                        if (!duplicates.isEmpty()) {
                            kept.add(EndpointViews.warning(object, duplicates));
                            continue;
                        }
                    }
                    // a CREATE needs no secret's value (a view keeps its placeholders); a copy's INSERT does
                    shadow.db().execute(statement.sql(), statement.kind().creates() ? QueryParameters.none() : values);
                    if (statement.kind() == StatementKind.CREATE_VIEW) {
                        // a view with placeholders is a parameterized view, which only answers with its parameters
                        // passed by name: its query runs instead, with the secrets beside it
                        shadow.db().run(values.isEmpty() ? "SELECT * FROM " + Identifiers.quote(statement.object())
                                + " LIMIT 0" : "SELECT * FROM (\n" + renderer.select(graph.object(statement.object())
                                .orElseThrow()) + "\n) LIMIT 0", values);
                    }
                } catch (DatabaseException | MissingSecretException e) {
                    failed.add(statement.object());
                    issues.add(new CheckIssue(statement.origin(), statement.object(), message(e), statement.sql()));
                }
            }
            Set<String> failedPipes = new HashSet<>();
            for (PipeQuery node : graph.nodeChecks()) {
                String pipe = node.pipe().name();
                String name = pipe + "." + node.output().name();
                // a pipe whose own statement failed, or one of whose nodes failed, has its error reported: its
                // later nodes read that node, so they would only repeat it (thousands of times in a long pipe)
                if (failed.contains(pipe) || failedPipes.contains(pipe) || graph.object(pipe)
                        .map(o -> o.needs().stream().anyMatch(failed::contains)).orElse(false)) {
                    skipped++;
                    continue;
                }
                String select = renderer.select(node);
                String sql = "SELECT * FROM (\n" + select + "\n) LIMIT 0";
                try {
                    QueryParameters values = secrets.of(select, "node " + name + " (" + where(node) + ")");
                    sql = "SELECT * FROM (\n" + nodeSelect(shadow, select, values) + "\n) LIMIT 0";
                    shadow.db().run(sql, values);
                } catch (DatabaseException | MissingSecretException e) {
                    failedPipes.add(pipe);
                    issues.add(new CheckIssue(node.outputNode().location(), name, message(e), sql));
                }
            }
            lint = new ArrayList<>(kept);
            lint.addAll(MaterializedColumnsLint.of(graph, shadow.db(), renderer, failed));
        }
        return new ProjectCheckResult(plan.statements().size() + graph.nodeChecks().size(), true, List.copyOf(issues),
                skipped, lint);
    }

    /** The node's query; an endpoint's output node as ClickHouse runs it (see {@link AggregateOrderBy}). */
    private static String nodeSelect(Shadow shadow, String select, QueryParameters secrets) {
        try {
            return AggregateOrderBy.of(shadow.db(), select, secrets).sql();
        } catch (DatabaseException e) {
            return select; // running it reports what is wrong
        }
    }

    /** The server's refusal, or which secret is missing and where to set it. */
    private static String message(MvlabException e) {
        return e.hint() == null ? e.getMessage() : e.getMessage() + " (" + e.hint() + ")";
    }

    private static String where(PipeQuery node) {
        SourceLocation at = node.outputNode().location();
        return at == null ? "(unknown)" : at.file() + ":" + at.line();
    }
}
