package dev.mvlab.engine.host;

import dev.mvlab.clickhouse.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Four chDB nodes (2 shards x 2 replicas) started from {@link LocalClusterNodeConfig}: a Distributed table on any node
 * writes each block to both replicas of its shard (internal_replication=false, no Keeper), a view on each node's local
 * table sees its shard's rows, and the native ports decided before start are the ones the nodes listen on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterNodeTest {
    private static final Path LIBRARY = Path.of(System.getProperty("user.home"), ".cache/mvlab/engine/26.7.3/libchdb.so");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @TempDir
    static Path engineDir;
    private static final Map<String, ChdbProcess> NODES = new LinkedHashMap<>();
    private static final Map<String, HttpRelay.Upstream> UPSTREAMS = new LinkedHashMap<>();
    private static final Map<String, LocalClusterNodeConfig> CONFIGS = new LinkedHashMap<>();

    @BeforeAll
    static void startTwoByTwo() throws Exception {
        assumeTrue(Files.isRegularFile(LIBRARY), "the engine is not installed in ~/.cache/mvlab");
        List<List<Integer>> ports = List.of(List.of(freePort(), freePort()), List.of(freePort(), freePort()));
        LocalClusterLayout layout = new LocalClusterLayout(engineDir);
        for (int shard = 1; shard <= 2; shard++) {
            for (int replica = 1; replica <= 2; replica++) {
                String name = LocalClusterState.nodeName(shard, replica);
                CONFIGS.put(name, new LocalClusterNodeConfig("local", shard, replica, ports, 512L << 20));
                NODES.put(name, launch(name));
            }
        }
        for (Map.Entry<String, ChdbProcess> node : NODES.entrySet()) {
            UPSTREAMS.put(node.getKey(), node.getValue().awaitReady(Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError(node.getKey() + " did not start")));
        }
    }

    @AfterAll
    static void stopAll() {
        NODES.values().forEach(ChdbProcess::stop);
    }

    @Test
    @Order(1)
    void aDistributedInsertReachesBothReplicasOfEachShardAndEachShardsView() throws Exception {
        for (String node : NODES.keySet()) {
            query(node, "CREATE TABLE default.events_local (k UInt64, v UInt64) ENGINE = MergeTree ORDER BY k");
            query(node, "CREATE TABLE default.events AS default.events_local "
                    + "ENGINE = Distributed(local, default, events_local, k)");
            query(node, "CREATE TABLE default.totals_local (k UInt64, n UInt64) ENGINE = SummingMergeTree ORDER BY k");
            query(node, "CREATE MATERIALIZED VIEW default.totals_mv TO default.totals_local "
                    + "AS SELECT k % 10 AS k, count() AS n FROM default.events_local GROUP BY k");
            assertThat(query(node, "SELECT getMacro('shard') || '/' || getMacro('replica')"))
                    .isEqualTo(node.charAt(1) + "/" + node.charAt(3));
        }
        query("s1r1", "INSERT INTO default.events SELECT number, 1 FROM numbers(1000) "
                + "SETTINGS distributed_foreground_insert = 1");
        List<Long> counts = new ArrayList<>();
        for (String node : NODES.keySet()) {
            counts.add(Long.parseLong(query(node, "SELECT count() FROM default.events_local")));
        }
        assertThat(counts.get(0)).isEqualTo(counts.get(1)).isPositive();
        assertThat(counts.get(2)).isEqualTo(counts.get(3)).isPositive();
        assertThat(counts.get(0) + counts.get(2)).isEqualTo(1000);
        assertThat(query("s2r2", "SELECT count() FROM default.events")).isEqualTo("1000");
        assertThat(query("s1r2", "SELECT sum(n) FROM default.totals_local")).isEqualTo(String.valueOf(counts.get(0)));
    }

    @Test
    @Order(2)
    void aReplicaKilledWhileBlocksAreQueuedForItCatchesUpWhenItIsBackAndLosesNothing() throws Exception {
        long before = Long.parseLong(query("s1r2", "SELECT count() FROM default.events_local"));
        ProcessHandle killed = ProcessHandle.of(NODES.get("s1r2").pid()).orElseThrow();
        killed.destroyForcibly();
        killed.onExit().get();
        query("s1r1", "INSERT INTO default.events SELECT 1000 + number, 1 FROM numbers(1000)"); // queued per replica
        query("s2r1", "SYSTEM FLUSH DISTRIBUTED default.events"); // nothing of s2r1's queue waits for s1r2
        long shardOne = Long.parseLong(query("s1r1", "SELECT count() FROM default.events_local"));
        assertThat(shardOne).isGreaterThan(before);
        NODES.put("s1r2", launch("s1r2"));
        UPSTREAMS.put("s1r2", NODES.get("s1r2").awaitReady(Duration.ofSeconds(60)).orElseThrow());
        query("s1r1", "SYSTEM FLUSH DISTRIBUTED default.events");
        assertThat(Long.parseLong(query("s1r2", "SELECT count() FROM default.events_local"))).isEqualTo(shardOne);
        assertThat(query("s1r2", "SELECT sum(n) FROM default.totals_local")).isEqualTo(String.valueOf(shardOne));
        assertThat(query("s2r1", "SELECT count() FROM default.events")).isEqualTo("2000");
    }

    /**
     * The default profile's settings that keep nodes from abandoning connections to their peers (docs/clusters.md,
     * "chDB aborts") are in force on every node, including a node started again after a kill.
     */
    @Test
    @Order(3)
    void everyNodeRunsWithTheProfileSettingsThatKeepItsPeerConnections() throws Exception {
        assertThat(LocalClusterNodeConfig.PROFILE_SETTINGS).containsEntry("use_hedged_requests", "0");
        for (String node : NODES.keySet()) {
            for (Map.Entry<String, String> setting : LocalClusterNodeConfig.PROFILE_SETTINGS.entrySet()) {
                assertThat(query(node, "SELECT toString(getSetting('" + setting.getKey() + "') = "
                        + setting.getValue() + ")")).as(node + ": " + setting).isEqualTo("1");
            }
        }
    }

    private static ChdbProcess launch(String name) throws IOException {
        return ChdbProcess.launch(new LocalClusterLayout(engineDir).node(name), LIBRARY, EngineAccess.NONE, List.of(),
                CONFIGS.get(name));
    }

    private static String query(String node, String sql) throws IOException, InterruptedException {
        HttpRelay.Upstream upstream = UPSTREAMS.get(node);
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + upstream.port() + "/"))
                .header(ChdbConfig.SECRET_HEADER, upstream.config().secret())
                .header("Authorization", Endpoint.basicAuthorization(ChdbConfig.OWN_USER, upstream.config().ownPassword()))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(node + ": " + sql + " -> " + response.body()).isEqualTo(200);
        return response.body().strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
