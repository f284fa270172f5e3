package dev.mvlab.deploy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.engine.EngineInstaller;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;
import dev.mvlab.testing.ClickHouseExtension;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's own cluster of chDB nodes on 127.0.0.1 (ENGINE.md, "A local cluster"): one shard per node, one replica
 * each, a {@code remote_servers} cluster {@code c} listing every node's native port. Each node is a child JVM of this
 * test that runs clickhouse-local with HTTP and TCP listeners until it is destroyed; nothing is shared with the
 * test engine.
 */
final class LoopbackChdbCluster implements AutoCloseable {
    static final String NAME = "c";
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private final List<Integer> tcpPorts = new ArrayList<>();

    /** The three C functions of libchdb.so a node calls. */
    interface Chdb extends Library {
        void chdb_set_signal_handlers_enabled(boolean on);

        Pointer chdb_query_cmdline(int argc, String[] argv);
    }

    /** A node's process: {@code library config dataDir}. */
    public static void main(String[] args) {
        Chdb chdb = Native.load(args[0], Chdb.class);
        chdb.chdb_set_signal_handlers_enabled(false);
        String[] argv = {"clickhouse", "--config-file=" + args[1], "--path=" + args[2] + "/", "--query",
                "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; SELECT sleepEachRow(1) FROM system.numbers "
                        + "SETTINGS max_block_size=1, max_execution_time=0 FORMAT Null"};
        chdb.chdb_query_cmdline(argv.length, argv);
    }

    static LoopbackChdbCluster start(Path dir, int nodes) throws IOException, InterruptedException {
        LoopbackChdbCluster cluster = new LoopbackChdbCluster();
        for (int i = 0; i < nodes; i++) {
            cluster.httpPorts.add(freePort());
            cluster.tcpPorts.add(freePort());
        }
        Path library = new EngineInstaller(ClickHouseExtension.testSettings(ClickHouseExtension.testRoot()
                .resolve("shared")).cacheDir()).ensureInstalled();
        StringBuilder shards = new StringBuilder();
        for (int port : cluster.tcpPorts) {
            shards.append("<shard><internal_replication>false</internal_replication><replica><host>127.0.0.1</host>")
                    .append("<port>").append(port).append("</port></replica></shard>");
        }
        try {
            for (int i = 0; i < nodes; i++) {
                Path node = Files.createDirectories(dir.resolve("node" + (i + 1)));
                Path config = node.resolve("config.xml");
                Files.writeString(config, "<clickhouse><listen_host>127.0.0.1</listen_host><http_port>"
                        + cluster.httpPorts.get(i) + "</http_port><tcp_port>" + cluster.tcpPorts.get(i) + "</tcp_port>"
                        + "<macros><shard>" + (i + 1) + "</shard><replica>1</replica></macros>"
                        + "<background_distributed_schedule_pool_size>2</background_distributed_schedule_pool_size>"
                        + "<max_server_memory_usage>1000000000</max_server_memory_usage>"
                        + "<remote_servers><" + NAME + ">" + shards + "</" + NAME + "></remote_servers></clickhouse>");
                Path data = Files.createDirectories(node.resolve("data"));
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        LoopbackChdbCluster.class.getName(), library.toString(), config.toString(), data.toString());
                cluster.processes.add(new ProcessBuilder(command).directory(node.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(node.resolve("node.log").toFile()).redirectErrorStream(true).start());
            }
            for (int i = 0; i < nodes; i++) {
                cluster.awaitReady(i, Duration.ofSeconds(60));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    Database connect(int node, String database) {
        return Database.connect(Endpoint.loopback(httpPorts.get(node)), database);
    }

    int tcpPort(int node) {
        return tcpPorts.get(node);
    }

    /**
     * Creates {@code database} on every node with what {@code renderer} renders for the workshop project's graph (the
     * statements that create), then inserts {@code events} events (half purchases) through node 1's Distributed
     * {@code estore_events} and flushes them to their shards.
     */
    void createWorkshopOnEveryNode(String database, SqlRenderer renderer, ProjectGraph graph, int events) {
        for (int node = 0; node < processes.size(); node++) {
            try (Database server = connect(node, "default")) {
                server.createDatabase(database);
                try (Database db = server.use(database)) {
                    for (Statement statement : renderer.applyPlan(graph).statements()) {
                        if (statement.kind().creates()) {
                            db.execute(statement.sql());
                        }
                    }
                }
            }
        }
        try (Database first = connect(0, database)) {
            first.execute("INSERT INTO estore_events SELECT if(number % 2 = 0, 'purchase', 'view'), "
                    + "toString(number % 97), toString(number % 13), 1.5, now() FROM numbers(" + events + ")");
            first.execute("SYSTEM FLUSH DISTRIBUTED estore_events");
        }
    }

    /** Ends one node's process (a node down). */
    void kill(int node) throws InterruptedException {
        Process process = processes.get(node);
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitReady(int node, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline) && processes.get(node).isAlive()) {
            if (!listening(httpPorts.get(node))) {
                Thread.sleep(100);
                continue;
            }
            try (Database db = connect(node, "default")) {
                db.query("SELECT 1");
                return;
            } catch (RuntimeException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("node " + (node + 1) + " did not answer", last);
    }

    /** True once something accepts connections on the port (the client library would retry and log otherwise). */
    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
