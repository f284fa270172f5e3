package dev.mvlab.engine;

import dev.mvlab.files.FileTrees;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.engine.host.LocalClusterState;
import dev.mvlab.engine.host.LocalClusterState.Node;
import dev.mvlab.engine.host.LocalClusterState.NodeState;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 4: a local 2 x 2 cluster under the engine host's supervision (one per class: four nodes). Every
 * node's HTTP port is the engine's door; a node that dies is started again, one killed with {@code cluster kill}
 * stays down until {@code cluster start NODE}, and a Distributed table fills its replicas when it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterTest {
    private static Path home;
    private static LocalCluster cluster;
    private static LocalClusterState state;

    @BeforeAll
    static void start() throws IOException {
        home = ClickHouseExtension.testRoot().resolve("local-cluster");
        FileTrees.deleteQuietly(home);
        Files.createDirectories(home);
        Files.writeString(home.resolve("mvlab.properties"), "home=" + home + "\nengine.origins=\n");
        cluster = new LocalCluster(ClickHouseExtension.testSettings(home), ProcessHandle.current().pid());
        state = cluster.start(2, 2, 512);
    }

    @AfterAll
    static void stop() {
        cluster.stop();
    }

    private static Node node(String name) {
        return cluster.require().node(name).orElseThrow();
    }

    private static long count(String node, String sql) {
        try (Database db = Database.connect(cluster.endpoint(node(node)), "default")) {
            return db.queryLong(sql);
        }
    }

    private static void run(String node, String sql) {
        try (Database db = Database.connect(cluster.endpoint(node(node)), "default")) {
            db.execute(sql);
        }
    }

    @Test
    @Order(1)
    void fourNodesAnswerWithTheirMacrosAndStatusListsThemWithWhatTheClusterCannotDo() {
        assertThat(state.nodes()).extracting(Node::name).containsExactly("s1r1", "s1r2", "s2r1", "s2r2");
        assertThat(state.nodes()).allMatch(n -> n.state() == NodeState.RUNNING && n.chdbPid() > 0);
        assertThat(state.nodes().stream().map(Node::httpPort).distinct()).hasSize(4);
        for (Node n : state.nodes()) {
            assertThat(count(n.name(), "SELECT toUInt64(getMacro('shard')) * 10 + toUInt64(getMacro('replica'))"))
                    .isEqualTo(n.shard() * 10L + n.replica());
        }
        assertThat(count("s1r1", "SELECT count() FROM system.clusters WHERE cluster = 'local'")).isEqualTo(4);
        assertThat(cluster.start(2, 2, 512).pid()).as("a second start finds the running cluster").isEqualTo(state.pid());
    }

    @Test
    @Order(2)
    void aDistributedInsertFillsBothReplicasOfEachShard() {
        for (Node n : state.nodes()) {
            run(n.name(), "CREATE TABLE default.events_local (k UInt64) ENGINE = MergeTree ORDER BY k");
            run(n.name(), "CREATE TABLE default.events AS default.events_local "
                    + "ENGINE = Distributed(local, default, events_local, k)");
        }
        run("s2r2", "INSERT INTO default.events SELECT number FROM numbers(1000)");
        run("s2r2", "SYSTEM FLUSH DISTRIBUTED default.events");
        long shardOne = count("s1r1", "SELECT count() FROM default.events_local");
        assertThat(count("s1r2", "SELECT count() FROM default.events_local")).isEqualTo(shardOne).isPositive();
        assertThat(count("s2r1", "SELECT count() FROM default.events_local"))
                .isEqualTo(count("s2r2", "SELECT count() FROM default.events_local")).isEqualTo(1000 - shardOne);
        assertThat(count("s1r2", "SELECT count() FROM default.events")).isEqualTo(1000);
    }

    @Test
    @Order(3)
    void aKilledReplicaStaysDownThenComesBackAndLosesNothing() throws InterruptedException {
        long shardOne = count("s1r1", "SELECT count() FROM default.events_local");
        LocalClusterState killed = cluster.kill("s1r2");
        assertThat(killed.node("s1r2").orElseThrow().state()).isEqualTo(NodeState.KILLED);
        assertThat(ProcessHandle.of(state.node("s1r2").orElseThrow().chdbPid()).map(ProcessHandle::isAlive))
                .isNotEqualTo(java.util.Optional.of(true));
        run("s2r1", "INSERT INTO default.events SELECT 1000 + number FROM numbers(1000)");
        // the Distributed queue of s2r1 sends in the background: shard one's rows to s1r1 (s1r2 is down), and shard
        // two's to s2r2 (s2r1 wrote its own replica at once); s2r2 reads shard two from itself
        long shardOneNow = shardOne;
        long total = 0;
        for (int i = 0; i < 400 && (shardOneNow == shardOne || total != 2000); i++) {
            Thread.sleep(50);
            shardOneNow = count("s1r1", "SELECT count() FROM default.events_local");
            total = count("s2r2", "SELECT count() FROM default.events");
        }
        assertThat(shardOneNow).isGreaterThan(shardOne);
        assertThat(total).as("reads fail over to s1r1").isEqualTo(2000);
        assertThat(node("s1r2").state()).as("not restarted while killed on purpose").isEqualTo(NodeState.KILLED);
        assertThat(cluster.startNode("s1r2").node("s1r2").orElseThrow().state()).isEqualTo(NodeState.RUNNING);
        run("s2r1", "SYSTEM FLUSH DISTRIBUTED default.events");
        assertThat(count("s1r2", "SELECT count() FROM default.events_local")).isEqualTo(shardOneNow);
    }

    @Test
    @Order(4)
    void aNodeThatDiesIsStartedAgainByTheSupervisor() throws Exception {
        Node before = node("s2r1");
        ProcessHandle.of(before.chdbPid()).orElseThrow().destroyForcibly();
        for (int i = 0; i < 600 && (node("s2r1").state() != NodeState.RUNNING
                || node("s2r1").chdbPid() == before.chdbPid()); i++) {
            Thread.sleep(100);
        }
        Node after = node("s2r1");
        assertThat(after.chdbPid()).isNotEqualTo(before.chdbPid());
        assertThat(after.restarts()).isEqualTo(before.restarts() + 1);
        assertThat(after.httpPort()).isEqualTo(before.httpPort());
        assertThat(count("s2r1", "SELECT count() FROM default.events_local"))
                .isEqualTo(count("s2r2", "SELECT count() FROM default.events_local"));
    }

    @Test
    @Order(5)
    void aNodesHttpPortIsTheEnginesDoor() throws IOException {
        Node n = state.nodes().get(3);
        Endpoint withCredential = cluster.credentialEndpoint(n);
        assertThat(send(n, "Host: 127.0.0.1\r\nAuthorization: " + withCredential.authorization() + "\r\n",
                "SELECT 40 + 2")).isEqualTo("200 42\n");
        assertThat(send(n, "Host: 127.0.0.1\r\n", "SELECT 1")).startsWith("401");
        assertThat(send(n, "Host: 127.0.0.1\r\nAuthorization: Basic ZGVmYXVsdDp3cm9uZw==\r\n", "SELECT 1"))
                .startsWith("401");
        assertThat(send(n, "Host: evil.example:" + n.httpPort() + "\r\nAuthorization: "
                + withCredential.authorization() + "\r\n", "SELECT 1")).startsWith("403");
        assertThat(send(n, "Host: 127.0.0.1\r\nOrigin: http://evil.example\r\nAuthorization: "
                + withCredential.authorization() + "\r\n", "SELECT 1")).startsWith("403");
        assertThat(send(n, "Host: 127.0.0.1\r\nAuthorization: " + withCredential.authorization() + "\r\n",
                "SELECT * FROM url('http://127.0.0.1:" + n.httpPort() + "/ping', 'LineAsString')"))
                .as("the engine's grants hold on a node: url() stays closed").doesNotStartWith("200");
    }

    @Test
    @Order(6)
    void aNodeKilledOnPurposeStaysDownUntilTheClusterIsStartedAfresh() {
        assertThat(cluster.kill("s2r2").node("s2r2").orElseThrow().state()).isEqualTo(NodeState.KILLED);
        cluster.stop();
        assertThat(cluster.running()).isEmpty();
        state = cluster.start(2, 2, 512);
        assertThat(state.nodes()).allMatch(n -> n.state() == NodeState.RUNNING);
        assertThat(count("s2r2", "SELECT count() FROM default.events_local"))
                .as("its data stayed").isEqualTo(count("s2r1", "SELECT count() FROM default.events_local"));
    }

    /** Raw HTTP, so the test sends exactly what another local program or a browser would; "status body". */
    private static String send(Node n, String headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", n.httpPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST / HTTP/1.1\r\n" + headers + "Content-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(9, 12) + " " + text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }
}
