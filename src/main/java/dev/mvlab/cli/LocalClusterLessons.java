package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Http;
import dev.mvlab.engine.EngineSettings;
import dev.mvlab.engine.LocalCluster;
import dev.mvlab.engine.host.LocalClusterState;
import dev.mvlab.engine.host.LocalClusterState.Node;
import dev.mvlab.engine.host.LocalClusterState.NodeState;
import dev.mvlab.errors.EngineException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.lesson.LessonCluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * mvlab's local cluster ({@link LocalCluster}) as the lesson runner uses it for lessons with {@code cluster:}: the
 * running cluster of the engine folder, or one started for the lesson (with each node's default memory limit).
 */
final class LocalClusterLessons implements LessonCluster {
    /** How long a node that restarts may take to answer again. */
    private static final Duration AWAIT = Duration.ofSeconds(90);
    private final LocalCluster cluster;

    /** @param ownerPid when not null, a cluster this starts stops by itself when that process ends (test runs) */
    LocalClusterLessons(EngineSettings settings, Long ownerPid) {
        this.cluster = new LocalCluster(settings, ownerPid);
    }

    @Override
    public boolean ensureRunning(int shards, int replicas) {
        boolean running = cluster.running().isPresent();
        LocalClusterState state = cluster.start(shards, replicas, LocalCluster.DEFAULT_MEMORY_MB);
        List<String> down = state.nodes().stream().filter(n -> n.state() != NodeState.RUNNING).map(Node::name).toList();
        if (!down.isEmpty()) {
            throw new MvlabException(ExitCode.USAGE, "the local cluster runs, but not every node: "
                    + String.join(", ", down), "start them with `mvlab cluster start " + down.get(0) + "`");
        }
        return !running;
    }

    @Override
    public Database connect(String node, String database) {
        Node found = cluster.require().node(node).orElseThrow(() -> new MvlabException(ExitCode.USAGE,
                "the local cluster has no node " + node, "see `mvlab cluster status`"));
        return Database.connect(cluster.endpoint(found), database);
    }

    @Override
    public void kill(String node) {
        cluster.kill(node);
    }

    @Override
    public void start(String node) {
        cluster.startNode(node);
    }

    @Override
    public List<String> down() {
        return cluster.require().nodes().stream().filter(n -> n.state() != NodeState.RUNNING).map(Node::name)
                .toList();
    }

    @Override
    public void awaitRunning(List<String> nodes) {
        Instant deadline = Instant.now().plus(AWAIT);
        while (true) {
            LocalClusterState state = cluster.require();
            List<String> waiting = nodes.stream().filter(name -> state.node(name).filter(n -> n.state()
                    == NodeState.RUNNING && Http.ping(cluster.endpoint(n))).isEmpty()).toList();
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new EngineException("node " + String.join(", ", waiting) + " of the local cluster did not "
                        + "answer within " + AWAIT.toSeconds() + " s", "see `mvlab cluster status` and "
                        + cluster.layout().logFile());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("interrupted", null);
            }
        }
    }

    @Override
    public void stop() {
        cluster.stop();
    }
}
