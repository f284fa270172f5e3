package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;

import java.util.List;

/**
 * The local cluster a lesson with {@code cluster:} runs on: started when none runs (and then stopped when the lesson
 * ends), its nodes reached by name ({@code s1r1}), killed and started again by {@code cluster:} steps. The CLI wires
 * mvlab's local cluster in; {@link Unavailable} stands in elsewhere.
 */
public interface LessonCluster {

    /**
     * Makes sure a local cluster of {@code shards} x {@code replicas} nodes runs, with every node answering.
     *
     * @return true when this call started it: the lesson stops it when it ends
     */
    boolean ensureRunning(int shards, int replicas);

    /** A connection to {@code database} on the node {@code node} ({@code sSrR}). */
    Database connect(String node, String database);

    /** Kills the node's ClickHouse, as a crash would; it stays down until {@link #start}. */
    void kill(String node);

    /** Starts a killed node again on its data and waits until it answers. */
    void start(String node);

    /** The nodes that are not running now. */
    List<String> down();

    /**
     * Waits until every node of {@code nodes} runs and answers (a node whose chDB died is started again by the
     * cluster's supervisor on its data).
     */
    void awaitRunning(List<String> nodes);

    /** Stops every node; their data stays. */
    void stop();
}
