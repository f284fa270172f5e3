package dev.mvlab.engine.host;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The local cluster's host: the process {@code mvlab cluster start} leaves running. It decides every port first
 * (remote_servers cannot be reloaded), then for each node opens a relay on its own public port (the engine's door:
 * the engine's credential and own key, Host/Origin checks, the engine's users and grants) and runs the node's chDB
 * in a JVM of its own ({@link ChdbProcess}, with {@link LocalClusterNodeConfig}), starting it again when it dies
 * unless it was killed on purpose ({@link LocalClusterLayout#killedMarker}); it starts such a node again when the
 * marker goes. SIGTERM stops every node.
 *
 * <p>Arguments: {@code <libchdb.so> <engineDir> <shards> <replicas> <memoryMb> <access> <origins> [<ownerPid>]}.
 */
final class LocalClusterSupervisor {
    static final String CLUSTER_NAME = "local";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int PER_CLIENT = 16;
    private static final int OWN_LANE = 32;

    private final LocalClusterLayout layout;
    private final Path library;
    private final EngineAccess access;
    private final List<String> origins;
    private final List<NodeRun> runs = new ArrayList<>();
    private volatile boolean stopping;
    private LocalClusterState state;

    private LocalClusterSupervisor(LocalClusterLayout layout, Path library, EngineAccess access, List<String> origins) {
        this.layout = layout;
        this.library = library;
        this.access = access;
        this.origins = origins;
    }

    /** One node: its relay and the chDB process running now. */
    private final class NodeRun {
        final LocalClusterNodeConfig config;
        final EngineLayout nodeLayout;
        final HttpRelay relay;
        final Server server;
        volatile ChdbProcess chdb;

        NodeRun(LocalClusterNodeConfig config) {
            this.config = config;
            String name = LocalClusterState.nodeName(config.shard(), config.replica());
            this.nodeLayout = layout.node(name);
            this.relay = EngineSupervisor.relayWithEngineKeys(layout.engineDir(), nodeLayout.stateDir(), origins,
                    new RequestBody.Spool(nodeLayout.privateDir().resolve("spool")),
                    new ClientLimits(PER_CLIENT, OWN_LANE));
            QueuedThreadPool threads = new QueuedThreadPool(OWN_LANE + 4 * PER_CLIENT, 2);
            threads.setName("relay-" + name);
            threads.setDaemon(true);
            this.server = new Server(threads);
            ServerConnector connector = new ServerConnector(server, 1, 1);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            connector.setIdleTimeout(Duration.ofMinutes(10).toMillis());
            server.addConnector(connector);
            server.setHandler(relay);
        }

        String name() {
            return nodeLayout.stateDir().getFileName().toString();
        }

        int httpPort() {
            return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7 && args.length != 8) {
            System.err.println("usage: LocalClusterSupervisor <libchdb.so> <engineDir> <shards> <replicas> <memoryMb>"
                    + " <access> <origins> [<ownerPid>]");
            System.exit(2);
        }
        LocalClusterLayout layout = new LocalClusterLayout(Path.of(args[1]));
        List<String> origins = args[6].equals("-") ? List.of() : Arrays.asList(args[6].split(","));
        EngineAccess access = EngineAccess.parse(args[5].equals("-") ? "" : args[5]);
        LocalClusterSupervisor supervisor = new LocalClusterSupervisor(layout, Path.of(args[0]), access, origins);
        if (args.length == 8) {
            OwnerWatch.start(Long.parseLong(args[7]), LocalClusterSupervisor::log);
        }
        supervisor.run(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
    }

    private void run(int shards, int replicas, long memoryMb) throws Exception {
        Files.createDirectories(layout.dir());
        FileChannel hostLock = FileChannel.open(layout.hostLockFile(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        if (hostLock.tryLock() == null) {
            log("another cluster host already runs on " + layout.dir() + "; this one ends");
            System.exit(3);
        }
        List<List<Integer>> ports = new ArrayList<>();
        for (int s = 1; s <= shards; s++) {
            List<Integer> replicaPorts = new ArrayList<>();
            for (int r = 1; r <= replicas; r++) {
                replicaPorts.add(previousOrFreePort(s, r));
            }
            ports.add(replicaPorts);
        }
        List<LocalClusterState.Node> nodes = new ArrayList<>();
        for (int s = 1; s <= shards; s++) {
            for (int r = 1; r <= replicas; r++) {
                NodeRun run = new NodeRun(new LocalClusterNodeConfig(CLUSTER_NAME, s, r, ports,
                        memoryMb * 1024 * 1024));
                Files.createDirectories(run.nodeLayout.privateDir());
                Files.setPosixFilePermissions(run.nodeLayout.privateDir(), PosixFilePermissions.fromString("rwx------"));
                run.server.start();
                runs.add(run);
                boolean killed = Files.exists(layout.killedMarker(run.name()));
                nodes.add(new LocalClusterState.Node(run.name(), s, r, run.httpPort(), run.config.tcpPort(), 0,
                        killed ? LocalClusterState.NodeState.KILLED : LocalClusterState.NodeState.STARTING, 0));
            }
        }
        state = new LocalClusterState(ProcessHandle.current().pid(), CLUSTER_NAME, shards, replicas, memoryMb,
                Instant.now(), nodes);
        state.write(layout.stateFile());
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "cluster-stop"));
        log(shards + " x " + replicas + " nodes, relays on " + nodes.stream().map(n -> n.name() + ":" + n.httpPort())
                .toList());
        List<Thread> threads = new ArrayList<>();
        for (NodeRun run : runs) {
            Thread thread = new Thread(() -> superviseQuietly(run), "node-" + run.name());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** The native port a node had before (its data and its peers' queues name it), else a free one. */
    private int previousOrFreePort(int shard, int replica) throws IOException {
        Path file = layout.node(LocalClusterState.nodeName(shard, replica)).stateDir().resolve("tcp-port");
        if (Files.isRegularFile(file)) {
            int port = Integer.parseInt(Files.readString(file).strip());
            if (isFree(port)) {
                return port;
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, port + "\n");
        return port;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private void superviseQuietly(NodeRun run) {
        try {
            supervise(run);
        } catch (IOException e) {
            log(run.name() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a node's chDB, again whenever it dies, and waits while it is killed on purpose. */
    private void supervise(NodeRun run) throws IOException, InterruptedException {
        int restarts = 0;
        while (!stopping) {
            if (Files.exists(layout.killedMarker(run.name()))) {
                update(run, 0, LocalClusterState.NodeState.KILLED, restarts);
                while (Files.exists(layout.killedMarker(run.name())) && !stopping) {
                    Thread.sleep(100);
                }
                continue;
            }
            update(run, 0, LocalClusterState.NodeState.STARTING, restarts);
            Instant launched = Instant.now();
            ChdbProcess process = ChdbProcess.launch(run.nodeLayout, library, access, List.of(), run.config);
            run.chdb = process;
            var upstream = process.awaitReady(READY_TIMEOUT);
            if (upstream.isPresent() && !stopping) {
                run.relay.upstream(upstream.get());
                update(run, process.pid(), LocalClusterState.NodeState.RUNNING, restarts);
                log(run.name() + ": chDB ready (pid " + process.pid() + ") in "
                        + Duration.between(launched, Instant.now()).toMillis() + " ms");
            }
            int code = process.waitFor();
            run.relay.upstream(null);
            if (stopping) {
                break;
            }
            boolean onPurpose = Files.exists(layout.killedMarker(run.name()));
            if (!onPurpose) {
                restarts++;
            }
            log(run.name() + ": chDB (pid " + process.pid() + ") exited with code " + code
                    + (onPurpose ? ", killed on purpose: it stays down until `mvlab cluster start " + run.name() + "`"
                    : "; starting it again on the same data (restart " + restarts + ")"));
            Thread.sleep(onPurpose ? 0 : 300);
        }
    }

    private synchronized void update(NodeRun run, long chdbPid, LocalClusterState.NodeState nodeState, int restarts)
            throws IOException {
        LocalClusterState.Node node = state.node(run.name()).orElseThrow();
        state = state.with(node.with(chdbPid, nodeState, restarts));
        if (!stopping) {
            state.write(layout.stateFile());
        }
    }

    /** SIGTERM or the owner gone: stop every node (in parallel), every relay, remove the state. */
    private void shutdown() {
        stopping = true;
        List<Thread> stops = new ArrayList<>();
        for (NodeRun run : runs) {
            run.relay.upstream(null);
            ChdbProcess current = run.chdb;
            if (current != null) {
                Thread stop = new Thread(current::stop);
                stop.start();
                stops.add(stop);
            }
        }
        for (Thread stop : stops) {
            try {
                stop.join(40_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (NodeRun run : runs) {
            try {
                run.server.stop();
            } catch (Exception e) {
                log("relay stop: " + e);
            }
        }
        try {
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException ignored) {
            // the next start sees a dead pid
        }
        log("stopped");
    }

    static void log(String message) {
        System.out.println(Instant.now() + " mvlab cluster: " + message);
        System.out.flush();
    }
}
