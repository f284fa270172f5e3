package dev.mvlab.deploy;

import dev.mvlab.clickhouse.ClusterCatalog;
import dev.mvlab.clickhouse.ClusterCatalog.DdlNodeAnswer;
import dev.mvlab.clickhouse.ClusterCatalog.NodeTable;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.render.Plan;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a project to a real cluster through one of its nodes: {@code CREATE DATABASE ... ON CLUSTER}, then each
 * {@code ON CLUSTER} statement of the plan whose object is missing on at least one node, each waiting at most the
 * target's DDL timeout for every node ({@code distributed_ddl_task_timeout}) and stopping with the nodes that did not
 * answer or failed by name. Creates only: what differs is for {@code mvlab diff --cluster}.
 */
public final class ClusterApply {
    /** ClickHouse's TABLE_ALREADY_EXISTS: the node has the object (another apply made it). */
    private static final long ALREADY_EXISTS = 57;

    private final Database server;
    private final SqlRenderer renderer;
    private final ClusterTarget target;

    /** @param server a connection to one node of the cluster */
    public ClusterApply(Database server, SqlRenderer renderer, ClusterTarget target) {
        if (!target.kind().onCluster()) {
            throw new IllegalArgumentException("ClusterApply runs ON CLUSTER DDL; " + target.kind() + " does not");
        }
        this.server = server;
        this.renderer = renderer;
        this.target = target;
    }

    /** One statement and what it did: run (with every node's answer) or skipped because every node has it. */
    public record Step(Statement statement, boolean ran, List<DdlNodeAnswer> answers) {
    }

    public List<Step> run(ProjectGraph graph, String database) {
        knownCluster();
        wait("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database) + " ON CLUSTER "
                + Identifiers.quote(target.name()), "database " + database, server);
        List<String> nodes = ClusterCatalog.answering(server, target.name());
        Map<String, Set<String>> present = new HashMap<>();
        for (NodeTable table : ClusterCatalog.tables(server, target.name(), database)) {
            present.computeIfAbsent(table.name(), n -> new HashSet<>()).add(table.node());
        }
        Plan plan = renderer.applyPlan(graph);
        List<Step> steps = new ArrayList<>();
        try (Database db = server.use(database)) {
            for (Statement statement : plan.statements()) {
                if (!statement.kind().creates()) {
                    continue;
                }
                Set<String> holders = present.getOrDefault(statement.object(), Set.of());
                if (!nodes.isEmpty() && holders.containsAll(nodes)) {
                    steps.add(new Step(statement, false, List.of()));
                    continue;
                }
                steps.add(new Step(statement, true, wait(statement.sql(), statement.what(), db)));
            }
        }
        return steps;
    }

    /** Drops the project's objects on every node (drop order), each statement waiting for every node. */
    public List<Step> drop(ProjectGraph graph, String database) {
        knownCluster();
        List<Step> steps = new ArrayList<>();
        try (Database db = server.use(database)) {
            for (Statement statement : renderer.dropPlan(graph).statements()) {
                steps.add(new Step(statement, true, wait(statement.sql(), statement.what(), db)));
            }
        }
        return steps;
    }

    private void knownCluster() {
        if (ClusterCatalog.nodes(server, target.name()).isEmpty()) {
            throw new MvlabException(ExitCode.USAGE, "the server knows no cluster `" + target.name() + "`",
                    "the cluster name of --cluster must be the one the servers' remote_servers config gives");
        }
    }

    /** Runs one ON CLUSTER statement; the nodes that did not answer in time or failed end the apply, by name. */
    private List<DdlNodeAnswer> wait(String sql, String what, Database db) {
        List<DdlNodeAnswer> answers = ClusterCatalog.onCluster(db, sql, target.ddlTimeout());
        List<String> silent = answers.stream().filter(a -> !a.answered()).map(DdlNodeAnswer::node).toList();
        if (!silent.isEmpty()) {
            throw new MvlabException(ExitCode.DATABASE, what + ": " + silent.size() + " of " + answers.size()
                    + " nodes of cluster " + target.name() + " did not answer within "
                    + target.ddlTimeout().toSeconds() + " s: " + String.join(", ", silent)
                    + " (they run it from the distributed DDL queue when they come back)",
                    "bring them back or raise cluster." + target.name() + ".ddl_timeout_seconds; `mvlab diff --cluster "
                            + target.name() + "` shows what each node has");
        }
        List<DdlNodeAnswer> failed = answers.stream().filter(a -> a.status() != 0 && a.status() != ALREADY_EXISTS)
                .toList();
        if (!failed.isEmpty()) {
            throw new MvlabException(ExitCode.DATABASE, what + " failed on " + failed.size() + " of "
                    + answers.size() + " nodes of cluster " + target.name() + ": " + failed.stream()
                    .map(a -> a.node() + " (" + a.error() + ")").collect(Collectors.joining("; ")),
                    "fix it there, then apply again: nodes that have the object are skipped");
        }
        return answers;
    }
}
