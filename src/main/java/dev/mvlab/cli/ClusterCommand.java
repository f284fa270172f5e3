package dev.mvlab.cli;

import dev.mvlab.engine.LocalCluster;
import dev.mvlab.engine.host.LocalClusterState;
import dev.mvlab.engine.host.LocalClusterState.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** {@code mvlab cluster start|stop|status|kill}: mvlab's local sharded cluster of chDB nodes (docs/clusters.md). */
@Command(name = "cluster", description = "Start, stop, inspect and break mvlab's local cluster (N shards x M replicas "
        + "of chDB nodes behind the engine's door).",
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class, ClusterCommand.Status.class,
                ClusterCommand.Kill.class})
final class ClusterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What the local cluster is not, and what mvlab does instead. */
    static final String LIMITS = """
            limits:   no Keeper in chDB: Replicated* engines run as their plain forms, ON CLUSTER is refused,
                      so mvlab sends each DDL statement to every node; replicas are filled by the Distributed
                      table itself (internal_replication=false writes each block to every replica of its shard).
                      The nodes' native TCP ports have no door: any local user can query them (docs/clusters.md).""";

    static void print(PrintWriter out, LocalCluster cluster, LocalClusterState state) {
        out.println("cluster:  " + state.clusterName() + " (" + state.shards() + " shards x " + state.replicas()
                + " replicas, running, pid " + state.pid() + ", up "
                + Duration.between(state.startedAt(), Instant.now()).toSeconds() + " s)");
        out.println("memory:   " + state.memoryMb() + " MB limit per node");
        out.println("folder:   " + cluster.layout().dir());
        out.printf("%-6s %-5s %-7s %-6s %-6s %-9s %-8s %s%n", "node", "shard", "replica", "http", "tcp", "state",
                "restarts", "pid");
        for (Node n : state.nodes()) {
            out.printf("%-6s %-5d %-7d %-6d %-6d %-9s %-8d %s%n", n.name(), n.shard(), n.replica(), n.httpPort(),
                    n.tcpPort(), n.state().name().toLowerCase(java.util.Locale.ROOT), n.restarts(),
                    n.chdbPid() > 0 ? Long.toString(n.chdbPid()) : "-");
        }
        out.println(LIMITS);
    }

    @Command(name = "start", description = {"Start the local cluster (--shards N --replicas M), or with NODE start a "
            + "node that `cluster kill` stopped.", "The nodes' HTTP ports take the engine's credential."})
    static final class Start implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "NODE", description = "A node to start again, e.g. s1r2.")
        String node;
        @Option(names = "--shards", defaultValue = "2", description = "Shards (default 2).")
        int shards;
        @Option(names = "--replicas", defaultValue = "2", description = "Replicas per shard (default 2).")
        int replicas;
        @Option(names = "--memory-mb", defaultValue = "" + LocalCluster.DEFAULT_MEMORY_MB,
                description = "Memory limit of each node in MB (default 1024).")
        long memoryMb;

        @Override
        public void run() {
            LocalCluster cluster = new LocalCluster(engine.settings(), null);
            LocalClusterState state = node == null ? cluster.start(shards, replicas, memoryMb)
                    : cluster.startNode(node);
            print(spec.commandLine().getOut(), cluster, state);
        }
    }

    @Command(name = "stop", description = "Stop every node of the local cluster cleanly; the data stays.")
    static final class Stop implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            new LocalCluster(engine.settings(), null).stop();
            spec.commandLine().getOut().println("local cluster stopped");
        }
    }

    @Command(name = "status", description = "Nodes, ports and state of the local cluster, and what it cannot do.")
    static final class Status implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            LocalCluster cluster = new LocalCluster(engine.settings(), null);
            print(spec.commandLine().getOut(), cluster, cluster.require());
        }
    }

    @Command(name = "kill", description = "Kill a node's chDB (SIGKILL, like a crash); it stays down until "
            + "`mvlab cluster start NODE`.")
    static final class Kill implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NODE", description = "The node, e.g. s1r2 (see `mvlab cluster status`).")
        String node;

        @Override
        public void run() {
            LocalCluster cluster = new LocalCluster(engine.settings(), null);
            print(spec.commandLine().getOut(), cluster, cluster.kill(node));
        }
    }
}
