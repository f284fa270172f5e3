package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.deploy.ApplyResult;
import dev.mvlab.deploy.ClusterDiffResult;
import dev.mvlab.deploy.ClusterNodeDiff;
import dev.mvlab.deploy.Drop;
import dev.mvlab.engine.LocalCluster;
import dev.mvlab.engine.host.LocalClusterState;
import dev.mvlab.engine.host.LocalClusterState.Node;
import dev.mvlab.engine.host.LocalClusterState.NodeState;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.render.SqlRenderer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code apply}, {@code drop} and {@code diff} with {@code --cluster local}: the local cluster has no ON CLUSTER, so
 * each node gets the per-node statements (or is read) over its own connection, node by node in shard order, with
 * {@code node sSrR (127.0.0.1:PORT)} printed before each node's report.
 */
final class LocalClusterDeploy {
    private final LocalCluster local;
    private final PrintWriter out;

    LocalClusterDeploy(EngineOptions engine, PrintWriter out) {
        this.local = new LocalCluster(engine.settings(), null);
        this.out = out;
    }

    /** Applies on every node; {@code report} prints each node's result. */
    void apply(ProjectGraph graph, SqlRenderer renderer, String database, ApplyOptions options,
               Consumer<ApplyResult> report) {
        for (Node node : local.require().nodes()) {
            out.println("node " + node.name() + " (127.0.0.1:" + node.httpPort() + ")");
            try (Database server = Database.connect(local.endpoint(node), "default")) {
                report.accept(new Apply(server, renderer).run(graph, database, options));
            }
        }
    }

    /** The project's tables holding rows, as {@code table on sSrR}; every node must run. */
    Map<String, Long> tablesHoldingRows(ProjectGraph graph, SqlRenderer renderer, String database) {
        Map<String, Long> holding = new LinkedHashMap<>();
        for (Node node : everyNodeRunning("drop")) {
            try (Database server = Database.connect(local.endpoint(node), "default")) {
                new Drop(server, renderer).tablesHoldingRows(graph, database)
                        .forEach((table, rows) -> holding.put(table + " on " + node.name(), rows));
            }
        }
        return holding;
    }

    /**
     * Every node drops its views, Distributed tables and local tables. Every node must run: a node that is down would
     * keep its tables.
     */
    void drop(ProjectGraph graph, SqlRenderer renderer, String database) {
        for (Node node : everyNodeRunning("drop")) {
            out.println("node " + node.name() + " (127.0.0.1:" + node.httpPort() + ")");
            try (Database server = Database.connect(local.endpoint(node), "default")) {
                DeployReport.drop(out, new Drop(server, renderer).run(graph, database));
            }
        }
    }

    /**
     * Every node compared with the project, each read over its own connection and named as {@code mvlab cluster
     * status} names it; a node that is not running is reported as not answering.
     */
    ClusterDiffResult diff(ProjectGraph graph, ClusterTarget target, String database) {
        Map<String, Database> running = new LinkedHashMap<>();
        List<String> silent = new ArrayList<>();
        try {
            for (Node node : local.require().nodes()) {
                if (node.state() == NodeState.RUNNING) {
                    running.put(node.name(), Database.connect(local.endpoint(node), "default"));
                } else {
                    silent.add(node.name());
                }
            }
            return ClusterNodeDiff.run(target, graph, database, running, silent);
        } finally {
            running.values().forEach(Database::close);
        }
    }

    private List<Node> everyNodeRunning(String what) {
        LocalClusterState state = local.require();
        List<String> down = state.nodes().stream().filter(n -> n.state() != NodeState.RUNNING).map(Node::name)
                .toList();
        if (!down.isEmpty()) {
            throw new MvlabException(ExitCode.USAGE, what + " --cluster local works on every node, and "
                    + String.join(", ", down) + " of the local cluster " + (down.size() == 1 ? "is" : "are")
                    + " not running; nothing was done", "start it: mvlab cluster start " + down.get(0));
        }
        return state.nodes();
    }
}
