package dev.mvlab.engine.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local cluster's state file ({@code <engine>/cluster/cluster.json}), written by its supervisor when it starts
 * (every port is decided then) and whenever a node changes state.
 *
 * @param pid         the cluster supervisor (the nodes' relays and their chDB processes' parent)
 * @param clusterName the cluster's name in every node's {@code remote_servers}
 */
public record LocalClusterState(long pid, String clusterName, int shards, int replicas, long memoryMb,
                                Instant startedAt, List<Node> nodes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a node is doing. */
    public enum NodeState {
        /** Its chDB is starting (first start, or again after it died). */
        STARTING,
        RUNNING,
        /** Stopped on purpose by {@code mvlab cluster kill}: not started again until {@code cluster start NODE}. */
        KILLED
    }

    /**
     * One node: its relay's public HTTP port (the door, with the engine's credential) and its native TCP port (no
     * door: the other nodes' Distributed tables use it).
     */
    public record Node(String name, int shard, int replica, int httpPort, int tcpPort, long chdbPid, NodeState state,
                       int restarts) {
        Node with(long chdb, NodeState newState, int restartCount) {
            return new Node(name, shard, replica, httpPort, tcpPort, chdb, newState, restartCount);
        }
    }

    public LocalClusterState {
        nodes = List.copyOf(nodes);
    }

    /** The node named like {@code s1r2} (shard 1, replica 2). */
    public static String nodeName(int shard, int replica) {
        return "s" + shard + "r" + replica;
    }

    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    LocalClusterState with(Node node) {
        List<Node> changed = new ArrayList<>(nodes);
        changed.replaceAll(n -> n.name().equals(node.name()) ? node : n);
        return new LocalClusterState(pid, clusterName, shards, replicas, memoryMb, startedAt, changed);
    }

    /** True when the pid is alive and is the cluster supervisor of the engine folder {@code engineDir}. */
    public boolean isSupervisorOf(Path engineDir) {
        return ProcessHandle.of(pid).map(p -> HostProcesses.isClusterSupervisorOf(p, engineDir.toAbsolutePath()
                .normalize())).orElse(false);
    }

    public static Optional<LocalClusterState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<Node> nodes = new ArrayList<>();
            for (JsonNode n : root.get("nodes")) {
                nodes.add(new Node(n.get("name").asText(), n.get("shard").asInt(), n.get("replica").asInt(),
                        n.get("httpPort").asInt(), n.get("tcpPort").asInt(), n.get("chdbPid").asLong(),
                        NodeState.valueOf(n.get("state").asText()), n.get("restarts").asInt()));
            }
            return Optional.of(new LocalClusterState(root.get("pid").asLong(), root.get("clusterName").asText(),
                    root.get("shards").asInt(), root.get("replicas").asInt(), root.get("memoryMb").asLong(),
                    Instant.parse(root.get("startedAt").asText()), nodes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // torn or foreign: stale
        }
    }

    void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("pid", pid).put("clusterName", clusterName).put("shards", shards).put("replicas", replicas)
                .put("memoryMb", memoryMb).put("startedAt", startedAt.toString());
        ArrayNode array = root.putArray("nodes");
        for (Node n : nodes) {
            array.addObject().put("name", n.name()).put("shard", n.shard()).put("replica", n.replica())
                    .put("httpPort", n.httpPort()).put("tcpPort", n.tcpPort()).put("chdbPid", n.chdbPid())
                    .put("state", n.state().name()).put("restarts", n.restarts());
        }
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
