package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.engine.LocalCluster;
import dev.mvlab.engine.host.LocalClusterState.Node;
import dev.mvlab.engine.host.LocalClusterState.NodeState;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --cluster local} on the commands that read or write rows ({@code generate}, {@code generate products},
 * {@code verify}, {@code sql}, {@code pipe data}): they connect to
 * the first running node of the local cluster and use the data sources' names, which there are the Distributed
 * tables, so rows go to every shard (and every replica) and reads cover the whole cluster. {@code sql} also takes
 * {@code --node NAME} for one node.
 */
public final class LocalClusterReadWrite {
    @Option(names = "--cluster", paramLabel = "local", description = {"`local`: go through a node of mvlab's running "
            + "local cluster, reading and writing the data sources' Distributed tables (see docs/clusters.md)."})
    String name;

    /**
     * A command that could use the local cluster was run without {@code --cluster local} while one runs: it uses the
     * engine, never the cluster by itself, and says so once on stderr.
     */
    static void noteWhenUnused(EngineOptions engine, PrintWriter err) {
        new LocalCluster(engine.settings(), null).running().ifPresent(state -> {
            err.println("note: mvlab's local cluster runs (" + state.shards() + " x " + state.replicas() + "); this "
                    + "command uses the engine: add --cluster local for the cluster");
            err.flush();
        });
    }

    /** True when {@code --cluster local} was given. */
    boolean given() {
        if (name != null && !name.equals("local")) {
            throw new MvlabException(ExitCode.USAGE, "--cluster takes only `local` here, not `" + name + "`",
                    "for a real cluster connect to one of its nodes with --engine url --url http://NODE:8123; "
                            + "its Distributed tables carry the data sources' names");
        }
        return name != null;
    }

    /** The database {@code database} on the first running node, created when missing. */
    Database connect(EngineOptions engine, PrintWriter err, String database) {
        return connect(engine, err, database, null);
    }

    /**
     * The database {@code database} on the node named {@code nodeName} (null: the first running node), created when
     * missing; the node is named on stderr.
     */
    Database connect(EngineOptions engine, PrintWriter err, String database, String nodeName) {
        LocalCluster cluster = new LocalCluster(engine.settings(), null);
        Node node = node(cluster, nodeName);
        err.println("through node " + node.name() + " (127.0.0.1:" + node.httpPort() + ")");
        err.flush();
        try (Database server = Database.connect(cluster.endpoint(node), "default")) {
            server.createDatabase(database);
            return server.use(database);
        }
    }

    /** The running node named {@code nodeName}, or the first running node when it is null. */
    static Node node(LocalCluster cluster, String nodeName) {
        List<Node> nodes = cluster.require().nodes();
        if (nodeName == null) {
            return nodes.stream().filter(n -> n.state() == NodeState.RUNNING).findFirst()
                    .orElseThrow(() -> new MvlabException(ExitCode.USAGE, "no node of the local cluster is running",
                            "see `mvlab cluster status`; start a node with `mvlab cluster start NODE`"));
        }
        Node node = nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new MvlabException(ExitCode.USAGE, "the local cluster has no node `" + nodeName
                        + "`", "its nodes: " + String.join(", ", nodes.stream().map(Node::name).toList())));
        if (node.state() != NodeState.RUNNING) {
            throw new MvlabException(ExitCode.USAGE, "node " + nodeName + " of the local cluster is "
                    + node.state().name().toLowerCase(java.util.Locale.ROOT),
                    "start it with `mvlab cluster start " + nodeName + "`, or leave out --node for the first "
                            + "running node");
        }
        return node;
    }

    /**
     * Sends the blocks a node's Distributed table still queues to the shards, so they hold every row. A replica that is
     * down keeps the flush from finishing: its blocks wait in the queue until it is back, which a warning says.
     */
    void flush(EngineOptions engine, Database db, String distributedTable, PrintWriter err) {
        try {
            db.execute("SYSTEM FLUSH DISTRIBUTED " + Identifiers.quote(distributedTable));
        } catch (DatabaseException e) {
            List<String> down = new LocalCluster(engine.settings(), null).require().nodes().stream()
                    .filter(n -> n.state() != NodeState.RUNNING).map(Node::name).toList();
            if (down.isEmpty()) {
                throw e;
            }
            err.println("warning: " + String.join(", ", down) + " of the local cluster is not running: the blocks of "
                    + distributedTable + " for it wait in the sender's queue and go out when it is back (mvlab "
                    + "cluster start " + down.get(0) + "); the running replicas receive theirs in the background");
            err.flush();
        }
    }
}
