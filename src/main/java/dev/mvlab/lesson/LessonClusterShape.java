package dev.mvlab.lesson;

import dev.mvlab.model.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson's {@code cluster: {shards: N, replicas: M}}: it runs on mvlab's local cluster of that shape, its nodes
 * named {@code sSrR} ({@code s1r1}, {@code s1r2}, ...) as {@code mvlab cluster status} names them. Steps run on the
 * first node, {@code s1r1}, unless their {@code on:} names others.
 */
public record LessonClusterShape(int shards, int replicas, SourceLocation location) {
    /** As {@code mvlab cluster start} allows: each node is a chDB in a JVM of its own. */
    static final int MAX_NODES = 12;

    /** Every node, shard by shard. */
    public List<String> nodes() {
        List<String> nodes = new ArrayList<>();
        for (int shard = 1; shard <= shards; shard++) {
            for (int replica = 1; replica <= replicas; replica++) {
                nodes.add("s" + shard + "r" + replica);
            }
        }
        return nodes;
    }

    /** The node steps run on by default: the one the lesson inserts through. */
    public String firstNode() {
        return nodes().get(0);
    }
}
