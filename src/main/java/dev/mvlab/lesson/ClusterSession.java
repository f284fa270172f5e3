package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster lesson's run on the local cluster: the lesson's database reset on every node and a connection to it per
 * node. Closing it starts again the nodes the lesson killed (a killed node would stay down across a stop of the
 * cluster), and stops the cluster when the lesson started it.
 */
final class ClusterSession implements AutoCloseable {
    private final LessonCluster cluster;
    private final boolean started;
    private final Map<String, Database> databases = new LinkedHashMap<>();
    private final Set<String> killed = new LinkedHashSet<>();

    private ClusterSession(LessonCluster cluster, boolean started) {
        this.cluster = cluster;
        this.started = started;
    }

    /** Starts the cluster when none runs, then drops and creates {@code database} on every node. */
    static ClusterSession open(LessonCluster cluster, LessonClusterShape shape, String database) {
        ClusterSession session = new ClusterSession(cluster, cluster.ensureRunning(shape.shards(),
                shape.replicas()));
        try {
            for (String node : shape.nodes()) {
                try (Database admin = cluster.connect(node, "default")) {
                    admin.dropDatabase(database);
                    admin.createDatabase(database);
                }
                session.databases.put(node, cluster.connect(node, database));
            }
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The lesson's database on {@code node}. */
    Database db(String node) {
        Database db = databases.get(node);
        if (db == null) {
            throw new IllegalArgumentException(node);
        }
        return db;
    }

    void kill(String node) {
        killed.add(node);
        cluster.kill(node);
    }

    void start(String node) {
        cluster.start(node);
        killed.remove(node);
    }

    /** The nodes not running now. */
    List<String> down() {
        return cluster.down();
    }

    /**
     * Before a step: the nodes that are down though the lesson did not kill them (their chDB died; the supervisor
     * starts them again on their data), after waiting until they answer again. Empty when every node runs.
     */
    List<String> settle() {
        List<String> unexpected = cluster.down().stream().filter(node -> !killed.contains(node)).toList();
        if (!unexpected.isEmpty()) {
            cluster.awaitRunning(unexpected);
        }
        return unexpected;
    }

    @Override
    public void close() {
        databases.values().forEach(Database::close);
        List<RuntimeException> failures = new ArrayList<>();
        // a node killed stays down across a stop of the cluster: start it first either way
        for (String node : List.copyOf(killed)) {
            try {
                cluster.start(node);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (started) {
            try {
                cluster.stop();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new MvlabException(ExitCode.ENGINE, "the lesson could not leave the local cluster as it found it: "
                    + failures.get(0).getMessage(), "see `mvlab cluster status`");
        }
    }
}
