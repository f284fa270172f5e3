package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.engine.EngineSettings;
import dev.mvlab.engine.LocalCluster;
import dev.mvlab.engine.host.LocalClusterState;
import dev.mvlab.engine.host.LocalClusterState.Node;
import dev.mvlab.engine.host.LocalClusterState.NodeState;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.lesson.LessonCluster;

import java.util.List;

/**
 * mvlab's local cluster ({@link LocalCluster}) as the lesson runner uses it for lessons with {@code cluster:}: the
 * running cluster of the engine folder, or one started for the lesson (with each node's default memory limit).
 */
final class LocalClusterLessons implements LessonCluster {
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
    public void stop() {
        cluster.stop();
    }
}
