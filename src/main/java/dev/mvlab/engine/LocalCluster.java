package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Http;
import dev.mvlab.engine.host.HostProcesses;
import dev.mvlab.engine.host.LocalClusterLayout;
import dev.mvlab.engine.host.LocalClusterState;
import dev.mvlab.engine.host.LocalClusterState.Node;
import dev.mvlab.engine.host.LocalClusterState.NodeState;
import dev.mvlab.errors.EngineException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * mvlab's local cluster, as the CLI drives it: {@code mvlab cluster start|stop|status|kill|start NODE}. N x M chDB
 * nodes under one supervisor of the engine host ({@link HostProcesses#startClusterSupervisor}), each behind a relay
 * with the engine's credential; their state is {@code <engine>/cluster/cluster.json}.
 */
public final class LocalCluster {
    /** The memory limit of each node unless {@code --memory-mb} says otherwise. */
    public static final long DEFAULT_MEMORY_MB = 1024;
    public static final int MAX_NODES = 12;

    private final EngineSettings settings;
    private final LocalClusterLayout layout;
    private final Long ownerPid;
    /** The engine of the same folder: its credential and own key open the nodes' doors too. */
    private final EmbeddedEngine keys;

    /** @param ownerPid when not null, the cluster stops by itself when that process ends (test runs) */
    public LocalCluster(EngineSettings settings, Long ownerPid) {
        this.settings = settings;
        this.layout = new LocalClusterLayout(settings.stateDir());
        this.ownerPid = ownerPid;
        this.keys = new EmbeddedEngine(settings, ownerPid);
    }

    public LocalClusterLayout layout() {
        return layout;
    }

    /** Starts a cluster of {@code shards} x {@code replicas} nodes and waits until every node answers. */
    public LocalClusterState start(int shards, int replicas, long memoryMb) {
        if (shards < 1 || replicas < 1 || shards * replicas > MAX_NODES) {
            throw new MvlabException(ExitCode.USAGE, "a local cluster has 1 to " + MAX_NODES + " nodes, got "
                    + shards + " x " + replicas, "each node costs about 50 MB and a JVM: e.g. --shards 2 --replicas 2");
        }
        try {
            Files.createDirectories(layout.dir());
        } catch (IOException e) {
            throw new EngineException("cannot create " + layout.dir() + ": " + e.getMessage(), null);
        }
        try (RandomAccessFile lockFile = new RandomAccessFile(layout.lockFile().toFile(), "rw");
             FileLock ignored = lockFile.getChannel().lock()) {
            Optional<LocalClusterState> running = running();
            if (running.isPresent()) {
                LocalClusterState state = running.get();
                if (state.shards() != shards || state.replicas() != replicas) {
                    throw new MvlabException(ExitCode.USAGE, "the local cluster already runs with "
                            + state.shards() + " x " + state.replicas() + " nodes",
                            "stop it first with `mvlab cluster stop` (its data stays)");
                }
                return awaitRunning(state.pid(), null);
            }
            Path library = new EngineInstaller(settings.cacheDir(), EngineInstaller.Progress.NONE).ensureInstalled();
            keys.ensureKeys();
            forgetKilledNodes();
            Process process = HostProcesses.startClusterSupervisor(layout, library, shards, replicas, memoryMb,
                    settings.access(), settings.origins(), ownerPid);
            return awaitRunning(process.pid(), process);
        } catch (IOException e) {
            throw new EngineException("cannot start the local cluster in " + layout.dir() + ": " + e.getMessage(), null);
        }
    }

    /**
     * A node killed on purpose stays down while its cluster runs; a cluster started afresh starts every node, so the
     * markers of an earlier run's killed nodes go.
     */
    private void forgetKilledNodes() throws IOException {
        try (var nodes = Files.list(layout.dir())) {
            for (Path node : nodes.filter(Files::isDirectory).toList()) {
                Files.deleteIfExists(layout.killedMarker(node.getFileName().toString()));
            }
        }
    }

    /** The running cluster's state, if a cluster runs on this engine folder. */
    public Optional<LocalClusterState> running() {
        return LocalClusterState.read(layout.stateFile()).filter(s -> s.isSupervisorOf(settings.stateDir()));
    }

    /** The running cluster, or a usage error saying how to start one. */
    public LocalClusterState require() {
        return running().orElseThrow(() -> new MvlabException(ExitCode.USAGE, "no local cluster runs",
                "start one with `mvlab cluster start --shards 2 --replicas 2`"));
    }

    /** Stops every node cleanly and the supervisor; the data stays. */
    public void stop() {
        Optional<LocalClusterState> state = running();
        if (state.isPresent()) {
            ProcessHandle handle = ProcessHandle.of(state.get().pid()).orElseThrow();
            handle.destroy();
            if (!EmbeddedEngine.waitForExit(handle, Duration.ofSeconds(60))) {
                handle.destroyForcibly();
                EmbeddedEngine.waitForExit(handle, Duration.ofSeconds(5));
            }
        }
        try {
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException ignored) {
            // a dead pid marks it stale
        }
    }

    /**
     * Kills a node's chDB (SIGKILL, as a crash would) and keeps it down: the supervisor does not start it again until
     * {@link #startNode}. Its relay stays and answers 503 meanwhile; Distributed blocks for it wait in its peers'
     * queues.
     */
    public LocalClusterState kill(String nodeName) {
        LocalClusterState state = require();
        Node node = node(state, nodeName);
        try {
            Files.writeString(layout.killedMarker(node.name()), Instant.now() + "\n");
        } catch (IOException e) {
            throw new EngineException("cannot mark " + node.name() + " killed: " + e.getMessage(), null);
        }
        ProcessHandle.of(node.chdbPid()).filter(p -> HostProcesses.isChdbOf(p, layout.node(node.name()).dataDir()))
                .ifPresent(ProcessHandle::destroyForcibly);
        return awaitNode(node.name(), NodeState.KILLED);
    }

    /** Starts a killed node again and waits until it answers. */
    public LocalClusterState startNode(String nodeName) {
        Node node = node(require(), nodeName);
        try {
            Files.deleteIfExists(layout.killedMarker(node.name()));
        } catch (IOException e) {
            throw new EngineException("cannot clear " + layout.killedMarker(node.name()) + ": " + e.getMessage(), null);
        }
        return awaitNode(node.name(), NodeState.RUNNING);
    }

    /** How mvlab's own commands reach a node: its relay with mvlab's own key. */
    public Endpoint endpoint(Node node) {
        return keys.ownEndpoint(node.httpPort());
    }

    /** How the user's clients reach a node: its relay with the engine's credential. */
    public Endpoint credentialEndpoint(Node node) {
        return endpoint(node).withPassword(keys.credential());
    }

    /** The node endpoints of the running cluster, shard by shard. */
    public List<Endpoint> endpoints() {
        return require().nodes().stream().map(this::endpoint).toList();
    }

    private static Node node(LocalClusterState state, String name) {
        return state.node(name).orElseThrow(() -> new MvlabException(ExitCode.USAGE, "the local cluster has no node `"
                + name + "`", "its nodes: " + String.join(", ", state.nodes().stream().map(Node::name).toList())));
    }

    private LocalClusterState awaitNode(String name, NodeState wanted) {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            Optional<LocalClusterState> state = running();
            if (state.isEmpty()) {
                throw new EngineException("the local cluster stopped", "see " + layout.logFile());
            }
            Node node = state.get().node(name).orElseThrow();
            if (node.state() == wanted && (wanted != NodeState.RUNNING || Http.ping(endpoint(node)))) {
                return state.get();
            }
            sleep();
        }
        throw new EngineException("node " + name + " did not become " + wanted + " within "
                + settings.startTimeout().toSeconds() + " s", "see " + layout.node(name).logFile());
    }

    private LocalClusterState awaitRunning(long pid, Process process) {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            Optional<LocalClusterState> state = LocalClusterState.read(layout.stateFile()).filter(s -> s.pid() == pid);
            if (state.isPresent() && state.get().nodes().stream().allMatch(n -> n.state() == NodeState.KILLED
                    || n.state() == NodeState.RUNNING && Http.ping(endpoint(n)))) {
                return state.get();
            }
            boolean alive = process != null ? process.isAlive()
                    : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                throw new EngineException("the local cluster exited during start-up", "see " + layout.logFile());
            }
            sleep();
        }
        if (process != null) {
            process.destroy();
        }
        throw new EngineException("the local cluster did not answer within " + settings.startTimeout().toSeconds()
                + " s", "see " + layout.logFile() + " and each node's engine.log");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted", null);
        }
    }
}
